"""The journal screen: the interview list, its issues, and the side-by-side editor.

The screen is the one place that talks to the journal: widgets post messages up (a row was
highlighted, a draft wants saving) and the screen calls their methods down.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, OptionList, Static, TextArea

from ...core.dates import describe_date
from ...core.model import (
    Category,
    FollowUp,
    Interview,
    InterviewSummary,
    Issue,
    Positive,
    SearchHit,
    Step,
    thank_you_for,
)
from ...core.validate import InvalidValue
from ...store import Conflict, CorruptJournal, JournalError, NotFound
from ..widgets.footer import Footer
from ..widgets.interview_list import InterviewList
from ..widgets.issue_list import IssueList
from ..widgets.status_line import StatusLine

if TYPE_CHECKING:
    from ..app import JournalApp
    from ..widgets.issue_editor import IssueEditor

EMPTY_TEXT = (
    "Your journal is empty.\n\n"
    "Just out of an interview that went badly? Capture it while it is fresh:\n"
    "press  n  to write down the company, the role and the day,\n"
    "then  i  for each thing that went wrong.\n\n"
    "?  shows every key."
)

DETAIL_DELAY = 0.06  # seconds the selection rests before its issues and editor are loaded
POLL_SECONDS = 1.0  # how often the journal is asked whether another window wrote to it

NEXT_STEP = {
    Step.CAPTURED: "next: list what went wrong (i), each with a category",
    Step.ASSESSED: "next: beside each problem, write what you should have done",
    Step.SOLVED: "next: send the thank-you note (f)",
    Step.FOLLOWED_UP: "when you are ready, let it go (c)",
    Step.CLOSED: "moved on",
}


class JournalSource:
    """The interview list's window on the journal (InterviewSource). A page that cannot be
    read (a damaged part of the journal, its file gone) is left out and said
    (JournalApp.reading): the app goes on, and nothing typed is lost."""

    def __init__(self, app: JournalApp) -> None:
        self.app = app

    def count(self) -> int:
        return self.app.reading(self.app.journal.count_interviews, 0)

    def page(self, offset: int, limit: int) -> Sequence[InterviewSummary]:
        journal = self.app.journal
        try:
            return journal.interview_summaries(limit=limit, offset=offset)
        except CorruptJournal:
            # One damaged interview fails its whole page: read the page a row at a time, so
            # that only the interviews whose own rows cannot be read are left out.
            return [
                summary
                for at in range(offset, offset + limit)
                for summary in self.app.reading(
                    lambda at=at: journal.interview_summaries(limit=1, offset=at), []
                )
            ]
        except JournalError:
            return self.app.reading(
                lambda: journal.interview_summaries(limit=limit, offset=offset), []
            )

    def position(self, uuid: str) -> int | None:
        return self.app.reading(lambda: self.app.journal.interview_position(uuid), None)


class JournalScreen(Screen[None]):
    """Capture an interview, list its issues, and write beside each what you should have done."""

    app: JournalApp  # type: ignore[assignment]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "n",
            "new_interview",
            "New",
            id="journal.new_interview",
            tooltip="Capture a new interview",
        ),
        Binding(
            "i",
            "new_issue",
            "Issue",
            id="journal.new_issue",
            tooltip="Write down something that went wrong",
        ),
        Binding(
            "e",
            "edit_interview",
            "Edit",
            id="journal.edit_interview",
            tooltip="Edit the interview, its notes and feelings",
        ),
        Binding("w", "went_well", "Went well", id="journal.went_well", tooltip="What went well"),
        Binding(
            "f",
            "follow_ups",
            "Follow-ups",
            id="journal.follow_ups",
            tooltip="Thank-you note and other follow-ups",
        ),
        Binding(
            "c",
            "toggle_closed",
            "Close",
            id="journal.toggle_closed",
            tooltip="Mark the interview as moved on, or reopen it",
        ),
        Binding("d", "delete", "Delete", id="journal.delete", tooltip="Delete, after asking"),
        Binding("slash", "search", "Search", id="journal.search", tooltip="Search everything"),
        Binding("ctrl+s", "save", "Save", id="journal.save", tooltip="Save now", show=False),
        Binding("escape", "back", "Back", id="journal.back", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.categories: dict[str, Category] = {}
        self.current: InterviewSummary | None = None
        self._detail_timer: Timer | None = None
        self._detail_ready = False  # the detail panes mount just after the first frame
        self._data_version: int | None = None  # see _poll_journal
        self._conflict_open = False  # a ConflictScreen for the editor's issue is on show

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            interviews = InterviewList(id="interviews", classes="pane", today=self.app.today)
            interviews.border_title = "Interviews"
            yield interviews
        yield Static(Text(EMPTY_TEXT), id="empty")
        yield StatusLine(id="status-line")
        yield Footer()

    @property
    def interview_list(self) -> InterviewList:
        return self.query_one("#interviews", InterviewList)

    @property
    def issue_list(self) -> IssueList:
        return self.query_one("#issues", IssueList)

    @property
    def editor(self) -> IssueEditor:
        return self.query_one("#editor")  # type: ignore[return-value]

    def on_mount(self) -> None:
        self.categories = {category.slug: category for category in self.app.journal.categories()}
        self.interview_list.set_source(JournalSource(self.app))
        self._show_empty_state()
        self.set_focus(self.interview_list)
        self._data_version = self.app.journal.data_version()
        self.set_interval(POLL_SECONDS, self._poll_journal)
        # The detail panes wait for the first frame (the app calls `show_detail`): the list is
        # what the user looks at first, and the editor's text areas and selects are most of
        # the set-up.

    def show_detail(self) -> None:
        """Mount the detail panes beside the list, once."""
        if self.query("#detail"):
            return
        # Imported here: the editor's text areas and selects are not needed for the first frame.
        from ..widgets.issue_editor import IssueEditor

        summary = Static(id="summary", classes="pane")
        summary.border_title = "Interview"
        issues = IssueList(id="issues", classes="pane")
        issues.border_title = "Issues"
        editor = IssueEditor(id="editor", classes="pane", disabled=True)
        editor.border_title = "Issue"
        self.query_one("#main").mount(Vertical(summary, issues, editor, id="detail"))

    def on_issue_editor_ready(self) -> None:
        """The detail panes are mounted."""
        self._detail_ready = True
        self.editor.set_categories(list(self.categories.values()))
        self._settle()
        self._show_interview(keep_issue=None)
        self.app.release_keys()  # typed before the panes were there: now they can act

    def _show_empty_state(self) -> None:
        empty = self.interview_list.row_count == 0
        self.refresh_bindings()  # the keys an empty journal does not offer (check_action)
        self.query_one("#main").display = not empty
        self.query_one("#empty").display = empty

    # -- following the selection ----------------------------------------------------------------

    @on(InterviewList.Highlighted)
    def _interview_highlighted(self, event: InterviewList.Highlighted) -> None:
        """Follow the list: the list repaints at once, the detail panes a moment later, so
        holding j through a long journal is never slowed by loading what flies past."""
        previous = self.current
        same = (
            previous is not None
            and event.summary is not None
            and previous.interview.uuid == event.summary.interview.uuid
        )
        if not same and previous is not None and not self.save_draft():
            self._stay_with_unsaved()
            self.interview_list.select_uuid(previous.interview.uuid)
            return
        self.current = event.summary
        if (previous is None) != (self.current is None):
            self.refresh_bindings()  # what needs an interview is dimmed when there is none
        if same:
            if self._detail_ready:
                self._show_summary()
            return
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, self._follow_selection)

    def _follow_selection(self) -> None:
        self._detail_timer = None
        self._show_interview(keep_issue=None)

    def _settle(self, *, load_editor: bool = True) -> None:
        """Load the detail of the selection now if it is still waiting: an action on the
        issues must not be undone by a late load."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
            self._show_interview(keep_issue=None, load_editor=load_editor)

    def _show_interview(self, keep_issue: str | None, *, load_editor: bool = True) -> None:
        if not self._detail_ready:
            return  # shown when the panes have mounted
        self._show_summary()
        if self.current is None:
            self._show_issues([], None)
            self.editor.load(None)
            return
        uuid = self.current.interview.uuid
        issues = self.app.reading(lambda: self.app.journal.issues(uuid), [])
        self._show_issues(issues, keep_issue)
        if load_editor:
            self.editor.load(self.issue_list.highlighted_issue)

    def _show_issues(self, issues: list[Issue], keep: str | None) -> None:
        self.issue_list.show(issues, self.categories, keep)
        solved = sum(issue.solved for issue in issues)
        self.issue_list.border_subtitle = (
            f"{solved} of {len(issues)} solved" if issues else "none yet: press i"
        )

    def _show_summary(self) -> None:
        summary = self.query_one("#summary", Static)
        if self.current is None:
            summary.update("")
            return
        interview = self.current.interview
        today = self.app.today()
        text = Text(no_wrap=False)
        text.append(interview.company, style="bold")
        if interview.role:
            text.append(f" — {interview.role}")
        when = interview.date.strftime("%a %d %b %Y")
        if interview.time:
            when += interview.time.strftime(" %H:%M")
        text.append(f"\n{when} ({describe_date(interview.date, today)}) · {interview.stage}")
        text.append(f" · {interview.outcome}")
        if interview.rating:
            text.append(f" · {'★' * interview.rating}{'☆' * (5 - interview.rating)}")
        if interview.interviewers:
            text.append(f"\nwith {', '.join(interview.interviewers)}")
        if interview.feelings:
            text.append(f"\nfelt {', '.join(interview.feelings)}", style="italic")
        if interview.upcoming(today):
            text.append("\nupcoming", style="bold")
        else:
            step = self.current.step
            text.append(f"\n{step}: ", style="bold")
            if step is Step.CAPTURED and self.current.issues:
                text.append("next: give each issue a category (ctrl+g takes the suggestion)")
            else:
                text.append(NEXT_STEP[step])
        summary.update(text)

    @on(OptionList.OptionHighlighted, "#issues")
    def _issue_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index != self.issue_list.highlighted:
            return  # read after the highlight moved on (a new draft, say): it is stale
        issue = self.issue_list.highlighted_issue
        if (
            self.editor.issue is not None
            and issue is not None
            and self.editor.issue.uuid == issue.uuid
        ):
            return
        if not self.save_draft():
            self._stay_with_unsaved()
            shown = self.editor.issue.uuid if self.editor.issue else None
            uuids = [issue.uuid for issue in self.issue_list.issues]
            with self.issue_list.prevent(OptionList.OptionHighlighted):
                self.issue_list.highlighted = uuids.index(shown) if shown in uuids else None
            return
        self.editor.load(issue)

    @on(OptionList.OptionSelected, "#issues")
    def _issue_selected(self) -> None:
        self.editor.focus_problem()

    @on(InterviewList.Selected)
    def _interview_selected(self) -> None:
        self.set_focus(self.issue_list)

    # -- saving ---------------------------------------------------------------------------------

    def on_issue_editor_save_requested(self, event: IssueEditor.SaveRequested) -> None:
        self._save_issue(event.issue)

    def save_draft(self, *, ask: bool = True) -> bool:
        """Save what the editor holds, before it shows something else. False if it failed.
        A save refused because the issue changed elsewhere asks what to keep, unless `ask` is
        False (quitting asks its own question)."""
        if not self._detail_ready:
            return True
        draft = self.editor.take_draft()
        if draft is None:
            return True
        if not draft.problem.strip():
            return True  # an untouched new issue: nothing to keep
        return self._save_issue(draft, ask=ask)

    def _stay_with_unsaved(self) -> None:
        """The issue being edited could not be saved: the selection stays with it rather than
        dropping it (the reason is beside it, and the save is tried again by itself)."""
        if self._conflict_open:
            return  # the dialog on show says why, and asks
        self.notify(
            "The issue could not be saved, so it stays on screen: ctrl+s tries again; "
            "to move on, delete its text.",
            title="Not saved",
            severity="warning",
            markup=False,
        )

    def _save_issue(self, draft: Issue, *, ask: bool = True) -> bool:
        try:
            saved = self.app.journal.save_issue(draft)
        except Conflict as conflict:
            self._issue_conflict(draft, conflict, ask=ask)
            return False
        except (JournalError, InvalidValue) as error:
            self.editor.save_failed(str(error))
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        self.editor.saved(saved)
        if self.current and saved.interview_uuid == self.current.interview.uuid:
            keep = self.issue_list.highlighted_issue
            issues = self.app.journal.issues(saved.interview_uuid)
            with self.issue_list.prevent(OptionList.OptionHighlighted):
                shown = self.editor.issue.uuid if self.editor.issue else None
                self._show_issues(issues, shown or (keep and keep.uuid))
        self.interview_list.reload(keep=saved.interview_uuid)
        return True

    def action_save(self) -> None:
        self.editor.request_save(asked=True)

    # -- two windows on one journal ---------------------------------------------------------

    def _issue_conflict(self, draft: Issue, conflict: Conflict, *, ask: bool) -> None:
        """Another window changed or deleted the issue since it was loaded here: nothing was
        saved. The text stays in the editor, and the user sees both versions and chooses."""
        where = "deleted" if conflict.deleted else "changed"
        self.editor.save_conflicted(f"{where} elsewhere; ctrl+s to choose")
        if not ask or self._conflict_open:
            return
        from .conflict import ConflictScreen, issue_text

        theirs = conflict.theirs if isinstance(conflict.theirs, Issue) else None
        names = {slug: category.name for slug, category in self.categories.items()}
        interview_there = self.app.journal.interview_position(draft.interview_uuid) is not None
        dialog = ConflictScreen(
            "issue",
            issue_text(draft, names),
            None if theirs is None else issue_text(theirs, names),
            can_save_new=interview_there,
        )
        self._conflict_open = True
        self.app.push_screen(dialog, lambda choice: self._resolve(draft.uuid, theirs, choice))

    def _resolve(self, uuid: str, theirs: Issue | None, choice: str | None) -> None:
        """Do what the user chose in the conflict dialog (None: decide later, text kept)."""
        self._conflict_open = False
        editor = self.editor
        if editor.issue is None or editor.issue.uuid != uuid:
            return
        if choice == "mine" and theirs is not None:
            editor.rebase(dataclasses.replace(editor.issue, updated=theirs.updated))
            editor.request_save(asked=True)
        elif choice == "new":
            editor.rebase(dataclasses.replace(editor.issue, created="", updated=""))
            editor.request_save(asked=True)
        elif choice == "theirs" and theirs is not None:
            editor.load(theirs)
            self._refresh_issues()
        elif choice == "drop":
            editor.load(None)
            self.journal_changed()
            if editor.issue is None:
                editor.load(self.issue_list.highlighted_issue)
            self.set_focus(self.issue_list)

    def _poll_journal(self) -> None:
        """Every second: did another window or a command write to the journal? One PRAGMA,
        answered from memory, so it costs next to nothing when nothing changed."""
        try:
            version = self.app.journal.data_version()
        except JournalError:
            return  # a journal that cannot be read says so on the next read or write
        if version != self._data_version:
            self._data_version = version
            self.journal_changed()

    def journal_changed(self) -> None:
        """Show what the journal holds now, keeping the selection and the focus where they are.
        An issue with unsaved typing is left as it is: its save is checked against the version
        it was loaded from, and asks if that changed."""
        journal = self.app.journal
        editor = self.editor if self._detail_ready else None
        categories = {category.slug: category for category in journal.categories()}
        if categories != self.categories and (editor is None or not editor.dirty):
            self.categories = categories
            if editor is not None:
                editor.set_categories(list(categories.values()))
                if editor.issue is not None:
                    editor.show_newer(editor.issue)  # the category list was set anew
        self.interview_list.reload(keep=self.current.interview.uuid if self.current else None)
        self._show_empty_state()
        if editor is None or self._detail_timer is not None:
            return  # the detail is loaded (from the journal as it is now) in a moment
        self._refresh_issues()
        if editor.dirty or editor.issue is None or not editor.issue.created:
            return
        fresh = next((i for i in self.issue_list.issues if i.uuid == editor.issue.uuid), None)
        if fresh is None:  # deleted elsewhere, with nothing typed here: show what is there
            focused = self.focused
            editor.load(self.issue_list.highlighted_issue)
            if focused is not None and editor in focused.ancestors:
                # Out of the editor, or the next keys would be typed into another issue.
                self.set_focus(self.issue_list)
                self.notify("The issue you were on was deleted in another window.", markup=False)
        elif fresh.updated != editor.issue.updated:
            editor.show_newer(fresh)

    def _refresh_issues(self) -> None:
        """The issue list of the interview on show, read again; the highlight stays put."""
        if not self._detail_ready or self.current is None:
            return
        issues = self.app.journal.issues(self.current.interview.uuid)
        editing = self.editor.issue
        keep = self.issue_list.highlighted_issue
        with self.issue_list.prevent(OptionList.OptionHighlighted):
            self._show_issues(issues, editing.uuid if editing else keep and keep.uuid)
            listed = {issue.uuid for issue in issues}
            if (
                editing is not None
                and editing.uuid not in listed
                and (self.editor.dirty or not editing.created)
            ):
                # Not in the list: a new draft, or typing in one deleted elsewhere (it asks).
                self.issue_list.highlighted = None

    # -- interviews -----------------------------------------------------------------------------

    def action_new_interview(self) -> None:
        self.save_draft()
        self._open_form(None)

    def action_edit_interview(self) -> None:
        if self.current is None:
            return
        self.save_draft()
        self._open_form(self.app.journal.interview(self.current.interview.uuid))

    def _open_form(self, interview: Interview | None) -> None:
        """The form saves through the journal itself, so a failed save keeps it open, with
        everything typed still in it."""
        from .interview_form import InterviewForm  # the dialogs load when first opened

        form = InterviewForm(
            interview,
            today=self.app.today(),
            dayfirst=self.app.settings.dayfirst,
            save=self._write_interview,
        )
        self.app.push_screen(form, self._interview_written)

    def _write_interview(self, interview: Interview) -> Interview:
        journal = self.app.journal
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
        if self._guard(lambda: self.app.journal.set_closed(interview.uuid, not interview.closed)):
            word = "Reopened" if interview.closed else "Marked as moved on"
            self.notify(f"{word}: {interview.company}", markup=False)
            self.interview_list.reload(keep=interview.uuid)

    # -- issues ---------------------------------------------------------------------------------

    def action_new_issue(self) -> None:
        if self.current is None:  # the list's first message may not have been read yet
            self.current = self.interview_list.highlighted
        if self.current is None:
            self.notify("Capture the interview first: press n.", markup=False)
            return
        if not self._detail_ready:
            return  # keys wait for the panes (JournalApp.release_keys): only a command could
        self._settle(load_editor=False)  # the editor is about to get the new draft
        self.save_draft()
        draft = Issue(problem="", interview_uuid=self.current.interview.uuid)
        with self.issue_list.prevent(OptionList.OptionHighlighted):
            self.issue_list.highlighted = None
        self.editor.load(draft)
        self.editor.focus_problem()

    def action_back(self) -> None:
        focused = self.focused
        if focused is not None and self.editor in focused.ancestors:
            self.save_draft()
            self.set_focus(self.issue_list)
        elif focused is self.issue_list:
            self.set_focus(self.interview_list)

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
            question = f"Delete this issue?\n\n{_short(issue.problem)}"
            self.app.push_screen(
                ConfirmScreen(question), lambda yes: yes and self._delete_issue(issue)
            )
        elif self.current is not None:
            interview = self.current.interview
            count = self.current.issues
            question = f"Delete the interview at {interview.company} on {interview.date}" + (
                f" and its {count} issue{'s' if count != 1 else ''}?" if count else "?"
            )
            self.app.push_screen(
                ConfirmScreen(question), lambda yes: yes and self._delete_interview(interview)
            )

    def _delete_issue(self, issue: Issue) -> None:
        self.editor.load(None)
        if self._guard(lambda: _gone_already_is_fine(self.app.journal.delete_issue, issue.uuid)):
            self._show_interview(keep_issue=None)
            self.interview_list.reload(keep=issue.interview_uuid)
            self.notify("Issue deleted.", markup=False)

    def _delete_interview(self, interview: Interview) -> None:
        self.editor.load(None)
        delete = self.app.journal.delete_interview
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
        journal = self.app.journal

        def add(text: str) -> Positive:
            return journal.add_positive(Positive(text=text, interview_uuid=interview.uuid))

        self.save_draft()
        self.app.push_screen(
            PositivesScreen(
                _title(interview),
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
        journal = self.app.journal
        today = self.app.today()

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
        from .search import SearchScreen

        self.save_draft()
        self.app.push_screen(SearchScreen(self._search, self._describe_hit), self.go_to_hit)

    def _search(self, text: str) -> list[SearchHit]:
        return self.app.reading(lambda: self.app.journal.search(text), [])

    def _describe_hit(self, hit: SearchHit) -> str:
        interview = self.app.reading(lambda: self.app.journal.interview(hit.interview_uuid), None)
        if interview is None:
            return f"(cannot be read) — {hit.field}"
        return f"{interview.date}  {_title(interview)} — {hit.field}"

    def go_to_hit(self, hit: SearchHit | None) -> None:
        if hit is None:
            return
        self.go_to(hit.interview_uuid, hit.issue_uuid)

    def go_to(self, interview_uuid: str, issue_uuid: str | None = None) -> None:
        """Select an interview (and one of its issues) as if the user had moved there."""
        self.save_draft()
        if not self.interview_list.select_uuid(interview_uuid):
            return
        self.current = self.interview_list.highlighted
        if self._detail_timer is not None:
            self._detail_timer.stop()
            self._detail_timer = None
        self._show_interview(keep_issue=issue_uuid)
        if issue_uuid:
            self.set_focus(self.issue_list)
        else:
            self.set_focus(self.interview_list)

    def go_to_category(self, slug: str) -> None:
        issue = self.app.journal.latest_issue_of_category(slug)
        if issue is None:
            name = self.categories[slug].name if slug in self.categories else slug
            self.notify(f"No issue is filed under {name} yet.", markup=False)
            return
        self.go_to(issue.interview_uuid, issue.uuid)

    # -- helpers --------------------------------------------------------------------------------

    def _guard(self, write: Callable[[], object]) -> bool:
        """Run a write; say plainly what went wrong if it failed."""
        try:
            write()
        except (JournalError, InvalidValue) as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return False
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs_interview = {
            "new_issue",
            "edit_interview",
            "went_well",
            "follow_ups",
            "toggle_closed",
            "delete",
        }
        empty = self.interview_list.row_count == 0
        if action in needs_interview and self.current is None:
            # Not offered at all on an empty journal; dimmed while none is selected.
            return False if empty else None
        if action == "search" and empty:
            return False  # nothing to search yet
        # "/" is text in the editor's fields: search is not offered in the footer there.
        return not (action == "search" and isinstance(self.focused, TextArea))


def _gone_already_is_fine(delete: Callable[[str], None], uuid: str) -> None:
    """Delete; one deleted in another window already is what was asked for."""
    with contextlib.suppress(NotFound):
        delete(uuid)


def _title(interview: Interview) -> str:
    return interview.company + (f" — {interview.role}" if interview.role else "")


def _short(text: str, width: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
