"""Tests for interview_journal.core.trends: labels (DESIGN §8), the overview, series and costs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interview_journal.core.taxonomy import BUILTIN_CATEGORIES
from interview_journal.core.trends import (
    CategoryTrend,
    Cost,
    Overview,
    Sitting,
    bucket,
    cost,
    feelings_by_month,
    in_period,
    label,
    monthly,
    overview,
    period_start,
    ratings,
    stats_json,
    top_slugs,
)

D = dt.date
T = dt.time
TODAY = D(2026, 11, 27)
NAMES = {category.slug: category.name for category in BUILTIN_CATEGORIES}

_counter = iter(range(1, 1_000_000))


def sit(
    day: dt.date,
    *categories: str | None,
    time: dt.time | None = None,
    outcome: str = "pending",
    rating: int | None = None,
    feelings: tuple[str, ...] = (),
    order: int = 0,
) -> Sitting:
    return Sitting(
        uuid=f"u{next(_counter)}",
        date=day,
        time=time,
        outcome=outcome,
        rating=rating,
        feelings=feelings,
        categories=tuple(categories),
        order=order,
    )


# --- label -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("positions", "count", "expected"),
    [
        # Exactly one interview is "once", wherever it is and however long the list.
        ([0], 1, "once"),
        ([3], 10, "once"),
        ([9], 10, "once"),
        # count 10: the last three are 7, 8, 9. At 2 and 5: both older than those -> fixed.
        ([2, 5], 10, "fixed"),
        ([1, 6], 10, "fixed"),
        # At 2 and 7: 7 is the third-to-last, so not fixed. Halves 0-4 / 5-9: 1/5 vs 1/5 -> equal
        # shares -> recurring.
        ([2, 7], 10, "recurring"),
        # At 0, 1, 7: older 2/5, newer 1/5 -> improving.
        ([0, 1, 7], 10, "improving"),
        # count 3: every interview is one of the last three, so never fixed. Older half = 0, 1
        # (it takes the middle one), newer = 2.
        ([0, 1], 3, "improving"),  # older 2/2, newer 0/1
        ([0, 2], 3, "recurring"),  # older 1/2, newer 1/1
        ([1, 2], 3, "recurring"),  # older 1/2, newer 1/1
        ([0, 1, 2], 3, "recurring"),  # older 2/2, newer 1/1: equal
        # count 2: older = 0, newer = 1: 1/1 vs 1/1 -> recurring.
        ([0, 1], 2, "recurring"),
        # count 4: older 0, 1; newer 2, 3; last three 1, 2, 3.
        ([0, 1], 4, "improving"),  # 1 is among the last three; older 2/2, newer 0/2
        ([0, 3], 4, "recurring"),  # 1/2 vs 1/2
        ([0, 2], 4, "recurring"),  # 1/2 vs 1/2
        ([1, 2, 3], 4, "recurring"),  # older 1/2, newer 2/2
        # count 5: older 0, 1, 2 (the middle one, 2, is older); newer 3, 4; last three 2, 3, 4.
        ([0, 2, 4], 5, "improving"),  # older 2/3, newer 1/2: 1/2 < 2/3
        ([0, 3, 4], 5, "recurring"),  # older 1/3, newer 2/2
        ([0, 1], 5, "fixed"),  # both before index 2
        ([0, 2], 5, "improving"),  # 2 is third-to-last; older 2/3, newer 0/2
        # count 6: older 0, 1, 2; newer 3, 4, 5 = the last three.
        ([0, 1, 2], 6, "fixed"),
        ([0, 1, 3], 6, "improving"),  # 2/3 vs 1/3
        ([0, 3], 6, "recurring"),  # 1/3 vs 1/3
        ([2, 3, 4, 5], 6, "recurring"),  # 1/3 vs 3/3
        # count 7: older 0, 1, 2, 3 (3 is the middle); newer 4, 5, 6 = the last three.
        ([0, 1, 3], 7, "fixed"),
        ([0, 1, 4], 7, "improving"),  # older 2/4 = 1/2, newer 1/3
        ([0, 3, 4], 7, "improving"),  # older 2/4, newer 1/3 (with the middle in the newer half
        #                               it would be 1/3 vs 2/4 -> recurring)
        ([0, 4], 7, "recurring"),  # older 1/4, newer 1/3
        ([3, 4], 7, "recurring"),  # older 1/4, newer 1/3
        ([0, 1, 2, 3, 4, 5, 6], 7, "recurring"),  # 4/4 vs 3/3: equal
        ([0, 1, 2, 3, 4, 5], 7, "improving"),  # 4/4 vs 2/3
    ],
)
def test_label_edges(positions: list[int], count: int, expected: str) -> None:
    assert label(positions, count) == expected


def test_label_ignores_the_order_of_positions() -> None:
    assert label([4, 0, 2], 5) == label([0, 2, 4], 5) == "improving"
    assert label((5, 2), 10) == "fixed"


def test_label_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        label([], 5)
    with pytest.raises(ValueError):
        label([0, 1, 2], 2)


# --- period ------------------------------------------------------------------------------------


def test_period_start() -> None:
    assert period_start(None, TODAY) is None
    assert period_start(3, TODAY) == D(2026, 8, 27)
    assert period_start(6, TODAY) == D(2026, 5, 27)
    assert period_start(12, TODAY) == D(2025, 11, 27)
    # Month arithmetic clips to the end of a shorter month.
    assert period_start(1, D(2026, 3, 31)) == D(2026, 2, 28)
    assert period_start(1, D(2024, 3, 31)) == D(2024, 2, 29)
    assert period_start(3, D(2026, 1, 31)) == D(2025, 10, 31)


def _period_fixture() -> dict[str, Sitting]:
    return {
        "a": sit(D(2026, 11, 27), time=T(9, 0), order=5),
        "b": sit(D(2026, 11, 27), time=None, order=9),  # no time: before 00:00
        "c": sit(D(2026, 11, 27), time=T(0, 0), order=1),
        "d": sit(D(2026, 11, 28), order=0),  # upcoming
        "e": sit(D(2026, 10, 1), time=T(15, 0), order=2),
        "f": sit(D(2026, 10, 1), time=T(15, 0), order=1),  # same date and time: order decides
        "g": sit(D(2026, 9, 30), time=T(23, 0)),
    }


def _keys(sittings: dict[str, Sitting], kept: list[Sitting]) -> str:
    back = {sitting.uuid: key for key, sitting in sittings.items()}
    return "".join(back[sitting.uuid] for sitting in kept)


def test_in_period_orders_by_date_time_and_order() -> None:
    s = _period_fixture()
    assert _keys(s, in_period(s.values(), today=TODAY)) == "gfebca"
    assert _keys(s, in_period(reversed(list(s.values())), today=TODAY)) == "gfebca"


def test_in_period_never_counts_upcoming_ones() -> None:
    s = _period_fixture()
    kept = in_period(s.values(), today=TODAY, until=D(2026, 12, 31))
    assert _keys(s, kept) == "gfebca"
    # The day after: d has happened.
    assert _keys(s, in_period(s.values(), today=D(2026, 11, 28))) == "gfebcad"


def test_in_period_bounds_are_inclusive() -> None:
    s = _period_fixture()
    assert _keys(s, in_period(s.values(), today=TODAY, since=D(2026, 10, 1))) == "febca"
    assert _keys(s, in_period(s.values(), today=TODAY, until=D(2026, 10, 1))) == "gfe"
    both = in_period(s.values(), today=TODAY, since=D(2026, 10, 1), until=D(2026, 10, 1))
    assert _keys(s, both) == "fe"
    assert in_period(s.values(), today=TODAY, since=D(2026, 10, 2), until=D(2026, 10, 3)) == []
    assert in_period([], today=TODAY) == []


# --- overview ----------------------------------------------------------------------------------

# Ordered (index: date, issues' categories):
#   0: 01-10 rambling, rambling, punctuality
#   1: 02-05 rambling, None, blanked
#   2: 03-15 punctuality, punctuality, blanked
#   3: 04-20 (no issue)
#   4: 06-01 rambling, listening
#   5: 07-07 blanked, blanked, None
#   6: 09-09 attire, company-research
#   7: 11-01 listening, rambling
#   upcoming 12-01: honesty (never counted)
# count 8; older half 0-3, newer half 4-7; last three 5, 6, 7.
# rambling   at 0,1,4,7 -> 4 interviews, 5 issues; 2/4 vs 2/4 -> recurring; since last seen 0
# blanked    at 1,2,5   -> 3 interviews, 4 issues; 2/4 vs 1/4 -> improving; since last seen 2
# punctuality at 0,2    -> 2 interviews, 3 issues; none of 5,6,7 -> fixed; since last seen 5
# listening  at 4,7     -> 2 interviews, 2 issues; 0/4 vs 2/4 -> recurring; since last seen 0
# attire, company-research at 6 -> once, 1 issue each; since last seen 1
# Issues: 3+3+3+0+2+3+2+2 = 18, of which 2 uncategorised; 5+4+3+2+1+1 = 16 categorised.
# Sort: rambling (4), blanked (3), punctuality (2, 3 issues) before listening (2, 2 issues),
# then attire before company-research (same counts: by slug).
OVERVIEW_SITTINGS = [
    sit(D(2026, 7, 7), "blanked", "blanked", None, outcome="rejected"),
    sit(D(2026, 1, 10), "rambling", "punctuality", "rambling", outcome="rejected"),
    sit(D(2026, 12, 1), "honesty"),
    sit(D(2026, 3, 15), "punctuality", "blanked", "punctuality", outcome="offer"),
    sit(D(2026, 11, 1), "listening", "rambling"),
    sit(D(2026, 2, 5), None, "blanked", "rambling", outcome="no-response"),
    sit(D(2026, 4, 20), outcome="advanced"),
    sit(D(2026, 9, 9), "company-research", "attire", outcome="withdrawn"),
    sit(D(2026, 6, 1), "rambling", "listening", outcome="rejected"),
]


def test_overview_worked_example() -> None:
    sittings = in_period(OVERVIEW_SITTINGS, today=TODAY)
    result = overview(sittings, NAMES)
    assert result.interviews == 8
    assert result.issues == 18
    assert result.uncategorised == 2
    assert result.categories == [
        CategoryTrend(
            "rambling", NAMES["rambling"], 4, 5, D(2026, 1, 10), D(2026, 11, 1), "recurring", 0
        ),
        CategoryTrend(
            "blanked", NAMES["blanked"], 3, 4, D(2026, 2, 5), D(2026, 7, 7), "improving", 2
        ),
        CategoryTrend(
            "punctuality", NAMES["punctuality"], 2, 3, D(2026, 1, 10), D(2026, 3, 15), "fixed", 5
        ),
        CategoryTrend(
            "listening", NAMES["listening"], 2, 2, D(2026, 6, 1), D(2026, 11, 1), "recurring", 0
        ),
        CategoryTrend("attire", NAMES["attire"], 1, 1, D(2026, 9, 9), D(2026, 9, 9), "once", 1),
        CategoryTrend(
            "company-research",
            NAMES["company-research"],
            1,
            1,
            D(2026, 9, 9),
            D(2026, 9, 9),
            "once",
            1,
        ),
    ]
    assert "honesty" not in {trend.slug for trend in result.categories}


def test_overview_of_a_narrower_period() -> None:
    # From June on: 06-01 (rambling, listening), 07-07 (blanked x2, None), 09-09 (attire,
    # company-research), 11-01 (listening, rambling). Count 4; older 0, 1; last three 1, 2, 3.
    # listening and rambling at 0, 3: 1/2 vs 1/2 -> recurring. The rest: once.
    sittings = in_period(OVERVIEW_SITTINGS, today=TODAY, since=D(2026, 6, 1))
    result = overview(sittings, NAMES)
    assert (result.interviews, result.issues, result.uncategorised) == (4, 9, 1)
    assert [(t.slug, t.interviews, t.issues, t.label) for t in result.categories] == [
        ("listening", 2, 2, "recurring"),
        ("rambling", 2, 2, "recurring"),
        ("blanked", 1, 2, "once"),
        ("attire", 1, 1, "once"),
        ("company-research", 1, 1, "once"),
    ]


def test_overview_names_fall_back_to_the_slug() -> None:
    result = overview([sit(D(2026, 1, 1), "whiteboard")], {})
    assert result.categories[0].name == "whiteboard"


def test_overview_empty() -> None:
    assert overview([], NAMES) == Overview(0, 0, 0, [])
    only_uncategorised = overview([sit(D(2026, 1, 1), None, None), sit(D(2026, 1, 2))], NAMES)
    assert only_uncategorised == Overview(2, 2, 2, [])


def test_dataclasses_are_frozen() -> None:
    trend = overview([sit(D(2026, 1, 1), "attire")], NAMES).categories[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        trend.label = "fixed"  # type: ignore[misc]


# --- stats --json ------------------------------------------------------------------------------


def test_stats_json_exact() -> None:
    # 03-01: rambling, None; 03-02: rambling, attire. Count 2: rambling at 0, 1 -> 1/1 vs 1/1 ->
    # recurring; attire once. Issues: 4 (the uncategorised one included).
    sittings = in_period(
        [sit(D(2026, 3, 2), "attire", "rambling"), sit(D(2026, 3, 1), "rambling", None)],
        today=TODAY,
    )
    data = stats_json(overview(sittings, NAMES))
    assert data == {
        "interviews": 2,
        "issues": 4,
        "categories": [
            {
                "slug": "rambling",
                "name": "Rambling / nerves / lost focus",
                "interviews": 2,
                "issues": 2,
                "first_seen": "2026-03-01",
                "last_seen": "2026-03-02",
                "label": "recurring",
            },
            {
                "slug": "attire",
                "name": "Dressed inappropriately",
                "interviews": 1,
                "issues": 1,
                "first_seen": "2026-03-02",
                "last_seen": "2026-03-02",
                "label": "once",
            },
        ],
    }
    assert list(data) == ["interviews", "issues", "categories"]
    keys = ["slug", "name", "interviews", "issues", "first_seen", "last_seen", "label"]
    assert all(list(category) == keys for category in data["categories"])
    assert json.loads(json.dumps(data)) == data


def test_stats_json_empty() -> None:
    assert stats_json(overview([], NAMES)) == {"interviews": 0, "issues": 0, "categories": []}
    assert json.dumps(stats_json(overview([], NAMES)))


def test_top_slugs() -> None:
    result = overview(in_period(OVERVIEW_SITTINGS, today=TODAY), NAMES)
    assert top_slugs(result) == ["rambling", "blanked", "punctuality", "listening", "attire"]
    assert top_slugs(result, 2) == ["rambling", "blanked"]
    assert top_slugs(result, 10) == [trend.slug for trend in result.categories]
    assert top_slugs(result, 0) == []


# --- monthly -----------------------------------------------------------------------------------


def test_monthly_counts_interviews_and_keeps_empty_months() -> None:
    # Jan: two interviews with rambling (one of them has it twice: still one interview), one
    # with attire. April: attire. Feb, Mar, May: nothing.
    sittings = [
        sit(D(2026, 1, 15), "rambling"),
        sit(D(2026, 1, 20), "rambling", "rambling", "attire", None),
        sit(D(2026, 4, 2), "attire"),
    ]
    series = monthly(
        sittings, ["rambling", "attire", "blanked"], start=D(2026, 1, 1), today=D(2026, 5, 10)
    )
    assert series.months == [D(2026, month, 1) for month in range(1, 6)]
    assert series.counts == {
        "rambling": [2, 0, 0, 0, 0],
        "attire": [1, 0, 0, 1, 0],
        "blanked": [0, 0, 0, 0, 0],
    }


def test_monthly_across_a_year_boundary() -> None:
    sittings = [sit(D(2025, 12, 31), "attire"), sit(D(2026, 1, 1), "attire")]
    series = monthly(sittings, ["attire"], start=D(2025, 11, 20), today=D(2026, 2, 3))
    assert series.months == [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]
    assert series.counts == {"attire": [0, 1, 1, 0]}


def test_monthly_from_january_31() -> None:
    # Adding one month to Jan 31 naively lands on Feb 28 or Mar 3; the months are Jan, Feb, Mar.
    start = period_start(2, D(2026, 3, 31))
    assert start == D(2026, 1, 31)
    sittings = [sit(D(2026, 1, 31), "rambling"), sit(D(2026, 2, 28), "rambling")]
    series = monthly(sittings, ["rambling"], start=start, today=D(2026, 3, 31))
    assert series.months == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert series.counts == {"rambling": [1, 1, 0]}


def test_monthly_without_start_begins_with_the_first_sitting() -> None:
    sittings = [sit(D(2025, 12, 15), "attire"), sit(D(2026, 2, 1), "attire")]
    series = monthly(sittings, ["attire"], start=None, today=D(2026, 3, 5))
    assert series.months == [D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert series.counts == {"attire": [1, 0, 1, 0]}
    empty = monthly([], ["attire"], start=None, today=D(2026, 3, 5))
    assert empty.months == [D(2026, 3, 1)]
    assert empty.counts == {"attire": [0]}


def test_monthly_ignores_sittings_outside_the_months() -> None:
    sittings = [sit(D(2025, 12, 31), "attire"), sit(D(2026, 2, 1), "attire")]
    series = monthly(sittings, ["attire"], start=D(2026, 1, 1), today=D(2026, 1, 31))
    assert series.months == [D(2026, 1, 1)]
    assert series.counts == {"attire": [0]}


def test_ratings_and_feelings_by_month() -> None:
    sittings = [
        sit(D(2026, 1, 5), rating=2, feelings=("disappointed", "angry")),
        sit(D(2026, 1, 9), feelings=("self-doubt", "hopeful")),
        sit(D(2026, 3, 1), rating=4, feelings=("relieved", "confident")),
    ]
    assert ratings(sittings) == [(D(2026, 1, 5), 2), (D(2026, 3, 1), 4)]
    # Jan: disappointed, angry, self-doubt (3 negative), hopeful (1 positive). Feb: none.
    # Mar: relieved, confident (2 positive).
    months, negative, positive = feelings_by_month(sittings, start=None, today=D(2026, 3, 20))
    assert months == [D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1)]
    assert negative == [3, 0, 0]
    assert positive == [1, 0, 2]


# --- what it cost ------------------------------------------------------------------------------


def test_cost_worked_example() -> None:
    # decided: every outcome but pending; bad: rejected or no-response.
    #   1 rambling            rejected     decided, bad
    #   2 rambling            no-response  decided, bad
    #   3 rambling, attire    offer        decided
    #   4 rambling, blanked   pending      not decided
    #   5 (none)              rejected     decided, bad
    #   6 attire              advanced     decided
    #   7 None                withdrawn    decided
    #   8 (none)              offer        decided
    # 7 decided, 3 bad.
    # rambling: with 1, 2, 3 -> 3 decided, 2 bad; without 5, 6, 7, 8 -> 4 decided, 1 bad.
    # attire: with 3, 6 -> 2 decided, 0 bad; without 1, 2, 5, 7, 8 -> 5 decided, 3 bad.
    # blanked: only in the pending one -> 0 decided; without: all 7, 3 bad.
    sittings = in_period(
        [
            sit(D(2026, 1, 1), "rambling", outcome="rejected"),
            sit(D(2026, 1, 2), "rambling", outcome="no-response"),
            sit(D(2026, 1, 3), "rambling", "attire", outcome="offer"),
            sit(D(2026, 1, 4), "rambling", "blanked", outcome="pending"),
            sit(D(2026, 1, 5), outcome="rejected"),
            sit(D(2026, 1, 6), "attire", outcome="advanced"),
            sit(D(2026, 1, 7), None, outcome="withdrawn"),
            sit(D(2026, 1, 8), outcome="offer"),
        ],
        today=TODAY,
    )
    result = cost(sittings, overview(sittings, NAMES))
    assert result == [
        Cost("rambling", NAMES["rambling"], 3, 2, 4, 1),
        Cost("attire", NAMES["attire"], 2, 0, 5, 3),
        Cost("blanked", NAMES["blanked"], 0, 0, 7, 3),
    ]
    rambling, attire, blanked = result
    assert not rambling.too_few
    assert rambling.share_with == pytest.approx(2 / 3)
    assert rambling.share_without == pytest.approx(1 / 4)
    assert attire.too_few  # only 2 decided interviews with it
    assert attire.share_with == 0.0
    assert attire.share_without == pytest.approx(3 / 5)
    assert blanked.too_few
    assert blanked.share_with is None
    assert blanked.share_without == pytest.approx(3 / 7)


def test_cost_too_few_on_the_without_side() -> None:
    # Four decided interviews, all with rambling: nothing to compare against.
    sittings = [sit(D(2026, 1, day), "rambling", outcome="rejected") for day in range(1, 5)]
    (only,) = cost(sittings, overview(sittings, NAMES))
    assert (only.with_decided, only.with_bad, only.without_decided, only.without_bad) == (
        4,
        4,
        0,
        0,
    )
    assert only.too_few
    assert only.share_with == 1.0
    assert only.share_without is None


def test_cost_counts_each_interview_once() -> None:
    # Three issues of one category in one interview are still one interview with it.
    sittings = [sit(D(2026, 1, 1), "attire", "attire", "attire", outcome="rejected")]
    assert cost(sittings, overview(sittings, NAMES)) == [
        Cost("attire", NAMES["attire"], 1, 1, 0, 0)
    ]


def test_cost_boundary_of_too_few() -> None:
    assert not Cost("x", "x", 3, 0, 3, 0).too_few
    assert Cost("x", "x", 2, 0, 3, 0).too_few
    assert Cost("x", "x", 3, 0, 2, 0).too_few


# --- bucket ------------------------------------------------------------------------------------


def test_bucket_short_series_come_back_as_is() -> None:
    assert bucket([1.0, 2.0, 3.0], 5) == [1.0, 2.0, 3.0]
    assert bucket([1.0, 2.0, 3.0], 3) == [1.0, 2.0, 3.0]
    assert bucket([], 3) == []
    assert bucket([], 0) == []


def test_bucket_averages_runs() -> None:
    assert bucket([1, 2, 3, 4, 5, 6], 3) == [1.5, 3.5, 5.5]
    # 7 into 3: runs end at 7*1//3 = 2, 7*2//3 = 4, 7 -> [1, 2], [3, 4], [5, 6, 7].
    assert bucket([1, 2, 3, 4, 5, 6, 7], 3) == [1.5, 3.5, 6.0]
    assert bucket([1, 2, 3, 4], 1) == [2.5]
    assert bucket([1, 2, 3], 0) == []
    assert len(bucket([float(x) for x in range(365)], 80)) == 80


@given(st.lists(st.floats(-1e6, 1e6), max_size=400), st.integers(0, 120))
def test_bucket_properties(values: list[float], width: int) -> None:
    result = bucket(values, width)
    assert len(result) == min(len(values), width)
    if len(values) <= width:
        assert result == values
    elif result:
        # Every point is the mean of some values: within their range.
        assert min(values) - 1e-6 <= min(result)
        assert max(result) <= max(values) + 1e-6


# --- properties ----------------------------------------------------------------------------------

SLUGS = ["rambling", "blanked", "attire", "listening", "punctuality", "whiteboard"]

sittings_strategy = st.lists(
    st.builds(
        Sitting,
        uuid=st.uuids().map(str),
        date=st.dates(D(2024, 1, 1), D(2026, 12, 31)),  # some after TODAY: upcoming
        time=st.none() | st.times(),
        outcome=st.sampled_from(
            ["pending", "advanced", "offer", "rejected", "withdrawn", "no-response"]
        ),
        rating=st.none() | st.integers(1, 5),
        feelings=st.just(()),
        categories=st.lists(st.none() | st.sampled_from(SLUGS), max_size=6).map(tuple),
        order=st.integers(0, 1000),
    ),
    max_size=40,
)


def brute_label(flags: list[bool]) -> str:
    """§8 again, by slicing the ordered list of interviews (True: it has the category)."""
    assert any(flags)
    if flags.count(True) == 1:
        return "once"
    if True not in flags[-3:]:
        return "fixed"
    half = math.ceil(len(flags) / 2)
    older, newer = flags[:half], flags[half:]
    if Fraction(newer.count(True), len(newer)) < Fraction(older.count(True), len(older)):
        return "improving"
    return "recurring"


@given(st.integers(1, 30).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(0, n - 1)))))
def test_label_agrees_with_brute_force(case: tuple[int, set[int]]) -> None:
    count, positions = case
    if not positions:
        return
    flags = [index in positions for index in range(count)]
    assert label(sorted(positions), count) == brute_label(flags)


@settings(max_examples=300)
@given(sittings_strategy, st.none() | st.dates(D(2024, 1, 1), D(2026, 12, 31)))
def test_overview_properties(raw: list[Sitting], since: dt.date | None) -> None:
    sittings = in_period(raw, today=TODAY, since=since)
    assert all(s.date <= TODAY and (since is None or s.date >= since) for s in sittings)
    result = overview(sittings, NAMES)

    assert result.interviews == len(sittings)
    assert result.issues == sum(len(s.categories) for s in sittings)
    assert result.uncategorised == sum(s.categories.count(None) for s in sittings)
    assert sum(t.issues for t in result.categories) + result.uncategorised == result.issues

    present = {slug for s in sittings for slug in s.categories if slug is not None}
    assert {t.slug for t in result.categories} == present  # every category with issues, once
    assert len(result.categories) == len(present)

    for trend in result.categories:
        flags = [trend.slug in s.categories for s in sittings]
        dates = [s.date for s in sittings if trend.slug in s.categories]
        assert trend.label in ("once", "fixed", "improving", "recurring")
        assert (trend.label == "once") == (trend.interviews == 1)
        assert trend.interviews == flags.count(True) <= result.interviews
        assert trend.issues == sum(s.categories.count(trend.slug) for s in sittings)
        assert trend.first_seen == min(dates) <= trend.last_seen == max(dates)
        assert trend.since_last_seen == flags[::-1].index(True)
        assert trend.label == brute_label(flags)
        assert trend.name == NAMES.get(trend.slug, trend.slug)

    keys = [(-t.interviews, -t.issues, t.slug) for t in result.categories]
    assert keys == sorted(keys)

    costs = cost(sittings, result)
    assert [c.slug for c in costs] == [t.slug for t in result.categories]
    decided = [s for s in sittings if s.outcome != "pending"]
    for item in costs:
        assert item.with_decided + item.without_decided == len(decided)
        assert item.with_bad <= item.with_decided
        assert item.without_bad <= item.without_decided

    slugs = top_slugs(result, 3)
    series = monthly(sittings, slugs, start=since, today=TODAY)
    assert series.months[-1] == D(2026, 11, 1)
    assert all(b > a for a, b in zip(series.months, series.months[1:], strict=False))
    for slug in slugs:
        trend = next(t for t in result.categories if t.slug == slug)
        assert sum(series.counts[slug]) == trend.interviews


@given(sittings_strategy, st.dates(D(2024, 1, 1), D(2026, 12, 31)))
def test_in_period_is_sorted_and_complete(raw: list[Sitting], until: dt.date) -> None:
    kept = in_period(raw, today=TODAY, until=until)
    expected = [s for s in raw if s.date <= min(until, TODAY)]
    assert sorted(s.uuid for s in kept) == sorted(s.uuid for s in expected)
    for a, b in zip(kept, kept[1:], strict=False):
        assert a.date <= b.date
        if a.date == b.date:
            if a.time is not None:
                assert b.time is not None and a.time <= b.time
            if a.time == b.time:
                assert a.order <= b.order
