"""The journal's JSON export from the app (the palette's "Export the journal (JSON)").

Written into a new file beside the journal by the code the command line's `export` uses
(store/export_file), in a thread worker on a connection of its own, so that the app goes on
answering keys; a small dialog shows how far it has come. Escape hides the dialog: the export
goes on, and its end is said on the status line of the screen on show."""

from __future__ import annotations

import datetime as dt
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static
from textual.worker import WorkerState, get_current_worker

from ...core.text import counted
from ...store import JournalError, cipher
from ..widgets.footer import Footer
from ..widgets.status_line import tell
from .dialog import Dialog

GROUP = "export"
REDRAWS = 100
"""At most this many steps of the bar are sent from the worker to the app: each one waits for
the app's loop, and a large journal's every interview would be thousands."""


class ExportStopped(Exception):
    """The app is closing: the export stops, and its half-written file is removed."""


class ExportProgress(Dialog[None]):
    """How far the export has come: a bar of the journal's interviews."""

    HELP_TITLE = "Export"
    DEFAULT_CSS = """
    ExportProgress > #dialog {
        width: 64;
    }
    ExportProgress #export-bar {
        margin: 1 0;
    }
    ExportProgress #export-hint {
        color: $text-muted;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "hide", "Hide", id="export.hide"),
    ]

    def __init__(self, journal_path: Path) -> None:
        super().__init__()
        self.journal_path = journal_path
        self.total: int | None = None  # not known yet: the bar waits, animated
        self.done = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Exporting the journal (JSON)"
            folder = self.journal_path.parent
            yield Static(Content(f"Into a new file beside the journal, in {folder}"))
            yield ProgressBar(id="export-bar", show_eta=False)
            yield Static(
                "Escape hides this: the export goes on, and says when done.", id="export-hint"
            )
        yield Footer()

    def start(self, total: int) -> None:
        self.total = max(total, 1)
        self._show()

    def advance(self, steps: int) -> None:
        self.done += steps
        self._show()

    def _show(self) -> None:
        """The bar as far as the export has come; nothing once the dialog is hidden."""
        if self.is_attached:
            bar = self.query_one("#export-bar", ProgressBar)
            bar.update(total=self.total, progress=self.done)

    def action_hide(self) -> None:
        self.dismiss(None)


def exporting(app: App[Any]) -> bool:
    """Whether an export is under way."""
    return any(
        worker.group == GROUP and worker.state in (WorkerState.PENDING, WorkerState.RUNNING)
        for worker in app.workers
    )


def export_journal(app: App[Any], journal_path: Path, today: dt.date) -> None:
    """Export the journal into a new JSON file beside it, the dialog on show meanwhile."""
    if exporting(app):
        tell(app, "The journal is being exported already.", "warning", "Export")
        return
    dialog = ExportProgress(journal_path)
    app.push_screen(dialog)
    work = partial(_export, app, dialog, journal_path, today)
    app.run_worker(work, thread=True, group=GROUP, name="export", exit_on_error=False)


def _export(app: App[Any], dialog: ExportProgress, journal_path: Path, today: dt.date) -> None:
    """In the worker's thread: write the export, telling the app how far it has come."""
    from ...store.export_file import export_beside

    worker = get_current_worker()
    step, done, sent = 1, 0, 0

    def on_app(*call: Any) -> None:
        if worker.is_cancelled:  # the app is closing (or closed)
            raise ExportStopped
        try:
            app.call_from_thread(*call)
        except RuntimeError:  # the app is not running any more
            raise ExportStopped from None

    def started(total: int) -> None:
        nonlocal step
        step = max(1, total // REDRAWS)
        on_app(dialog.start, total)

    def each() -> None:
        nonlocal done, sent
        done += 1
        if done - sent >= step:
            on_app(dialog.advance, done - sent)
            sent = done

    try:
        target, count = export_beside(journal_path, today, started=started, each=each)
    except ExportStopped:
        return
    except Exception as error:  # noqa: BLE001 - whatever it was, the user is told it failed
        said = str(error) if isinstance(error, JournalError) else f"the export failed ({error})"
        with suppress(ExportStopped):
            on_app(_ended, app, dialog, said, "error")
        return
    encrypted = cipher.passphrase_for(journal_path) is not None
    # What is taken out is the user's to keep safe from here: said before the path.
    plain = ", not encrypted," if encrypted else ""
    said = f"{counted(count, 'interview')} written{plain} to {target}."
    with suppress(ExportStopped):
        on_app(_ended, app, dialog, said, "warning" if encrypted else "")


def _ended(app: App[Any], dialog: ExportProgress, said: str, severity: str) -> None:
    """On the app's thread: the dialog goes (if it is still on show), and the end is said."""
    if dialog in app.screen_stack:
        dialog.dismiss(None)
    if severity == "error":
        app.call_later(tell, app, said, "error", "Not exported")
    else:
        app.call_later(tell, app, said, severity or "information", "Exported")
