"""The system keyring (the `keyring` package), where a journal's passphrase may be kept.

Kept only when the user asks (`--remember`). Each journal file has its own entry, under its full
path. A machine without a keyring (a server, a container) keeps nothing, and says so.

No Textual and no click here: the command line and the unlock dialog both use it.
"""

from __future__ import annotations

import os
from pathlib import Path

SERVICE = "interview-journal"


NONE_HERE = "This machine has no system keyring to keep the passphrase in."


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


def available() -> bool:
    """Whether there is a keyring that keeps what it is given (not keyring's stand-ins for
    none: the failing one, priority 0, and the null one, below it)."""
    try:
        import keyring

        return keyring.get_keyring().priority > 0
    except Exception:  # a backend that cannot even say
        return False


def keep(path: Path, passphrase: str) -> None:
    """Keep the passphrase of the journal at `path`, or NoKeyring."""
    if not available():
        raise NoKeyring(f"The passphrase was not remembered: {NONE_HERE[0].lower()}{NONE_HERE[1:]}")
    try:
        import keyring

        keyring.set_password(SERVICE, _entry(path), passphrase)
    except Exception as error:  # every backend raises its own
        raise NoKeyring(
            f"The passphrase was not remembered: the keyring refused it ({error})."
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
