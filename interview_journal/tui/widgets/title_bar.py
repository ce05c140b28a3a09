"""The title line at the top of every screen: Textual's `Header`, drawn by one widget.

Textual's header is four widgets (the bar, its icon, the title, the clock's room), styled, laid
out and drawn one by one on every screen; on the journal that was 3 ms of the 45 the first frame
takes after the imports. This bar draws the same line (the icon; the title and the sub-title,
centred; the clock's room, empty) with the same theme variables, follows the app's and the
screen's title as Textual's does, and a click on the icon opens the command palette, as there.
A title too long for the middle takes the clock's room too, and the journal's path is cut at
its start, so that the file's name stays in view (Textual's cuts the end).
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_CELLS = 8
"""The icon's room on the left: Textual's header gives it 8 cells, one of them padding."""
CLOCK_CELLS = 10
"""The clock's room on the right, which Textual's header keeps even with no clock."""


class TitleBar(Widget):
    """The app's title and the screen's sub-title, in one line at the top."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._retitle, init=False)
            self.watch(node, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title, own = screen.sub_title, screen.sub_title is not None
        if sub_title is None:
            sub_title = app.sub_title
        width = self.size.width
        room, clock = max(0, width - ICON_CELLS - CLOCK_CELLS), CLOCK_CELLS
        text = app.format_title(title, sub_title)
        if text.cell_length > room:
            # Too long to be centred: it takes the clock's room too (one cell kept at the
            # end), and the app's sub-title, the journal's path, loses its start rather than
            # the file's name.
            room, clock = max(0, width - ICON_CELLS - 1), 1
            if not own:
                text = app.format_title(title, _tail(sub_title, room - Content(title).cell_length))
        text = text.truncate(room, ellipsis=True)
        before = (room - text.cell_length) // 2
        after = room - before - text.cell_length
        icon = f" {ICON}".ljust(ICON_CELLS)
        return Content.assemble(icon, " " * before, text, " " * (after + clock))

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")


def _tail(text: str, cells: int) -> str:
    """`text` in `cells` cells after " — ": what comes before its path ("encrypted: ") kept,
    and the path's start cut to an ellipsis, so that its file name stays."""
    cells -= cell_len(" — ")
    if cell_len(text) <= cells:
        return text
    label, slash, path = text.partition("/")
    if not slash or cell_len(label) + 2 > cells:
        label, path = "", text
    else:
        path = slash + path
    kept = path
    while kept and cell_len(label) + 1 + cell_len(kept) > cells:
        kept = kept[1:]
    return label + "…" + kept if kept else ""
