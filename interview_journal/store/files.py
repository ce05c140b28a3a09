"""The journal's files: inspected before they are opened, created whole, kept private.

Opening refuses, without writing a byte, anything that is not a journal of ours: a file that is
not SQLite, an empty or truncated one, another program's database, a journal from a newer app.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import uuid as uuid_module
from contextlib import suppress
from pathlib import Path
from urllib.parse import quote as url_quote

from . import cipher
from .driver import sqlite3
from .errors import (
    CorruptJournal,
    DiskFull,
    ForeignFile,
    JournalError,
    JournalReadOnly,
    JournalUnavailable,
    NewerJournal,
    PassphraseNeeded,
    translate,
    unavailable,
)
from .schema import APPLICATION_ID, SCHEMA_VERSION, migration_set

SQLITE_HEADER = cipher.PLAIN_HEADER
PASSPHRASE_VARIABLE = "INTERVIEW_JOURNAL_PASSPHRASE"
BUSY_TIMEOUT_SECONDS = 10.0


def has_log(path: Path) -> bool:
    """Whether the journal has a write-ahead log with something in it."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def inspect_file(path: Path) -> None:
    """Refuse, by reading only, a file that cannot be one of our journals."""
    if path.is_dir():
        raise ForeignFile(f"{path}: is a folder, not a journal file.")
    if not path.is_file():  # a pipe would wait forever for a writer; a device is no journal
        raise ForeignFile(f"{path}: is not a regular file, not a journal file.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except PermissionError as error:
        raise JournalReadOnly(f"{path}: cannot be read (permission denied).") from error
    except OSError as error:
        raise JournalUnavailable(f"{path}: cannot be read ({error.strerror}).") from error
    if size == 0:
        raise ForeignFile(f"{path}: is an empty file, not a journal (file is not a database).")
    if not header.startswith(SQLITE_HEADER):
        if not cipher.looks_encrypted(header, size):
            raise ForeignFile(f"{path}: not a journal (file is not a database).")
        if cipher.passphrase_for(path) is None:
            raise PassphraseNeeded(
                f"{path}: the journal is encrypted (or is not a journal at all): give its "
                f"passphrase in the {PASSPHRASE_VARIABLE} variable, or run this in a terminal "
                "to be asked for it."
            )
        cipher.salt_seen(path, header)
        return
    if len(header) < 100:
        raise CorruptJournal(f"{path}: the journal file is damaged (truncated header; malformed).")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid only when the two change counters agree; and a
    # file left short by a checkpoint that ran out of disk is made whole again from its -wal.
    recoverable = has_log(path)
    if (
        header[24:28] == header[92:96]
        and page_count
        and size < page_size * page_count
        and not recoverable
    ):
        raise CorruptJournal(
            f"{path}: the journal file is damaged: it is shorter than it says "
            f"({size:,} of {page_size * page_count:,} bytes; malformed)."
        )


def connect(path: Path, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    # The path's bytes, as the file system has them: a name that is not UTF-8 is still a name.
    uri = f"file:{url_quote(os.fsencode(path))}" + ("?mode=ro" if read_only else "?mode=rw")
    if read_only and not has_log(path):
        # Nothing to replay from a -wal: read the file as it is, without creating a -wal and
        # -shm beside it (in a read-only folder it could not; beside a read-only file they
        # would be read-only too, and refuse the writes once the file is writable again).
        uri += "&immutable=1"
    # isolation_level=None: no implicit transactions; every write goes through `atomic()`.
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        cipher.apply_key(conn, path)  # an encrypted journal's key, before the first read
    except BaseException:
        conn.close()
        raise
    return conn


def classify(conn: sqlite3.Connection, path: Path) -> tuple[bool, int]:
    """(is it a fresh empty database, its schema version); raise if it is not ours."""
    try:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        ]
    except sqlite3.DatabaseError as error:
        raise translate(error, path) from error
    if application_id != APPLICATION_ID:
        if application_id == 0 and not tables:
            return True, 0
        raise ForeignFile(
            f"{path}: not a journal: it is another program's SQLite database "
            f"({len(tables)} table{'s' if len(tables) != 1 else ''} of its own)."
        )
    if version > SCHEMA_VERSION:
        raise NewerJournal(
            f"{path}: this journal was written by a newer Interview Journal "
            f"(schema {version}; this one knows up to {SCHEMA_VERSION}). Update the app to open it."
        )
    return False, version


def make_private_folder(folder: Path) -> None:
    """Create `folder` and every missing folder above it, each 0700 (mkdir's `parents=True`
    would give the ones above the umask's default). Folders that exist are left as they are."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(mode=0o700)
        os.chmod(new, 0o700)  # mkdir's mode is filtered by the umask


def make_private_file(path: Path) -> None:
    """Create the journal file 0600 in a folder we make 0700."""
    make_private_folder(path.parent)
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)


def side_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside a journal while it is in use."""
    return [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]


def keep_private(path: Path) -> None:
    """The journal and its -wal and -shm readable by their owner alone, whatever the umask and
    wherever the journal was made. SQLite gives a new -wal the journal's own mode, so the
    journal is made private first; side files left by an earlier open are made private too."""
    for file in (path, *side_files(path)):
        with suppress(OSError):  # a side file that is not there, or not ours to change
            if stat.S_IMODE(file.stat().st_mode) & 0o077:
                os.chmod(file, stat.S_IRUSR | stat.S_IWUSR)


def refuse_special(path: str | os.PathLike[str]) -> None:
    """Names that SQLite reads as something other than a file on disk. (A `file:` name is
    opened here as the file of that name, always through a URI of its own; the command line
    refuses such names as typed, where `./file:x` can still be told from `file:x`.)"""
    name = os.fsdecode(path)
    if name.strip() in ("", ":memory:"):
        raise ForeignFile(
            f"{name or 'an empty name'}: not a journal file; name a file on disk "
            "(SQLite keeps :memory: in memory only: what is written there is lost)."
        )


def make_journal_file(path: Path) -> None:
    """Make a new journal at `path` as one step: built whole in a private file beside it, then
    linked into place. A creation cut short (a full disk, a size limit, a kill) leaves no
    journal behind, and of many processes creating the same journal at once, the first link
    wins and the others open what it made."""
    make_private_folder(path.parent)
    building = path.with_name(f".{path.name}.{os.getpid()}.{uuid_module.uuid4().hex[:8]}.new")
    descriptor = os.open(building, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)
    try:
        conn = sqlite3.connect(building, isolation_level=None)
        try:
            cipher.apply_key(conn, path)  # encrypted from its first page, if a passphrase is given
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA synchronous = FULL")
            # Marked as ours before the switch to WAL and before any table: a file with our
            # mark is never taken for another program's.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            from sqlite_utils import Database

            migration_set().apply(Database(conn, execute_plugins=False))
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("PRAGMA journal_mode = WAL")
        finally:
            conn.close()
        try:
            os.link(building, path)  # never replaces: a journal made meanwhile is kept
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.rename(building, path)
        sync_folder(path.parent)
    finally:
        for leftover in (building, *side_files(building)):
            leftover.unlink(missing_ok=True)


def sync_folder(folder: Path) -> None:
    """Make a new name in `folder` survive a power cut."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def free_name(folder: Path, stem: str) -> Path:
    """`folder/stem-YYYYMMDD-HHMMSS.db`, or with -2, -3 ... when one was made in that second."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target, copies = folder / f"{stem}-{stamp}.db", 1
    while target.exists():
        copies += 1
        target = folder / f"{stem}-{stamp}-{copies}.db"
    return target


def creation_failed(path: Path, error: sqlite3.Error | OSError) -> JournalError:
    """Why a new journal could not be made, in plain words: nothing is left behind."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(f"{path}: the disk is full; no journal was made.")
    if isinstance(error, OSError) and error.errno == errno.EFBIG:
        return JournalUnavailable(f"{path}: the file size limit was reached; no journal was made.")
    if isinstance(error, sqlite3.Error):
        failure = translate(error, path)
        if not isinstance(failure, JournalUnavailable):
            return failure
        if isinstance(failure, DiskFull):
            return DiskFull(f"{path}: the disk is full; no journal was made.")
        return unavailable(path, "no journal was made")
    return JournalUnavailable(f"{path}: cannot create the journal ({error.strerror}).")
