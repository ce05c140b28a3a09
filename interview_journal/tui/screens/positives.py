"""What went well in an interview: a list, and a box to add to it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Positive
from ..widgets.footer import Footer
from .confirm import ConfirmScreen
from .dialog import Dialog

ENCOURAGEMENT = (
    "A hard interview still had good moments. Naming them shows you what to keep doing, "
    "and it makes the next one less daunting."
)


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class PositivesScreen(Dialog[None]):
    """Lists what went well; enter in the box adds, delete on a highlighted item removes.

    The screen does no I/O: `add(text)` stores and returns the new Positive (or raises an
    exception whose message is meant for the user), `delete(uuid)` removes one.
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

    def __init__(
        self,
        interview_title: str,
        positives: list[Positive],
        add: Callable[[str], Positive],
        delete: Callable[[str], None],
    ) -> None:
        super().__init__()
        self.interview_title = interview_title
        self.positives = list(positives)
        self._add = add
        self._delete = delete

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "What went well"
            dialog.border_subtitle = Content(self.interview_title)
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

    # -- adding ------------------------------------------------------------------------------

    @on(Input.Submitted, "#new-positive")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value
        if not text.strip():
            return
        try:
            positive = self._add(text)
        except Exception as error:  # the callable's message is for the user; keep the text
            self.notify(str(error), title="Not added", severity="error", markup=False)
            return
        self.positives.append(positive)
        self._refresh_list(highlight=len(self.positives) - 1)
        event.input.clear()

    # -- removing ----------------------------------------------------------------------------

    def action_remove(self) -> None:
        options = self.query_one("#positives", OptionList)
        index = options.highlighted
        if self.focused is not options or index is None or not self.positives:
            return
        positive = self.positives[index]

        def remove(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self._delete(positive.uuid)
            except Exception as error:
                self.notify(str(error), title="Not removed", severity="error", markup=False)
                return
            self.positives = [p for p in self.positives if p.uuid != positive.uuid]
            self._refresh_list(highlight=index)
            if not self.positives:
                self.query_one("#new-positive", Input).focus()

        question = f"Remove “{_shorten(positive.text)}” from what went well?"
        self.app.push_screen(ConfirmScreen(question, confirm_label="Remove"), remove)

    def action_cursor_down(self) -> None:
        self.query_one("#positives", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#positives", OptionList).action_cursor_up()

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return bool(self.query_one("#new-positive", Input).value.strip())

    def save_now(self) -> None:
        """The app is being stopped: add the line typed but not yet entered."""
        field = self.query_one("#new-positive", Input)
        if field.value.strip():
            with contextlib.suppress(Exception):  # stopping: no one to tell
                self._add(field.value)

    def action_close(self) -> None:
        """Close; a line typed but not yet entered is added first, as enter would."""
        field = self.query_one("#new-positive", Input)
        if field.value.strip():
            try:
                self.positives.append(self._add(field.value))
            except Exception as error:  # the callable's message is for the user; keep the text
                self.notify(str(error), title="Not added", severity="error", markup=False)
                return
        self.dismiss(None)
