"""The journal: one SQLite file, opened carefully, returning domain objects.

`Journal` is the one face the command line and the app see. Each of its parts lives in a module
of its own (interviews, issues, review state, search, import, export, integrity, backup ...),
all working through one connection (`base.JournalBase`). Opening refuses, without writing a
byte, anything that is not a journal of ours (`files`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from .backup import Backup
from .base import open_connection, open_writable
from .calendar_in import CalendarImport
from .categories import Categories
from .damage import damage_report, damaged_tables
from .driver import sqlite3
from .errors import JournalError, JournalReadOnly, JournalUnavailable
from .exporting import Exporting
from .files import (
    BUSY_TIMEOUT_SECONDS,
    creation_failed,
    inspect_file,
    keep_private,
    make_journal_file,
    make_private_folder,
    refuse_special,
    side_files,
)
from .follow_ups import FollowUps
from .importing import Importing
from .integrity import Integrity
from .interviews import Interviews
from .issues import Issues
from .positives import Positives
from .questions import Questions, TooManyStories
from .search import Search
from .settings import StoredSettings

if TYPE_CHECKING:
    from ..core.compose import Material

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "Journal",
    "TooManyStories",
    "damage_report",
    "damaged_tables",
    "make_private_folder",
    "open_journal",
    "remove_if_empty",
]


class Journal(
    Exporting,  # first: it reads through the four aggregates after it
    Categories,
    Interviews,
    Issues,
    Positives,
    Questions,
    FollowUps,
    Search,
    StoredSettings,
    Importing,
    Integrity,
    Backup,
    CalendarImport,
):
    """Every read and write of the journal. Returns domain objects, never rows."""

    def letter_material(self, interview_uuid: str) -> Material:
        """What a follow-up's draft draws on besides the interview: what went well, the issues,
        the profile, and the wording of the questions the issues were asked."""
        from ..core.compose import Material  # the drafts' module: not for the first frame

        issues = self.issues(interview_uuid)
        return Material(
            positives=self.positives(interview_uuid),
            issues=issues,
            profile=self.profile(),
            questions=self.question_texts(i.question_uuid for i in issues if i.question_uuid),
        )


def open_reader(path: str | os.PathLike[str]) -> Journal:
    """The journal at `path`, read-only, for a thread of a program that has it open already
    (the app's workers). Not inspected again: reading the file's header through a descriptor
    of its own and closing it drops every lock this process holds on the file (POSIX), the
    app's own connection's too; another program closing the journal then took itself for the
    last one and deleted the -wal the app goes on writing to, and the app's later writes were
    seen by no one, and lost at exit."""
    path = Path(path).expanduser()
    if not path.exists():
        raise JournalUnavailable(f"{path}: the journal file is gone.")
    return open_connection(
        Journal, path, create=False, read_only=True, busy_timeout=BUSY_TIMEOUT_SECONDS
    )


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
    refuse_special(path)
    path = Path(path).expanduser()
    if path.is_symlink() and not path.exists():
        raise JournalUnavailable(f"{path}: is a link to {os.readlink(path)}, which is not there.")
    if not path.exists():
        if not create or read_only:
            raise JournalUnavailable(
                f"{path}: no journal there yet (adding an interview or importing starts one)."
            )
        try:
            make_journal_file(path)
        except PermissionError as error:
            message = f"{path}: cannot create the journal (permission denied)."
            raise JournalReadOnly(message) from error
        except (sqlite3.Error, OSError) as error:
            raise creation_failed(path, error) from error
    inspect_file(path)
    read_only = read_only or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    if read_only:
        return open_connection(
            Journal, path, create=create, read_only=True, busy_timeout=busy_timeout
        )
    keep_private(path)
    journal = open_writable(Journal, path, create=create, busy_timeout=busy_timeout)
    if journal is not None:
        return journal
    # No room for the -wal and -shm a writer keeps beside the journal: read it as it is, and
    # open it for writing again once there is room (JournalBase._recover).
    journal = open_connection(
        Journal, path, create=create, read_only=True, busy_timeout=busy_timeout
    )
    journal.disk_full = True
    return journal


def remove_if_empty(path: Path) -> None:
    """Remove a journal that holds no interview and nothing of the user's (one a failed
    command made), with the files beside it; any other file is left as it is."""
    try:
        journal = open_journal(path, create=False)
    except JournalError:
        return
    try:
        empty = (
            not journal.count_interviews()
            and all(c.builtin for c in journal.categories())
            and not journal.practice_started()
        )
    finally:
        journal.close()
    if empty:
        for file in (path, *side_files(path)):
            file.unlink(missing_ok=True)
