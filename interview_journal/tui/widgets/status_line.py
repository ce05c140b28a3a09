"""A quiet line above the footer for what the user should know but need not stop for.

A toast is drawn over whatever lies under it, and on the journal that is the editor; the status
line takes a row of its own, so it never covers a field being edited. It says one thing at a
time on one line, in the theme's muted colour (warnings in the warning colour), and hides when
empty.
"""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.app import ScreenStackError
from textual.dom import DOMNode
from textual.widgets import Static

Severity = Literal["information", "warning", "error"]


class StatusLine(Static):
    """One line of plain text, cut with an ellipsis; hidden while it has nothing. Placed by the
    screen (after its main pane, before the footer), it takes its row from the panes above."""

    DEFAULT_CSS = """
    StatusLine {
        width: 1fr;
        height: 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        padding: 0 1;
        color: $text-muted;
        background: $surface;
        display: none;
        &.-shown { display: block; }
        &.-warning { color: $text-warning; }
        &.-error { color: $text-error; }
        &.-wraps { height: auto; text-wrap: wrap; }
    }
    """

    def __init__(
        self, *, id: str | None = None, classes: str | None = None, wraps: bool = False
    ) -> None:
        """`wraps`: a long notice takes the lines it needs (in a dialog, where a reason must be
        read whole) rather than being cut to one."""
        super().__init__(id=id, classes=classes)
        self.said = ""
        self.wraps = wraps
        self.set_class(wraps, "-wraps")

    def say(self, text: str, severity: Severity = "information") -> None:
        """Show `text` (taken as typed, never as markup) until something else is said."""
        self.said = text
        self.update(Text(text) if self.wraps else Text(text, no_wrap=True, overflow="ellipsis"))
        self.set_class(bool(text), "-shown")
        self.set_class(severity == "warning", "-warning")
        self.set_class(severity == "error", "-error")

    def clear(self) -> None:
        self.say("")


def tell(node: DOMNode, text: str, severity: Severity = "information", title: str = "") -> None:
    """Say `text` on the status line of the screen on show, where a toast could cover a field
    being edited; a toast only where that screen has no status line."""
    app = node.app
    try:
        lines = app.screen.query(StatusLine)
    except ScreenStackError:  # no screen yet (or any more): a toast, when one can show
        lines = None
    if lines:
        lines.last().say(f"{title}: {text}" if title else text, severity)
    else:
        app.notify(text, title=title, severity=severity, markup=False)
