"""The question an issue was asked, chosen by hand: a picker over the journal's questions, and
a small dialog that adds a quoted question to them.

Both only answer (`dismiss`): the journal screen links, adds and says what it did.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from ...core.model import Question
from ...core.questions import GROUPS
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from .dialog import Dialog

SHOWN = 40
"""The most questions the picker lists at once (the bank holds about fifty)."""
DEFAULT_GROUP = "role"
"""Where a quoted question goes when it is like none of the journal's."""
LIKE_FROM = 62.0
"""How alike (rapidfuzz token sort ratio: the whole wording, so that "Tell me about
Kubernetes" is not taken for "Tell me about yourself") a question must be to lend a new one
its group."""

GROUP_NAMES = {group.key: group.name for group in GROUPS}


def filtered(questions: Sequence[Question], typed: str) -> list[Question]:
    """The questions that best match what is typed, best first (all, in order, for nothing)."""
    if not typed.strip():
        return list(questions[:SHOWN])
    from rapidfuzz import fuzz, process, utils

    found = process.extract(
        typed,
        [question.text for question in questions],
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        limit=SHOWN,
        score_cutoff=40,
    )
    return [questions[index] for _text, _score, index in found]


def closest_group(text: str, questions: Sequence[Question]) -> str:
    """The group of the journal's question most like `text`, or "role" when none is alike."""
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(
        text,
        [question.text for question in questions],
        scorer=fuzz.token_sort_ratio,
        processor=utils.default_process,
        score_cutoff=LIKE_FROM,
    )
    return questions[best[2]].group if best else DEFAULT_GROUP


class QuestionPicker(Dialog[str | None]):
    """Type a few words, pick the question the interviewer asked: returns its uuid, or None
    on escape."""

    HELP_TITLE = "Question picker"
    DEFAULT_CSS = """
    QuestionPicker { align: center top; }
    QuestionPicker > #dialog { width: 76; max-height: 90%; margin-top: 1; padding: 0 1; }
    QuestionPicker #filter { margin: 1 0 0 0; }
    QuestionPicker #choices { height: auto; max-height: 16; background: $panel; }
    QuestionPicker #picker-hint { color: $text-muted; margin: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("enter", "pick", "Link it", priority=True, id="picker.pick"),
        Binding("down", "move(1)", "Down", show=False, priority=True, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, priority=True, id="picker.up"),
    ]

    def __init__(self, questions: Sequence[Question], current: str | None = None) -> None:
        super().__init__()
        self.questions = list(questions)
        self.current = current
        self.shown: list[Question] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Which question was asked?"
            yield LineInput(placeholder="A few words of the question…", id="filter")
            yield OptionList(id="choices", compact=True)
            yield Static(
                Content("type to narrow · ↑↓ to choose · enter links · escape leaves it"),
                id="picker-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._show("")
        self.query_one("#filter", Input).focus()

    @on(Input.Changed, "#filter")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    def _show(self, typed: str) -> None:
        self.shown = filtered(self.questions, typed)
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        choices.add_options(
            Option(
                Text.assemble(
                    ("✓ " if q.uuid == self.current else "  "),
                    q.text,
                    "\n",
                    (f"    {GROUP_NAMES.get(q.group, q.group)}", "dim"),
                )
            )
            for q in self.shown
        )
        if self.shown:
            choices.highlighted = 0

    def action_move(self, step: int) -> None:
        choices = self.query_one("#choices", OptionList)
        if not self.shown:
            return
        at = choices.highlighted or 0
        choices.highlighted = max(0, min(len(self.shown) - 1, at + step))

    def action_pick(self) -> None:
        at = self.query_one("#choices", OptionList).highlighted
        if at is not None and 0 <= at < len(self.shown):
            self.dismiss(self.shown[at].uuid)

    @on(OptionList.OptionSelected, "#choices")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.shown[event.option_index].uuid)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AddQuestionDialog(Dialog[tuple[str, str] | None]):
    """The quoted question, its words as the user wants them, and its group: returns (text,
    group key), or None on escape."""

    HELP_TITLE = "New question"
    DEFAULT_CSS = """
    AddQuestionDialog > #dialog { width: 70; }
    AddQuestionDialog #new-text { margin-bottom: 1; }
    AddQuestionDialog #add-hint { color: $text-muted; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="add_question.cancel"),
        Binding("ctrl+s", "add", "Add", priority=True, id="add_question.add"),
    ]

    def __init__(self, text: str, group: str) -> None:
        super().__init__()
        self.text = text
        self.group = group

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Add to your questions"
            yield LineInput(self.text, id="new-text")
            yield Select(
                [(Text(group.name), group.key) for group in GROUPS],
                value=self.group,
                allow_blank=False,
                id="new-group",
            )
            yield Static(
                Content("enter or ctrl+s adds it and links the issue · escape leaves it"),
                id="add-hint",
            )
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#new-text", Input).focus()

    @on(Input.Submitted, "#new-text")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_add()

    def action_add(self) -> None:
        text = self.query_one("#new-text", Input).value.strip()
        group = self.query_one("#new-group", Select).value
        if text and isinstance(group, str):
            self.dismiss((text, group))

    def action_cancel(self) -> None:
        self.dismiss(None)
