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
from functools import cache, partial
from typing import Any, TypeVar

from .fields import Shape, Spec, described
from .model import (
    EARLIEST,
    LATEST,
    Category,
    FollowUp,
    Interview,
    Issue,
    Positive,
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


Check = Callable[[Any], None]


def _checker(name: str, spec: Spec) -> Check | None:
    """The check of one field, made once from its Spec (core/model.py describes each one)."""
    shape = spec.shape
    if shape in (Shape.LINE, Shape.TEXT):
        limit = spec.limit or (MAX_LINE if shape is Shape.LINE else MAX_TEXT)
        return partial(_text, name, required=spec.required, limit=limit)
    if shape is Shape.DATE:
        return partial(_date, name, required=spec.required)
    if shape is Shape.TIME:
        return partial(_time_of_day, name)
    if shape is Shape.CHOICE:
        return partial(_one_of_these, name, spec.choices)
    if shape is Shape.NUMBER:
        return partial(_int_range, name, low=spec.low, high=spec.high, required=spec.required)
    if shape is Shape.LINES:
        return partial(_lines, name)
    if shape is Shape.CHOICES:
        return partial(_choices, name, spec.choices)
    if shape is Shape.SLUG:
        return partial(_slug, name, spec)
    return None  # a uuid, a flag, a time it was made or changed, the drill's state


def _one_of_these(field: str, allowed: tuple, value: object) -> None:
    _one_of(field, value, allowed)


def _time_of_day(field: str, value: object) -> None:
    if value is not None and not isinstance(value, dt.time):
        raise InvalidValue(field, "must be a time of day")


def _lines(field: str, value: Iterable[object]) -> None:
    for index, line in enumerate(value):
        _text(f"{field}[{index}]", line, required=True, limit=MAX_LINE)


def _choices(field: str, allowed: tuple, value: Iterable[object]) -> None:
    for index, choice in enumerate(value):
        _one_of(f"{field}[{index}]", choice, allowed)


def _slug(field: str, spec: Spec, value: object) -> None:
    if spec.required:
        _text(field, value, required=True, limit=spec.limit or MAX_LINE)
    elif value is None:
        return
    if not (isinstance(value, str) and _SLUG.fullmatch(value)):
        raise InvalidValue(field, spec.message)


def _cleaner(spec: Spec) -> Callable[[Any], Any] | None:
    """How the journal keeps the field's value: control characters out, lines trimmed, choices
    once, no category as None (not "")."""
    shape = spec.shape
    if shape is Shape.LINE:
        return clean_line
    if shape is Shape.TEXT:
        return clean_text
    if shape is Shape.LINES:
        return _clean_lines
    if shape is Shape.CHOICES:
        return _once_each
    if shape is Shape.SLUG and not spec.required:
        return _none_if_empty
    return None


def _clean_lines(value: Iterable[str]) -> list[str]:
    return [clean_line(line) for line in value if clean_line(line)]


def _once_each(value: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(value))


def _none_if_empty(value: str | None) -> str | None:
    return value or None


@cache
def _checks(cls: type) -> tuple[tuple[str, Check], ...]:
    found = ((each.name, _checker(each.name, each.spec)) for each in described(cls))
    return tuple((name, check) for name, check in found if check is not None)


@cache
def _cleaners(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    found = ((each.name, _cleaner(each.spec)) for each in described(cls))
    return tuple((name, clean) for name, clean in found if clean is not None)


def check(record: Interview | Issue | Positive | FollowUp | Category) -> None:
    """Raise InvalidValue for the first field of `record` the journal will not store."""
    for name, check_field in _checks(type(record)):
        check_field(getattr(record, name))


def prepare(record: R) -> R:
    """A cleaned copy, checked: what the store writes."""
    changes = {name: clean(getattr(record, name)) for name, clean in _cleaners(type(record))}
    cleaned = replace(record, **changes)
    check(cleaned)
    return cleaned


check_interview = check_issue = check_positive = check_follow_up = check_category = check
prepare_interview = prepare_issue = prepare_positive = prepare_follow_up = prepare
prepare_category = prepare
