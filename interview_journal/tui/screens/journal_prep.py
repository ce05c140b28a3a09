"""The part of JournalScreen that prepares for an interview to come (issue 14): the prep
worksheet (P), and which of the screen's keys are offered when."""

from __future__ import annotations

import contextlib
import dataclasses
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.screen import Screen

from ...core.validate import InvalidValue
from ...store import Conflict, JournalError
from .worksheet import WorksheetScreen

if TYPE_CHECKING:
    from ...core.clock import Clock
    from ...core.model import Interview, InterviewSummary
    from ...store import Journal
    from ..widgets.interview_list import InterviewList

NEEDS_INTERVIEW = frozenset(
    {"new_issue", "edit_interview", "went_well", "follow_ups", "toggle_closed", "delete", "prepare"}
)
"""The keys that act on the selected interview."""


class JournalPrep(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "P",
            "prepare",
            "Prepare",
            id="journal.prepare",
            tooltip="The prep worksheet: why them, what they do, your questions, the people, "
            "getting there",
        ),
    ]

    if TYPE_CHECKING:  # what JournalScreen provides
        journal: Journal
        clock: Clock
        current: InterviewSummary | None

        @property
        def interview_list(self) -> InterviewList: ...
        def save_draft(self, *, ask: bool = True) -> bool: ...

    def action_prepare(self) -> None:
        if self.current is None:
            return
        self.save_draft()
        try:
            interview = self.journal.interview(self.current.interview.uuid)
        except JournalError as error:
            self.notify(str(error), severity="error")
            return
        self.app.push_screen(WorksheetScreen(interview, today=self.clock.today()))

    @on(WorksheetScreen.Typed)
    def _worksheet_typed(self, message: WorksheetScreen.Typed) -> None:
        dialog = message.dialog
        try:
            stored, said = self._write_worksheet(dialog.interview, message.fields)
        except (JournalError, InvalidValue) as error:
            dialog.refused(f"Not saved: {error}")
            return
        dialog.kept(stored, said)

    def _write_worksheet(
        self, interview: Interview, fields: dict[str, Any]
    ) -> tuple[Interview, str]:
        """Writes the worksheet's fields over the interview as it was loaded; when another
        window changed the interview meanwhile, over the interview as it now is (its other
        fields are theirs, the worksheet is what is typed here)."""
        journal = self.journal
        try:
            changed = dataclasses.replace(interview, **fields)
            return journal.update_interview(changed, expected_updated=interview.updated), ""
        except Conflict as conflict:
            theirs = conflict.theirs
            if theirs is None:
                raise JournalError(
                    "this interview was deleted in another window; copy what you typed "
                    "before closing"
                ) from None
            assert isinstance(theirs, type(interview))
            changed = dataclasses.replace(theirs, **fields)
            stored = journal.update_interview(changed, expected_updated=theirs.updated)
            return stored, "Saved, over a change made in another window to this interview."

    def save_now(self) -> None:
        """Stopped (SIGTERM, the terminal closed): the worksheet's typing is written if it can
        be, then what the other dialogs hold (JournalDialogs.save_now)."""
        for dialog in self.app.screen_stack:
            if isinstance(dialog, WorksheetScreen) and dialog.unsaved:
                with contextlib.suppress(JournalError, InvalidValue):
                    self._write_worksheet(dialog.interview, dialog.fields())
        super_save = getattr(super(), "save_now", None)
        if callable(super_save):
            super_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        empty = self.interview_list.row_count == 0
        if action in NEEDS_INTERVIEW and self.current is None:
            # Not offered at all on an empty journal; dimmed while none is selected.
            return False if empty else None
        if action == "prepare" and self.current is not None:
            # Offered for an interview to come; for a past one it still opens, dimmed.
            return True if self.current.interview.date >= self.clock.today() else None
        if action == "search" and empty:
            return False  # nothing to search yet
        # "/" is text in the editor's fields: search is not offered in the footer there.
        from textual.widgets import TextArea  # loaded with the editor, after the first frame

        return not (action == "search" and isinstance(self.focused, TextArea))
