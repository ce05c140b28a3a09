"""The modal screens, each pushed by a tiny app and driven with Pilot; their result is recorded,
and what they ask to keep is kept in memory (dialog_host)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.app import App
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, OptionList, Select, SelectionList, Static, TextArea

from interview_journal.core.compose import Material
from interview_journal.core.model import FollowUp, Interview, Positive, SearchHit
from interview_journal.store.reads import Described
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.follow_ups import FollowUpsScreen
from interview_journal.tui.screens.help import HelpScreen, bindings_help
from interview_journal.tui.screens.interview_form import InterviewForm
from interview_journal.tui.screens.positives import PositivesScreen
from interview_journal.tui.screens.search import SearchScreen

from .conftest import until
from .dialog_host import STORED_AT, DialogHost, MemoryJournal

TODAY = dt.date(2026, 11, 27)  # a Friday
SIZE = (100, 40)
ACME = Interview(
    company="Acme", role="Engineer", date=dt.date(2026, 11, 20), interviewers=["Dana Lee"]
)


@asynccontextmanager
async def driving(
    make_screen: Callable[[], Screen[Any]], journal: MemoryJournal | None = None
) -> AsyncIterator[tuple[DialogHost, Pilot]]:
    app = DialogHost(make_screen, journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        yield app, pilot


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*text)


def hits_shown(app: App[Any]) -> bool:
    """The search dialog says how many matches it shows."""
    return "· enter opens" in str(app.screen.query_one("#status").render())


def focused_id(app: App[Any]) -> str | None:
    focused = app.screen.focused
    return focused.id if focused is not None else None


def visible_text(app: App[Any]) -> str:
    """The screen as SVG: enough to check that text shows, and shows literally."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


def option_texts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


# -- ConfirmScreen ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "expected"), [("y", True), ("enter", True), ("n", False), ("escape", False)]
)
async def test_confirm_keys(key: str, expected: bool) -> None:
    async with driving(lambda: ConfirmScreen("Delete Acme?")) as (app, pilot):
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [expected]
        assert not isinstance(app.screen, ConfirmScreen)


@pytest.mark.parametrize(("button", "expected"), [("#confirm", True), ("#cancel", False)])
async def test_confirm_buttons(button: str, expected: bool) -> None:
    async with driving(lambda: ConfirmScreen("Discard?", confirm_label="Discard")) as (app, pilot):
        await pilot.click(button)
        await pilot.pause()
        assert app.results == [expected]


async def test_the_quit_dialog_says_the_keys_its_footer_offers() -> None:
    """The buttons and the footer name the same keys with the same words: y Yes, n No."""
    from textual.widgets import Button

    from interview_journal.tui.widgets.footer import Footer

    def quit_question() -> ConfirmScreen:
        return ConfirmScreen("Quit anyway, and lose it?", confirm_label="Quit and lose it")

    async with driving(quit_question) as (app, pilot):
        buttons = [str(button.label) for button in app.screen.query(Button)]
        assert buttons == ["n  No", "y  Yes, quit and lose it"]
        offered = [
            f"{key.display}  {key.description}"
            for key in app.screen.query_one(Footer).keys
            if key.key != app.COMMAND_PALETTE_BINDING
        ]
        assert offered == ["y  Yes", "n  No"]
        for key in offered:
            assert any(button.startswith(key) for button in buttons)
        await pilot.press("n")
        await pilot.pause()
    assert app.results == [False]


async def test_confirm_shows_the_question_literally() -> None:
    async with driving(lambda: ConfirmScreen('Delete "[bold]x[/]"?', danger=False)) as (app, _):
        assert '"[bold]x[/]"' in visible_text(app)
        assert "Delete" in visible_text(app)


# -- InterviewForm ------------------------------------------------------------------------------


def new_form() -> InterviewForm:
    return InterviewForm(today=TODAY)


async def set_date(pilot: Pilot, text: str) -> None:
    date = pilot.app.screen.query_one("#date", Input)
    date.focus()
    date.value = ""
    await type_text(pilot, text)
    await pilot.pause()


async def test_new_form_with_a_relative_date() -> None:
    async with driving(new_form) as (app, pilot):
        assert focused_id(app) == "company"
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Backend Engineer")
        await pilot.press("tab")
        assert focused_id(app) == "date"
        await type_text(
            pilot, "3 days ago"
        )  # the prefilled "today" is selected: typing replaces it
        await pilot.pause()
        assert "Tue 24 Nov 2026 · 3 days ago" in str(app.screen.query_one("#date-hint").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    [interview] = app.results
    assert isinstance(interview, Interview)
    assert (interview.company, interview.role) == ("Acme", "Backend Engineer")
    assert interview.date == TODAY - dt.timedelta(days=3)
    assert interview.time is None
    assert (interview.stage, interview.outcome, interview.rating) == ("other", "pending", None)
    assert (interview.interviewers, interview.feelings, interview.notes) == ([], [], "")
    assert interview.closed is False


async def test_new_form_prefills_today_other_and_pending() -> None:
    async with driving(new_form) as (app, _):
        screen = app.screen
        assert screen.query_one("#date", Input).value == "today"
        assert screen.query_one("#stage", Select).value == "other"
        assert screen.query_one("#outcome", Select).value == "pending"
        assert screen.query_one("#rating", Select).value is Select.NULL
        assert "Fri 27 Nov 2026 · today" in str(screen.query_one("#date-hint").render())


async def test_a_date_with_a_time() -> None:
    async with driving(new_form) as (app, pilot):
        await type_text(pilot, "Acme")
        await set_date(pilot, "next tue 14:00")
        assert "Tue 1 Dec 2026, 14:00 · in 4 days" in str(
            app.screen.query_one("#date-hint").render()
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
    [interview] = app.results
    assert interview.date == dt.date(2026, 12, 1)
    assert interview.time == dt.time(14, 0)


async def test_an_unreadable_date_is_explained_and_nothing_is_returned() -> None:
    async with driving(new_form) as (app, pilot):
        await type_text(pilot, "Acme")
        await set_date(pilot, "blursday")
        hint = app.screen.query_one("#date-hint", Static)
        assert hint.has_class("error")
        assert 'Could not read "blursday" as a date.' in str(hint.render())
        app.screen.query_one("#role", Input).focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert isinstance(app.screen, InterviewForm)
        assert focused_id(app) == "date"
        # Fixing it clears the complaint, and the form saves.
        await set_date(pilot, "yesterday")
        assert not hint.has_class("error")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [interview.date for interview in app.results] == [TODAY - dt.timedelta(days=1)]


async def test_an_empty_company_is_refused() -> None:
    async with driving(new_form) as (app, pilot):
        await pilot.press("tab")
        await type_text(pilot, "Analyst")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert focused_id(app) == "company"
        error = app.screen.query_one("#company-error", Static)
        assert error.display and error.has_class("-shown")
        assert "Company is required" in str(error.render())
        await type_text(pilot, "   ")  # blanks are not a name either
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        await type_text(pilot, "Acme")
        assert not error.has_class("-shown")


async def test_an_invalid_value_is_shown_beside_its_field() -> None:
    async with driving(new_form) as (app, pilot):
        app.screen.query_one("#company", Input).value = "A" * 501  # over the 500 limit
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert focused_id(app) == "company"
        message = str(app.screen.query_one("#company-error").render())
        assert message.startswith("Company is too long")


async def test_choices_made_with_keys_land_in_the_result() -> None:
    async with driving(new_form) as (app, pilot):
        await type_text(pilot, "Acme")
        await pilot.press("tab", "tab", "tab")
        assert focused_id(app) == "stage"
        await pilot.press("enter")  # open the menu, type to find, enter to choose
        await type_text(pilot, "pan")
        await pilot.press("enter")
        await pilot.press("tab")
        assert focused_id(app) == "interviewers"
        await type_text(pilot, "Dana Lee, , Sam")
        await pilot.press("tab")
        assert focused_id(app) == "outcome"
        await pilot.press("enter")
        await type_text(pilot, "rej")
        await pilot.press("enter")
        await pilot.press("tab")
        assert focused_id(app) == "rating"
        await pilot.press("enter", "down", "down", "enter")  # none → 1 → 2
        await pilot.press("tab")
        assert focused_id(app) == "feelings"
        await pilot.press("space", "down", "down", "space", "end", "space")
        await pilot.press("tab")
        assert focused_id(app) == "notes"
        await type_text(pilot, "Late.")
        await pilot.press("enter")
        await type_text(pilot, "Then blanked.")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [interview] = app.results
    assert interview.stage == "panel"
    assert interview.interviewers == ["Dana Lee", "Sam"]
    assert interview.outcome == "rejected"
    assert interview.rating == 2
    assert interview.feelings == ["disappointed", "self-doubt", "confident"]
    assert interview.notes == "Late.\nThen blanked."


async def test_editing_keeps_uuid_created_and_closed() -> None:
    original = Interview(
        company="Acme",
        role="Engineer",
        date=dt.date(2026, 11, 20),
        time=dt.time(9, 30),
        stage="onsite",
        interviewers=["Dana Lee"],
        outcome="rejected",
        rating=2,
        feelings=["angry", "hopeful"],
        notes="brain dump",
        closed=True,
        created="2026-11-20T18:00:00+00:00",
    )
    async with driving(lambda: InterviewForm(original, today=TODAY)) as (app, pilot):
        screen = app.screen
        assert screen.query_one("#date", Input).value == "2026-11-20 09:30"
        assert screen.query_one("#rating", Select).value == 2
        assert sorted(screen.query_one("#feelings", SelectionList).selected) == [
            "angry",
            "hopeful",
        ]
        assert screen.query_one("#notes", TextArea).text == "brain dump"
        role = screen.query_one("#role", Input)
        role.focus()
        await type_text(pilot, "Staff Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()
    [edited] = app.results
    assert edited.uuid == original.uuid
    assert edited.created == original.created
    assert edited.closed is True
    assert edited.role == "Staff Engineer"
    assert (edited.date, edited.time) == (original.date, original.time)
    assert (edited.stage, edited.interviewers, edited.outcome) == (
        "onsite",
        ["Dana Lee"],
        "rejected",
    )
    assert (edited.rating, edited.feelings, edited.notes) == (2, ["angry", "hopeful"], "brain dump")


async def test_a_failed_save_keeps_the_form_and_what_was_typed() -> None:
    journal = MemoryJournal(refuse="The journal is read-only: nothing was saved.")
    async with driving(new_form, journal) as (app, pilot):
        await type_text(pilot, "Acme")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert isinstance(app.screen, InterviewForm)
        assert app.screen.query_one("#company", Input).value == "Acme"
        assert "The journal is read-only" in visible_text(app)
        journal.refuse = None
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [interview.company for interview in journal.interviews_sent] == ["Acme", "Acme"]
    [saved] = app.results
    assert saved.created == STORED_AT  # the interview as the journal stored it


async def test_a_new_interview_gets_a_new_uuid() -> None:
    uuids = set()
    for _ in range(2):
        async with driving(new_form) as (app, pilot):
            await type_text(pilot, "Acme")
            await pilot.press("ctrl+s")
            await pilot.pause()
        uuids.add(app.results[0].uuid)
    assert len(uuids) == 2


async def test_escape_on_an_untouched_form_returns_none() -> None:
    async with driving(new_form) as (app, pilot):
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


async def test_escape_after_typing_asks_before_discarding() -> None:
    async with driving(new_form) as (app, pilot):
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Discard what you typed?" in visible_text(app)
        await pilot.click("#confirm")  # the "Discard" button
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, InterviewForm | ConfirmScreen)


async def test_cancelling_the_discard_keeps_the_form() -> None:
    async with driving(new_form) as (app, pilot):
        await type_text(pilot, "Acme")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert app.results == []
        assert isinstance(app.screen, InterviewForm)
        assert app.screen.query_one("#company", Input).value == "Acme"
        await pilot.press("escape", "y")  # and asking again, yes discards
        await pilot.pause()
        assert app.results == [None]


async def test_tab_walks_the_fields_in_order_and_shift_tab_walks_back() -> None:
    order = [
        "company",
        "role",
        "date",
        "stage",
        "interviewers",
        "outcome",
        "rating",
        "feelings",
        "notes",
    ]
    async with driving(new_form) as (app, pilot):
        seen = [focused_id(app)]
        for _ in order[1:]:
            await pilot.press("tab")
            seen.append(focused_id(app))
        assert seen == order
        assert app.screen.query_one("#notes", TextArea).text == ""  # tab never inserts a tab
        back = [focused_id(app)]
        for _ in order[1:]:
            await pilot.press("shift+tab")
            back.append(focused_id(app))
        assert back == order[::-1]


async def test_markup_like_text_round_trips_literally() -> None:
    async with driving(new_form) as (app, pilot):
        await type_text(pilot, "[bold]x[/]")
        await set_date(pilot, "[red]soon")
        assert '"[red]soon"' in str(app.screen.query_one("#date-hint").render())
        await set_date(pilot, "today")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].company == "[bold]x[/]"


async def test_an_edit_shows_markup_like_text_as_typed() -> None:
    original = Interview(company="[bold]x[/]", date=TODAY)
    async with driving(lambda: InterviewForm(original, today=TODAY)) as (app, pilot):
        assert "[bold]x[/]" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# -- SearchScreen -------------------------------------------------------------------------------

HITS = [
    SearchHit("i1", "c1", "issue", "arrived 10 minutes late: [bold]traffic[/]"),
    SearchHit("i2", None, "interview", "flustered, then blanked"),
]


class FakeSearch:
    def __init__(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.calls: list[str] = []

    def __call__(self, text: str) -> list[Described]:
        self.calls.append(text)
        return [Described(hit, f"2026-11-20 Acme — {hit.field}") for hit in self.hits]


async def test_search_as_you_type_and_enter_opens_the_first_hit() -> None:
    search = FakeSearch(HITS)
    async with driving(lambda: SearchScreen(search)) as (app, pilot):
        assert focused_id(app) == "query"
        await type_text(pilot, "late")
        await until(pilot, lambda: hits_shown(app))
        assert search.calls and search.calls[-1] == "late"
        results = app.screen.query_one("#results", OptionList)
        assert results.display
        assert option_texts(results) == [
            "2026-11-20 Acme — issue\narrived 10 minutes late: [bold]traffic[/]",
            "2026-11-20 Acme — interview\nflustered, then blanked",
        ]
        assert "[bold]traffic[/]" in visible_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [HITS[0]]


async def test_search_is_debounced() -> None:
    search = FakeSearch(HITS)
    async with driving(lambda: SearchScreen(search)) as (app, pilot):
        app.screen.query_one("#query", Input).value = "bl"
        app.screen.query_one("#query", Input).value = "bla"
        app.screen.query_one("#query", Input).value = "blan"
        await until(pilot, lambda: search.calls)
        assert search.calls == ["blan"]  # three changes in quick succession, one search


async def test_enter_straight_after_typing_does_not_wait_for_the_pause() -> None:
    search = FakeSearch(HITS)
    async with driving(lambda: SearchScreen(search)) as (app, pilot):
        app.screen.query_one("#query", Input).value = "late"
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [HITS[0]]
    assert search.calls == ["late"]


async def test_down_moves_into_the_results_and_up_back_out() -> None:
    search = FakeSearch(HITS)
    async with driving(lambda: SearchScreen(search)) as (app, pilot):
        await type_text(pilot, "bl")
        await until(pilot, lambda: hits_shown(app))
        await pilot.press("down")
        results = app.screen.query_one("#results", OptionList)
        assert focused_id(app) == "results"
        assert results.highlighted == 0
        await pilot.press("down")
        assert results.highlighted == 1
        await pilot.press("up", "up")
        assert focused_id(app) == "query"
        await pilot.press("down", "j")
        assert results.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [HITS[1]]


@pytest.mark.parametrize("query", ['"x', "NEAR(", "*", "foo AND", "[b]"])
async def test_search_text_goes_to_the_callable_unchanged(query: str) -> None:
    search = FakeSearch([])
    async with driving(lambda: SearchScreen(search)) as (app, pilot):
        await type_text(pilot, query)
        await until(pilot, lambda: "Nothing" in str(app.screen.query_one("#status").render()))
        assert search.calls[-1] == query
        status = str(app.screen.query_one("#status").render())
        assert status == f"Nothing found for “{query}”."
        assert not app.screen.query_one("#results").display
        await pilot.press("enter")  # nothing to open: the screen stays
        await pilot.pause()
        assert app.results == []
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


# -- HelpScreen ---------------------------------------------------------------------------------


def test_help_rows_are_generated_from_bindings() -> None:
    bindings = [
        Binding("n", "new", "New interview", id="journal.new"),
        Binding("j,down", "cursor_down", "Down", id="journal.down"),
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("x", "secret", "", id="journal.secret"),  # no description: not listed
        ("escape", "back", "Back"),
    ]
    assert bindings_help(bindings) == [
        ("n", "New interview"),
        ("j ↓", "Down"),
        ("^s", "Save"),
        ("?", "Help"),
        ("esc", "Back"),
    ]


async def test_help_keys_read_as_the_running_app_shows_them() -> None:
    class Shouty(App[None]):
        def get_key_display(self, binding: Binding) -> str:
            return super().get_key_display(binding).upper()

    app = Shouty()
    async with app.run_test():
        rows = bindings_help([Binding("ctrl+s", "save", "Save")], app)
    assert rows == [("^S", "Save")]


@pytest.mark.parametrize("key", ["escape", "question_mark", "q"])
async def test_help_shows_every_section_and_closes(key: str) -> None:
    sections = [
        ("Journal", [("n", "New interview"), ("[b]", "Literal [b]")]),
        ("Form", bindings_help(InterviewForm.BINDINGS)),
    ]
    async with driving(lambda: HelpScreen(sections)) as (app, pilot):
        text = visible_text(app)
        for expected in ("Journal", "New interview", "Literal [b]", "Form", "^s", "Save"):
            assert expected in text
        await pilot.press(key)
        await pilot.pause()
    assert app.results == [None]


async def test_help_scrolls_when_it_is_long() -> None:
    rows = [(f"k{i}", f"Action number {i}") for i in range(60)]
    async with driving(lambda: HelpScreen([("Many", rows)])) as (app, pilot):
        sections = app.screen.query_one("#sections")
        assert sections.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert sections.scroll_y == sections.max_scroll_y


@pytest.mark.parametrize(
    ("keys", "said", "not_said"),
    [
        (
            (),
            ["Journal", "Went well", "Interview list", "Issue editor", "Everywhere"],
            ["12 months"],
        ),
        (("t",), ["Trends", "12 months", "Everywhere", "Quit"], ["Went well", "Again"]),
        (("r",), ["Review", "Show my answer", "Again", "Everywhere"], ["Went well", "12 months"]),
    ],
)
async def test_question_mark_shows_the_keys_of_the_screen_on_show(
    tmp_path, keys: tuple[str, ...], said: list[str], not_said: list[str]
) -> None:
    from interview_journal.store import open_journal
    from interview_journal.tui.app import JournalApp

    from .conftest import add_acme

    journal = open_journal(tmp_path / "journal.db")
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys, "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = [title for title, _rows in app.screen.sections]
        text = visible_text(app) + " ".join(
            description for _title, rows in app.screen.sections for _key, description in rows
        )
        for words in said:
            assert words in text or words in sections
        for words in not_said:
            assert words not in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


# -- PositivesScreen ----------------------------------------------------------------------------


def positives_screen(positives: list[Positive]) -> Callable[[], Screen]:
    return lambda: PositivesScreen(ACME, positives)


async def test_positives_add() -> None:
    journal = MemoryJournal()
    existing = [Positive(text="Good rapport with Dana")]
    async with driving(positives_screen(existing), journal) as (app, pilot):
        assert "What went well" in visible_text(app)
        assert "Acme — Engineer" in visible_text(app)
        assert focused_id(app) == "new-positive"
        await type_text(pilot, "Explained the [b]cache[/b] clearly")
        await pilot.press("enter")
        await pilot.pause()
        assert journal.positives_added == ["Explained the [b]cache[/b] clearly"]
        options = app.screen.query_one("#positives", OptionList)
        assert option_texts(options) == [
            "• Good rapport with Dana",
            "• Explained the [b]cache[/b] clearly",
        ]
        assert app.screen.query_one("#new-positive", Input).value == ""
        await pilot.press("enter")  # an empty box adds nothing
        assert journal.positives_added == ["Explained the [b]cache[/b] clearly"]
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_positives_error_from_add_keeps_the_text() -> None:
    journal = MemoryJournal(refuse="The journal is read-only.")
    async with driving(positives_screen([]), journal) as (app, pilot):
        await type_text(pilot, "Stayed calm")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#new-positive", Input).value == "Stayed calm"
        assert "The journal is read-only." in visible_text(app)
        assert not app.screen.query_one("#positives").display
        journal.refuse = None
        await pilot.press("enter")
        await pilot.pause()
        assert journal.positives_added == ["Stayed calm"]


async def test_positives_escape_keeps_a_line_typed_but_not_entered() -> None:
    journal = MemoryJournal()
    async with driving(positives_screen([]), journal) as (app, pilot):
        await type_text(pilot, "Asked good questions")
        await pilot.press("escape")
        await pilot.pause()
    assert journal.positives_added == ["Asked good questions"]
    assert app.results == [None]


async def test_positives_delete_asks_first() -> None:
    journal = MemoryJournal()
    existing = [Positive(text="Good rapport"), Positive(text="On time")]
    async with driving(positives_screen(existing), journal) as (app, pilot):
        options = app.screen.query_one("#positives", OptionList)
        await pilot.press("tab")  # from the box to the list
        assert focused_id(app) == "positives"
        await pilot.press("j")
        assert options.highlighted == 1
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "On time" in visible_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert journal.positives_removed == []
        assert options.option_count == 2
        await pilot.press("delete", "y")
        await pilot.pause()
        assert journal.positives_removed == [existing[1].uuid]
        assert option_texts(options) == ["• Good rapport"]


async def test_delete_in_the_box_edits_the_text() -> None:
    async with driving(positives_screen([Positive(text="Good rapport")])) as (app, pilot):
        await type_text(pilot, "ab")
        await pilot.press("home", "delete")
        await pilot.pause()
        assert app.screen.query_one("#new-positive", Input).value == "b"
        assert isinstance(app.screen, PositivesScreen)


# -- FollowUpsScreen ----------------------------------------------------------------------------


async def test_follow_ups_list_add_and_toggle() -> None:
    late = FollowUp(kind="thank-you", due=TODAY - dt.timedelta(days=6))
    done = FollowUp(kind="feedback-request", due=dt.date(2026, 11, 30), done=dt.date(2026, 11, 26))
    desk = MemoryJournal([late, done])

    def make() -> FollowUpsScreen:
        return FollowUpsScreen(ACME, [late, done], Material(), TODAY)

    async with driving(make, desk) as (app, pilot):
        options = app.screen.query_one("#follow-ups", OptionList)
        lines = option_texts(options)
        assert "Thank-you note" in lines[0] and "due Sat 21 Nov" in lines[0]
        assert "overdue" in lines[0]
        assert "done Thu 26 Nov" in lines[1] and "overdue" not in lines[1]

        await pilot.press("space")  # the highlighted one, the late thank-you
        await pilot.pause()
        assert desk.saved == [late.uuid]
        lines = option_texts(options)
        assert "done Fri 27 Nov" in lines[0] and "overdue" not in lines[0]

        await pilot.press("a")  # the composer on a new thank-you, not stored yet
        await pilot.pause()
        assert app.screen is not app.modal
        await pilot.press("escape")  # nothing edited: closes without asking, and adds nothing
        await pilot.pause()
        assert app.screen is app.modal
        assert desk.kinds_added == []
        assert len(option_texts(options)) == 2
        await pilot.press("a", "ctrl+s")  # again, and saved: now it is kept
        await pilot.pause()
        assert desk.kinds_added == ["thank-you"]
        assert app.screen is app.modal  # saving closed the composer
        lines = option_texts(options)
        assert len(lines) == 3
        assert "due Sat 28 Nov (tomorrow)" in lines[2]
        assert options.highlighted == 2

        await pilot.press("k", "space")  # back to the done one: undone
        await pilot.pause()
        assert desk.saved == [late.uuid, done.uuid]
        assert desk.by_uuid[done.uuid].done is None
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_follow_ups_start_empty() -> None:
    desk = MemoryJournal()

    def make() -> FollowUpsScreen:
        return FollowUpsScreen(ACME, [], Material(), TODAY)

    async with driving(make, desk) as (app, pilot):
        assert "No follow-ups yet" in visible_text(app)
        await pilot.press("space", "d", "enter")  # nothing to toggle, delete or open
        await pilot.pause()
        assert desk.saved == [] and app.screen is app.modal
        await pilot.press("b", "escape")  # a feedback request begun, then left: none kept
        await pilot.pause()
        assert desk.kinds_added == []
        assert "No follow-ups yet" in visible_text(app)
        await pilot.press("b", "ctrl+s")
        await pilot.pause()
        assert desk.kinds_added == ["feedback-request"]
        assert app.screen.query_one("#follow-ups", OptionList).option_count == 1
        assert "No follow-ups yet" not in visible_text(app)
