"""The journal screen's dialogs: the interview form, deleting, what went well, follow-ups and
search. Each dialog returns what the user chose (a `ModalScreen[T]` result); the screen writes
it to the journal and shows it."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen

from ...core.model import (
    FollowUp,
    Interview,
    InterviewSummary,
    Issue,
    Positive,
    SearchHit,
    thank_you_for,
)
from ...store import NotFound
from .journal_text import short, title

T = TypeVar("T")

if TYPE_CHECKING:
    from ...core.clock import Clock
    from ...settings import Settings
    from ...store import Journal
    from ..widgets.interview_list import InterviewList
    from ..widgets.issue_editor import IssueEditor
    from ..widgets.issue_list import IssueList


class JournalDialogs(Screen[None]):
    """The part of JournalScreen that opens dialogs and acts on what they return."""

    if TYPE_CHECKING:  # what JournalScreen provides
        journal: Journal
        clock: Clock
        settings: Settings
        current: InterviewSummary | None

        @property
        def interview_list(self) -> InterviewList: ...
        @property
        def issue_list(self) -> IssueList: ...
        @property
        def editor(self) -> IssueEditor: ...

        def save_draft(self, *, ask: bool = True) -> bool: ...
        def _settle(self, *, load_editor: bool = True) -> None: ...
        def _show_empty_state(self) -> None: ...
        def _show_interview(self, keep_issue: str | None, *, load_editor: bool = True) -> None: ...
        def _guard(self, write: Callable[[], object]) -> bool: ...
        def go_to(self, interview_uuid: str, issue_uuid: str | None = None) -> None: ...

    # -- interviews -----------------------------------------------------------------------------

    def action_new_interview(self) -> None:
        self.save_draft()
        self._open_form(None)

    def action_edit_interview(self) -> None:
        if self.current is None:
            return
        self.save_draft()
        self._open_form(self.journal.interview(self.current.interview.uuid))

    def _open_form(self, interview: Interview | None) -> None:
        """The form saves through the journal itself, so a failed save keeps it open, with
        everything typed still in it."""
        from .interview_form import InterviewForm  # the dialogs load when first opened

        form = InterviewForm(
            interview,
            today=self.clock.today(),
            dayfirst=self.settings.dayfirst,
            save=self._write_interview,
        )
        self.app.push_screen(form, self._interview_written)

    def _write_interview(self, interview: Interview) -> Interview:
        journal = self.journal
        if interview.created:
            # Only over the version the form was opened on (or the one the user chose to
            # overwrite): a change made in another window meanwhile raises Conflict.
            return journal.update_interview(interview, expected_updated=interview.updated)
        added = journal.add_interview(interview)
        journal.add_follow_up(thank_you_for(added))  # the method's next step, due tomorrow
        return added

    def _interview_written(self, interview: Interview | None) -> None:
        if interview is None:
            return
        self.interview_list.reload(keep=interview.uuid)
        self.interview_list.select_uuid(interview.uuid)
        self._show_empty_state()
        self.set_focus(self.interview_list)

    def action_toggle_closed(self) -> None:
        if self.current is None:
            return
        interview = self.current.interview
        if self._guard(lambda: self.journal.set_closed(interview.uuid, not interview.closed)):
            word = "Reopened" if interview.closed else "Marked as moved on"
            self.notify(f"{word}: {interview.company}", markup=False)
            self.interview_list.reload(keep=interview.uuid)

    def action_delete(self) -> None:
        from .confirm import ConfirmScreen

        self._settle()
        focused = self.focused
        on_issue = focused is self.issue_list or (
            focused is not None and self.editor in focused.ancestors
        )
        issue = self.editor.issue
        if on_issue and issue is not None:
            if not issue.created:  # a new draft never saved: just drop it
                self.editor.load(self.issue_list.highlighted_issue)
                return
            question = f"Delete this issue?\n\n{short(issue.problem)}"
            self.app.push_screen(
                ConfirmScreen(question), partial(_if_yes, self._delete_issue, issue)
            )
        elif self.current is not None:
            interview = self.current.interview
            count = self.current.issues
            question = f"Delete the interview at {interview.company} on {interview.date}" + (
                f" and its {count} issue{'s' if count != 1 else ''}?" if count else "?"
            )
            self.app.push_screen(
                ConfirmScreen(question), partial(_if_yes, self._delete_interview, interview)
            )

    def _delete_issue(self, issue: Issue) -> None:
        self.editor.load(None)
        if self._guard(lambda: _gone_already_is_fine(self.journal.delete_issue, issue.uuid)):
            self._show_interview(keep_issue=None)
            self.interview_list.reload(keep=issue.interview_uuid)
            self.notify("Issue deleted.", markup=False)

    def _delete_interview(self, interview: Interview) -> None:
        self.editor.load(None)
        delete = self.journal.delete_interview
        if self._guard(lambda: _gone_already_is_fine(delete, interview.uuid)):
            self.current = None
            self.interview_list.reload()
            self._show_empty_state()
            self.notify(f"Deleted the interview at {interview.company}.", markup=False)

    # -- what went well, follow-ups ----------------------------------------------------------

    def action_went_well(self) -> None:
        from .positives import PositivesScreen

        if self.current is None:
            return
        interview = self.current.interview
        journal = self.journal

        def add(text: str) -> Positive:
            return journal.add_positive(Positive(text=text, interview_uuid=interview.uuid))

        self.save_draft()
        self.app.push_screen(
            PositivesScreen(
                title(interview),
                journal.positives(interview.uuid),
                add=add,
                delete=journal.delete_positive,
            )
        )

    def action_follow_ups(self) -> None:
        from .follow_ups import FollowUpsScreen

        if self.current is None:
            return
        interview = self.current.interview
        journal = self.journal
        today = self.clock.today()

        class Desk:
            """The follow-ups screen's way to the journal, for this interview."""

            def add(self, kind: str) -> FollowUp:
                due = max(interview.date, today) + dt.timedelta(days=1)
                return journal.add_follow_up(
                    FollowUp(kind=kind, due=due, interview_uuid=interview.uuid)
                )

            def save(self, follow_up: FollowUp) -> FollowUp:
                # Whatever the screen hands back stays with this interview, and is written
                # only over the version it was loaded from (Conflict if another window
                # changed it since); one deleted elsewhere is saved as new when asked again.
                kept = dataclasses.replace(follow_up, interview_uuid=interview.uuid)
                if not kept.created:
                    return journal.add_follow_up(kept)
                return journal.update_follow_up(kept, expected_updated=kept.updated)

            def delete(self, uuid: str) -> None:
                journal.delete_follow_up(uuid)

        self.save_draft()
        self.app.push_screen(
            FollowUpsScreen(
                interview,
                journal.follow_ups(interview.uuid),
                journal.positives(interview.uuid),
                today,
                Desk(),
            ),
            lambda _: self.interview_list.reload(keep=interview.uuid),
        )

    # -- search ---------------------------------------------------------------------------------

    def action_search(self) -> None:
        from ...store.reads import search_journal  # the dialogs load when first opened
        from .search import SearchScreen

        self.save_draft()
        search = partial(search_journal, self.journal.path, self.clock)  # in a thread
        self.app.push_screen(SearchScreen(search), self.go_to_hit)

    def go_to_hit(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        self.go_to(hit.interview_uuid, hit.issue_uuid)


def _gone_already_is_fine(delete: Callable[[str], None], uuid: str) -> None:
    """Delete; one deleted in another window already is what was asked for."""
    with contextlib.suppress(NotFound):
        delete(uuid)


def _if_yes(act: Callable[[T], None], subject: T, yes: bool | None) -> None:
    """What a confirmation does: `act` on `subject` when the answer was yes."""
    if yes:
        act(subject)
