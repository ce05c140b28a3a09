"""Review before the next interview (DESIGN §3 Review): the briefing and the drill.

The briefing puts the user's own lessons in front of them: the mistakes that keep coming back,
with what they wrote they should have done, their open actions, and a checklist for the day.

The drill turns each solved issue into a flashcard (the problem on the front, the user's own
answer on the back), scheduled with fsrs. A card's state lives with its issue as `Card.to_json()`.
When a mistake of a category happens again for real, that category's cards are due at once: a
mistake repeated in an interview is a lesson forgotten, whatever the schedule thought.

Pure: no Textual, no click, no store. fsrs is imported only when a card is scheduled, so that
reading the briefing (or opening the app) does not pay for it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, TypeVar

from . import trends
from .checklists import StageCheck, stage_checklist
from .history import Visit, visit_json
from .model import Category, FollowUp, Interview
from .rehearse import QuestionFacts, Rehearse, questions_to_rehearse
from .taxonomy import BUILTIN_CATEGORIES, CHECKLIST

T = TypeVar("T")

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

__all__ = [
    "AGAIN",
    "EASY",
    "FOCUS_LABELS",
    "GOOD",
    "GRADES",
    "HARD",
    "Answer",
    "Briefing",
    "ChecklistItem",
    "DrillCard",
    "DrillSummary",
    "FocusItem",
    "best_answers",
    "briefing_json",
    "build_briefing",
    "card_due",
    "checklist",
    "grade",
    "is_due",
    "make_due",
    "new_card",
    "open_actions",
    "order_for_drill",
    "summarize",
]

AGAIN, HARD, GOOD, EASY = 1, 2, 3, 4
GRADES = {AGAIN: "again", HARD: "hard", GOOD: "good", EASY: "easy"}
FOCUS_LABELS = ("recurring", "improving")
"""Labels that put a category at the head of the focus list."""
PER_CATEGORY = 3
"""Answers and actions shown per category in the briefing."""


# --- the briefing ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """What the user wrote they should have done, and where the mistake happened."""

    issue_uuid: str
    interview_uuid: str
    date: dt.date
    company: str
    problem: str
    should_have: str


@dataclass(frozen=True, slots=True)
class FocusItem:
    """One category to keep in mind, with the user's own answers and open actions."""

    slug: str
    name: str
    label: str | None
    interviews: int
    last_seen: dt.date | None
    indefensible: bool
    answers: list[Answer] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    text: str
    category: str | None
    indefensible: bool


@dataclass(frozen=True, slots=True)
class Briefing:
    upcoming: Interview | None
    days_until: int | None
    focus: list[FocusItem]
    checklist: list[ChecklistItem]
    questions: list[Rehearse] = field(default_factory=list)
    more_questions: int = 0
    """Questions to rehearse beyond those listed."""
    overdue: list[FollowUp] = field(default_factory=list)
    """The follow-ups whose day has passed, of the interviews still open, soonest due first."""
    history: list[Visit] = field(default_factory=list)
    """The earlier interviews at the upcoming interview's company, newest first."""
    stage_checklist: list[StageCheck] = field(default_factory=list)
    """What to have ready for the upcoming interview's stage, ticked as it keeps them."""
    soonest: bool = True
    """The interview briefed for is the next one to come (not one further ahead)."""


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _first_distinct(items: Iterable[T], key: Callable[[T], str]) -> list[T]:
    """The first PER_CATEGORY items in the given order with a non-empty key seen once."""
    kept: list[T] = []
    seen: set[str] = set()
    for item in items:
        item_key = key(item)
        if not item_key or item_key in seen:
            continue
        seen.add(item_key)
        kept.append(item)
        if len(kept) == PER_CATEGORY:
            break
    return kept


def best_answers(answers: Sequence[Answer]) -> list[Answer]:
    """The latest non-empty answers (newest first, the given order within a day), no repeats."""
    newest_first = sorted(answers, key=lambda a: a.date, reverse=True)
    return _first_distinct(newest_first, lambda answer: _normal(answer.should_have))


def open_actions(actions: Sequence[str]) -> list[str]:
    """The non-empty actions, in the given order (latest first), without repeats."""
    return _first_distinct((" ".join(action.split()) for action in actions), str.casefold)


def _focus_key(item: FocusItem) -> tuple:
    last = item.last_seen.toordinal() if item.last_seen else 0
    if item.label in FOCUS_LABELS:
        return (0, -item.interviews, -last, item.slug)
    return (1, -last, -item.interviews, item.slug)


def _avoidable(categories: Sequence[Category]) -> set[str]:
    """The slugs of the categories no answer excuses: the built-in ones as the journal has them
    now (a user may change which), and the user's own."""
    indefensible = {category.slug: category.indefensible for category in BUILTIN_CATEGORIES}
    indefensible |= {category.slug: category.indefensible for category in categories}
    return {slug for slug, flagged in indefensible.items() if flagged}


def checklist(
    categories: Sequence[Category], upcoming: Interview | None = None
) -> list[ChecklistItem]:
    """The checklist for the day, each item tied to the category it guards against."""
    avoidable = _avoidable(categories)
    company = upcoming.company.strip() if upcoming else ""
    return [
        ChecklistItem(
            text=text.format(company=company or "the company"),
            category=slug,
            indefensible=bool(slug and slug in avoidable),
        )
        for text, slug in CHECKLIST
    ]


def build_briefing(
    *,
    upcoming: Interview | None,
    today: dt.date,
    overview: trends.Overview,
    answers: Mapping[str, list[Answer]],
    actions: Mapping[str, list[str]],
    categories: Sequence[Category],
    limit: int = 8,
    questions: Iterable[QuestionFacts] = (),
    now: dt.datetime | None = None,
    overdue: Sequence[FollowUp] = (),
    history: Sequence[Visit] = (),
    soonest: bool = True,
) -> Briefing:
    """The briefing for `upcoming` (or a general one when it is None).

    The focus list holds the categories of the overview: those labelled recurring or improving
    first (most interviews, then most recently seen), then the others (most recently seen, then
    most interviews); a category with answers but absent from the overview comes last, without
    a label. Each carries up to three of the user's latest distinct answers and open actions.
    """
    by_slug = {category.slug: category for category in BUILTIN_CATEGORIES}
    by_slug |= {category.slug: category for category in categories}
    items: list[FocusItem] = []
    listed: set[str] = set()
    for trend in overview.categories:
        listed.add(trend.slug)
        category = by_slug.get(trend.slug)
        items.append(
            FocusItem(
                slug=trend.slug,
                name=trend.name,
                label=trend.label,
                interviews=trend.interviews,
                last_seen=trend.last_seen,
                indefensible=bool(category and category.indefensible),
                answers=best_answers(answers.get(trend.slug, ())),
                actions=open_actions(actions.get(trend.slug, ())),
            )
        )
    for slug, given in answers.items():
        best = best_answers(given)
        if slug in listed or not best:
            continue
        category = by_slug.get(slug)
        items.append(
            FocusItem(
                slug=slug,
                name=category.name if category else slug,
                label=None,
                interviews=0,
                last_seen=None,
                indefensible=bool(category and category.indefensible),
                answers=best,
                actions=open_actions(actions.get(slug, ())),
            )
        )
    items.sort(key=_focus_key)
    days_until = (upcoming.date - today).days if upcoming is not None else None
    moment = now if now is not None else dt.datetime.combine(today, dt.time.max, dt.UTC)
    recurring = {item.slug: item.name for item in items if item.label in FOCUS_LABELS}
    rehearse, more = questions_to_rehearse(
        questions, upcoming=upcoming, recurring=recurring, now=moment
    )
    return Briefing(
        upcoming=upcoming,
        days_until=days_until,
        focus=items[: max(limit, 0)],
        # For an interview to come, its stage's checklist; the general one without one.
        checklist=checklist(categories, upcoming) if upcoming is None else [],
        questions=rehearse,
        more_questions=more,
        overdue=list(overdue),
        history=list(history),
        soonest=soonest,
        stage_checklist=stage_checklist(upcoming, _avoidable(categories))
        if upcoming is not None
        else [],
    )


def briefing_json(briefing: Briefing) -> dict:
    """The object `interview-journal brief --json` prints; dates as YYYY-MM-DD."""
    upcoming = briefing.upcoming
    return {
        "upcoming": (
            {
                "uuid": upcoming.uuid,
                "company": upcoming.company,
                "role": upcoming.role,
                "date": upcoming.date.isoformat(),
                "time": upcoming.time.strftime("%H:%M") if upcoming.time else None,
                "days_until": briefing.days_until,
                "stage": upcoming.stage,
                "location": upcoming.location,
                "link": upcoming.link,
            }
            if upcoming is not None
            else None
        ),
        "focus": [
            {
                "slug": item.slug,
                "name": item.name,
                "label": item.label,
                "interviews": item.interviews,
                "last_seen": item.last_seen.isoformat() if item.last_seen else None,
                "indefensible": item.indefensible,
                "answers": [
                    {
                        "problem": answer.problem,
                        "should_have": answer.should_have,
                        "company": answer.company,
                        "date": answer.date.isoformat(),
                    }
                    for answer in item.answers
                ],
                "actions": list(item.actions),
            }
            for item in briefing.focus
        ],
        "checklist": [
            {"text": item.text, "category": item.category, "indefensible": item.indefensible}
            for item in briefing.checklist
        ],
        "questions_to_rehearse": [
            {
                "uuid": item.uuid,
                "text": item.text,
                "reasons": list(item.reasons),
                "answered": item.answered,
            }
            for item in briefing.questions
        ],
        "more_questions_to_rehearse": briefing.more_questions,
        "company_history": [visit_json(visit) for visit in briefing.history],
        "stage_checklist": [
            {"key": check.key, "text": check.text, "done": check.done, "avoidable": check.avoidable}
            for check in briefing.stage_checklist
        ],
        "overdue": [
            {
                "uuid": follow_up.uuid,
                "kind": follow_up.kind,
                "due": follow_up.due.isoformat() if follow_up.due else None,
                "interview": follow_up.interview_uuid,
            }
            for follow_up in briefing.overdue
        ],
    }


# --- the drill ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DrillCard:
    """A solved issue as a flashcard: the problem and where it happened, and the answer."""

    issue_uuid: str
    interview_uuid: str
    company: str
    date: dt.date
    category: str | None
    category_name: str
    problem: str
    should_have: str
    card: str | None
    """The fsrs card as `Card.to_json()`; None: never reviewed (a new card, due now)."""
    due: dt.datetime | None
    question: str | None = None
    """The question the issue answers (its link), if any: the card's front."""
    stage: str = ""

    @property
    def situation(self) -> tuple[str, str]:
        """The card's front, as a heading and a text: the question that was asked, or else the
        kind of mistake and where it happened. Never the failure itself, which would rehearse
        the mistake rather than the answer: that is shown with the answer."""
        if self.question:
            return "They asked", f"“{self.question}”"
        stage = f" {self.stage}" if self.stage and self.stage != "other" else ""
        where = f"The{stage} interview at {self.company}, {self.date:%d %b %Y}"
        return self.category_name or "Uncategorised", where


@dataclass(slots=True)
class DrillSummary:
    reviewed: int
    again: int
    due_next: dt.datetime | None
    weakest: str | None
    """The category name graded again or hard most often (None: none was)."""


@cache
def _scheduler() -> Scheduler:
    from fsrs import Scheduler

    # No fuzzing: the same grades at the same times give the same schedule (and tests can say
    # what it is).
    return Scheduler(enable_fuzzing=False)


def _utc(moment: dt.datetime) -> dt.datetime:
    """fsrs wants aware datetimes whose tzinfo is UTC itself."""
    if moment.tzinfo is None:
        raise ValueError("a drill time must be timezone-aware")
    return moment.astimezone(dt.UTC)


def _card(card_json: str) -> Card:
    from fsrs import Card

    return Card.from_json(card_json)


def new_card(now: dt.datetime) -> str:
    """A card never reviewed, due `now`, as JSON."""
    from fsrs import Card

    now = _utc(now)
    return Card(card_id=int(now.timestamp() * 1000), due=now).to_json()


def grade(card_json: str | None, rating: int, now: dt.datetime) -> tuple[str, dt.datetime]:
    """Review a card (None: a new one) with a grade 1-4 (again, hard, good, easy) at `now`.

    Returns the card after the review, as JSON, and when it is due next.
    """
    if isinstance(rating, bool) or rating not in GRADES:
        raise ValueError(f"a grade is 1 (again) to 4 (easy), not {rating!r}")
    from fsrs import Rating

    now = _utc(now)
    card = _card(card_json if card_json is not None else new_card(now))
    card, _log = _scheduler().review_card(card, Rating(rating), now)
    due = _utc(card.due)
    return card.to_json(), due


def make_due(card_json: str, now: dt.datetime) -> str:
    """The same card, due now (a card already overdue keeps its earlier due time)."""
    data = json.loads(card_json)
    now = _utc(now)
    if card_due(card_json) > now:
        data["due"] = now.isoformat()
    return json.dumps(data)


def card_due(card_json: str) -> dt.datetime:
    """When a stored card is due, in UTC."""
    due = dt.datetime.fromisoformat(json.loads(card_json)["due"])
    return due.replace(tzinfo=dt.UTC) if due.tzinfo is None else due.astimezone(dt.UTC)


def is_due(card_json: str | None, now: dt.datetime) -> bool:
    """Whether a card is due at `now`; a new card (None) always is."""
    return card_json is None or card_due(card_json) <= _utc(now)


def _due_of(card: DrillCard) -> dt.datetime | None:
    if card.due is not None:
        return _utc(card.due)
    return card_due(card.card) if card.card is not None else None


def order_for_drill(cards: Sequence[DrillCard], now: dt.datetime) -> list[DrillCard]:
    """The due cards (most overdue first), then the new ones (in the given order), then the
    rest (soonest due first)."""
    now = _utc(now)
    due: list[tuple[dt.datetime, int, DrillCard]] = []
    new: list[DrillCard] = []
    later: list[tuple[dt.datetime, int, DrillCard]] = []
    for index, card in enumerate(cards):
        when = _due_of(card)
        if when is None:
            new.append(card)
        elif when <= now:
            due.append((when, index, card))
        else:
            later.append((when, index, card))
    due.sort(key=lambda entry: entry[:2])
    later.sort(key=lambda entry: entry[:2])
    return [card for *_, card in due] + new + [card for *_, card in later]


def summarize(
    results: Sequence[tuple[DrillCard, int]], next_due: dt.datetime | None
) -> DrillSummary:
    """What a drill came to: cards reviewed, how many were forgotten (again), when the next
    card is due, and the weakest category (most again or hard grades; ties by name)."""
    struggled: dict[str, int] = {}
    again = 0
    for card, rating in results:
        if rating == AGAIN:
            again += 1
        if rating in (AGAIN, HARD):
            name = card.category_name or "Uncategorised"
            struggled[name] = struggled.get(name, 0) + 1
    weakest = min(struggled, key=lambda name: (-struggled[name], name)) if struggled else None
    return DrillSummary(reviewed=len(results), again=again, due_next=next_due, weakest=weakest)
