"""The Textual app. It is handed its journal (STYLE.md pattern 2): it never opens one itself."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from ..settings import Settings
from ..store import Journal
from .screens.journal import JournalScreen


class JournalApp(App[None]):
    """Interview Journal."""

    TITLE = "Interview Journal"
    CSS_PATH = "app.tcss"
    MODES: ClassVar[dict[str, type[JournalScreen]]] = {"journal": JournalScreen}
    DEFAULT_MODE = "journal"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, *, journal: Journal, settings: Settings | None = None) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings or Settings(journal=journal.path)
        self.sub_title = str(journal.path) + ("  (read-only)" if journal.read_only else "")
