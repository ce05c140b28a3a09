"""The journal screen's part in linking an issue to the question asked: it says the link on the
editor's question line, and confirms, changes, removes it, or adds the quoted question to the
journal's questions, as the editor asks (`IssueEditor.QuestionAsked`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

from ...core.model import Issue
from ...store import JournalError

if TYPE_CHECKING:
    from ...store import Journal
    from ..widgets.issue_editor import IssueEditor
    from ..widgets.status_line import Severity


class JournalLinks(Screen[None]):
    """The part of JournalScreen that keeps the editor's question line and acts on its keys."""

    if TYPE_CHECKING:  # what JournalScreen provides
        journal: Journal

        @property
        def editor(self) -> IssueEditor: ...
        def save_draft(self, *, ask: bool = True) -> bool: ...
        def _guard(self, write: Callable[[], object]) -> bool: ...
        def say(self, text: str, severity: Severity = "information") -> None: ...

    def on_issue_editor_question_wanted(self, message: IssueEditor.QuestionWanted) -> None:
        self._show_question(message.issue)

    def _show_question(self, issue: Issue) -> None:
        """The question line for `issue` as the journal links it now."""
        # Here, not at the top: the editor is loaded after the first frame (see show_detail).
        from ..widgets.editor_lines import QuestionLine

        editor = self.editor
        if editor.issue is None or editor.issue.uuid != issue.uuid:
            return  # another issue is on show by now
        try:
            line = QuestionLine()
            if issue.question_uuid is not None:
                question = self.journal.question(issue.question_uuid)
                line = QuestionLine(question.text, issue.question_link)
            elif issue.question_link is None:  # a link the user took away offers nothing
                unmatched = self.journal.question_quotes_unmatched(issue.problem)
                line = QuestionLine(unmatched=unmatched[0] if unmatched else "")
        except JournalError:
            line = QuestionLine()  # a question gone meanwhile: nothing to say
        editor.show_question(line)

    def on_issue_editor_question_asked(self, message: IssueEditor.QuestionAsked) -> None:
        issue = message.issue
        if not self.save_draft():
            return  # says why; the link waits for the words it follows
        if message.what == "confirm":
            self._relink(issue, lambda: self.journal.confirm_question("issue", issue.uuid))
        elif message.what == "remove":
            if self._relink(issue, lambda: self.journal.unlink_question("issue", issue.uuid)):
                self.say("The issue is linked to no question now.")
        elif message.what == "change":
            self._pick_question(issue)
        elif message.what == "add" and message.quote:
            self._add_question(issue, message.quote)

    def _relink(self, issue: Issue, write: Callable[[], object]) -> bool:
        if not self._guard(write):
            return False
        try:
            fresh = self.journal.issue(issue.uuid)
        except JournalError as error:
            self.say(str(error), "error")
            return False
        self.editor.linked(fresh)
        self._show_question(fresh)
        return True

    def _pick_question(self, issue: Issue) -> None:
        from .question_picker import QuestionPicker

        try:
            questions = self.journal.questions()
        except JournalError as error:
            self.say(str(error), "error")
            return

        def picked(uuid: str | None) -> None:
            if uuid is not None:
                self._relink(issue, lambda: self.journal.link_question("issue", issue.uuid, uuid))

        self.app.push_screen(QuestionPicker(questions, issue.question_uuid), picked)

    def _add_question(self, issue: Issue, quote: str) -> None:
        from .question_picker import AddQuestionDialog, closest_group

        try:
            group = closest_group(quote, self.journal.questions())
        except JournalError as error:
            self.say(str(error), "error")
            return

        def chosen(answer: tuple[str, str] | None) -> None:
            if answer is None:
                return
            text, group = answer

            def add() -> None:
                question = self.journal.add_question(text, group)
                self.journal.link_question("issue", issue.uuid, question.uuid)

            if self._relink(issue, add):
                self.say(f"Added to your questions: {text}")

        self.app.push_screen(AddQuestionDialog(quote, group), chosen)
