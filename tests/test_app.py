"""The app, driven with Pilot on a journal it was handed."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable

from interview_journal.core.model import Interview
from interview_journal.tui.app import JournalApp

from .conftest import add_acme


async def test_the_app_lists_the_interviews_of_its_journal(journal) -> None:
    add_acme(journal)
    journal.add_interview(
        Interview(company="[bold]Globex[/]", role="Analyst 📊", date=dt.date(2026, 11, 25))
    )
    app = JournalApp(journal=journal)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#interviews", DataTable)
        assert table.row_count == 2
        # Newest first, markup-like text shown as typed.
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(2)]
        assert rows[0][:3] == ["2026-11-25", "[bold]Globex[/]", "Analyst 📊"]
        assert rows[1][1] == "Acme"
        assert rows[1][3] == "assessed"  # one issue is not solved yet
        assert "[bold]Globex[/]" in app.export_screenshot()  # not turned into bold
        assert app.screen.focused is table
        await pilot.press("q")
    assert app.return_code == 0


async def test_an_empty_journal_says_what_to_do(journal) -> None:
    app = JournalApp(journal=journal)
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        assert not app.screen.query_one("#interviews").display
        empty = app.screen.query_one("#empty")
        assert empty.display
        assert "interview-journal add" in str(empty.render())
