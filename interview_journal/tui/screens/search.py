"""Full-text search: type, see what matches, pick one."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import SearchHit
from ...store import CorruptJournal, JournalError
from ...store.reads import Described
from ..messages import JournalDamaged
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from .dialog import Dialog

DEBOUNCE = 0.15
"""Seconds of quiet typing before the search runs: one query per pause, not one per key."""


class SearchScreen(Dialog[SearchHit | None]):
    """Searches as the user types; returns the chosen hit, or None on escape.

    The search runs in a thread, on a read-only connection of its own (`store.reads`), and names
    each hit's interview in the same read ("2026-11-20 Acme — issue"): typing never waits for it.
    """

    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
    }
    SearchScreen > #dialog {
        width: 90;
        max-height: 80%;
        margin-top: 2;
        padding: 0 1;
    }
    SearchScreen #query {
        margin: 1 0;
    }
    SearchScreen #results {
        height: auto;
        max-height: 24;
        background: $panel;
        margin-bottom: 1;
    }
    SearchScreen #status {
        color: $text-muted;
        margin: 0 1 1 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="search.close"),
        # Priority, so that up on the first result goes back to the box instead of stopping.
        Binding("down", "to_results", "Results", show=False, priority=True, id="search.to_results"),
        Binding("up", "to_query", "Search box", show=False, priority=True, id="search.to_query"),
        Binding("j", "cursor_down", "Down", show=False, id="search.down"),
        Binding("k", "cursor_up", "Up", show=False, id="search.up"),
    ]

    def __init__(self, search: Callable[[str], list[Described]]) -> None:
        """`search` runs in a thread: it must read on a connection of its own
        (`store.reads.search_journal`)."""
        super().__init__()
        self._searcher = search
        self._hits: list[Described] = []
        self._shown: str | None = None  # the text whose hits are on show
        self._then: str | None = None  # what enter or down asked for before the hits came
        self._timer: Timer | None = None
        self._searched: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Search the journal"
            yield LineInput(placeholder="Words from a problem, a solution, notes…", id="query")
            results = OptionList(id="results", compact=True)
            results.display = False
            yield results
            yield Static(Content("Type to search; enter opens the first match."), id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()

    # -- searching ---------------------------------------------------------------------------

    @on(Input.Changed, "#query")
    def _query_changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._run_search)

    def _run_search(self) -> None:
        """Search for what is in the box now (once per text, however often it is asked)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        text = self.query_one("#query", Input).value
        if text == self._searched:
            return
        self._searched = text
        if text.strip():
            self._search(text)
        else:
            self._show_hits(text, [])

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def _search(self, text: str) -> None:
        try:
            hits = self._searcher(text)
        except CorruptJournal:
            self.post_message(JournalDamaged())
            hits = []
        except JournalError as error:
            self.app.call_from_thread(
                self.notify, str(error), title="Cannot search", severity="error", markup=False
            )
            hits = []
        self.app.call_from_thread(self._show_hits, text, hits)

    def _show_hits(self, text: str, hits: list[Described]) -> None:
        if text != self._searched or not self.is_mounted:
            return  # the box changed while this search ran: its own search follows
        self._hits = hits
        self._shown = text
        results = self.query_one("#results", OptionList)
        status = self.query_one("#status", Static)
        results.clear_options()
        results.add_options(
            Option(
                Content.assemble(
                    (found.label, "bold"),
                    "\n",
                    (found.hit.excerpt, "dim"),
                ),
                id=str(index),
            )
            for index, found in enumerate(self._hits)
        )
        results.display = bool(self._hits)
        if self._hits:
            results.highlighted = 0
            count = len(self._hits)
            status.update(
                Content(f"{count} match{'es' if count != 1 else ''} · enter opens, ↓ to browse")
            )
        elif text.strip():
            status.update(Content(f"Nothing found for “{text.strip()}”."))
        else:
            status.update(Content("Type to search; enter opens the first match."))

        self._follow_through()

    # -- choosing ----------------------------------------------------------------------------

    def _follow_through(self) -> None:
        """Do what enter or down asked for, once the hits for the text in the box are shown."""
        if self._then is None or self._shown != self.query_one("#query", Input).value:
            return
        then, self._then = self._then, None
        if not self._hits:
            return
        if then == "open":
            self.dismiss(self._hits[0].hit)
        else:
            results = self.query_one("#results", OptionList)
            results.focus()
            results.highlighted = 0

    @on(Input.Submitted, "#query")
    def _query_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._then = "open"
        self._run_search()  # enter straight after typing need not wait for the pause
        self._follow_through()

    @on(OptionList.OptionSelected, "#results")
    def _result_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._hits[event.option_index].hit)

    def action_to_results(self) -> None:
        results = self.query_one("#results", OptionList)
        if self.focused is results:
            results.action_cursor_down()
            return
        self._then = "browse"
        self._run_search()
        self._follow_through()

    def action_to_query(self) -> None:
        results = self.query_one("#results", OptionList)
        if self.focused is results and results.highlighted not in (None, 0):
            results.action_cursor_up()
            return
        self.query_one("#query", Input).focus()

    def action_cursor_down(self) -> None:
        if self.focused is self.query_one("#results"):
            self.query_one("#results", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        if self.focused is self.query_one("#results"):
            self.action_to_query()

    def action_close(self) -> None:
        self.dismiss(None)
