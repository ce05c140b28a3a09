"""The review screen for the interview selected in the journal (issue 14): its company's
history, and its stage's checklist, ticked with the keys and kept on the interview."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from interview_journal.core.model import Interview, Issue
from interview_journal.store import Journal, open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.help import help_sections
from interview_journal.tui.screens.review import ReviewScreen
from interview_journal.tui.widgets.stage_checklist import StageChecklist

from .conftest import TODAY, until
from .test_journal_screen import SIZE, screen_text


def prepare(journal: Journal) -> tuple[Interview, Interview]:
    """Acme before (a phone interview with Dana Lee that went wrong), Acme again in 3 days (on
    video), and Globex tomorrow: the next one, but not the one selected."""
    before = journal.add_interview(
        Interview(
            company="Acme",
            date=TODAY - dt.timedelta(days=60),
            stage="phone",
            outcome="rejected",
            interviewers=["Dana Lee"],
        )
    )
    journal.add_issue(Issue(problem="Froze on the caching question", interview_uuid=before.uuid))
    again = journal.add_interview(
        Interview(company="Acme", date=TODAY + dt.timedelta(days=3), stage="video")
    )
    globex = journal.add_interview(Interview(company="Globex", date=TODAY + dt.timedelta(days=1)))
    return again, globex


async def test_r_on_an_interview_to_come_briefs_for_it_and_keeps_the_ticks(
    journal_path: Path,
) -> None:
    with open_journal(journal_path) as journal:
        again, _ = prepare(journal)
    journal = open_journal(journal_path)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")  # the list's first row: Acme, in 3 days
        await until(pilot, lambda: "What you know of Acme" in screen_text(app))
        shown = screen_text(app)
        assert "Coming up: Acme" in shown and "video interview" in shown  # Globex is next
        assert "phone interview · rejected" in shown
        assert "✗ Froze on the caching question" in shown
        assert "You met: Dana Lee" in shown
        assert "Ready for the video interview" in shown
        assert ("c", "Checklist") in help_sections(app.screen, app)[0][1]  # what ? shows
        await pilot.press("c")
        checklist = app.screen.query_one(StageChecklist)
        assert app.focused is checklist
        await pilot.press("space", "down", "enter")  # two ticks: space and enter both tick
        await pilot.pause()
        first, second = (check.key for check in checklist.checks[:2])
        assert journal.interview(again.uuid).checklist == [first, second]
        await pilot.press("up", "space")  # and untick
        await pilot.pause()
        assert journal.interview(again.uuid).checklist == [second]
        await pilot.press("escape", "r")  # a new visit starts on the drill, at the top
        await until(pilot, lambda: "What you know of Acme" in screen_text(app))
        assert app.focused is not checklist
    journal.close()

    journal = open_journal(journal_path)  # another day, the app opened again
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: "Ready for the video interview" in screen_text(app))
        assert "☑ " + checklist.checks[1].text in screen_text(app)
        assert "☐ " + checklist.checks[0].text in screen_text(app)
    journal.close()


async def test_r_on_a_past_interview_briefs_for_the_next_one(journal: Journal) -> None:
    prepare(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")  # Acme, 60 days ago
        await pilot.pause(0.2)
        await pilot.press("r")
        await until(pilot, lambda: "Next: Globex" in screen_text(app))
        assert isinstance(app.screen, ReviewScreen)
        assert "Your first interview at Globex" in screen_text(app)


async def test_without_an_interview_ahead_there_is_no_checklist_key(journal: Journal) -> None:
    journal.add_interview(Interview(company="Acme", date=TODAY - dt.timedelta(days=2)))
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("r")
        await until(pilot, lambda: "On the day" in screen_text(app))
        assert not app.screen.query_one(StageChecklist).display
        assert app.screen.check_action("checklist", ()) is False
