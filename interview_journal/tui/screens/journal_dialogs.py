"""The journal screen's dialogs: the interview form, deleting, what went well, follow-ups and
search, and the writing they lead to.

One pattern for every dialog: the dialog does no I/O and is handed no callbacks. A dialog
that only answers a question is a `ModalScreen[T]` that returns its typed answer with
`dismiss(value)` (confirm, search, the conflict dialog, the composer to the follow-ups), and
this screen acts on it. The three that keep something while they stay open (the interview
form, what went well, the follow-ups) post typed messages to the screen that opened them
(`InterviewForm.Submitted`, `PositivesScreen.Added`, `FollowUpsScreen.Saved`, ...): this
screen writes, and answers with a method call on the dialog (`saved`, `not_saved`,
`conflicted`, `changed_elsewhere`, ...).

Why messages for those three rather than a result returned on closing: each write can fail
or meet a change made in another window, and the dialog must then stay open with what was
typed (the form under the conflict dialog, the letter back in the composer, the line in the
box), or go on writing (each line of what went well, each follow-up marked sent). A result
returned on closing cannot say "not saved, keep it"; a callback handed in hides who writes.
With messages the dialog stays ignorant of the journal, this screen is the one writer, and
the answer is a plain method on the dialog. A stop that cannot ask (SIGTERM) cannot wait for
a message either: `save_now` asks the open dialogs what they hold (`unsaved()`) and writes it
at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from ...core.model import (
    FollowUp,
    Interview,
    InterviewSummary,
    Issue,
    Profile,
    SearchHit,
    new_uuid,
    thank_you_for,
)
from ...core.outcomes import describe, follow_ups_for_outcome
from ...core.validate import InvalidValue
from ...letters import save_letter
from ...locations import letters_folder
from ...store import Conflict, JournalError, NotFound
from ..reading import read_or
from .journal_text import overdue_text, short

if TYPE_CHECKING:
    from ...core.clock import Clock
    from ...settings import Settings
    from ...store import Journal
    from ..widgets.interview_list import InterviewList
    from ..widgets.issue_editor import IssueEditor
    from ..widgets.issue_list import IssueList
    from ..widgets.status_line import Severity
    from .feedback import FeedbackKept
    from .follow_ups import FollowUpsScreen
    from .interview_form import InterviewForm
    from .positives import PositivesScreen
    from .profile import ProfileScreen

WRITE_ERRORS = (JournalError, InvalidValue)
"""What a write can refuse with, each said in one line meant for the user."""


class JournalDialogs(Screen[None]):
    """The part of JournalScreen that opens dialogs, writes what they ask to keep, and acts on
    what they return."""

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
        def say(self, text: str, severity: Severity = "information") -> None: ...

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
        """The form stays open until its interview is stored (`on_interview_form_submitted`),
        so a failed save keeps it, with everything typed still in it."""
        from .interview_form import InterviewForm  # the dialogs load when first opened

        form = InterviewForm(interview, today=self.clock.today(), dayfirst=self.settings.dayfirst)
        self.app.push_screen(form, self._interview_written)

    def on_interview_form_submitted(self, message: InterviewForm.Submitted) -> None:
        message.stop()
        form, interview = message.form, message.interview
        try:
            stored = self._write_interview(interview)
        except Conflict as conflict:  # changed or deleted in another window meanwhile
            theirs = conflict.theirs if isinstance(conflict.theirs, Interview) else None
            form.conflicted(interview, theirs)
        except WRITE_ERRORS as error:
            form.not_saved(str(error))
        else:
            form.saved(stored)

    def _write_interview(self, interview: Interview) -> Interview:
        journal = self.journal
        if interview.created:
            # What a new outcome will do to the follow-ups (the store does it in the same
            # write), to be said once it is written.
            before = journal.interview(interview.uuid).outcome
            change = follow_ups_for_outcome(
                interview, before, journal.follow_ups(interview.uuid), self.clock.today()
            )
            # Only over the version the form was opened on (or the one the user chose to
            # overwrite): a change made in another window meanwhile raises Conflict.
            stored = journal.update_interview(interview, expected_updated=interview.updated)
            if change:
                self.say(describe(change, stored.outcome))
            return stored
        added = journal.add_interview(interview)
        journal.add_follow_up(thank_you_for(added))  # the method's next step, due tomorrow
        return added

    def _interview_written(self, interview: Interview | None) -> None:
        if interview is None:
            return
        self.interview_list.reload(keep=interview.uuid)
        self.interview_list.select_uuid(interview.uuid)
        self._show_empty_state()
        self.show_overdue()  # a new one has its thank-you; an outcome brings or retires some
        self.set_focus(self.interview_list)

    def action_toggle_closed(self) -> None:
        if self.current is None:
            return
        interview = self.current.interview
        if self._guard(lambda: self.journal.set_closed(interview.uuid, not interview.closed)):
            word = "Reopened" if interview.closed else "Marked as moved on"
            self.say(f"{word}: {interview.company}")
            self.interview_list.reload(keep=interview.uuid)
            self.show_overdue()  # a closed interview's follow-ups are never overdue

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
            self.app.push_screen(ConfirmScreen(question), partial(self._delete_issue, issue))
        elif self.current is not None:
            interview = self.current.interview
            count = self.current.issues
            question = f"Delete the interview at {interview.company} on {interview.date}" + (
                f" and its {count} issue{'s' if count != 1 else ''}?" if count else "?"
            )
            self.app.push_screen(
                ConfirmScreen(question), partial(self._delete_interview, interview)
            )

    def _delete_issue(self, issue: Issue, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self.editor.load(None)
        if self._guard(lambda: _gone_already_is_fine(self.journal.delete_issue, issue.uuid)):
            self._show_interview(keep_issue=None)
            self.interview_list.reload(keep=issue.interview_uuid)
            self.say("Issue deleted.")

    def _delete_interview(self, interview: Interview, confirmed: bool | None) -> None:
        if not confirmed:
            return
        self.editor.load(None)
        delete = self.journal.delete_interview
        if self._guard(lambda: _gone_already_is_fine(delete, interview.uuid)):
            self.current = None
            self.interview_list.reload()
            self._show_empty_state()
            self.show_overdue()
            self.say(f"Deleted the interview at {interview.company}.")

    # -- what went well, follow-ups ----------------------------------------------------------

    def action_went_well(self) -> None:
        from .positives import PositivesScreen

        if self.current is None:
            return
        interview = self.current.interview
        self.save_draft()
        self.app.push_screen(PositivesScreen(interview, self.journal.positives(interview.uuid)))

    def on_positives_screen_added(self, message: PositivesScreen.Added) -> None:
        message.stop()
        try:
            stored = self.journal.add_positive(message.positive)
        except WRITE_ERRORS as error:
            message.dialog.not_added(str(error))
        else:
            message.dialog.added(stored)

    def on_positives_screen_removed(self, message: PositivesScreen.Removed) -> None:
        message.stop()
        delete = self.journal.delete_positive
        try:
            _gone_already_is_fine(delete, message.positive.uuid)
        except WRITE_ERRORS as error:
            message.dialog.not_removed(str(error))
        else:
            message.dialog.removed(message.positive)

    def action_follow_ups(self) -> None:
        from .follow_ups import FollowUpsScreen

        if self.current is None:
            return
        interview = self.current.interview
        journal = self.journal
        self.save_draft()
        self.app.push_screen(
            FollowUpsScreen(
                interview,
                journal.follow_ups(interview.uuid),
                journal.letter_material(interview.uuid),
                self.clock.today(),
                save_letter=partial(save_letter, letters_folder()),
            ),
            lambda _: self._follow_ups_closed(interview.uuid),
        )

    def _follow_ups_closed(self, interview_uuid: str) -> None:
        self.interview_list.reload(keep=interview_uuid)
        self.show_overdue()

    def show_overdue(self) -> None:
        """The quiet line of the follow-ups past their day (of the interviews still open),
        read again: after the first frame, and whenever follow-ups or interviews change."""
        journal = self.journal
        today = self.clock.today()

        def read() -> str:
            overdue = journal.overdue_follow_ups(today)
            companies = journal.companies(f.interview_uuid for f in overdue[:3])
            return overdue_text(overdue, companies, today)

        said = read_or(self, read, None)
        if said is None:
            return  # not readable now: what it said before stays
        line = self.query_one("#overdue", Static)
        line.update(Text(said, no_wrap=True, overflow="ellipsis"))
        line.display = bool(said)

    def on_follow_ups_screen_saved(self, message: FollowUpsScreen.Saved) -> None:
        message.stop()
        try:
            stored = self._write_follow_up(message.follow_up)
        except Conflict as conflict:
            theirs = conflict.theirs if isinstance(conflict.theirs, FollowUp) else None
            message.dialog.changed_elsewhere(message, theirs)
        except WRITE_ERRORS as error:
            message.dialog.not_saved(message, str(error))
        else:
            message.dialog.saved(message, stored)
            self.show_overdue()

    def _write_follow_up(self, follow_up: FollowUp) -> FollowUp:
        """Written only over the version it was loaded from (Conflict if another window
        changed it since); one never stored (deleted elsewhere, kept as new) is added."""
        if not follow_up.created:
            return self.journal.add_follow_up(follow_up)
        return self.journal.update_follow_up(follow_up, expected_updated=follow_up.updated)

    def on_follow_ups_screen_deleted(self, message: FollowUpsScreen.Deleted) -> None:
        message.stop()
        try:
            self.journal.delete_follow_up(message.follow_up.uuid)
        except WRITE_ERRORS as error:
            message.dialog.not_deleted(str(error))
        else:
            message.dialog.deleted(message.follow_up)
            self.show_overdue()

    # -- the feedback they gave ----------------------------------------------------------------

    def action_feedback(self) -> None:
        if self.current is None:
            return
        self.save_draft()
        self._open_feedback(self.journal.interview(self.current.interview.uuid))

    def _open_feedback(self, interview: Interview, text: str | None = None, said: str = "") -> None:
        from .feedback import FeedbackScreen

        self.app.push_screen(
            FeedbackScreen(interview, text=text, said=said),
            partial(self._feedback_given, interview),
        )

    def _feedback_given(self, interview: Interview, kept: FeedbackKept | None) -> None:
        """Keep the feedback on the interview and, when asked, make an issue of each of its
        points; refused, the dialog opens again with what was typed and why."""
        if kept is None:
            return
        try:
            added = self._keep_feedback(interview, kept)
        except Conflict:
            theirs = self.journal.interview(interview.uuid)
            said = "It was changed in another window meanwhile. Save again to keep yours."
            self._open_feedback(theirs, kept.text, f"Not saved: {said}")
            return
        except WRITE_ERRORS as error:
            self._open_feedback(interview, kept.text, f"Not saved: {error}")
            return
        self._show_interview(keep_issue=added[0].uuid if added else None)
        self.interview_list.reload(keep=interview.uuid)
        if kept.to_issues:
            count = f"{len(added)} issue{'s' if len(added) != 1 else ''}"
            self.say(
                f"{count} from their feedback: write beside each what you would do instead."
                if added
                else "Their feedback is kept; each of its points is an issue already."
            )
        else:
            self.say("Their feedback is kept.")

    def _keep_feedback(self, interview: Interview, kept: FeedbackKept) -> list[Issue]:
        journal = self.journal
        if kept.text != interview.feedback:
            interview = dataclasses.replace(interview, feedback=kept.text)
            journal.update_interview(interview, expected_updated=interview.updated)
        if not kept.to_issues:
            return []
        from ...core.feedback import issues_from_feedback  # not needed for the first frame

        new = issues_from_feedback(kept.text, interview.uuid, journal.issues(interview.uuid))
        return [journal.add_issue(issue) for issue in new]

    # -- the profile ------------------------------------------------------------------------

    def action_profile(self, said: str = "", typed: Profile | None = None) -> None:
        from .profile import ProfileScreen

        self.save_draft()
        profile = read_or(self, self.journal.profile, Profile())
        # Opened again after a refused save: with what was typed, and why.
        screen = ProfileScreen(profile, typed=typed, said=said)
        self.app.push_screen(screen, partial(self._profile_given, screen))

    def _profile_given(self, screen: ProfileScreen, profile: Profile | None) -> None:
        if profile is None or profile == screen.profile:
            return
        try:
            self.journal.set_profile(profile)
        except WRITE_ERRORS as error:
            self.action_profile(f"Not saved: {error}", profile)
        else:
            self.say("Your profile is kept: drafts are signed and written with it.")

    # -- a stop that cannot ask -------------------------------------------------------------

    def save_now(self) -> None:
        """The app is being stopped (SIGTERM, the terminal closed): what the dialogs opened here
        hold typed but not saved is written if it can be. No one is left to tell, so a write
        that fails is let go: nothing more can be kept."""
        from .composer import ComposerScreen
        from .feedback import FeedbackScreen
        from .interview_form import InterviewForm
        from .positives import PositivesScreen
        from .profile import ProfileScreen

        for dialog in self.app.screen_stack:
            if isinstance(dialog, ComposerScreen) and (letter := dialog.unsaved_letter()):
                with contextlib.suppress(*WRITE_ERRORS):
                    self._keep_letter(
                        dataclasses.replace(letter, interview_uuid=dialog.interview.uuid)
                    )
            elif isinstance(dialog, ProfileScreen) and (profile := dialog.unsaved()):
                with contextlib.suppress(*WRITE_ERRORS):
                    self.journal.set_profile(profile)
            elif isinstance(dialog, FeedbackScreen) and (kept := dialog.unsaved()):
                with contextlib.suppress(*WRITE_ERRORS, Conflict):
                    self._keep_feedback(dialog.interview, kept)
            elif isinstance(dialog, InterviewForm) and (interview := dialog.unsaved()):
                with contextlib.suppress(*WRITE_ERRORS):
                    self._write_interview(interview)
            elif isinstance(dialog, PositivesScreen) and (positive := dialog.unsaved()):
                with contextlib.suppress(*WRITE_ERRORS):
                    self.journal.add_positive(positive)

    def _keep_letter(self, letter: FollowUp) -> None:
        """The letter being written, kept at a stop: over its follow-up, or added when it was
        never stored; changed or deleted in another window meanwhile, kept as a follow-up of
        its own (both texts stay: the user chooses later)."""
        try:
            self._write_follow_up(letter)
        except Conflict:
            self.journal.add_follow_up(
                dataclasses.replace(letter, uuid=new_uuid(), created="", updated="")
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
