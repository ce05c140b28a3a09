"""The frame every dialog shares."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class Dialog(ModalScreen[ScreenResultType]):
    """A modal screen whose `#dialog` container is framed like every other dialog's: centred,
    on the panel colour, in a rounded border of the primary colour with its title in bold. A
    dialog's own CSS says only how it differs (its width, mostly)."""

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
    """
