"""Progress: momentum rather than dwelling (issue 14), for the trends screen.

Three facts from the interviews of the period shown, each said only when there is something to
say: the mistakes fixed (seen in two or more interviews, in none of the last three: the trend
label `fixed`); how many interviews have gone by since the last avoidable mistake (a category
the taxonomy marks as one no answer excuses: attire, no research, a phone out, a lie); and what
the user was getting wrong about a year ago that has not come back in the last six months.

Pure: no Textual, no store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field

from .trends import Period

YEAR_AGO = (dt.timedelta(days=456), dt.timedelta(days=274))
""""About a year ago": the interviews from 15 to 9 months before today."""
NOT_SINCE = dt.timedelta(days=182)
"""A mistake of a year ago is no longer made when none of the last six months' interviews has
it (and there was at least one interview in them)."""


@dataclass(frozen=True, slots=True)
class Fixed:
    name: str
    interviews: int
    """The interviews it was in."""
    since: int
    """The interviews since it was last seen."""


@dataclass(frozen=True, slots=True)
class Progress:
    fixed: list[Fixed] = field(default_factory=list)
    since_avoidable: int | None = None
    """Interviews with their issues written, after the last one with an avoidable mistake;
    None when there was none in the period (then nothing is said: no count to keep)."""
    year_ago: list[str] = field(default_factory=list)
    """The names of the categories seen about a year ago and not in the last six months."""

    @property
    def empty(self) -> bool:
        return not self.fixed and self.since_avoidable is None and not self.year_ago


def progress(figures: Period, avoidable: Collection[str]) -> Progress:
    """The progress of the period `figures` holds; `avoidable` are the slugs of the categories
    no answer excuses."""
    overview = figures.overview
    names = {trend.slug: trend.name for trend in overview.categories}
    fixed = [
        Fixed(trend.name, trend.interviews, trend.since_last_seen)
        for trend in overview.categories
        if trend.label == "fixed"
    ]
    # Only the interviews whose mistakes are written down count: one not sorted yet says
    # nothing of avoidable mistakes, either way.
    sittings = [sitting for sitting in figures.sittings if sitting.categories]
    since_avoidable = None
    for index in range(len(sittings) - 1, -1, -1):
        if any(slug in avoidable for slug in sittings[index].categories):
            since_avoidable = len(sittings) - 1 - index
            break
    today = figures.today
    then_from, then_to = today - YEAR_AGO[0], today - YEAR_AGO[1]
    recent_from = today - NOT_SINCE
    then: dict[str, None] = {}
    recent: set[str | None] = set()
    recent_interviews = 0
    for sitting in sittings:
        if then_from <= sitting.date <= then_to:
            then.update(dict.fromkeys(slug for slug in sitting.categories if slug))
        elif sitting.date >= recent_from:
            recent_interviews += 1
            recent.update(sitting.categories)
    year_ago = (
        [names.get(slug, slug) for slug in then if slug not in recent] if recent_interviews else []
    )
    return Progress(fixed=fixed, since_avoidable=since_avoidable, year_ago=year_ago)
