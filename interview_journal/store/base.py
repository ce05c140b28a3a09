"""The connection every part of the journal works through: set up on opening, one write
transaction at a time, reads that say what went wrong in one plain line."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ..core.clock import Clock
from . import cipher, converters
from .damage import quick_check
from .driver import sqlite3
from .errors import (
    Conflict,
    CorruptJournal,
    DiskFull,
    JournalReadOnly,
    JournalUnavailable,
    NotFound,
    translate,
)
from .files import classify, connect, side_files
from .schema import APPLICATION_ID, SCHEMA_VERSION, migration_set
from .tables import (
    CHILD_SELECT,
    FROM_ROW,
    INTERVIEW_COLUMNS,
    PRACTICE_SINCE,
    PRACTICE_TABLES,
    RECORD_KIND,
    TABLES,
    TO_ROW,
    R,
    stamp_after,
)

if TYPE_CHECKING:
    from sqlite_utils import Database


J = TypeVar("J", bound="JournalBase")


def open_writable(kind: type[J], path: Path, *, create: bool, busy_timeout: float) -> J | None:
    """The journal opened for writing, or None if the disk is full; side files the attempt
    began and could not finish are not left behind."""
    there = {file for file in side_files(path) if file.exists()}
    try:
        return open_connection(
            kind, path, create=create, read_only=False, busy_timeout=busy_timeout
        )
    except DiskFull:
        pass
    for file in set(side_files(path)) - there:
        with suppress(OSError):
            # never the -shm of a journal in use, which is 32 KiB at least
            if file.stat().st_size < 32768:
                file.unlink()
    return None


def open_connection(
    kind: type[J], path: Path, *, create: bool, read_only: bool, busy_timeout: float
) -> J:
    """The journal at `path` (inspected already) opened as a `kind`, set up and brought up to
    date; the connection is closed again if that fails."""
    try:
        conn = connect(path, read_only=read_only, timeout=busy_timeout)
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        fresh, version = classify(conn, path)
        if fresh and (read_only or not create):
            raise JournalUnavailable(
                f"{path}: an empty SQLite database, no journal there yet (adding an interview "
                "or importing makes it one)."
            )
        if version < SCHEMA_VERSION and read_only:
            raise JournalReadOnly(
                f"{path}: this journal needs an upgrade to open, but it is read-only."
            )
        journal = kind(conn, path, read_only=read_only)
        journal._prepare(version, busy_timeout)  # noqa: SLF001 - its own set-up, out of __init__
    except BaseException:
        conn.close()
        raise
    return journal


class JournalBase:
    """The connection and what every part of the journal does with it: open, write in one
    transaction, read rows. The parts (categories, interviews, import ...) build on it."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        self.conn = conn
        self._sound = False  # passed the quick check
        self.disk_full = False
        """Opened to read only because the disk had no room for a writer's side files."""
        self.clock: Clock = Clock()
        """Where now and today come from (the review drill's due rule): tests fix it."""

    @cached_property
    def db(self) -> Database:
        """sqlite-utils over the same connection, for writes and migrations. Made on first use:
        reading the journal needs only the connection, and the first frame only reads."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def _prepare(self, version: int, busy_timeout: float) -> None:
        """Read every table first (a damaged file shows here, before any write), then set the
        connection up and bring an older schema up to date."""
        conn = self.conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # Sorting and other scratch work in memory: never in a shared, world-readable /tmp.
            conn.execute("PRAGMA temp_store = MEMORY")
            if version:
                # Each table's first and last rows: this walks the root and both edges of every
                # b-tree, so a damaged table shows here rather than in the middle of a write.
                practice = PRACTICE_TABLES if version >= PRACTICE_SINCE else ()
                for table in (*TABLES, *practice, "_sqlite_migrations"):
                    for order in ("", " DESC"):
                        sql = f"SELECT * FROM {table} ORDER BY rowid{order} LIMIT 1"
                        conn.execute(sql).fetchone()
            if self.read_only:
                return
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                # The switch writes the file's header: not into a damaged journal, which is
                # left as it is (and read as it is) while every write is refused.
                with suppress(CorruptJournal):
                    self.ensure_sound()
                    conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA secure_delete = ON")
            if version < SCHEMA_VERSION:
                self.ensure_sound()
                # Marked as ours before anything else, so that a first set-up cut short is
                # finished on the next open instead of refused as another program's file.
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                migration_set().apply(self.db)
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    @property
    def busy_timeout(self) -> float:
        """Seconds a write waits for another program that is writing the journal."""
        return self.conn.execute("PRAGMA busy_timeout").fetchone()[0] / 1000

    @busy_timeout.setter
    def busy_timeout(self, seconds: float) -> None:
        self.conn.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self: J) -> J:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def ensure_sound(self) -> None:
        """Refuse to write into a damaged journal: SQLite's quick check, once per journal file
        and process (a process opens its journal once), before its first write. Reading a damaged
        journal stays possible wherever SQLite can still read it."""
        if not self._sound:
            damaged = quick_check(self.conn, self.path)
            if damaged:
                tables = [table for table in damaged if table != "the file"]
                where = f" (in {', '.join(tables)})" if tables else ""
                raise CorruptJournal(
                    f"{self.path}: the journal is damaged{where}, so nothing was written to it. "
                    "`interview-journal check` says where; `interview-journal rescue OUT.json` "
                    "saves every row that can still be read."
                )
            self._sound = True

    def _recover(self) -> None:
        """A journal opened to read only because the disk was full is opened for writing
        again once there is room: its connection is replaced by a writer's."""
        if not self.disk_full:
            return
        writer = open_writable(type(self), self.path, create=False, busy_timeout=self.busy_timeout)
        if writer is None:
            return
        self.conn.close()
        self.conn, self.read_only, self.disk_full = writer.conn, False, False
        self.__dict__.pop("db", None)  # sqlite-utils over the old connection

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        self._recover()
        if self.disk_full:
            raise DiskFull(f"{self.path}: the disk is full; nothing was saved.")
        if self.read_only:
            raise JournalReadOnly(f"{self.path}: the journal is read-only; nothing was saved.")
        if not self.path.parent.exists() or not self.path.exists():
            raise JournalUnavailable(
                f"{self.path}: the journal file or its folder is gone; nothing was saved."
            )
        self.ensure_sound()
        conn = self.conn
        try:
            # IMMEDIATE takes the write lock first, waiting for it up to the busy timeout. A
            # deferred transaction that reads first cannot wait later: SQLite answers "busy"
            # at once rather than risk a deadlock.
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise translate(error, self.path) from error
        try:
            yield self.db
            conn.execute("COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error):
                raise translate(error, self.path) from error
            raise

    def _rows(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        """Plain tuples, for the few reads where building dicts would cost real time."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    def _column_by_uuid(self, table: str, column: str, uuids: Iterable[str]) -> dict[str, Any]:
        """`column` of each of these rows of `table` that is there, by uuid, in one query."""
        wanted = sorted(set(uuids))
        if not wanted:
            return {}
        marks = ", ".join("?" * len(wanted))
        sql = f"SELECT uuid, {column} FROM {table} WHERE uuid IN ({marks})"
        return dict(self._rows(sql, wanted))

    def _query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict]:
        try:
            cursor = self.conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    def _id_of(self, table: str, uuid: str) -> int:
        rows = self._query(f"SELECT id FROM {table} WHERE uuid = ?", [uuid])
        if not rows:
            raise NotFound(f"No {table.rstrip('s').replace('_', '-')} with id {uuid}.")
        return rows[0]["id"]

    def _children(self, table: str, interview_uuid: str | None = None) -> list:
        where, params = ("WHERE i.uuid = ?", [interview_uuid]) if interview_uuid else ("", [])
        rows = self._query(f"{CHILD_SELECT[table]} {where} ORDER BY c.id", params)
        return [FROM_ROW[table](row) for row in rows]

    def _one(self, table: str, uuid: str):  # noqa: ANN202 - the record of `table`
        """The interview, issue, what went well or follow-up of that uuid, or NotFound."""
        if table == "interviews":
            sql = f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE uuid = ?"
            read: Callable[[dict[str, Any]], object] = converters.interview_from_row
        else:
            sql, read = f"{CHILD_SELECT[table]} WHERE c.uuid = ?", FROM_ROW[table]
        rows = self._query(sql, [uuid])
        if not rows:
            raise NotFound(f"No {table.rstrip('s').replace('_', '-')} with id {uuid}.")
        return read(rows[0])

    def _add_child(self, table: str, row: dict, interview_uuid: str) -> None:
        with self._writing() as db:
            row["interview_id"] = self._id_of("interviews", interview_uuid)
            db.table(table).insert(row)

    def _delete_child(self, table: str, uuid: str) -> None:
        with self._writing() as db:
            db.table(table).delete(self._id_of(table, uuid))

    def _write_over(self, db: Database, table: str, record: R, expected_updated: str | None) -> R:
        """Write `record` (prepared) over its stored row, inside a write, and return it with
        its new `updated` stamp: later than the stored one, and only over the stamp the caller
        loaded when it says which (`_current`)."""
        row_id, stored = self._current(table, record.uuid, expected_updated)
        record = replace(record, updated=stamp_after(stored))
        row = TO_ROW[table](record)
        del row["created"]
        db.table(table).update(row_id, row)
        return record

    def _current(self, table: str, uuid: str, expected_updated: str | None) -> tuple[int, str]:
        """(row id, stored `updated`) of the row to be written; inside the write transaction,
        so nothing can change between this check and the write.

        Raises NotFound when the row is not there, or, when the caller says which stamp it
        loaded, Conflict if the row was deleted or its stamp is another."""
        rows = self._rows(f"SELECT id, updated FROM {table} WHERE uuid = ?", [uuid])
        kind = RECORD_KIND[table]
        if not rows:
            if expected_updated is None:
                raise NotFound(f"No {kind} with id {uuid}.")
            raise Conflict(f"This {kind} was deleted in another window; nothing was saved.", None)
        row_id, stored = rows[0]
        if expected_updated is not None and stored != expected_updated:
            theirs = self._one(table, uuid)
            raise Conflict(
                f"This {kind} was changed in another window since it was opened here; "
                "nothing was saved.",
                theirs,
            )
        return row_id, stored

    def data_version(self) -> int:
        """A number that changes when another connection (another window, a command) commits
        to the journal, and only then: this connection's own writes leave it as it is. Cheap
        enough to ask every second. (A journal read only for a full disk is opened for writing
        here once there is room: a window then sees, and saves, again.)"""
        try:
            self._recover()
            return self.conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    @property
    def encrypted(self) -> bool:
        """Whether the journal is encrypted (opened with a passphrase)."""
        return cipher.passphrase_for(self.path) is not None
