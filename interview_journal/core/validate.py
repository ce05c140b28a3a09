"""Checks every domain object passes before it is stored or imported.

Each check raises InvalidValue naming the field, so the importer can prefix the path in the file
(`interviews[3].issues[0].severity: must be 1-3`) and a form can show the message beside the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from .model import (
    EARLIEST,
    FEELINGS,
    FOLLOW_UP_KINDS,
    LATEST,
    OUTCOMES,
    STAGES,
    Category,
    FollowUp,
    Interview,
    Issue,
    Positive,
)
from .text import clean_line, clean_text

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


def check_interview(interview: Interview) -> None:
    _text("company", interview.company, required=True, limit=MAX_LINE)
    _text("role", interview.role, limit=MAX_LINE)
    _date("date", interview.date, required=True)
    if interview.time is not None and not isinstance(interview.time, dt.time):
        raise InvalidValue("time", "must be a time of day")
    _one_of("stage", interview.stage, STAGES)
    _one_of("outcome", interview.outcome, OUTCOMES)
    _int_range("rating", interview.rating, 1, 5, required=False)
    for index, name in enumerate(interview.interviewers):
        _text(f"interviewers[{index}]", name, required=True, limit=MAX_LINE)
    for index, feeling in enumerate(interview.feelings):
        _one_of(f"feelings[{index}]", feeling, FEELINGS)
    _text("notes", interview.notes)


def check_issue(issue: Issue) -> None:
    _text("problem", issue.problem, required=True)
    _text("should_have", issue.should_have)
    if issue.category is not None and not (
        isinstance(issue.category, str) and _SLUG.fullmatch(issue.category)
    ):
        raise InvalidValue("category", "must be a category slug, like punctuality or team-fit")
    _int_range("severity", issue.severity, 1, 3, required=True)
    _text("action", issue.action)


def check_positive(positive: Positive) -> None:
    _text("text", positive.text, required=True)


def check_follow_up(follow_up: FollowUp) -> None:
    _one_of("kind", follow_up.kind, FOLLOW_UP_KINDS)
    _date("due", follow_up.due, required=False)
    _date("done", follow_up.done, required=False)
    _text("text", follow_up.text)
    _text("notes", follow_up.notes)


def check_category(category: Category) -> None:
    _text("slug", category.slug, required=True, limit=60)
    if not _SLUG.fullmatch(category.slug):
        raise InvalidValue("slug", "must be letters, digits and hyphens, like team-fit")
    _text("name", category.name, required=True, limit=MAX_LINE)
    _text("description", category.description)


def prepare_interview(interview: Interview) -> Interview:
    """A cleaned copy, checked: what the store writes."""
    cleaned = replace(
        interview,
        company=clean_line(interview.company),
        role=clean_line(interview.role),
        interviewers=[clean_line(name) for name in interview.interviewers if clean_line(name)],
        feelings=list(dict.fromkeys(interview.feelings)),
        notes=clean_text(interview.notes),
    )
    check_interview(cleaned)
    return cleaned


def prepare_issue(issue: Issue) -> Issue:
    cleaned = replace(
        issue,
        problem=clean_text(issue.problem),
        should_have=clean_text(issue.should_have),
        action=clean_text(issue.action),
        category=issue.category or None,
    )
    check_issue(cleaned)
    return cleaned


def prepare_positive(positive: Positive) -> Positive:
    cleaned = replace(positive, text=clean_text(positive.text))
    check_positive(cleaned)
    return cleaned


def prepare_follow_up(follow_up: FollowUp) -> FollowUp:
    cleaned = replace(follow_up, text=clean_text(follow_up.text), notes=clean_text(follow_up.notes))
    check_follow_up(cleaned)
    return cleaned


def prepare_category(category: Category) -> Category:
    cleaned = replace(
        category, name=clean_line(category.name), description=clean_text(category.description)
    )
    check_category(cleaned)
    return cleaned
