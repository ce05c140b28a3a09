"""Rescue: every row that can still be read from a damaged journal, as interview records and
questions (with their answers, grades and the links to them).

The journal is read table by table in rowid order. Where SQLite stops at a damaged page, the
walk looks for the next rowid it can read again (doubling its step, then halving back to the
first readable one) and goes on from there, so one bad page costs the rows on it and no more.
How many rows were lost is told by each table's uuid index, which lives in pages of its own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from ..core.model import (
    MOST_STORIES,
    Category,
    Interview,
    InterviewRecord,
    Profile,
    Question,
    Review,
)
from . import converters
from .driver import sqlite3
from .errors import JournalError, translate
from .files import connect, inspect_file
from .settings import stored_profile

_ROWID_MAX = 2**63 - 1
_LOST = uuid.UUID("0b7f3f4e-5d1a-4c2b-9e8f-6a1d2c3b4a59")  # the same placeholder on each rescue
_KINDS = (
    "categories",
    "interviews",
    "issues",
    "positives",
    "follow_ups",
    "reviews",
    "questions",
    "stories",
    "question_reviews",
)


@dataclass(slots=True)
class Salvaged:
    """What was read of one table: the rows, and how many it held (None if unknown)."""

    rows: list[dict] = field(default_factory=list)
    held: int | None = None
    unreadable: int = 0
    """Rows read but not understood (written wrong by another program)."""

    @property
    def lost(self) -> int | None:
        if self.held is None:
            return None if not self.unreadable else self.unreadable
        return max(self.held - len(self.rows), 0) + self.unreadable


@dataclass(slots=True)
class Rescue:
    categories: list[Category]
    records: list[InterviewRecord]
    tables: dict[str, Salvaged]
    questions: list[Question] = field(default_factory=list)
    """The journal's questions, each with the answers and practice grades that were saved."""
    placeholders: int = 0
    """Interviews made up to hold issues, what went well or follow-ups whose interview was lost."""
    profile: Profile = field(default_factory=Profile)
    """The user's profile, if it could be read (else an empty one)."""

    def saved(self, table: str) -> int:
        return len(self.tables[table].rows) - self.tables[table].unreadable


def _walk(conn: sqlite3.Connection, table: str) -> Iterator[dict]:
    """Every readable row of `table`, in rowid order, skipping the damaged stretches. Where a
    scan fails, rows are read one at a time (a lookup may still read what a scan cannot)
    until one cannot be read; from there, the walk goes on at the next rowid that reads."""
    after = -_ROWID_MAX - 1
    while True:
        try:
            cursor = conn.execute(
                f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid > ? ORDER BY rowid", [after]
            )
            names = [column[0] for column in cursor.description]
            for values in cursor:
                row = dict(zip(names, values, strict=True))
                after = row.pop("_rowid")
                yield row
            return
        except sqlite3.DatabaseError:
            pass
        first = _first_from(conn, table, after + 1)
        if first is _UNREADABLE:
            resume = _next_readable(conn, table, after)
            if resume is None:
                return
            after = resume - 1
        elif first is None:
            return
        else:
            after = first.pop("_rowid")
            yield first


_UNREADABLE: dict = {}


def _first_from(conn: sqlite3.Connection, table: str, rowid: int) -> dict | None:
    """The first row at or after `rowid`; None if there is none, _UNREADABLE if it cannot be
    read."""
    try:
        cursor = conn.execute(
            f"SELECT rowid AS _rowid, * FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1",
            [rowid],
        )
        found = cursor.fetchone()
    except sqlite3.DatabaseError:
        return _UNREADABLE
    if found is None:
        return None
    return dict(zip([column[0] for column in cursor.description], found, strict=True))


def _readable_from(conn: sqlite3.Connection, table: str, rowid: int) -> bool | None:
    """Whether the first row at or after `rowid` reads (None: there is none)."""
    found = _first_from(conn, table, rowid)
    return None if found is None else found is not _UNREADABLE


def _next_readable(conn: sqlite3.Connection, table: str, after: int) -> int | None:
    """The smallest rowid past `after` from which rows read again, or None if none does."""
    step, failed = 1, after
    while True:
        probe = after + step
        if probe > _ROWID_MAX:
            return None
        state = _readable_from(conn, table, probe)
        if state is None:
            return None
        if state:
            break
        failed, step = probe, step * 2
    low, high = failed, probe  # reads from `high`, not from `low`
    while high - low > 1:
        middle = (low + high) // 2
        if _readable_from(conn, table, middle):
            high = middle
        else:
            low = middle
    return high


def _held(conn: sqlite3.Connection, table: str) -> int | None:
    """How many rows `table` holds, counted in one of its indexes (None if none can say)."""
    indexes = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", [table]
        )
    ]
    for index in indexes:
        try:
            return conn.execute(f"SELECT count(*) FROM {table} INDEXED BY {index}").fetchone()[0]
        except sqlite3.DatabaseError:
            continue
    return None


def _salvage(conn: sqlite3.Connection, table: str) -> Salvaged:
    salvaged = Salvaged()
    try:
        salvaged.rows = list(_walk(conn, table))
        salvaged.held = _held(conn, table)
    except sqlite3.DatabaseError:  # the table is not even in the schema any more
        pass
    return salvaged


def _read(rows: list[dict], convert: Callable, salvaged: Salvaged) -> list:
    """The rows this app understands; the others are counted as lost."""
    read = []
    for row in rows:
        try:
            read.append(convert(row))
        except JournalError:
            salvaged.unreadable += 1
    return read


def rescue(path: str | Path) -> Rescue:
    """Read every row that can still be read from the journal at `path`, writing nothing."""
    path = Path(path).expanduser()
    _inspect_for_rescue(path)
    try:
        conn = connect(path, read_only=True, timeout=1.0)
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        tables = {table: _salvage(conn, table) for table in _KINDS}
        profile = _profile(conn)
    finally:
        conn.close()
    rescued = _assemble(tables)
    rescued.profile = profile
    return rescued


def _profile(conn: sqlite3.Connection) -> Profile:
    """The profile kept in the journal, or an empty one where it cannot be read."""
    try:
        return stored_profile(conn)
    except (sqlite3.DatabaseError, JournalError):
        return Profile()


def _inspect_for_rescue(path: Path) -> None:
    """Refuse what is not a SQLite file at all; a damaged one is what rescue is for."""
    from .errors import CorruptJournal

    with suppress(CorruptJournal):
        inspect_file(path)


def _assemble(tables: dict[str, Salvaged]) -> Rescue:
    categories = _read(
        tables["categories"].rows, converters.category_from_row, tables["categories"]
    )
    questions, stories = _questions(tables)
    interviews: dict[int, Interview] = {}
    for row in tables["interviews"].rows:
        read = _read([row], converters.interview_from_row, tables["interviews"])
        if read:
            interviews[row["id"]] = read[0]
    records = {row_id: InterviewRecord(interview) for row_id, interview in interviews.items()}
    graded: dict[int, list[Review]] = defaultdict(list)
    for row in tables["reviews"].rows:
        try:
            graded[row["issue_id"]].append(Review(int(row["rating"]), row["reviewed"], row["due"]))
        except (KeyError, TypeError, ValueError):
            tables["reviews"].unreadable += 1
    orphans: dict[int, InterviewRecord] = {}
    for table, convert, attribute in (
        ("issues", converters.issue_from_row, "issues"),
        ("positives", converters.positive_from_row, "positives"),
        ("follow_ups", converters.follow_up_from_row, "follow_ups"),
    ):
        for row in tables[table].rows:
            owner = records.get(row["interview_id"]) or orphans.get(row["interview_id"])
            if owner is None:
                owner = orphans[row["interview_id"]] = InterviewRecord(_placeholder(row))
            found = row | {"interview_uuid": owner.interview.uuid}
            question = questions.get(row.get("question_id") or 0)
            if question is not None:
                found["question_uuid"] = question.uuid
                found["story_uuid"] = stories.get(row.get("story_id") or 0)
            elif row.get("question_id") is not None:
                # its question was lost: the import links it again by its words, rather than
                # take a confirmed link to a question it cannot name for "no question"
                found["question_link"] = None
            read = _read([found], convert, tables[table])
            if not read:
                continue
            if table == "issues":
                read[0].reviews = graded.get(row["id"], [])
            getattr(owner, attribute).append(read[0])
    everything = [*records.values(), *orphans.values()]
    everything.sort(
        key=lambda r: (r.interview.date, r.interview.time or dt.time(), r.interview.uuid)
    )
    return Rescue(
        categories,
        everything,
        tables,
        questions=list(questions.values()),
        placeholders=len(orphans),
    )


def _questions(tables: dict[str, Salvaged]) -> tuple[dict[int, Question], dict[int, str]]:
    """The questions that were saved, by their row id, each with its saved answers (in their
    order) and grades; and the saved answers' uuids by their row id. An answer or a grade whose
    question was lost is counted as lost with it."""
    questions: dict[int, Question] = {}
    for row in tables["questions"].rows:
        read = _read([row], converters.question_from_row, tables["questions"])
        if read:
            questions[row["id"]] = read[0]
    stories: dict[int, str] = {}
    for row in sorted(tables["stories"].rows, key=lambda r: (r.get("position") or 0, r["id"])):
        question = questions.get(row.get("question_id") or 0)
        read = (
            _read(
                [row | {"question_uuid": question.uuid}],
                converters.story_from_row,
                tables["stories"],
            )
            if question is not None
            else []
        )
        if question is None or not read or len(question.stories) >= MOST_STORIES:
            tables["stories"].unreadable += 1
            continue
        question.stories.append(read[0])
        stories[row["id"]] = read[0].uuid
    for row in tables["question_reviews"].rows:
        question = questions.get(row.get("question_id") or 0)
        try:
            if question is None:
                raise KeyError(row.get("question_id"))
            question.reviews.append(Review(int(row["rating"]), row["reviewed"], row["due"]))
        except (KeyError, TypeError, ValueError):
            tables["question_reviews"].unreadable += 1
    return questions, stories


def _placeholder(child: dict) -> Interview:
    """An interview to hold what survived of one whose own row was lost."""
    try:
        day = dt.date.fromisoformat(str(child.get("created", ""))[:10])
    except ValueError:
        day = dt.date.today()
    return Interview(
        uuid=str(uuid.uuid5(_LOST, str(child.get("interview_id")))),
        company="(interview lost in the damage)",
        date=day,
        notes="Rescued from a damaged journal: this interview's own row could not be read, "
        "so its company, date and notes are gone. What was written about it is below.",
    )
