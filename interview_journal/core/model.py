"""Domain objects of the journal (DESIGN §2).

The store turns rows into these and back; the screens and the command line only see these.

Each record's fields are described here and nowhere else: every field of Interview, Issue,
Positive, FollowUp and Category carries a Spec (core/fields.py: what it holds, where it goes), from
which the exchange file's keys, the CSV columns, the checks of core/validate and the store's rows
are all derived. Why dataclass metadata rather than msgspec or cattrs: see core/fields.py.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuid_module
from dataclasses import dataclass, field
from enum import StrEnum

from .fields import Shape, spec

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
FOLLOW_UP_KINDS = (
    "thank-you",
    "feedback-request",
    "second-chance-request",
    "reference",
    "rejection-reply",
    "acceptance",
    "other",
)
"""What a follow-up is: a thank-you after the interview; a request for feedback; a request for a
second conversation (only with something new to add); a heads-up to a reference; a gracious reply
to a rejection; a thank-you for an offer; anything else."""
SEVERITIES = (1, 2, 3)
QUESTION_LINKS = (None, "suggested", "confirmed")
"""How an issue or a positive is linked to the question asked: by matching the words it quotes
("suggested", which follows the text as it changes), or by the user ("confirmed", which matching
never changes; with no question, it says the user took a suggestion away)."""
MOST_STORIES = 3
"""The answers (stories) a question holds: a few to choose from, not a collection."""
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
    slug: str = spec(
        Shape.SLUG,
        required=True,
        limit=60,
        message="must be letters, digits and hyphens, like team-fit",
    )
    name: str = spec(Shape.LINE, required=True, file_fallback="slug")
    description: str = spec(Shape.TEXT, default="")
    indefensible: bool = spec(Shape.FLAG, default=False)
    builtin: bool = spec(Shape.FLAG, default=False, file=False, sheet=False, row="r")


@dataclass(slots=True, frozen=True)
class Review:
    """One grade given in the review drill: 1 again, 2 hard, 3 good, 4 easy."""

    rating: int
    reviewed: str
    due: str


@dataclass(slots=True)
class Issue:
    """One mistake, with what should have been done instead."""

    problem: str = spec(Shape.TEXT, required=True, identity=True)
    should_have: str = spec(Shape.TEXT, default="", null_if_empty=True)
    category: str | None = spec(
        Shape.SLUG, default=None, message="must be a category slug, like punctuality or team-fit"
    )
    severity: int = spec(Shape.NUMBER, default=2, required=True, low=1, high=3)
    action: str = spec(Shape.TEXT, default="", null_if_empty=True)
    """The next step it calls for (more practice, a mock interview with a friend)."""
    action_done: dt.date | None = spec(Shape.DATE, default=None, sheet=False)
    """The day the next step was ticked off, or None while it is open (or there is none)."""
    interview_uuid: str = spec(Shape.PARENT, default="", file=False, row="r", identity=True)
    uuid: str = spec(Shape.UUID, factory=new_uuid)
    created: str = spec(Shape.STAMP, default="")
    updated: str = spec(Shape.STAMP, default="")
    card: str | None = spec(Shape.CARD, default=None, row="r")
    """The review drill's scheduling state (fsrs `Card.to_json()`), or None if never drilled."""
    reviews: list[Review] = spec(Shape.REVIEWS, factory=list, row="")
    """Every grade given to it in the drill, oldest first (exported; the store keeps them apart)."""
    question_uuid: str | None = spec(Shape.LINK, default=None, file=False, row="r")
    """The question asked (core/questions), or None. In the exchange file as `question`, with
    `question_link` and `story` (core/exchange/format.LINK_KEYS)."""
    question_link: str | None = spec(
        Shape.CHOICE, default=None, choices=QUESTION_LINKS, file=False, sheet=False, row="r"
    )
    story_uuid: str | None = spec(Shape.LINK, default=None, file=False, row="r")
    """Which of the user's answers to the question was told, or None."""

    @property
    def solved(self) -> bool:
        return bool(self.should_have.strip())


@dataclass(slots=True)
class Positive:
    """Something that went well."""

    text: str = spec(Shape.TEXT, required=True, identity=True)
    interview_uuid: str = spec(Shape.PARENT, default="", file=False, row="r", identity=True)
    uuid: str = spec(Shape.UUID, factory=new_uuid)
    created: str = spec(Shape.STAMP, default="")
    updated: str = spec(Shape.STAMP, default="", row_fallback="created")  # none before schema 4
    question_uuid: str | None = spec(Shape.LINK, default=None, file=False, row="r")
    """The question asked (core/questions), or None. In the exchange file as `question`, with
    `question_link` and `story` (core/exchange/format.LINK_KEYS)."""
    question_link: str | None = spec(
        Shape.CHOICE, default=None, choices=QUESTION_LINKS, file=False, sheet=False, row="r"
    )
    story_uuid: str | None = spec(Shape.LINK, default=None, file=False, row="r")
    """Which of the user's answers to the question was told, or None."""


@dataclass(slots=True)
class FollowUp:
    kind: str = spec(Shape.CHOICE, default="thank-you", choices=FOLLOW_UP_KINDS, identity=True)
    due: dt.date | None = spec(Shape.DATE, default=None)
    done: dt.date | None = spec(Shape.DATE, default=None)
    text: str = spec(Shape.TEXT, default="")
    notes: str = spec(Shape.TEXT, default="")
    interview_uuid: str = spec(Shape.PARENT, default="", file=False, row="r", identity=True)
    uuid: str = spec(Shape.UUID, factory=new_uuid)
    created: str = spec(Shape.STAMP, default="")
    updated: str = spec(Shape.STAMP, default="")

    def overdue(self, today: dt.date) -> bool:
        return self.done is None and self.due is not None and self.due < today


@dataclass(slots=True)
class Story:
    """One of the user's own answers to a question: the answer as they would say it, and an
    optional outline (situation, task, action, result) shown as a hint while practising."""

    text: str = spec(Shape.TEXT, required=True, identity=True)
    situation: str = spec(Shape.TEXT, default="")
    task: str = spec(Shape.TEXT, default="")
    action: str = spec(Shape.TEXT, default="")
    result: str = spec(Shape.TEXT, default="")
    question_uuid: str = spec(Shape.PARENT, default="", file=False, row="r")
    position: int = spec(Shape.NUMBER, default=0, row="r", file=False, low=0, high=MOST_STORIES - 1)
    """Its place among the question's answers, from 0 (kept by the store; in the exchange file,
    its place in the question's list)."""
    uuid: str = spec(Shape.UUID, factory=new_uuid)
    created: str = spec(Shape.STAMP, default="")
    updated: str = spec(Shape.STAMP, default="")


@dataclass(slots=True)
class Question:
    """A question of the journal: one of the bank's (`key` is its key there) or the user's own
    (`key` None). A built-in question is hidden rather than deleted."""

    text: str = spec(Shape.LINE, required=True, identity=True)
    group: str = spec(
        Shape.SLUG, default="about-you", required=True, message="must be a group of the bank"
    )
    hidden: bool = spec(Shape.FLAG, default=False)
    key: str | None = spec(
        Shape.SLUG, default=None, row="r", message="must be the key of a question of the bank"
    )
    uuid: str = spec(Shape.UUID, factory=new_uuid)
    created: str = spec(Shape.STAMP, default="")
    updated: str = spec(Shape.STAMP, default="")
    card: str | None = spec(Shape.CARD, default=None, row="r")
    """Its practice scheduling state (fsrs `Card.to_json()`), or None if never practised."""
    reviews: list[Review] = spec(Shape.REVIEWS, factory=list, row="")
    """Every grade given to it in practice, oldest first (exported; the store keeps them apart)."""
    stories: list[Story] = field(default_factory=list)
    """The user's answers, in their order (at most MOST_STORIES)."""

    @property
    def builtin(self) -> bool:
        return self.key is not None


@dataclass(slots=True, frozen=True)
class Asked:
    """One time a question came up in a real interview: the issue or positive that says so."""

    interview_uuid: str
    date: dt.date
    company: str
    stage: str
    went: str
    """"wrong" for an issue, "well" for what went well."""
    record_uuid: str
    text: str
    """The issue's problem, or what went well."""
    link: str
    """"suggested" or "confirmed"."""
    story_uuid: str | None = None


@dataclass(slots=True)
class Interview:
    company: str = spec(Shape.LINE, required=True, identity=True)
    role: str = spec(Shape.LINE, default="", identity=True)
    date: dt.date = spec(Shape.DATE, factory=dt.date.today, required=True, identity=True)
    time: dt.time | None = spec(Shape.TIME, default=None, identity=True)
    stage: str = spec(Shape.CHOICE, default="other", choices=STAGES)
    interviewers: list[str] = spec(Shape.LINES, factory=list)
    outcome: str = spec(Shape.CHOICE, default="pending", choices=OUTCOMES)
    rating: int | None = spec(Shape.NUMBER, default=None, low=1, high=5)
    feelings: list[str] = spec(Shape.CHOICES, factory=list, choices=FEELINGS)
    notes: str = spec(Shape.TEXT, default="", sheet=False)
    feedback: str = spec(Shape.TEXT, default="", sheet=False)
    """What the company said about the interview when asked (their words, not the user's)."""
    location: str = spec(Shape.LINE, default="")
    """Where it takes place: an address, a building and room."""
    link: str = spec(Shape.LINE, default="")
    """The video call's link."""
    calendar_uid: str = spec(Shape.LINE, default="", sheet=False)
    """The UID of the calendar event it was imported from ("" if typed in): a new import of the
    same event updates this interview rather than adding another."""
    checklist: list[str] = spec(Shape.LINES, factory=list, sheet=False)
    """The keys of the stage checklist's items ticked off for it (core/checklists.json)."""
    prep_why: str = spec(Shape.TEXT, default="", sheet=False)
    """The prep worksheet, for an interview to come: why this company and this role."""
    prep_company: str = spec(Shape.TEXT, default="", sheet=False)
    """What the company does, and its news."""
    prep_questions: str = spec(Shape.TEXT, default="", sheet=False)
    """The user's questions for them."""
    prep_people: str = spec(Shape.TEXT, default="", sheet=False)
    """Who they will meet, and what is known of each."""
    prep_logistics: str = spec(Shape.TEXT, default="", sheet=False)
    """How to get there or connect, what to bring, when to leave."""
    closed: bool = spec(Shape.FLAG, default=False)
    uuid: str = spec(Shape.UUID, factory=new_uuid)
    created: str = spec(Shape.STAMP, default="")
    updated: str = spec(Shape.STAMP, default="")

    def upcoming(self, today: dt.date) -> bool:
        return self.date > today


@dataclass(slots=True)
class Profile:
    """Who the user is, for the letters: the name they sign with, and a few strengths and
    achievements that a thank-you draws on to say why they fit. Kept in the journal, so that an
    export carries it."""

    name: str = ""
    strengths: list[str] = field(default_factory=list)
    achievements: list[str] = field(default_factory=list)


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


def follow_up_for(interview: Interview, kind: str, today: dt.date) -> FollowUp:
    """A follow-up of `kind` added by hand: due the day after the interview, or tomorrow once
    the interview is past (the same day on the last day a journal takes)."""
    return FollowUp(
        kind=kind,
        due=min(max(interview.date, today) + dt.timedelta(days=1), LATEST),
        interview_uuid=interview.uuid,
    )
