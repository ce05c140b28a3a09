"""Opening a file the user named, to read it whole: a regular file only. A pipe or a device
named as a file could wait forever for a writer or never end; it is refused before anything is
read, as is a folder or a file that is not there. For the journal's import and a calendar's
alike; each says the reason in its own sentence."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegular(Exception):
    """Why the file cannot be read: `kind` is "missing", "folder", "unreadable" or "special"
    (a pipe or a device); str() says it in a few words."""

    def __init__(self, kind: str, why: str) -> None:
        super().__init__(why)
        self.kind = kind


def open_regular(path: Path) -> tuple[int, os.stat_result]:
    """A descriptor of the regular file at `path`, open to read (blocking), and its status; or
    NotRegular. The caller closes the descriptor."""
    try:
        # O_NONBLOCK: opening a pipe that has no writer returns at once instead of waiting.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise NotRegular("missing", "no such file") from None
    except IsADirectoryError:
        raise NotRegular("folder", "a folder, not a file") from None
    except OSError as error:
        raise NotRegular("unreadable", f"cannot be read ({error.strerror})") from None
    status = os.fstat(descriptor)
    if not stat.S_ISREG(status.st_mode):
        os.close(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise NotRegular("folder", "a folder, not a file")
        raise NotRegular("special", "not a regular file (a pipe or a device)")
    os.set_blocking(descriptor, True)
    return descriptor, status
