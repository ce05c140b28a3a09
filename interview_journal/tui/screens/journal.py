"""The journal screen: the interview list, newest first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ...core.model import InterviewSummary

EMPTY_TEXT = (
    "Your journal is empty.\n\n"
    "Just out of an interview? Capture it while it is fresh:\n"
    "interview-journal add COMPANY ROLE --date today"
)


class JournalScreen(Screen[None]):
    """The main screen."""

    def compose(self) -> ComposeResult:
        yield Header()
        table: DataTable[str] = DataTable(id="interviews", cursor_type="row", zebra_stripes=True)
        table.border_title = "Interviews"
        table.add_class("pane")
        yield table
        yield Static(EMPTY_TEXT, id="empty")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        summaries = self.app.journal.interview_summaries()
        table = self.query_one("#interviews", DataTable)
        table.clear(columns=True)
        table.add_columns("Date", "Company", "Role", "Step", "Outcome")
        table.add_rows(self._row(summary) for summary in summaries)
        table.display = bool(summaries)
        self.query_one("#empty").display = not summaries
        if summaries:
            table.focus()

    @staticmethod
    def _row(summary: InterviewSummary) -> tuple[Text, ...]:
        """Cells as Text, never markup: what the user typed is shown as typed."""
        interview = summary.interview
        return tuple(
            Text(cell, no_wrap=True)
            for cell in (
                interview.date.isoformat(),
                interview.company,
                interview.role,
                str(summary.step),
                interview.outcome,
            )
        )
