"""The briefing, assembled from the journal: shared by `interview-journal brief` and the app."""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING

from ..core import review, trends
from .errors import NotFound

if TYPE_CHECKING:
    from .journal import Journal


def load_briefing(
    journal: Journal, today: dt.date, interview_uuid: str | None = None
) -> review.Briefing:
    """What to prepare for interview `interview_uuid` (by default the next one; in general when
    there is none), from the journal as it is."""
    upcoming = soonest = journal.upcoming_interview(today)
    if interview_uuid is not None:
        with contextlib.suppress(NotFound):  # deleted meanwhile: the next one, as without it
            upcoming = journal.interview(interview_uuid)
    categories = journal.categories()
    names = {category.slug: category.name for category in categories}
    overview = trends.overview(trends.in_period(journal.sittings(until=today), today=today), names)
    answers, actions = journal.briefing_sources(today)
    return review.build_briefing(
        upcoming=upcoming,
        today=today,
        overview=overview,
        answers=answers,
        actions=actions,
        categories=categories,
        questions=journal.rehearsal_facts(today),
        now=journal.clock.now(),
        overdue=journal.overdue_follow_ups(today),
        history=journal.company_history(upcoming, today) if upcoming is not None else (),
        soonest=soonest is None or upcoming is None or soonest.uuid == upcoming.uuid,
    )
