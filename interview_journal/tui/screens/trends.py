"""Trends: which mistakes keep coming back, which are fading, and what they went with.

Every number comes from `core.trends` (the same as `interview-journal stats`); this screen only
asks the journal for the period's interviews and draws. textual-plotext is imported here (and
by widgets/fitted.py, which only this screen imports), so its cost is paid when trends are first
opened (and warmed up after the first frame).
"""

from __future__ import annotations

import datetime as dt
from math import ceil
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual_plotext import PlotextPlot

from ...core import trends
from ...core.clock import Clock
from ...core.progress import Progress, progress
from ...core.text import counted
from ...store import Journal
from ..messages import OpenInJournal
from ..reading import read_in_thread, read_or
from ..theme import LABEL_COLOURS, theme_style
from ..widgets.fitted import FittedPlot, FittedTable, Row, fill_at_widths
from ..widgets.footer import Footer
from ..widgets.progress import ProgressPanel
from ..widgets.title_bar import TitleBar
from .category_issues import CategoryIssuesScreen

DRILL_DOWN_ROWS = 200
"""The latest issues a category's drill-down lists: on a large journal a category has
thousands, and reading them all froze the screen for seconds."""
PERIODS = {3: "3 months", 6: "6 months", 12: "12 months", 0: "all time"}
SERIES = (
    ("o", "text-primary"),
    ("+", "text-success"),
    ("x", "text-warning"),
    ("*", "text-error"),
    ("#", "foreground"),
)
"""The month-by-month lines: each its own marker, so they are told apart without colour
(NO_COLOR), and its own theme colour."""
CATEGORY_COLUMNS = ("Category", "Label", "In", "Issues", "First seen", "Last seen", "Since")
WIDE_TABLE = 82
"""Cells the category table needs for its seven columns; below it the two dates give way, and
the names are cut shorter, so that the numbers stay in view."""
LEGEND_TWO_COLUMNS = 44
"""The legend's width from which it has two columns (each name then 19 cells or more)."""
NARROW_TABLE = 50
"""Below this the issue count gives way too (the interviews count stays)."""


COLUMN_WIDTHS = {"Label": 9, "In": 3, "Issues": 6, "First seen": 10, "Last seen": 10, "Since": 5}
"""The cells each column beside the names takes (its widest value or its heading)."""
SUBTITLE = "In: interviews with it · Since: interviews since · enter"
SHORT_SUBTITLE = "In: with it · Since: interviews since"


def name_width(table_width: int, others: int, columns: int) -> int:
    """The cells a category's name may take: what the other columns leave (each column has a
    cell of padding either side, and the scrollbar two), 16 at the least and 40 at most."""
    return max(16, min(40, table_width - others - 2 * columns - 2))


def category_columns(width: int) -> tuple[str, ...]:
    """The category table's columns that fit in `width` cells."""
    if width >= WIDE_TABLE:
        return CATEGORY_COLUMNS
    if width >= NARROW_TABLE:
        return ("Category", "Label", "In", "Issues", "Since")
    return ("Category", "Label", "In", "Since")


LABEL_HELP = (
    "recurring: keeps coming back · improving: rarer lately · "
    "fixed: was recurring, not in the last three · once: a single interview"
)
EMPTY_TEXT = (
    "Trends need a few interviews that have happened.\n\n"
    "{count}\n\n"
    "Write down what went wrong after each one, and the mistakes that keep coming back "
    "will show here.\n\nescape goes back to the journal."
)


def _short(name: str, width: int = 16) -> str:
    return name if len(name) <= width else name[: width - 1] + "…"


def _share(bad: int, decided: int) -> str:
    return f"{bad}/{decided} · {bad / decided:.0%}" if decided else "none decided"


def _short_share(bad: int, decided: int) -> str:
    return f"{bad / decided:.0%} of {decided}" if decided else "none"


class TrendsScreen(Screen[None]):
    """Charts and tables of the mistakes, over a period chosen by key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("3", "period(3)", "3 months", id="trends.period_3"),
        Binding("6", "period(6)", "6 months", id="trends.period_6"),
        Binding("y", "period(12)", "12 months", id="trends.period_12"),
        Binding("a", "period(0)", "All", id="trends.period_all"),
        Binding("escape", "app.switch_mode('journal')", "Journal", id="trends.back"),
        Binding("j", "cursor('down')", "Down", show=False, id="trends.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="trends.up"),
        Binding("enter", "open_category", "Its issues", show=False, id="trends.open"),
    ]

    def __init__(self, journal: Journal, *, clock: Clock) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock
        # What was last read, and for which period: a resize draws it again without a query.
        self._read: tuple[int, trends.Period, Progress] | None = None
        self._reading: int | None = None  # the period being read in a thread
        self.months = 0  # the whole journal, as `interview-journal stats` shows by default
        self.overview: trends.Overview | None = None
        self.start: dt.date | None = None
        self._shown: trends.Period | None = None
        self._redraw_pending = False
        self._visit = 0  # counts the times the screen was left: a read from before is stale
        self._filled_width = 0  # the width the category table was last filled for
        self._periods_offered = True

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="trends-main"):
            with Vertical(id="trends-tables"):
                moving = ProgressPanel(id="progress", classes="pane")
                moving.border_title = "Progress"
                yield moving
                table = FittedTable(id="categories", cursor_type="row", classes="pane")
                table.border_title = "Mistakes by category"
                table.border_subtitle = SUBTITLE
                table.tooltip = LABEL_HELP
                yield table
                cost = FittedTable(id="cost", cursor_type="row", classes="pane")
                cost.border_title = "What it cost: ended in rejection or no reply"
                yield cost
            with Vertical(id="trends-charts"):
                bars = FittedPlot(id="bars", classes="pane chart")
                bars.border_title = "Interviews with each mistake"
                yield bars
                # The legend below the lines, never over them: one marker and colour a series.
                with Vertical(id="timeline-box", classes="pane chart") as box:
                    box.border_title = "Top five by month"
                    yield FittedPlot(id="timeline")
                    yield Static(id="timeline-legend")
                ratings = FittedPlot(id="ratings", classes="pane chart")
                ratings.border_title = "How you rated yourself"
                yield ratings
        # Shown instead of the charts when there is too little to chart: hidden until the read
        # says so, so that the charts are laid out at their own size from the start.
        empty = Static(id="trends-empty")
        empty.display = False
        yield empty
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#categories", DataTable)
        # Short headings so that every column fits beside the charts; the subtitle explains.
        table.add_columns(*CATEGORY_COLUMNS)
        cost = self.query_one("#cost", DataTable)
        cost.add_columns("Category", "With it", "Without it", "")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "period":
            return self._periods_offered
        return True

    def action_cursor(self, direction: str) -> None:
        """j and k move in the table that has the focus, as the arrows do."""
        if isinstance(self.focused, DataTable):
            getattr(self.focused, f"action_cursor_{direction}")()

    def on_screen_suspend(self) -> None:
        # What was read goes stale while another screen is on show: read again when back.
        self._read = self._reading = None
        self._visit += 1

    def on_screen_resume(self) -> None:
        self.load()

    def action_period(self, months: int) -> None:
        self.months = months
        self.load()

    # -- loading --------------------------------------------------------------------------------

    def load(self) -> None:
        """Draw the period chosen: from what was read if it is this period's, else read it at
        once in a thread (on a connection of its own) and draw when it comes. The screen lays
        itself out meanwhile; should a chart be sized after it was drawn, its Resized draws it
        again."""
        if self._read is not None and self._read[0] == self.months:
            self._draw(*self._read[1:])
        elif self._reading != self.months:  # drawn when the read under way comes in
            self._reading = self.months
            self._read_period(self.months, self._visit)

    @work(thread=True, exclusive=True, group="trends", exit_on_error=False)
    def _read_period(self, months: int, visit: int) -> None:
        """Read the period, and work out its figures here too: the screen only draws them."""
        today = self.clock.today()
        start = trends.period_start(months or None, today)
        sittings, categories = read_in_thread(
            self,
            self.journal,
            self.clock,
            lambda journal: (journal.sittings(since=start, until=today), journal.categories()),
            ([], []),  # a journal that cannot be read: said, and the trends are empty
        )
        names = {category.slug: category.name for category in categories}
        figures = trends.period(sittings, names, start=start, today=today)
        avoidable = {category.slug for category in categories if category.indefensible}
        moving = progress(figures, avoidable)
        self.app.call_from_thread(self._period_read, months, visit, figures, moving)

    def _period_read(
        self, months: int, visit: int, figures: trends.Period, moving: Progress
    ) -> None:
        if visit != self._visit or not self.is_mounted:
            return  # read before the user went away: read again on coming back
        if self._reading == months:
            self._reading = None
        if months != self.months:
            return  # another period was chosen meanwhile: its own read follows
        self._read = (months, figures, moving)
        self._draw(figures, moving)

    def _draw(self, figures: trends.Period, moving: Progress) -> None:
        self.start = figures.start
        overview = figures.overview
        self.overview = overview
        self.sub_title = (
            f"{PERIODS[self.months]} · {counted(overview.interviews, 'interview')} · "
            f"{counted(overview.issues, 'issue')}"
        )
        enough = overview.interviews >= 2 and bool(overview.categories)
        # Over the whole journal and still too few: no shorter period can show more, so the
        # period keys are not offered (check_action).
        self._periods_offered = enough or self.months != 0
        self.refresh_bindings()
        self.query_one("#trends-main").display = enough
        empty = self.query_one("#trends-empty", Static)
        empty.display = not enough
        if not enough:
            count = overview.interviews
            said = (
                "None so far in this period."
                if count == 0
                else f"{count} so far in this period, with {counted(overview.issues, 'issue')}."
            )
            empty.update(Text(EMPTY_TEXT.format(count=said)))
            return
        self._shown = figures
        self.query_one(ProgressPanel).show(moving)
        self._fill_categories(overview)
        self._fill_cost(figures.costs)
        self._draw_charts()

    def _draw_charts(self) -> None:
        """The three charts, fitted to their size now, from what was loaded (nothing is read)."""
        self._redraw_pending = False
        if self._shown is None:
            return
        figures = self._shown
        self._draw_bars(figures.overview)
        self._draw_timeline(figures.series, figures.overview)
        self._draw_ratings(figures.sittings)
        for plot in self.query(FittedPlot):
            plot.drawn_for = plot.size

    @on(FittedTable.Resized)
    def _refit(self) -> None:
        """Filled again when a table's width no longer suits its columns (the screen's size
        classes move the layout after the first fill, and at every resize): from what was
        loaded, without reading the journal again."""
        table = self.query_one("#categories", DataTable)
        shown = tuple(str(column.label) for column in table.columns.values())
        fitted = (category_columns(table.size.width), table.size.width)
        if self._shown is not None and (shown, self._filled_width) != fitted:
            self._fill_categories(self._shown.overview)
            self._fill_cost(self._shown.costs)

    @on(FittedPlot.Resized)
    def _redraw(self) -> None:
        """A chart changed size (the layout settling, the terminal resized): drawn again for
        it once the layout is done, however many of them changed."""
        if self._shown is not None and not self._redraw_pending:
            self._redraw_pending = True
            self.call_after_refresh(self._draw_charts)

    def _fill_categories(self, overview: trends.Overview) -> None:
        table = self.query_one("#categories", DataTable)
        keep = self._highlighted_slug()
        wide = table.size.width >= WIDE_TABLE
        columns = category_columns(table.size.width)
        self._filled_width = table.size.width
        others = sum(COLUMN_WIDTHS.get(column, 0) for column in columns)
        names = name_width(table.size.width, others, len(columns))
        table.border_subtitle = SUBTITLE if wide else SHORT_SUBTITLE
        rows: list[Row] = []
        for category in overview.categories:
            label = category.label
            style = (
                theme_style(self.app, LABEL_COLOURS[label], bold=label == "recurring")
                if label in LABEL_COLOURS
                else Style(dim=True)
            )
            cells = {
                "Category": Text(_short(category.name, names)),
                "Label": Text(label, style=style),
                "In": Text(str(category.interviews), justify="right"),
                "Issues": Text(str(category.issues), justify="right"),
                "First seen": Text(category.first_seen.isoformat()),
                "Last seen": Text(category.last_seen.isoformat()),
                "Since": Text(str(category.since_last_seen), justify="right"),
            }
            rows.append(([cells[column] for column in columns], category.slug))
        fill_at_widths(table, columns, rows, names)
        slugs = [category.slug for category in overview.categories]
        if keep in slugs:
            table.move_cursor(row=slugs.index(keep))

    def _fill_cost(self, costs: list[trends.Cost]) -> None:
        table = self.query_one("#cost", DataTable)
        wide = table.size.width >= WIDE_TABLE
        share = _share if wide else _short_share
        names = name_width(table.size.width, 10 + 10 + (15 if wide else 7), 4)
        rows = [
            (
                [
                    Text(_short(item.name, names)),
                    Text(share(item.with_bad, item.with_decided)),
                    Text(share(item.without_bad, item.without_decided)),
                    Text(
                        ("too few to tell" if wide else "too few") if item.too_few else "",
                        style="dim italic",
                    ),
                ],
                item.slug,
            )
            for item in costs
        ]
        fill_at_widths(table, ("Category", "With it", "Without it", ""), rows, names)

    def _highlighted_slug(self) -> str | None:
        table = self.query_one("#categories", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return row_key.value

    # -- charts ---------------------------------------------------------------------------------

    def _draw_bars(self, overview: trends.Overview) -> None:
        plot = self.query_one("#bars", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        rows = max(3, (plot.size.height - 5) // 2)  # bars two lines apart stay legible
        shown = overview.categories[:rows]
        plt.bar(
            [_short(category.name) for category in reversed(shown)],
            [category.interviews for category in reversed(shown)],
            orientation="horizontal",
            width=0.5,
        )
        most = max(category.interviews for category in shown)
        plt.xticks(sorted({0, most // 2, most}))
        plot.refresh()

    def _draw_timeline(self, series: trends.MonthlySeries, overview: trends.Overview) -> None:
        plot = self.query_one("#timeline", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        slugs = list(series.counts)
        width = max(10, plot.size.width - 12)
        positions = list(range(len(series.months)))
        step = max(1, len(positions) // width)
        names = {category.slug: category.name for category in overview.categories}
        legend = Text(no_wrap=True, overflow="ellipsis")
        most: float = 0
        drawn = list(zip(slugs, SERIES, strict=False))
        # The most frequent drawn last, on top; each a fine line, and its marker on the months
        # it came up in (none on the empty months, where all the lines meet).
        for slug, (marker, variable) in reversed(drawn):
            colour = theme_style(self.app, variable).color
            rgb: tuple[int, int, int] | str = "default"
            if colour is not None:
                red, green, blue = colour.get_truecolor()
                rgb = (red, green, blue)
            values = trends.bucket(series.counts[slug], width)
            most = max([most, *values])
            xs = list(range(len(values)))
            plt.plot(xs, values, marker="braille", color=rgb)
            hits = [(x, value) for x, value in zip(xs, values, strict=True) if value > 0]
            if hits:
                plt.scatter([x for x, _ in hits], [v for _, v in hits], marker=marker, color=rgb)
        # The legend: in two columns where the panel is wide, else one, each name as long as
        # its column allows.
        room = max(20, self.query_one("#timeline-legend", Static).content_size.width)
        columns = 2 if room >= LEGEND_TWO_COLUMNS else 1
        cell = (room - 2 * (columns - 1)) // columns
        for index, (slug, (marker, variable)) in enumerate(drawn):
            if index:
                legend.append("  " if index % columns else "\n")
            name = _short(names[slug], cell - len(marker) - 1)
            legend.append(marker, style=theme_style(self.app, variable, bold=True))
            last = index % columns == columns - 1 or index == len(drawn) - 1
            legend.append(f" {name}" if last else f" {name}".ljust(cell - len(marker)))
        self.query_one("#timeline-legend", Static).update(legend)
        # Counts are whole numbers: ticks at whole numbers, as many as the height holds.
        top = max(1, ceil(most))
        room = max(1, (plot.size.height - 3) // 2)
        plt.ylim(0, top)
        plt.yticks(list(range(0, top + 1, max(1, ceil(top / room)))))
        # Labels far enough apart never to overlap: plotext drops overlapping ones in an order
        # that changes from run to run.
        labels = max(2, (plot.size.width - 10) // 10)
        ticks = positions[:: max(1, -(-len(positions) // labels))]
        plt.xticks(
            [tick // step for tick in ticks],
            [series.months[tick].strftime("%b %y") for tick in ticks],
        )
        plot.refresh()

    def _draw_ratings(self, sittings: list[trends.Sitting]) -> None:
        plot = self.query_one("#ratings", PlotextPlot)
        plt = plot.plt
        plt.clear_figure()
        rated = trends.ratings(sittings)
        if rated:
            width = max(10, plot.size.width - 10)
            values = trends.bucket([rating for _, rating in rated], width)
            plt.plot(list(range(len(values))), values, marker="braille")
            plt.ylim(1, 5)
            # Two rows at least between labels: closer ones, plotext drops some, not always
            # the same ones.
            rows = plot.size.height - 3
            plt.yticks([1, 2, 3, 4, 5] if rows >= 9 else [1, 3, 5] if rows >= 5 else [1, 5])
            first, last = rated[0][0], rated[-1][0]
            plt.xticks([0, len(values) - 1], [first.strftime("%b %y"), last.strftime("%b %y")])
        else:
            plt.title("No self-ratings yet: rate an interview from 1 to 5 with e")
        plot.refresh()

    # -- drill-down -----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#categories, #cost")
    def _category_chosen(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self._open_category(event.row_key.value)

    def action_open_category(self) -> None:
        """Enter where no table has the focus (the tables answer it themselves): the
        category highlighted in the table of categories."""
        if slug := self._highlighted_slug():
            self._open_category(slug)

    def _open_category(self, slug: str) -> None:
        """Every issue of the category in the period, each one a key away in the journal."""
        overview = self.overview
        trend = next((c for c in overview.categories if c.slug == slug), None) if overview else None
        if trend is None:
            return  # nothing drawn yet, or no longer in the period: no category to open
        journal, until, start = self.journal, self.clock.today(), self.start
        rows = read_or(
            self,
            lambda: journal.category_issues(slug, since=start, until=until, limit=DRILL_DOWN_ROWS),
            [],
        )
        self.app.push_screen(
            CategoryIssuesScreen(trend.name, rows, total=trend.issues), self._open_in_journal
        )

    def _open_in_journal(self, chosen: tuple[str, str] | None) -> None:
        if chosen is None:
            return
        interview_uuid, issue_uuid = chosen
        self.post_message(OpenInJournal(interview_uuid, issue_uuid))
