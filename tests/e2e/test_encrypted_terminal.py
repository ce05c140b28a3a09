"""An encrypted journal in a real terminal (tmux, 80x24; issue 15): the app asks for the
passphrase in a dialog before it opens the journal, a command asks on the terminal, and what is
typed is never shown."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from interview_journal.store import cipher, open_journal
from interview_journal.store.conversion import convert

from ..conftest import add_acme
from .tmux import Terminal

PROGRAM = Path(sys.executable).parent / "interview-journal"
SECRET = "plum-orchard-42"
NO_KEYRING = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


@pytest.fixture
def locked(journal_file: Path) -> Path:
    journal_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_journal(journal_file) as journal:
        add_acme(journal)
    convert(journal_file, SECRET)
    cipher.forget(journal_file)
    return journal_file


def app_on(journal: Path, tmp_path: Path, env: dict[str, str] = NO_KEYRING) -> Terminal:
    """The app on `journal`, as a user opens it, in a terminal of 80x24."""
    return Terminal(
        [PROGRAM, "--db", journal], home=tmp_path / "user", env=env, width=80, height=24
    )


def test_the_app_unlocks_in_a_dialog(locked: Path, tmp_path: Path) -> None:
    with app_on(locked, tmp_path) as term:
        term.wait_for("Encrypted journal: type its passphrase", timeout=15)
        term.type("not-it")
        term.send("Enter")
        screen = term.wait_for("does not open this journal")
        assert "not-it" not in screen
        term.type(SECRET)
        screen = term.wait_for("•" * len(SECRET))  # typed unseen
        assert SECRET not in screen
        term.send("Enter")
        screen = term.wait_for("Acme", timeout=15)
        assert "Interview Journal — encrypted: " in screen
        term.send("q")
        assert term.wait_exit() in {0, None}  # None: tmux missed the status


def test_escape_in_the_dialog_quits_and_says_why(locked: Path, tmp_path: Path) -> None:
    with app_on(locked, tmp_path) as term:
        term.wait_for("Encrypted journal: type its passphrase", timeout=15)
        term.send("Escape")
        assert term.wait_exit() in {1, None}  # None: tmux missed the status
        assert "not unlocked" in term.screen()


def test_a_command_asks_on_the_terminal_without_echo(locked: Path, tmp_path: Path) -> None:
    with Terminal(
        [PROGRAM, "--db", locked, "list"],
        home=tmp_path / "user",
        env=NO_KEYRING,
        width=80,
        height=24,
    ) as term:
        term.wait_for("Passphrase for", timeout=15)
        term.type("not-it")
        term.send("Enter")
        term.wait_for("does not open this journal")
        term.type(SECRET)
        term.send("Enter")
        screen = term.wait_for("Acme", timeout=15)
        assert SECRET not in screen and "not-it" not in screen
        assert term.wait_exit() in {0, None}  # None: tmux missed the status


def test_a_passphrase_kept_in_the_keyring_opens_the_app_at_once(
    locked: Path, tmp_path: Path
) -> None:
    from interview_journal import keychain

    keyring_file = tmp_path / "keyring.json"
    keychain.keep(locked, SECRET)  # the tests' keyring (tests/file_keyring.py), a file
    assert keyring_file.exists()
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.file_keyring.FileKeyring",
        "INTERVIEW_JOURNAL_TEST_KEYRING": str(keyring_file),
        "PYTHONPATH": str(Path(__file__).parents[2]),
    }
    with app_on(locked, tmp_path, env) as term:
        screen = term.wait_for("Acme", timeout=15)
        assert "Encrypted journal: type its passphrase" not in screen
        assert "encrypted: " in screen
        term.send("q")
        assert term.wait_exit() in {0, None}  # None: tmux missed the status
