"""Changed or deleted in another window: both versions side by side, and the user chooses.

Two apps (or the app and a command) on one journal: a save here is refused when the record was
changed or deleted there since this window loaded it (the store's `Conflict`). Nothing is saved
until the user says which version to keep, and the text typed here stays in its editor whatever
they choose, until they choose to drop it.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Label, Static

from ...core.model import Interview, Issue
from ..text import SEVERITY_NAMES
from ..widgets.footer import Footer
from .dialog import Dialog

Choice = Literal["mine", "theirs", "new", "drop"]
"""Keep mine (overwrite theirs), take theirs (drop mine), save mine as a new record again
(theirs was deleted), drop mine (it was deleted there, let it go). None: decide later."""


class ConflictScreen(Dialog["Choice | None"]):
    """Both versions of a record, this window's and the other's (None when it was deleted),
    and the choices that fit: keep mine or take theirs; or save mine again or drop it."""

    DEFAULT_CSS = """
    ConflictScreen > #dialog {
        width: 96%;
        max-width: 130;
        border: round $warning;
        border-title-color: $warning;
    }
    ConflictScreen #why {
        margin-bottom: 1;
    }
    ConflictScreen #versions {
        height: auto;
        max-height: 24;
    }
    ConflictScreen .version {
        width: 1fr;
        height: auto;
    }
    /* A short terminal: the versions take what room is left and scroll, so the choices and
       the end of a long text stay in reach. */
    ConflictScreen.-short #versions {
        height: 1fr;
    }
    ConflictScreen.-short .version, ConflictScreen.-short .version-text {
        height: 1fr;
    }
    ConflictScreen.-short #dialog {
        height: 100%;
        max-height: 100%;
    }
    ConflictScreen #mine-side {
        margin-right: 2;
    }
    ConflictScreen .version-title {
        text-style: bold;
        color: $text-accent;
    }
    ConflictScreen .version-text {
        height: auto;
        max-height: 22;
        background: $surface;
        padding: 0 1;
    }
    ConflictScreen #buttons {
        width: 100%;
        height: auto;
        margin-top: 1;
        align-horizontal: right;
    }
    ConflictScreen #buttons Button {
        margin-left: 2;
    }
    """

    AUTO_FOCUS = "#later"  # enter on its own chooses nothing
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", "Keep mine", id="conflict.mine"),
        Binding("t", "choose('theirs')", "Take theirs", id="conflict.theirs"),
        Binding("s", "choose('new')", "Save mine as new", id="conflict.new"),
        Binding("x", "choose('drop')", "Drop mine", id="conflict.drop"),
        Binding("escape", "later", "Decide later", id="conflict.later"),
    ]

    def __init__(self, kind: str, mine: str, theirs: str | None, *, can_save_new: bool = True):
        """`kind` names the record ("issue", "interview"); `mine` and `theirs` are the two
        versions as text (theirs None: deleted). `can_save_new` is False when mine cannot be
        saved again (the interview it belonged to was deleted too)."""
        super().__init__()
        self.kind = kind
        self.mine = mine
        self.theirs = theirs
        self.can_save_new = can_save_new

    @property
    def deleted(self) -> bool:
        return self.theirs is None

    def _choices(self) -> list[tuple[Choice, str]]:
        if not self.deleted:
            return [("theirs", "Take theirs (t)"), ("mine", "Keep mine (m)")]
        choices: list[tuple[Choice, str]] = [("drop", "Drop mine (x)")]
        if self.can_save_new:
            choices.append(("new", f"Save mine as a new {self.kind} (s)"))
        return choices

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            if self.deleted:
                dialog.border_title = "Deleted in another window"
                why = (
                    f"This {self.kind} was deleted in another window (or by a command) while "
                    "you were editing it here. What you typed is not saved."
                )
                if not self.can_save_new:
                    why += (
                        " Its interview was deleted too, so it cannot be saved again: copy what "
                        "you need from the left before you drop it."
                    )
            else:
                dialog.border_title = "Changed in another window"
                why = (
                    f"This {self.kind} was changed in another window (or by a command) while "
                    "you were editing it here. Nothing is saved yet: choose which version to "
                    "keep. The other is dropped."
                )
            yield Static(Content(why), id="why")
            with Horizontal(id="versions"):
                with Vertical(id="mine-side", classes="version"):
                    yield Label("Yours, in this window", classes="version-title")
                    with VerticalScroll(classes="version-text"):
                        yield Static(Content(self.mine), id="mine")
                with Vertical(id="theirs-side", classes="version"):
                    yield Label("Theirs, in the journal now", classes="version-title")
                    with VerticalScroll(classes="version-text"):
                        text = self.theirs if self.theirs is not None else "(deleted)"
                        yield Static(Content(text), id="theirs")
            with Horizontal(id="buttons"):
                yield Button(Content("Decide later (esc)"), id="later", compact=True)
                for choice, label in self._choices():
                    yield Button(Content(label), id=choice, compact=True, variant="primary")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            return parameters[0] in {choice for choice, _ in self._choices()}
        return True

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)

    def action_later(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "later":
            self.dismiss(None)
        else:
            self.dismiss(event.button.id)  # type: ignore[arg-type]


def issue_text(issue: Issue, category_names: dict[str, str]) -> str:
    """An issue as the conflict dialog shows it: both texts, then its category and severity."""
    category = category_names.get(issue.category or "", issue.category or "uncategorised")
    severity = SEVERITY_NAMES.get(issue.severity, str(issue.severity))
    return (
        f"What went wrong:\n{issue.problem or '(empty)'}\n\n"
        f"What I should have done:\n{issue.should_have or '(empty)'}\n\n"
        f"{category} · {severity}"
    )


def interview_text(interview: Interview) -> str:
    """An interview as the conflict dialog shows it: every field the form edits."""
    when = interview.date.isoformat() + (f" {interview.time:%H:%M}" if interview.time else "")
    lines = [
        f"Company: {interview.company}",
        f"Role: {interview.role}",
        f"Date: {when}",
        f"Stage: {interview.stage}",
        f"Interviewers: {', '.join(interview.interviewers)}",
        f"Outcome: {interview.outcome}",
        f"Rating: {interview.rating or 'none'}",
        f"Feelings: {', '.join(interview.feelings)}",
        f"Closed: {'yes' if interview.closed else 'no'}",
        "",
        f"Notes:\n{interview.notes or '(empty)'}",
    ]
    return "\n".join(lines)
