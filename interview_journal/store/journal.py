"""The journal: one SQLite file, opened carefully, returning domain objects.

Opening refuses, without writing a byte, anything that is not a journal of ours: a file that is
not SQLite, an empty or truncated one, another program's database, a journal from a newer app.
"""

from __future__ import annotations

import datetime as dt
import errno
import itertools
import json
import os
import re
import sqlite3
import stat
import uuid as uuid_module
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import quote as url_quote

from ..core.clock import Clock
from ..core.model import (
    Category,
    FollowUp,
    Interview,
    InterviewRecord,
    InterviewSummary,
    Issue,
    Positive,
    Review,
    SearchHit,
    utc_now,
)
from ..core.taxonomy import slugify, user_category
from ..core.text import clean_text
from ..core.validate import (
    InvalidValue,
    prepare_category,
    prepare_follow_up,
    prepare_interview,
    prepare_issue,
    prepare_positive,
)
from . import converters
from .errors import (
    Conflict,
    CorruptJournal,
    DamagedRow,
    ForeignFile,
    JournalError,
    JournalLocked,
    JournalReadOnly,
    JournalUnavailable,
    NewerJournal,
    NotFound,
    disk_trouble,
    translate,
)
from .schema import APPLICATION_ID, SCHEMA_VERSION, SEARCHABLE, migration_set

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ..core.review import Answer, DrillCard
    from ..core.trends import Sitting

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 10.0

_INTERVIEW_COLUMNS = (
    "uuid, company, role, date, time, stage, interviewers, outcome, rating, feelings, notes, "
    "closed, created, updated"
)
# Newest first; NULL times sort last within their day, as '' would. The (date, time) index
# serves this order, so a page needs no sort of the whole table.
_NEWEST_FIRST = "date DESC, time DESC, id DESC"
_TABLES = ("categories", "interviews", "issues", "positives", "follow_ups")
_WORDLIKE = re.compile(r"[^\W_]")
_SEPARATOR = "\x1f"  # between the categories gathered in one column: never in a slug
_CHILD_SELECT = {
    "issues": "SELECT c.*, i.uuid AS interview_uuid FROM issues c JOIN interviews i "
    "ON i.id = c.interview_id",
    "positives": "SELECT c.*, i.uuid AS interview_uuid FROM positives c JOIN interviews i "
    "ON i.id = c.interview_id",
    "follow_ups": "SELECT c.*, i.uuid AS interview_uuid FROM follow_ups c JOIN interviews i "
    "ON i.id = c.interview_id",
}
_TO_ROW = {
    "interviews": converters.interview_to_row,
    "issues": converters.issue_to_row,
    "positives": converters.positive_to_row,
    "follow_ups": converters.follow_up_to_row,
}
R = TypeVar("R", Interview, Issue, Positive, FollowUp)
_FROM_ROW = {
    "issues": converters.issue_from_row,
    "positives": converters.positive_from_row,
    "follow_ups": converters.follow_up_from_row,
}


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


_KIND_OF = {
    "interviews": "interview",
    "issues": "issue",
    "positives": "what-went-well",
    "follow_ups": "follow-up",
}


def _moment(stamp: object) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(stamp)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


def _last_review(card: str | None) -> dt.datetime | None:
    try:
        return _moment(json.loads(card)["last_review"]) if card else None
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
                self.kept.append(f"{_KIND_OF[table]} {row[key][:8]}")
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
        if _moment(theirs["updated"]) == _moment(ours["updated"]):
            return _stamp_after(ours["updated"])
        return theirs["updated"]

    @staticmethod
    def _not_older(theirs: str, ours: str) -> bool:
        """Whether the file's copy, changed at `theirs`, may replace the journal's, changed at
        `ours`: a copy without a time is of unknown age, and never replaces one."""
        their_time, our_time = _moment(theirs), _moment(ours)
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


def _stamp_after(previous: str | None) -> str:
    """The `updated` stamp of a write: now, in UTC, to the microsecond, and always later than
    the stamp it replaces.

    Saves are refused when the row's stamp is not the one the window loaded (optimistic
    concurrency), so every write must change the stamp: to the second, two saves in one second
    (autosave runs more often than that) would leave it as it was and hide the second one. A
    clock that stepped back is answered by moving one microsecond past the old stamp."""
    now = dt.datetime.now(dt.UTC)
    before = _moment(previous)  # None: not a stamp we can read; any new one differs from it
    if before is not None and now <= before:
        now = before + dt.timedelta(microseconds=1)
    return now.isoformat(timespec="microseconds")


def _quick_check(conn: sqlite3.Connection, path: Path) -> dict[str, str]:
    """SQLite's quick check: {} if the journal is sound, else each damaged table with SQLite's
    first finding ("the file" when no table can be named). Busy and the like raise."""
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
        conn = _connect(path, read_only=True, timeout=1.0)
    except sqlite3.Error:
        return {}
    try:
        return _quick_check(conn, path)
    except JournalError:
        return {}  # busy, say: not damage
    finally:
        conn.close()


def _has_log(path: Path) -> bool:
    """Whether the journal has a write-ahead log with something in it."""
    wal = path.with_name(path.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def _inspect(path: Path) -> None:
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
        raise ForeignFile(f"{path}: not a journal (file is not a database).")
    if len(header) < 100:
        raise CorruptJournal(f"{path}: the journal file is damaged (truncated header; malformed).")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid only when the two change counters agree; and a
    # file left short by a checkpoint that ran out of disk is made whole again from its -wal.
    recoverable = _has_log(path)
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


def _connect(path: Path, *, read_only: bool, timeout: float) -> sqlite3.Connection:
    # The path's bytes, as the file system has them: a name that is not UTF-8 is still a name.
    uri = f"file:{url_quote(os.fsencode(path))}" + ("?mode=ro" if read_only else "?mode=rw")
    if read_only and not _has_log(path):
        # Nothing to replay from a -wal: read the file as it is, without creating a -wal and
        # -shm beside it (in a read-only folder it could not; beside a read-only file they
        # would be read-only too, and refuse the writes once the file is writable again).
        uri += "&immutable=1"
    # isolation_level=None: no implicit transactions; every write goes through `atomic()`.
    return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)


def _classify(conn: sqlite3.Connection, path: Path) -> tuple[bool, int]:
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


def _make_private_file(path: Path) -> None:
    """Create the journal file 0600 in a folder we make 0700."""
    make_private_folder(path.parent)
    descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(descriptor)


def _side_files(path: Path) -> list[Path]:
    """The files SQLite keeps beside a journal while it is in use."""
    return [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]


def _keep_private(path: Path) -> None:
    """The journal and its -wal and -shm readable by their owner alone, whatever the umask and
    wherever the journal was made. SQLite gives a new -wal the journal's own mode, so the
    journal is made private first; side files left by an earlier open are made private too."""
    for file in (path, *_side_files(path)):
        with suppress(OSError):  # a side file that is not there, or not ours to change
            if stat.S_IMODE(file.stat().st_mode) & 0o077:
                os.chmod(file, stat.S_IRUSR | stat.S_IWUSR)


def _refuse_special(path: str | os.PathLike[str]) -> None:
    """Names that SQLite reads as something other than a file on disk. (A `file:` name is
    opened here as the file of that name, always through a URI of its own; the command line
    refuses such names as typed, where `./file:x` can still be told from `file:x`.)"""
    name = os.fsdecode(path)
    if name.strip() in ("", ":memory:"):
        raise ForeignFile(
            f"{name or 'an empty name'}: not a journal file; name a file on disk "
            "(SQLite keeps :memory: in memory only: what is written there is lost)."
        )


def _create(path: Path) -> None:
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
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute("PRAGMA synchronous = FULL")
            # Marked as ours before the switch to WAL and before any table: a file with our
            # mark is never taken for another program's.
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            journal = Journal(conn, building)
            migration_set().apply(journal.db)
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
        _sync_folder(path.parent)
    finally:
        for leftover in (building, *_side_files(building)):
            leftover.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make a new name in `folder` survive a power cut."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_if_empty(path: Path) -> None:
    """Remove a journal that holds no interview and nothing of the user's (one a failed
    command made), with the files beside it; any other file is left as it is."""
    try:
        journal = open_journal(path, create=False)
    except JournalError:
        return
    try:
        empty = not journal.count_interviews() and all(c.builtin for c in journal.categories())
    finally:
        journal.close()
    if empty:
        for file in (path, *_side_files(path)):
            file.unlink(missing_ok=True)


def _free_name(folder: Path, stem: str) -> Path:
    """`folder/stem-YYYYMMDD-HHMMSS.db`, or with -2, -3 ... when one was made in that second."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target, copies = folder / f"{stem}-{stamp}.db", 1
    while target.exists():
        copies += 1
        target = folder / f"{stem}-{stamp}-{copies}.db"
    return target


def _creation_failed(path: Path, error: Exception) -> JournalError:
    """Why a new journal could not be made, in plain words: nothing is left behind."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return JournalUnavailable(f"{path}: the disk is full; no journal was made.")
    if isinstance(error, OSError) and error.errno == errno.EFBIG:
        return JournalUnavailable(f"{path}: the file size limit was reached; no journal was made.")
    if isinstance(error, sqlite3.Error):
        failure = translate(error, path)
        if not isinstance(failure, JournalUnavailable):
            return failure
        if "disk is full" in str(failure):
            return JournalUnavailable(f"{path}: the disk is full; no journal was made.")
        return JournalUnavailable(f"{path}: {disk_trouble(path.parent)}; no journal was made.")
    return JournalUnavailable(f"{path}: cannot create the journal ({error.strerror}).")


def open_journal(
    path: str | os.PathLike[str],
    *,
    create: bool = True,
    read_only: bool = False,
    busy_timeout: float = BUSY_TIMEOUT_SECONDS,
) -> Journal:
    """Open (or create) the journal at `path`; raise a JournalError with one plain line if not.

    A file that is there is inspected and read before anything is written to it, so a file that
    is refused is left exactly as it was. `busy_timeout` is how long a write waits for another
    program that is writing the journal before it gives up.
    """
    _refuse_special(path)
    path = Path(path).expanduser()
    if path.is_symlink() and not path.exists():
        raise JournalUnavailable(f"{path}: is a link to {os.readlink(path)}, which is not there.")
    if not path.exists():
        if not create or read_only:
            raise JournalUnavailable(
                f"{path}: no journal there yet (adding an interview or importing starts one)."
            )
        try:
            _create(path)
        except PermissionError as error:
            message = f"{path}: cannot create the journal (permission denied)."
            raise JournalReadOnly(message) from error
        except sqlite3.Error as error:
            raise _creation_failed(path, error) from error
        except OSError as error:
            raise _creation_failed(path, error) from error
    _inspect(path)
    read_only = read_only or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    if read_only:
        return _open(path, create=create, read_only=True, busy_timeout=busy_timeout)
    _keep_private(path)
    journal = _open_writable(path, create=create, busy_timeout=busy_timeout)
    if journal is not None:
        return journal
    # No room for the -wal and -shm a writer keeps beside the journal: read it as it is, and
    # open it for writing again once there is room (Journal._recover).
    journal = _open(path, create=create, read_only=True, busy_timeout=busy_timeout)
    journal.disk_full = True
    return journal


def _open_writable(path: Path, *, create: bool, busy_timeout: float) -> Journal | None:
    """The journal opened for writing, or None if the disk is full; side files the attempt
    began and could not finish are not left behind."""
    there = {file for file in _side_files(path) if file.exists()}
    try:
        return _open(path, create=create, read_only=False, busy_timeout=busy_timeout)
    except JournalUnavailable as error:
        if "disk is full" not in str(error):
            raise
    for file in set(_side_files(path)) - there:
        with suppress(OSError):
            # never the -shm of a journal in use, which is 32 KiB at least
            if file.stat().st_size < 32768:
                file.unlink()
    return None


def _open(path: Path, *, create: bool, read_only: bool, busy_timeout: float) -> Journal:
    try:
        conn = _connect(path, read_only=read_only, timeout=busy_timeout)
    except sqlite3.Error as error:
        raise translate(error, path) from error
    try:
        fresh, version = _classify(conn, path)
        if fresh and (read_only or not create):
            raise JournalUnavailable(
                f"{path}: an empty SQLite database, no journal there yet (adding an interview "
                "or importing makes it one)."
            )
        if version < SCHEMA_VERSION and read_only:
            raise JournalReadOnly(
                f"{path}: this journal needs an upgrade to open, but it is read-only."
            )
        journal = Journal(conn, path, read_only=read_only)
        journal._prepare(version, busy_timeout)  # noqa: SLF001 - its own set-up, out of __init__
    except BaseException:
        conn.close()
        raise
    return journal


class Journal:
    """Every read and write of the journal. Returns domain objects, never rows."""

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

    # -- opening, closing --------------------------------------------------------------------

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
                for table in (*_TABLES, "_sqlite_migrations"):
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

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def ensure_sound(self) -> None:
        """Refuse to write into a damaged journal: SQLite's quick check, once per journal file
        and process (a process opens its journal once), before its first write. Reading a damaged
        journal stays possible wherever SQLite can still read it."""
        if not self._sound:
            damaged = _quick_check(self.conn, self.path)
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
        writer = _open_writable(self.path, create=False, busy_timeout=self.busy_timeout)
        if writer is None:
            return
        self.conn.close()
        self.conn, self.read_only, self.disk_full = writer.conn, False, False
        self.__dict__.pop("db", None)  # sqlite-utils over the old connection

    @contextmanager
    def _writing(self) -> Iterator[Database]:
        self._recover()
        if self.disk_full:
            raise JournalUnavailable(f"{self.path}: the disk is full; nothing was saved.")
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

    def _rows(self, sql: str, params: Iterable | dict = ()) -> list[tuple]:
        """Plain tuples, for the few reads where building dicts would cost real time."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise translate(error, self.path) from error

    def _query(self, sql: str, params: Iterable | dict = ()) -> list[dict]:
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

    # -- categories --------------------------------------------------------------------------

    def categories(self) -> list[Category]:
        rows = self._query("SELECT * FROM categories ORDER BY position, name COLLATE NOCASE")
        return [converters.category_from_row(row) for row in rows]

    def category(self, slug: str) -> Category:
        rows = self._query("SELECT * FROM categories WHERE slug = ?", [slug])
        if not rows:
            raise NotFound(f"No category {slug!r}.")
        return converters.category_from_row(rows[0])

    def add_category(
        self, name: str, description: str = "", *, indefensible: bool = False, slug: str = ""
    ) -> Category:
        category = prepare_category(
            Category(
                slug=slug or slugify(name),
                name=name,
                description=description,
                indefensible=indefensible,
            )
        )
        if not category.slug:
            raise InvalidValue("name", "needs at least one letter or digit")
        with self._writing() as db:
            if db["categories"].count_where("slug = ?", [category.slug]):
                raise InvalidValue("name", f"a category {category.slug!r} exists already")
            db["categories"].insert(converters.category_to_row(category))
        return category

    def rename_category(self, slug: str, name: str) -> Category:
        category = prepare_category(replace(self.category(slug), name=name))
        with self._writing() as db:
            db["categories"].update(slug, {"name": category.name})
        return category

    def merge_category(self, source: str, target: str) -> int:
        """Move every issue of `source` into `target` and remove `source`; returns issues moved.

        Only the user's own categories can be merged away: the built-in ones stay.
        """
        moving, into = self.category(source), self.category(target)
        if moving.builtin:
            raise InvalidValue("category", f"{moving.name!r} is built in and cannot be merged away")
        if moving.slug == into.slug:
            raise InvalidValue("category", "cannot merge a category into itself")
        with self._writing() as db:
            moved = db.execute(
                "UPDATE issues SET category = ?, updated = ? WHERE category = ?",
                [into.slug, utc_now(), moving.slug],
            ).rowcount
            db["categories"].delete(moving.slug)
        return moved

    # -- interviews ---------------------------------------------------------------------------

    def add_interview(self, interview: Interview) -> Interview:
        now = utc_now()
        interview = replace(prepare_interview(interview), created=now, updated=now)
        with self._writing() as db:
            db["interviews"].insert(converters.interview_to_row(interview))
        return interview

    def update_interview(
        self, interview: Interview, *, expected_updated: str | None = None
    ) -> Interview:
        """Write the interview over the stored one.

        With `expected_updated` (the `updated` stamp the caller loaded), the write is made only
        if the stored interview still has that stamp: otherwise it was changed or deleted
        elsewhere since, and `Conflict` is raised with the stored version (None if deleted),
        having written nothing. Without it, the last write wins (the command line, a script)."""
        with self._writing() as db:
            return self._write_over(
                db, "interviews", prepare_interview(interview), expected_updated
            )

    def set_closed(self, uuid: str, closed: bool) -> Interview:
        """Close or reopen; only the flag (and the stamp) is written, so whatever was changed
        elsewhere in the interview meanwhile is kept."""
        with self._writing():
            row_id, stored = self._current("interviews", uuid, None)
            self.conn.execute(
                "UPDATE interviews SET closed = ?, updated = ? WHERE id = ?",
                [int(closed), _stamp_after(stored), row_id],
            )
        return self.interview(uuid)

    def delete_interview(self, uuid: str) -> None:
        with self._writing() as db:
            db["interviews"].delete(self._id_of("interviews", uuid))

    def _write_over(self, db: Database, table: str, record: R, expected_updated: str | None) -> R:
        """Write `record` (prepared) over its stored row, inside a write, and return it with
        its new `updated` stamp: later than the stored one, and only over the stamp the caller
        loaded when it says which (`_current`)."""
        row_id, stored = self._current(table, record.uuid, expected_updated)
        record = replace(record, updated=_stamp_after(stored))
        row = _TO_ROW[table](record)
        del row["created"]
        db[table].update(row_id, row)
        return record

    def _current(self, table: str, uuid: str, expected_updated: str | None) -> tuple[int, str]:
        """(row id, stored `updated`) of the row to be written; inside the write transaction,
        so nothing can change between this check and the write.

        Raises NotFound when the row is not there, or, when the caller says which stamp it
        loaded, Conflict if the row was deleted or its stamp is another."""
        rows = self._rows(f"SELECT id, updated FROM {table} WHERE uuid = ?", [uuid])
        kind = _KIND_OF[table]
        if not rows:
            if expected_updated is None:
                raise NotFound(f"No {kind} with id {uuid}.")
            raise Conflict(f"This {kind} was deleted in another window; nothing was saved.", None)
        row_id, stored = rows[0]
        if expected_updated is not None and stored != expected_updated:
            theirs = self.interview(uuid) if table == "interviews" else self._child(table, uuid)
            raise Conflict(
                f"This {kind} was changed in another window since it was opened here; "
                "nothing was saved.",
                theirs,
            )
        return row_id, stored

    def interview(self, uuid: str) -> Interview:
        rows = self._query(f"SELECT {_INTERVIEW_COLUMNS} FROM interviews WHERE uuid = ?", [uuid])
        if not rows:
            raise NotFound(f"No interview with id {uuid}.")
        return converters.interview_from_row(rows[0])

    def count_interviews(self) -> int:
        return self._query("SELECT count(*) AS n FROM interviews")[0]["n"]

    def interview_summaries(self, *, limit: int = -1, offset: int = 0) -> list[InterviewSummary]:
        """A page of the interview list, newest first, with what each one's step needs.

        The page is cut first and the counts are taken for its rows only, so a page of a
        10,000-interview journal costs about as much as a page of a small one.
        """
        rows = self._query(
            f"""
            WITH page AS (
                SELECT id, {_INTERVIEW_COLUMNS} FROM interviews
                ORDER BY {_NEWEST_FIRST} LIMIT ? OFFSET ?
            )
            SELECT page.*,
                (SELECT count(*) FROM issues WHERE interview_id = page.id) AS n_issues,
                (SELECT count(*) FROM issues WHERE interview_id = page.id
                    AND category IS NULL) AS n_uncategorized,
                (SELECT count(*) FROM issues WHERE interview_id = page.id
                    AND trim(should_have) = '') AS n_unsolved,
                EXISTS (
                    SELECT 1 FROM follow_ups WHERE interview_id = page.id
                    AND kind = 'thank-you' AND done IS NOT NULL
                ) AS thanked
            FROM page ORDER BY {_NEWEST_FIRST}
            """,
            [limit, offset],
        )
        return [
            InterviewSummary(
                interview=converters.interview_from_row(row),
                issues=row["n_issues"],
                uncategorized=row["n_uncategorized"],
                unsolved=row["n_unsolved"],
                thanked=bool(row["thanked"]),
            )
            for row in rows
        ]

    def interview_index(self) -> list[tuple[str, dt.date, str, str]]:
        """(uuid, date, company, role) of every interview, newest first: enough to find one by
        name, at a fraction of the cost of the full list."""
        rows = self._query(
            f"SELECT uuid, date, company, role FROM interviews ORDER BY {_NEWEST_FIRST}"
        )
        return [
            (row["uuid"], dt.date.fromisoformat(row["date"]), row["company"], row["role"])
            for row in rows
        ]

    def interview_position(self, uuid: str) -> int | None:
        """Where the interview stands in the list (0 is the newest), or None if it is gone."""
        rows = self._query(
            """
            SELECT count(*) AS before FROM interviews i, (
                SELECT date, coalesce(time, '') AS time, id FROM interviews WHERE uuid = ?
            ) t
            WHERE (i.date, coalesce(i.time, ''), i.id) > (t.date, t.time, t.id)
            """,
            [uuid],
        )
        exists = self._query("SELECT 1 FROM interviews WHERE uuid = ?", [uuid])
        return rows[0]["before"] if exists else None

    def sittings(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        feelings: bool = False,
    ) -> list[Sitting]:
        """Every interview in [since, until] as the trends see it, oldest first: one query,
        the issues' categories gathered per interview. Feelings only when asked for: reading
        them is a third of the cost on a large journal, and only their chart needs them."""
        from ..core.trends import Sitting  # not before it is needed: the first frame is faster

        rows = self._rows(
            f"""
            SELECT i.id, i.uuid, i.date, i.time, i.outcome, i.rating,
                {"i.feelings" if feelings else "'[]'"}, (
                SELECT group_concat(coalesce(category, ''), char({ord(_SEPARATOR)}))
                FROM issues WHERE interview_id = i.id
            ) AS categories
            FROM interviews i
            WHERE (:since IS NULL OR i.date >= :since) AND (:until IS NULL OR i.date <= :until)
            ORDER BY i.date, i.time, i.id
            """,
            {
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
            },
        )
        # Built by position, and each distinct date, time and set of categories parsed once:
        # a third of the cost of `stats` on a large journal was here.
        days: dict[str, dt.date] = {}
        times: dict[str, dt.time] = {}
        slugs: dict[str, tuple[str | None, ...]] = {}
        sittings: list[Sitting] = []
        for row_id, uuid, date, time, outcome, rating, feelings, categories in rows:
            try:
                day = days.get(date) or days.setdefault(date, dt.date.fromisoformat(date))
                at = (
                    (times.get(time) or times.setdefault(time, dt.time.fromisoformat(time)))
                    if time
                    else None
                )
                found: tuple[str | None, ...] = ()
                if categories is not None:
                    found = slugs.get(categories) or slugs.setdefault(
                        categories, tuple(slug or None for slug in categories.split(_SEPARATOR))
                    )
                felt = tuple(json.loads(feelings)) if feelings != "[]" else ()
            except (ValueError, TypeError, AttributeError) as error:
                raise DamagedRow("interviews", uuid, error) from error
            sittings.append(Sitting(uuid, day, at, outcome, rating, felt, found, row_id))
        return sittings

    # -- issues, positives, follow-ups ----------------------------------------------------------

    def _children(self, table: str, interview_uuid: str | None = None) -> list:
        where, params = ("WHERE i.uuid = ?", [interview_uuid]) if interview_uuid else ("", [])
        rows = self._query(f"{_CHILD_SELECT[table]} {where} ORDER BY c.id", params)
        return [_FROM_ROW[table](row) for row in rows]

    def _child(self, table: str, uuid: str):
        rows = self._query(f"{_CHILD_SELECT[table]} WHERE c.uuid = ?", [uuid])
        if not rows:
            raise NotFound(f"No {table.rstrip('s').replace('_', '-')} with id {uuid}.")
        return _FROM_ROW[table](rows[0])

    def _add_child(self, table: str, row: dict, interview_uuid: str) -> None:
        with self._writing() as db:
            row["interview_id"] = self._id_of("interviews", interview_uuid)
            db[table].insert(row)

    def _delete_child(self, table: str, uuid: str) -> None:
        with self._writing() as db:
            db[table].delete(self._id_of(table, uuid))

    def issues(self, interview_uuid: str | None = None) -> list[Issue]:
        """The issues of one interview (or of all), in the order they were written."""
        return self._children("issues", interview_uuid)

    def issue(self, uuid: str) -> Issue:
        return self._child("issues", uuid)

    def add_issue(self, issue: Issue) -> Issue:
        now = utc_now()
        issue = replace(prepare_issue(issue), created=now, updated=now)
        row = converters.issue_to_row(issue)
        with self._writing() as db:
            row["interview_id"] = self._id_of("interviews", issue.interview_uuid)
            db["issues"].insert(row)
            self._mistake_repeated(row["interview_id"], issue.category, issue.uuid)
        return issue

    def update_issue(self, issue: Issue, *, expected_updated: str | None = None) -> Issue:
        """Write the issue over the stored one; with `expected_updated`, only if the stored one
        still has that stamp (see `update_interview`), else `Conflict` and nothing written."""
        with self._writing() as db:
            found = self._rows(
                "SELECT interview_id, category FROM issues WHERE uuid = ?", [issue.uuid]
            )
            issue = self._write_over(db, "issues", prepare_issue(issue), expected_updated)
            interview_id, before = found[0]  # there: _write_over raises when it is not
            if issue.category != before:
                self._mistake_repeated(interview_id, issue.category, issue.uuid)
        return issue

    def category_issues(
        self, slug: str, *, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[tuple[Interview, Issue]]:
        """Every issue of a category in [since, until], newest interview first, each with its
        interview: the drill-down of the trends."""
        rows = self._query(
            f"""
            SELECT c.*, i.uuid AS interview_uuid, {
                ", ".join(f"i.{c} AS i_{c}" for c in _INTERVIEW_COLUMNS.replace(" ", "").split(","))
            }
            FROM issues c JOIN interviews i ON i.id = c.interview_id
            WHERE c.category = :slug
                AND (:since IS NULL OR i.date >= :since) AND (:until IS NULL OR i.date <= :until)
            ORDER BY i.date DESC, i.time DESC, i.id DESC, c.id
            """,
            {
                "slug": slug,
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
            },
        )
        return [
            (
                converters.interview_from_row(
                    {key[2:]: value for key, value in row.items() if key.startswith("i_")}
                ),
                converters.issue_from_row(row),
            )
            for row in rows
        ]

    def latest_issue_of_category(self, slug: str) -> Issue | None:
        """The most recent issue filed under a category, to jump to from the palette."""
        rows = self._query(
            f"{_CHILD_SELECT['issues']} WHERE c.category = ? ORDER BY i.date DESC, c.id DESC "
            "LIMIT 1",
            [slug],
        )
        return converters.issue_from_row(rows[0]) if rows else None

    def save_issue(self, issue: Issue, *, expected_updated: str | None = None) -> Issue:
        """What a window's autosave calls: add a draft never saved, or update a stored issue
        only if no one changed or deleted it since this window loaded it.

        An issue that was saved (it has `created`) is checked against the stamp it was loaded
        with, `issue.updated`, or `expected_updated` when given (to overwrite a version the
        user has seen: theirs). One that was saved and is gone now raises `Conflict` rather
        than coming back: it was deleted on purpose, elsewhere."""
        if issue.created:
            expected = issue.updated if expected_updated is None else expected_updated
            return self.update_issue(issue, expected_updated=expected)
        exists = self._query("SELECT 1 FROM issues WHERE uuid = ?", [issue.uuid])
        return self.update_issue(issue) if exists else self.add_issue(issue)

    def delete_issue(self, uuid: str) -> None:
        self._delete_child("issues", uuid)

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

    def positives(self, interview_uuid: str | None = None) -> list[Positive]:
        return self._children("positives", interview_uuid)

    def add_positive(self, positive: Positive) -> Positive:
        now = utc_now()
        positive = replace(prepare_positive(positive), created=now, updated=now)
        self._add_child("positives", converters.positive_to_row(positive), positive.interview_uuid)
        return positive

    def update_positive(self, positive: Positive) -> Positive:
        with self._writing() as db:
            return self._write_over(db, "positives", prepare_positive(positive), None)

    def delete_positive(self, uuid: str) -> None:
        self._delete_child("positives", uuid)

    def follow_ups(self, interview_uuid: str | None = None) -> list[FollowUp]:
        return self._children("follow_ups", interview_uuid)

    def add_follow_up(self, follow_up: FollowUp) -> FollowUp:
        now = utc_now()
        follow_up = replace(prepare_follow_up(follow_up), created=now, updated=now)
        row = converters.follow_up_to_row(follow_up)
        self._add_child("follow_ups", row, follow_up.interview_uuid)
        return follow_up

    def update_follow_up(
        self, follow_up: FollowUp, *, expected_updated: str | None = None
    ) -> FollowUp:
        """Write the follow-up over the stored one; with `expected_updated`, only if the stored
        one still has that stamp (see `update_interview`), else `Conflict` and nothing written."""
        with self._writing() as db:
            return self._write_over(
                db, "follow_ups", prepare_follow_up(follow_up), expected_updated
            )

    def delete_follow_up(self, uuid: str) -> None:
        self._delete_child("follow_ups", uuid)

    def overdue_follow_ups(self, today: dt.date) -> list[FollowUp]:
        rows = self._query(
            f"{_CHILD_SELECT['follow_ups']} WHERE c.done IS NULL AND c.due < ? ORDER BY c.due",
            [today.isoformat()],
        )
        return [converters.follow_up_from_row(row) for row in rows]

    # -- whole records: export, import, samples --------------------------------------------------

    def record(self, uuid: str) -> InterviewRecord:
        return InterviewRecord(
            interview=self.interview(uuid),
            issues=self.issues(uuid),
            positives=self.positives(uuid),
            follow_ups=self.follow_ups(uuid),
        )

    def records(self) -> list[InterviewRecord]:
        """Every interview with its children, oldest first: the order of the exchange format."""
        return list(self.iter_records())

    def iter_records(self, batch: int = 500) -> Iterator[InterviewRecord]:
        """`records()` a few hundred at a time, from one snapshot of the journal: an export of
        any size holds one batch in memory, not the whole journal."""
        began = not self.conn.in_transaction
        if began:
            self._rows("BEGIN")  # one read snapshot for the whole walk (WAL: writers go on)
        try:
            order = [
                row_id
                for (row_id,) in self._rows(
                    "SELECT id FROM interviews ORDER BY date, coalesce(time, ''), uuid"
                )
            ]
            for start in range(0, len(order), batch):
                yield from self._record_batch(order[start : start + batch])
        finally:
            # a walk left unfinished (a reader that stopped) may end after the journal closed
            with suppress(sqlite3.ProgrammingError):
                if began and self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def _record_batch(self, ids: list[int]) -> list[InterviewRecord]:
        marks = ", ".join("?" * len(ids))
        rows = self._query(
            f"SELECT id, {_INTERVIEW_COLUMNS} FROM interviews WHERE id IN ({marks})", ids
        )
        records = {row["id"]: InterviewRecord(converters.interview_from_row(row)) for row in rows}
        graded: dict[str, list[Review]] = defaultdict(list)
        for uuid, rating, reviewed, due in self._rows(
            "SELECT c.uuid, r.rating, r.reviewed, r.due FROM reviews r "
            f"JOIN issues c ON c.id = r.issue_id WHERE c.interview_id IN ({marks}) ORDER BY r.id",
            ids,
        ):
            graded[uuid].append(Review(rating=rating, reviewed=reviewed, due=due))
        for table in ("issues", "positives", "follow_ups"):
            sql = f"{_CHILD_SELECT[table]} WHERE c.interview_id IN ({marks}) ORDER BY c.id"
            for row in self._query(sql, ids):
                child = _FROM_ROW[table](row)
                if table == "issues":
                    child.reviews = graded.get(child.uuid, [])
                getattr(records[row["interview_id"]], table).append(child)
        return [records[row_id] for row_id in ids if row_id in records]

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

    def _backup_before_import(self) -> Path:
        """A checked copy of the journal as last committed, beside it: read by a connection
        of its own, so that what this import has written so far is not in it."""
        target = _free_name(self.path.parent, f"{self.path.stem}-before-import")
        reader = _connect(self.path, read_only=True, timeout=self.busy_timeout)
        try:
            return Journal(reader, self.path, read_only=True).backup(target)
        finally:
            reader.close()

    # -- review drill ----------------------------------------------------------------------------

    def upcoming_interview(self, today: dt.date) -> Interview | None:
        """The soonest interview dated after `today` (the one the briefing prepares for)."""
        rows = self._query(
            f"SELECT {_INTERVIEW_COLUMNS} FROM interviews WHERE date > ? "
            "ORDER BY date, coalesce(time, ''), id LIMIT 1",
            [today.isoformat()],
        )
        return converters.interview_from_row(rows[0]) if rows else None

    def briefing_sources(
        self, today: dt.date
    ) -> tuple[dict[str, list[Answer]], dict[str, list[str]]]:
        """Per category, the user's non-empty answers and actions from the interviews that have
        happened (date <= today), the latest interview first: what the briefing draws on."""
        from ..core.review import Answer

        rows = self._rows(
            """
            SELECT c.uuid, i.uuid, i.date, i.company, c.problem, c.should_have, c.category,
                c.action
            FROM issues c JOIN interviews i ON i.id = c.interview_id
            WHERE i.date <= ? AND c.category IS NOT NULL
                AND (trim(c.should_have) != '' OR trim(c.action) != '')
            ORDER BY i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id DESC
            """,
            [today.isoformat()],
        )
        answers: dict[str, list[Answer]] = defaultdict(list)
        actions: dict[str, list[str]] = defaultdict(list)
        for issue_uuid, interview_uuid, date, company, problem, should_have, slug, action in rows:
            if should_have.strip():
                answers[slug].append(
                    Answer(
                        issue_uuid=issue_uuid,
                        interview_uuid=interview_uuid,
                        date=dt.date.fromisoformat(date),
                        company=company,
                        problem=problem,
                        should_have=should_have,
                    )
                )
            if action.strip():
                actions[slug].append(action)
        return dict(answers), dict(actions)

    def drill_cards(self) -> list[DrillCard]:
        """Every issue with a "what I should have done", as a flashcard, newest interview first.

        A card never reviewed (or whose stored state cannot be read) comes back as new."""
        from ..core.review import DrillCard, card_due

        rows = self._rows(
            """
            SELECT c.uuid, i.uuid, i.company, i.date, c.category,
                coalesce(k.name, c.category, 'Uncategorised'), c.problem, c.should_have, c.card
            FROM issues c JOIN interviews i ON i.id = c.interview_id
            LEFT JOIN categories k ON k.slug = c.category
            WHERE trim(c.should_have) != ''
            ORDER BY i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id
            """
        )
        cards = []
        for issue_uuid, interview_uuid, company, date, slug, name, problem, answer, card in rows:
            due = None
            if card is not None:
                try:
                    due = card_due(card)
                except (ValueError, KeyError, TypeError, AttributeError):
                    card = None
            cards.append(
                DrillCard(
                    issue_uuid=issue_uuid,
                    interview_uuid=interview_uuid,
                    company=company,
                    date=dt.date.fromisoformat(date),
                    category=slug,
                    category_name=name,
                    problem=problem,
                    should_have=answer,
                    card=card,
                    due=due,
                )
            )
        return cards

    def record_review(
        self,
        issue_uuid: str,
        card_json: str,
        rating: int,
        reviewed: dt.datetime,
        due: dt.datetime,
    ) -> None:
        """Store a graded card with its issue and log the review, in one transaction."""
        if isinstance(rating, bool) or rating not in (1, 2, 3, 4):
            raise InvalidValue("rating", "must be 1-4 (again, hard, good, easy)")
        with self._writing():
            row_id = self._id_of("issues", issue_uuid)
            self.conn.execute("UPDATE issues SET card = ? WHERE id = ?", [card_json, row_id])
            self.conn.execute(
                "INSERT INTO reviews (issue_id, rating, reviewed, due) VALUES (?, ?, ?, ?)",
                [
                    row_id,
                    rating,
                    reviewed.astimezone(dt.UTC).isoformat(),
                    due.astimezone(dt.UTC).isoformat(),
                ],
            )

    def _mistake_repeated(self, interview_id: int, slug: str | None, issue_uuid: str) -> None:
        """A mistake of `slug` was recorded for an interview: if that interview has happened,
        every other card of the category is due now (a lesson forgotten). Call inside a write."""
        if slug is None:
            return
        date = self._rows("SELECT date FROM interviews WHERE id = ?", [interview_id])[0][0]
        if dt.date.fromisoformat(date) > self.clock.today():
            return
        from ..core.review import make_due

        now = self.clock.now()
        rows = self._rows(
            "SELECT id, card FROM issues WHERE category = ? AND uuid != ? AND card IS NOT NULL",
            [slug, issue_uuid],
        )
        for row_id, card in rows:
            try:
                fresh = make_due(card, now)
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # an unreadable card is drilled as new anyway
            if fresh != card:
                self.conn.execute("UPDATE issues SET card = ? WHERE id = ?", [fresh, row_id])

    # -- search --------------------------------------------------------------------------------

    def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        """Full-text search over problems, solutions, actions, notes and what went well.

        Every word the user typed must appear (as a word or the start of one). The words are
        quoted, so FTS syntax in the input (`"`, `AND`, `NEAR(`, `*`) is searched for as text
        and never raises.
        """
        # Words without a letter or digit are dropped: the tokenizer would find nothing in them,
        # and a bare `"` quoted and starred is a query FTS5 refuses.
        words = [word for word in clean_text(text).split() if _WORDLIKE.search(word)]
        if not words:
            return []
        query = " ".join(self.db.quote_fts(word) + "*" for word in words)
        excerpt = "snippet({fts}, -1, '', '', '…', 12)"
        sql = f"""
            SELECT * FROM (
                SELECT i.uuid AS interview_uuid, c.uuid AS issue_uuid, 'issue' AS field,
                    {excerpt.format(fts="issues_fts")} AS excerpt, i.date AS date,
                    issues_fts.rank AS rank
                FROM issues_fts JOIN issues c ON c.rowid = issues_fts.rowid
                JOIN interviews i ON i.id = c.interview_id
                WHERE issues_fts MATCH :query
                UNION ALL
                SELECT i.uuid, NULL, 'interview', {excerpt.format(fts="interviews_fts")}, i.date,
                    interviews_fts.rank
                FROM interviews_fts JOIN interviews i ON i.rowid = interviews_fts.rowid
                WHERE interviews_fts MATCH :query
                UNION ALL
                SELECT i.uuid, NULL, 'went well', {excerpt.format(fts="positives_fts")}, i.date,
                    positives_fts.rank
                FROM positives_fts JOIN positives p ON p.rowid = positives_fts.rowid
                JOIN interviews i ON i.id = p.interview_id
                WHERE positives_fts MATCH :query
            ) ORDER BY date DESC, rank LIMIT :limit
        """
        rows = self._query(sql, {"query": query, "limit": limit})
        return [
            SearchHit(
                interview_uuid=row["interview_uuid"],
                issue_uuid=row["issue_uuid"],
                field=row["field"],
                excerpt=" ".join(row["excerpt"].split()),
            )
            for row in rows
        ]

    # -- safety --------------------------------------------------------------------------------

    def backup(self, destination: str | os.PathLike[str]) -> Path:
        """A consistent copy of the journal, made with SQLite's backup API, checked, mode 0600."""
        target = Path(destination).expanduser()
        if target.is_dir():
            target = _free_name(target, "interview-journal")
        if target.exists():
            raise JournalError(f"{target}: already exists; choose another name.")
        try:
            _make_private_file(target)
        except OSError as error:
            raise JournalUnavailable(
                f"{target}: cannot write the backup ({error.strerror})."
            ) from error
        copy = sqlite3.connect(target)
        try:
            self.conn.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.Error as error:
            copy.close()
            target.unlink(missing_ok=True)
            failure = translate(error, target)
            if isinstance(failure, CorruptJournal):  # what was read was damaged: the journal
                failure = CorruptJournal(str(translate(error, self.path)))
            raise failure from error
        copy.close()
        if result != "ok":
            target.unlink(missing_ok=True)
            raise CorruptJournal(f"{target}: the backup failed its integrity check ({result}).")
        return target

    def _search_problems(self) -> list[str]:
        """The full-text index must hold one entry per row and be kept up to date by its
        triggers; read-only checks, so that a read-only journal can be checked too."""
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
        try:
            found = [row[0] for row in self.conn.execute("PRAGMA integrity_check")]
        except sqlite3.Error as error:
            found = [str(error)]
        if found != ["ok"]:
            damaged = True
            tables = damaged_tables(self.conn, "integrity_check") or {"the file": found[0]}
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
            *((table, _CHILD_SELECT[table], _FROM_ROW[table]) for table in _CHILD_SELECT),
        ]
        # The checks an import makes of the same records: what check passes, import takes.
        checks = {
            "categories": validate.check_category,
            "interviews": validate.check_interview,
            "issues": validate.check_issue,
            "positives": validate.check_positive,
            "follow_ups": validate.check_follow_up,
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
