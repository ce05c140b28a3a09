"""The user's choices kept in the journal itself (a key and a text value each), so that they
follow the journal to another machine: how long a practice answer may take, the profile the
letters are signed with, the app's colour theme, and so on."""

from __future__ import annotations

import json

from ..core.model import Profile
from ..core.validate import InvalidValue, prepare_profile
from .base import JournalBase
from .driver import sqlite3
from .errors import DamagedRow

PROFILE_SETTING = "profile"
THEME_SETTING = "theme"
"""The name of the app's colour theme, as last chosen (the command palette's "Change theme")."""


class DamagedProfile(DamagedRow):
    """The profile kept in the journal cannot be read: another program wrote it."""

    def __init__(self, error: Exception) -> None:
        super().__init__("settings", PROFILE_SETTING, error)
        self.args = (
            f"the profile kept in the journal cannot be read ({error}): another program "
            "changed it. Set it again, starting with: interview-journal profile --clear",
        )


class StoredSettings(JournalBase):
    """`setting` and `set_setting`: plain text values by key; `profile` and `set_profile`."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        """The value stored under `key`, or `default` when none is."""
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        """Store `value` under `key`, over what was there."""
        with self._writing():
            _put(self.conn, key, value)

    def profile(self) -> Profile:
        """The user's profile (name, strengths, achievements); an empty one when none is set."""
        return profile_of(self.setting(PROFILE_SETTING))

    def set_profile(self, profile: Profile) -> Profile:
        """Keep the profile, cleaned and checked (InvalidValue, nothing written, if it is not
        one the journal keeps); an empty profile is kept as none. Returns it as kept."""
        profile = prepare_profile(profile)
        with self._writing():
            keep_profile(self.conn, profile)
        return profile


def profile_of(stored: str | None) -> Profile:
    """The profile kept as `stored` (the setting's JSON text; None: no profile)."""
    if stored is None:
        return Profile()
    try:
        data = json.loads(stored)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return prepare_profile(
            Profile(
                name=data.get("name", ""),
                strengths=data.get("strengths", []),
                achievements=data.get("achievements", []),
            )
        )
    except (ValueError, InvalidValue) as error:  # written by another program
        raise DamagedProfile(error) from None


def stored_profile(conn: sqlite3.Connection) -> Profile:
    """The profile, read through `conn` (inside a write transaction, as an import reads it)."""
    rows = conn.execute("SELECT value FROM settings WHERE key = ?", [PROFILE_SETTING]).fetchall()
    return profile_of(rows[0][0] if rows else None)


def keep_profile(conn: sqlite3.Connection, profile: Profile) -> None:
    """Write the (prepared) profile, inside a write transaction: an empty one as none."""
    if profile == Profile():
        conn.execute("DELETE FROM settings WHERE key = ?", [PROFILE_SETTING])
        return
    document = {
        "name": profile.name,
        "strengths": profile.strengths,
        "achievements": profile.achievements,
    }
    _put(conn, PROFILE_SETTING, json.dumps(document, ensure_ascii=False))


def _put(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
