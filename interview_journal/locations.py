"""Every path the app uses, in one place (platformdirs). Nothing here touches the disk."""

from __future__ import annotations

from pathlib import Path

APP_NAME = "interview-journal"


def data_folder() -> Path:
    from platformdirs import user_data_path  # only when no journal was named: 7 ms saved

    return user_data_path(APP_NAME, appauthor=False)


def default_journal() -> Path:
    return data_folder() / "journal.db"


def backups_folder() -> Path:
    return data_folder() / "backups"


def letters_folder() -> Path:
    """Where the composer saves a letter as a text file (when copying cannot be trusted)."""
    return data_folder() / "letters"


def exports_folder() -> Path:
    """Where the app writes an interview for a coach (beside the letters)."""
    return data_folder() / "exports"
