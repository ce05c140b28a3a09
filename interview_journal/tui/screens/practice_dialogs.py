"""The practice screen's small dialogs, each typed by what it returns: a question's wording and
group (`QuestionDialog`), a hidden question to show again (`HiddenQuestionsDialog`), and which
answer to change (`AnswerChoiceDialog`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ...core.model import Question, Story
from ...core.questions import GROUPS
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from ..widgets.status_line import StatusLine
from .dialog import Dialog


def _one_line(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class QuestionDialog(Dialog[tuple[str, str] | None]):
    """A question's wording and its group: (text, group key), or None when left."""

    DEFAULT_CSS = """
    QuestionDialog > #dialog {
        width: 72;
    }
    QuestionDialog .label {
        color: $text-muted;
    }
    QuestionDialog #question-text {
        margin-bottom: 1;
    }
    QuestionDialog #question-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    HELP_TITLE = "A question"
    AUTO_FOCUS = "#question-text"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="question.save"),
        Binding("escape", "cancel", "Cancel", id="question.cancel"),
    ]

    def __init__(self, title: str, text: str = "", group: str = "about-you") -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.group = group

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = self.title_text
            yield Static(Content("The question, as they would ask it"), classes="label")
            yield LineInput(
                self.text, placeholder="Why do you want to work here?", id="question-text"
            )
            yield Static(Content("Group"), classes="label")
            yield Select(
                [(group.name, group.key) for group in GROUPS],
                value=self.group,
                allow_blank=False,
                id="question-group",
                compact=True,
            )
            yield Static(Content("enter or ctrl+s saves · escape leaves it"), id="question-hint")
            yield StatusLine(id="question-said", wraps=True)
        yield Footer()

    @on(LineInput.Submitted, "#question-text")
    def _submitted(self, event: LineInput.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = " ".join(self.query_one("#question-text", LineInput).value.split())
        if not text:
            self.query_one(StatusLine).say("Write the question first.", "warning")
            return
        group = self.query_one("#question-group", Select).value
        self.dismiss((text, str(group)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class HiddenQuestionsDialog(Dialog[str | None]):
    """The hidden questions; enter shows the highlighted one again (its uuid), escape leaves."""

    DEFAULT_CSS = """
    HiddenQuestionsDialog > #dialog {
        width: 76;
    }
    HiddenQuestionsDialog #hidden {
        height: auto;
        max-height: 14;
        background: $panel;
    }
    HiddenQuestionsDialog #hidden-hint {
        color: $text-muted;
        margin-top: 1;
    }
    """

    HELP_TITLE = "Hidden questions"
    AUTO_FOCUS = "#hidden"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="hidden.close"),
        Binding("j", "cursor('down')", "Down", show=False, id="hidden.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="hidden.up"),
    ]

    def __init__(self, questions: Sequence[Question]) -> None:
        super().__init__()
        self.questions = list(questions)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Hidden questions"
            if self.questions:
                yield OptionList(
                    *(Option(Content(q.text), id=q.uuid) for q in self.questions),
                    id="hidden",
                    compact=True,
                )
                hint = "enter shows the question again in practice · escape leaves them hidden"
            else:
                hint = "No question is hidden. h on a question hides it from practice."
            yield Static(Content(hint), id="hidden-hint")
        yield Footer()

    @on(OptionList.OptionSelected, "#hidden")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cursor(self, way: str) -> None:
        for options in self.query("#hidden").results(OptionList):
            if way == "down":
                options.action_cursor_down()
            else:
                options.action_cursor_up()


class AnswerChoiceDialog(Dialog[int | None]):
    """Which of a question's answers to change: its place (from 0), or None when left."""

    DEFAULT_CSS = """
    AnswerChoiceDialog > #dialog {
        width: 76;
    }
    AnswerChoiceDialog #answers {
        height: auto;
        background: $panel;
    }
    """

    HELP_TITLE = "Which answer"
    AUTO_FOCUS = "#answers"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="answer_choice.close"),
        Binding("j", "cursor('down')", "Down", show=False, id="answer_choice.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="answer_choice.up"),
    ]

    def __init__(self, stories: Sequence[Story]) -> None:
        super().__init__()
        self.stories = list(stories)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Change which answer?"
            yield OptionList(
                *(
                    Option(Content(f"{number}. {_one_line(story.text)}"), id=str(number - 1))
                    for number, story in enumerate(self.stories, start=1)
                ),
                id="answers",
                compact=True,
            )
        yield Footer()

    @on(OptionList.OptionSelected, "#answers")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))

    def action_cursor(self, way: str) -> None:
        options = self.query_one("#answers", OptionList)
        if way == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()
