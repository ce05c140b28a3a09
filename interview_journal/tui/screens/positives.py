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
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Interview, Positive
from ..widgets.footer import Footer
from ..widgets.line_input import EntryInput
from ..widgets.status_line import StatusLine, tell
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
    PositivesScreen #said {
        background: $panel;
    }
    PositivesScreen #no-positives {
        color: $text-muted;
        text-style: italic;
        margin-bottom: 1;
    }
    """

    HELP_TITLE = "What went well"

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
        self._close_when_added = False  # escape: close once the lines sent are stored
        self._sent: list[str] = []  # the lines sent to be stored, not answered yet
        self._pasted = 0  # lines of a paste sent and not answered yet
        self._pasted_added = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "What went well"
            dialog.border_subtitle = Content(title(self.interview))
            yield Static(Content(ENCOURAGEMENT), id="encouragement")
            yield OptionList(id="positives", compact=True)
            yield Static(Content("Nothing yet: what is one thing you did well?"), id="no-positives")
            yield EntryInput(placeholder="Something that went well…", id="new-positive")
            yield Static(
                Content("enter adds it · tab to the list, then del removes one"), id="hint"
            )
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    def on_mount(self) -> None:
        self._refresh_list(highlight=0)
        self.box.focus()

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
    def box(self) -> EntryInput:
        return self.query_one("#new-positive", EntryInput)

    @on(EntryInput.Submitted, "#new-positive")
    def _submitted(self, event: EntryInput.Submitted) -> None:
        """Enter: the box emptied itself at once (the next letters typed are the next line);
        the line is put back should it not be stored."""
        event.stop()
        self._add(event.value)

    @on(EntryInput.PastedLines, "#new-positive")
    def _pasted_lines(self, event: EntryInput.PastedLines) -> None:
        """Several lines pasted: one entry a line."""
        event.stop()
        self._pasted += len(event.lines)
        for line in event.lines:
            self._add(line)

    def _add(self, text: str) -> None:
        if text.strip():
            positive = Positive(text=text, interview_uuid=self.interview.uuid)
            self._sent.append(text)
            self.tell_opener(self.Added(self, positive))

    def _answered(self, *, stored: bool) -> None:
        """One line sent has been answered (in the order sent); a paste's count is said once
        all of its lines are."""
        if self._sent:
            self._sent.pop(0)
        if self._pasted:
            self._pasted -= 1
            self._pasted_added += stored
            if not self._pasted:
                count, self._pasted_added = self._pasted_added, 0
                said = f"Added {count} line{'s' if count != 1 else ''} from the paste."
                self.query_one("#said", StatusLine).say(said)

    def added(self, positive: Positive) -> None:
        """Stored: listed (escape had asked to close: closed, once all sent are stored)."""
        self.positives.append(positive)
        self._answered(stored=True)
        if self._close_when_added and not self._sent:
            self.dismiss(None)
            return
        self._refresh_list(highlight=len(self.positives) - 1)

    def not_added(self, reason: str) -> None:
        """Not stored: said, and the line goes back into the box (before anything typed
        since); the screen stays open."""
        self._close_when_added = False
        line = self._sent[0] if self._sent else ""
        self._answered(stored=False)
        if line and line not in self.box.value:
            self.box.value = f"{line} {self.box.value}".rstrip() if self.box.value else line
        tell(self, reason, "error", "Not added")

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
        tell(self, reason, "error", "Not removed")

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
        return bool(self.box.value.strip() or self._sent)

    def unsaved(self) -> Positive | None:
        """The line typed but not yet entered, for a stop that cannot ask (SIGTERM)."""
        text = self.box.value
        return Positive(text=text, interview_uuid=self.interview.uuid) if text.strip() else None

    def action_close(self) -> None:
        """Close; a line typed but not yet entered is added first, as enter would."""
        if self.box.value.strip():
            self._close_when_added = True
            self._add(self.box.value)
            self.box.value = ""
        elif self._sent:
            self._close_when_added = True
        else:
            self.dismiss(None)
