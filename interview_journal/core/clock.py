"""Where the time comes from: one object, so that tests can stop it.

The review drill schedules with fsrs, which wants timezone-aware UTC datetimes; the calendar
("is that interview in the past?") is the user's local day. A `Clock` gives both.
"""

from __future__ import annotations

import datetime as dt

__all__ = ["Clock", "FixedClock"]


class Clock:
    """The real time."""

    def now(self) -> dt.datetime:
        """This moment, timezone-aware, in UTC."""
        return dt.datetime.now(dt.UTC)

    def today(self) -> dt.date:
        """The user's local calendar day."""
        return dt.date.today()


class FixedClock(Clock):
    """A clock that stands still until it is moved: for tests.

    A naive `moment` is taken to be UTC. `today()` is the moment's day in the local time zone,
    as the real clock's would be.
    """

    def __init__(self, moment: dt.datetime) -> None:
        self.moment = _as_utc(moment)

    def now(self) -> dt.datetime:
        return self.moment

    def today(self) -> dt.date:
        return self.moment.astimezone().date()

    def advance(self, **kwargs: float) -> dt.datetime:
        """Move the clock on by a `timedelta(**kwargs)`; returns the new moment."""
        self.moment += dt.timedelta(**kwargs)
        return self.moment

    def __repr__(self) -> str:
        return f"FixedClock({self.moment.isoformat()})"


def _as_utc(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC)
