"""Encrypting, decrypting and changing the passphrase of a journal, safely.

Each is one conversion: the journal is copied whole, as it is to be, into a new private file
beside it (SQLCipher's `sqlcipher_export`), the copy is checked, and only then renamed over the
journal. A conversion cut short at any moment (a kill, a full disk, a power cut) leaves the
journal as it was, readable with what opened it before. (SQLCipher's `PRAGMA rekey` rewrites the
journal in place instead, each page once: one path for the three is the one checked here.)

While the copy is made the journal is held exclusively: another window writing meanwhile would
write into the file the copy replaces, and its writes would be lost. A journal open in another
program is refused; closing it first is the user's to do.
"""

from __future__ import annotations

import os
import uuid as uuid_module
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from . import cipher
from .driver import sqlite3
from .errors import CorruptJournal, JournalError, JournalLocked, translate
from .files import make_private_file, side_files, sync_folder
from .journal import Journal, open_journal
from .schema import APPLICATION_ID
from .tables import PRACTICE_TABLES, TABLES

CONVERTING = ".converting"


def leftovers(path: Path) -> list[Path]:
    """Copies that conversions of the journal at `path` began and did not finish."""
    return sorted(path.parent.glob(f".{path.name}.*{CONVERTING}"))


@contextmanager
def held(path: Path) -> Iterator[Journal]:
    """The journal at `path`, held alone until the block ends (a journal open in another
    window is refused here, before anything is asked of the user). Its present passphrase, if
    it has one, was given with `cipher.remember` already."""
    journal = open_journal(path, create=False)
    try:
        if journal.read_only:
            raise JournalError(f"{path}: the journal is read-only; it was not converted.")
        journal.ensure_sound()
        _hold(journal.conn, path)
        yield journal
    finally:
        journal.close()


def convert(path: Path, passphrase: str | None) -> None:
    """Make the journal at `path` encrypted with `passphrase`, or plain when it is None."""
    with held(path) as journal:
        convert_held(journal, passphrase)


def convert_held(journal: Journal, passphrase: str | None) -> None:
    """Make the `held` journal encrypted with `passphrase`, or plain when it is None."""
    if passphrase is not None:
        cipher.checked(passphrase)
    path, conn = journal.path, journal.conn
    for leftover in leftovers(path):
        leftover.unlink(missing_ok=True)
    copy = path.with_name(f".{path.name}.{os.getpid()}.{uuid_module.uuid4().hex[:8]}")
    copy = copy.with_name(copy.name + CONVERTING)
    try:
        make_private_file(copy)
        _export(conn, copy, passphrase, journal.schema_version)
        _check(conn, copy, passphrase)
        os.replace(copy, path)
    except BaseException:
        for file in (copy, *side_files(copy)):
            file.unlink(missing_ok=True)
        raise
    sync_folder(path.parent)
    if passphrase is None:
        cipher.forget(path)
    else:
        cipher.remember(path, passphrase)


def _hold(conn: sqlite3.Connection, path: Path) -> None:
    """Hold the journal alone until the connection closes: out of WAL (which only the one
    connection to a journal can leave), then its exclusive lock, kept."""
    try:
        conn.execute("PRAGMA busy_timeout = 1000")
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        failure = translate(error, path)
        if isinstance(failure, JournalLocked):
            raise _in_use(path) from error
        raise failure from error
    if mode != "delete":
        raise _in_use(path)


def _in_use(path: Path) -> JournalLocked:
    return JournalLocked(
        f"{path}: the journal is open in another window or program; close it, then try again. "
        "Nothing was changed."
    )


def _export(conn: sqlite3.Connection, copy: Path, passphrase: str | None, version: int) -> None:
    try:
        conn.execute("ATTACH DATABASE ? AS converted KEY ?", [os.fsdecode(copy), passphrase or ""])
        try:
            conn.execute("PRAGMA converted.synchronous = FULL")
            conn.execute("BEGIN")
            conn.execute("SELECT sqlcipher_export('converted')")
            # Not copied by the export: what marks the file as a journal of ours, and which.
            conn.execute(f"PRAGMA converted.application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA converted.user_version = {version}")
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.execute("DETACH DATABASE converted")
    except sqlite3.Error as error:
        raise translate(error, copy) from error


def _check(conn: sqlite3.Connection, copy: Path, passphrase: str | None) -> None:
    """The copy opens with its passphrase, passes SQLite's integrity check, and has every row
    of every table of the journal."""
    tables = [*TABLES, *PRACTICE_TABLES]
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    counts = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables if t in present
    }
    other = sqlite3.connect(copy, isolation_level=None)
    try:
        cipher.quiet(other)
        if passphrase is not None:
            other.execute(cipher.pragma_key(passphrase))
        found = other.execute("PRAGMA integrity_check").fetchone()[0]
        theirs = {t: other.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in counts}
        ours = other.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    except sqlite3.Error as error:
        raise CorruptJournal(
            f"{copy}: the converted copy cannot be read back ({error}); nothing was changed."
        ) from error
    finally:
        with suppress(sqlite3.Error):
            other.close()
    if found != "ok" or theirs != counts or not ours:
        raise CorruptJournal(
            f"{copy}: the converted copy did not check out ({found}); the journal was not changed."
        )
