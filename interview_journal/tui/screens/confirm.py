"""A yes/no question in a small dialog: True when the user confirms, False otherwise."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from ..widgets.footer import Footer
from .dialog import Dialog


class ConfirmScreen(Dialog[bool]):
    """Ask before doing something that cannot be undone.

    The dialog and the footer say the same: the buttons are "No" and "Yes, <what it does>",
    each with its key (`n`, `y`), and the footer offers `y Yes` and `n No`. Enter presses the
    focused button (Yes at first); escape is No. The question is shown as plain text, so a
    company name like `[bold]x[/]` reads as typed.
    """

    DEFAULT_CSS = """
    ConfirmScreen > #dialog {
        width: auto;
        min-width: 56;  /* room for both buttons, whose labels say what they do */
        max-width: 70;
        max-height: 100%;
    }
    ConfirmScreen.-danger > #dialog {
        border: round $error;
        border-title-color: $error;
    }
    ConfirmScreen #question {
        width: auto;
        max-width: 66;
        margin-bottom: 1;
    }
    ConfirmScreen #buttons {
        width: 100%;
        height: auto;
        align-horizontal: right;
    }
    ConfirmScreen #buttons Button {
        width: auto;
        min-width: 10;
        margin-left: 2;
        padding: 0 2;
    }
    """

    AUTO_FOCUS = "#confirm"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes", id="confirm.yes"),
        Binding("n", "cancel", "No", id="confirm.no"),
        Binding("escape", "cancel", "No", show=False, id="confirm.cancel"),
    ]

    def __init__(
        self, question: str, *, confirm_label: str = "Delete", danger: bool = True
    ) -> None:
        super().__init__(classes="-danger" if danger else None)
        self.question = question
        self.confirm_label = confirm_label
        self.danger = danger

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Are you sure?"
            yield Static(Content(self.question), id="question")
            with Horizontal(id="buttons"):
                yield Button(Content.assemble(("n", "bold"), "  No"), id="cancel", compact=True)
                what = self.confirm_label[:1].lower() + self.confirm_label[1:]
                yield Button(
                    Content.assemble(("y", "bold"), f"  Yes, {what}"),
                    id="confirm",
                    variant="error" if self.danger else "primary",
                    compact=True,
                )
        yield Footer()

    def on_key(self, event: events.Key) -> None:
        """Enter presses the focused button, as Textual's buttons do; on no button, it is Yes."""
        if event.key == "enter" and not isinstance(self.focused, Button):
            event.stop()
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


def close_asking(dialog: Dialog[Any], question: str, *, edited: bool) -> None:
    """Close `dialog` (dismissed with None); when something typed in it would be lost
    (`edited`), only once the user says so to `question`."""

    def close(yes: bool | None) -> None:
        if yes:
            dialog.dismiss(None)

    if edited:
        dialog.app.push_screen(ConfirmScreen(question, confirm_label="Discard"), close)
    else:
        close(True)
