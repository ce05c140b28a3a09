"""Damage: SQLite's own checks, run table by table so that a finding names its table."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .driver import sqlite3
from .errors import CorruptJournal, JournalError, translate
from .files import connect


@contextmanager
def snapshot(conn: sqlite3.Connection, *, immediate: bool = False) -> Iterator[None]:
    """SQLite's checks in one transaction, the schema read at its start. Run on their own,
    they read the schema and then the tables in two steps, and another program changing the
    schema in between (a large import drops its search triggers and makes them again) stops
    them with "vtable constructor failed", which is no damage. `immediate`: with the write
    lock (taken within the busy timeout), for a check that is run as a write (the search
    index's)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
    try:
        with suppress(sqlite3.Error):  # a schema that cannot be read: the checks say so
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def damaged_tables(conn: sqlite3.Connection, pragma: str = "quick_check") -> dict[str, str]:
    """Each damaged table (a search index named by the table it indexes), with SQLite's first
    finding in it: the pragma is run table by table, each with its own indexes."""
    try:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND coalesce(sql, '') NOT LIKE 'CREATE VIRTUAL%' ORDER BY rootpage"
            )
        ]
    except sqlite3.Error as error:
        return {"the schema": str(error)}
    damaged: dict[str, str] = {}
    for name in names:
        try:
            found = [row[0] for row in conn.execute(f"PRAGMA {pragma}({name})")]
        except sqlite3.Error as error:
            found = [str(error)]
        if found != ["ok"]:
            index = re.fullmatch(r"(\w+)_fts(_\w+)?", name)
            where = f"the search index of {index[1]}" if index else name
            lines = [line for f in found for line in f.splitlines() if not line.startswith("***")]
            damaged.setdefault(where, lines[0] if lines else "damaged")
    return damaged


def quick_check(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    """SQLite's quick check: {} if the journal is sound, else each damaged table with SQLite's
    first finding ("the file" when no table can be named). Busy and the like raise."""
    with snapshot(conn):
        try:
            found = [row[0] for row in conn.execute("PRAGMA quick_check(20)")]
        except sqlite3.Error as error:
            failure = translate(error, path)
            if not isinstance(failure, CorruptJournal):
                raise failure from error
            found = [str(error)]
        return {} if found == ["ok"] else damaged_tables(conn) or {"the file": found[0]}


def damage_report(path: Path) -> dict[str, str]:
    """The quick check of the journal at `path`, on a connection of its own (any thread may
    call it); {} also when it cannot be checked now: what is wrong is said where it is read."""
    try:
        conn = connect(path, read_only=True, timeout=1.0)
    except sqlite3.Error:
        return {}
    try:
        return quick_check(conn, path)
    except JournalError:
        return {}  # busy, say: not damage
    finally:
        conn.close()
