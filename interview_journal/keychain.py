"""The system keyring (the `keyring` package), where a journal's passphrase may be kept.

Kept only when the user asks (`--remember`). Each journal file has its own entry, under its full
path. A machine without a keyring (a server, a container) keeps nothing, and says so.

No Textual and no click here: the command line and the unlock dialog both use it.
"""

from __future__ import annotations

import os
from pathlib import Path

SERVICE = "interview-journal"


class NoKeyring(Exception):
    """The system has no keyring this program can use; str() says so in plain words."""


def _entry(path: Path) -> str:
    return os.path.realpath(path)


def recall(path: Path) -> str | None:
    """The passphrase kept for the journal at `path`, or None (none kept, or no keyring)."""
    try:
        import keyring

        return keyring.get_password(SERVICE, _entry(path))
    except Exception:  # any keyring's failure means: nothing kept here
        return None


def keep(path: Path, passphrase: str) -> None:
    """Keep the passphrase of the journal at `path`, or NoKeyring."""
    try:
        import keyring

        keyring.set_password(SERVICE, _entry(path), passphrase)
    except Exception as error:  # every backend raises its own
        raise NoKeyring(
            f"the passphrase was not remembered: no system keyring could keep it ({error})."
        ) from error


def drop(path: Path) -> bool:
    """Forget the passphrase kept for the journal at `path`; whether one was kept."""
    try:
        import keyring

        if keyring.get_password(SERVICE, _entry(path)) is None:
            return False
        keyring.delete_password(SERVICE, _entry(path))
    except Exception:  # nothing kept, or no keyring at all
        return False
    return True
