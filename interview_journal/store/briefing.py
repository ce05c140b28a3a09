"""The briefing, assembled from the journal: shared by `interview-journal brief` and the app."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..core import review, trends

if TYPE_CHECKING:
    from .journal import Journal


def load_briefing(journal: Journal, today: dt.date) -> review.Briefing:
    """What to prepare for the next interview (or in general), from the journal as it is."""
    categories = journal.categories()
    names = {category.slug: category.name for category in categories}
    overview = trends.overview(trends.in_period(journal.sittings(until=today), today=today), names)
    answers, actions = journal.briefing_sources(today)
    return review.build_briefing(
        upcoming=journal.upcoming_interview(today),
        today=today,
        overview=overview,
        answers=answers,
        actions=actions,
        categories=categories,
        questions=journal.rehearsal_facts(today),
        now=journal.clock.now(),
        overdue=journal.overdue_follow_ups(today),
    )
