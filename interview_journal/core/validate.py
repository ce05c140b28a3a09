"""Checks every domain object passes before it is stored or imported.

The checks and the cleaning follow each field's Spec (core/model.py, core/fields.py): a field is
described once. Each check raises InvalidValue naming the field, so the importer can prefix the
path in the file (`interviews[3].issues[0].severity: must be 1-3`) and a form can show the message
beside the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any, TypeVar

from .fields import Shape, Spec, compiled, described, per_record, snake
from .model import (
    EARLIEST,
    LATEST,
    Category,
    FollowUp,
    Interview,
    Issue,
    Positive,
    Profile,
    Question,
    Story,
)
from .text import clean_line, clean_text

R = TypeVar("R", Interview, Issue, Positive, FollowUp, Category)

MAX_TEXT = 2_000_000  # characters in one field: a megabyte paste fits, a runaway one does not
MAX_LINE = 500
_SLUG = re.compile(r"[^\W_]+(?:[-_][^\W_]+)*")


class FormatError(ValueError):
    """A file breaks the exchange format; the message names the path to the bad field. (Here
    rather than in `exchange`, so that catching it does not load the exchange code.)"""


class InvalidValue(ValueError):
    """A value the journal will not store, with the field it belongs to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def _one_of(field: str, value: object, allowed: tuple) -> None:
    if value not in allowed:
        raise InvalidValue(field, "must be one of " + ", ".join(str(a) for a in allowed))


def _text(field: str, value: object, *, required: bool = False, limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str):
        raise InvalidValue(field, "must be text")
    if required and not value.strip():
        raise InvalidValue(field, "must not be empty")
    if len(value) > limit:
        raise InvalidValue(field, f"is too long ({len(value):,} characters; at most {limit:,})")


def _date(field: str, value: object, *, required: bool) -> None:
    if value is None:
        if required:
            raise InvalidValue(field, "is required")
        return
    if not isinstance(value, dt.date):
        raise InvalidValue(field, "must be a date")
    if not EARLIEST <= value <= LATEST:
        raise InvalidValue(field, f"must be between {EARLIEST} and {LATEST}")


def _int_range(field: str, value: object, low: int, high: int, *, required: bool) -> None:
    if value is None and not required:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise InvalidValue(field, f"must be {low}-{high}")


def limit_of(spec: Spec) -> int:
    """The most characters a text of this field holds: its Spec's limit, or its shape's (a
    line, a slug, each line of a list: MAX_LINE; any other text: MAX_TEXT). Forms take it too,
    so that a line stops where the journal would refuse it."""
    if spec.limit:
        return spec.limit
    return MAX_LINE if spec.shape in (Shape.LINE, Shape.SLUG, Shape.LINES) else MAX_TEXT


def _check_statement(name: str, spec: Spec) -> str:
    """The statement that checks `record.<name>` as its Spec says ("" for none)."""
    shape, value, field = spec.shape, f"record.{name}", repr(name)
    if shape in (Shape.LINE, Shape.TEXT):
        return f"_text({field}, {value}, required={spec.required}, limit={limit_of(spec)})"
    if shape is Shape.DATE:
        return f"_date({field}, {value}, required={spec.required})"
    if shape is Shape.TIME:
        return f"_time_of_day({field}, {value})"
    if shape is Shape.CHOICE:
        return f"_one_of({field}, {value}, {spec.choices!r})"
    if shape is Shape.NUMBER:
        return f"_int_range({field}, {value}, {spec.low}, {spec.high}, required={spec.required})"
    if shape is Shape.LINES:
        return f"_lines({field}, {value})"
    if shape is Shape.CHOICES:
        return f"_choices({field}, {spec.choices!r}, {value})"
    if shape is Shape.SLUG:
        return f"_slug({field}, {value}, {spec.required}, {limit_of(spec)}, {spec.message!r})"
    return ""  # a uuid, a flag, a time it was made or changed, the drill's state


def _plainly_good(name: str, spec: Spec) -> str:
    """A condition on `record.<name>` under which its check cannot fail ("" for none): the
    check is called only where it does not hold, so a good value costs no call and every
    message is the check's own."""
    shape, value = spec.shape, f"record.{name}"
    if shape in (Shape.LINE, Shape.TEXT):
        filled = f" and {value}.strip()" if spec.required else ""
        return f"{value}.__class__ is str and len({value}) <= {limit_of(spec)}{filled}"
    if shape is Shape.CHOICE:
        return f"{value} in {spec.choices!r}"
    given = {
        Shape.DATE: f"{value}.__class__ is _day and _EARLIEST <= {value} <= _LATEST",
        Shape.NUMBER: f"{value}.__class__ is int and {spec.low} <= {value} <= {spec.high}",
        Shape.TIME: f"{value}.__class__ is _clock",
    }.get(shape)
    if given is None:
        return ""
    return given if spec.required and shape is not Shape.TIME else f"{value} is None or {given}"


def _time_of_day(field: str, value: object) -> None:
    if value is not None and not isinstance(value, dt.time):
        raise InvalidValue(field, "must be a time of day")


def _lines(field: str, value: Iterable[object]) -> None:
    for index, line in enumerate(value):
        _text(f"{field}[{index}]", line, required=True, limit=MAX_LINE)


def _choices(field: str, allowed: tuple, value: Iterable[object]) -> None:
    for index, choice in enumerate(value):
        _one_of(f"{field}[{index}]", choice, allowed)


def _slug(field: str, value: object, required: bool, limit: int, message: str) -> None:
    if required:
        _text(field, value, required=True, limit=limit)
    elif value is None:
        return
    if not (isinstance(value, str) and _SLUG.fullmatch(value)):
        raise InvalidValue(field, message)


def _clean_expression(name: str, spec: Spec) -> str:
    return clean_expression(spec, f"record.{name}")


def clean_expression(spec: Spec, value: str) -> str:
    """The expression of `value` (a field described by `spec`) as the journal keeps it (""
    where it is kept as given): control characters out, lines trimmed, choices once, no
    category as None. Its names are in `SCOPE`."""
    shape = spec.shape
    if shape is Shape.LINE:
        return f"clean_line({value})"
    if shape is Shape.TEXT:
        return f"clean_text({value})"
    if shape is Shape.LINES:
        return f"[clean_line(line) for line in {value} if clean_line(line)]"
    if shape is Shape.CHOICES:
        return f"list(dict.fromkeys({value}))"
    if shape is Shape.SLUG and not spec.required:
        return f"({value} or None)"
    return ""


@per_record
def _checks(cls: type) -> Callable[[Any], None]:
    """The check of a `cls`, written out from its fields' descriptions (core/model.py)."""
    name = f"check_{snake(cls.__name__)}"
    body = ""
    for each in described(cls):
        statement = _check_statement(each.name, each.spec)
        good = _plainly_good(each.name, each.spec)
        if good:
            body += f"    if not ({good}):\n        {statement}\n"
        elif statement:
            body += f"    {statement}\n"
    return compiled(name, f"def {name}(record):\n{body}    return None\n", SCOPE)


@per_record
def _preparation(cls: type) -> Callable[[Any], Any]:
    """The cleaning of a `cls`, written out from its fields' descriptions, then its check."""
    name = f"prepare_{snake(cls.__name__)}"
    changes = [(each.name, _clean_expression(each.name, each.spec)) for each in described(cls)]
    arguments = "".join(f", {field}={value}" for field, value in changes if value)
    source = (
        f"def {name}(record):\n"
        f"    cleaned = replace(record{arguments})\n"
        f"    check(cleaned)\n"
        f"    return cleaned\n"
    )
    return compiled(name, source, SCOPE | {"check": _checks(cls)})


def checker(cls: type) -> Callable[[Any], None]:
    """The check of a `cls`, as `check` makes it for a record of that class."""
    return _checks(cls)


def check(record: Interview | Issue | Positive | FollowUp | Category) -> None:
    """Raise InvalidValue for the first field of `record` the journal will not store."""
    _checks(type(record))(record)


def prepare(record: R) -> R:
    """A cleaned copy, checked: what the store writes."""
    return _preparation(type(record))(record)


SCOPE = {  # the names the functions written out here use
    "_text": _text,
    "_date": _date,
    "_time_of_day": _time_of_day,
    "_one_of": _one_of,
    "_int_range": _int_range,
    "_lines": _lines,
    "_choices": _choices,
    "_slug": _slug,
    "clean_line": clean_line,
    "clean_text": clean_text,
    "replace": replace,
    "_day": dt.date,
    "_clock": dt.time,
    "_EARLIEST": EARLIEST,
    "_LATEST": LATEST,
}

check_interview = _checks(Interview)
check_issue = _checks(Issue)
check_positive = _checks(Positive)
check_follow_up = _checks(FollowUp)
check_category = _checks(Category)
prepare_interview = _preparation(Interview)
prepare_issue = _preparation(Issue)
prepare_positive = _preparation(Positive)
prepare_follow_up = _preparation(FollowUp)
prepare_category = _preparation(Category)
prepare_question = _preparation(Question)
prepare_story = _preparation(Story)


# -- the profile --------------------------------------------------------------------------------

PROFILE_NAME_LIMIT = 100
"""Characters in the name a letter is signed with."""
PROFILE_LINE_LIMIT = 200
"""Characters in one strength or achievement: a line a letter can quote, not a résumé."""
MOST_PROFILE_LINES = 5
"""Strengths, and achievements, a profile keeps: a few, for a letter to draw on."""


def prepare_profile(profile: Profile) -> Profile:
    """A cleaned copy of the profile, checked: each text on one line and trimmed, blank lines
    of the lists left out. Raises InvalidValue naming the field (`strengths[5]`) otherwise."""
    name = _profile_line("name", profile.name, PROFILE_NAME_LIMIT)
    lists = {}
    for field, given in (("strengths", profile.strengths), ("achievements", profile.achievements)):
        if not isinstance(given, list):
            raise InvalidValue(field, "must be a list of texts")
        lines = [
            _profile_line(f"{field}[{index}]", line, PROFILE_LINE_LIMIT)
            for index, line in enumerate(given)
        ]
        kept = [line for line in lines if line]
        if len(kept) > MOST_PROFILE_LINES:
            raise InvalidValue(
                field, f"holds {len(kept)}; a profile keeps at most {MOST_PROFILE_LINES}"
            )
        lists[field] = kept
    return Profile(name=name, strengths=lists["strengths"], achievements=lists["achievements"])


def _profile_line(field: str, value: object, limit: int) -> str:
    """One text of the profile, on one line and trimmed."""
    if not isinstance(value, str):
        raise InvalidValue(field, "must be text")
    line = clean_line(value)
    if len(line) > limit:
        raise InvalidValue(field, f"is too long ({len(line):,} characters; at most {limit})")
    return line
