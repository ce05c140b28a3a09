"""The prep worksheet of an interview to come (issue 14): why them, what they do, your questions
for them, who you will meet, how you get there. It saves itself as you type, like the rest of
the journal: the dialog does no I/O, the journal screen writes what it is told (`Typed`) and
answers with `kept` or `refused`."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static, TextArea

from ...core.checklists import stage_name
from ...core.model import Interview
from ...core.worksheet import SECTIONS
from ..widgets.footer import Footer
from ..widgets.status_line import StatusLine
from .dialog import Dialog
from .journal_text import title

SAVE_DELAY = 0.8  # seconds after the last key before what was typed is saved


def when_text(interview: Interview, today: dt.date) -> str:
    """ "video interview · Wed 9 Dec 10:00 · in 5 days" """
    when = f"{interview.date:%a} {interview.date.day} {interview.date:%b}"
    if interview.time:
        when += f" {interview.time:%H:%M}"
    days = (interview.date - today).days
    ahead = (
        "today"
        if days == 0
        else "tomorrow"
        if days == 1
        else f"in {days} days"
        if days > 1
        else f"{-days} days ago"
    )
    stage = "" if interview.stage == "other" else f"{stage_name(interview.stage)} · "
    return f"{stage}{when} · {ahead}"


class WorksheetScreen(Dialog[None]):
    """Five headed text areas; saved a moment after typing stops, and on closing."""

    DEFAULT_CSS = """
    WorksheetScreen > #dialog {
        width: 96;
        height: 90%;
    }
    WorksheetScreen #when {
        color: $text-muted;
    }
    WorksheetScreen #sheet {
        height: 1fr;
        margin-top: 1;
    }
    WorksheetScreen .section {
        height: auto;
        margin-bottom: 1;
    }
    WorksheetScreen TextArea {
        height: 6;
    }
    """

    HELP_TITLE = "Prep worksheet"
    AUTO_FOCUS = ""  # the first field is focused in on_mount, without scrolling to it

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="worksheet.close"),
        Binding("ctrl+s", "save", "Save now", show=False, id="worksheet.save"),
    ]

    class Typed(Message):
        """What the worksheet holds now, to be written over `dialog.interview`."""

        def __init__(self, dialog: WorksheetScreen, fields: dict[str, str]) -> None:
            super().__init__()
            self.dialog = dialog
            self.fields = fields

    def __init__(self, interview: Interview, *, today: dt.date) -> None:
        super().__init__()
        self.interview = interview  # as last kept in the journal
        self.today = today
        self.unsaved = False
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Prep worksheet"
            dialog.border_subtitle = Content(title(self.interview))
            yield Static(Text(when_text(self.interview, self.today)), id="when")
            with VerticalScroll(id="sheet", can_focus=False):
                for name, (heading, hint) in SECTIONS.items():
                    label = Text(heading, style="bold")
                    label.append(f"  {hint}", style="dim")
                    with Vertical(classes="section"):
                        yield Static(label, classes="heading")
                        yield TextArea(
                            getattr(self.interview, name),
                            soft_wrap=True,
                            tab_behavior="focus",
                            id=name,
                        )
            yield StatusLine(id="said")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        for area in self.query(TextArea):  # typing goes on from where the user left off
            area.move_cursor(area.document.end)
        # Not scrolled to: the first field is in view, and scrolling to it hid its heading.
        self.query_one("#prep_why", TextArea).focus(scroll_visible=False)

    @on(events.DescendantFocus)
    def _show_section(self, event: events.DescendantFocus) -> None:
        """The section of the field with the focus in view, its heading too (focus alone would
        scroll only the field into view)."""
        section = event.widget.parent
        if isinstance(section, Vertical) and section.has_class("section"):
            sheet = self.query_one("#sheet", VerticalScroll)
            self.call_after_refresh(sheet.scroll_to_widget, section, animate=False, top=True)

    def fields(self) -> dict[str, str]:
        return {name: self.query_one(f"#{name}", TextArea).text for name in SECTIONS}

    @on(TextArea.Changed)
    def _typed(self) -> None:
        self.unsaved = self.fields() != {name: getattr(self.interview, name) for name in SECTIONS}
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush) if self.unsaved else None

    def flush(self) -> None:
        """Send what is typed to be written, if it differs from what is kept."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.unsaved:
            self.unsaved = False
            self.tell_opener(self.Typed(self, self.fields()))

    def kept(self, interview: Interview, said: str = "") -> None:
        """The journal wrote it: what is typed since is compared with this."""
        self.interview = interview
        self.unsaved = self.fields() != {name: getattr(interview, name) for name in SECTIONS}
        if self.is_mounted:
            self.query_one("#said", StatusLine).say(said or "Saved.")

    def refused(self, said: str) -> None:
        """Not written: the text stays here, and is tried again at the next key or on closing."""
        self.unsaved = True
        if self.is_mounted:
            self.query_one("#said", StatusLine).say(said, "error")

    def action_save(self) -> None:
        if self.unsaved:
            self.flush()
        else:
            self.query_one("#said", StatusLine).say("Saved.")

    def action_close(self) -> None:
        self.flush()
        self.dismiss(None)
