"""Writing the exchange format: deterministic, so export → import → export gives the same bytes,
and a record at a time, so an export of any size never holds the whole text."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Category, InterviewRecord
from .format import FORMAT, VERSION


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _or_none(text: str) -> str | None:
    return text if text else None


def record_to_dict(record: InterviewRecord) -> dict[str, Any]:
    interview = record.interview
    return {
        "uuid": interview.uuid,
        "company": interview.company,
        "role": interview.role,
        "date": interview.date.isoformat(),
        "time": interview.time.strftime("%H:%M") if interview.time else None,
        "stage": interview.stage,
        "interviewers": list(interview.interviewers),
        "outcome": interview.outcome,
        "rating": interview.rating,
        "feelings": list(interview.feelings),
        "notes": interview.notes,
        "closed": interview.closed,
        "created": _or_none(interview.created),
        "updated": _or_none(interview.updated),
        "issues": [
            {
                "uuid": issue.uuid,
                "problem": issue.problem,
                "should_have": _or_none(issue.should_have),
                "category": issue.category,
                "severity": issue.severity,
                "action": _or_none(issue.action),
                "created": _or_none(issue.created),
                "updated": _or_none(issue.updated),
                "card": json.loads(issue.card) if issue.card else None,
                "reviews": [
                    {"rating": r.rating, "reviewed": r.reviewed, "due": r.due}
                    for r in issue.reviews
                ],
            }
            for issue in record.issues
        ],
        "positives": [
            {
                "uuid": p.uuid,
                "text": p.text,
                "created": _or_none(p.created),
                "updated": _or_none(p.updated),
            }
            for p in record.positives
        ],
        "follow_ups": [
            {
                "uuid": f.uuid,
                "kind": f.kind,
                "due": _iso(f.due),
                "done": _iso(f.done),
                "text": f.text,
                "notes": f.notes,
                "created": _or_none(f.created),
                "updated": _or_none(f.updated),
            }
            for f in record.follow_ups
        ],
    }


def to_document(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "categories": [
            {
                "slug": c.slug,
                "name": c.name,
                "description": c.description,
                "indefensible": c.indefensible,
            }
            for c in categories
        ],
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
