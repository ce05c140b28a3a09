"""Trends across interviews: which mistakes keep coming back (DESIGN §3 Trends, §8).

The store hands over one `Sitting` per interview; everything here is plain arithmetic on those,
so the trends screen and `interview-journal stats` show the same numbers.

Pure standard library + dateutil: no Textual, no click, no store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from dateutil.relativedelta import relativedelta

from .model import DECIDED_OUTCOMES, NEGATIVE_FEELINGS, POSITIVE_FEELINGS

__all__ = [
    "BAD_OUTCOMES",
    "LABELS",
    "CategoryTrend",
    "Cost",
    "MonthlySeries",
    "Overview",
    "Sitting",
    "bucket",
    "cost",
    "feelings_by_month",
    "in_period",
    "label",
    "monthly",
    "overview",
    "period_start",
    "ratings",
    "stats_json",
    "top_slugs",
]

LABELS = ("once", "fixed", "improving", "recurring")
BAD_OUTCOMES = frozenset({"rejected", "no-response"})
"""Outcomes that count against a category in the "what it cost" view."""

RECENT = 3
"""A category absent from this many latest interviews (and seen at least twice) is fixed."""
MIN_DECIDED = 3
"""Fewer decided interviews than this on either side of a cost comparison is too few to judge."""

_DECIDED = frozenset(DECIDED_OUTCOMES)
_NEGATIVE = frozenset(NEGATIVE_FEELINGS)
_POSITIVE = frozenset(POSITIVE_FEELINGS)


class Sitting(NamedTuple):
    """An interview as the trends see it. A named tuple rather than a frozen dataclass: the
    trends build one per interview, and for 10,000 interviews that costs a third as much."""

    uuid: str
    date: dt.date
    time: dt.time | None
    outcome: str
    rating: int | None
    feelings: tuple[str, ...]
    categories: tuple[str | None, ...]
    """One entry per issue of the interview (None = uncategorised), in any order."""
    order: int = 0
    """Tie-breaker for the same date and time (the store passes the row id)."""


@dataclass(frozen=True, slots=True)
class CategoryTrend:
    slug: str
    name: str
    interviews: int
    issues: int
    first_seen: dt.date
    last_seen: dt.date
    label: str
    since_last_seen: int
    """Interviews of the period after the last one with this category (0: it was in the latest)."""


@dataclass(frozen=True, slots=True)
class Overview:
    interviews: int
    """Interviews in the period that have happened."""
    issues: int
    """All their issues, uncategorised ones included."""
    uncategorised: int
    categories: list[CategoryTrend]
    """Sorted by interviews desc, issues desc, slug; categories with no issue left out."""


@dataclass(frozen=True, slots=True)
class MonthlySeries:
    months: list[dt.date]
    """First day of each month, from the period's first month to today's month, no gaps."""
    counts: dict[str, list[int]]
    """slug -> interviews with that category in each month (zeros where none)."""


@dataclass(frozen=True, slots=True)
class Cost:
    """A category set against outcomes: decided interviews with it and without it."""

    slug: str
    name: str
    with_decided: int
    with_bad: int
    without_decided: int
    without_bad: int

    @property
    def too_few(self) -> bool:
        """Too few decided interviews on either side to claim a difference."""
        return self.with_decided < MIN_DECIDED or self.without_decided < MIN_DECIDED

    @property
    def share_with(self) -> float | None:
        return self.with_bad / self.with_decided if self.with_decided else None

    @property
    def share_without(self) -> float | None:
        return self.without_bad / self.without_decided if self.without_decided else None


# --- the period --------------------------------------------------------------------------------


def period_start(months: int | None, today: dt.date) -> dt.date | None:
    """The first day of a period of `months` months ending today (None: all of it).

    The start day itself belongs to the period. Month arithmetic clips to the month's end:
    one month before March 31 is February 28 (or 29).
    """
    if months is None:
        return None
    return today - relativedelta(months=months)


def _sort_key(sitting: Sitting) -> tuple[dt.date, bool, dt.time, int]:
    time = sitting.time
    if time is None:
        return (sitting.date, False, dt.time.min, sitting.order)
    return (sitting.date, True, time, sitting.order)


def in_period(
    sittings: Iterable[Sitting],
    *,
    today: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[Sitting]:
    """The sittings with since <= date <= until that have happened (date <= today), in order.

    Upcoming interviews never count, whatever `until` says. The order is by date, then time
    (an interview without a time comes before one at 00:00), then `order`.
    """
    last = today if until is None else min(until, today)
    kept = [
        sitting
        for sitting in sittings
        if sitting.date <= last and (since is None or sitting.date >= since)
    ]
    kept.sort(key=_sort_key)
    return kept


# --- labels and the overview -------------------------------------------------------------------


def label(positions: Sequence[int], count: int) -> str:
    """The trend label of a category (DESIGN §8).

    `positions` are the 0-based indexes, in the ordered list of the period's `count` interviews,
    of the interviews that have the category (each once, in any order).

    - once: in exactly one interview;
    - fixed: in two or more, and in none of the last three;
    - improving: in two or more, in at least one of the last three, and its share of interviews
      in the newer half is lower than in the older half (the older half takes the middle
      interview when the count is odd);
    - recurring: any other category in two or more interviews.
    """
    seen = len(positions)
    if seen == 0:
        raise ValueError("a category in no interview has no label")
    if seen > count:
        raise ValueError(f"{seen} positions among {count} interviews")
    if seen == 1:
        return "once"
    if max(positions) < count - RECENT:
        return "fixed"
    older_size = (count + 1) // 2
    newer_size = count - older_size
    older_hits = 0
    for position in positions:
        if position < older_size:
            older_hits += 1
    newer_hits = seen - older_hits
    # newer_hits / newer_size < older_hits / older_size, in integers (both sizes are >= 1 here).
    if newer_hits * older_size < older_hits * newer_size:
        return "improving"
    return "recurring"


def overview(sittings: Sequence[Sitting], names: Mapping[str, str]) -> Overview:
    """Counts, first and last seen and labels of every category with an issue in `sittings`.

    `sittings` are already narrowed to the period and ordered (as `in_period` returns them);
    `names` maps slug -> display name (a slug missing from it is shown as itself).
    """
    positions: dict[str, list[int]] = {}
    issues: dict[str, int] = {}
    total_issues = 0
    uncategorised = 0
    for index, sitting in enumerate(sittings):
        categories = sitting.categories
        total_issues += len(categories)
        for slug in categories:
            if slug is None:
                uncategorised += 1
                continue
            seen = positions.get(slug)
            if seen is None:
                positions[slug] = [index]
                issues[slug] = 1
            else:
                if seen[-1] != index:
                    seen.append(index)
                issues[slug] += 1
    count = len(sittings)
    trends = [
        CategoryTrend(
            slug=slug,
            name=names.get(slug, slug),
            interviews=len(seen),
            issues=issues[slug],
            first_seen=sittings[seen[0]].date,
            last_seen=sittings[seen[-1]].date,
            label=label(seen, count),
            since_last_seen=count - 1 - seen[-1],
        )
        for slug, seen in positions.items()
    ]
    trends.sort(key=lambda trend: (-trend.interviews, -trend.issues, trend.slug))
    return Overview(
        interviews=count, issues=total_issues, uncategorised=uncategorised, categories=trends
    )


def stats_json(overview: Overview) -> dict:
    """The object `interview-journal stats --json` prints (DESIGN §8), keys in contract order."""
    return {
        "interviews": overview.interviews,
        "issues": overview.issues,
        "categories": [
            {
                "slug": trend.slug,
                "name": trend.name,
                "interviews": trend.interviews,
                "issues": trend.issues,
                "first_seen": trend.first_seen.isoformat(),
                "last_seen": trend.last_seen.isoformat(),
                "label": trend.label,
            }
            for trend in overview.categories
        ],
    }


def top_slugs(overview: Overview, n: int = 5) -> list[str]:
    """The `n` categories that touched the most interviews (the overview's own order)."""
    return [trend.slug for trend in overview.categories[: max(n, 0)]]


# --- series for the charts ---------------------------------------------------------------------


def _month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months(start: dt.date | None, today: dt.date, sittings: Sequence[Sitting]) -> list[dt.date]:
    """First days of the months from the period's first month to today's month, no gaps.

    With no start, the period begins with the earliest sitting (today when there is none). A
    start after today is clipped to today, so there is always at least today's month.
    """
    if start is None:
        start = min((sitting.date for sitting in sittings), default=today)
    first, last = _month(min(start, today)), _month(today)
    span = (last.year - first.year) * 12 + (last.month - first.month)
    return [first + relativedelta(months=step) for step in range(span + 1)]


def _month_index(months: list[dt.date]) -> Callable[[dt.date], int | None]:
    """A function giving a date's index in `months`, or None when it falls outside them."""
    if not months:
        return lambda day: None
    first = months[0]
    base = first.year * 12 + first.month - 1
    size = len(months)

    def index(day: dt.date) -> int | None:
        at = day.year * 12 + day.month - 1 - base
        return at if 0 <= at < size else None

    return index


def monthly(
    sittings: Sequence[Sitting], slugs: Sequence[str], *, start: dt.date | None, today: dt.date
) -> MonthlySeries:
    """Per month, how many interviews had each of `slugs` (for the timeline of top categories).

    Sittings outside the months (before the start, after today) are not counted.
    """
    months = _months(start, today, sittings)
    index_of = _month_index(months)
    counts = {slug: [0] * len(months) for slug in slugs}
    for sitting in sittings:
        if not sitting.categories:
            continue
        at = index_of(sitting.date)
        if at is None:
            continue
        for slug in set(sitting.categories):
            row = counts.get(slug) if slug is not None else None
            if row is not None:
                row[at] += 1
    return MonthlySeries(months=months, counts=counts)


def ratings(sittings: Sequence[Sitting]) -> list[tuple[dt.date, int]]:
    """(date, self-rating) of the rated sittings, in the order given."""
    return [(sitting.date, sitting.rating) for sitting in sittings if sitting.rating is not None]


def feelings_by_month(
    sittings: Sequence[Sitting], *, start: dt.date | None, today: dt.date
) -> tuple[list[dt.date], list[int], list[int]]:
    """Months (as in `monthly`), and per month the negative and the positive feelings tagged.

    Each distinct feeling tagged on an interview counts once: an interview tagged
    "disappointed" and "angry" adds two to its month's negative count.
    """
    months = _months(start, today, sittings)
    index_of = _month_index(months)
    negative = [0] * len(months)
    positive = [0] * len(months)
    for sitting in sittings:
        if not sitting.feelings:
            continue
        at = index_of(sitting.date)
        if at is None:
            continue
        for feeling in set(sitting.feelings):
            if feeling in _NEGATIVE:
                negative[at] += 1
            elif feeling in _POSITIVE:
                positive[at] += 1
    return months, negative, positive


# --- what it cost ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    """Everything the trends show of one period, worked out from what was read."""

    start: dt.date | None
    today: dt.date
    sittings: list[Sitting]
    """The interviews of the period that have happened, in order (`in_period`)."""
    overview: Overview
    costs: list[Cost]
    series: MonthlySeries
    """Month by month, the top five categories."""


def period(
    read: Iterable[Sitting], names: Mapping[str, str], *, start: dt.date | None, today: dt.date
) -> Period:
    """The trends of the period from `start` (None: all) to today, from the sittings read."""
    sittings = in_period(read, today=today, since=start)
    overview_ = overview(sittings, names)
    return Period(
        start=start,
        today=today,
        sittings=sittings,
        overview=overview_,
        costs=cost(sittings, overview_),
        series=monthly(sittings, top_slugs(overview_, 5), start=start, today=today),
    )


def cost(sittings: Sequence[Sitting], overview: Overview) -> list[Cost]:
    """Each category of the overview set against outcomes, in the overview's order.

    Only decided interviews count (every outcome but pending); a bad ending is a rejection or
    no response. "With" are the decided interviews that had the category, "without" the rest.
    """
    decided = 0
    bad = 0
    with_decided: dict[str, int] = {}
    with_bad: dict[str, int] = {}
    for sitting in sittings:
        if sitting.outcome not in _DECIDED:
            continue
        is_bad = sitting.outcome in BAD_OUTCOMES
        decided += 1
        bad += is_bad
        for slug in set(sitting.categories):
            if slug is None:
                continue
            with_decided[slug] = with_decided.get(slug, 0) + 1
            if is_bad:
                with_bad[slug] = with_bad.get(slug, 0) + 1
    result = []
    for trend in overview.categories:
        had = with_decided.get(trend.slug, 0)
        had_bad = with_bad.get(trend.slug, 0)
        result.append(
            Cost(
                slug=trend.slug,
                name=trend.name,
                with_decided=had,
                with_bad=had_bad,
                without_decided=decided - had,
                without_bad=bad - had_bad,
            )
        )
    return result


# --- charts ------------------------------------------------------------------------------------


def bucket(values: Sequence[float], width: int) -> list[float]:
    """Shrink a series to at most `width` points by averaging consecutive runs.

    A series already short enough comes back as is (as a list). Otherwise it becomes exactly
    `width` points, each the mean of a run; run lengths differ by at most one.
    """
    size = len(values)
    if size <= width:
        return list(values)
    if width <= 0:
        return []
    result = []
    start = 0
    for step in range(1, width + 1):
        end = step * size // width
        run = values[start:end]
        result.append(sum(run) / len(run))
        start = end
    return result
