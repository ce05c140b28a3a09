"""The help screen: the keys of the screen on show, generated from the bindings themselves."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from ..widgets.footer import Footer
from .dialog import Dialog

HelpSection = tuple[str, list[tuple[str, str]]]
"""A section title and its (key, description) rows."""


@cache
def _plain_app() -> App[Any]:
    """An app that is never run, for formatting keys the way Textual does by default."""
    return App()


def bindings_help(
    bindings: Iterable[BindingType], app: App[Any] | None = None
) -> list[tuple[str, str]]:
    """(key, description) rows for the bindings that have a description.

    The key text comes from `app.get_key_display`, so it reads exactly as in the footer (pass the
    running app so that any override of it is honoured). Keys bound together, as in `j,down`,
    make one row: "j ↓". A key bound twice to the same action is listed once.
    """
    formatter = app if app is not None else _plain_app()
    rows: dict[tuple[str, str], list[str]] = {}
    for binding in bindings:
        if isinstance(binding, tuple):
            binding = Binding(*binding)
        if not binding.description:
            continue
        keys = rows.setdefault((binding.action, binding.description), [])
        for single in Binding.make_bindings([binding]):
            display = formatter.get_key_display(single)
            if display not in keys:
                keys.append(display)
    return [(" ".join(keys), description) for (_action, description), keys in rows.items()]


EVERYWHERE_EXTRA = [
    ("tab / shift+tab", "Next / previous pane or field"),
    ("ctrl+p", "Command palette: interviews, categories, actions"),
    ("escape", "Back / close"),
]
"""Keys that Textual itself gives every screen, said in the "Everywhere" section."""

OWN_PACKAGE = __name__.split(".", 1)[0]


def section_title(node: object) -> str:
    """A screen's or widget's name as the help says it: "InterviewList" is "Interview list",
    "TrendsScreen" is "Trends"."""
    name = type(node).__name__.removesuffix("Screen") or type(node).__name__
    words = re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)
    return " ".join(words).capitalize() if words else name


def help_sections(screen: Screen[Any], app: App[Any]) -> list[HelpSection]:
    """The keys of the screen on show: its own, those of the app's widgets on it (the list, the
    editor, ...) in the order they appear, then the keys that work everywhere. Generated from
    the bindings, so the help never says a key that does not work there."""
    sections: list[HelpSection] = []
    seen: set[type] = set()
    for node in [screen, *screen.query("*")]:
        kind = type(node)
        if kind in seen or not kind.__module__.startswith(OWN_PACKAGE):
            continue
        seen.add(kind)
        # Only the keys the class and its own mixins declare (the journal screen's prepare
        # key): those it inherits from Textual's widget (a table's arrows) are the widget's
        # own, and said nowhere else either.
        declared = [
            binding
            for klass in kind.__mro__
            if klass.__module__.startswith(OWN_PACKAGE)
            for binding in vars(klass).get("BINDINGS", [])
        ]
        rows = bindings_help(declared, app)
        if rows:
            sections.append((getattr(node, "HELP_TITLE", "") or section_title(node), rows))
    # A dialog holds the app's own keys back (quit, trends, review): not said there.
    everywhere = [] if screen.is_modal else bindings_help(app.BINDINGS, app)
    sections.append(("Everywhere", everywhere + EVERYWHERE_EXTRA))
    return sections


class HelpScreen(Dialog[None]):
    """Keys and what they do, one table per section; scrolls when it does not fit."""

    DEFAULT_CSS = """
    HelpScreen > #dialog {
        width: 72;
        max-width: 95%;
        padding: 0;
    }
    HelpScreen #sections {
        height: auto;
        max-height: 100%;
        padding: 0 2 1 2;
    }
    HelpScreen .section-title {
        color: $accent;
        text-style: bold;
        margin-top: 1;
    }
    HelpScreen .section-keys {
        margin-left: 2;
    }
    HelpScreen .section {
        height: auto;
    }
    /* Wide: the sections side by side, two a row, so that a screen's keys and the keys of
       every screen fit without scrolling. */
    HelpScreen.-wide > #dialog {
        width: 110;
    }
    HelpScreen.-wide #sections {
        layout: grid;
        grid-size: 2;
        grid-rows: auto;
        grid-gutter: 0 4;
    }
    HelpScreen.-wide .section.-last {
        column-span: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="help.close"),
        Binding("question_mark", "close", "Close", show=False, id="help.close_question"),
        Binding("q", "close", "Close", show=False, id="help.close_q"),
    ]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Keys"
            with VerticalScroll(id="sections"):
                last = len(self.sections) - 1
                for index, (title, rows) in enumerate(self.sections):
                    with Vertical(classes="section -last" if index == last else "section"):
                        yield Static(Text(title), classes="section-title")
                        yield Static(self._table(rows), classes="section-keys")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sections").focus()

    @staticmethod
    def _table(rows: list[tuple[str, str]]) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=16, style="bold", no_wrap=True)
        table.add_column()
        for key, description in rows:
            table.add_row(Text(key), Text(description))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
