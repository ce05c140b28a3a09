"""The follow-up composer: a draft written from the interview, for the user to make their own.

A thank-you, a feedback request, a reference offer or any other follow-up opens straight on its
draft (or on the text saved with it). A second-chance request first asks what new the user
would bring; a blank answer gets no draft, only the reason on the warning line.

Copying never claims what may not have happened: the text goes to the terminal (OSC 52, which
tmux ignores by default) and to a clipboard tool when the system has one; "Copied" is said only
when that tool took it. Otherwise the user is told so, and ctrl+o saves the letter as a file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static, TextArea
from textual.worker import Worker, WorkerState

from ... import clipboard
from ...core.compose import (
    SECOND_CHANCE_QUESTION,
    DraftRefused,
    Material,
    apologises,
    draft_from,
    kind_label,
    second_chance_warning,
    too_early_warning,
)
from ...core.model import FollowUp, Interview
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from ..widgets.status_line import StatusLine, tell
from .confirm import ConfirmScreen, close_asking
from .dialog import Dialog

SECOND_CHANCE = "second-chance-request"

HINTS = {
    "thank-you": "Send it within a day. Thank them, say what you bring; a brief explanation, "
    "never an apology.",
    "feedback-request": "Ask once, kindly. Whatever they say is worth having for the next one.",
    "reference": "A short heads-up: who may call, for which role, and what you would like them "
    "to stress.",
    "rejection-reply": "Thank them and keep the door open: no argument, no apology; short is "
    "gracious.",
    "acceptance": "Thank them for the offer, warmly; questions about the terms can wait for a "
    "message of their own.",
}
DEFAULT_HINT = "Make it yours: short, gracious, and about what you bring."

SaveLetter = Callable[[FollowUp, Interview, str], Path]
"""Writes a letter as a text file and returns where (OSError when it cannot)."""
Copier = Callable[[str], str | None]
"""Gives a text to the system's clipboard tool; the tool's name, or None when none took it."""

COPIED = "Copied to the clipboard."
NOT_SURELY_COPIED = (
    "Sent to the terminal to copy; if it does not paste (tmux ignores it unless set-clipboard "
    "is on), press ctrl+o to save it to a file."
)
NOT_SURELY_COPIED_NO_FILE = (
    "Sent to the terminal to copy; if it does not paste (tmux ignores it unless set-clipboard "
    "is on), select the text with the mouse instead."
)

NO_NAME = (
    "Your name is not set, so the letter is unsigned. Back in the journal, ctrl+p then "
    "Your profile sets it, and the strengths a thank-you draws on."
)

APOLOGY_NOTE = (
    "This says sorry. A brief explanation reads better than an apology: say what you have done "
    "since."
)


def composer_title(follow_up: FollowUp, interview: Interview) -> str:
    """ "Thank-you note to Dana Lee", or "... to the hiring team at Acme" when no one is named;
    a heads-up to a reference is about the company, not to the interviewer."""
    company = " ".join(interview.company.split())
    if follow_up.kind == "reference":
        return f"{kind_label(follow_up.kind)} about {company or 'the interview'}"
    names = [name.strip() for name in interview.interviewers if name.strip()]
    team = f"the hiring team at {company}" if company else "the hiring team"
    to = names[0] if names else team
    return f"{kind_label(follow_up.kind)} to {to}"


class ComposerScreen(Dialog[FollowUp | None]):
    """Drafts, edits and finishes one follow-up; dismissed with it (text and done date updated)
    when saved or marked sent, with None when closed.

    The screen does no I/O: the caller stores what it is dismissed with. `unsaved=True` reopens
    a text that could not be stored, so that closing it asks first.
    """

    DEFAULT_CSS = """
    ComposerScreen > #dialog {
        width: 92;
        height: 95%;
        max-height: 48;
    }
    ComposerScreen #hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    ComposerScreen #question {
        text-style: bold;
    }
    ComposerScreen #warning {
        color: $text-warning;
        margin-bottom: 1;
    }
    ComposerScreen #draft {
        height: 1fr;
    }
    ComposerScreen #apology {
        color: $text-warning;
        margin-top: 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="composer.save"),
        Binding("ctrl+t", "mark_sent", "Mark sent", id="composer.mark_sent"),
        # Above the editor's own ctrl+y (redo): copying the note is what this screen is for.
        Binding("ctrl+y", "copy", "Copy", priority=True, id="composer.copy"),
        # ctrl+o: free in the editor (ctrl+e, ctrl+a, ctrl+k... are its own) and in tmux.
        Binding("ctrl+o", "save_file", "To file", priority=True, id="composer.save_file"),
        Binding("ctrl+r", "redraft", "Redraft", id="composer.redraft"),
        Binding("escape", "close", "Close", id="composer.close"),
    ]

    def __init__(
        self,
        follow_up: FollowUp,
        interview: Interview,
        material: Material,
        *,
        today: dt.date,
        unsaved: bool = False,
        said: str = "",
        save_letter: SaveLetter | None = None,
        copier: Copier = clipboard.copy,
    ) -> None:
        """`save_letter` writes the letter as a file (ctrl+o; not offered without it);
        `copier` hands it to the system's clipboard tool, in a thread."""
        super().__init__()
        self.save_letter = save_letter
        self.copier = copier
        self.said = said  # why it opened again (a save refused): said on its status line
        self.follow_up = follow_up
        self.interview = interview
        self.material = material  # what the draft draws on besides the interview
        self.today = today
        self.unsaved = unsaved
        self.asks_first = follow_up.kind == SECOND_CHANCE and not follow_up.text.strip()
        # The text the program last put in the editor: anything else is the user's own work.
        self._baseline = ""

    # -- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(composer_title(self.follow_up, self.interview))
            dialog.border_subtitle = Content(self._interview_title())
            if self.follow_up.kind != SECOND_CHANCE:
                yield Static(Content(HINTS.get(self.follow_up.kind, DEFAULT_HINT)), id="hint")
            else:  # the question is the hint
                yield Static(Content(SECOND_CHANCE_QUESTION), id="question")
                yield LineInput(
                    placeholder="a project, something you have since looked into, a better answer",
                    id="new-point",
                )
                yield Static(Content(""), id="warning")
            yield TextArea(
                "",
                soft_wrap=True,
                tab_behavior="focus",
                id="draft",
            )
            yield Static(Content(APOLOGY_NOTE), id="apology")
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    def on_mount(self) -> None:
        profile = self.material.profile
        if not (profile and profile.name.strip()):  # else the letter ends unsigned
            self.query_one("#said", StatusLine).say(NO_NAME)
        if early := too_early_warning(self.interview, self.today):
            self.query_one("#said", StatusLine).say(f"Not yet: {early}", "warning")
        if self.said:
            self.query_one("#said", StatusLine).say(self.said, "error")
        self.query_one("#apology").display = False
        if self.follow_up.kind == SECOND_CHANCE:
            self.query_one("#warning").display = False
        editor = self.query_one("#draft", TextArea)
        if self.asks_first:
            editor.display = False
            self.query_one("#new-point", Input).focus()
            return
        unsaved = self.unsaved
        self._place(
            self.follow_up.text if self.follow_up.text.strip() else self._fresh_draft() or ""
        )
        self.unsaved = unsaved
        editor.focus()

    def _interview_title(self) -> str:
        interview = self.interview
        return interview.company + (f" — {interview.role}" if interview.role else "")

    # -- the text -----------------------------------------------------------------------------

    @property
    def editor(self) -> TextArea:
        return self.query_one("#draft", TextArea)

    @property
    def drafted(self) -> bool:
        """Whether there is a text to work on (a second chance waits for its question)."""
        return self.editor.display

    @property
    def edited(self) -> bool:
        """Whether closing now would lose something the user wrote."""
        return self.drafted and (self.unsaved or self.editor.text != self._baseline)

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return self.edited

    def unsaved_letter(self) -> FollowUp | None:
        """The follow-up with the letter as typed, when closing now would lose it; for a stop
        that cannot ask (SIGTERM, the terminal closed)."""
        return dataclasses.replace(self.follow_up, text=self.editor.text) if self.edited else None

    def _new_point(self) -> str:
        if self.follow_up.kind != SECOND_CHANCE:
            return ""
        return self.query_one("#new-point", Input).value

    def _fresh_draft(self) -> str | None:
        """A new draft, or None when there is none to write (a second chance with nothing new:
        the reason is said in the warning line)."""
        try:
            text = draft_from(self.follow_up.kind, self.interview, self.material, self._new_point())
        except DraftRefused as refused:
            self._warn(str(refused))
            return None
        if self.follow_up.kind == SECOND_CHANCE:
            self._warn(second_chance_warning(self._new_point()))
        return text

    def _warn(self, warning: str | None) -> None:
        self.query_one("#warning", Static).update(Content(warning or ""))
        self.query_one("#warning").display = warning is not None

    def _place(self, text: str) -> None:
        editor = self.editor
        editor.load_text(text)
        # At the top, where reading starts; at the end when the letter is unsigned, where the
        # user's name goes under "Kind regards,".
        profile = self.material.profile
        signed = bool(profile and profile.name.strip())
        editor.move_cursor((0, 0) if signed else editor.document.end)
        editor.display = True
        self._baseline = text
        self.unsaved = False
        self._check_apology(text)
        self.refresh_bindings()

    def _check_apology(self, text: str) -> None:
        self.query_one("#apology").display = apologises(text)

    @on(TextArea.Changed, "#draft")
    def _text_changed(self, event: TextArea.Changed) -> None:
        self._check_apology(event.text_area.text)

    @on(Input.Submitted, "#new-point")
    def _point_given(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.drafted:
            if (text := self._fresh_draft()) is not None:  # else: why not, on the warning line
                self._place(text)
                self.editor.focus()
        else:
            self.action_redraft()

    # -- actions ------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_file" and self.save_letter is None:
            return False  # not offered: no folder to save it in
        if action in ("save", "mark_sent", "copy", "save_file") and not self.drafted:
            return None  # shown dimmed: nothing written yet
        return True

    def _result(self, done: dt.date | None) -> FollowUp:
        return dataclasses.replace(self.follow_up, text=self.editor.text, done=done)

    def action_save(self) -> None:
        if self.drafted:
            self.dismiss(self._result(done=self.follow_up.done))

    def action_mark_sent(self) -> None:
        if self.drafted:
            # One already marked keeps the day it was sent.
            self.dismiss(self._result(done=self.follow_up.done or self.today))

    def action_copy(self) -> None:
        if not self.drafted:
            return
        text = self.editor.text
        # Through the terminal (OSC 52) always: it may work where no tool is. Whether it did,
        # the app cannot know, so only a clipboard tool that took the text makes it "Copied".
        self.app.copy_to_clipboard(text)
        self.run_worker(
            partial(self.copier, text),
            name="copy",
            group="copy",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )

    @on(Worker.StateChanged)
    def _copy_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.name != "copy" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        event.stop()
        if event.state == WorkerState.SUCCESS and worker.result:
            tell(self, COPIED)
        else:
            honest = NOT_SURELY_COPIED if self.save_letter else NOT_SURELY_COPIED_NO_FILE
            tell(self, honest, "warning")

    def action_save_file(self) -> None:
        if not self.drafted or self.save_letter is None:
            return
        try:
            path = self.save_letter(self.follow_up, self.interview, self.editor.text)
        except OSError as error:
            tell(self, f"Not saved to a file: {error.strerror or error}", "error")
            return
        tell(self, f"Saved as {path.name}, in {path.parent}")  # the name first: paths are long

    def action_redraft(self) -> None:
        def replace(yes: bool | None) -> None:
            if yes and (text := self._fresh_draft()) is not None:
                self._place(text)
                self.editor.focus()

        if self.edited or self.follow_up.text.strip():  # typed here, or a letter kept before
            self.app.push_screen(
                ConfirmScreen("Replace this letter with a fresh draft?", confirm_label="Redraft"),
                replace,
            )
        else:
            replace(True)

    def action_close(self) -> None:
        close_asking(self, "Close without saving your changes?", edited=self.edited)
