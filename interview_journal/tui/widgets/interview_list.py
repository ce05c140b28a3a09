"""The interview list: a line-API list that stays fast on a journal of 10,000+ interviews.

One widget per row (`ListView`) takes seconds to build at that size, so this list draws only the
lines on screen (`render_line`) and asks its source for rows a page at a time, keeping a few
pages in a small cache. It does no I/O of its own: the screen hands it a source (SQL paging in
the app, a list in a test) and reloads it when the data changes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Protocol

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.model import InterviewSummary

PAGE_SIZE = 100
"""Rows fetched per query: a screenful or two, so a key press rarely needs a query at all."""
CACHED_PAGES = 20
"""Pages kept: enough to page around a neighbourhood without keeping the whole journal."""

HEADER = ("Date", "Company", "Role", "Step", "Outcome")
DATE_WIDTH, STEP_WIDTH, OUTCOME_WIDTH = 10, 11, 11
COMPANY_SHARE = 0.55
"""Company and Role share what the fixed columns leave, the company a little more."""
COMPANY_MIN, ROLE_MIN = 12, 8
"""Below these the role, then the step and the outcome, are left out (see column_widths)."""
ELLIPSIS = "…"

# Control characters have no cell width in Rich but move the terminal's cursor: a stray newline
# or tab in a company name would tear the row apart.
_control_characters = re.compile("[\x00-\x1f\x7f-\x9f]")


class InterviewSource(Protocol):
    """Where the list gets its rows: counted, paged and located, all in list order."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> Sequence[InterviewSummary]: ...

    def position(self, uuid: str) -> int | None: ...


@lru_cache(maxsize=8)
def column_widths(width: int) -> tuple[int, int, int, int, int]:
    """Cell widths of the five columns for a row `width` cells wide; 0 hides a column.

    A row has one cell of padding at each end and one between columns; Company and Role share
    what the fixed columns leave. The company is what tells the rows apart, so in a narrow list
    (an 80-column terminal) the others give way first: the role, the step, then the outcome.
    """
    room = max(0, width - 2 - DATE_WIDTH)
    outcome = step = 0
    if room >= 1 + COMPANY_MIN + 1 + OUTCOME_WIDTH:
        outcome, room = OUTCOME_WIDTH, room - 1 - OUTCOME_WIDTH
    if room >= 1 + COMPANY_MIN + 1 + STEP_WIDTH:
        step, room = STEP_WIDTH, room - 1 - STEP_WIDTH
    if room < 1 + COMPANY_MIN + 1 + ROLE_MIN:
        return (DATE_WIDTH, max(0, room - 1), 0, step, outcome)
    shared = room - 2
    company = round(shared * COMPANY_SHARE)
    return (DATE_WIDTH, company, shared - company, step, outcome)


def fit(text: str, width: int) -> str:
    """`text` padded or cut to exactly `width` cells, a cut marked with an ellipsis.

    Measured in cells, not characters, so wide characters and emoji keep the columns aligned.
    """
    text = _control_characters.sub(" ", text)
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    if width <= 0:
        return ""
    return set_cell_size(text, width - 1) + ELLIPSIS


def format_row(cells: Sequence[str], content_width: int, width: int) -> str:
    """One line of plain text: columns laid out for `content_width`, padded to `width`.

    `content_width` leaves out the scrollbar, which is drawn over the right of the line.
    """
    columns = column_widths(content_width)
    shown = (fit(cell, size) for cell, size in zip(cells, columns, strict=True) if size)
    line = " " + " ".join(shown)
    return set_cell_size(line + " ", width)


class InterviewList(ScrollView, can_focus=True):
    """The interviews of a journal, newest first, under a header that never scrolls away.

    Line 0 of the widget is the header; row `i` is virtual line `i + 1`, so the scroll range
    is the row count plus one and the header simply covers the line scrolled under it.
    """

    DEFAULT_CSS = """
    InterviewList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .interview-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .interview-list--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        & > .interview-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .interview-list--upcoming {
            color: $text-accent;
        }
        & > .interview-list--closed {
            color: $text-muted;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "interview-list--header",
        "interview-list--cursor",
        "interview-list--upcoming",
        "interview-list--closed",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False, id="interview_list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="interview_list.up"),
        Binding(
            "pagedown", "cursor_page_down", "Page down", show=False, id="interview_list.page_down"
        ),
        Binding("pageup", "cursor_page_up", "Page up", show=False, id="interview_list.page_up"),
        Binding("home", "cursor_first", "First", show=False, id="interview_list.first"),
        Binding("end", "cursor_last", "Last", show=False, id="interview_list.last"),
        Binding("enter", "select", "Open", show=False, id="interview_list.select"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor landed on a row, or the rows under it changed; None on an empty list."""

        interview_list: InterviewList
        summary: InterviewSummary | None

        @property
        def control(self) -> InterviewList:
            return self.interview_list

        def can_replace(self, message: Message) -> bool:
            """Holding a key down floods these: only the last one still matters."""
            return (
                isinstance(message, InterviewList.Highlighted)
                and message.interview_list is self.interview_list
            )

    @dataclass
    class Selected(Message):
        """The user chose a row (enter, or a double click)."""

        interview_list: InterviewList
        summary: InterviewSummary

        @property
        def control(self) -> InterviewList:
            return self.interview_list

    cursor: reactive[int] = reactive(0, repaint=False, init=False)
    """Index of the highlighted row (0 is the newest interview)."""

    def __init__(
        self,
        source: InterviewSource | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.today = today  # which interviews are upcoming; the app's clock, fixed in tests
        self._source = source
        self._count = 0
        self._pages: LRUCache[int, Sequence[InterviewSummary]] = LRUCache(CACHED_PAGES)
        self._drawing: tuple[int, int, Style, int, dt.date] | None = None  # render_lines

    # -- what the screen calls -----------------------------------------------------------------

    def set_source(self, source: InterviewSource) -> None:
        """Show another source from its first row."""
        self._source = source
        if self.is_mounted:
            self._load(0)

    def reload(self, keep: str | None = None) -> None:
        """The data changed: forget the cached rows and recount.

        The cursor follows interview `keep` wherever it now sits (a newer interview pushes it
        down one row); without it, or when it is gone, the cursor keeps its index.
        """
        position = self._source.position(keep) if keep and self._source else None
        self._load(self.cursor if position is None else position)

    def select_uuid(self, uuid: str) -> bool:
        """Put the cursor on interview `uuid`, scrolled into view; False if it is not listed."""
        position = self._source.position(uuid) if self._source else None
        if position is None or not 0 <= position < self._count:
            return False
        self.cursor = position
        self._scroll_to_cursor()
        return True

    @property
    def highlighted(self) -> InterviewSummary | None:
        """The interview under the cursor, or None when the list is empty."""
        return self._summary(self.cursor)

    @property
    def row_count(self) -> int:
        return self._count

    # -- rows ----------------------------------------------------------------------------------

    def _load(self, index: int) -> None:
        """(Re)count the source and put the cursor on `index`, clamped; always announce it."""
        self._pages.clear()
        self._count = self._source.count() if self._source else 0
        self.virtual_size = Size(0, self._count + 1)
        # Set without the watcher: the whole list is repainted and announced here anyway, even
        # when the index did not change but the interview under it did.
        self.set_reactive(InterviewList.cursor, self.validate_cursor(index))
        self.refresh()
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.highlighted))

    def _summary(self, index: int) -> InterviewSummary | None:
        """Row `index`, from the page cache or one query for its page."""
        if self._source is None or not 0 <= index < self._count:
            return None
        number, offset = divmod(index, PAGE_SIZE)
        page = self._pages.get(number)
        if page is None:
            page = self._source.page(number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
        # A source that shrank since the count (another writer) gives a short page.
        return page[offset] if offset < len(page) else None

    # -- cursor --------------------------------------------------------------------------------

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, self._count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        if not self._scroll_to_cursor():
            # No scroll: only the two rows whose look changed are drawn again.
            self.refresh_line(old + 1)
            self.refresh_line(new + 1)
        self.post_message(self.Highlighted(self, self.highlighted))

    @property
    def _visible_rows(self) -> int:
        """Rows that fit under the header."""
        return self.scrollable_content_region.height - 1

    def _scroll_to_cursor(self) -> bool:
        """Scroll the least that shows the cursor row; True if it scrolled."""
        visible = self._visible_rows
        if visible <= 0:  # not laid out yet: the resize that follows layout does it
            return False
        top = self.scroll_offset.y
        if self.cursor < top:
            target = self.cursor
        elif self.cursor >= top + visible:
            target = self.cursor - visible + 1
        else:
            return False
        self.scroll_to(y=target, animate=False, force=True)
        return True

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_page_down(self) -> None:
        self.cursor += max(1, self._visible_rows)

    def action_cursor_page_up(self) -> None:
        self.cursor -= max(1, self._visible_rows)

    def action_cursor_first(self) -> None:
        self.cursor = 0

    def action_cursor_last(self) -> None:
        self.cursor = self._count - 1

    def action_select(self) -> None:
        if (summary := self.highlighted) is not None:
            self.post_message(self.Selected(self, summary))

    # -- events --------------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self._source is not None:
            self._load(0)

    def on_resize(self, _: events.Resize) -> None:
        self._scroll_to_cursor()

    def on_focus(self, _: events.Focus) -> None:
        self.refresh_line(self.cursor + 1)  # the cursor row changes colour with focus

    def on_blur(self, _: events.Blur) -> None:
        self.refresh_line(self.cursor + 1)

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor to the row; a double click also selects it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:  # the header
            return
        index = self.scroll_offset.y + offset.y - 1
        if index >= self._count:
            return
        self.cursor = index
        if event.chain >= 2:
            self.action_select()

    # -- drawing -------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # What every line of one drawing shares is looked up once: looked up for each line, the
        # widget's size and style took half the time of drawing the list.
        self._drawing = self._shared()
        try:
            return super().render_lines(crop)
        finally:
            self._drawing = None

    def _shared(self) -> tuple[int, int, Style, int, dt.date]:
        """(width, content width, base style, first row on show, today) for drawing lines."""
        return (
            self.size.width,
            self.scrollable_content_region.width,
            self.rich_style,
            self.scroll_offset.y,
            self.today(),
        )

    def render_line(self, y: int) -> Strip:
        width, content_width, base, top, today = self._drawing or self._shared()
        if y == 0:
            style = base + self.get_component_rich_style("interview-list--header")
            return self._strip(format_row(HEADER, content_width, width), style, width)
        index = top + y - 1
        summary = self._summary(index)
        if summary is None:
            return Strip.blank(width, base)
        interview = summary.interview
        cells = (
            interview.date.isoformat(),
            interview.company,
            interview.role,
            str(summary.step),
            interview.outcome,
        )
        style = self._row_style(summary, index, base, today)
        return self._strip(format_row(cells, content_width, width), style, width)

    def _row_style(
        self, summary: InterviewSummary, index: int, base: Style, today: dt.date
    ) -> Style:
        """Upcoming interviews stand out, closed ones recede, the cursor row wins over both."""
        style = base
        if summary.interview.upcoming(today):
            style += self.get_component_rich_style("interview-list--upcoming")
        elif summary.interview.closed:
            style += self.get_component_rich_style("interview-list--closed")
        if index == self.cursor:
            style += self.get_component_rich_style("interview-list--cursor")
        return style

    @staticmethod
    def _strip(text: str, style: Style, width: int) -> Strip:
        # One plain segment: the text is never parsed as markup, so `[bold]` shows as typed.
        return Strip([Segment(text, style)], width)
