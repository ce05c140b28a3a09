"""The review screen: the briefing names the next interview; drill grades land in the journal."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

from textual import events

from interview_journal.core.clock import FixedClock
from interview_journal.core.model import Interview, Issue
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.review import ReviewScreen
from interview_journal.tui.widgets.footer import Footer

from .conftest import TODAY, add_acme
from .test_journal_screen import SIZE, screen_text

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


def drill_journal(journal):
    """Acme with both issues solved, and an interview coming up at Globex."""
    interview = add_acme(journal)
    for issue in journal.issues(interview.uuid):
        if not issue.should_have:
            journal.update_issue(dataclasses.replace(issue, should_have="One example, then stop"))
    journal.add_interview(
        Interview(company="Globex", role="Data Analyst", date=dt.date(2026, 11, 30))
    )
    journal.clock = FixedClock(NOW)
    return interview


def reviews(journal) -> list[tuple[str, int, str]]:
    return journal.conn.execute(
        "SELECT i.problem, r.rating, r.due FROM reviews r JOIN issues i ON i.id = r.issue_id "
        "ORDER BY r.id"
    ).fetchall()


async def open_review(app: JournalApp, pilot) -> None:  # noqa: ANN001 - a Pilot
    """r, then the briefing and the drill read (in a thread) and shown."""
    await pilot.press("r")
    await app.workers.wait_for_complete()
    await pilot.pause()


def footer_text(app: JournalApp) -> str:
    return " ".join(key.description for key in app.screen.query_one(Footer).keys)


async def test_the_briefing_names_the_next_interview_and_the_users_answers(journal) -> None:
    drill_journal(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        assert isinstance(app.screen, ReviewScreen)
        shown = screen_text(app)
        assert "Next: Globex — Data Analyst" in shown
        assert "in 3 days" in shown
        assert "Leave 45 minutes early" in shown  # Acme's own solution, as the user wrote it


async def test_a_full_drill_saves_the_grades_and_the_next_due_dates(journal) -> None:
    drill_journal(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        screen = app.screen
        assert len(screen.cards) == 2  # both solved issues, new, so due
        first = screen.card.problem
        await pilot.press("3")  # grading before seeing the answer does nothing
        assert reviews(journal) == []
        await pilot.press("space")
        assert "Your answer" in screen_text(app)
        await pilot.press("3")  # good
        await pilot.press("space", "1")  # again
        await pilot.pause()
        assert "Drill done" in screen_text(app)
        assert "Next due" in screen_text(app)  # in the local time: no zone to puzzle over
        assert "UTC" not in screen_text(app)
        assert "Again" not in footer_text(app)  # no card left: no grades offered
    rows = reviews(journal)
    assert [(problem, rating) for problem, rating, _ in rows][0] == (first, 3)
    assert [rating for _, rating, _ in rows] == [3, 1]
    good_due = dt.datetime.fromisoformat(rows[0][2])
    again_due = dt.datetime.fromisoformat(rows[1][2])
    # A new card steps through fsrs's learning steps: Good moves it out, Again sooner still.
    assert NOW < again_due < good_due
    cards = [json.loads(card) for (card,) in journal.conn.execute("SELECT card FROM issues")]
    assert all(card is not None for card in cards)


async def test_with_nothing_due_the_drill_says_so(journal) -> None:
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        assert "Nothing is due" in screen_text(app)
        assert "No interview ahead" in screen_text(app)
        assert "Again" not in footer_text(app)
        await pilot.press("escape")
        assert app.current_mode == "journal"


async def test_keys_pressed_before_the_drill_is_read_wait_for_it(journal) -> None:
    """r, space and 3 at once: the drill is read in a thread, and the keys typed meanwhile
    act on its first card once it is there, rather than being lost."""
    drill_journal(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        for key, character in (("r", "r"), ("space", " "), ("3", "3")):
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Your answer" not in screen_text(app)  # graded: the next card, not revealed
    assert [rating for _, rating, _ in reviews(journal)] == [3]


async def test_the_drill_reads_its_next_page_when_one_is_done(journal, monkeypatch) -> None:
    """Two cards a page, three due: the count says three; the third card is read once the
    first two are graded, and keys typed meanwhile wait for it."""
    interview = drill_journal(journal)
    journal.add_issue(
        Issue(
            problem="Forgot their names",
            should_have="Write them down",
            interview_uuid=interview.uuid,
        )
    )
    monkeypatch.setattr(ReviewScreen, "PAGE", 2)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_review(app, pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert len(screen.cards) == 2
        assert screen.query_one("#drill").border_subtitle == "1 of 3"
        await pilot.press("space", "3", "space", "3", "space", "4")  # across the page's end
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Drill done" in screen_text(app)
        assert len(screen.cards) == 3
    rows = reviews(journal)
    assert [rating for _, rating, _ in rows] == [3, 3, 4]
    assert len({problem for problem, _, _ in rows}) == 3
