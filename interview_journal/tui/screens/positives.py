"""What went well in an interview: a list, and a box to add to it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Interview, Positive
from ..widgets.footer import Footer
from .confirm import ConfirmScreen
from .dialog import Dialog
from .journal_text import title

ENCOURAGEMENT = (
    "A hard interview still had good moments. Naming them shows you what to keep doing, "
    "and it makes the next one less daunting."
)


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PositivesScreen(Dialog[None]):
    """Lists what went well; enter in the box adds, delete on a highlighted item removes.

    The screen does no I/O: it tells the screen that opened it what the user added or removed
    (`Added`, `Removed`); that screen stores it and answers (`added`, `removed`, or
    `not_added`, `not_removed` with the reason). A line that could not be stored stays in the
    box.
    """

    DEFAULT_CSS = """
    PositivesScreen > #dialog {
        width: 76;
        border: round $success;
        border-title-color: $success;
    }
    PositivesScreen #encouragement {
        color: $text-muted;
        margin-bottom: 1;
    }
    PositivesScreen #positives {
        height: auto;
        max-height: 14;
        margin-bottom: 1;
        background: $panel;
    }
    PositivesScreen #hint {
        color: $text-muted;
        padding: 0 1;
    }
    PositivesScreen #no-positives {
        color: $text-muted;
        text-style: italic;
        margin-bottom: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete", "remove", "Remove", id="positives.remove"),
        Binding("escape", "close", "Close", id="positives.close"),
        Binding("j", "cursor_down", "Down", show=False, id="positives.down"),
        Binding("k", "cursor_up", "Up", show=False, id="positives.up"),
    ]

    @dataclass
    class Added(Message):
        """Store `positive`, then answer `added` with it as stored (or `not_added`)."""

        dialog: PositivesScreen
        positive: Positive

        @property
        def control(self) -> PositivesScreen:
            return self.dialog

    @dataclass
    class Removed(Message):
        """Delete `positive`, then answer `removed` (or `not_removed`)."""

        dialog: PositivesScreen
        positive: Positive

        @property
        def control(self) -> PositivesScreen:
            return self.dialog

    def __init__(self, interview: Interview, positives: Sequence[Positive]) -> None:
        super().__init__()
        self.interview = interview
        self.positives = list(positives)
        self._close_when_added = False  # escape: close once the line in the box is stored
        self._sent = ""  # the last line sent to be stored

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "What went well"
            dialog.border_subtitle = Content(title(self.interview))
            yield Static(Content(ENCOURAGEMENT), id="encouragement")
            yield OptionList(id="positives", compact=True)
            yield Static(Content("Nothing yet: what is one thing you did well?"), id="no-positives")
            yield Input(placeholder="Something that went well…", id="new-positive")
            yield Static(
                Content("enter adds it · tab to the list, then del removes one"), id="hint"
            )
        yield Footer()

    def on_mount(self) -> None:
        self._refresh_list(highlight=0)
        self.query_one("#new-positive", Input).focus()

    def _refresh_list(self, highlight: int | None = None) -> None:
        options = self.query_one("#positives", OptionList)
        options.clear_options()
        options.add_options(
            Option(Content.assemble(("• ", "$text-success"), positive.text), id=positive.uuid)
            for positive in self.positives
        )
        options.display = bool(self.positives)
        self.query_one("#no-positives").display = not self.positives
        if self.positives and highlight is not None:
            options.highlighted = max(0, min(highlight, len(self.positives) - 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove":
            # Shown dimmed unless the list has the cursor: delete in the box edits the text.
            return True if self.focused is self.query_one("#positives") else None
        return True

    # -- adding ----------------------------------------------------------------------------

    @property
    def box(self) -> Input:
        return self.query_one("#new-positive", Input)

    @on(Input.Submitted, "#new-positive")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._add(event.value)

    def _add(self, text: str) -> None:
        if text.strip():
            positive = Positive(text=text, interview_uuid=self.interview.uuid)
            self._sent = text
            self.tell_opener(self.Added(self, positive))

    def added(self, positive: Positive) -> None:
        """Stored: listed, and the box cleared (escape had asked to close: closed)."""
        self.positives.append(positive)
        if self._close_when_added:
            self.dismiss(None)
            return
        self._refresh_list(highlight=len(self.positives) - 1)
        if self.box.value == self._sent:
            self.box.clear()

    def not_added(self, reason: str) -> None:
        """Not stored: said; what is in the box stays there, and the screen stays open."""
        self._close_when_added = False
        self.notify(reason, title="Not added", severity="error", markup=False)

    # -- removing ----------------------------------------------------------------------------

    def action_remove(self) -> None:
        options = self.query_one("#positives", OptionList)
        index = options.highlighted
        if self.focused is not options or index is None or not self.positives:
            return
        positive = self.positives[index]

        def remove(confirmed: bool | None) -> None:
            if confirmed:
                self.tell_opener(self.Removed(self, positive))

        question = f"Remove “{_shorten(positive.text)}” from what went well?"
        self.app.push_screen(ConfirmScreen(question, confirm_label="Remove"), remove)

    def not_removed(self, reason: str) -> None:
        self.notify(reason, title="Not removed", severity="error", markup=False)

    def removed(self, positive: Positive) -> None:
        index = next((i for i, p in enumerate(self.positives) if p.uuid == positive.uuid), None)
        if index is None:
            return
        del self.positives[index]
        self._refresh_list(highlight=index)
        if not self.positives:
            self.box.focus()

    def action_cursor_down(self) -> None:
        self.query_one("#positives", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#positives", OptionList).action_cursor_up()

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return bool(self.box.value.strip())

    def unsaved(self) -> Positive | None:
        """The line typed but not yet entered, for a stop that cannot ask (SIGTERM)."""
        text = self.box.value
        return Positive(text=text, interview_uuid=self.interview.uuid) if text.strip() else None

    def action_close(self) -> None:
        """Close; a line typed but not yet entered is added first, as enter would."""
        if self.box.value.strip():
            self._close_when_added = True
            self._add(self.box.value)
        else:
            self.dismiss(None)
