"""The side-by-side editor: what went wrong, beside it what I should have done.

It never writes to the journal itself: when there is something to save it posts `SaveRequested`
with the draft, and the screen answers with `saved()` or `save_failed()`. Saving is asked for
after a short pause in typing, when focus leaves a field, and on ctrl+s.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from ...core.dates import format_date
from ...core.fields import Shape
from ...core.model import Category, Issue
from ...core.taxonomy import suggest_category
from ..text import SEVERITY_NAMES
from .editor_lines import QuestionLine, QuestionSays, SaveState
from .fields import Look, field_of, value_of, widget_for

AUTOSAVE_SECONDS = 0.8  # a pause in typing this long saves: well inside a second
RETRY_SECONDS = 5.0  # a failed save (locked, read-only) is tried again this often

LOOKS = {
    "problem": Look("What went wrong", "Write it as it comes: what happened?", compact=False),
    "should_have": Look(
        "What I should have done", "Said or done instead, next time", compact=False
    ),
    "severity": Look(
        option=lambda n: SEVERITY_NAMES.get(n, str(n)), blank="Severity", compact=False
    ),
    "action": Look(placeholder="Next step: more practice, a mock interview…"),
}
"""How the editor shows the fields of Issue it derives from their Specs (core/model.py). The
category is its own: its choices are the journal's categories, which the screen hands over."""


def _content(issue: Issue | None) -> tuple[object, ...]:
    """What the user edits of an issue: two drafts with equal content need no second save."""
    if issue is None:
        return ()
    return (
        issue.problem,
        issue.should_have,
        issue.category,
        issue.severity,
        issue.action,
        issue.action_done,
    )


def _one_line(name: str) -> Any:
    """The field `name` of Issue, edited on one line (the next step: a few words)."""
    return dataclasses.replace(field_of(Issue, name), shape=Shape.LINE)


NO_ISSUE = "No issue open. Press i to write down something that went wrong."


class IssueEditor(Widget):
    """Edits one issue of one interview. With none loaded it shows no empty fields, which would
    look ready to type in (and the letters would run the journal's keys): it says how to add
    one."""

    DEFAULT_CSS = """
    /* The words lie over the fields, which keep their place: nothing moves when an issue opens. */
    IssueEditor { layers: below above; }
    IssueEditor #no-issue {
        layer: above;
        display: none;
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        color: $text-muted;
    }
    IssueEditor.-empty #no-issue { display: block; }
    IssueEditor.-empty #sides, IssueEditor.-empty #meta, IssueEditor.-empty #status,
    IssueEditor.-empty #next, IssueEditor.-empty #question {
        visibility: hidden;
    }
    IssueEditor #next { height: 1; }
    IssueEditor #action { width: 1fr; }
    IssueEditor #action-done { width: auto; padding: 0 1; color: $success; }
    IssueEditor #action-done.-open { color: $text-muted; }
    IssueEditor #question { width: 1fr; height: 1; padding: 0 1; color: $text-muted; }
    IssueEditor #question.-unmatched { color: $text-warning; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+g", "use_suggestion", "Use suggestion", id="editor.use_suggestion"),
        Binding("ctrl+t", "tick_action", "Step done", id="editor.tick_action"),
        Binding("ctrl+o", "question('confirm')", "Confirm question", id="editor.confirm_question"),
        Binding("ctrl+l", "question('change')", "Change question", id="editor.change_question"),
        Binding("ctrl+r", "question('remove')", "Remove question", id="editor.remove_question"),
        Binding("ctrl+n", "question('add')", "Add question", id="editor.add_question"),
    ]

    @dataclasses.dataclass
    class AboutIssue(Message):
        """What the editor says of the issue on show (its fields, read back)."""

        editor: IssueEditor
        issue: Issue

        @property
        def control(self) -> IssueEditor:
            return self.editor

    @dataclasses.dataclass
    class SaveRequested(AboutIssue):
        """Save this issue."""

    @dataclasses.dataclass
    class QuestionWanted(AboutIssue):
        """The issue on show was loaded or saved: what does the question line say now?"""

    @dataclasses.dataclass
    class QuestionAsked(AboutIssue):
        """The user asked to confirm, change, remove the issue's question ("confirm",
        "change", "remove"), or to add the quote it makes to the questions ("add")."""

        what: str = ""
        quote: str = ""

        @property
        def control(self) -> IssueEditor:
            return self.editor

    @dataclasses.dataclass
    class Ready(Message):
        """Mounted and ready to be loaded (the screen may mount it after its first frame)."""

        editor: IssueEditor

    def __init__(
        self,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes, disabled=disabled)
        self.today = today
        self.issue: Issue | None = None
        self.action_done: dt.date | None = None
        """The day the next step was ticked off, as the editor holds it (saved with the rest)."""
        self.question = QuestionLine()
        self.dirty = False
        self.suggestion: Category | None = None
        self._categories: dict[str, Category] = {}
        self._timer: Timer | None = None
        self._requested: Issue | None = None
        self.conflicted = False
        """The last save was refused: the issue changed or went elsewhere. Until the user
        chooses what to keep, nothing is saved by itself (ctrl+s asks again)."""

    def compose(self) -> ComposeResult:
        yield Static(NO_ISSUE, id="no-issue", markup=False)
        with Horizontal(id="sides"):
            for name in ("problem", "should_have"):
                with Vertical(classes="side"):
                    yield Label(LOOKS[name].label, classes="side-title")
                    yield self._widget(name, "")
        with Horizontal(id="meta"):
            yield Select[str]([], prompt="Category", id="category", allow_blank=True)
            yield self._widget("severity", field_of(Issue, "severity").default)
        with Horizontal(id="next"):
            yield widget_for(_one_line("action"), "", LOOKS["action"])
            yield Static(id="action-done")
            yield SaveState(id="save-state")
        with Horizontal(id="status"):
            yield QuestionSays(id="question")
            yield Static(id="suggestion")

    @staticmethod
    def _widget(name: str, value: object) -> Widget:
        return widget_for(field_of(Issue, name), value, LOOKS[name])

    def _value(self, name: str) -> Any:
        field = _one_line(name) if name == "action" else field_of(Issue, name)
        return value_of(field, self.query_one(f"#{name}"))

    def on_mount(self) -> None:
        self.post_message(self.Ready(self))

    # -- what the screen calls ----------------------------------------------------------------

    def set_categories(self, categories: list[Category]) -> None:
        self._categories = {category.slug: category for category in categories}
        select = self.query_one("#category", Select)
        with self.prevent(Select.Changed):
            select.set_options([(Text(c.name), c.slug) for c in categories])

    def load(self, issue: Issue | None) -> None:
        """Show `issue` (a stored one or a new draft), or nothing. Unsaved edits must have been
        taken with `take_draft()` first: loading drops them."""
        self._stop_timer()
        self.set_class(issue is None, "-empty")
        self.issue = issue
        self.dirty = False
        self.conflicted = False
        problem = self.query_one("#problem", TextArea)
        should_have = self.query_one("#should_have", TextArea)
        category = self.query_one("#category", Select)
        severity = self.query_one("#severity", Select)
        with self.prevent(TextArea.Changed, Select.Changed, Input.Changed):
            for area, text in (
                (problem, issue.problem if issue else ""),
                (should_have, issue.should_have if issue else ""),
            ):
                area.load_text(text)
                area.move_cursor(area.document.end)  # tabbing in continues the text
            if issue and issue.category in self._categories:
                category.value = issue.category
            else:
                category.clear()
            severity.value = issue.severity if issue else field_of(Issue, "severity").default
            action = issue.action if issue else ""
            self.query_one("#action", Input).value = " ".join(action.split())
        self.action_done = issue.action_done if issue else None
        self._show_action_done()
        self.show_question(QuestionLine())
        if issue is not None and issue.created:
            self.post_message(self.QuestionWanted(self, issue))
        self.disabled = issue is None
        self._update_suggestion()
        self.query_one(SaveState).show("saved" if issue and issue.created else "idle")

    def show_newer(self, issue: Issue) -> None:
        """The issue shown, as it was changed elsewhere (nothing typed here is pending): its new
        text in place, each cursor where it was (or as near as the new text allows)."""
        areas = list(self.query(TextArea))
        cursors = [area.cursor_location for area in areas]
        self.load(issue)
        for area, (row, column) in zip(areas, cursors, strict=True):
            row = min(row, area.document.line_count - 1)
            area.move_cursor((row, min(column, len(area.document.get_line(row)))))

    def take_draft(self) -> Issue | None:
        """The edited issue if it has changes to save (and stops the pending autosave)."""
        self._stop_timer()
        return self._draft() if self.dirty and self.issue else None

    def saved(self, issue: Issue) -> None:
        """The screen saved the draft it was sent; edits typed since then stay pending."""
        if self.issue is None or issue.uuid != self.issue.uuid:
            return
        # The stamp of this save is what the next one is checked against.
        self.issue = dataclasses.replace(
            self.issue,
            created=issue.created,
            updated=issue.updated,
            question_uuid=issue.question_uuid,
            question_link=issue.question_link,
            story_uuid=issue.story_uuid,
        )
        self.conflicted = False
        self.dirty = _content(self._draft()) != _content(self._requested)
        self.query_one(SaveState).show("unsaved" if self.dirty else "saved")
        self.post_message(self.QuestionWanted(self, self.issue))

    def show_question(self, line: QuestionLine) -> None:
        """Say which question the issue was asked (or the quote that matches none)."""
        self.question = line
        shown = self.query_one("#question", QuestionSays)
        if line.text:
            shown.say("Question: ", line.text, f" ({line.link})")
        elif line.unmatched:
            shown.say("Not in your questions: '", line.unmatched, "' — add it (ctrl+n)")
        else:
            shown.say("", "", "")
        shown.set_class(not line.text and bool(line.unmatched), "-unmatched")
        self.refresh_bindings()

    def linked(self, issue: Issue) -> None:
        """The issue's link, changed by the user: kept with the issue on show."""
        if self.issue is not None and self.issue.uuid == issue.uuid:
            self.issue = dataclasses.replace(
                self.issue,
                question_uuid=issue.question_uuid,
                question_link=issue.question_link,
                story_uuid=issue.story_uuid,
            )

    def save_failed(self, message: str) -> None:
        """Keep the text on screen, say why, and try again a little later."""
        self.query_one(SaveState).show("failed", message)
        self._stop_timer()
        self._timer = self.set_timer(RETRY_SECONDS, self.request_save)

    def save_conflicted(self, message: str) -> None:
        """The save was refused because the issue changed or was deleted elsewhere: keep the
        text, say so, and save nothing by itself until the user has chosen (see `rebase`)."""
        self._stop_timer()
        self.conflicted = True
        self.query_one(SaveState).show("failed", message)

    def rebase(self, base: Issue) -> None:
        """Keep what is typed, as an edit of `base`: the version the user chose to overwrite
        (theirs), or the same issue made new again (created == "") when it was deleted."""
        if self.issue is None:
            return
        self.issue = base
        self.dirty = True
        self.conflicted = False

    def request_save(self, *, asked: bool = False) -> None:
        """Ask the screen to save the draft now, if there is anything to save. After a refused
        save only the user's own ctrl+s (`asked`) tries again."""
        self._stop_timer()
        if not (self.dirty and self.issue) or (self.conflicted and not asked):
            return
        draft = self._draft()
        if not draft.problem.strip():
            self.query_one(SaveState).show("unsaved", "write what went wrong first")
            return
        self.query_one(SaveState).show("saving")
        self._requested = draft
        self.post_message(self.SaveRequested(self, draft))

    def focus_problem(self) -> None:
        problem = self.query_one("#problem", TextArea)
        # At once, not after the keys already waiting (as focus() would): "i" then "dy" typed
        # in one go must write "dy", not delete the interview.
        self.screen.set_focus(problem)
        # Just enabled (and perhaps just shown), the area has no size yet: once it has been laid
        # out, place the cursor again so that the terminal's cursor lands in it.
        self.call_after_refresh(lambda: problem.move_cursor(problem.cursor_location))

    # -- inside -------------------------------------------------------------------------------

    def _draft(self) -> Issue:
        assert self.issue is not None
        category = self.query_one("#category", Select).value
        action = self._value("action")
        if action == " ".join(self.issue.action.split()):
            action = self.issue.action  # shown on one line, kept as it was written
        return dataclasses.replace(
            self.issue,
            problem=self._value("problem"),
            should_have=self._value("should_have"),
            category=category if isinstance(category, str) else None,
            severity=self._value("severity"),
            action=action,
            action_done=self.action_done if action.strip() else None,
        )

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _changed(self) -> None:
        self.dirty = True
        self._stop_timer()
        if self.conflicted:
            self.query_one(SaveState).show("unsaved", "changed elsewhere, ctrl+s to choose")
            return
        self.query_one(SaveState).show("unsaved")
        self._timer = self.set_timer(AUTOSAVE_SECONDS, self.request_save)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        if event.text_area.id == "problem":
            self._update_suggestion()
        self._changed()

    @on(Input.Changed, "#action")
    def _action_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_action_done()
        self._changed()

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._update_suggestion()
        self._changed()

    def on_descendant_blur(self) -> None:
        # Leaving a field saves it, so that moving on never leaves words behind.
        if self.dirty:
            self.request_save()

    def _update_suggestion(self) -> None:
        suggestion = None
        if self.issue is not None and self.query_one("#category", Select).is_blank():
            slug = suggest_category(self.query_one("#problem", TextArea).text)
            suggestion = self._categories.get(slug or "")
        if suggestion == self.suggestion:
            return  # the footer is redrawn only when the suggestion changes, not on every key
        self.suggestion = suggestion
        hint = Text(f"Suggested: {suggestion.name} (ctrl+g)") if suggestion else ""
        self.query_one("#suggestion", Static).update(hint)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "use_suggestion":
            return self.suggestion is not None or None
        if action == "tick_action":
            return self.issue is not None and bool(self.query_one("#action", Input).value.strip())
        if action == "question":
            saved = self.issue is not None and bool(self.issue.created)
            what = parameters[0] if parameters else ""
            line = self.question
            return saved and (
                what == "change"
                or (what == "confirm" and line.link == "suggested" and bool(line.text))
                or (what == "remove" and bool(line.text))
                or (what == "add" and not line.text and bool(line.unmatched))
            )
        return True

    def action_tick_action(self) -> None:
        """Tick the next step off (today), or open it again."""
        if self.issue is None or not self.query_one("#action", Input).value.strip():
            return
        self.action_done = None if self.action_done else self.today()
        self._show_action_done()
        self._changed()

    def _show_action_done(self) -> None:
        shown = self.query_one("#action-done", Static)
        has_step = bool(self.query_one("#action", Input).value.strip())
        if has_step and self.action_done is not None:
            shown.update(Text(f"✓ done {format_date(self.action_done)}"))
        elif has_step:
            shown.update(Text("open"))
        else:
            shown.update("")
        shown.set_class(self.action_done is None, "-open")
        self.refresh_bindings()

    def action_question(self, what: str) -> None:
        if self.issue is None or not self.issue.created:
            return
        self.post_message(self.QuestionAsked(self, self.issue, what, self.question.unmatched))

    def action_use_suggestion(self) -> None:
        if self.suggestion is not None:
            self.query_one("#category", Select).value = self.suggestion.slug
