"""Domain objects of the journal (DESIGN §2).

The store turns rows into these and back; the screens and the command line only see these.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass, field
from enum import StrEnum

EARLIEST = dt.date(1970, 1, 1)
LATEST = dt.date(2100, 12, 31)
"""The range of dates a journal takes (interviews, follow-ups)."""

STAGES = (
    "screen",
    "phone",
    "video",
    "technical",
    "onsite",
    "panel",
    "final",
    "informational",
    "other",
)
OUTCOMES = ("pending", "advanced", "offer", "rejected", "withdrawn", "no-response")
DECIDED_OUTCOMES = ("advanced", "offer", "rejected", "withdrawn", "no-response")
NEGATIVE_FEELINGS = ("disappointed", "angry", "self-doubt", "embarrassed", "discouraged")
POSITIVE_FEELINGS = ("relieved", "hopeful", "confident")
FEELINGS = NEGATIVE_FEELINGS + POSITIVE_FEELINGS
FOLLOW_UP_KINDS = ("thank-you", "feedback-request", "second-chance-request", "reference", "other")
SEVERITIES = (1, 2, 3)
RATINGS = (1, 2, 3, 4, 5)


class Step(StrEnum):
    """Where an interview stands in the method; derived from its data, never stored."""

    CAPTURED = "captured"
    ASSESSED = "assessed"
    SOLVED = "solved"
    FOLLOWED_UP = "followed up"
    CLOSED = "closed"


def new_uuid() -> str:
    return str(uuid_module.uuid4())


def utc_now() -> str:
    """A timestamp as stored: ISO 8601, UTC, to the microsecond, so that two edits within one
    second are still told apart (which is newer decides imports and saves from two windows)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


@dataclass(slots=True)
class Category:
    slug: str
    name: str
    description: str = ""
    indefensible: bool = False
    builtin: bool = False


@dataclass(slots=True, frozen=True)
class Review:
    """One grade given in the review drill: 1 again, 2 hard, 3 good, 4 easy."""

    rating: int
    reviewed: str
    due: str


@dataclass(slots=True)
class Issue:
    """One mistake, with what should have been done instead."""

    problem: str
    should_have: str = ""
    category: str | None = None
    severity: int = 2
    action: str = ""
    interview_uuid: str = ""
    uuid: str = field(default_factory=new_uuid)
    created: str = ""
    updated: str = ""
    card: str | None = None
    """The review drill's scheduling state (fsrs `Card.to_json()`), or None if never drilled."""
    reviews: list[Review] = field(default_factory=list)
    """Every grade given to it in the drill, oldest first (exported; the store keeps them apart)."""

    @property
    def solved(self) -> bool:
        return bool(self.should_have.strip())


@dataclass(slots=True)
class Positive:
    """Something that went well."""

    text: str
    interview_uuid: str = ""
    uuid: str = field(default_factory=new_uuid)
    created: str = ""
    updated: str = ""


@dataclass(slots=True)
class FollowUp:
    kind: str = "thank-you"
    due: dt.date | None = None
    done: dt.date | None = None
    text: str = ""
    notes: str = ""
    interview_uuid: str = ""
    uuid: str = field(default_factory=new_uuid)
    created: str = ""
    updated: str = ""

    def overdue(self, today: dt.date) -> bool:
        return self.done is None and self.due is not None and self.due < today


@dataclass(slots=True)
class Interview:
    company: str
    role: str = ""
    date: dt.date = field(default_factory=dt.date.today)
    time: dt.time | None = None
    stage: str = "other"
    interviewers: list[str] = field(default_factory=list)
    outcome: str = "pending"
    rating: int | None = None
    feelings: list[str] = field(default_factory=list)
    notes: str = ""
    closed: bool = False
    uuid: str = field(default_factory=new_uuid)
    created: str = ""
    updated: str = ""

    def upcoming(self, today: dt.date) -> bool:
        return self.date > today


@dataclass(slots=True, frozen=True)
class InterviewSummary:
    """One line of the interview list: the interview and the counts its step is derived from."""

    interview: Interview
    issues: int
    uncategorized: int
    unsolved: int
    thanked: bool

    @property
    def step(self) -> Step:
        return derive_step(
            closed=self.interview.closed,
            issues=self.issues,
            uncategorized=self.uncategorized,
            unsolved=self.unsolved,
            thanked=self.thanked,
        )


def derive_step(
    *, closed: bool, issues: int, uncategorized: int, unsolved: int, thanked: bool
) -> Step:
    """The furthest step of the method the interview has reached (DESIGN §1).

    The steps are taken in order: an interview is only "solved" once it is assessed, and only
    "followed up" once solved. Closing it (moving on) is the user's call and ends the walk.
    """
    if closed:
        return Step.CLOSED
    if issues == 0 or uncategorized:
        return Step.CAPTURED
    if unsolved:
        return Step.ASSESSED
    if not thanked:
        return Step.SOLVED
    return Step.FOLLOWED_UP


@dataclass(slots=True, frozen=True)
class SearchHit:
    """A full-text match: where it is, and a short excerpt around it."""

    interview_uuid: str
    issue_uuid: str | None
    field: str
    excerpt: str


@dataclass(slots=True)
class InterviewRecord:
    """An interview with everything recorded about it: the unit of import, export and samples."""

    interview: Interview
    issues: list[Issue] = field(default_factory=list)
    positives: list[Positive] = field(default_factory=list)
    follow_ups: list[FollowUp] = field(default_factory=list)


def thank_you_for(interview: Interview) -> FollowUp:
    """The thank-you note every captured interview gets: due the day after it (the same day
    for an interview on the last day a journal takes)."""
    return FollowUp(
        kind="thank-you",
        due=min(interview.date + dt.timedelta(days=1), LATEST),
        interview_uuid=interview.uuid,
    )
