"""The journal on disk: SQLite through sqlite-utils. Never imports Textual or click."""

from .errors import (
    Conflict,
    CorruptJournal,
    ForeignFile,
    JournalError,
    JournalLocked,
    JournalReadOnly,
    JournalUnavailable,
    NewerJournal,
    NotFound,
)
from .journal import Journal, open_journal

__all__ = [
    "Conflict",
    "CorruptJournal",
    "ForeignFile",
    "Journal",
    "JournalError",
    "JournalLocked",
    "JournalReadOnly",
    "JournalUnavailable",
    "NewerJournal",
    "NotFound",
    "open_journal",
]
