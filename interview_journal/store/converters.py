"""The one seam where rows become domain objects and domain objects become rows."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..core.model import Category, FollowUp, Interview, Issue, Positive

Row = dict[str, Any]


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def interview_from_row(row: Row) -> Interview:
    return Interview(
        uuid=row["uuid"],
        company=row["company"],
        role=row["role"],
        date=dt.date.fromisoformat(row["date"]),
        time=_time(row["time"]),
        stage=row["stage"],
        interviewers=json.loads(row["interviewers"]),
        outcome=row["outcome"],
        rating=row["rating"],
        feelings=json.loads(row["feelings"]),
        notes=row["notes"],
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


def issue_from_row(row: Row) -> Issue:
    return Issue(
        uuid=row["uuid"],
        interview_uuid=row["interview_uuid"],
        problem=row["problem"],
        should_have=row["should_have"],
        category=row["category"],
        severity=row["severity"],
        action=row["action"],
        created=row["created"],
        updated=row["updated"],
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


def positive_from_row(row: Row) -> Positive:
    return Positive(uuid=row["uuid"], interview_uuid=row["interview_uuid"], text=row["text"])


def positive_to_row(positive: Positive) -> Row:
    return {"uuid": positive.uuid, "text": positive.text}


def follow_up_from_row(row: Row) -> FollowUp:
    return FollowUp(
        uuid=row["uuid"],
        interview_uuid=row["interview_uuid"],
        kind=row["kind"],
        due=_date(row["due"]),
        done=_date(row["done"]),
        text=row["text"],
        notes=row["notes"],
    )


def follow_up_to_row(follow_up: FollowUp) -> Row:
    return {
        "uuid": follow_up.uuid,
        "kind": follow_up.kind,
        "due": _iso(follow_up.due),
        "done": _iso(follow_up.done),
        "text": follow_up.text,
        "notes": follow_up.notes,
    }


def category_from_row(row: Row) -> Category:
    return Category(
        slug=row["slug"],
        name=row["name"],
        description=row["description"],
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
