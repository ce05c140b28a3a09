"""The part of JournalScreen that writes the selected interview out for a coach or a mentor
(issue 15): x, or "Export this interview for a coach" in the palette. Markdown, in a new private
file in the exports folder beside the letters; the status line says where."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ...store import JournalError

if TYPE_CHECKING:
    from ...core.model import Category, InterviewSummary
    from ...store import Journal
    from ..widgets.status_line import Severity


class JournalCoach(Screen[None]):
    """x writes the selected interview as Markdown for a coach: heading, what went wrong beside
    what I should have done, what went well, the follow-ups sent; never the notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x",
            "export_for_coach",
            "For a coach",
            id="journal.export_for_coach",
            tooltip="Write this interview to a Markdown file for a coach or mentor",
            show=False,
        ),
    ]

    if TYPE_CHECKING:  # what JournalScreen provides
        journal: Journal
        current: InterviewSummary | None
        categories: dict[str, Category]

        def save_draft(self, *, ask: bool = True) -> bool: ...
        def say(self, text: str, severity: Severity = "information") -> None: ...

    def action_export_for_coach(self) -> None:
        if self.current is None:
            self.say("Select an interview first: its export for a coach is written.", "warning")
            return
        self.save_draft()  # what is typed in the editor is in the export
        from ...core.exchange.coach import coach_markdown
        from ...letters import coach_name, save_new
        from ...locations import exports_folder

        try:
            record = self.journal.record(self.current.interview.uuid)
            text = coach_markdown(record, self.categories.values())
            path = save_new(exports_folder(), coach_name(record.interview), ".md", text)
        except JournalError as error:
            self.say(f"Not exported: {error}", "error")
            return
        except OSError as error:
            self.say(f"Not exported: {error.strerror or error}", "error")
            return
        if self.journal.encrypted:  # what is taken out is the user's to keep safe: said first
            self.say(f"For a coach, not encrypted: {path.name}, in {path.parent}", "warning")
            return
        self.say(f"For a coach: saved as {path.name}, in {path.parent}")  # the name first
