"""Tables and charts that fit themselves to their size: the trends screen fills them again, from
what it read, when their size changes. textual-plotext is imported here: this module is imported
by the trends screen alone, so its cost is paid when trends are first opened."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.message import Message
from textual.widgets import DataTable
from textual_plotext import PlotextPlot


class FittedTable(DataTable[Text]):
    """A table that says when its size changed, so that the screen can fit the columns to it."""

    class Resized(Message):
        """The table has a new size."""

    def on_resize(self) -> None:
        self.post_message(self.Resized())


class FittedPlot(PlotextPlot):
    """A chart that says when its size is no longer the one it was drawn for, so that the
    screen can draw it for that size."""

    drawn_for: Size | None = None
    """The size the screen last drew the chart for."""

    class Resized(Message):
        """The chart has a new size."""

    def on_resize(self) -> None:
        if self.size != self.drawn_for:
            self.post_message(self.Resized())


Row = tuple[list[Text], str]  # a table row's cells, and its key


def fill_at_widths(
    table: DataTable[Text], headings: tuple[str, ...], rows: list[Row], names: int
) -> None:
    """Fills `table`, the names' column `names` cells wide and each other as wide as its heading
    or widest cell: fitted by the table, a column was at times drawn at its heading's width
    when filled while the layout settled ("Late / t", "63% of")."""
    table.clear(columns=True)
    for index, heading in enumerate(headings):
        widest = max([len(heading), *(row[index].cell_len for row, _ in rows)])
        table.add_column(heading, width=names if index == 0 else widest)
    for cells, key in rows:
        table.add_row(*cells, key=key)
