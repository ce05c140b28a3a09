"""The brain dump (issue 14): in view on the journal screen, and split into draft issues to keep,
merge or drop — the method's "write it all down while fresh, sort the causes when calm"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interview_journal.core.model import Interview, Issue
from interview_journal.core.split import (
    MOST_DRAFTS,
    drafts_from_dump,
    issues_from_drafts,
    merge_with_previous,
)
from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.split import SplitScreen

from .conftest import TODAY, screen_lines, until

DUMP = """What a morning.
Things that went wrong:
- I was 10 minutes late because of the trains.
- Rambled for five minutes on the first question.
* I didn't know what they sell. Awful.
Good rapport with Dana.
"""


def test_each_sentence_or_line_is_a_draft_with_a_suggested_category() -> None:
    drafts = drafts_from_dump(DUMP)
    assert [draft.text for draft in drafts] == [
        "What a morning.",
        "I was 10 minutes late because of the trains.",
        "Rambled for five minutes on the first question.",
        "I didn't know what they sell. Awful.",  # a fragment joins the sentence before
        "Good rapport with Dana.",
    ]
    by_text = {draft.text: draft for draft in drafts}
    assert by_text["I was 10 minutes late because of the trains."].category == "punctuality"
    assert by_text["Rambled for five minutes on the first question."].category == "rambling"
    praise = by_text["Good rapport with Dana."]
    assert praise.praise and not praise.keep  # went well: offered, dropped at first
    assert by_text["What a morning."].keep


def test_an_issue_already_written_is_offered_dropped() -> None:
    existing = [Issue(problem="Rambled for five minutes on the first question")]
    [known] = [d for d in drafts_from_dump(DUMP, existing) if d.known]
    assert known.text.startswith("Rambled") and not known.keep


def test_merge_joins_two_drafts_into_one_kept_issue() -> None:
    drafts = drafts_from_dump("I froze. Completely. Then I rambled to fill the silence.")
    assert [d.text for d in drafts] == [
        "I froze. Completely.",
        "Then I rambled to fill the silence.",
    ]
    [merged] = merge_with_previous(drafts, 1)
    assert merged.text == "I froze. Completely. Then I rambled to fill the silence."
    assert merged.keep and merged.category == "rambling"
    [issue] = issues_from_drafts([merged], "interview")
    assert (issue.problem, issue.category, issue.interview_uuid) == (
        merged.text,
        "rambling",
        "interview",
    )


def test_an_empty_or_headings_only_dump_gives_no_drafts() -> None:
    assert drafts_from_dump("") == []
    assert drafts_from_dump("  \n\nNotes:\n- \n") == []


@given(st.text(max_size=400))
def test_any_text_splits_without_error_into_the_users_own_words(text: str) -> None:
    drafts = drafts_from_dump(text)
    assert len(drafts) <= MOST_DRAFTS
    for draft in drafts:
        assert draft.text.strip() and draft.text == " ".join(draft.text.split())
        assert all(word in text for word in draft.text.split())  # the user's words, none made up


def interview_with_dump(journal: Journal, notes: str = DUMP) -> Interview:
    interview = journal.add_interview(
        Interview(company="Acme", date=TODAY - dt.timedelta(days=1), notes=notes)
    )
    return interview


def shown(app: JournalApp) -> str:
    return "\n".join(screen_lines(app))


async def test_the_brain_dump_is_in_view_for_the_selected_interview(journal: Journal) -> None:
    journal.add_interview(
        Interview(company="Globex", date=TODAY - dt.timedelta(days=9), notes="[bold]Odd[/] 🎉")
    )
    interview_with_dump(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Brain dump" in shown(app))
        assert "I was 10 minutes late because of the trains." in shown(app)
        await pilot.press("j")  # Globex: its own dump, as typed
        await until(pilot, lambda: "[bold]Odd[/] 🎉" in shown(app))
        assert "late because of the trains" not in shown(app)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_at_small_sizes_the_dump_keeps_a_line_and_the_editor_its_room(
    journal: Journal, size: tuple[int, int]
) -> None:
    interview_with_dump(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: "What a morning." in shown(app))
        dump = app.screen.query_one("#dump")
        assert dump.region.height == 1  # its first line, without a frame
        assert "Brain dump: What a morning." in shown(app)
        editor = app.screen.query_one("#editor")
        assert editor.region.height >= 8


async def test_split_keep_drop_merge_and_add_in_one_step(journal: Journal) -> None:
    interview = interview_with_dump(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Brain dump" in shown(app))
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, SplitScreen))
        assert "5 drafts" in shown(app) and "4 of 5 drafts kept" in shown(app)
        await pilot.press("space")  # "What a morning." dropped
        await pilot.press("down", "down", "m")  # "Rambled…" joins "I was 10 minutes late…"
        await pilot.press("down", "c")  # "I didn't know…": no category, for later
        await pilot.pause()
        assert "2 of 4 drafts kept" in shown(app)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "issues added from the brain dump" in shown(app))
    problems = {issue.problem: issue.category for issue in journal.issues(interview.uuid)}
    assert problems == {
        "I was 10 minutes late because of the trains. Rambled for five minutes on the first "
        "question.": "punctuality",
        "I didn't know what they sell. Awful.": None,
    }


async def test_escape_after_a_change_asks_and_an_empty_dump_says_so(journal: Journal) -> None:
    from interview_journal.tui.screens.confirm import ConfirmScreen

    journal.add_interview(Interview(company="Globex", date=TODAY - dt.timedelta(days=9)))
    interview_with_dump(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Brain dump" in shown(app))
        await pilot.press("D")
        await until(pilot, lambda: isinstance(app.screen, SplitScreen))
        await pilot.press("space", "escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await pilot.pause()
        assert journal.issues() == []  # nothing added
        await pilot.press("j", "D")  # Globex has no dump
        await until(pilot, lambda: "No brain dump yet" in shown(app))
        assert not isinstance(app.screen, SplitScreen)


def test_sentences_merged_into_an_issue_are_known_when_split_again() -> None:
    merged = Issue(
        problem="I was 10 minutes late because of the trains. Rambled for five minutes on the "
        "first question."
    )
    known = {d.text for d in drafts_from_dump(DUMP, [merged]) if d.known and not d.keep}
    assert known == {
        "I was 10 minutes late because of the trains.",
        "Rambled for five minutes on the first question.",
    }


async def test_the_split_is_offered_for_an_interview_that_happened_not_one_to_come(
    journal: Journal,
) -> None:
    journal.add_interview(
        Interview(company="Globex", date=TODAY + dt.timedelta(days=3), notes="Bring questions.")
    )
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: "Bring questions." in shown(app))
        assert app.screen.check_action("split", ()) is False  # its notes are preparation
        assert app.screen.check_action("prepare", ()) is True


def test_a_title_does_not_end_a_sentence() -> None:
    drafts = drafts_from_dump("Mr. Smith seemed bored the whole time. Dr. Lee asked about SQL.")
    assert [d.text for d in drafts] == [
        "Mr. Smith seemed bored the whole time.",
        "Dr. Lee asked about SQL.",
    ]
