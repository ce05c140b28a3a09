"""The frame every dialog shares, and the way a dialog tells the screen that opened it."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen, Screen, ScreenResultType


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose `#dialog` container is framed like every other dialog's: centred,
    on the panel colour, in a rounded border of the primary colour with its title in bold. A
    dialog's own CSS says only how it differs (its width, mostly).

    A dialog returns its answer with `dismiss(value)`. One that must have something kept while
    it stays open (what went well, a follow-up letter) sends a message to the screen it was
    opened over (`tell_opener`), which writes and answers with a method call on the dialog.
    """

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
    }
    Dialog > #dialog {
        max-width: 100%;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        background: $panel;
        border: round $primary;
        border-title-color: $primary;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    Dialog StatusLine {
        background: $panel;
        padding: 0;
    }
    """

    # The app's keys stop at a modal screen: `?` is bound again here, so that it shows the keys
    # of the dialog on show (where a text field has the focus, `?` is typed into it instead).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "app.help", "Help", show=False, id="dialog.help"),
    ]
    HELP_TITLE: ClassVar[str] = ""
    """The heading of the dialog's keys in the help, where its class name would not do."""

    _opener: Screen[Any] | None = None

    def on_mount(self) -> None:
        self._opener = self._screen_below()

    def _screen_below(self) -> Screen[Any] | None:
        stack = self.app.screen_stack
        index = stack.index(self) if self in stack else 0
        return stack[index - 1] if index > 0 else None

    def tell_opener(self, message: Message) -> None:
        """Post `message` to the screen this dialog was opened over. A modal screen's messages
        would bubble to the app, past that screen; from the opener, one it does not handle
        goes on to the app."""
        if self._opener is None:
            self._opener = self._screen_below()
        (self._opener or self.app).post_message(message)
