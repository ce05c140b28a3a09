"""Exchange in: an import merged into the journal, in one transaction."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..core.model import (
    Category,
    InterviewRecord,
    Issue,
    utc_now,
)
from ..core.taxonomy import user_category
from ..core.validate import (
    InvalidValue,
    prepare_category,
    prepare_follow_up,
    prepare_interview,
    prepare_issue,
    prepare_positive,
)
from . import converters
from .backup import Backup
from .tables import (
    KIND_OF,
    moment,
    stamp_after,
)


@dataclass(slots=True)
class ImportCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    """Rows the file has an older copy of (or one of unknown age): the journal's was kept."""


@dataclass(slots=True)
class ImportSummary:
    """What an import did, per kind of row."""

    categories: ImportCounts
    interviews: ImportCounts
    issues: ImportCounts
    positives: ImportCounts
    follow_ups: ImportCounts
    reviews: ImportCounts = field(default_factory=ImportCounts)
    kept: list[str] = field(default_factory=list)
    """The first few rows kept as the journal has them, as `interview 5b0c1c7e`."""
    backup: Path | None = None
    """Where the journal was copied before the import changed rows it already had."""

    @classmethod
    def empty(cls) -> ImportSummary:
        return cls(ImportCounts(), ImportCounts(), ImportCounts(), ImportCounts(), ImportCounts())

    @property
    def total_kept(self) -> int:
        return sum(c.kept for c in (self.interviews, self.issues, self.positives, self.follow_ups))


def _last_review(card: str | None) -> dt.datetime | None:
    try:
        return moment(json.loads(card)["last_review"]) if card else None
    except (ValueError, TypeError, KeyError):
        return None


@dataclass(slots=True)
class _Merge:
    """Writes the rows of one import. Plain SQL rather than sqlite-utils' `insert`, which looks
    the table up on every call: an import of 100,000 rows spends most of its time there."""

    conn: sqlite3.Connection
    now: str
    before_change: Callable[[], None]
    """Called before a row the journal already had is changed (the backup is made there)."""
    kept: list[str]
    """Where the first rows kept as the journal has them are named (ImportSummary.kept)."""

    def row(
        self, table: str, key: str, row: dict, counts: ImportCounts, owner: str | None = None
    ) -> int:
        """Insert `row`, or update the row with the same key if the file's copy is not older;
        return its id (its key for a table without ids). A row found under another `owner`
        (an issue of another interview) is refused, not moved."""
        content = {name: value for name, value in row.items() if name not in ("created", "updated")}
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", [row[key]])
        found = cursor.fetchone()
        stamped = "created" in row
        if found is None:
            if stamped:
                created = row["created"] or self.now
                row = content | {"created": created, "updated": row["updated"] or created}
            cursor = self.conn.execute(
                f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            )
            counts.added += 1
            return row[key] if key != "uuid" else cursor.lastrowid
        current = dict(zip([column[0] for column in cursor.description], found, strict=True))
        if owner is not None and current[owner] != row[owner]:
            raise InvalidValue(key, f"{row[key]} belongs to another interview in the journal")
        if all(current.get(name) == value for name, value in content.items()):
            counts.unchanged += 1
        elif stamped and not self._not_older(row["updated"], current["updated"]):
            counts.kept += 1
            if len(self.kept) < 10:
                self.kept.append(f"{KIND_OF[table]} {row[key][:8]}")
        else:
            self.before_change()
            changes = content | ({"updated": self._updated(row, current)} if stamped else {})
            self.conn.execute(
                f"UPDATE {table} SET {', '.join(f'{name} = ?' for name in changes)} "
                f"WHERE {key} = ?",
                [*changes.values(), row[key]],
            )
            counts.updated += 1
        return current.get("id", current[key])

    @staticmethod
    def _updated(theirs: dict, ours: dict) -> str:
        """The file's time for its newer copy. A copy of the same time that differs (edited by
        hand) is a new edit: it gets a time of its own, after the journal's, so that a window
        holding the journal's copy sees that it changed."""
        if moment(theirs["updated"]) == moment(ours["updated"]):
            return stamp_after(ours["updated"])
        return theirs["updated"]

    @staticmethod
    def _not_older(theirs: str, ours: str) -> bool:
        """Whether the file's copy, changed at `theirs`, may replace the journal's, changed at
        `ours`: a copy without a time is of unknown age, and never replaces one."""
        their_time, our_time = moment(theirs), moment(ours)
        return their_time is not None and (our_time is None or their_time >= our_time)

    def review_state(self, issue_id: int, issue: Issue, counts: ImportCounts) -> None:
        """The issue's card, where the file's was reviewed later, and every grade the journal
        does not have yet."""
        if issue.card is not None:
            ours = self.conn.execute("SELECT card FROM issues WHERE id = ?", [issue_id])
            card = ours.fetchone()[0]
            theirs_at, ours_at = _last_review(issue.card), _last_review(card)
            later = theirs_at is not None and (ours_at is None or theirs_at > ours_at)
            if card != issue.card and (card is None or later):
                if card is not None:
                    self.before_change()
                self.conn.execute("UPDATE issues SET card = ? WHERE id = ?", [issue.card, issue_id])
        for review in issue.reviews:
            values = [issue_id, review.rating, review.reviewed, review.due]
            there = self.conn.execute(
                "SELECT 1 FROM reviews WHERE issue_id = ? AND rating = ? AND reviewed = ? "
                "AND due = ?",
                values,
            ).fetchone()
            if there:
                counts.unchanged += 1
            else:
                self.conn.execute(
                    "INSERT INTO reviews (issue_id, rating, reviewed, due) VALUES (?, ?, ?, ?)",
                    values,
                )
                counts.added += 1


class Importing(Backup):
    """Imports: categories and whole interview records merged in."""

    def import_records(
        self,
        categories: Iterable[Category],
        records: Iterable[InterviewRecord],
        *,
        backup_first: bool = False,
    ) -> ImportSummary:
        """Merge categories and interviews in, matched by slug and uuid, in one transaction:
        `import_items` with the categories first."""
        return self.import_items(itertools.chain(categories, records), backup_first=backup_first)

    def import_items(
        self, items: Iterable[Category | InterviewRecord], *, backup_first: bool = False
    ) -> ImportSummary:
        """Merge categories and interviews in, in one transaction, each as it comes: a file of
        any size is stored as it is read, never held whole. A failure anywhere (a bad row
        further on) leaves the journal as it was.

        A row the journal does not have is added with the times the file gives it. A row it
        has is replaced by the file's copy only when that copy is as new or newer (its
        `updated`); a newer edit in the journal is kept and counted as such, and so is a row
        of a file that gives no time (a version 1 file: its age is unknown). Rows the file does
        not mention are kept; the same import twice changes nothing. With `backup_first`, the
        first change to a row the journal already had is preceded by a backup beside it of
        the journal as it was (read by a connection of its own, which sees what was committed
        before the import began).
        """
        with self._writing() as db:
            summary = ImportSummary.empty()

            def before_change() -> None:
                if backup_first and summary.backup is None:
                    summary.backup = self._backup_before_import()

            merge = _Merge(db.conn, utc_now(), before_change, summary.kept)
            known = {row[0] for row in db.execute("SELECT slug FROM categories")}
            for number, item in enumerate(items):
                if isinstance(item, Category):
                    row = converters.category_to_row(prepare_category(item))
                    merge.row("categories", "slug", row, summary.categories)
                    known.add(item.slug)
                else:
                    self._import_record(merge, item, known, summary, number)
        return summary

    def _import_record(
        self,
        merge: _Merge,
        record: InterviewRecord,
        known: set[str],
        summary: ImportSummary,
        number: int,
    ) -> None:
        for issue in record.issues:
            if issue.category and issue.category not in known:
                category = prepare_category(user_category(issue.category))
                merge.row(
                    "categories", "slug", converters.category_to_row(category), summary.categories
                )
                known.add(issue.category)
        row = converters.interview_to_row(prepare_interview(record.interview))
        interview_id = merge.row("interviews", "uuid", row, summary.interviews)
        children = (
            ("issues", record.issues, prepare_issue, converters.issue_to_row, summary.issues),
            (
                "positives",
                record.positives,
                prepare_positive,
                converters.positive_to_row,
                summary.positives,
            ),
            (
                "follow_ups",
                record.follow_ups,
                prepare_follow_up,
                converters.follow_up_to_row,
                summary.follow_ups,
            ),
        )
        for table, items, prepare, to_row, counts in children:
            for index, item in enumerate(items):
                try:
                    child = to_row(prepare(item)) | {"interview_id": interview_id}
                    row_id = merge.row(table, "uuid", child, counts, "interview_id")
                except InvalidValue as error:  # said with where it is in the file
                    where = f"interviews[{number}].{table}[{index}].{error.field}"
                    raise InvalidValue(where, error.message) from None
                if table == "issues":
                    merge.review_state(row_id, item, summary.reviews)
