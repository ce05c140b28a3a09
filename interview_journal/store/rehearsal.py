"""What the practice screen reads, in one go (in a thread, on a connection of its own): the
deck in practice order and the countdown's length."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core import practice, trends

if TYPE_CHECKING:
    from .journal import Journal


@dataclass(frozen=True)
class PracticeData:
    deck: list[practice.PracticeCard]
    seconds: int
    """How long an answer may take (the journal's setting, or the default)."""
    now: dt.datetime


def recurring_questions(journal: Journal, today: dt.date) -> set[str]:
    """The uuids of the questions tied to a mistake the user keeps making: one linked to an
    issue of a category the trends call recurring, or one that went wrong in two interviews
    or more."""
    names = {category.slug: category.name for category in journal.categories()}
    overview = trends.overview(trends.in_period(journal.sittings(until=today), today=today), names)
    slugs = [trend.slug for trend in overview.categories if trend.label == "recurring"]
    marks = ",".join("?" * len(slugs))
    by_category = (
        f"SELECT q.uuid FROM issues c JOIN questions q ON q.id = c.question_id "
        f"WHERE c.category IN ({marks})"
        if slugs
        else "SELECT NULL WHERE 0"
    )
    rows = journal.conn.execute(
        f"{by_category} UNION SELECT q.uuid FROM issues c "
        "JOIN questions q ON q.id = c.question_id "
        "GROUP BY q.uuid HAVING count(DISTINCT c.interview_id) >= 2",
        slugs,
    ).fetchall()
    return {uuid for (uuid,) in rows if uuid is not None}


def load_practice(journal: Journal) -> PracticeData:
    """The deck of the visible questions in practice order, and the countdown's length."""
    now = journal.clock.now()
    deck = practice.build_deck(
        journal.questions(),
        journal.questions_asked(),
        recurring_questions(journal, journal.clock.today()),
        now,
    )
    seconds = practice.read_seconds(journal.setting(practice.SECONDS_SETTING))
    return PracticeData(deck, seconds, now)
