"""Integrity: SQLite's checks and our own, table by table."""

from __future__ import annotations

from ..core.model import Question, Story
from ..core.validate import InvalidValue
from . import converters
from .base import JournalBase
from .damage import damaged_tables, snapshot
from .driver import sqlite3
from .errors import CorruptJournal, DamagedRow, JournalLocked, translate
from .schema import SEARCHABLE
from .tables import CHILD_SELECT, FROM_ROW, QUESTION_SELECT, STORY_SELECT


class Integrity(JournalBase):
    """`check`: every problem SQLite and this app can find."""

    def _search_problems(self) -> list[str]:
        """The full-text index must hold one entry per row and be kept up to date by its
        triggers; read-only checks, so that a read-only journal can be checked too."""
        with snapshot(self.conn, immediate=not self.read_only):
            return self._search_problems_now()

    def _search_problems_now(self) -> list[str]:
        problems = []
        names = {row[0] for row in self.conn.execute("SELECT name FROM sqlite_master")}
        for table in SEARCHABLE:
            missing = [f"{table}_{t}" for t in ("ai", "ad", "au") if f"{table}_{t}" not in names]
            if missing:
                problems.append(f"search index of {table}: triggers missing ({', '.join(missing)})")
            indexed = self.conn.execute(f"SELECT count(*) FROM {table}_fts_docsize").fetchone()[0]
            rows = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if indexed != rows:
                problems.append(f"search index of {table}: {indexed} entries for {rows} rows")
            elif not self.read_only:
                try:  # compares the index with the rows themselves, term by term
                    self.conn.execute(
                        f"INSERT INTO {table}_fts ({table}_fts, rank) VALUES ('integrity-check', 1)"
                    )
                except sqlite3.DatabaseError as error:
                    if isinstance(translate(error, self.path), JournalLocked):
                        raise  # busy, not broken: said as such by check()
                    problems.append(f"search index of {table}: {error}")
        return problems

    def check(self) -> list[str]:
        """Problems found by SQLite's checks and our own; an empty list means all is well."""
        problems: list[str] = []
        damaged = False
        with snapshot(self.conn):
            try:
                found = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
            except sqlite3.Error as error:
                found = [str(error)]
            if found != ["ok"]:
                damaged = True
                tables = damaged_tables(self.conn, "integrity_check") or {"the file": found[0]}
        if damaged:
            problems += [
                f"damaged: {table} ({finding}); `interview-journal rescue OUT.json` saves "
                "what can still be read"
                for table, finding in tables.items()
            ]
        for more in (self._key_problems, self._search_problems, self._row_problems):
            try:
                # damage is said once, above, with the tables it is in
                problems += [p for p in more() if not (damaged and "malformed" in p)]
            except sqlite3.Error as error:
                failure = translate(error, self.path)
                if isinstance(failure, JournalLocked):
                    raise failure from error  # another program is writing: that is no damage
                if not damaged:
                    problems.append(str(failure))
            except CorruptJournal as failure:
                if not damaged:
                    problems.append(str(failure))
        return problems

    def _key_problems(self) -> list[str]:
        return [
            f"foreign key: {table} row {rowid} points at a missing {parent}"
            for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check")
        ]

    def _row_problems(self) -> list[str]:
        """Rows that SQLite reads but this app cannot: written wrong by another program."""
        from ..core import validate

        readers = [
            ("categories", "SELECT * FROM categories", converters.category_from_row),
            ("interviews", "SELECT * FROM interviews", converters.interview_from_row),
            *((table, CHILD_SELECT[table], FROM_ROW[table]) for table in CHILD_SELECT),
            ("questions", QUESTION_SELECT, converters.question_from_row),
            ("stories", STORY_SELECT, converters.story_from_row),
        ]
        # The checks an import makes of the same records: what check passes, import takes.
        checks = {
            "categories": validate.check_category,
            "interviews": validate.check_interview,
            "issues": validate.check_issue,
            "positives": validate.check_positive,
            "follow_ups": validate.check_follow_up,
            "questions": validate.checker(Question),
            "stories": validate.checker(Story),
        }
        problems = []
        for table, sql, read in readers:
            for row in self._query(sql):
                try:
                    checks[table](read(row))
                except DamagedRow as error:
                    problems.append(f"{table}: {error.key}: {error.__cause__}")
                except InvalidValue as error:
                    key = row.get("uuid") or row.get("slug")
                    problems.append(f"{table}: {key}: {error} (an import would refuse it)")
        return problems
