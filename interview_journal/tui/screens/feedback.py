"""What the company said when asked for feedback: kept on the interview, and turned into issues
to work on in one step (issue 13)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static, TextArea

from ...core.feedback import feedback_points
from ...core.model import Interview
from ..widgets.footer import Footer
from ..widgets.status_line import StatusLine
from .confirm import close_asking
from .dialog import Dialog
from .journal_text import title

HINT = (
    "Paste or type what they told you, in their words. ctrl+t makes each point an issue, so "
    "that you can write what you would do instead."
)


@dataclass(frozen=True, slots=True)
class FeedbackKept:
    """The feedback to keep on the interview, and whether its points become issues."""

    text: str
    to_issues: bool = False


class FeedbackScreen(Dialog[FeedbackKept | None]):
    """Edits the feedback received for one interview; dismissed with what to keep (ctrl+s, or
    ctrl+t to keep it and make issues of it), or None when closed. The screen does no I/O: the
    journal screen writes, and opens it again with the reason when the write is refused."""

    DEFAULT_CSS = """
    FeedbackScreen > #dialog {
        width: 84;
        height: 80%;
        max-height: 30;
    }
    FeedbackScreen #hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    FeedbackScreen #feedback {
        height: 1fr;
    }
    FeedbackScreen #points {
        color: $text-muted;
    }
    """

    HELP_TITLE = "Feedback received"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Save", id="feedback.save"),
        Binding("ctrl+t", "to_issues", "Make issues", id="feedback.to_issues"),
        Binding("escape", "close", "Close", id="feedback.close"),
    ]

    def __init__(self, interview: Interview, *, text: str | None = None, said: str = "") -> None:
        super().__init__()
        self.interview = interview
        self.stored = interview.feedback
        self.text = interview.feedback if text is None else text
        self.said = said  # why it opened again (a save refused)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Feedback they gave"
            dialog.border_subtitle = Content(title(self.interview))
            yield Static(Content(HINT), id="hint")
            yield TextArea(self.text, soft_wrap=True, tab_behavior="focus", id="feedback")
            yield Static(id="points")
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.said:
            self.query_one("#said", StatusLine).say(self.said, "error")
        editor = self.query_one("#feedback", TextArea)
        editor.move_cursor(editor.document.end)
        editor.focus()
        self._count(editor.text)

    @on(TextArea.Changed, "#feedback")
    def _changed(self, event: TextArea.Changed) -> None:
        self._count(event.text_area.text)

    def _count(self, text: str) -> None:
        points = len(feedback_points(text))
        self.query_one("#points", Static).update(
            Content(f"{points} point{'s' if points != 1 else ''}: ctrl+t makes an issue of each")
            if points
            else Content("")
        )

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return self.query_one("#feedback", TextArea).text != self.stored

    def unsaved(self) -> FeedbackKept | None:
        """For a stop that cannot ask (SIGTERM): the feedback typed and not saved, or None."""
        text = self.query_one("#feedback", TextArea).text
        return FeedbackKept(text) if self.unsaved_text else None

    def action_keep(self) -> None:
        self.dismiss(FeedbackKept(self.query_one("#feedback", TextArea).text))

    def action_to_issues(self) -> None:
        self.dismiss(FeedbackKept(self.query_one("#feedback", TextArea).text, to_issues=True))

    def action_close(self) -> None:
        close_asking(self, "Close without saving their feedback?", edited=self.unsaved_text)
