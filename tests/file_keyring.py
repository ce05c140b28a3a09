"""A keyring for the tests: a JSON file named by INTERVIEW_JOURNAL_TEST_KEYRING, never the
developer's own keyring. Without the variable it keeps nothing and says so, as a machine
with no keyring does."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import NoKeyringError, PasswordDeleteError


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _file(self) -> Path:
        name = os.environ.get("INTERVIEW_JOURNAL_TEST_KEYRING")
        if not name:
            raise NoKeyringError("No recommended backend was available.")
        return Path(name)

    def _all(self) -> dict[str, str]:
        file = self._file()
        return json.loads(file.read_text()) if file.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._all().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        kept = self._all()
        kept[f"{service}\n{username}"] = password
        self._file().write_text(json.dumps(kept))

    def delete_password(self, service: str, username: str) -> None:
        kept = self._all()
        if kept.pop(f"{service}\n{username}", None) is None:
            raise PasswordDeleteError("not kept")
        self._file().write_text(json.dumps(kept))
