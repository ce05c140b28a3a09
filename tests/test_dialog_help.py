"""`?` in a dialog shows the dialog's keys; in a text field it is a question mark."""

from __future__ import annotations

from textual.widgets import Input

from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.composer import ComposerScreen
from interview_journal.tui.screens.follow_ups import FollowUpsScreen
from interview_journal.tui.screens.help import HelpScreen
from interview_journal.tui.screens.positives import PositivesScreen

from .conftest import TODAY, add_acme

SIZE = (100, 40)


def said(screen: HelpScreen) -> tuple[list[str], list[str]]:
    """The help's headings and what its rows say the keys do."""
    titles = [title for title, _rows in screen.sections]
    rows = [description for _title, rows in screen.sections for _key, description in rows]
    return titles, rows


async def test_question_mark_in_follow_ups_shows_its_keys(journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        titles, rows = said(app.screen)
        assert titles[0] == "Follow-ups"
        assert {
            "Thanks",
            "Feedback",
            "2nd chance",
            "Reference",
            "Reply to a rejection",
            "Thanks for an offer",
            "Write",
            "Done",
            "Delete",
        } <= set(rows)
        assert "Trends" not in rows  # the app's keys do not work in a dialog
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)


async def test_question_mark_in_what_went_well_is_text_in_the_box_and_help_in_the_list(
    journal,
) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PositivesScreen)
        await pilot.press("W", "h", "y", "question_mark")
        await pilot.pause()
        assert app.screen is screen
        assert screen.query_one("#new-positive", Input).value == "Why?"
        await pilot.press("tab", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        titles, rows = said(app.screen)
        assert titles[0] == "What went well"
        assert {"Remove", "Close"} <= set(rows)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is screen


async def test_question_mark_in_a_letter_is_text(journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f", "b")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert "?" in app.screen.query_one("#draft").text
