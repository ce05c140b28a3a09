"""Backups: consistent, checked, private copies of the journal."""

from __future__ import annotations

import os
from pathlib import Path

from . import cipher
from .base import JournalBase
from .driver import sqlite3
from .errors import CorruptJournal, JournalError, JournalUnavailable, translate
from .files import connect, free_name, make_private_file


class Backup(JournalBase):
    """Copies of the journal."""

    def backup(self, destination: str | os.PathLike[str]) -> Path:
        """A consistent copy of the journal, made with SQLite's backup API, checked, mode 0600."""
        target = Path(destination).expanduser()
        if target.is_dir():
            target = free_name(target, "interview-journal")
        if target.exists():
            raise JournalError(f"{target}: already exists; choose another name.")
        try:
            make_private_file(target)
        except OSError as error:
            raise JournalUnavailable(
                f"{target}: cannot write the backup ({error.strerror})."
            ) from error
        copy = sqlite3.connect(target)
        try:
            # A backup of an encrypted journal is encrypted with the same passphrase (and a
            # salt of its own): SQLCipher re-encrypts each page it copies.
            cipher.quiet(copy)
            passphrase = cipher.passphrase_for(self.path)
            if passphrase is not None:
                copy.execute(cipher.pragma_key(passphrase))
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

    def _backup_before_import(self) -> Path:
        """A checked copy of the journal as last committed, beside it: read by a connection
        of its own, so that what this import has written so far is not in it."""
        target = free_name(self.path.parent, f"{self.path.stem}-before-import")
        reader = connect(self.path, read_only=True, timeout=self.busy_timeout)
        try:
            return type(self)(reader, self.path, read_only=True).backup(target)
        finally:
            reader.close()
