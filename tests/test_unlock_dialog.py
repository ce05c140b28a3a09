"""The passphrase dialog that unlocks an encrypted journal before the app opens it (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Checkbox, Input, Static

from interview_journal.store import cipher, open_journal
from interview_journal.store.conversion import convert
from interview_journal.tui.unlock import UnlockApp

from .conftest import add_acme, until

SECRET = "tea at 4 [bold]"


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        add_acme(journal)
    convert(path, SECRET)
    cipher.forget(path)  # as a new program finds it
    return path


def why(app: UnlockApp) -> str:
    return str(app.query_one("#unlock-why", Static).render())


async def test_a_wrong_passphrase_is_said_and_the_right_one_unlocks(locked: Path) -> None:
    app = UnlockApp(locked)
    async with app.run_test(size=(80, 24)) as pilot:
        field = app.query_one("#passphrase", Input)
        assert field.has_focus and field.password  # typed unseen
        await pilot.press(*"wrong", "enter")
        await until(pilot, lambda: "does not open" in why(app))
        assert field.value == ""  # to type again
        assert app.is_running
        await pilot.press(*SECRET, "enter")
        await until(pilot, lambda: not app.is_running)
    assert app.return_value is True
    with open_journal(locked) as journal:  # the process now opens it
        assert journal.encrypted and journal.count_interviews() == 1
    cipher.forget(locked)


async def test_escape_gives_up_and_nothing_is_kept(locked: Path, tmp_path: Path) -> None:
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        await pilot.press("escape")
    assert app.return_value is False
    assert cipher.passphrase_for(locked) is None
    assert not (tmp_path / "keyring.json").exists()


async def test_an_empty_passphrase_asks_for_one(locked: Path) -> None:
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "Type the journal's passphrase" in why(app)
        assert app.is_running


async def test_the_ticked_box_keeps_the_passphrase_in_the_keyring(
    locked: Path, tmp_path: Path
) -> None:
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        box = app.query_one("#remember", Checkbox)
        await until(pilot, lambda: box.display)  # a keyring is there: the tests' file
        box.value = True
        await pilot.press(*SECRET, "enter")
        await until(pilot, lambda: not app.is_running)
    assert app.return_value is True
    assert list(json.loads((tmp_path / "keyring.json").read_text()).values()) == [SECRET]
    cipher.forget(locked)


async def test_no_keyring_no_box(locked: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from interview_journal import keychain

    monkeypatch.setattr(keychain, "available", lambda: False)
    app = UnlockApp(locked)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not app.query_one("#remember", Checkbox).display
        await pilot.press(*SECRET, "enter")
        await until(pilot, lambda: not app.is_running)
    assert app.return_value is True
    cipher.forget(locked)
