"""The follow-up composer: the drafts (pure), and the screens that write, copy, save and send
them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, TextArea

from interview_journal.core.compose import (
    APOLOGY,
    SECOND_CHANCE_WARNING,
    apologises,
    draft,
    draft_feedback_request,
    draft_second_chance,
    draft_thank_you,
    second_chance_warning,
    too_early_warning,
)
from interview_journal.core.model import FOLLOW_UP_KINDS, FollowUp, Interview, Positive
from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.composer import ComposerScreen
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.follow_ups import FollowUpsScreen

from .conftest import TODAY, add_acme, screen_lines, until
from .dialog_host import DialogHost, MemoryJournal

ACME = Interview(
    company="Acme",
    role="Backend Engineer",
    date=dt.date(2026, 11, 20),
    interviewers=["Dana Lee", "Sam Ortiz"],
)
RAPPORT = Positive(text="Good rapport with the hiring manager")
NEW_POINT = "a prototype of the caching layer we discussed, built since"


def flat(text: str) -> str:
    return " ".join(text.split())


# -- drafts -------------------------------------------------------------------------------------


def test_the_thank_you_names_the_interviewer_the_role_and_what_went_well() -> None:
    text = draft_thank_you(ACME, [RAPPORT, Positive(text="Calm answer on salary")])
    assert text.startswith("Dear Dana Lee,\n")
    assert "Backend Engineer role at Acme" in flat(text)
    assert "good rapport with the hiring manager." in flat(text)  # lower-cased to fit a sentence
    assert "salary" not in text  # one thing, not a list
    assert "Sam Ortiz" in text  # the other interviewer is thanked too
    assert not apologises(text)


def test_the_first_word_of_a_positive_keeps_its_case_when_it_is_a_name_or_an_acronym() -> None:
    named = draft_thank_you(ACME, [Positive(text="Dana laughed at my joke")])
    assert "stood out for me: Dana laughed at my joke." in flat(named)
    acronym = draft_thank_you(ACME, [Positive(text="API design answer was clear.")])
    assert "API design answer was clear." in flat(acronym)
    mine = draft_thank_you(ACME, [Positive(text="I stayed calm under pressure!")])
    assert "I stayed calm under pressure!" in flat(mine)


def test_without_interviewers_or_positives_the_thank_you_is_still_a_letter() -> None:
    nobody = Interview(company="Globex", role="", date=dt.date(2026, 11, 20))
    text = draft_thank_you(nobody, [], sender="Alex Kim")
    assert text.startswith("Dear hiring team,\n")
    assert "the role at Globex" in flat(text)
    assert "stood out" not in text
    assert text.rstrip().endswith("Kind regards,\nAlex Kim")


def test_a_positive_that_says_sorry_is_passed_over() -> None:
    text = draft_thank_you(ACME, [Positive(text="Said sorry only once"), RAPPORT])
    assert not apologises(text)
    assert "good rapport with the hiring manager" in text


@pytest.mark.parametrize("kind", FOLLOW_UP_KINDS)
def test_every_kind_greets_the_interviewer_names_the_role_and_never_apologises(kind: str) -> None:
    text = draft(kind, ACME, [RAPPORT], new_point=NEW_POINT)
    assert "Dana Lee" in text
    assert "Backend Engineer" in text
    assert "Acme" in text
    assert APOLOGY.search(text) is None
    if kind == "thank-you":
        assert "good rapport with the hiring manager" in text


def test_the_feedback_request_asks_for_feedback() -> None:
    text = flat(draft_feedback_request(ACME))
    assert "Dear Dana Lee," in text
    assert "what I could do better" in text


def test_the_second_chance_is_built_around_the_new_point() -> None:
    text = flat(draft_second_chance(ACME, NEW_POINT + "\n"))
    assert f"show you: {NEW_POINT}." in text
    assert "second conversation" in text
    blank = draft_second_chance(ACME, "   ")
    assert "Dear Dana Lee," in blank and "Backend Engineer" in blank
    assert "show you:" not in blank
    assert not apologises(blank)


def test_the_second_chance_warning_is_for_a_blank_point_only() -> None:
    assert second_chance_warning("") == SECOND_CHANCE_WARNING
    assert second_chance_warning("  \n ") == SECOND_CHANCE_WARNING
    assert SECOND_CHANCE_WARNING.startswith("A second conversation is worth asking for only with")
    assert second_chance_warning(NEW_POINT) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm sorry for being late", True),
        ("Please accept my apology", True),
        ("I apologise", True),
        ("apologized twice", True),
        ("APOLOGIES", True),
        ("Apologizing", True),
        ("sorrys", False),
        ("Sorrento was lovely", False),
        ("Thank you for your time", False),
    ],
)
def test_apologises(text: str, expected: bool) -> None:
    assert apologises(text) is expected


words = st.text(min_size=1, max_size=40) | st.sampled_from(
    ["[bold]Dana[/bold]", "[red]x", "O'Brien", "Zoë Ñandú", "$variable", "a\nb", "[/]"]
)


@given(interviewer=words, role=words, company=words, positive=words, point=st.text(max_size=60))
def test_no_draft_ever_apologises_and_each_keeps_what_was_typed(
    interviewer: str, role: str, company: str, positive: str, point: str
) -> None:
    for typed in (interviewer, role, company, positive, point):
        assume(not apologises(typed))
    assume(flat(interviewer) and flat(role) and flat(positive).rstrip(".!?,;:").strip())
    interview = Interview(company=company, role=role, interviewers=[interviewer])
    for kind in FOLLOW_UP_KINDS:
        text = draft(kind, interview, [Positive(text=positive)], new_point=point)
        assert not apologises(text), kind
        assert text.startswith(f"Dear {flat(interviewer)},\n"), kind
        assert flat(role) in flat(text), kind
        if kind == "thank-you":
            core = flat(positive).rstrip(",;:")
            assert core[1:].casefold() in flat(text).casefold()


# -- the screens, in a harness ------------------------------------------------------------------


@asynccontextmanager
async def driving(
    make_screen: Callable[[], Screen[Any]], journal: MemoryJournal | None = None
) -> AsyncIterator[tuple[DialogHost, Pilot]]:
    app = DialogHost(make_screen, journal)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot


def visible_text(app: App[Any]) -> str:
    return "\n".join(screen_lines(app))


def notifications(app: App[Any]) -> str:
    """What the toasts on screen say, as the user reads it: the screen's text with its line
    breaks and runs of spaces made single spaces (a toast wraps its message)."""
    return " ".join(" ".join(line.strip("▌▐ ") for line in screen_lines(app)).split())


def follow_ups_screen(
    desk: MemoryJournal, interview: Interview = ACME
) -> Callable[[], Screen[Any]]:
    return lambda: FollowUpsScreen(interview, list(desk.by_uuid.values()), [RAPPORT], TODAY)


def option_texts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_the_list_shows_due_overdue_and_done_on_one_line_each() -> None:
    late = FollowUp(kind="thank-you", due=TODAY - dt.timedelta(days=6))
    done = FollowUp(kind="second-chance-request", due=TODAY, done=dt.date(2026, 11, 26))
    desk = MemoryJournal([late, done])
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        options = app.screen.query_one("#follow-ups", OptionList)
        first, second = option_texts(options)
        assert "Thank-you note" in first and "due Sat 21 Nov (6 days ago)" in first
        assert "overdue" in first
        assert "Second-chance request" in second and "done Thu 26 Nov" in second
        assert "overdue" not in second
        shown = visible_text(app)
        # Each on one screen line: the due date and its state are not wrapped apart.
        assert any("Thank-you note" in line and "overdue" in line for line in shown.splitlines())
        assert any(
            "Second-chance request" in line and "done Thu 26 Nov" in line
            for line in shown.splitlines()
        )
        assert "Thank them within a day" in shown  # the hint


async def test_space_toggles_done_and_d_deletes_after_asking() -> None:
    first = FollowUp(kind="thank-you", due=TODAY)
    second = FollowUp(kind="feedback-request", due=TODAY + dt.timedelta(days=3))
    desk = MemoryJournal([first, second])
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        options = app.screen.query_one("#follow-ups", OptionList)
        await pilot.press("space")
        await pilot.pause()
        assert desk.by_uuid[first.uuid].done == TODAY
        assert "done Fri 27 Nov" in option_texts(options)[0]
        await pilot.press("space")
        await pilot.pause()
        assert desk.by_uuid[first.uuid].done is None

        await pilot.press("j", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert desk.deleted == []
        await pilot.press("d", "y")
        await pilot.pause()
        assert desk.deleted == [second.uuid]
        assert options.option_count == 1
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_a_refusing_desk_is_shown_and_nothing_typed_is_lost() -> None:
    desk = MemoryJournal([FollowUp(kind="thank-you", due=TODAY)])
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        desk.refuse = "The journal is read-only."
        await pilot.press("b", "ctrl+s")  # a new feedback request, refused: still open
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert "Not saved: The journal is read-only." in flat(visible_text(app))
        assert len(desk.by_uuid) == 1
        await pilot.press("escape", "y")  # left after asking: nothing kept
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        assert len(desk.by_uuid) == 1

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        editor = app.screen.query_one("#draft", TextArea)
        editor.text = "My own words [bold]kept[/]"
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Back in the composer, with the text, and closing it now asks first.
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.query_one("#draft", TextArea).text == "My own words [bold]kept[/]"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        desk.refuse = None
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        [saved] = desk.by_uuid.values()
        assert saved.text == "My own words [bold]kept[/]"


async def test_a_adds_a_thank_you_and_opens_the_composer_on_its_draft() -> None:
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        assert "No follow-ups yet" in visible_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert "Thank-you note to Dana Lee" in visible_text(app)
        text = app.screen.query_one("#draft", TextArea).text
        assert text.startswith("Dear Dana Lee,")
        assert "good rapport with the hiring manager" in text
        await pilot.press("ctrl+y")  # no clipboard tool here: said honestly
        await until(pilot, lambda: "Sent to the terminal to copy" in notifications(app))
        assert app.clipboard == text
        assert "Copied" not in notifications(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        [saved] = desk.by_uuid.values()
        assert saved.kind == "thank-you" and saved.done == TODAY and saved.text == text


async def test_the_second_chance_asks_first_and_warns_without_blocking() -> None:
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press("s")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        assert "What new would you bring to a second conversation?" in visible_text(app)
        assert not composer.query_one("#draft").display
        assert not composer.query_one("#warning").display
        await pilot.press("enter")  # nothing new typed
        await pilot.pause()
        assert composer.query_one("#warning").display
        assert "A second conversation is worth asking for only" in flat(visible_text(app))
        editor = composer.query_one("#draft", TextArea)
        assert editor.display and editor.has_focus
        assert editor.text.startswith("Dear Dana Lee,")

        # Typing the point and pressing enter again redrafts around it; the warning goes.
        composer.query_one("#new-point", Input).focus()
        await pilot.press(*"a working demo")
        await pilot.press("enter")
        await pilot.pause()
        assert "show you: a working demo." in flat(editor.text)
        assert not composer.query_one("#warning").display
        await pilot.press("ctrl+s")
        await pilot.pause()
    [saved] = desk.by_uuid.values()
    assert saved.kind == "second-chance-request" and "a working demo" in saved.text
    assert saved.done is None


async def test_redraft_and_close_ask_before_replacing_the_users_words() -> None:
    follow_up = FollowUp(kind="feedback-request", due=TODAY, text="Hello Dana, my own text")
    desk = MemoryJournal([follow_up])
    async with driving(lambda: ComposerScreen(follow_up, ACME, [RAPPORT], today=TODAY)) as (
        app,
        pilot,
    ):
        editor = app.screen.query_one("#draft", TextArea)
        assert editor.text == "Hello Dana, my own text"  # the saved text, not a new draft
        await pilot.press("ctrl+r")  # nothing edited since it was opened: no question
        await pilot.pause()
        assert editor.text.startswith("Dear Dana Lee,")
        await pilot.press("x")  # the cursor waits at the end
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert editor.text.endswith("x")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None]
    del desk


async def test_an_apology_typed_into_the_note_gets_a_gentle_warning() -> None:
    follow_up = FollowUp(kind="thank-you", due=TODAY)
    async with driving(lambda: ComposerScreen(follow_up, ACME, [RAPPORT], today=TODAY)) as (
        app,
        pilot,
    ):
        screen = app.screen
        assert not screen.query_one("#apology").display
        screen.query_one("#draft", TextArea).insert("I am so sorry. ")
        await pilot.pause()
        assert screen.query_one("#apology").display
        await pilot.press("ctrl+s")  # a warning, not a wall
        await pilot.pause()
    [result] = app.results
    assert result.text.startswith("Dear Dana Lee,") and result.text.endswith("I am so sorry. ")


async def test_markup_in_names_shows_as_typed() -> None:
    odd = dataclasses.replace(ACME, company="[bold]Acme[/]", interviewers=["[red]Dana"])
    follow_up = FollowUp(kind="thank-you", due=TODAY)
    async with driving(lambda: ComposerScreen(follow_up, odd, [], today=TODAY)) as (app, pilot):
        shown = visible_text(app)
        assert "Thank-you note to [red]Dana" in shown
        assert "[bold]Acme[/]" in shown
        assert app.screen.query_one("#draft", TextArea).text.startswith("Dear [red]Dana,")


# -- the real app -------------------------------------------------------------------------------


def make_app(journal: Journal) -> JournalApp:
    return JournalApp(journal=journal, today=lambda: TODAY)


async def test_f_a_writes_a_thank_you_and_the_journal_keeps_it(journal: Journal) -> None:
    interview = add_acme(journal)
    before = {f.uuid for f in journal.follow_ups(interview.uuid)}
    app = make_app(journal)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        editor = app.screen.query_one("#draft", TextArea)
        assert "good rapport with Dana" in editor.text
        await pilot.press(*"Alex", "ctrl+s")  # signed where the cursor waits
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        # The thank-you every interview gets, written: not a second one beside it.
        [new] = journal.follow_ups(interview.uuid)
        assert {new.uuid} == before
        assert new.kind == "thank-you"
        assert new.due == dt.date(2026, 11, 21)
        assert new.text.startswith("Dear Dana Lee,")
        assert new.text.endswith("Kind regards,\nAlex")
        assert not apologises(new.text)

        await pilot.press("space")  # it is highlighted: mark it done
        await pilot.pause()
        assert journal.follow_ups(interview.uuid)[-1].done == TODAY
        await pilot.press("d", "y")
        await pilot.pause()
        assert journal.follow_ups(interview.uuid) == []
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, FollowUpsScreen)


async def test_a_thank_you_drafted_before_the_interview_says_to_keep_it_for_after() -> None:
    upcoming = dataclasses.replace(ACME, date=TODAY + dt.timedelta(days=9))
    follow_up = FollowUp(kind="thank-you", due=upcoming.date + dt.timedelta(days=1))
    async with driving(lambda: ComposerScreen(follow_up, upcoming, [], today=TODAY)) as (app, _):
        said = app.screen.query_one("#said").said  # on the line under the letter, not a toast
        assert not app.screen.query("Toast")
    assert "keep it for after" in said
    assert too_early_warning(ACME, TODAY) is None  # after the interview: nothing to say
