"""Writing the exchange format: deterministic, so export → import → export gives the same bytes,
and a record at a time, so an export of any size never holds the whole text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..fields import Described, Shape, in_file, per_record
from ..model import Category, InterviewRecord, Issue, Positive, Profile, Question, Review
from .format import CHILDREN, FORMAT, LINK_KEYS, VERSION
from .profile import profile_to_dict


def to_file(record: Any) -> dict[str, Any]:
    """A record (Interview, Issue, Positive, FollowUp, Category) as the file writes it: its
    fields described for the file (core/model.py), in their order, each in its shape's form."""
    return {name: write(getattr(record, name)) for name, write in _writers(type(record))}


@per_record
def _writers(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    return tuple((each.name, _writer(each)) for each in in_file(cls))


def _writer(each: Described) -> Callable[[Any], Any]:
    """How the field's value is written, made once from its description."""
    shape = each.shape
    if shape is Shape.DATE:
        return _iso
    if shape is Shape.TIME:
        return _clock
    if shape in (Shape.LINES, Shape.CHOICES):
        return list
    if shape is Shape.CARD:
        return _card
    if shape is Shape.REVIEWS:
        return _reviews
    if shape is Shape.STAMP or each.spec.null_if_empty:
        return _or_none
    return _as_is


def _as_is(value: Any) -> Any:
    return value


def _or_none(value: str) -> str | None:
    return value or None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _clock(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _card(value: str | None) -> dict | None:
    return json.loads(value) if value else None


def _reviews(reviews: list[Review]) -> list[dict[str, Any]]:
    return [{name: getattr(review, name) for name in _REVIEW_KEYS} for review in reviews]


_REVIEW_KEYS = tuple(item.name for item in dataclasses.fields(Review))


def _child_to_file(child: Any) -> dict[str, Any]:
    """An issue, a positive or a follow-up as the file writes it: an issue and a positive with
    the question asked, how it was linked and the answer told (`LINK_KEYS`). A suggestion of no
    question (a row read without its links, as a rescue reads it) is written as no link."""
    written = to_file(child)
    if isinstance(child, (Issue, Positive)):
        question, link, story = child.question_uuid, child.question_link, child.story_uuid
        if question is None and link != "confirmed":
            link = story = None
        for (key, _), value in zip(LINK_KEYS, (question, link, story), strict=True):
            written[key] = value
    return written


def record_to_dict(record: InterviewRecord) -> dict[str, Any]:
    document = to_file(record.interview)
    for name in CHILDREN:
        document[name] = [_child_to_file(child) for child in getattr(record, name)]
    return document


def question_to_dict(question: Question) -> dict[str, Any]:
    """A question with its review state and its answers, in their order."""
    document = to_file(question)
    document["stories"] = [to_file(story) for story in question.stories]
    return document


def to_document(
    categories: Iterable[Category],
    records: Iterable[InterviewRecord],
    questions: Iterable[Question] = (),
    profile: Profile | None = None,
) -> dict:
    """The whole file. `questions`: the user's own and the bank's that the user changed,
    answered or practised (`Exporting.questions_to_export`); every journal has the others.
    `profile`: written when it says anything (an empty one, as a journal without one, is
    left out)."""
    document: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if profile is not None and profile != Profile():
        document["profile"] = profile_to_dict(profile)
    document["categories"] = [to_file(category) for category in categories]
    document["questions"] = [question_to_dict(question) for question in questions]
    document["interviews"] = [record_to_dict(record) for record in records]
    return document


def dumps(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def iter_json(
    categories: Iterable[Category],
    records: Iterable[InterviewRecord],
    questions: Iterable[Question] = (),
    profile: Profile | None = None,
) -> Iterator[str]:
    """`dumps(to_document(categories, records, questions, profile))` a record at a time, the
    same bytes: an export of any size never holds the whole text (the questions, a few hundred
    at most, are written with the head)."""
    head = json.dumps(to_document(categories, [], questions, profile), indent=2, ensure_ascii=False)
    yield head[: -len("]\n}")]  # ... "interviews": [
    empty = True
    for record in records:
        # one record as it sits in the document, two levels in (JSON strings hold no newline)
        text = json.dumps(record_to_dict(record), indent=2, ensure_ascii=False)
        yield ("\n    " if empty else ",\n    ") + text.replace("\n", "\n    ")
        empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"
