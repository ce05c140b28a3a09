"""Practice (issue 12): `p` opens a deck of questions with a countdown; space shows the user's
answers and where the question was asked; 1-4 grade it (fsrs) and the next comes; a question
with no answer asks for one right there; the bank is edited from the screen; the countdown's
length is kept in the journal. Real journal files, the real app driven by Pilot; the countdown's
clock is moved by hand (no real two-minute waits)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from interview_journal.core.clock import FixedClock
from interview_journal.core.model import Issue, Story
from interview_journal.core.questions import builtin_uuid
from interview_journal.store import Journal, open_journal

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3
from interview_journal.store.rehearsal import load_practice
from interview_journal.tui.app import JournalApp
from interview_journal.tui.messages import OpenInJournal
from interview_journal.tui.screens import practice as practice_screen
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.help import HelpScreen, help_sections
from interview_journal.tui.screens.journal import JournalScreen
from interview_journal.tui.screens.practice import PracticeScreen
from interview_journal.tui.screens.practice_dialogs import HiddenQuestionsDialog, QuestionDialog
from interview_journal.tui.widgets.footer import Footer

from .conftest import TODAY, add_acme, until
from .test_journal_screen import SIZE, screen_text
from .test_sizes import screen_lines

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
YOURSELF = builtin_uuid("tell-me-about-yourself")
ANSWER = "I turn messy data into tools people use; before that I taught maths."


class HandClock:
    """The countdown's clock, moved by the test."""

    def __init__(self) -> None:
        self.seconds = 1000.0

    def __call__(self) -> float:
        return self.seconds


def practice_journal(journal: Journal) -> None:
    """Acme, where 'tell me about yourself' went wrong, and the user's answer to it."""
    interview = add_acme(journal)
    journal.add_issue(
        Issue(
            problem="Blanked on 'tell me about yourself'",
            category="blanked",
            interview_uuid=interview.uuid,
        )
    )
    journal.add_story(
        Story(
            text=ANSWER,
            situation="Teaching",
            result="Two tools in daily use",
            question_uuid=YOURSELF,
        )
    )
    journal.clock = FixedClock(NOW)


def make_app(journal: Journal) -> JournalApp:
    return JournalApp(journal=journal, today=lambda: TODAY)


async def open_practice(app: JournalApp, pilot) -> PracticeScreen:  # noqa: ANN001 - a Pilot
    """p, then the deck read (in a thread) and shown."""
    await pilot.press("p")
    await until(pilot, lambda: isinstance(app.screen, PracticeScreen) and app.screen.loaded)
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PracticeScreen)
    return screen


def footer_text(app: JournalApp) -> str:
    return " ".join(f"{key.display} {key.description}" for key in app.screen.query_one(Footer).keys)


def question_reviews(path: Path) -> list[tuple[str, int]]:
    """The grades in the journal file, read as another program would."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "SELECT q.text, r.rating FROM question_reviews r "
            "JOIN questions q ON q.id = r.question_id ORDER BY r.id"
        ).fetchall()
    finally:
        conn.close()


# -- opening and leaving ------------------------------------------------------------------


@pytest.mark.parametrize("first", ["", "t", "r"])
async def test_p_opens_practice_from_the_journal_trends_and_review(journal, first: str) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        if first:
            await pilot.press(first)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert not isinstance(app.screen, JournalScreen)
        await open_practice(app, pilot)
        assert "Tell me about yourself." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_the_journal_offers_p_in_its_footer_and_help(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE):
        assert "p Practice" in footer_text(app)
        rows = [row for _, rows in help_sections(app.screen, app) for row in rows]
        assert ("p", "Practice") in rows


async def test_the_help_lists_the_practice_keys(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_practice(app, pilot)
        said_keys = {row for _, rows in help_sections(app.screen, app) for row in rows}
        for key, said in [
            ("space", "Show answers"),
            ("1", "Again"),
            ("4", "Easy"),
            ("-", "Shorter"),
        ]:
            assert (key, said) in said_keys, said
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for said in ("Show answers", "Again", "Easy", "Shorter", "Longer", "Hide", "Reword"):
            assert said in shown, said
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PracticeScreen)
        assert app.screen.position == 0  # closing the help did not start the deck over


# -- the deck and the countdown ---------------------------------------------------------


async def test_the_deck_starts_with_the_answered_question_and_says_where_it_is(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        assert screen.card is not None and screen.card.question.uuid == YOURSELF
        shown = screen_text(app)
        assert f"1 of {len(journal.questions())}" in shown
        assert "asked once" in shown
        assert ANSWER not in shown  # the front is the question only


async def test_the_countdown_goes_down_turns_warning_and_counts_over_without_stopping(
    journal,
) -> None:
    practice_journal(journal)
    app = make_app(journal)
    clock = HandClock()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        screen.monotonic = clock
        screen.restart_timer()
        timer = screen.query_one("#practice-timer")
        assert "2:00 left" in screen_text(app)
        clock.seconds += 30.5
        await until(pilot, lambda: "1:30 left" in screen_text(app))
        assert not timer.has_class("-warning")
        clock.seconds += 70  # 19.5 s left
        await until(pilot, lambda: "0:20 left" in screen_text(app))
        assert timer.has_class("-warning")
        clock.seconds += 32  # 12.5 s over
        await until(pilot, lambda: "+0:12" in screen_text(app))
        assert "Time is up" in screen_text(app)
        assert timer.has_class("-over") and not timer.has_class("-warning")
        # nothing was interrupted: the same card, and space still shows the answer
        assert isinstance(app.screen, PracticeScreen) and screen.card.question.uuid == YOURSELF
        await pilot.press("space")
        await pilot.pause()
        assert ANSWER in screen_text(app)
        assert "You took 2:12 of 2:00" in screen_text(app)


async def test_the_countdown_starts_again_for_the_next_question(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    clock = HandClock()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        screen.monotonic = clock
        screen.restart_timer()
        clock.seconds += 90
        await until(pilot, lambda: "0:30 left" in screen_text(app))
        await pilot.press("space", "3")
        await pilot.pause()
        assert "2:00 left" in screen_text(app)


# -- reveal and grade -----------------------------------------------------------------------


async def test_space_shows_the_answers_with_their_outline_and_where_it_was_asked(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_practice(app, pilot)
        assert "Again" not in footer_text(app)  # no grades before the answer is shown
        await pilot.press("space")
        await pilot.pause()
        shown = screen_text(app)
        assert ANSWER in shown
        assert "Situation: Teaching · Result: Two tools in daily use" in shown
        assert "20 Nov 2026 · Acme · onsite · went wrong" in shown
        footer = footer_text(app)
        assert all(grade in footer for grade in ("1 Again", "2 Hard", "3 Good", "4 Easy"))


async def test_a_grade_is_kept_in_the_journal_and_the_next_question_comes(
    journal, journal_path: Path
) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("3")  # before the answer is shown: nothing
        assert question_reviews(journal_path) == []
        await pilot.press("space", "3")
        await pilot.pause()
        assert question_reviews(journal_path) == [("Tell me about yourself.", 3)]
        assert screen.position == 1
        assert f"2 of {len(screen.deck)}" in screen_text(app)
    due = journal.question_due(YOURSELF)
    assert due is not None and due > NOW  # fsrs put its next practice ahead


async def test_space_and_a_grade_typed_while_the_deck_is_read_are_kept(
    journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large journal takes a moment to read: the keys typed meanwhile are not lost."""
    practice_journal(journal)
    read = threading.Event()

    def slow_read(journal: Journal) -> Any:
        read.wait(10)
        return load_practice(journal)

    monkeypatch.setattr(practice_screen, "load_practice", slow_read)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "space", "4")  # before the deck is read
        assert isinstance(app.screen, PracticeScreen) and not app.screen.loaded
        read.set()
        await until(pilot, lambda: question_reviews(journal_path) != [])
        assert question_reviews(journal_path) == [("Tell me about yourself.", 4)]
        assert app.screen.position == 1


# -- writing an answer --------------------------------------------------------------------


async def test_a_question_without_an_answer_asks_for_one_and_keeps_it(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("s")  # the next one has no answer yet
        await pilot.pause()
        card = screen.card
        assert card is not None and not card.question.stories
        assert "no answer to this one yet" in screen_text(app)
        assert "Write answer" in footer_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert screen.focused is not None and screen.focused.id == "story-text"
        await pilot.press(*"I led the move to the new database.")
        await pilot.press("tab", *"Old system failing")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stories = journal.question(card.question.uuid).stories
        assert [(s.text, s.situation) for s in stories] == [
            ("I led the move to the new database.", "Old system failing")
        ]
        shown = screen_text(app)
        assert "Situation: Old system failing" in shown
        assert "no answer to this one yet" not in shown
        assert "1 Again" in footer_text(app)  # and it can be graded now


async def test_leaving_a_typed_answer_asks_first(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("s", "space")
        await pilot.pause()
        uuid = screen.card.question.uuid
        await pilot.press(*"Half an answer")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert screen.editing is not None  # still writing, the text kept
        await pilot.press("escape", "y")
        await pilot.pause()
        assert screen.editing is None
        assert journal.question(uuid).stories == []
        assert isinstance(app.screen, PracticeScreen)  # not thrown back to the journal


async def test_a_stop_signal_keeps_the_answer_being_written(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("s", "space")
        await pilot.pause()
        uuid = screen.card.question.uuid
        await pilot.press(*"Typed just before the terminal closed")
        app._stop_on_signal()  # what SIGTERM and SIGHUP call
        await pilot.pause()
    assert [s.text for s in journal.question(uuid).stories] == [
        "Typed just before the terminal closed"
    ]


async def test_an_answer_half_written_waits_while_the_palette_opens_an_interview(
    journal,
) -> None:
    practice_journal(journal)
    acme = journal.interview_summaries()[0].interview
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("s", "space", *"Half")
        await pilot.pause()
        app.post_message(OpenInJournal(acme.uuid))  # as the palette's interview search does
        await until(pilot, lambda: isinstance(app.screen, JournalScreen))
        app.switch_mode("practice")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert screen.editing is not None
        assert screen.query_one("#story-text", TextArea).text == "Half"


async def test_a_fourth_answer_is_refused_in_plain_words(journal) -> None:
    practice_journal(journal)
    for number in (2, 3):
        journal.add_story(Story(text=f"Answer {number}", question_uuid=YOURSELF))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert screen.editing is None
        assert "at most 3 answers" in screen_text(app)


async def test_an_answer_can_be_changed(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_practice(app, pilot)
        await pilot.press("space", "c")
        await pilot.pause()
        await pilot.press("end", *" Now I lead a team.", "ctrl+s")
        await pilot.pause()
        assert journal.question(YOURSELF).stories[0].text == ANSWER + " Now I lead a team."


# -- the bank -----------------------------------------------------------------------------


async def test_add_reword_and_hide_questions_from_the_screen(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, QuestionDialog)
        await pilot.press(*"What would you change about our product?", "enter")
        await pilot.pause()
        own = [q for q in journal.questions() if not q.builtin]
        assert [q.text for q in own] == ["What would you change about our product?"]
        await pilot.press("s")  # the new one comes next
        await pilot.pause()
        assert screen.card.question.uuid == own[0].uuid
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"What would you change about our app?", "enter")
        await pilot.pause()
        assert journal.question(own[0].uuid).text == "What would you change about our app?"
        assert "What would you change about our app?" in screen_text(app)
        count = len(screen.deck)
        await pilot.press("h")
        await pilot.pause()
        assert journal.question(own[0].uuid).hidden
        assert len(screen.deck) == count - 1
        assert "Hidden from practice:" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, HiddenQuestionsDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert not journal.question(own[0].uuid).hidden
        assert len(screen.deck) == count


# -- the countdown's length ---------------------------------------------------------------


async def test_the_countdown_length_is_kept_for_the_next_run(journal_path: Path) -> None:
    journal = open_journal(journal_path)
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("minus", "minus")
        await pilot.pause()
        assert screen.seconds == 60
        assert "left of 1:00" in screen_text(app)
    journal.close()
    again = open_journal(journal_path)
    try:
        app = make_app(again)
        async with app.run_test(size=SIZE) as pilot:
            await open_practice(app, pilot)
            assert "1:00 left of 1:00" in screen_text(app)
            await pilot.press("plus", "plus", "plus")
            await pilot.pause()
            assert "left of 2:30" in screen_text(app)
    finally:
        again.close()


# -- small terminals ----------------------------------------------------------------------


async def test_at_80x24_the_question_the_countdown_and_the_grades_are_in_view(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_practice(app, pilot)
        lines = screen_lines(app)
        assert any("Tell me about yourself." in line for line in lines)
        assert any("2:00 left of 2:00" in line for line in lines)
        assert "space Show answers" in lines[-1] and "q Quit" in lines[-1]
        await pilot.press("space")
        await pilot.pause()
        lines = screen_lines(app)
        assert any(ANSWER in line for line in lines)
        assert "1 Again 2 Hard 3 Good 4 Easy" in lines[-1]
        assert "? Help" in lines[-1]


async def test_at_60x20_an_answer_can_still_be_written(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_practice(app, pilot)
        await pilot.press("s", "space")
        await pilot.pause()
        lines = screen_lines(app)
        assert any("Walk me through your CV." in line for line in lines)
        area = screen.query_one("#story-text")
        assert area.region.height >= 3
        assert area.region.bottom <= 18  # above the status line and the keys
        for name in ("situation", "task", "action", "result"):
            field = screen.query_one(f"#story-{name}")
            assert field.region.height == 1 and field.region.width >= 20, name
            assert field.region.bottom <= 19, name
        assert "^s Save" in lines[-1]


async def test_a_notice_of_the_last_visit_is_gone_when_practice_opens_again(journal) -> None:
    practice_journal(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await open_practice(app, pilot)
        await pilot.press(*["minus"] * 4)  # 2:00, 1:30, 1:00, 0:30, then no shorter
        await pilot.pause()
        assert "shortest the countdown goes" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await open_practice(app, pilot)
        assert "shortest the countdown goes" not in screen_text(app)
