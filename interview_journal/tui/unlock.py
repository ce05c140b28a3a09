"""The passphrase dialog: an encrypted journal is unlocked here before the app opens it.

A small app of its own, run before the journal's: the journal app is handed an open journal
(STYLE.md pattern 2), and an encrypted one cannot be opened without its passphrase. The
passphrase is tried in a thread (making its key takes a tenth of a second), never echoed, and
kept in the system keyring only if the box is ticked.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Checkbox, Footer, Input, Static

from .. import keychain
from ..store import JournalError, cipher, open_journal
from ..store.errors import WrongPassphrase


def try_passphrase(path: Path, passphrase: str) -> str | None:
    """None if `passphrase` opens the journal at `path` (it is then remembered for it, in
    this process), else why not, in plain words."""
    try:
        cipher.remember(path, passphrase)
    except cipher.BadPassphrase as error:
        return str(error).capitalize()
    try:
        open_journal(path, create=False).close()
    except WrongPassphrase:
        cipher.forget(path)
        return "That passphrase does not open this journal. Try again."
    except JournalError as error:
        cipher.forget(path)
        return str(error)
    return None


class UnlockApp(App[bool]):
    """Asks for the passphrase of the journal at `path`; returns whether it was unlocked."""

    TITLE = "Interview Journal"
    CSS = """
    Screen { align: center middle; }
    #unlock {
        width: 64; max-width: 100%; height: auto;
        border: round $accent; padding: 1 2; background: $panel;
    }
    #unlock-title { text-style: bold; }
    #unlock-path { color: $text-muted; margin-bottom: 1; }
    #unlock-why { color: $text-error; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "give_up", "Quit"),
        Binding("enter", "submit", "Unlock", show=True, priority=False),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(id="unlock"):
            yield Static("Encrypted journal: type its passphrase, then Enter.", id="unlock-title")
            yield Static(str(self.path), id="unlock-path", markup=False)
            yield Input(password=True, placeholder="Passphrase", id="passphrase")
            box = Checkbox("Remember it in the system keyring", id="remember")
            box.display = False  # offered once a keyring is found (`_look_for_keyring`)
            yield box
            yield Static("", id="unlock-why", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self._look_for_keyring()

    @work(thread=True)
    def _look_for_keyring(self) -> None:
        """Looked for in a thread: the keyring package takes a moment to find its backend."""
        if keychain.available():
            self.call_from_thread(self._offer_keyring)

    def _offer_keyring(self) -> None:
        self.query_one("#remember", Checkbox).display = True

    def action_give_up(self) -> None:
        self.exit(False)

    async def action_submit(self) -> None:
        await self.query_one("#passphrase", Input).action_submit()

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value:
            self.query_one("#unlock-why", Static).update("Type the journal's passphrase.")
            return
        field = self.query_one("#passphrase", Input)
        field.disabled = True
        self.query_one("#unlock-why", Static).update("Unlocking …")
        self._try(event.value, self.query_one("#remember", Checkbox).value)

    @work(thread=True, exclusive=True)
    def _try(self, passphrase: str, remember: bool) -> None:
        why = try_passphrase(self.path, passphrase)
        if why is None and remember:
            try:
                keychain.keep(self.path, passphrase)
            except keychain.NoKeyring as error:
                why = f"Unlocked, but {error} Untick the box to go on without it."
        self.call_from_thread(self._tried, why)

    def _tried(self, why: str | None) -> None:
        if why is None:
            self.exit(True)
            return
        field = self.query_one("#passphrase", Input)
        field.disabled = False
        if not why.startswith("Unlocked"):
            field.value = ""
        field.focus()
        self.query_one("#unlock-why", Static).update(why)


def unlock(path: Path) -> bool:
    """Ask for the passphrase of the journal at `path` in a dialog; whether it was unlocked."""
    return bool(UnlockApp(path).run())
