"""The part of JournalScreen that prepares (issue 14): the prep worksheet of an interview to come
(P), the brain dump split into issues (D), a calendar file imported (from the palette), and
which of the screen's keys are offered when."""

from __future__ import annotations

import contextlib
import dataclasses
from functools import partial
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType
from textual.screen import Screen

from ...core.text import counted
from ...core.validate import InvalidValue
from ...store import Conflict, JournalError
from ..reading import read_or
from .journal_coach import JournalCoach

if TYPE_CHECKING:  # the dialogs are imported when opened: not needed for the first frame
    from ...core.calendar_in import CalendarPlan
    from ...core.clock import Clock
    from ...core.model import Category, Interview, InterviewSummary
    from ...core.split import Draft
    from ...store import Journal
    from ..widgets.interview_list import InterviewList
    from ..widgets.status_line import Severity
    from .worksheet import WorksheetScreen

NEEDS_INTERVIEW = frozenset(
    {
        "new_issue",
        "edit_interview",
        "went_well",
        "follow_ups",
        "toggle_closed",
        "delete",
        "prepare",
        "split",
        "export_for_coach",
    }
)
"""The keys that act on the selected interview."""
PREPARING: list[BindingType] = [
    Binding(
        "D",
        "split",
        "Split dump",
        id="journal.split",
        tooltip="Each sentence of the brain dump as a draft issue: keep, merge or drop",
        show=False,
    ),
    Binding(
        "P",
        "prepare",
        "Prepare",
        id="journal.prepare",
        tooltip="The prep worksheet: why them, your questions, the people, getting there",
    ),
]
"""The keys of this part, bound on JournalScreen in the order of its keys (after f)."""


class JournalPrep(JournalCoach, Screen[None]):
    """P opens the prep worksheet, D splits the brain dump (both bound on JournalScreen, in the
    order of its keys); the palette's "Import a calendar file" runs action_import_calendar.
    From JournalCoach: x, the interview written out for a coach (what a next attempt is
    prepared with)."""

    if TYPE_CHECKING:  # what JournalScreen provides
        journal: Journal
        clock: Clock
        current: InterviewSummary | None
        categories: dict[str, Category]

        @property
        def interview_list(self) -> InterviewList: ...
        def save_draft(self, *, ask: bool = True) -> bool: ...
        def say(self, text: str, severity: Severity = "information") -> None: ...
        def show_overdue(self) -> None: ...
        def _show_interview(self, keep_issue: str | None, *, load_editor: bool = True) -> None: ...

    def action_prepare(self) -> None:
        if self.current is None:
            return
        self.save_draft()
        try:
            interview = self.journal.interview(self.current.interview.uuid)
        except JournalError as error:
            self.say(str(error), "error")
            return
        from .worksheet import WorksheetScreen

        self.app.push_screen(WorksheetScreen(interview, today=self.clock.today()))

    def on_worksheet_screen_typed(self, message: WorksheetScreen.Typed) -> None:
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
        try:
            stored, over = self.journal.change_interview(
                interview, lambda it: dataclasses.replace(it, **fields)
            )
        except Conflict:
            raise JournalError(
                "this interview was deleted in another window; copy what you typed before closing"
            ) from None
        return (
            stored,
            "Saved, over a change made in another window to this interview." if over else "",
        )

    # -- the brain dump, split into issues ----------------------------------------------------

    def action_split(self) -> None:
        if self.current is None:
            return
        self.save_draft()
        from ...core.split import drafts_from_dump  # the taxonomy's words: not for the first frame

        uuid = self.current.interview.uuid
        try:
            interview = self.journal.interview(uuid)
            drafts = drafts_from_dump(interview.notes, self.journal.issues(uuid))
        except JournalError as error:
            self.say(str(error), "error")
            return
        if not interview.notes.strip():
            self.say("No brain dump yet: e, then write everything you remember in it.")
            return
        if not drafts:
            self.say("The brain dump has no sentence to make an issue of.")
            return
        names = {slug: category.name for slug, category in self.categories.items()}
        from .split import SplitScreen

        self.app.push_screen(
            SplitScreen(interview, drafts, names), partial(self._split_given, interview)
        )

    def _split_given(self, interview: Interview, drafts: list[Draft] | None) -> None:
        if drafts is None:
            return
        from ...core.split import issues_from_drafts

        try:
            added = self.journal.add_issues(issues_from_drafts(drafts, interview.uuid))
        except (JournalError, InvalidValue) as error:
            self.say(f"Not added: {error}", "error")
            return
        self._show_interview(keep_issue=added[0].uuid if added else None)
        self.interview_list.reload(keep=interview.uuid)
        self.say(
            f"{counted(len(added), 'issue')} added from the brain dump: write beside each what "
            "you would do instead."
        )

    # -- a calendar file --------------------------------------------------------------------

    def action_import_calendar(self) -> None:
        from .calendar_import import CalendarImportScreen

        self.save_draft()
        me = read_or(self, lambda: self.journal.profile().name, "")
        screen = CalendarImportScreen(self.journal, clock=self.clock, me=me)
        self.app.push_screen(screen, self._calendar_planned)

    def _calendar_planned(self, plan: CalendarPlan | None) -> None:
        if plan is None:
            return
        try:
            done = self.journal.apply_calendar(plan)
        except Conflict:
            self.say("The journal changed meanwhile: nothing imported. Import the file again.")
            return
        except (JournalError, InvalidValue) as error:
            self.say(f"Nothing imported: {error}", "error")
            return
        changed = [*done.add, *(after for _, after in done.update)]
        current = self.current.interview.uuid if self.current else None
        self.interview_list.reload(keep=changed[0].uuid if changed else current)
        self.show_overdue()  # the thank-you notes of the interviews added
        parts = [
            f"{len(done.add)} added" if done.add else "",
            f"{len(done.update)} updated" if done.update else "",
            f"{len(done.cancel)} marked cancelled" if done.cancel else "",
            f"{len(done.skipped)} skipped" if done.skipped else "",
        ]
        self.say("Calendar: " + ", ".join(part for part in parts if part) + ".")

    def save_now(self) -> None:
        """Stopped (SIGTERM, the terminal closed): the worksheet's typing is written if it can
        be, then what the other dialogs hold (JournalDialogs.save_now)."""
        from .worksheet import WorksheetScreen

        for dialog in self.app.screen_stack:
            if isinstance(dialog, WorksheetScreen) and dialog.unsaved:
                with contextlib.suppress(JournalError, InvalidValue):
                    self._write_worksheet(dialog.interview, dialog.fields())
        super_save = getattr(super(), "save_now", None)
        if callable(super_save):
            super_save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Asked for every key the footer shows, at every frame that changes them: the list is
        # looked up only for the actions that depend on it.
        if action in NEEDS_INTERVIEW and self.current is None:
            # Not offered at all on an empty journal; dimmed while none is selected.
            return False if self.interview_list.row_count == 0 else None
        if action in ("prepare", "split") and self.current is not None:
            # The worksheet for an interview to come, the brain dump's split for one that has
            # happened (the footer has no room for what does not fit).
            day, today = self.current.interview.date, self.clock.today()
            return day >= today if action == "prepare" else day <= today
        if action != "search":
            return True
        if self.interview_list.row_count == 0:
            return False  # nothing to search yet
        # "/" is text in the editor's fields: search is not offered in the footer there.
        focused = self.focused
        if focused is None or focused is self.interview_list:
            return True  # the first frame's case: TextArea is not imported for it
        from textual.widgets import TextArea  # loaded with the editor, after the first frame

        return not isinstance(focused, TextArea)
