"""The prep worksheet (issue 14): P on an interview to come, five sections that save as you
type, kept after a restart, printed by `interview-journal prep`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.widgets import TextArea

from interview_journal.cli.main import cli
from interview_journal.core.model import Interview
from interview_journal.store import Journal, open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.help import help_sections
from interview_journal.tui.screens.journal import JournalScreen
from interview_journal.tui.screens.worksheet import WorksheetScreen

from .conftest import TODAY, screen_lines, until

ODD = "Ask about [bold]on-call[/bold] 🎉"


def upcoming(path: Path) -> Interview:
    with open_journal(path) as journal:
        journal.add_interview(Interview(company="Acme", date=TODAY - dt.timedelta(days=5)))
        return journal.add_interview(
            Interview(company="Acme", role="Analyst", date=TODAY + dt.timedelta(days=3))
        )


def shown(app: JournalApp) -> str:
    return "\n".join(screen_lines(app))


@asynccontextmanager
async def worksheet_open(
    journal_path: Path, size: tuple[int, int] = (100, 34)
) -> AsyncIterator[tuple[JournalApp, Any, Journal]]:
    """The app on the journal at `journal_path`, P pressed on its first row (Acme, to come)."""
    journal = open_journal(journal_path)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.press("P")
            await until(pilot, lambda: isinstance(app.screen, WorksheetScreen))
            yield app, pilot, journal
    finally:
        journal.close()


async def test_typed_text_is_saved_as_you_type_and_found_after_a_restart(
    journal_path: Path,
) -> None:
    acme = upcoming(journal_path)
    async with worksheet_open(journal_path) as (app, pilot, journal):  # Acme, in 3 days
        assert "in 3 days" in shown(app) and "Why them" in shown(app)
        journal_screen = app.screen_stack[0]
        assert isinstance(journal_screen, JournalScreen)
        keys = [key for _, section in help_sections(journal_screen, app) for key in section]
        assert ("P", "Prepare") in keys  # what ? lists on the journal screen
        await pilot.press(*"Their data team")
        await pilot.press("tab", "tab")  # to "Your questions for them"
        app.screen.query_one("#prep_questions", TextArea).insert(ODD)
        # Saved a moment after the typing stops, without leaving.
        await until(pilot, lambda: journal.interview(acme.uuid).prep_questions == ODD)
        assert journal.interview(acme.uuid).prep_why == "Their data team"
        assert ODD in shown(app)  # as typed, not read as markup
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)

    async with worksheet_open(journal_path) as (app, pilot, journal):  # the app opened again
        assert app.screen.query_one("#prep_why", TextArea).text == "Their data team"
        assert app.screen.query_one("#prep_questions", TextArea).text == ODD
        await pilot.press(*" ships daily", "escape")  # goes on where it was left off
        await until(pilot, lambda: journal.interview(acme.uuid).prep_why.endswith("s daily"))
        assert journal.interview(acme.uuid).prep_why == "Their data team ships daily"


async def test_escape_right_after_typing_keeps_it(journal_path: Path) -> None:
    acme = upcoming(journal_path)
    async with worksheet_open(journal_path) as (_app, pilot, journal):
        await pilot.press(*"Bus 42", "escape")
        await until(pilot, lambda: journal.interview(acme.uuid).prep_why == "Bus 42")


async def test_a_stop_keeps_what_was_typed(journal_path: Path) -> None:
    """SIGTERM or a closed terminal: the app asks each screen to save_now."""
    acme = upcoming(journal_path)
    async with worksheet_open(journal_path) as (app, pilot, journal):
        await pilot.press(*"Leave at 8")
        app.screen_stack[0].save_now()  # what the signal handler calls, before the delay
        assert journal.interview(acme.uuid).prep_why == "Leave at 8"


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_every_section_is_reachable_and_roomy_at_small_sizes(
    journal_path: Path, size: tuple[int, int]
) -> None:
    upcoming(journal_path)
    async with worksheet_open(journal_path, size) as (app, pilot, _journal):
        headings = ["Why them", "What they do", "Your questions", "Who you will meet", "Getting"]
        for number, heading in enumerate(headings):
            if number:
                await pilot.press("tab")
            await pilot.pause()
            area = app.focused
            assert isinstance(area, TextArea)
            assert area.region.height >= 5  # three lines to write in, inside its border
            assert heading in shown(app)  # the focused section's heading is in view
            screen_region = app.screen.region
            assert screen_region.contains_region(area.region)


def test_prep_prints_what_was_written(journal_path: Path) -> None:
    acme = upcoming(journal_path)
    with open_journal(journal_path) as journal:
        stored = journal.interview(acme.uuid)
        journal.update_interview(
            dataclasses.replace(stored, prep_why="Their data team", prep_logistics="Bus 42\nGate B")
        )
    result = CliRunner().invoke(cli, ["--db", str(journal_path), "prep", "acme"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"Prep worksheet: Acme — Analyst, {acme.date.isoformat()}",
        "",
        "Why them",
        "  Their data team",
        "",
        "Getting there",
        "  Bus 42",
        "  Gate B",
    ]


def test_a_change_made_in_another_window_meanwhile_is_kept_beside_the_worksheet(
    journal_path: Path,
) -> None:
    acme = upcoming(journal_path)
    with open_journal(journal_path) as here, open_journal(journal_path) as there:
        loaded = here.interview(acme.uuid)
        there.update_interview(dataclasses.replace(there.interview(acme.uuid), notes="Theirs"))
        stored, over = here.change_interview(
            loaded, lambda it: dataclasses.replace(it, prep_why="Mine")
        )
        assert over and (stored.notes, stored.prep_why) == ("Theirs", "Mine")
        again, over = here.change_interview(stored, lambda it: it)  # no change: no write
        assert again.updated == stored.updated and not over
