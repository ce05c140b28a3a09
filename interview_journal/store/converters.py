"""The one seam where rows become domain objects and domain objects become rows."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

from ..core.model import Category, FollowUp, Interview, Issue, Positive
from .errors import DamagedRow

Row = dict[str, Any]
T = TypeVar("T")


def _reads(table: str) -> Callable[[Callable[[Row], T]], Callable[[Row], T]]:
    """A row another program wrote wrong (a date that is not one, text that is bytes) becomes
    a DamagedRow, said in one line, instead of an error deep in whatever reads it."""

    def wrap(convert: Callable[[Row], T]) -> Callable[[Row], T]:
        @functools.wraps(convert)
        def read(row: Row) -> T:
            try:
                return convert(row)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                raise DamagedRow(table, row.get("uuid") or row.get("slug"), error) from error

        return read

    return wrap


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r:.40} is not text")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _number(value: object) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"{value!r:.40} is not a number")
    return value


def _texts(value: str) -> list[str]:
    items = json.loads(value)
    if not isinstance(items, list):
        raise TypeError(f"{value!r:.40} is not a list")
    return [_text(item) for item in items]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


@_reads("interviews")
def interview_from_row(row: Row) -> Interview:
    return Interview(
        uuid=row["uuid"],
        company=_text(row["company"]),
        role=_text(row["role"]),
        date=dt.date.fromisoformat(row["date"]),
        time=_time(row["time"]),
        stage=_text(row["stage"]),
        interviewers=_texts(row["interviewers"]),
        outcome=_text(row["outcome"]),
        rating=_number(row["rating"]),
        feelings=_texts(row["feelings"]),
        notes=_text(row["notes"]),
        closed=bool(row["closed"]),
        created=row["created"],
        updated=row["updated"],
    )


def interview_to_row(interview: Interview) -> Row:
    return {
        "uuid": interview.uuid,
        "company": interview.company,
        "role": interview.role,
        "date": interview.date.isoformat(),
        "time": interview.time.strftime("%H:%M") if interview.time else None,
        "stage": interview.stage,
        "interviewers": json.dumps(interview.interviewers, ensure_ascii=False),
        "outcome": interview.outcome,
        "rating": interview.rating,
        "feelings": json.dumps(interview.feelings, ensure_ascii=False),
        "notes": interview.notes,
        "closed": int(interview.closed),
        "created": interview.created,
        "updated": interview.updated,
    }


@_reads("issues")
def issue_from_row(row: Row) -> Issue:
    return Issue(
        uuid=row["uuid"],
        interview_uuid=row["interview_uuid"],
        problem=_text(row["problem"]),
        should_have=_text(row["should_have"]),
        category=_optional_text(row["category"]),
        severity=_number(row["severity"]),
        action=_text(row["action"]),
        created=row["created"],
        updated=row["updated"],
        card=row.get("card"),
    )


def issue_to_row(issue: Issue) -> Row:
    return {
        "uuid": issue.uuid,
        "problem": issue.problem,
        "should_have": issue.should_have,
        "category": issue.category,
        "severity": issue.severity,
        "action": issue.action,
        "created": issue.created,
        "updated": issue.updated,
    }


@_reads("positives")
def positive_from_row(row: Row) -> Positive:
    return Positive(
        uuid=row["uuid"],
        interview_uuid=row["interview_uuid"],
        text=_text(row["text"]),
        created=row["created"],
        updated=row.get("updated") or row["created"],  # none before schema 4 (rescue reads it)
    )


def positive_to_row(positive: Positive) -> Row:
    return {
        "uuid": positive.uuid,
        "text": positive.text,
        "created": positive.created,
        "updated": positive.updated,
    }


@_reads("follow_ups")
def follow_up_from_row(row: Row) -> FollowUp:
    return FollowUp(
        uuid=row["uuid"],
        interview_uuid=row["interview_uuid"],
        kind=_text(row["kind"]),
        due=_date(row["due"]),
        done=_date(row["done"]),
        text=_text(row["text"]),
        notes=_text(row["notes"]),
        created=row["created"],
        updated=row["updated"],
    )


def follow_up_to_row(follow_up: FollowUp) -> Row:
    return {
        "uuid": follow_up.uuid,
        "kind": follow_up.kind,
        "due": _iso(follow_up.due),
        "done": _iso(follow_up.done),
        "text": follow_up.text,
        "notes": follow_up.notes,
        "created": follow_up.created,
        "updated": follow_up.updated,
    }


@_reads("categories")
def category_from_row(row: Row) -> Category:
    return Category(
        slug=_text(row["slug"]),
        name=_text(row["name"]),
        description=_text(row["description"]),
        indefensible=bool(row["indefensible"]),
        builtin=bool(row["builtin"]),
    )


def category_to_row(category: Category) -> Row:
    return {
        "slug": category.slug,
        "name": category.name,
        "description": category.description,
        "indefensible": int(category.indefensible),
    }
