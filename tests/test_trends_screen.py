"""The trends screen, driven by keys on the demo journal and on the hand-worked fixture."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from textual.widgets import DataTable

from interview_journal.core import exchange
from interview_journal.core.model import Interview, Issue
from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.category_issues import CategoryIssuesScreen
from interview_journal.tui.screens.trends import TrendsScreen
from interview_journal.tui.widgets.interview_list import InterviewList
from interview_journal.tui.widgets.issue_editor import IssueEditor

from .conftest import palette_offers, until

FIXTURE = Path(__file__).parent / "fixtures" / "trends.json"
TODAY = dt.date(2025, 8, 1)  # a week after the fixture's last past interview
SIZE = (130, 40)


def fixture_journal(tmp_path: Path):
    journal = open_journal(tmp_path / "journal.db")
    categories, records, _ = exchange.loads(FIXTURE.read_text())
    journal.import_records(categories, records)
    return journal


def rows(app: JournalApp) -> dict[str, tuple[str, ...]]:
    table = app.screen.query_one("#categories", DataTable)
    return {key.value: tuple(str(cell) for cell in table.get_row(key)) for key in table.rows}


async def test_trends_show_the_same_numbers_as_stats(tmp_path: Path) -> None:
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen)
        shown = rows(app)
        assert list(shown) == ["rambling", "blanked", "punctuality", "attire"]
        assert shown["rambling"][1:4] == ("improving", "4", "5")
        assert shown["punctuality"][1] == "fixed"
        assert shown["punctuality"][6] == "5"  # five interviews since it was last seen
        assert "7 interviews · 11 issues" in app.screen.sub_title


async def test_the_period_filter_changes_the_numbers(tmp_path: Path) -> None:
    """3 months back from 2025-08-01 is 2025-05-01: #4 #5 #6 only."""
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        shown = rows(app)
        assert set(shown) == {"blanked", "rambling", "attire"}
        assert all(row[1] == "once" for row in shown.values())
        assert "3 months · 3 interviews" in app.screen.sub_title
        await pilot.press("a")
        await pilot.pause()
        assert len(rows(app)) == 4


async def test_a_large_category_lists_its_latest_issues_and_says_how_many_there_are(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On 10,000 interviews, opening a category of 7,164 issues froze the screen for 3 s: the
    drill-down reads the latest few, and its title says how many there are in all."""
    monkeypatch.setattr("interview_journal.tui.screens.trends.DRILL_DOWN_ROWS", 2)
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # rambling: five issues
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, CategoryIssuesScreen)
        assert [interview.date for interview, _ in drill.rows] == [
            dt.date(2025, 6, 10),
            dt.date(2025, 4, 10),
        ]
        text = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "5 issues, the latest 2" in text


async def test_drill_down_lists_the_issues_and_jumps_to_the_interview(tmp_path: Path) -> None:
    journal = fixture_journal(tmp_path)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # the first row: rambling
        await pilot.pause()
        drill = app.screen
        assert isinstance(drill, CategoryIssuesScreen)
        text = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Problem 6.0" in text and "Answer 6.0" in text  # the user's own solution
        assert len(drill.rows) == 5  # the five rambling issues, newest interview first
        assert drill.rows[0][0].date == dt.date(2025, 6, 10)
        await pilot.press("j", "enter")  # the second: 2025-04-10, Company 4
        await pilot.pause(0.2)
        assert app.current_mode == "journal"
        selected = app.screen.query_one(InterviewList).highlighted.interview
        assert selected.company == "Company 4"
        assert app.screen.query_one(IssueEditor).issue.problem == "Problem 4.0"


async def test_an_empty_journal_explains_instead_of_drawing(tmp_path: Path) -> None:
    app = JournalApp(journal=open_journal(tmp_path / "empty.db"), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert not app.screen.query_one("#trends-main").display
        empty = str(app.screen.query_one("#trends-empty").render())
        assert "Trends need a few interviews" in empty
        await pilot.press("escape")
        assert app.current_mode == "journal"


async def test_j_and_k_move_in_the_category_table(tmp_path: Path) -> None:
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("j", "j", "k", "enter")  # the second row: blanked
        await pilot.pause()
        assert isinstance(app.screen, CategoryIssuesScreen)
        assert app.screen.category_name.startswith("Blanked")


async def test_enter_in_what_it_cost_opens_that_category_and_help_says_enter(
    tmp_path: Path,
) -> None:
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        cost = app.screen.query_one("#cost", DataTable)
        cost.focus()
        await pilot.press("j")
        await pilot.pause()
        slug = cost.coordinate_to_cell_key(cost.cursor_coordinate).row_key.value
        name = next(c.name for c in app.screen.overview.categories if c.slug == slug)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CategoryIssuesScreen)
        assert app.screen.category_name == name
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        text = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Its issues" in text


def test_counts_agree_with_their_nouns() -> None:
    from interview_journal.core.text import counted

    assert [counted(n, "interview") for n in (0, 1, 2)] == [
        "0 interviews",
        "1 interview",
        "2 interviews",
    ]


@pytest.mark.parametrize("mode_key", ["t", "r"])
async def test_the_command_palette_acts_from_trends_and_review(
    tmp_path: Path, mode_key: str
) -> None:
    """Choosing "New interview" in the palette on Trends or Review opens the form, over the
    journal."""
    from interview_journal.tui.screens.interview_form import InterviewForm

    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(mode_key)
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"New interview")
        await until(pilot, lambda: palette_offers(app, "New interview"))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.current_mode == "journal"
        assert isinstance(app.screen, InterviewForm)


async def test_the_command_palette_finds_an_interview_from_trends(tmp_path: Path) -> None:
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Company 4")
        await until(pilot, lambda: palette_offers(app, "Company 4"))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.current_mode == "journal"
        assert app.screen.query_one(InterviewList).highlighted.interview.company == "Company 4"


async def test_coming_back_to_trends_shows_what_changed_meanwhile(tmp_path: Path) -> None:
    """What trends read is kept while they are on show (a resize draws it again, unread), and
    read again once the user comes back: an interview saved meanwhile, here by another window,
    is counted."""
    app = JournalApp(journal=fixture_journal(tmp_path), today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert "7 interviews · 11 issues" in app.screen.sub_title
        await pilot.press("escape")
        await pilot.pause()
        with open_journal(tmp_path / "journal.db") as other:
            saved = other.add_interview(Interview(company="Globex", date=TODAY))
            other.add_issue(
                Issue(problem="Late again", category="punctuality", interview_uuid=saved.uuid)
            )
        await pilot.press("t")
        for _ in range(50):  # the read is in a thread
            await pilot.pause(0.02)
            if "8 interviews" in app.screen.sub_title:
                break
        assert "8 interviews · 12 issues" in app.screen.sub_title
        assert rows(app)["punctuality"][1] != "fixed"  # it came back
