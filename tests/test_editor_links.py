"""The issue editor's question line and next step, driven by keys on a real journal file: the
question an issue quotes is suggested, confirmed, changed, removed (for good), or added to the
questions; the next step is typed, saved by itself, ticked off, and leaves the briefing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Input, Select

from interview_journal.cli.main import cli
from interview_journal.core.model import Interview, Issue, Question
from interview_journal.core.questions import BANK, builtin_uuid
from interview_journal.store import Journal, open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.help import HelpScreen
from interview_journal.tui.screens.question_picker import (
    AddQuestionDialog,
    QuestionPicker,
    closest_group,
)
from interview_journal.tui.widgets.editor_lines import QuestionSays
from interview_journal.tui.widgets.issue_editor import IssueEditor

from .conftest import TODAY, screen_lines, until
from .test_journal_screen import keys

SIZE = (110, 36)
LEAVING = builtin_uuid("why-leaving")


def add_interview(journal: Journal, *problems: str, action: str = "") -> list[Issue]:
    interview = journal.add_interview(
        Interview(company="Acme", date=TODAY - dt.timedelta(days=3), stage="onsite")
    )
    return [
        journal.add_issue(
            Issue(
                problem=problem,
                category="rambling",
                action=action,
                interview_uuid=interview.uuid,
            )
        )
        for problem in problems
    ]


def make_app(journal: Journal) -> JournalApp:
    return JournalApp(journal=journal, today=lambda: TODAY)


def question_line(app: JournalApp) -> str:
    return app.screen.query_one(QuestionSays).said


async def in_the_editor(app: JournalApp, pilot) -> IssueEditor:
    """Down to the first issue, and into its text (as enter on the issue list does)."""
    await pilot.press("tab")  # the issue list, on its first issue
    await until(pilot, lambda: app.screen.query_one(IssueEditor).issue is not None)
    await pilot.press("enter")
    editor = app.screen.query_one(IssueEditor)
    await until(pilot, lambda: app.focused is not None and editor in app.focused.ancestors)
    return editor


async def picker_open(app: JournalApp, pilot) -> None:
    """Into the first issue, its question suggested, then ctrl+l: the picker on show."""
    await in_the_editor(app, pilot)
    await until(pilot, lambda: "(suggested)" in question_line(app))
    await pilot.press("ctrl+l")
    await until(pilot, lambda: isinstance(app.screen, QuestionPicker))


async def test_a_quoted_question_is_suggested_and_confirmed(journal: Journal) -> None:
    (issue,) = add_interview(journal, "Froze when asked 'why are you leaving your job'")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await in_the_editor(app, pilot)
        await until(pilot, lambda: "(suggested)" in question_line(app))
        assert "Question: Why are you leaving your current job? (suggested)" in question_line(app)
        assert "Confirm question" in screen_lines(app)[-1]
        await pilot.press("ctrl+o")
        await until(pilot, lambda: "(confirmed)" in question_line(app))
    stored = journal.issue(issue.uuid)
    assert (stored.question_uuid, stored.question_link) == (LEAVING, "confirmed")


async def test_change_picks_another_question_by_a_few_words(journal: Journal) -> None:
    (issue,) = add_interview(journal, "Froze when asked 'why are you leaving your job'")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await picker_open(app, pilot)
        await pilot.press(*keys("your weakness"))
        picker = app.screen
        assert isinstance(picker, QuestionPicker)
        await until(pilot, lambda: "weakness" in picker.shown[0].text.lower())
        wanted = picker.shown[0]
        await pilot.press("enter")
        await until(pilot, lambda: wanted.text in question_line(app))
        assert "(confirmed)" in question_line(app)
    stored = journal.issue(issue.uuid)
    assert (stored.question_uuid, stored.question_link) == (wanted.uuid, "confirmed")


async def test_escape_in_the_picker_keeps_the_link(journal: Journal) -> None:
    (issue,) = add_interview(journal, "Froze when asked 'why are you leaving your job'")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await picker_open(app, pilot)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, QuestionPicker))
        assert "(suggested)" in question_line(app)
    stored = journal.issue(issue.uuid)
    assert (stored.question_uuid, stored.question_link) == (LEAVING, "suggested")


async def test_a_removed_link_stays_removed_after_a_restart(journal_path: Path) -> None:
    journal = open_journal(journal_path)
    (issue,) = add_interview(journal, "Froze when asked 'why are you leaving your job'")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await in_the_editor(app, pilot)
        await until(pilot, lambda: "(suggested)" in question_line(app))
        await pilot.press("ctrl+r")
        await until(pilot, lambda: "Question" not in question_line(app))
        # typing more of the words does not bring the suggestion back
        await pilot.press(*keys(" again"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: journal.issue(issue.uuid).problem.endswith("again"))
        await pilot.pause()
        assert "Question" not in question_line(app)
    journal.close()
    again = open_journal(journal_path)
    try:
        stored = again.issue(issue.uuid)
        assert (stored.question_uuid, stored.question_link) == (None, "confirmed")
        app = make_app(again)
        async with app.run_test(size=SIZE) as pilot:
            await in_the_editor(app, pilot)
            await pilot.pause()
            assert question_line(app) == ""
    finally:
        again.close()


async def test_a_new_quote_is_linked_after_the_autosave(journal: Journal) -> None:
    (issue,) = add_interview(journal, "Talked too long")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await in_the_editor(app, pilot)
        await pilot.pause()
        assert question_line(app) == ""
        await pilot.press(*keys(" when asked 'why are you leaving'"))
        await until(pilot, lambda: "(suggested)" in question_line(app))
        assert "Why are you leaving your current job?" in question_line(app)
    assert journal.issue(issue.uuid).question_uuid == LEAVING


async def test_an_unmatched_quote_is_offered_and_added_to_the_questions(journal: Journal) -> None:
    (issue,) = add_interview(journal, "Blanked on 'Tell me about Kubernetes operators'")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await in_the_editor(app, pilot)
        await until(pilot, lambda: "Not in your questions" in question_line(app))
        assert "'Tell me about Kubernetes operators' — add it" in question_line(app)
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, AddQuestionDialog))
        dialog = app.screen
        assert isinstance(dialog, AddQuestionDialog)
        assert dialog.query_one("#new-text", Input).value == "Tell me about Kubernetes operators"
        assert dialog.query_one("#new-group", Select).value == "role"  # like no question
        await pilot.press("enter")
        await until(pilot, lambda: "Question: Tell me about Kubernetes" in question_line(app))
    added = [q for q in journal.questions() if q.text == "Tell me about Kubernetes operators"]
    assert len(added) == 1 and not added[0].builtin and added[0].group == "role"
    stored = journal.issue(issue.uuid)
    assert (stored.question_uuid, stored.question_link) == (added[0].uuid, "confirmed")


def open_actions(path: Path) -> list[str]:
    result = CliRunner().invoke(cli, ["--db", str(path), "brief", "--json"])
    assert result.exit_code == 0, result.output
    return [action for item in json.loads(result.stdout)["focus"] for action in item["actions"]]


async def test_the_next_step_is_typed_saved_ticked_off_and_leaves_the_briefing(
    journal_path: Path,
) -> None:
    journal = open_journal(journal_path)
    (issue,) = add_interview(journal, "Talked too long")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await in_the_editor(app, pilot)
        await pilot.press("tab", "tab", "tab", "tab")  # what I should have done, category, ...
        await until(pilot, lambda: app.focused is not None and app.focused.id == "action")
        await pilot.press(*keys("Mock interview with Sam"))
        # saved by itself after a pause in typing
        await until(pilot, lambda: journal.issue(issue.uuid).action == "Mock interview with Sam")
        assert open_actions(journal_path) == ["Mock interview with Sam"]
        await pilot.press("ctrl+t")
        await until(pilot, lambda: journal.issue(issue.uuid).action_done == TODAY)
        assert f"✓ done {TODAY.isoformat()}" in str(app.screen.query_one("#action-done").render())
        assert open_actions(journal_path) == []
        await pilot.press("ctrl+t")  # open again
        await until(pilot, lambda: journal.issue(issue.uuid).action_done is None)
        assert open_actions(journal_path) == ["Mock interview with Sam"]
    journal.close()


async def test_the_question_keys_are_in_the_help(journal: Journal) -> None:
    add_interview(journal, "Froze when asked 'why are you leaving your job'")
    app = make_app(journal)
    async with app.run_test(size=SIZE) as pilot:
        await in_the_editor(app, pilot)
        await pilot.press("escape")  # out of the text, where ? is a key
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        editor_keys = dict(dict(help_screen.sections)["Issue editor"])
        assert editor_keys["^o"] == "Confirm question"
        assert editor_keys["^l"] == "Change question"
        assert editor_keys["^r"] == "Remove question"
        assert editor_keys["^n"] == "Add question"
        assert editor_keys["^t"] == "Step done"


def test_a_ticked_off_step_travels_in_the_exchange_file(tmp_path: Path) -> None:
    with open_journal(tmp_path / "a.db") as journal:
        (issue,) = add_interview(journal, "Talked too long", action="Mock interview")
        journal.update_issue(Issue(**{**_fields(journal.issue(issue.uuid)), "action_done": TODAY}))
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "a.db"), "export", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert '"action_done": "2026-11-27"' in out.read_text()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "b.db"), "import", str(out)])
    assert result.exit_code == 0, result.output
    with open_journal(tmp_path / "b.db") as again:
        assert [i.action_done for i in again.issues()] == [TODAY]


def _fields(issue: Issue) -> dict[str, object]:
    return {name: getattr(issue, name) for name in Issue.__slots__}  # type: ignore[attr-defined]


async def test_at_80x24_the_question_line_and_the_next_step_fit(journal: Journal) -> None:
    add_interview(
        journal,
        "Froze when asked 'why are you leaving your job' and rambled",
        action="Mock interview with Sam",
    )
    app = make_app(journal)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await in_the_editor(app, pilot)
        await until(pilot, lambda: "(suggested)" in question_line(app))
        lines = screen_lines(app)
        said = next(line for line in lines if "Question: Why are" in line)
        assert "(suggested)" in said  # the question is cut short, never what is said of it
        assert any("Mock interview with Sam" in line and "open" in line for line in lines)
        for area in editor.query("TextArea"):
            assert area.region.height >= 6, area.id
        assert "^o Confirm question" in lines[-1]


def test_a_new_question_goes_to_the_group_of_the_most_alike_or_the_role() -> None:
    questions = [Question(text=q.text, group=q.group) for q in BANK]
    assert closest_group("Tell me about a time you had a conflict with your boss", questions) == (
        "behavioural"
    )
    assert closest_group("What is your biggest strength as an engineer", questions) == "strengths"
    assert closest_group("Why did you leave your last team", questions) == "awkward"
    # like nothing of the bank (its first words are not enough): the role
    assert closest_group("Tell me about Kubernetes operators", questions) == "role"
    assert closest_group("Explain Kubernetes pods", questions) == "role"
