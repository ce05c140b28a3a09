"""The journal screen: the interview list, its issues, and the side-by-side editor.

The screen is the one place that talks to the journal: widgets post messages up (a row was
highlighted, a draft wants saving) and the screen calls their methods down.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import OptionList, Static

from ...core.clock import Clock
from ...core.model import Category, InterviewSummary, Issue
from ...core.validate import InvalidValue
from ...settings import Settings
from ...store import Conflict, Journal, JournalError
from ..messages import JournalReady
from ..reading import read_or
from ..widgets.footer import Footer
from ..widgets.interview_list import InterviewList
from ..widgets.issue_list import IssueList
from ..widgets.status_line import Severity, StatusLine
from ..widgets.title_bar import TitleBar
from .journal_dialogs import JournalDialogs
from .journal_links import JournalLinks
from .journal_prep import PREPARING, JournalPrep
from .journal_source import JournalSource
from .journal_text import EMPTY_TEXT, summary_text

if TYPE_CHECKING:
    from ..widgets.issue_editor import IssueEditor

DETAIL_DELAY = 0.06  # seconds the selection rests before its issues and editor are loaded
POLL_SECONDS = 1.0  # how often the journal is asked whether another window wrote to it


class JournalScreen(JournalPrep, JournalDialogs, JournalLinks, Screen[None]):
    """Capture an interview, list its issues, and write beside each what you should have done."""

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
        *PREPARING,
        Binding(
            "F",
            "feedback",
            "Feedback",
            id="journal.feedback",
            tooltip="What they said when you asked for feedback, made into issues",
            show=False,
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

    def __init__(self, journal: Journal, *, clock: Clock, settings: Settings) -> None:
        super().__init__()
        self.journal = journal
        self.clock = clock  # the journal's own: one clock for the app
        self.settings = settings
        self.categories: dict[str, Category] = {}
        self.current: InterviewSummary | None = None
        self._detail_timer: Timer | None = None
        self._detail_ready = False  # the detail panes mount just after the first frame
        self._data_version: int | None = None  # see _poll_journal
        self._conflict_open = False  # a ConflictScreen for the editor's issue is on show

    # -- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="main"):
            interviews = InterviewList(id="interviews", classes="pane", today=self.clock.today)
            interviews.border_title = "Interviews"
            yield interviews
        yield Static(Text(EMPTY_TEXT), id="empty")
        # The follow-ups past their day, in a row of their own: shown, never in the way.
        yield Static(id="overdue")
        yield StatusLine(id="status-line")
        yield Footer()

    def say(self, text: str, severity: Severity = "information") -> None:
        """A notice on the status line above the keys: a toast could cover a field."""
        self.query_one(StatusLine).say(text, severity)

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
        self.categories = {category.slug: category for category in self.journal.categories()}
        self.interview_list.set_source(JournalSource(self.journal, self))
        self._show_empty_state()
        self.set_focus(self.interview_list)
        self._data_version = self.journal.data_version()
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
        label = Static("Brain dump: ", id="dump-label")  # where it has no frame to say it
        dump = VerticalScroll(label, Static(id="dump-text"), id="dump", classes="pane")
        dump.can_focus = False
        dump.border_title = "Brain dump"
        dump.border_subtitle = "D splits it into issues"
        issues = IssueList(id="issues", classes="pane")
        issues.border_title = "Issues"
        editor = IssueEditor(
            today=self.clock.today, id="editor", classes="pane -empty", disabled=True
        )
        editor.border_title = "Issue"
        self.query_one("#main").mount(Vertical(summary, dump, issues, editor, id="detail"))

    def on_issue_editor_ready(self) -> None:
        """The detail panes are mounted."""
        self._detail_ready = True
        self.editor.set_categories(list(self.categories.values()))
        self._settle()
        self._show_interview(keep_issue=None)
        self.post_message(JournalReady())  # keys typed before the panes were there can act

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
        issues = read_or(self, lambda: self.journal.issues(uuid), [])
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
        notes = self.current.interview.notes.strip() if self.current else ""
        self.query_one("#dump").display = bool(notes)  # the method's first step, kept in view
        self.query_one("#dump-text", Static).update(Text(notes))
        if self.current is None:
            summary.update("")
            return
        text = summary_text(self.current, self.clock.today())
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
        self.say(
            "The issue could not be saved, so it stays on screen: ctrl+s tries again; "
            "to move on, delete its text.",
            "warning",
        )

    def _save_issue(self, draft: Issue, *, ask: bool = True) -> bool:
        try:
            saved = self.journal.save_issue(draft)
        except Conflict as conflict:
            self._issue_conflict(draft, conflict, ask=ask)
            return False
        except (JournalError, InvalidValue) as error:
            self.editor.save_failed(str(error))
            self.say(f"Not saved: {error}", "error")
            return False
        self.editor.saved(saved)
        if self.current and saved.interview_uuid == self.current.interview.uuid:
            keep = self.issue_list.highlighted_issue
            issues = self.journal.issues(saved.interview_uuid)
            with self.issue_list.prevent(OptionList.OptionHighlighted):
                shown = self.editor.issue.uuid if self.editor.issue else None
                self._show_issues(issues, shown or (keep.uuid if keep else None))
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
        interview_there = self.journal.interview_position(draft.interview_uuid) is not None
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
            version = self.journal.data_version()
        except JournalError:
            return  # a journal that cannot be read says so on the next read or write
        if version != self._data_version:
            self._data_version = version
            self.journal_changed()

    def journal_changed(self) -> None:
        """Show what the journal holds now, keeping the selection and the focus where they are.
        An issue with unsaved typing is left as it is: its save is checked against the version
        it was loaded from, and asks if that changed."""
        journal = self.journal
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
        self.show_overdue()
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
                self.say("The issue you were on was deleted in another window.")
        elif fresh.updated != editor.issue.updated:
            editor.show_newer(fresh)

    def _refresh_issues(self) -> None:
        """The issue list of the interview on show, read again; the highlight stays put."""
        if not self._detail_ready or self.current is None:
            return
        issues = self.journal.issues(self.current.interview.uuid)
        editing = self.editor.issue
        keep = self.issue_list.highlighted_issue
        with self.issue_list.prevent(OptionList.OptionHighlighted):
            self._show_issues(issues, editing.uuid if editing else (keep.uuid if keep else None))
            listed = {issue.uuid for issue in issues}
            if (
                editing is not None
                and editing.uuid not in listed
                and (self.editor.dirty or not editing.created)
            ):
                # Not in the list: a new draft, or typing in one deleted elsewhere (it asks).
                self.issue_list.highlighted = None

    # -- issues ---------------------------------------------------------------------------------

    def action_new_issue(self) -> None:
        if self.current is None:  # the list's first message may not have been read yet
            self.current = self.interview_list.highlighted
        if self.current is None:
            self.say("Capture the interview first: press n.")
            return
        if not self._detail_ready:
            return  # keys wait for the panes (JournalReady): only a command could
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

    # -- going to an interview ----------------------------------------------------------

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
        issue = self.journal.latest_issue_of_category(slug)
        if issue is None:
            name = self.categories[slug].name if slug in self.categories else slug
            self.say(f"No issue is filed under {name} yet.")
            return
        self.go_to(issue.interview_uuid, issue.uuid)

    # -- helpers --------------------------------------------------------------------------------

    def _guard(self, write: Callable[[], object]) -> bool:
        """Run a write; say plainly what went wrong if it failed."""
        try:
            write()
        except (JournalError, InvalidValue) as error:
            self.say(f"Not saved: {error}", "error")
            return False
        return True
