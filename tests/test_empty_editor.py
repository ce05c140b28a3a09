"""An interview with no issue yet: the editor pane says how to add one, and shows no empty
fields that look ready to type in (typed there, the letters ran the journal's keys)."""

from __future__ import annotations

import datetime as dt

from interview_journal.core.model import Interview
from interview_journal.tui.app import JournalApp

from .conftest import TODAY
from .test_journal_screen import screen_text

SIZE = (130, 40)


async def test_the_editor_of_an_interview_without_issues_says_how_to_add_one(journal) -> None:
    journal.add_interview(Interview(company="Initech", role="Analyst", date=dt.date(2026, 11, 20)))
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        shown = screen_text(app)
        assert "No issue open. Press i to write down" in shown
        assert "Write it as it comes" not in shown  # no empty field to type in
        assert "What went wrong" not in shown
        await pilot.press("i", *"Late")
        await pilot.pause()
        shown = screen_text(app)
        assert "Press i to write down" not in shown
        assert app.focused is app.screen.query_one("#problem")
        assert app.focused.text == "Late"
