"""Fast typing and pasting into the one-line boxes, in the real app: nothing typed or pasted is
lost (the first letter after enter in what went well was; a paste kept its first line only)."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.widgets import Input, OptionList

from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.interview_form import InterviewForm
from interview_journal.tui.screens.positives import PositivesScreen

from .conftest import TODAY, add_acme
from .dialog_host import DialogHost
from .test_modals import ACME

SIZE = (100, 34)


def burst(app: JournalApp, text: str) -> None:
    """Keys queued together, as a fast typist's burst reaches the app ("\\n" is enter)."""
    for character in text:
        if character == "\n":
            app.post_message(events.Key("enter", "\r"))
        else:
            app.post_message(events.Key(character, character))


def went_well(journal: Journal, uuid: str) -> list[str]:
    return [positive.text for positive in journal.positives(uuid)]


async def test_what_is_typed_right_after_enter_in_what_went_well_starts_the_next_line(
    journal,
) -> None:
    interview = add_acme(journal)
    before = went_well(journal, interview.uuid)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PositivesScreen)
        burst(app, "Calm\nClear")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.box.value == "Clear"
        assert went_well(journal, interview.uuid) == [*before, "Calm"]


async def test_a_paste_of_several_lines_in_what_went_well_adds_one_line_each(journal) -> None:
    interview = add_acme(journal)
    before = went_well(journal, interview.uuid)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await pilot.pause()
        pasted = "Stayed calm\n\n  Asked good questions \nOn time\n"
        app.screen.box.post_message(events.Paste(pasted))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PositivesScreen)
        assert went_well(journal, interview.uuid) == [
            *before,
            "Stayed calm",
            "Asked good questions",
            "On time",
        ]
        assert screen.query_one("#positives", OptionList).option_count == len(before) + 3
        assert screen.box.value == ""
        assert screen.query_one("#said").said == "Added 3 lines from the paste."


async def test_a_paste_of_one_line_in_what_went_well_is_typed_into_the_box() -> None:
    app = DialogHost(lambda: PositivesScreen(ACME, []))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#new-positive").post_message(events.Paste("Stayed calm"))
        await pilot.pause()
        assert app.screen.query_one("#new-positive", Input).value == "Stayed calm"
        assert app.journal.positives_added == []


async def test_a_refused_line_goes_back_into_the_box_and_is_said_beside_it() -> None:
    from .dialog_host import MemoryJournal

    journal = MemoryJournal(refuse="The journal is read-only.")
    app = DialogHost(lambda: PositivesScreen(ACME, []), journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press(*"Calm", "enter")
        await pilot.pause()
        assert app.screen.query_one("#new-positive", Input).value == "Calm"
        assert "read-only" in app.screen.query_one("#said").said
        await pilot.pause()
        assert app.screen.query_one("#said").region.height == 1  # shown, under the box
        assert not app.screen.query("Toast")  # no toast over the box


async def test_a_paste_of_several_lines_into_a_form_field_keeps_every_line() -> None:
    app = DialogHost(lambda: InterviewForm(today=dt.date(2026, 11, 27)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = app.screen
        company = form.query_one("#company", Input)
        company.focus()
        company.post_message(events.Paste("Acme\nRobotics\n"))
        people = form.query_one("#interviewers", Input)
        people.post_message(events.Paste("Dana Lee\nSam Roe\n"))
        await pilot.pause()
        assert company.value == "Acme Robotics"
        assert people.value == "Dana Lee, Sam Roe"
