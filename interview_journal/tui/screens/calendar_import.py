"""A calendar file imported from the app (issue 14): the file named, read and planned in a
thread, the plan shown for the user to confirm. The dialog writes nothing: it is dismissed with
the plan (the journal screen writes it in one transaction) or None."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, Static

from ...core.calendar_in import CalendarFileError, CalendarPlan, read_calendar, report_lines
from ...core.clock import Clock
from ...store import Journal
from ..reading import read_in_thread
from ..widgets.footer import Footer
from ..widgets.status_line import StatusLine
from .dialog import Dialog

HINT = (
    "Export your calendar as an .ics file (Google Calendar: Settings, Import & export; Outlook: "
    "Save calendar), then name it here. Events whose title says interview are added as "
    "interviews; nothing is changed until you confirm."
)


class CalendarImportScreen(Dialog[CalendarPlan | None]):
    DEFAULT_CSS = """
    CalendarImportScreen > #dialog {
        width: 96;
        height: 90%;
    }
    CalendarImportScreen #hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    CalendarImportScreen #plan {
        height: 1fr;
        margin-top: 1;
    }
    """

    HELP_TITLE = "Import a calendar"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Import", id="calendar.confirm"),
        Binding("escape", "close", "Close", id="calendar.close"),
    ]

    class Planned(Message):
        """The file read and planned in a thread (None: it could not be; `said` says why)."""

        def __init__(self, plan: CalendarPlan | None, said: str = "") -> None:
            super().__init__()
            self.plan = plan
            self.said = said

    def __init__(self, journal: Journal, *, clock: Clock, me: str = "") -> None:
        super().__init__()
        self.journal = journal  # read on a connection of its own; the journal screen writes
        self.clock = clock
        self.me = me
        self.plan: CalendarPlan | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Import a calendar file"
            yield Static(Content(HINT), id="hint")
            yield Input(placeholder="~/Downloads/calendar.ics, then enter", id="path")
            with VerticalScroll(id="plan", can_focus=False):
                yield Static(id="plan-text")
            yield StatusLine(id="said")
        yield Footer()

    @on(Input.Submitted, "#path")
    def _named(self, event: Input.Submitted) -> None:
        name = event.value.strip()
        if not name:
            return
        self.plan = None
        self.refresh_bindings()
        self.query_one("#plan-text", Static).update(Text("Reading the file…", style="dim"))
        self.query_one("#said", StatusLine).clear()
        self._read(Path(name).expanduser())

    @work(thread=True, exclusive=True, group="calendar", exit_on_error=False)
    def _read(self, path: Path) -> None:
        from ...calendar_file import local_zone, read_calendar_file

        try:
            data = read_calendar_file(path)
            reading = read_calendar(data, now=self.clock.now(), zone=local_zone(), me=self.me)
        except CalendarFileError as error:
            self.post_message(self.Planned(None, f"{path.name}: {error}."))
            return
        today = self.clock.today()
        plan = read_in_thread(
            self, self.journal, self.clock, lambda own: own.plan_calendar(reading, today), None
        )
        self.post_message(self.Planned(plan))

    def on_calendar_import_screen_planned(self, message: Planned) -> None:
        text = self.query_one("#plan-text", Static)
        if message.plan is None:
            text.update("")
            if message.said:
                self.query_one("#said", StatusLine).say(message.said, "error")
            return
        self.plan = message.plan
        lines = report_lines(message.plan, self.clock.today(), dry_run=True)
        lines[-1:] = [] if lines[-1].startswith("Nothing was changed") else lines[-1:]
        text.update(Text("\n".join(lines)))
        said = "ctrl+s imports it." if message.plan.changes else "Nothing to change in the journal."
        self.query_one("#said", StatusLine).say(said)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "confirm":
            return self.plan is not None and self.plan.changes > 0
        return True

    def action_confirm(self) -> None:
        if self.plan is not None and self.plan.changes:
            self.dismiss(self.plan)

    def action_close(self) -> None:
        self.dismiss(None)
