"""What can go wrong with a journal file, each said in one plain line."""

from __future__ import annotations

import os
from pathlib import Path

from . import cipher
from .driver import sqlite3


class JournalError(Exception):
    """Base of every error the store reports; str() is the one line a user reads."""


class ForeignFile(JournalError):
    """The file is not a journal: not SQLite at all, empty, or another program's database."""


class CorruptJournal(JournalError):
    """The file claims to be SQLite but its contents are damaged."""


class NewerJournal(JournalError):
    """Written by a newer version of the app than this one."""


class DamagedRow(CorruptJournal):
    """A row that SQLite reads but we cannot: written wrong by another program."""

    def __init__(self, table: str, key: object, error: Exception) -> None:
        self.table = table
        self.key = key
        which = f" {key}" if isinstance(key, str) else ""
        super().__init__(
            f"a row of {table}{which} cannot be read ({error}): the journal was changed by "
            "another program. `interview-journal check` lists such rows."
        )


class JournalLocked(JournalError):
    """Another program holds the journal longer than we are willing to wait."""


class JournalReadOnly(JournalError):
    """The file or its folder cannot be written."""


class JournalUnavailable(JournalError):
    """The file or its folder is gone, or the disk refused the write."""


class DiskFull(JournalUnavailable):
    """The disk is full: told apart by its kind, never by the words of its message."""


class PassphraseNeeded(JournalError):
    """The journal is encrypted, and this process was given no passphrase for it."""


class WrongPassphrase(JournalError):
    """The passphrase given does not open the journal (or the file is no journal at all)."""


class NotFound(JournalError):
    """No row with that uuid or slug."""


class Ambiguous(JournalError):
    """What the user typed names several rows, and which one is meant cannot be told."""


class Conflict(JournalError):
    """The record was changed or deleted elsewhere (another window, a command) since it was
    loaded here, so saving would have overwritten or brought back what was done there.

    `theirs` is the record as it now stands in the journal (an Issue, an Interview), or None
    when it was deleted. Nothing was written."""

    def __init__(self, message: str, theirs: object | None) -> None:
        super().__init__(message)
        self.theirs = theirs

    @property
    def deleted(self) -> bool:
        return self.theirs is None


# SQLite's result codes, by the prefix of their names (extended codes share it), and what each
# means to a user.
_BY_CODE = (
    ("SQLITE_BUSY", "busy"),
    ("SQLITE_LOCKED", "busy"),
    ("SQLITE_SCHEMA", "busy"),  # changed by another program as it was read: try again
    ("SQLITE_READONLY", "read-only"),
    ("SQLITE_CORRUPT", "damaged"),
    ("SQLITE_NOTADB", "not a database"),
    ("SQLITE_FULL", "full"),
    ("SQLITE_IOERR", "i/o"),
    ("SQLITE_CANTOPEN", "cannot open"),
)
# The same, from the message, for errors that come without SQLite's code (raised by Python's
# module itself) or with only the generic SQLITE_ERROR.
_BY_TEXT = (
    (("locked", "busy"), "busy"),
    (("readonly", "read-only"), "read-only"),
    (("malformed", "corrupt"), "damaged"),
    (("not a database",), "not a database"),
    (("database or disk is full",), "full"),
    (("disk i/o",), "i/o"),
    (("unable to open", "no such file"), "cannot open"),
)


def _kind(error: sqlite3.Error) -> str | None:
    """What went wrong, by SQLite's result code where the error has one."""
    name = getattr(error, "sqlite_errorname", None) or ""
    for prefix, kind in _BY_CODE:
        if name == prefix or name.startswith(prefix + "_"):
            return kind
    text = str(error).lower()
    for words, kind in _BY_TEXT:
        if any(word in text for word in words):
            return kind
    return None


def translate(error: sqlite3.Error, path: object) -> JournalError:
    """Turn a SQLite error into the plain-words error a user should see."""
    kind = _kind(error)
    if kind == "busy":
        return JournalLocked(
            f"{path}: the journal is busy (another program is using it); nothing was saved. "
            "Try again in a moment."
        )
    if kind == "read-only":
        return JournalReadOnly(f"{path}: the journal is read-only; nothing was saved.")
    if kind == "damaged":
        return CorruptJournal(
            f"{path}: the journal file is damaged (database disk image is malformed)."
        )
    if kind == "not a database" and cipher.passphrase_for(path) is not None:
        return WrongPassphrase(
            f"{path}: the passphrase does not open this journal (or the file is not a journal); "
            "nothing was changed."
        )
    if kind == "not a database":
        return ForeignFile(f"{path}: not a journal (file is not a database).")
    if kind == "full":
        return DiskFull(f"{path}: the disk is full; nothing was saved.")
    if kind == "i/o" and isinstance(path, Path) and path.parent.is_dir():
        return unavailable(path, "nothing was saved")
    if kind in ("i/o", "cannot open"):
        return JournalUnavailable(
            f"{path}: the journal cannot be reached (was its folder moved or removed?); "
            "nothing was saved."
        )
    return JournalError(f"{path}: {error}")


def unavailable(path: Path, outcome: str) -> JournalUnavailable:
    """Why a write to `path` failed, said as "PATH: why; OUTCOME.": a full disk (DiskFull),
    or the disk itself."""
    trouble = "the disk refused the write (an I/O error, or a file size limit)"
    try:
        usage = os.statvfs(path.parent)
    except OSError:
        trouble = "the journal cannot be reached (was its folder moved or removed?)"
    else:
        if usage.f_bavail * usage.f_frsize < 1 << 20 or (usage.f_files and usage.f_favail == 0):
            return DiskFull(f"{path}: the disk is full; {outcome}.")
    return JournalUnavailable(f"{path}: {trouble}; {outcome}.")
