"""What the user is told about what they are editing goes on the status line of the screen or
dialog on show, never in a toast, which is drawn over whatever lies at the top right: a
dialog's fields, or the journal's panes in a small terminal."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.follow_ups import FollowUpsScreen
from interview_journal.tui.screens.interview_form import InterviewForm

from .conftest import TODAY, add_acme
from .dialog_host import DialogHost, MemoryJournal

SIZE = (80, 24)


async def test_reopened_is_said_on_the_journals_status_line(journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause(0.2)
        assert app.screen.query_one("#status-line").said == "Reopened: Acme"
        assert not app.screen.query("Toast")


async def test_a_saved_letter_is_said_in_the_follow_ups_not_over_them(journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(100, 34), notifications=True) as pilot:
        await pilot.press("f", "b")  # a feedback request, open in the composer
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        screen = app.screen
        assert isinstance(screen, FollowUpsScreen)
        said = screen.query_one("#said")
        assert said.said == "Saved."
        assert said.region.height >= 1  # in the dialog, under the list
        assert not app.screen.query("Toast")


async def test_a_refused_save_is_said_in_the_form_not_over_its_fields() -> None:
    journal = MemoryJournal(refuse="The journal is read-only: nothing was saved.")
    app = DialogHost(lambda: InterviewForm(today=dt.date(2026, 11, 27)), journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*"Acme", "ctrl+s")
        await pilot.pause(0.2)
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert form.query_one("#company", Input).value == "Acme"
        said = form.query_one("#said")
        assert said.said == "Not saved: The journal is read-only: nothing was saved."
        assert form.query_one("#dialog").region.contains_region(said.region)  # scrolled to
        assert not app.screen.query("Toast")
