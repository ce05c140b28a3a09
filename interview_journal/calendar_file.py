"""Reading a calendar file to import (issue 14), for the command line and the app alike: a
regular file only (a pipe or a device could wait forever), with a bound on its size, every
failure said in plain words as a CalendarFileError; and the user's time zone, which calendar
times are read and written in."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .core.calendar_in import MAX_FILE_BYTES, CalendarFileError
from .regular_file import NotRegular, open_regular


def read_calendar_file(path: Path) -> bytes:
    try:
        descriptor, status = open_regular(path.expanduser())
    except NotRegular as error:
        raise CalendarFileError(str(error)) from None
    with os.fdopen(descriptor, "rb") as stream:
        if status.st_size > MAX_FILE_BYTES:
            raise CalendarFileError(
                f"{status.st_size / 1_000_000:,.1f} MB; a calendar file is read up to "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
            )
        try:
            return stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise CalendarFileError(f"cannot be read ({error.strerror})") from None


def local_zone() -> dt.tzinfo:
    """The user's time zone, with its daylight saving: an interview in July is at its summer
    time, whatever the offset today (python-dateutil reads the system's rules)."""
    from dateutil.tz import tzlocal

    return tzlocal()
