"""Practice: the deck of questions to rehearse aloud, and the countdown beside each.

The deck puts first what most needs saying again: the questions whose practice is due (fsrs),
then those the user has written an answer to and never rehearsed, then the rest. Within each
part, the questions that came up where the user keeps going wrong (a recurring mistake) come
early, then those asked in a real interview, then the bank's order.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .model import Asked, Question

DEFAULT_SECONDS = 120
"""How long an answer may take, unless the user says otherwise: two minutes."""
SHORTEST_SECONDS = 30
LONGEST_SECONDS = 600
STEP_SECONDS = 30
WARNING_SECONDS = 20
"""In the last this many seconds the countdown takes the warning colour."""
SECONDS_SETTING = "practice.seconds"
"""The journal's setting that keeps the length between runs."""

DUE, NEW, REST = "due", "new", "rest"
SECTION_NAMES = {DUE: "due", NEW: "answered, never rehearsed", REST: "not due"}


@dataclass(frozen=True, slots=True)
class PracticeCard:
    """One question of the deck, with what the screen says beside it."""

    question: Question
    section: str
    """DUE, NEW or REST."""
    due: dt.datetime | None
    """When its practice is due (None: never practised)."""
    asked: list[Asked] = field(default_factory=list)
    """The interviews where it came up, the latest first."""
    recurring: bool = False
    """It came up where the user keeps going wrong."""
    hint: str = ""
    """The bank's hint for a built-in question."""

    @property
    def section_name(self) -> str:
        if self.section == REST and not self.question.stories:
            return "no answer yet"
        return SECTION_NAMES[self.section]


def build_deck(
    questions: Sequence[Question],
    asked: Mapping[str, list[Asked]],
    recurring: Collection[str],
    now: dt.datetime,
) -> list[PracticeCard]:
    """The visible `questions` in practice order (see the module). `asked` is each question's
    history by uuid, `recurring` the uuids of those tied to a recurring mistake."""
    from .questions import BANK
    from .review import card_due

    hints = {question.key: question.hint for question in BANK}
    now = now.astimezone(dt.UTC)
    ranked: list[tuple[tuple, PracticeCard]] = []
    for index, question in enumerate(questions):
        if question.hidden:
            continue
        due = card_due(question.card) if question.card else None
        if due is not None and due <= now:
            section, order = DUE, (0, due)
        elif due is None and question.stories:
            section, order = NEW, (1, now)
        else:
            section, order = REST, (2, due or now)
        history = asked.get(question.uuid, [])
        is_recurring = question.uuid in recurring
        card = PracticeCard(
            question=question,
            section=section,
            due=due,
            asked=history,
            recurring=is_recurring,
            hint=hints.get(question.key, "") if question.key else "",
        )
        # within a part: recurring first, then asked before; the due ones most overdue first,
        # the rest never practised before those not due yet
        ranked.append(
            ((order[0], not is_recurring, not history, due is not None, order[1], index), card)
        )
    ranked.sort(key=lambda entry: entry[0])
    return [card for _, card in ranked]


def clamp_seconds(seconds: int) -> int:
    """A length the countdown takes: SHORTEST_SECONDS to LONGEST_SECONDS."""
    return max(SHORTEST_SECONDS, min(LONGEST_SECONDS, seconds))


def read_seconds(stored: str | None) -> int:
    """The length kept in the journal's setting, or the default when none (or nonsense) is."""
    try:
        return clamp_seconds(int(stored)) if stored is not None else DEFAULT_SECONDS
    except ValueError:
        return DEFAULT_SECONDS


def clock_face(remaining: float) -> str:
    """Seconds left as the countdown shows them: 2:00, 0:07 (a second shows until it has
    passed whole); past the end, the time over: +0:12."""
    if remaining > 0:
        shown = math.ceil(remaining)
        return f"{shown // 60}:{shown % 60:02d}"
    over = math.floor(-remaining)
    return f"+{over // 60}:{over % 60:02d}"


def took_face(seconds: float) -> str:
    """How long an answer took, in whole seconds: 2:12."""
    whole = max(0, math.floor(seconds))
    return f"{whole // 60}:{whole % 60:02d}"
