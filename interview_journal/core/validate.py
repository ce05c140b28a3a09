"""Checks every domain object passes before it is stored or imported.

The checks and the cleaning follow each field's Spec (core/model.py, core/fields.py): a field is
described once. Each check raises InvalidValue naming the field, so the importer can prefix the
path in the file (`interviews[3].issues[0].severity: must be 1-3`) and a form can show the message
beside the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
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


def _check_field(name: str, spec: Spec, value: object) -> None:
    """One field against its Spec (core/model.py describes each one)."""
    shape = spec.shape
    if shape in (Shape.LINE, Shape.TEXT):
        limit = spec.limit or (MAX_LINE if shape is Shape.LINE else MAX_TEXT)
        _text(name, value, required=spec.required, limit=limit)
    elif shape is Shape.DATE:
        _date(name, value, required=spec.required)
    elif shape is Shape.TIME:
        if value is not None and not isinstance(value, dt.time):
            raise InvalidValue(name, "must be a time of day")
    elif shape is Shape.CHOICE:
        _one_of(name, value, spec.choices)
    elif shape is Shape.NUMBER:
        _int_range(name, value, spec.low, spec.high, required=spec.required)
    elif shape is Shape.LINES:
        for index, line in enumerate(value):  # type: ignore[arg-type]
            _text(f"{name}[{index}]", line, required=True, limit=MAX_LINE)
    elif shape is Shape.CHOICES:
        for index, choice in enumerate(value):  # type: ignore[arg-type]
            _one_of(f"{name}[{index}]", choice, spec.choices)
    elif shape is Shape.SLUG:
        if spec.required:
            _text(name, value, required=True, limit=spec.limit or MAX_LINE)
        elif value is None:
            return
        if not (isinstance(value, str) and _SLUG.fullmatch(value)):
            raise InvalidValue(name, spec.message)


def _clean(spec: Spec, value: Any) -> Any:
    """The value as the journal keeps it: control characters out, lines trimmed, choices once."""
    shape = spec.shape
    if shape is Shape.LINE:
        return clean_line(value)
    if shape is Shape.TEXT:
        return clean_text(value)
    if shape is Shape.LINES:
        return [clean_line(line) for line in value if clean_line(line)]
    if shape is Shape.CHOICES:
        return list(dict.fromkeys(value))
    if shape is Shape.SLUG and not spec.required:
        return value or None
    return value


def check(record: Interview | Issue | Positive | FollowUp | Category) -> None:
    """Raise InvalidValue for the first field of `record` the journal will not store."""
    for each in described(type(record)):
        _check_field(each.name, each.spec, getattr(record, each.name))


def prepare(record: R) -> R:
    """A cleaned copy, checked: what the store writes."""
    cleaned = replace(
        record,
        **{
            each.name: _clean(each.spec, getattr(record, each.name))
            for each in described(type(record))
            if each.shape in _CLEANED
        },
    )
    check(cleaned)
    return cleaned


_CLEANED = (Shape.LINE, Shape.TEXT, Shape.LINES, Shape.CHOICES, Shape.SLUG)

check_interview = check_issue = check_positive = check_follow_up = check_category = check
prepare_interview = prepare_issue = prepare_positive = prepare_follow_up = prepare
prepare_category = prepare
