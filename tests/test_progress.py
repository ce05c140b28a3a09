"""The progress panel of the trends screen (issue 14): what stopped coming back, how long since
an avoidable mistake, what a year ago held that the last six months do not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from interview_journal.core import trends
from interview_journal.core.progress import progress
from interview_journal.tui.app import JournalApp
from interview_journal.tui.widgets.progress import ProgressPanel, progress_text

from .conftest import until
from .test_trends_screen import SIZE, TODAY, fixture_journal

NAMES = {"late": "Late", "attire": "Dressed wrong", "ramble": "Rambling"}


def figures(today: dt.date, *interviews: tuple[dt.date, tuple[str, ...]]) -> trends.Period:
    sittings = [
        trends.Sitting(str(n), day, None, "rejected", None, (), slugs, n)
        for n, (day, slugs) in enumerate(interviews)
    ]
    return trends.period(sittings, NAMES, start=None, today=today)


def test_fixed_mistakes_and_the_interviews_since_an_avoidable_one() -> None:
    today = dt.date(2026, 6, 1)
    days = [today - dt.timedelta(days=10 * n) for n in range(6, 0, -1)]
    moving = progress(
        figures(
            today,
            (days[0], ("late", "attire")),
            (days[1], ("late",)),
            (days[2], ("ramble",)),
            (days[3], ("ramble",)),
            (days[4], ("ramble",)),
            (days[5], ("ramble",)),
        ),
        {"attire"},
    )
    assert [(fixed.name, fixed.since) for fixed in moving.fixed] == [("Late", 4)]
    assert moving.since_avoidable == 5
    text = progress_text(moving).plain
    assert "5 interviews since an avoidable mistake." in text
    assert "Fixed, not seen in your last 4 interviews: Late." in text
    assert "indefensible" not in text


def test_the_latest_interview_with_an_avoidable_mistake_points_to_the_checklist() -> None:
    today = dt.date(2026, 6, 1)
    moving = progress(figures(today, (today, ("attire",))), {"attire"})
    assert moving.since_avoidable == 0
    assert "briefing (r)" in progress_text(moving).plain


def test_a_year_ago_lists_what_the_last_six_months_no_longer_have() -> None:
    today = dt.date(2026, 6, 1)
    year_ago = dt.date(2025, 6, 1)
    moving = progress(
        figures(
            today,
            (year_ago, ("late", "ramble")),
            (today - dt.timedelta(days=30), ("ramble",)),
        ),
        set(),
    )
    assert moving.year_ago == ["Late"]
    assert "A year ago: Late. Not once in the last six months." in progress_text(moving).plain


def test_nothing_recent_to_judge_by_says_nothing_of_a_year_ago() -> None:
    today = dt.date(2026, 6, 1)
    moving = progress(figures(today, (dt.date(2025, 6, 1), ("late",))), set())
    assert moving.year_ago == []
    assert moving.empty
    assert progress_text(moving).plain == "Progress shows here as mistakes stop coming back."


async def test_the_trends_screen_shows_the_progress_of_the_journal(tmp_path: Path) -> None:
    """The fixture: punctuality fixed (not in the last five), attire in the latest interview."""
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        panel = app.screen.query_one(ProgressPanel)
        await until(pilot, lambda: "Fixed" in str(panel.render()))
        shown = str(panel.render())
        assert "Fixed, not seen in your last 5 interviews: Late / timing." in shown
        assert "Your latest interview had an avoidable mistake" in shown


def test_an_interview_not_sorted_yet_counts_for_nothing() -> None:
    """Its brain dump may hold an avoidable mistake: until its issues are written, it neither
    adds to the count nor resets it."""
    today = dt.date(2026, 6, 1)
    moving = progress(
        figures(
            today,
            (today - dt.timedelta(days=20), ("attire",)),
            (today - dt.timedelta(days=10), ("ramble",)),
            (today - dt.timedelta(days=1), ()),  # yesterday's, nothing written yet
        ),
        {"attire"},
    )
    assert moving.since_avoidable == 1


def test_many_fixed_mistakes_are_named_three_and_counted() -> None:
    today = dt.date(2026, 6, 1)
    slugs = ("late", "attire", "ramble", "a", "b")
    old = [(today - dt.timedelta(days=100 + n), slugs) for n in range(2)]
    new = [(today - dt.timedelta(days=n), ("c",)) for n in range(1, 4)]
    text = progress_text(progress(figures(today, *old, *new), set())).plain
    assert text.endswith(": a, Dressed wrong, b and 2 more.")  # in the trends' order
