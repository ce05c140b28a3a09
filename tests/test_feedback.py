"""Feedback received (issue 13): kept on the interview as they said it, and made into issues in
one step."""

from __future__ import annotations

import dataclasses

import pytest
from textual.widgets import TextArea

from interview_journal.core.feedback import feedback_points, is_praise, issues_from_feedback
from interview_journal.core.model import Issue
from interview_journal.store import Journal, open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.feedback import FeedbackScreen

from .conftest import TODAY, add_acme, screen_lines, until

LETTER = """Thanks for your time last week. A few notes from the panel:

- Your system design answer jumped to the database before the requirements.
- The answers ran long; we lost the thread in the second half.
* Good energy and clear interest in the product.
"""


def shown(app: JournalApp) -> str:
    return " ".join(" ".join(screen_lines(app)).split())


def test_points_are_the_lines_of_a_list_without_their_bullets() -> None:
    # The thanks, the heading and the praise are no points to work on.
    assert feedback_points(LETTER) == [
        "Your system design answer jumped to the database before the requirements.",
        "The answers ran long; we lost the thread in the second half.",
    ]


def test_a_paragraph_is_split_into_its_sentences_and_short_words_are_no_point() -> None:
    text = "You rambled on the first question. Work on concise answers! Ok. Be on time"
    assert feedback_points(text) == [
        "You rambled on the first question.",
        "Work on concise answers!",
        "Be on time",
    ]
    assert feedback_points("  \n\n ok \n") == []


def test_a_point_that_is_already_an_issue_is_not_made_again() -> None:
    existing = [Issue(problem="The answers ran long; we lost the thread in the second half")]
    made = issues_from_feedback(LETTER, "interview", existing)
    problems = [issue.problem for issue in made]
    assert "The answers ran long; we lost the thread in the second half." not in problems
    assert all(issue.interview_uuid == "interview" and issue.category is None for issue in made)


async def test_kept_on_the_interview_and_made_into_issues_with_one_key(journal: Journal) -> None:
    acme = add_acme(journal)
    before = len(journal.issues(acme.uuid))
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        assert isinstance(app.screen, FeedbackScreen)
        assert "Feedback they gave" in shown(app)
        app.screen.query_one("#feedback", TextArea).insert(LETTER)
        await pilot.pause()
        assert "points: ctrl+t makes an issue of each" in shown(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert not isinstance(app.screen, FeedbackScreen)
        made = len(journal.issues(acme.uuid)) - before
        assert made == len(feedback_points(LETTER)) == 2
        assert f"{made} issues from their feedback" in shown(app)
        # listed among the interview's issues, the first of them open in the editor
        await until(pilot, lambda: "uncategorised · Your system design" in shown(app))

        await pilot.press("F")  # what they said is still there, and nothing is made twice
        await pilot.pause()
        assert app.screen.query_one("#feedback", TextArea).text == LETTER
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert len(journal.issues(acme.uuid)) - before == made
        assert "each of its points is an issue already" in shown(app)
        assert "their feedback is kept: F to read it" in shown(app)
    assert journal.interview(acme.uuid).feedback == LETTER


async def test_leaving_with_changes_asks_and_editing_the_interview_keeps_it(
    journal: Journal,
) -> None:
    acme = add_acme(journal)
    journal.update_interview(dataclasses.replace(acme, feedback="Be more concise."))
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        app.screen.query_one("#feedback", TextArea).insert("Also: ")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        await pilot.press("e", "ctrl+s")  # the interview form saved: their words are kept
        await pilot.pause()
    assert journal.interview(acme.uuid).feedback == "Be more concise."


async def test_a_read_only_journal_keeps_the_dialog_open_with_what_was_typed(
    journal_path,
) -> None:
    with open_journal(journal_path) as journal:
        add_acme(journal)
    journal = open_journal(journal_path, read_only=True)
    try:
        app = JournalApp(journal=journal, today=lambda: TODAY)
        async with app.run_test(size=(130, 40)) as pilot:
            await pilot.press("F")
            await pilot.pause()
            app.screen.query_one("#feedback", TextArea).insert("Too long on the intro.")
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, FeedbackScreen)
            assert app.screen.query_one("#feedback", TextArea).text == "Too long on the intro."
            assert "Not saved:" in shown(app)
    finally:
        journal.close()


async def test_a_stop_signal_keeps_the_feedback_typed(journal: Journal) -> None:
    """SIGTERM or a closed terminal cannot ask: their words typed and not saved are kept."""
    acme = add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("F")
        await pilot.pause()
        await pilot.press(*"Concise")
        app._stop_on_signal()  # what SIGTERM and SIGHUP call
        await pilot.pause()
    assert journal.interview(acme.uuid).feedback == "Concise"


@pytest.mark.parametrize(
    ("point", "praise"),
    [
        ("Strong on the technical basics.", True),
        ("Good questions at the end.", True),
        ("The panel liked your background, but your answer stayed general.", False),
        ("You came across as capable, but nervous.", False),
        ("Your answers weren't clear enough.", False),
        ("You ran over time on the first question.", False),
    ],
)
def test_praise_is_told_from_a_point_to_work_on(point: str, praise: bool) -> None:
    assert is_praise(point) is praise


def test_praise_becomes_no_issue() -> None:
    """Turning "Strong on the technical basics" into a mistake to fix would be absurd."""
    text = "- Strong on the technical basics.\n- The design answer jumped to tools too soon."
    assert feedback_points(text) == ["The design answer jumped to tools too soon."]
