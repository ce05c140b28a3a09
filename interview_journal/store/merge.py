"""The rows of one import, merged into the journal a batch at a time.

An import of 10,000 interviews writes some 100,000 rows. Row by row, each with a query to find
it and a statement to write it, and each insert re-indexed for search by a trigger (which flushes
the full-text index row by row), that took seconds. Here the rows a batch names are looked up in a
few queries, its new rows are written by `executemany`, and the full-text indexes are brought up
to date once, at the end (`SearchLater`). What is merged, and how, is unchanged: see
`Importing.import_items`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TypeVar

from ..core.model import InterviewRecord, Issue
from ..core.validate import InvalidValue
from .driver import sqlite3
from .import_summary import ImportCounts
from .schema import SEARCHABLE
from .tables import KIND_OF, RECORD_KIND, moment, stamp_after

T = TypeVar("T")
CHILD_TABLES = ("issues", "positives", "follow_ups")
_CHUNK = 500  # keys per lookup: well under SQLite's limit of bound values


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """`items` in lists of `size`. When reading the next item fails (a file broken further on),
    the items read before it are given first: whatever is wrong with them is said first, as it
    would be if they were merged one at a time."""
    batch: list[T] = []
    iterator = iter(items)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            break
        except Exception:
            if batch:
                yield batch
                batch = []
            raise
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def last_review(card: str | None) -> dt.datetime | None:
    try:
        return moment(json.loads(card)["last_review"]) if card else None
    except (ValueError, TypeError, KeyError):
        return None


class SearchLater:
    """The full-text indexes of a large import, brought up to date once, at its end.

    A small import (`add`, a few records) keeps the triggers: each row it writes is indexed as
    it goes, and the journal's schema is left alone, so that other programs reading it at that
    moment are not told that it changed under them. Once an import has written `WORTH_IT` rows
    of the tables that are searched, their triggers are dropped (`writing`), inside its
    transaction (a failed import rolls the drop back with everything else), and made again at
    the end from their own SQL. Then the words of the rows the import changed after the drop
    leave the index, and those of every row it added or changed after it go in, each table in
    one statement. A table whose triggers are not all there is left as it is, its rows indexed
    (or not) as before."""

    WORTH_IT = 500
    """Rows written before dropping the triggers pays: below it, the triggers are cheaper than
    changing the schema twice."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.started = False
        self.written = 0
        self.tables: list[str] = []
        self.triggers: list[str] = []
        self.first_new: dict[str, int] = {}
        self.before: dict[str, dict[int, tuple]] = {}

    def writing(self, rows: int) -> None:
        """Called before the import writes `rows` rows of a table that is searched."""
        self.written += rows
        if self.written >= self.WORTH_IT:
            self.start()

    def start(self) -> None:
        if self.started:
            return
        self.started = True
        conn = self.conn
        names = [f"{table}_{when}" for table in SEARCHABLE for when in ("ai", "ad", "au")]
        found = dict(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                f"AND name IN ({', '.join('?' * len(names))})",
                names,
            ).fetchall()
        )
        self.tables = [
            table
            for table in SEARCHABLE
            if all(f"{table}_{when}" in found for when in ("ai", "ad", "au"))
        ]
        self.triggers = [
            found[f"{table}_{when}"] for table in self.tables for when in ("ai", "ad", "au")
        ]
        self.before = {table: {} for table in self.tables}
        for table in self.tables:
            for when in ("ai", "ad", "au"):
                conn.execute(f"DROP TRIGGER {table}_{when}")
            (last,) = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()
            self.first_new[table] = last + 1

    def changing(self, table: str, row: dict) -> None:
        """`row`, as the journal has it, is about to change: its words as they are indexed now
        leave the index at the end (once, however often it changes)."""
        if self.started and table in self.before and row["id"] < self.first_new[table]:
            words = tuple(row[column] for column in SEARCHABLE[table])
            self.before[table].setdefault(row["id"], words)

    def finish(self) -> None:
        for table in self.tables:
            fts, columns = f"{table}_fts", ", ".join(SEARCHABLE[table])
            marks = ", ".join("?" * len(SEARCHABLE[table]))
            changed = self.before[table]
            self.conn.executemany(
                f"INSERT INTO {fts} ({fts}, rowid, {columns}) VALUES ('delete', ?, {marks})",
                [(row_id, *words) for row_id, words in changed.items()],
            )
            self.conn.execute(
                f"INSERT INTO {fts} (rowid, {columns}) SELECT rowid, {columns} FROM {table} "
                "WHERE rowid >= ? OR rowid IN (SELECT value FROM json_each(?))",
                [self.first_new[table], json.dumps(list(changed))],
            )
        for sql in self.triggers:
            self.conn.execute(sql)


class Merge:
    """Writes the rows of one import. Rows the journal has are looked up a batch at a time
    (`look_up`); new rows are given their ids here, in the order they come (the ids SQLite
    would give them), and written together (`flush`); changes to rows the journal had are
    written as they come. Plain SQL rather than sqlite-utils' `insert`, which looks the table
    up on every call."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        now: str,
        before_change: Callable[[], None],
        kept: list[str],
        search: SearchLater,
        *,
        unique: bool = False,
    ) -> None:
        self.conn = conn
        self.now = now
        self.before_change = before_change
        """Called before a row the journal already had is changed (the backup is made there)."""
        self.kept = kept
        """Where the first rows kept as the journal has them are named (ImportSummary.kept)."""
        self.search = search
        self.found: dict[str, dict[str, dict]] = {table: {} for table in KIND_OF}
        """The rows of the batch, by uuid, as the journal has them (or will, once flushed)."""
        self.pending: dict[str, list[dict]] = {table: [] for table in KIND_OF}
        self.next_id: dict[str, int] = {}
        self.unwritten: dict[str, int] = {}
        """The first id of the rows given an id here and not written yet."""
        self.unseen: set[str] = set()
        """Tables with nothing to look up: empty before the import, which gives each uuid once
        (`unique`), so that every row of theirs is new."""
        for table in KIND_OF:
            (last,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
            self.unwritten[table] = self.next_id[table] = last + 1
            if unique and not last:
                self.unseen.add(table)
        self.reviews: set[tuple] = set()
        self.new_reviews: list[tuple] = []
        self.written: dict[str, list[int]] = {"issues": [], "positives": []}
        """The issues and positives added or changed (linked to their questions at the end)."""

    def look_up(self, records: list[InterviewRecord]) -> None:
        """Read, in a few queries, every row of `records` that the journal has, and the grades
        of their issues."""
        keys: dict[str, list[str]] = {
            "interviews": [record.interview.uuid for record in records],
            **{
                table: [child.uuid for record in records for child in getattr(record, table)]
                for table in CHILD_TABLES
            },
        }
        for table, uuids in keys.items():
            found: dict[str, dict] = {}
            for start in range(0, len(uuids) if table not in self.unseen else 0, _CHUNK):
                chunk = uuids[start : start + _CHUNK]
                cursor = self.conn.execute(
                    f"SELECT * FROM {table} WHERE uuid IN ({', '.join('?' * len(chunk))})", chunk
                )
                names = [column[0] for column in cursor.description]
                for values in cursor:
                    row = dict(zip(names, values, strict=True))
                    found[row["uuid"]] = row
            self.found[table] = found
        issue_ids = [row["id"] for row in self.found["issues"].values()]
        self.reviews = set()
        for start in range(0, len(issue_ids), _CHUNK):
            chunk = issue_ids[start : start + _CHUNK]
            self.reviews.update(
                self.conn.execute(
                    "SELECT issue_id, rating, reviewed, due FROM reviews "
                    f"WHERE issue_id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
            )

    def _current(self, table: str, key: str, value: str) -> dict | None:
        if table in self.found:
            return self.found[table].get(value)
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {key} = ?", [value])
        values = cursor.fetchone()
        if values is None:
            return None
        return dict(zip([column[0] for column in cursor.description], values, strict=True))

    def row(
        self, table: str, key: str, row: dict, counts: ImportCounts, owner: str | None = None
    ) -> int:
        """Insert `row`, or update the row with the same key if the file's copy is not older;
        return its id (its key for a table without ids). A row found under another `owner`
        (an issue of another interview) is refused, not moved. `row` is the merge's own: it
        may be written into."""
        current = self._current(table, key, row[key])
        stamped = "created" in row
        if current is None:
            if stamped:
                row["created"] = created = row["created"] or self.now
                row["updated"] = row["updated"] or created
            counts.added += 1
            if table not in self.pending:  # categories: a few, written at once
                self.conn.execute(
                    f"INSERT INTO {table} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                    list(row.values()),
                )
                return row[key]
            row_id = self.next_id[table]
            self.next_id[table] += 1
            row["id"] = row_id
            if table == "issues":
                row["card"] = None
            self.pending[table].append(row)
            self.found[table][row[key]] = row
            if table in self.written:
                self.written[table].append(row_id)
            return row_id
        if owner is not None and current[owner] != row[owner]:
            parent = "question" if owner == "question_id" else "interview"
            raise InvalidValue(key, f"{row[key]} belongs to another {parent} in the journal")
        content = {name: value for name, value in row.items() if name not in ("created", "updated")}
        if all(current.get(name) == value for name, value in content.items()):
            counts.unchanged += 1
        elif stamped and not self._not_older(row["updated"], current["updated"]):
            counts.kept += 1
            if len(self.kept) < 10:
                self.kept.append(f"{RECORD_KIND.get(table, table)} {row[key][:8]}")
        else:
            self.before_change()
            changes = content | ({"updated": self._updated(row, current)} if stamped else {})
            self._change(table, key, current, changes)
            counts.updated += 1
            if table in self.written:
                self.written[table].append(current["id"])
        return current.get("id", current[key])

    def _change(self, table: str, key: str, current: dict, changes: dict) -> None:
        """Write `changes` into the row `current`: into its insert if it is new (not written
        yet), else into the journal."""
        if not self._unwritten(table, current):
            if table in SEARCHABLE:
                self.search.writing(1)
                self.search.changing(table, current)
            self.conn.execute(
                f"UPDATE {table} SET {', '.join(f'{name} = ?' for name in changes)} "
                f"WHERE {key} = ?",
                [*changes.values(), current[key]],
            )
        current.update(changes)

    def _unwritten(self, table: str, row: dict) -> bool:
        return table in self.unwritten and row["id"] >= self.unwritten[table]

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

    def review_state(self, issue: Issue, counts: ImportCounts) -> None:
        """The issue's card, where the file's was reviewed later, and every grade the journal
        does not have yet. (The issue was merged just before: it is in `found`.)"""
        current = self.found["issues"][issue.uuid]
        if issue.card is not None:
            card = current["card"]
            theirs_at, ours_at = last_review(issue.card), last_review(card)
            later = theirs_at is not None and (ours_at is None or theirs_at > ours_at)
            if card != issue.card and (card is None or later):
                if card is not None:
                    self.before_change()
                if not self._unwritten("issues", current):
                    self.conn.execute(
                        "UPDATE issues SET card = ? WHERE id = ?", [issue.card, current["id"]]
                    )
                current["card"] = issue.card
        for review in issue.reviews:
            values = (current["id"], review.rating, review.reviewed, review.due)
            if values in self.reviews:
                counts.unchanged += 1
            else:
                self.reviews.add(values)
                self.new_reviews.append(values)
                counts.added += 1

    def flush(self) -> None:
        """Write the new rows of the batch, parents first."""
        for table, rows in self.pending.items():
            if rows:
                if table in SEARCHABLE:
                    self.search.writing(len(rows))
                names = list(rows[0])
                # as tuples, not by name: sqlite3 looks each name up in each row otherwise
                self.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) "
                    f"VALUES ({', '.join('?' * len(names))})",
                    map(itemgetter(*names), rows),
                )
                rows.clear()
            self.unwritten[table] = self.next_id[table]
        self.conn.executemany(
            "INSERT INTO reviews (issue_id, rating, reviewed, due) VALUES (?, ?, ?, ?)",
            self.new_reviews,
        )
        self.new_reviews.clear()
