"""Tests for interview_journal.core.dates: what people type, and what must be refused."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_journal.core.dates import (
    DateParseError,
    When,
    describe_date,
    format_date,
    format_time,
    parse_date,
    parse_time,
    parse_when,
)

TODAY = dt.date(2026, 11, 27)  # a Friday
D = dt.date
LOW, HIGH = D(1970, 1, 1), D(2100, 12, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", D(2026, 11, 27)),
        ("  Yesterday ", D(2026, 11, 26)),
        ("TOMORROW", D(2026, 11, 28)),
        ("3 days ago", D(2026, 11, 24)),
        ("2 weeks ago", D(2026, 11, 13)),
        ("1 month ago", D(2026, 10, 27)),
        ("a week ago", D(2026, 11, 20)),
        ("1 year ago", D(2025, 11, 27)),
        ("0 days ago", D(2026, 11, 27)),
        ("in 2 days", D(2026, 11, 29)),
        ("in 3 weeks", D(2026, 12, 18)),
        ("in 1 month", D(2026, 12, 27)),
        ("in a month", D(2026, 12, 27)),
        ("3   DAYS    ago", D(2026, 11, 24)),
        ("2026-11-20", D(2026, 11, 20)),
        ("2026-1-5", D(2026, 1, 5)),
        ("Nov 20", D(2026, 11, 20)),
        ("20 Nov", D(2026, 11, 20)),
        ("feb 3", D(2026, 2, 3)),  # no year: the year of today
        ("November 20 2026", D(2026, 11, 20)),
        ("20 November 2026", D(2026, 11, 20)),
        ("nov 20, 2027", D(2027, 11, 20)),
        ("20th nov", D(2026, 11, 20)),
        ("Sept. 3", D(2026, 9, 3)),
        ("29 feb 2028", D(2028, 2, 29)),
        ("20/11/2026", D(2026, 11, 20)),
        ("20.11.2026", D(2026, 11, 20)),
        ("20-11-2026", D(2026, 11, 20)),
        ("1970-01-01", D(1970, 1, 1)),
        ("2100-12-31", D(2100, 12, 31)),
    ],
)
def test_dates(text: str, expected: dt.date) -> None:
    assert parse_when(text, today=TODAY) == When(expected)
    assert parse_date(text, today=TODAY) == expected


# Today is Friday 27 Nov 2026: Thursday was yesterday, Saturday is tomorrow.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fri", D(2026, 11, 27)),  # bare: the most recent, today included
        ("friday", D(2026, 11, 27)),
        ("thu", D(2026, 11, 26)),
        ("sat", D(2026, 11, 21)),
        ("mon", D(2026, 11, 23)),
        ("monday", D(2026, 11, 23)),
        ("tue", D(2026, 11, 24)),
        ("tues", D(2026, 11, 24)),
        ("wed", D(2026, 11, 25)),
        ("weds", D(2026, 11, 25)),
        ("thur", D(2026, 11, 26)),
        ("thurs", D(2026, 11, 26)),
        ("Sunday", D(2026, 11, 22)),
        ("last fri", D(2026, 11, 20)),  # last: strictly before today
        ("last thu", D(2026, 11, 26)),
        ("last saturday", D(2026, 11, 21)),
        ("next fri", D(2026, 12, 4)),  # next: strictly after today
        ("next sat", D(2026, 11, 28)),
        ("next thu", D(2026, 12, 3)),
        ("next tue", D(2026, 12, 1)),
        ("this fri", D(2026, 11, 27)),  # this: the coming seven days, today included
        ("this sat", D(2026, 11, 28)),
        ("this thu", D(2026, 12, 3)),
    ],
)
def test_weekdays(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("1 month ago", D(2026, 3, 31), D(2026, 2, 28)),
        ("1 month ago", D(2028, 3, 31), D(2028, 2, 29)),
        ("in 1 month", D(2026, 1, 31), D(2026, 2, 28)),
        ("in 3 months", D(2026, 11, 30), D(2027, 2, 28)),
        ("1 year ago", D(2028, 2, 29), D(2027, 2, 28)),
        ("yesterday", D(2027, 1, 1), D(2026, 12, 31)),
        ("dec 31", D(2027, 1, 1), D(2027, 12, 31)),
    ],
)
def test_month_end_arithmetic(text: str, today: dt.date, expected: dt.date) -> None:
    assert parse_date(text, today=today) == expected


@pytest.mark.parametrize(
    ("text", "dayfirst", "expected"),
    [
        ("03/04/2026", True, D(2026, 4, 3)),
        ("03/04/2026", False, D(2026, 3, 4)),
        ("03.04.2026", False, D(2026, 3, 4)),
        ("11/20/2026", True, D(2026, 11, 20)),  # only one valid reading: take it
        ("11/20/2026", False, D(2026, 11, 20)),
        ("20/11/2026", False, D(2026, 11, 20)),
        ("2026-11-05", True, D(2026, 11, 5)),  # ISO stays year-month-day whatever dayfirst says
        ("2026-1-5", True, D(2026, 1, 5)),
        ("5 nov 2026", False, D(2026, 11, 5)),
    ],
)
def test_dayfirst(text: str, dayfirst: bool, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("next tue 14:00", When(D(2026, 12, 1), dt.time(14, 0))),
        ("2026-11-20 14:00", When(D(2026, 11, 20), dt.time(14, 0))),
        ("2026-11-20T14:00", When(D(2026, 11, 20), dt.time(14, 0))),
        ("today 2pm", When(D(2026, 11, 27), dt.time(14, 0))),
        ("yesterday at 9:30", When(D(2026, 11, 26), dt.time(9, 30))),
        ("TODAY AT 9:30 AM", When(D(2026, 11, 27), dt.time(9, 30))),
        ("last fri 2:30 pm", When(D(2026, 11, 20), dt.time(14, 30))),
        ("Nov 20 9.15", When(D(2026, 11, 20), dt.time(9, 15))),
        ("20/11/2026 12am", When(D(2026, 11, 20), dt.time(0, 0))),
        ("3 days ago 12pm", When(D(2026, 11, 24), dt.time(12, 0))),
        ("20 November 2026 at 23:59", When(D(2026, 11, 20), dt.time(23, 59))),
    ],
)
def test_date_with_time(text: str, expected: When) -> None:
    assert parse_when(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:00", dt.time(14, 0)),
        ("2pm", dt.time(14, 0)),
        ("2 PM", dt.time(14, 0)),
        ("2:30 pm", dt.time(14, 30)),
        ("9.15", dt.time(9, 15)),
        (" 07:05 ", dt.time(7, 5)),
        ("0:00", dt.time(0, 0)),
        ("12am", dt.time(0, 0)),
        ("12pm", dt.time(12, 0)),
        ("11:59 pm", dt.time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: dt.time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "25:00",
        "24:00",
        "12:60",
        "13pm",
        "0am",
        "2",
        "14",
        "noon",
        "2 p.m.",
        "14:00:00",
        "x" * 10**5,
    ],
)
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(DateParseError, match="as a time of day"):
        parse_time(text)


GARBAGE = [
    "",
    "   ",
    "blursday",
    "32/13/2026",
    "2026-02-30",
    "29 feb",  # 2026 is not a leap year
    "next",
    "last",
    "in -3 days",
    "3 days",
    "in 3 days ago",
    "random words here",
    "😀",
    "\ud800",
    "today\nyesterday",
    "I think it was tuesday-ish",
    "tuesday-ish",
    "on friday",
    "5",  # dateutil alone reads a bare number as a day of this month...
    "2026",  # ...and a bare year as today
    "20/11",  # numeric dates need a year: 20/11 vs 11/20 is too easy to get wrong
    "20/11/26",  # two-digit years are refused for the same reason
    "20/11-2026",
    "2026/11/20",
    "last week",
    "next month",
    "an hour ago",
    "14:00",  # a time alone is not a date
    "2pm today",
    "today 25:00",
    "today at",
    "yesterday tomorrow",
    "3 days ago ago",
    "٣ days ago",  # Arabic-Indic digit
    "20/11/2026T14:00",  # the T separator is for ISO dates only
    "nov 31",
    "dec 32",  # dateutil alone reads a day past 31 as a year: December 2032
    "Jan 99",
    "45 nov",
    "0 dec 2026",
    "0000-01-01",
    "1969-12-31",
    "2101-01-01",
    "31 dec 1969",
    "in 200 years",
    "100 years ago",
    "in 99999999999999999999 years",
]


@pytest.mark.parametrize("text", GARBAGE)
def test_garbage_is_refused_with_the_text_in_the_message(text: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when(text, today=TODAY)
    message = str(caught.value)
    assert "\n" not in message
    typed = text.strip()
    # Unprintable characters (newlines, lone surrogates) are shown escaped, the rest as typed.
    shown = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in typed)
    assert f'"{shown}"' in message if typed else "No date was typed" in message


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("\ud800", '"\\ud800"'),
        ("today\nyesterday", '"today\\nyesterday"'),
        ("😀", '"😀"'),
        ("", "No date was typed"),
        ("x" * 100_000, "x" * 40 + "…"),
        ("x" * 100_000, "too long"),
        ("blursday", "Try today, yesterday, 3 days ago, last friday, 2026-11-20 or Nov 20."),
        ("3 days", 'Say "3 days ago" or "in 3 days".'),
        ("a week", 'Say "a week ago" or "in a week".'),
        ("5", "A number alone is not a date"),
        ("2026-02-30", "not a real date"),
        ("today 25:00", 'Could not read "25:00" in "today 25:00" as a time of day'),
        ("1969-12-31", "too far in the past"),
        ("100 years ago", "too far in the past"),
        ("2101-01-01", "too far in the future"),
        ("in 99999999999999999999 years", "too far in the future"),
    ],
)
def test_error_messages(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError) as caught:
        parse_when(text, today=TODAY)
    assert fragment in str(caught.value)


def test_basics() -> None:
    assert issubclass(DateParseError, ValueError)
    with pytest.raises(dataclasses.FrozenInstanceError):
        When(TODAY).date = TODAY  # type: ignore[misc]
    assert format_date(D(2026, 11, 20)) == "2026-11-20"
    assert format_time(dt.time(14, 0)) == "14:00"
    assert format_time(dt.time(9, 5)) == "09:05"
    assert format_time(None) == ""
    assert isinstance(parse_date("today"), dt.date)  # the real today, whatever it is


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "today"),
        (-1, "yesterday"),
        (1, "tomorrow"),
        (-3, "3 days ago"),
        (2, "in 2 days"),
        (-13, "13 days ago"),
        (-14, "2 weeks ago"),
        (21, "in 3 weeks"),
        (-59, "8 weeks ago"),
        (90, "in 3 months"),
        (-300, "10 months ago"),
        (-400, "1 year ago"),
        (800, "in 2 years"),
    ],
)
def test_describe_date(days: int, expected: str) -> None:
    assert describe_date(TODAY + dt.timedelta(days=days), TODAY) == expected


def test_core_does_not_import_the_interfaces() -> None:
    code = (
        "import sys, interview_journal.core.dates; "
        "assert not {'textual', 'click'} & set(sys.modules), sorted(sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# --- properties ------------------------------------------------------------------------------

in_bounds = st.dates(min_value=LOW, max_value=HIGH)
# Pieces of plausible input, so that many generated strings actually parse.
typed = st.lists(
    st.sampled_from(
        ["today", "in", "ago", "3", "a", "days", "month", "last", "next", "this", "fri", "tues",
         "nov", "20", "2026", "2026-11-20", "03/04/2026", "at", "14:00", "2pm", "t", ",", "-", ""]
    ),
    max_size=5,
).map(" ".join)  # fmt: skip


def _parses_within_bounds_or_refuses(text: str, today: dt.date, dayfirst: bool) -> None:
    try:
        when = parse_when(text, today=today, dayfirst=dayfirst)
    except DateParseError as error:
        assert "\n" not in str(error)
        return
    assert isinstance(when, When)
    assert LOW <= when.date <= HIGH
    assert when.time is None or isinstance(when.time, dt.time)


@given(text=st.text(), today=in_bounds, dayfirst=st.booleans())
def test_any_text_parses_or_raises_date_parse_error(
    text: str, today: dt.date, dayfirst: bool
) -> None:
    _parses_within_bounds_or_refuses(text, today, dayfirst)


@given(text=typed, today=in_bounds, dayfirst=st.booleans())
def test_typed_looking_text_parses_or_raises_date_parse_error(
    text: str, today: dt.date, dayfirst: bool
) -> None:
    _parses_within_bounds_or_refuses(text, today, dayfirst)


@given(d=in_bounds, dayfirst=st.booleans())
def test_format_date_round_trips(d: dt.date, dayfirst: bool) -> None:
    assert parse_date(format_date(d), today=TODAY, dayfirst=dayfirst) == d


@given(t=st.times().map(lambda t: t.replace(second=0, microsecond=0)))
def test_format_time_round_trips(t: dt.time) -> None:
    assert parse_time(format_time(t)) == t
