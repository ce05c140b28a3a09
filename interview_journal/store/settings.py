"""The user's choices kept in the journal itself (a key and a text value each), so that they
follow the journal to another machine: how long a practice answer may take, and so on."""

from __future__ import annotations

from .base import JournalBase


class StoredSettings(JournalBase):
    """`setting` and `set_setting`: plain text values by key."""

    def setting(self, key: str, default: str | None = None) -> str | None:
        """The value stored under `key`, or `default` when none is."""
        rows = self._rows("SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        """Store `value` under `key`, over what was there."""
        with self._writing():
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
