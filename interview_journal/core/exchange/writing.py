"""Writing the exchange format: deterministic, so export → import → export gives the same bytes,
and a record at a time, so an export of any size never holds the whole text."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..fields import Described, Shape, in_file
from ..model import Category, InterviewRecord, Review
from .format import FORMAT, VERSION


def to_file(record: Any) -> dict[str, Any]:
    """A record (Interview, Issue, Positive, FollowUp, Category) as the file writes it: its
    fields described for the file (core/model.py), in their order, each in its shape's form."""
    return {each.name: _value(each, getattr(record, each.name)) for each in in_file(type(record))}


def _value(each: Described, value: Any) -> Any:
    shape = each.shape
    if shape is Shape.DATE:
        return value.isoformat() if value else None
    if shape is Shape.TIME:
        return value.strftime("%H:%M") if value else None
    if shape in (Shape.LINES, Shape.CHOICES):
        return list(value)
    if shape is Shape.CARD:
        return json.loads(value) if value else None
    if shape is Shape.REVIEWS:
        return [{name: getattr(review, name) for name in _REVIEW_KEYS} for review in value]
    if shape is Shape.STAMP or each.spec.null_if_empty:
        return value or None
    return value


_REVIEW_KEYS = tuple(item.name for item in dataclasses.fields(Review))
# "issues", "positives", "follow_ups": an interview's children, as the record holds them
CHILDREN = tuple(item.name for item in dataclasses.fields(InterviewRecord))[1:]


def record_to_dict(record: InterviewRecord) -> dict[str, Any]:
    document = to_file(record.interview)
    for name in CHILDREN:
        document[name] = [to_file(child) for child in getattr(record, name)]
    return document


def to_document(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "categories": [to_file(category) for category in categories],
        "interviews": [record_to_dict(record) for record in records],
    }


def dumps(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def iter_json(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> Iterator[str]:
    """`dumps(to_document(categories, records))` a record at a time, the same bytes: an export
    of any size never holds the whole text."""
    head = json.dumps(to_document(categories, []), indent=2, ensure_ascii=False)
    yield head[: -len("]\n}")]  # ... "interviews": [
    empty = True
    for record in records:
        # one record as it sits in the document, two levels in (JSON strings hold no newline)
        text = json.dumps(record_to_dict(record), indent=2, ensure_ascii=False)
        yield ("\n    " if empty else ",\n    ") + text.replace("\n", "\n    ")
        empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"
