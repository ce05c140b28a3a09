"""The journal screen driven by keys, as a user would, asserting on what the journal saved."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual import events
from textual.widgets import Input, Select, Static, TextArea

from interview_journal.core.model import Interview, Step
from interview_journal.store import Journal, open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.help import HelpScreen
from interview_journal.tui.screens.interview_form import InterviewForm
from interview_journal.tui.widgets.footer import Footer
from interview_journal.tui.widgets.interview_list import InterviewList
from interview_journal.tui.widgets.issue_editor import IssueEditor

from .conftest import TODAY, add_acme, palette_offers, until

SIZE = (130, 40)


def make_app(journal: Journal) -> JournalApp:
    return JournalApp(journal=journal, today=lambda: TODAY)


@asynccontextmanager
async def beside_another_window(
    journal_path, *, notifications: bool = False
) -> AsyncIterator[tuple[JournalApp, Any, Journal, Interview]]:
    """The app on a journal holding Acme, and `other`: a second connection to the same file,
    as another running app (or a command) has. Yields (app, pilot, other, acme)."""
    journal = open_journal(journal_path)
    acme = add_acme(journal)
    try:
        with open_journal(journal_path) as other:
            app = make_app(journal)
            async with app.run_test(size=SIZE, notifications=notifications) as pilot:
                yield app, pilot, other, acme
    finally:
        journal.close()


def keys(text: str) -> list[str]:
    """What a user types, as keys for Pilot."""
    names = {
        " ": "space",
        "\n": "enter",
        ":": "colon",
        ",": "comma",
        "-": "minus",
        "'": "apostrophe",
    }
    return [names.get(char, char) for char in text]


async def type_text(pilot, text: str) -> None:
    await pilot.press(*keys(text))


def screen_text(app: JournalApp) -> str:
    """What the terminal shows, as text (the screenshot is SVG with escaped spaces)."""
    svg = app.export_screenshot()
    pieces = re.findall(r">([^<]*)</text>", svg)  # one per run of a style: join them up
    return html.unescape("".join(pieces)).replace("\xa0", " ")


def issue_texts(journal: Journal, interview_uuid: str) -> list[tuple[str, str]]:
    return [(i.problem, i.should_have) for i in journal.issues(interview_uuid)]


# -- capture --------------------------------------------------------------------------------


async def test_first_run_says_what_to_do(journal) -> None:
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#empty").display
        assert "press  n" in screen_text(app)


async def test_capture_an_interview_with_a_relative_date_then_two_issues(journal) -> None:
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, InterviewForm)
        await type_text(pilot, "Acme")
        await pilot.press("tab")
        await type_text(pilot, "Backend Engineer")
        await pilot.press("tab")
        await type_text(pilot, "3 days ago")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, InterviewForm)
        [summary] = journal.interview_summaries()
        interview = summary.interview
        assert (interview.company, interview.role) == ("Acme", "Backend Engineer")
        assert interview.date == TODAY - dt.timedelta(days=3)
        [thank_you] = journal.follow_ups(interview.uuid)  # the next step, made for the user
        assert (thank_you.kind, thank_you.due) == ("thank-you", interview.date + dt.timedelta(1))

        # The first issue: what went wrong, then beside it what I should have done.
        await pilot.press("i")
        assert isinstance(app.focused, TextArea) and app.focused.id == "problem"
        await type_text(pilot, "Arrived late")
        await pilot.press("tab")
        assert app.focused.id == "should_have"
        await type_text(pilot, "Leave an hour early")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # The second, saved by leaving the field rather than by ctrl+s.
        await pilot.press("escape", "i")
        await type_text(pilot, "Rambled")
        await pilot.press("tab")
        await type_text(pilot, "Answer in three sentences")
        await pilot.press("escape")
        await pilot.pause()
        assert issue_texts(journal, interview.uuid) == [
            ("Arrived late", "Leave an hour early"),
            ("Rambled", "Answer in three sentences"),
        ]
        assert len(app.screen.query_one("#issues").options) == 2


async def test_edits_save_themselves_after_a_pause(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Phone buzzed")
        assert issue_texts(journal, interview.uuid)[-1][0] != "Phone buzzed"  # not yet
        await pilot.pause(1.3)
        assert issue_texts(journal, interview.uuid)[-1][0] == "Phone buzzed"
        assert "saved" in str(app.screen.query_one("#save-state").render())


async def test_quitting_saves_what_was_just_typed(journal_path) -> None:
    journal = open_journal(journal_path)
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Forgot the portfolio")
        await pilot.press("q")  # goes into the text, not quit
        await pilot.press("escape", "escape", "q")
    journal.close()
    again = open_journal(journal_path)
    assert issue_texts(again, interview.uuid)[-1][0] == "Forgot the portfolioq"
    again.close()


async def test_the_bad_date_message_and_nothing_saved(journal) -> None:
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_text(pilot, "Initech")
        await pilot.press("tab", "tab")
        await type_text(pilot, "blursday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        assert "blursday" in str(app.screen.query_one("#date-hint").render())
        assert journal.count_interviews() == 0
        await pilot.press("escape")  # something was typed: it asks first
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert journal.count_interviews() == 0


async def test_edit_the_interview(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, InterviewForm)
        assert form.query_one("#company", Input).value == "Acme"
        await pilot.press("tab")
        role = form.query_one("#role", Input)
        role.value = ""
        await type_text(pilot, "Staff Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = journal.interview(interview.uuid)
        assert stored.role == "Staff Engineer"
        assert stored.date == interview.date and stored.created == interview.created


# -- delete ---------------------------------------------------------------------------------


async def test_delete_an_issue_asks_first_and_cancel_keeps_it(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")  # to the issue list
        assert app.focused.id == "issues"
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert len(journal.issues(interview.uuid)) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [i.problem for i in journal.issues(interview.uuid)] == ["Babbled about my thesis"]


async def test_delete_an_interview_with_confirmation(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert "Acme" in str(app.screen.query_one("#question").render())
        await pilot.press("escape")
        await pilot.pause()
        assert journal.count_interviews() == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert journal.count_interviews() == 0
        assert journal.issues() == []
        assert app.screen.query_one("#empty").display
        del interview


# -- search, tab order, categories, closing ----------------------------------------------------


async def test_search_jumps_to_the_interview_and_the_issue(journal) -> None:
    acme = add_acme(journal)
    journal.add_interview(Interview(company="Globex", date=dt.date(2026, 11, 25)))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        interviews = app.screen.query_one(InterviewList)
        assert interviews.highlighted.interview.company == "Globex"
        await pilot.press("slash")
        await type_text(pilot, "thesis")
        await pilot.press("enter")  # before the search has answered: it opens once it has
        await until(pilot, lambda: interviews.highlighted.interview.uuid == acme.uuid)
        editor = app.screen.query_one(IssueEditor)
        assert editor.issue.problem == "Babbled about my thesis"
        assert app.focused.id == "issues"


async def test_tab_goes_through_the_panes_and_the_editor_without_inserting_tabs(journal) -> None:
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        order = []
        for _ in range(6):
            order.append(app.focused.id)
            await pilot.press("tab")
        assert order == ["interviews", "issues", "problem", "should_have", "category", "severity"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert app.focused.id == "problem"
        assert "\t" not in app.focused.text


async def test_a_suggested_category_is_used_only_when_confirmed(journal) -> None:
    interview = journal.add_interview(Interview(company="Hooli", date=dt.date(2026, 11, 26)))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Late because of traffic")
        await pilot.pause()
        assert "Late / timing" in str(app.screen.query_one("#suggestion").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert journal.issues(interview.uuid)[0].category is None  # only suggested
        await pilot.press("ctrl+g")
        assert app.screen.query_one("#category", Select).value == "punctuality"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert journal.issues(interview.uuid)[0].category == "punctuality"


async def test_close_and_reopen(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert journal.interview(interview.uuid).closed
        assert journal.interview_summaries()[0].step is Step.CLOSED
        await pilot.press("c")
        await pilot.pause()
        assert not journal.interview(interview.uuid).closed


async def test_help_lists_every_key_from_the_bindings(journal) -> None:
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = screen_text(app)
        for description in ("New", "Issue", "Went well", "Follow-ups", "Search", "Quit"):
            assert description in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


# -- odd text, failed saves ---------------------------------------------------------------------


async def test_markup_emoji_and_a_long_paste_are_kept_as_typed(journal) -> None:
    interview = add_acme(journal)
    pasted = "[bold]not bold[/] 🙈 " + "x" * 200_000
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        app.focused.insert(pasted)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert journal.issues(interview.uuid)[-1].problem == pasted
        assert "[bold]not bold[/]" in screen_text(app)


async def test_a_failed_save_keeps_the_text_and_says_so(journal_path) -> None:
    writer = open_journal(journal_path)
    interview = add_acme(writer)
    writer.close()
    journal = open_journal(journal_path, read_only=True)
    app = make_app(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Words I must not lose")
        await pilot.press("ctrl+s")
        await pilot.pause()
        state = str(app.screen.query_one("#save-state").render())
        assert "not saved" in state and "read-only" in state
        assert app.focused.text == "Words I must not lose"
    journal.close()
    assert len(open_journal(journal_path).issues(interview.uuid)) == 2


# -- what went well, follow-ups, the palette ----------------------------------------------------


async def test_what_went_well_is_one_key_away(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("w")
        await type_text(pilot, "Calm answer on salary")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
    assert [p.text for p in journal.positives(interview.uuid)] == [
        "Good rapport with Dana",
        "Calm answer on salary",
    ]


async def test_follow_ups_mark_the_thank_you_sent_and_the_step_moves_on(journal) -> None:
    interview = add_acme(journal)
    [issue, second] = journal.issues(interview.uuid)
    journal.update_issue(dataclasses.replace(second, should_have="One example, then stop"))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        assert "solved" in screen_text(app)
        await pilot.press("f", "space")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert journal.follow_ups(interview.uuid)[0].done == TODAY
        assert journal.interview_summaries()[0].step is Step.FOLLOWED_UP
        assert "followed up" in screen_text(app)
    del issue


async def test_the_command_palette_finds_an_interview(journal) -> None:
    acme = add_acme(journal)
    journal.add_interview(Interview(company="Globex", date=dt.date(2026, 11, 25)))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Acme")
        await until(pilot, lambda: palette_offers(app, "Acme"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(InterviewList).highlighted.interview.uuid == acme.uuid


@pytest.mark.parametrize("mode", ["trends", "review"])
async def test_the_command_palette_opens_an_interview_from_another_screen(journal, mode) -> None:
    acme = add_acme(journal)
    journal.add_interview(Interview(company="Globex", date=dt.date(2026, 11, 25)))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(mode[0])
        await pilot.pause()
        assert app.current_mode == mode
        await pilot.press("ctrl+p")
        await type_text(pilot, "Acme")
        await until(pilot, lambda: palette_offers(app, "Acme"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "journal"
        assert app.screen.query_one(InterviewList).highlighted.interview.uuid == acme.uuid


async def test_the_command_palette_offers_the_journal_first_then_textual_once(journal) -> None:
    """Textual's own commands (theme, quit ...) came first, and "Keys" twice (Textual's key
    panel and this app's help)."""
    from textual.command import CommandList

    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: palette_offers(app, "New interview"))
        await pilot.pause(0.3)  # every offer in
        offers = app.screen.query_one(CommandList)
        names = [
            str(offers.get_option_at_index(n).prompt).split("\n")[0]
            for n in range(offers.option_count)
        ]
        assert names[0] == "New interview"
        assert names.index("Export the journal (JSON)") < names.index("Theme")
        assert names.count("Keys") == 1
        await type_text(pilot, "keys")
        await until(pilot, lambda: palette_offers(app, "Keys"))
        await pilot.press("enter")
        await pilot.pause()
        assert "Everywhere" in screen_text(app)  # the app's help, not Textual's key panel


async def test_the_command_palette_opens_trends_and_review(journal) -> None:
    """'review' in the palette found nothing: the screens were reachable by key alone."""
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        for word, mode in (("Review", "review"), ("Trends", "trends"), ("Journal", "journal")):
            await pilot.press("ctrl+p")
            await type_text(pilot, word)
            await until(pilot, lambda: palette_offers(app, word))  # noqa: B023 - waited for here
            await pilot.press("enter")
            await pilot.pause()
            assert app.current_mode == mode


async def test_the_command_palette_does_not_act_beneath_an_open_form(journal) -> None:
    """Choosing "New interview" with the form open opened a second, empty form over it."""
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        await type_text(pilot, "Foo Inc")
        await pilot.press("ctrl+p")
        await type_text(pilot, "New interview")
        await until(pilot, lambda: palette_offers(app, "New interview"))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert len(app.screen_stack) == 2  # the journal and the one form
        assert app.screen.query_one("#company", Input).value == "Foo Inc"


async def test_keys_typed_right_after_q_do_not_open_screens_on_the_way_out(journal) -> None:
    """In a real terminal, keys typed in a burst arrive before the app has left: t after q
    once opened the trends screen half-way and the program died with a traceback."""
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in "qtr?":  # queued together, as a burst from the terminal is
            app.post_message(events.Key(key, key))
        await pilot.pause()
    assert app.return_code == 0
    assert app.current_mode == "journal"


def read_only_journal(journal_path, *others: Interview) -> tuple[Journal, Interview]:
    """Acme (and `others`) in a journal then opened read-only: every save fails."""
    with open_journal(journal_path) as writer:
        acme = add_acme(writer)
        for interview in others:
            writer.add_interview(interview)
    return open_journal(journal_path, read_only=True), acme


async def test_quitting_with_an_edit_that_could_not_be_saved_asks_first(journal_path) -> None:
    journal, _ = read_only_journal(journal_path)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Keep me")
        await pilot.press("escape", "q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # not gone: it asks
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
        assert app.screen.query_one("#problem", TextArea).text == "Keep me"
        await pilot.press("q", "y")
        await pilot.pause()
    assert not app.is_running
    journal.close()


async def test_tabbing_into_written_text_continues_it(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await pilot.press("tab", "tab")  # the issue list, then "What went wrong"
        assert app.focused.id == "problem"
        await type_text(pilot, " again")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert journal.issues(interview.uuid)[0].problem == "Arrived 10 minutes late: traffic again"


def overdue_line(app: JournalApp) -> str:
    """The journal's line of overdue follow-ups, as it reads (under a dialog too)."""
    [journal_screen] = [s for s in app.screen_stack if s.query("#overdue")]
    line = journal_screen.query_one("#overdue", Static)
    return str(line.render()) if line.display else ""


async def test_overdue_follow_ups_are_a_quiet_line_and_go_once_done(journal) -> None:
    """No toast over the editor: a line of its own names what is late, and goes once the
    letter is marked sent."""
    add_acme(journal)  # its thank-you was due on 2026-11-21
    app = make_app(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await until(pilot, lambda: overdue_line(app))
        assert overdue_line(app) == (
            "1 follow-up overdue: Acme thank-you note (6 days) — f to write"
        )
        assert "1 follow-up overdue" in screen_text(app)
        assert not app.screen.query("Toast")
        await pilot.press("f", "a")  # the thank-you waiting, opened
        await pilot.pause()
        await pilot.press("ctrl+t")  # marked sent
        await pilot.pause()
        assert overdue_line(app) == ""  # already gone, under the dialog
        await pilot.press("escape")
        await pilot.pause()
        assert "follow-up overdue" not in screen_text(app)


async def test_a_closed_interview_is_not_announced_as_overdue(journal) -> None:
    """The user moved on from Acme (closed it): its old thank-you is not held against them;
    closing it from the journal takes the line away at once."""
    interview = add_acme(journal)  # its thank-you was due on 2026-11-21
    journal.set_closed(interview.uuid, True)
    app = make_app(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()  # the start-up is done: what it had to say is said
        assert "follow-up overdue" not in screen_text(app)
        await pilot.press("c")  # reopened: late again
        await until(pilot, lambda: "1 follow-up overdue" in overdue_line(app))
        await pilot.press("c")  # moved on again
        await pilot.pause()
        assert overdue_line(app) == ""


@pytest.mark.typing_during_start_up
async def test_i_pressed_the_moment_the_app_opens_starts_an_issue(journal) -> None:
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i")  # no pause: the detail panes may not be mounted yet
        await type_text(pilot, "Early")
        await pilot.press("ctrl+s")
        await app.started.wait()  # the keys are handled once the panes are there
        await pilot.pause()
        assert app.is_running
    assert journal.issues(interview.uuid)[-1].problem == "Early"


async def test_i_pressed_at_once_on_an_interview_with_issues_keeps_the_new_draft(journal) -> None:
    """The issue list's own highlight, read after the new draft was loaded, must not put the
    first issue back in the editor or take the focus out of it."""
    interview = add_acme(journal)
    before = [issue.problem for issue in journal.issues(interview.uuid)]
    assert before  # the list will highlight the first of them
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The order a slow machine can give: the panes are filled (the issue list highlights
        # its first issue, and says so in a message) and i is handled before that message.
        screen = app.screen
        screen._show_interview(keep_issue=None)
        screen.action_new_issue()
        await pilot.pause()
        await type_text(pilot, "Then t and r")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.current_mode == "journal"
        assert app.focused is app.screen.query_one("#problem")
    assert [issue.problem for issue in journal.issues(interview.uuid)] == [*before, "Then t and r"]


async def test_the_footer_follows_the_focus_and_dims_what_cannot_be_done(journal) -> None:
    """The footer repaints only when its keys change: it must still change when they do."""

    def footer_keys() -> dict[str, bool]:
        """Each key's description, and whether it can act (the others are dimmed)."""
        return {key.description: key.enabled for key in app.screen.query_one(Footer).keys}

    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        empty = footer_keys()
        assert empty["New"] and "Issue" not in empty  # an empty journal does not offer i
        app.journal.add_interview(Interview(company="Acme", date=TODAY))
        app.screen.interview_list.reload()
        await pilot.pause()
        assert footer_keys()["Issue"]
        await pilot.press("i")
        await pilot.pause()
        assert "Use suggestion" in footer_keys()
        assert "Search" not in footer_keys()  # "/" is text in the editor
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert "Use suggestion" not in footer_keys()
        # (at 130 columns, with p among the keys, the line is drawn closer together)
        assert re.search(r"\bn New +i Issue ", screen_text(app))


async def test_a_click_on_a_footer_key_presses_it(journal) -> None:
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        await pilot.click(Footer, offset=(9, 0))  # " n New  i Issue ": i, a new issue
        await pilot.pause()
        assert app.screen.query_one("#problem").has_focus
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click(Footer, offset=(1, 0))  # n
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)


@pytest.mark.typing_during_start_up
async def test_keys_typed_during_start_up_are_kept_and_handled_in_order(journal) -> None:
    """The detail panes are mounted just after the first frame: a tab and a d typed before
    they are there still move to the issues and ask to delete the first one."""
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("tab", "d"):
            app.post_message(events.Key(key, "d" if key == "d" else None))
        assert not app.started.is_set()  # they were typed before start-up was over
        await app.started.wait()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert app.focused is app.screen.query_one("#issues")


@pytest.mark.parametrize("keys", [("n",), ("w",)])
async def test_ctrl_q_in_a_dialog_with_typed_text_asks_before_losing_it(journal, keys) -> None:
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        dialog = app.screen
        await type_text(pilot, "Globex")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "not saved yet" in screen_text(app)
        await pilot.press("escape")  # no: back to the dialog, the text still there
        await pilot.pause()
        assert app.screen is dialog and app.is_running
        assert "Globex" in screen_text(app)


async def test_an_issue_that_could_not_be_saved_is_not_dropped_by_moving_on(journal_path) -> None:
    globex = Interview(company="Globex", date=TODAY - dt.timedelta(days=30))
    journal, acme = read_only_journal(journal_path, globex)
    app = make_app(journal)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("i")
        await type_text(pilot, "Keep me")
        await pilot.press("escape", "escape", "j")  # to the list, then down to Globex
        await pilot.pause(0.2)
        assert app.screen.current.interview.uuid == acme.uuid  # it stayed
        assert app.screen.query_one("#problem", TextArea).text == "Keep me"
        said = " ".join(screen_text(app).replace("▌", " ").split())  # as the toast reads
        assert "could not be saved, so it stays" in said
        await pilot.press("tab", "k")  # in the issue list: moving there keeps it too
        await pilot.pause(0.2)
        assert app.screen.query_one("#problem", TextArea).text == "Keep me"
    journal.close()


@pytest.mark.parametrize("dialog", ["form", "went well"])
async def test_a_stop_signal_keeps_what_a_dialog_holds(journal, dialog) -> None:
    """SIGTERM or a closed terminal cannot ask: what was typed in a dialog is kept if it can
    be (the interview form saves an interview it describes; a line of what went well)."""
    interview = add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n" if dialog == "form" else "w")
        await pilot.pause()
        await type_text(pilot, "Globex")
        app._stop_on_signal()  # what SIGTERM and SIGHUP call
        await pilot.pause()
    if dialog == "form":
        companies = [s.interview.company for s in journal.interview_summaries()]
        assert "Globex" in companies
    else:
        assert "Globex" in [p.text for p in journal.positives(interview.uuid)]


async def test_keys_typed_in_one_burst_after_i_go_into_the_new_issue(journal) -> None:
    """`i` moves the focus to the editor, but the keys right behind it were already sent to the
    list: they are typed into the new issue, not taken as commands (d used to ask to delete the
    interview and y to say yes)."""
    interview = add_acme(journal)
    before = len(journal.issues(interview.uuid))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        for key in ("i", "d", "y"):
            app.post_message(events.Key(key, key))  # queued together, as a burst is
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
        assert app.focused is app.screen.query_one("#problem")
        assert app.focused.text == "dy"
        await pilot.press("ctrl+s")
        await pilot.pause()
    issues = journal.issues(interview.uuid)
    assert len(issues) == before + 1 and issues[-1].problem == "dy"


def burst(app: JournalApp, *keys: tuple[str, str]) -> None:
    """Keys queued together, as a fast typist's burst reaches the app: none waits for the
    screen to catch up with the one before it."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


def letters(text: str) -> list[tuple[str, str]]:
    return [(character, character) for character in text]


async def test_n_then_a_company_tab_and_a_role_in_one_burst_fill_both_fields(journal) -> None:
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        burst(app, ("n", "n"), *letters("Acme"), ("tab", "\t"), *letters("Engineer"))
        await pilot.pause()
        assert isinstance(app.screen, InterviewForm)
        assert app.screen.query_one("#company", Input).value == "Acme"
        assert app.screen.query_one("#role", Input).value == "Engineer"
        assert app.focused is app.screen.query_one("#role")


async def test_escape_then_i_read_as_alt_i_leaves_the_editor_and_starts_an_issue(journal) -> None:
    """A terminal sends escape then i, typed within its escape delay, as alt+i."""
    interview = add_acme(journal)
    before = len(journal.issues(interview.uuid))
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        burst(app, ("i", "i"), *letters("Late"), ("alt+i", "i"), *letters("Rambled"))
        await pilot.pause()
        assert app.focused is app.screen.query_one("#problem")
        assert app.focused.text == "Rambled"
        await pilot.press("ctrl+s")
        await pilot.pause()
    problems = [issue.problem for issue in journal.issues(interview.uuid)]
    assert len(problems) == before + 2
    assert "Late" in problems and "Rambled" in problems


# -- two windows on one journal ----------------------------------------------------------------
# The app is one window; `other` is a second connection to the same file, as another running
# app (or a command) has.


def conflict_dialog_shown(app: JournalApp) -> bool:
    return type(app.screen).__name__ == "ConflictScreen"


@pytest.mark.parametrize("choice", ["mine", "theirs"])
async def test_an_edit_made_in_another_window_is_shown_beside_mine_and_i_choose(
    journal_path, choice
) -> None:
    async with beside_another_window(journal_path) as (app, pilot, other, interview):
        first = other.issues(interview.uuid)[0]
        await pilot.press("tab", "tab")  # the issue list, then its first issue's text
        assert app.screen.query_one(IssueEditor).issue.uuid == first.uuid
        await type_text(pilot, " mine")
        other.update_issue(dataclasses.replace(first, should_have="Theirs: take the train"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Nothing was overwritten, and both versions are on the screen.
        assert other.issue(first.uuid).should_have == "Theirs: take the train"
        assert conflict_dialog_shown(app)
        shown = screen_text(app)
        assert "changed in another window" in shown
        assert "late: traffic mine" in shown and "Theirs: take the train" in shown
        assert "Keep mine" in shown and "Take theirs" in shown
        await pilot.press("m" if choice == "mine" else "t")
        await pilot.pause()
        assert not conflict_dialog_shown(app)
        stored = other.issue(first.uuid)
        problem = app.screen.query_one("#problem", TextArea).text
        should_have = app.screen.query_one("#should_have", TextArea).text
        if choice == "mine":
            assert stored.problem == "Arrived 10 minutes late: traffic mine"
            assert stored.should_have == "Leave 45 minutes early"
            assert "✓ saved" in str(app.screen.query_one("#save-state").render())
        else:
            assert (stored.problem, stored.should_have) == (first.problem, should_have)
            assert should_have == "Theirs: take the train"
            assert problem == first.problem
        # Either way the next edit saves by itself, over the version now stored.
        app.screen.set_focus(app.screen.query_one("#problem", TextArea))
        await type_text(pilot, "!")
        await pilot.pause(1.3)
        assert other.issue(first.uuid).problem.endswith("!")
        assert not conflict_dialog_shown(app)


@pytest.mark.parametrize("choice", ["new", "drop", "later"])
async def test_an_issue_deleted_in_another_window_is_not_brought_back_by_typing(
    journal_path, choice
) -> None:
    async with beside_another_window(journal_path) as (app, pilot, other, interview):
        first = other.issues(interview.uuid)[0]
        await pilot.press("tab", "tab")
        other.delete_issue(first.uuid)
        await type_text(pilot, " still typing")  # before this window has noticed
        await pilot.pause(1.3)  # autosave
        assert first.uuid not in [issue.uuid for issue in other.issues(interview.uuid)]
        assert conflict_dialog_shown(app)
        shown = screen_text(app)
        assert "deleted in another window" in shown
        assert "late: traffic still typing" in shown
        await pilot.press({"new": "s", "drop": "x", "later": "escape"}[choice])
        await pilot.pause()
        assert not conflict_dialog_shown(app)
        texts = [issue.problem for issue in other.issues(interview.uuid)]
        problem = app.screen.query_one("#problem", TextArea).text
        if choice == "new":  # saved again, because the user said so
            assert texts == [
                "Babbled about my thesis",
                "Arrived 10 minutes late: traffic still typing",
            ]
        elif choice == "drop":
            assert texts == ["Babbled about my thesis"]
            assert problem == "Babbled about my thesis"
        else:  # later: the text stays, unsaved, and is not saved by itself
            assert problem == "Arrived 10 minutes late: traffic still typing"
            await pilot.pause(1.3)
            assert (
                texts
                == ["Babbled about my thesis"]
                == [issue.problem for issue in other.issues(interview.uuid)]
            )
            assert "not saved" in str(app.screen.query_one("#save-state").render())


async def test_what_another_window_writes_shows_up_without_a_key(journal_path) -> None:
    async with beside_another_window(journal_path) as (app, pilot, other, acme):
        [late, babbled] = other.issues(acme.uuid)
        await pilot.press("tab")  # the issue list, on the first issue
        journal_screen = app.screen
        interviews = journal_screen.query_one(InterviewList)
        other.add_interview(Interview(company="Globex", date=TODAY - dt.timedelta(days=1)))
        other.update_issue(dataclasses.replace(late, should_have="Take the early train"))
        other.add_issue(dataclasses.replace(babbled, uuid="x" * 36, problem="Forgot names"))
        await pilot.pause(2.2)  # within the poll interval (and a little more)
        assert interviews.row_count == 2
        shown = screen_text(app)
        assert "Globex" in shown and "Forgot names" in shown
        # The selection, the focus and the editor stay on what they were on.
        assert interviews.highlighted.interview.uuid == acme.uuid  # now the second row
        assert app.focused.id == "issues"
        editor = app.screen.query_one(IssueEditor)
        assert editor.issue.uuid == late.uuid
        assert app.screen.query_one("#should_have", TextArea).text == "Take the early train"

        # Typing not saved yet is left alone when another window writes, even to the same
        # issue: its save asks instead.
        await pilot.press("tab")
        await type_text(pilot, " x")
        other.update_interview(dataclasses.replace(other.interview(acme.uuid), role="CTO"))
        other.update_issue(dataclasses.replace(late, should_have="Their words"))
        await pilot.pause(1.5)
        assert conflict_dialog_shown(app)
        assert journal_screen.query_one("#problem", TextArea).text.endswith("traffic x")
        await pilot.press("escape")
        await pilot.pause()
        assert "CTO" in screen_text(app)  # the summary of the interview, read again


@pytest.mark.parametrize("choice", ["mine", "theirs"])
async def test_the_interview_form_does_not_overwrite_an_edit_made_in_another_window(
    journal_path, choice
) -> None:
    async with beside_another_window(journal_path) as (app, pilot, other, acme):
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, InterviewForm)
        other.update_interview(dataclasses.replace(acme, notes="Their brain dump"))
        await pilot.press("tab")
        form.query_one("#role", Input).value = ""
        await type_text(pilot, "Staff Engineer")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert other.interview(acme.uuid).role == "Backend Engineer"  # not overwritten
        assert conflict_dialog_shown(app)
        shown = screen_text(app)
        assert "Role: Staff Engineer" in shown and "Their brain dump" in shown
        await pilot.press("m" if choice == "mine" else "t")
        await pilot.pause()
        assert not isinstance(app.screen, InterviewForm) and not conflict_dialog_shown(app)
        stored = other.interview(acme.uuid)
        if choice == "mine":
            assert (stored.role, stored.notes) == ("Staff Engineer", acme.notes)
        else:
            assert (stored.role, stored.notes) == ("Backend Engineer", "Their brain dump")


async def test_the_issue_on_show_deleted_in_another_window_leaves_the_editor(journal_path) -> None:
    """Nothing typed: the window follows the journal, and the next keys are not typed into
    another issue without the user knowing."""
    async with beside_another_window(journal_path, notifications=True) as (app, pilot, other, acme):
        [late, babbled] = other.issues(acme.uuid)
        await pilot.press("tab", "tab")
        assert app.focused.id == "problem"
        other.delete_issue(late.uuid)
        await pilot.pause(1.5)
        assert app.focused.id == "issues"
        assert app.screen.query_one(IssueEditor).issue.uuid == babbled.uuid
        assert "deleted in another window" in screen_text(app)
        assert not conflict_dialog_shown(app)
