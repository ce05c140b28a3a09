"""Dates as people type them: "yesterday", "last friday 2pm", "3 days ago", "Nov 20", "20/11/2026".

dateutil reads the absolute dates and does the month arithmetic, but it is far too forgiving on
its own (it turns "5" into the 5th of this month and "2026" into today). So every input is first
matched, whole, against a short list of accepted shapes; only text of a known shape ever reaches
dateutil, and anything else is refused with a message the user can act on.

Pure standard library + dateutil: no Textual, no click.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, relativedelta

__all__ = [
    "DateParseError",
    "When",
    "describe_date",
    "format_date",
    "format_time",
    "parse_date",
    "parse_time",
    "parse_when",
]

MIN_YEAR = 1970
MAX_YEAR = 2100
MAX_LENGTH = 64
"""Longer input is refused before any parsing: no date is this long, and it keeps parsing fast."""

_EXAMPLES = "Try today, yesterday, 3 days ago, last friday, 2026-11-20 or Nov 20."
_TIME_EXAMPLES = "Try 14:00, 2pm or 9:30 am."


class DateParseError(ValueError):
    """Raised with a one-line, plain-words message a user can read, e.g. 'Could not read
    "blursday" as a date. Try today, yesterday, 3 days ago, last friday, 2026-11-20 or Nov 20.'"""


@dataclass(frozen=True, slots=True)
class When:
    """A day, and the time of day when the user gave one."""

    date: dt.date
    time: dt.time | None = None


# --- the accepted shapes ---------------------------------------------------------------------
# All patterns run on lower-cased text with single spaces, and use re.ASCII so that \d and \s
# never match exotic digits or spaces that dateutil and int() would then read differently.

_WEEKDAYS = {
    "mon": MO, "monday": MO,
    "tue": TU, "tues": TU, "tuesday": TU,
    "wed": WE, "weds": WE, "wednesday": WE,
    "thu": TH, "thur": TH, "thurs": TH, "thursday": TH,
    "fri": FR, "friday": FR,
    "sat": SA, "saturday": SA,
    "sun": SU, "sunday": SU,
}  # fmt: skip
_UNITS = {"day": "days", "week": "weeks", "month": "months", "year": "years"}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.ASCII)


_RELATIVE = _compile(
    r"(?:(?P<in>in) )?(?P<n>\d+|an?) (?P<unit>day|week|month|year)s?(?P<ago> ago)?"
)
_WEEKDAY = _compile(rf"(?:(?P<which>last|next|this) )?(?P<day>{'|'.join(_WEEKDAYS)})")
_ISO = _compile(rf"{_YEAR}-\d{{1,2}}-\d{{1,2}}")
_NUMERIC = _compile(rf"\d{{1,2}}(?P<sep>[/.-])\d{{1,2}}(?P=sep){_YEAR}")
_MONTH_NAME = _compile(
    rf"(?:{_MONTH} {_DAY}|{_DAY} {_MONTH})(?:,? {_YEAR})?"  # Nov 20 / 20 Nov [2026]
)
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")  # the day in a month-name date
_TIME = r"\d{1,2}(?:[:.]\d{2})? ?(?:am|pm)|\d{1,2}[:.]\d{2}"
_TIME_12 = _compile(r"(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))? ?(?P<half>am|pm)")
_TIME_24 = _compile(r"(?P<h>\d{1,2})[:.](?P<m>\d{2})")
# A date followed by a time: "next tue 14:00", "today at 9:30", "2026-11-20t14:00".
_WITH_TIME = _compile(rf"(?P<date>.+?)(?P<sep> at | |(?<=\d)t)(?P<time>{_TIME})")


# --- helpers ---------------------------------------------------------------------------------


def _shown(text: str) -> str:
    """The user's text as it can safely appear in a one-line message.

    Cut short when long, and with unprintable characters (newlines, lone surrogates) escaped,
    so the message can always be printed and never spans lines.
    """
    text = text.strip()
    if len(text) > 40:
        text = text[:40] + "…"
    return "".join(c if c.isprintable() else ascii(c)[1:-1] for c in text)


def _not_a_date(text: str, hint: str = _EXAMPLES) -> DateParseError:
    return DateParseError(f'Could not read "{_shown(text)}" as a date. {hint}')


def _too_far(text: str, past: bool) -> DateParseError:
    direction = "past" if past else "future"
    return DateParseError(
        f'"{_shown(text)}" is too far in the {direction}: '
        f"dates must fall between {MIN_YEAR} and {MAX_YEAR}."
    )


def _check_year(year: int, text: str) -> None:
    if year < MIN_YEAR:
        raise _too_far(text, past=True)
    if year > MAX_YEAR:
        raise _too_far(text, past=False)


def _normalise(text: str) -> str:
    """Lower-case, with runs of spaces collapsed, so patterns only need to handle one spelling."""
    return " ".join(text.lower().split())


def _dateutil_date(
    shape: str, text: str, today: dt.date, *, dayfirst: bool, yearfirst: bool = False
) -> dt.date:
    """Let dateutil read a string already known to be of an accepted shape.

    The default is 1 January of today's year, so "Nov 20" lands in the current year and
    dateutil never borrows the day of the month from today.
    """
    from dateutil.parser import parse as _dateutil_parse  # 15 ms: only when a date is read

    default = dt.datetime(today.year, 1, 1)
    try:
        parsed = _dateutil_parse(shape, default=default, dayfirst=dayfirst, yearfirst=yearfirst)
    except (ValueError, OverflowError) as error:
        raise DateParseError(
            f'"{_shown(text)}" is not a real date: check the day and the month.'
        ) from error
    return parsed.date()


def _relative(match: re.Match[str], text: str, today: dt.date) -> dt.date:
    """ "3 days ago" / "in 2 weeks": exactly one of "in" and "ago" must be there."""
    forward, backward = bool(match["in"]), bool(match["ago"])
    amount = 1 if match["n"] in ("a", "an") else int(match["n"])
    unit = _UNITS[match["unit"]]
    if forward == backward:
        span = f"{match['n']} {match['unit'] if amount == 1 else unit}"
        raise _not_a_date(text, f'Say "{span} ago" or "in {span}".')
    step = relativedelta(**{unit: amount if forward else -amount})
    try:
        return today + step
    except (ValueError, OverflowError) as error:  # beyond year 1..9999
        raise _too_far(text, past=backward) from error


def _weekday(match: re.Match[str], today: dt.date) -> dt.date:
    """Weekday names, pinned down by relativedelta(weekday=...), which counts `today` itself.

    A bare name looks back (a journal is mostly about the past), today included; "last" looks
    back from yesterday, "next" forward from tomorrow, "this" forward from today.
    """
    day = _WEEKDAYS[match["day"]]
    which = match["which"]
    if which == "last":
        return today - dt.timedelta(days=1) + relativedelta(weekday=day(-1))
    if which == "next":
        return today + dt.timedelta(days=1) + relativedelta(weekday=day(+1))
    if which == "this":
        return today + relativedelta(weekday=day(+1))
    return today + relativedelta(weekday=day(-1))


def _read_date(words: str, text: str, today: dt.date, dayfirst: bool) -> dt.date:
    """The date part of the input (already normalised), or DateParseError."""
    keywords = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if words in keywords:
        return today + dt.timedelta(days=keywords[words])
    if match := _RELATIVE.fullmatch(words):
        return _relative(match, text, today)
    if match := _WEEKDAY.fullmatch(words):
        return _weekday(match, today)
    if match := _ISO.fullmatch(words):
        # dayfirst would turn 2026-11-05 into 11 May: ISO is always year-month-day.
        _check_year(int(match["year"]), text)
        return _dateutil_date(words, text, today, dayfirst=False, yearfirst=True)
    if match := _NUMERIC.fullmatch(words):
        _check_year(int(match["year"]), text)
        return _dateutil_date(words, text, today, dayfirst=dayfirst)
    if match := _MONTH_NAME.fullmatch(words):
        if match["year"]:
            _check_year(int(match["year"]), text)
        day = int(_DAY_NUMBER.search(words)[0])  # type: ignore[index]  # the pattern has one
        if not 1 <= day <= 31:  # dateutil would read "Dec 32" as December 2032
            raise _not_a_date(text, f"No month has a day {day}.")
        return _dateutil_date(words, text, today, dayfirst=dayfirst)
    if words.isdigit():
        raise _not_a_date(text, "A number alone is not a date: try Nov 5 or 2026-11-05.")
    raise _not_a_date(text)


def _read_time(words: str) -> dt.time | None:
    """A normalised time of day, or None when `words` is not a valid one."""
    if match := _TIME_12.fullmatch(words):
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        return dt.time(hour % 12 + (12 if match["half"] == "pm" else 0), minute)
    if match := _TIME_24.fullmatch(words):
        hour, minute = int(match["h"]), int(match["m"])
        if hour > 23 or minute > 59:
            return None
        return dt.time(hour, minute)
    return None


# --- the API ---------------------------------------------------------------------------------


def parse_when(text: str, *, today: dt.date | None = None, dayfirst: bool = True) -> When:
    """Read a date, optionally followed by a time ("next tue 14:00", "today at 9:30").

    `dayfirst` only decides between two valid readings of 03/04/2026; when only one reading is
    a real date (11/20/2026) that one is taken. Raises DateParseError for anything else.
    """
    if today is None:
        today = dt.date.today()
    stripped = text.strip()
    if not stripped:
        raise DateParseError(f"No date was typed. {_EXAMPLES}")
    if len(stripped) > MAX_LENGTH:
        raise DateParseError(
            f'"{_shown(text)}" is too long to be a date '
            f"({len(stripped)} characters, at most {MAX_LENGTH})."
        )
    words = _normalise(stripped)
    time = None
    match = _WITH_TIME.fullmatch(words)
    if match and (match["sep"] != "t" or _ISO.fullmatch(match["date"])):  # "t" is ISO-only
        time = _read_time(match["time"])
        if time is None:
            raise DateParseError(
                f'Could not read "{_shown(match["time"])}" in "{_shown(text)}" as a time of day. '
                f"{_TIME_EXAMPLES}"
            )
        words = match["date"]
    date = _read_date(words, text, today, dayfirst)
    _check_year(date.year, text)
    return When(date, time)


def parse_date(text: str, *, today: dt.date | None = None, dayfirst: bool = True) -> dt.date:
    """Like parse_when, keeping only the day."""
    return parse_when(text, today=today, dayfirst=dayfirst).date


def parse_time(text: str) -> dt.time:
    """Read a time of day: "14:00", "2pm", "2:30 pm", "9.15". Raises DateParseError otherwise."""
    stripped = text.strip()
    time = _read_time(_normalise(stripped)) if len(stripped) <= MAX_LENGTH else None
    if time is None:
        raise DateParseError(f'Could not read "{_shown(text)}" as a time of day. {_TIME_EXAMPLES}')
    return time


def format_date(d: dt.date) -> str:
    """ISO, "2026-11-20": unambiguous whatever the reader's habits, and parse_date reads it."""
    return d.isoformat()


def format_time(t: dt.time | None) -> str:
    """ "14:00", or "" when no time was given."""
    return "" if t is None else t.strftime("%H:%M")


def describe_date(d: dt.date, today: dt.date) -> str:
    """How far `d` is from `today`, the way a person would say it: "yesterday", "3 days ago",
    "in 2 weeks", "5 months ago". Rounded, because the exact date is shown next to it."""
    delta = (d - today).days
    named = {0: "today", -1: "yesterday", 1: "tomorrow"}
    if delta in named:
        return named[delta]
    days = abs(delta)
    if days < 14:
        amount, unit = days, "day"
    elif days < 60:
        amount, unit = days // 7, "week"
    elif (months := round(days / 30.4375)) < 12:
        amount, unit = months, "month"
    else:
        amount, unit = max(1, round(days / 365.25)), "year"
    span = f"{amount} {unit}{'' if amount == 1 else 's'}"
    return f"{span} ago" if delta < 0 else f"in {span}"


def describe_when(date: dt.date, time: dt.time | None, today: dt.date) -> str:
    """ "Fri 20 Nov 2026 · 7 days ago", with the time when there is one."""
    day = f"{date:%a} {date.day} {date:%b %Y}"
    if time is not None:
        day += f", {format_time(time)}"
    return f"{day} · {describe_date(date, today)}"
