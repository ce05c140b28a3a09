"""The user's profile: the name their letters are signed with, and the strengths and
achievements a thank-you draws on to say why they fit (issue 13)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static, TextArea

from ...core.model import Profile
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from ..widgets.status_line import StatusLine
from .confirm import close_asking
from .dialog import Dialog

HINT = (
    "Kept in the journal and only used in the drafts you write: a thank-you says why you fit "
    "from these, in your own words. One per line."
)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


class ProfileScreen(Dialog[Profile | None]):
    """Edits the profile; dismissed with it (ctrl+s) or None when closed. No I/O: the journal
    screen writes it, and opens this again with the reason when the write is refused."""

    DEFAULT_CSS = """
    ProfileScreen > #dialog {
        width: 80;
    }
    ProfileScreen #hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    ProfileScreen Label {
        margin-top: 1;
        text-style: bold;
    }
    ProfileScreen TextArea {
        height: 4;
    }
    """

    HELP_TITLE = "Your profile"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Save", id="profile.save"),
        Binding("escape", "close", "Close", id="profile.close"),
    ]

    def __init__(self, profile: Profile, *, typed: Profile | None = None, said: str = "") -> None:
        super().__init__()
        self.profile = profile  # as stored: what closing without saving keeps
        self.shown = typed or profile
        self.said = said

    def compose(self) -> ComposeResult:
        profile = self.shown
        # Scrolls on a small terminal (80x24 shows the name and the strengths; tab moves on).
        with VerticalScroll(id="dialog") as dialog:
            dialog.border_title = "Your profile"
            yield Static(Content(HINT), id="hint")
            yield Label("Your name, to sign with")
            yield LineInput(profile.name, placeholder="as you sign your letters", id="name")
            yield Label("Strengths")
            yield TextArea("\n".join(profile.strengths), tab_behavior="focus", id="strengths")
            yield Label("Achievements")
            yield TextArea("\n".join(profile.achievements), tab_behavior="focus", id="achievements")
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    def on_mount(self) -> None:
        if self.said:
            self.query_one("#said", StatusLine).say(self.said, "error")
        self.query_one("#name", Input).focus()

    def typed(self) -> Profile:
        return Profile(
            name=" ".join(self.query_one("#name", Input).value.split()),
            strengths=_lines(self.query_one("#strengths", TextArea).text),
            achievements=_lines(self.query_one("#achievements", TextArea).text),
        )

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return self.typed() != self.profile

    def unsaved(self) -> Profile | None:
        """For a stop that cannot ask (SIGTERM): the profile typed and not saved, or None."""
        return self.typed() if self.unsaved_text else None

    def action_keep(self) -> None:
        self.dismiss(self.typed())

    def action_close(self) -> None:
        close_asking(self, "Close without saving your profile?", edited=self.unsaved_text)
