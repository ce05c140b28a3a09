"""The composer as the user reaches it: a key for every kind of letter, one letter of a kind
at a time, a copy said only when it happened, a letter saved as a file, and a letter kept when
the app is stopped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from interview_journal.core.compose import kind_label
from interview_journal.locations import letters_folder
from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.composer import HINTS, ComposerScreen
from interview_journal.tui.screens.follow_ups import FollowUpsScreen
from interview_journal.tui.screens.help import help_sections

from .conftest import TODAY, add_acme, until
from .dialog_host import DialogHost, MemoryJournal
from .test_compose import driving, flat, follow_ups_screen, visible_text
from .test_letters import fake_tool

KEYS = {
    "a": "thank-you",
    "b": "feedback-request",
    "s": "second-chance-request",
    "r": "reference",
    "x": "rejection-reply",
    "o": "acceptance",
}


def said(app: object) -> str:
    screen = app.screen  # type: ignore[attr-defined]
    return str(screen.query_one("#said").said)


@pytest.mark.parametrize(("key", "kind"), KEYS.items())
async def test_each_key_opens_its_kind_and_escape_keeps_nothing(key: str, kind: str) -> None:
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        assert app.screen.follow_up.kind == kind
        # A heads-up goes to a reference, about the interview: not to the interviewer.
        to = "about Acme" if kind == "reference" else "to Dana Lee"
        assert f"{kind_label(kind)} {to}" in visible_text(app)
        if kind in HINTS:  # what makes this kind of letter work, above it
            assert str(app.screen.query_one("#hint", Static).render()) == HINTS[kind]
        await pilot.press("escape")  # an untouched draft: closed without asking
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        assert desk.by_uuid == {}  # nothing created
        if kind != "second-chance-request":  # that one asks its question first
            await pilot.press(key, "ctrl+s")
            await pilot.pause()
            [kept] = desk.by_uuid.values()
            assert kept.kind == kind and kept.text.strip()


async def test_the_keys_are_in_the_footer_at_80_columns_or_in_the_help() -> None:
    desk = MemoryJournal()
    app = DialogHost(follow_ups_screen(desk), desk)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = visible_text(app).splitlines()[-1]
        for shown in ("a Thanks", "b Feedback", "s 2nd chance", "r Reference", "esc Close"):
            assert shown in footer
        [(title, keys), *_] = help_sections(app.screen, app)  # what `?` shows
        assert title == "Follow-ups"
        for key, kind in KEYS.items():
            assert any(shown == key for shown, _ in keys), kind
        assert ("x", "Reply to a rejection") in keys and ("o", "Thanks for an offer") in keys


async def test_a_second_a_opens_the_thank_you_not_yet_sent() -> None:
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Alex", "ctrl+s")
        await pilot.pause()
        [saved] = desk.by_uuid.values()
        await pilot.press("a")
        await pilot.pause()
        composer = app.screen
        assert isinstance(composer, ComposerScreen)
        assert composer.follow_up.uuid == saved.uuid
        assert composer.query_one("#draft", TextArea).text == saved.text  # its saved text
        await pilot.press("ctrl+t")  # sent
        await pilot.pause()
        assert len(desk.by_uuid) == 1  # no second entry
        await pilot.press("a")  # the only one is sent: a new one is started
        await pilot.pause()
        assert app.screen.follow_up.uuid != saved.uuid


async def test_copy_with_a_clipboard_tool_says_copied_and_the_tool_has_the_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    got = fake_tool(tmp_path / "bin", "xclip")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setenv("DISPLAY", ":0")
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press("a")
        await pilot.pause()
        text = app.screen.query_one("#draft", TextArea).text
        await pilot.press("ctrl+y")
        await until(pilot, lambda: said(app))
        assert said(app) == "Copied to the clipboard."
        assert got.read_text(encoding="utf-8") == text
        assert app.clipboard == text  # sent to the terminal as well


async def test_copy_without_a_tool_says_so_and_never_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing there
    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press("b", "ctrl+y")
        await until(pilot, lambda: said(app))
        assert said(app).startswith("Sent to the terminal to copy; if it does not paste")
        assert "Copied" not in flat(visible_text(app))
        assert "tmux" in flat(visible_text(app))


def make_app(journal: Journal) -> JournalApp:
    return JournalApp(journal=journal, today=lambda: TODAY)


async def test_ctrl_o_saves_the_letter_as_a_file_and_says_where(journal: Journal) -> None:
    add_acme(journal)
    app = make_app(journal)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f", "b")
        await pilot.pause()
        await pilot.press(*"Alex")
        text = app.screen.query_one("#draft", TextArea).text
        await pilot.press("ctrl+o")
        await pilot.pause()
        path = letters_folder() / "2026-11-20-acme-feedback-request.txt"
        assert said(app) == f"Saved as {path.name}, in {path.resolve().parent}"
        assert path.read_text(encoding="utf-8") == text + "\n"  # a text file's last line
        await pilot.press("ctrl+o")  # again: a second file, the first kept
        await pilot.pause()
        assert said(app).startswith("Saved as 2026-11-20-acme-feedback-request-2.txt, in ")
        assert path.read_text(encoding="utf-8") == text + "\n"
        assert "To file" in visible_text(app).splitlines()[-1]


async def test_a_stop_signal_keeps_the_letter_being_written(journal: Journal) -> None:
    """SIGTERM or the terminal closed: the letter typed is kept, on the thank-you waiting
    (never a second one), or as a new follow-up."""
    interview = add_acme(journal)
    [waiting] = journal.follow_ups(interview.uuid)
    app = make_app(journal)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f", "a")  # the thank-you waiting
        await pilot.pause()
        assert app.screen.follow_up.uuid == waiting.uuid
        await pilot.press(*"Alex")
        app._stop_on_signal()  # what SIGTERM and SIGHUP call
        await pilot.pause()
    [kept] = journal.follow_ups(interview.uuid)
    assert kept.uuid == waiting.uuid and kept.text.startswith("Dear Dana Lee,")
    assert kept.text.endswith("Alex")

    app = make_app(journal)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f", "x", *"Warmly")  # a rejection reply, never stored
        await pilot.pause()
        app._stop_on_signal()
        await pilot.pause()
    kinds = {f.kind: f for f in journal.follow_ups(interview.uuid)}
    assert set(kinds) == {"thank-you", "rejection-reply"}
    assert kinds["rejection-reply"].text.endswith("Warmly")
    assert kinds["rejection-reply"].due == TODAY + dt.timedelta(days=1)


async def test_without_a_name_the_composer_says_how_to_sign(journal) -> None:
    """No profile: the letter ends unsigned, and the composer says where the name is set."""
    from interview_journal.core.model import Profile
    from interview_journal.tui.app import JournalApp

    from .conftest import TODAY, add_acme

    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f", "b")
        await pilot.pause()
        assert "Your name is not set" in said(app)
        await pilot.press("escape", "escape")
    journal.set_profile(Profile(name="Sam"))
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f", "b")
        await pilot.pause()
        assert "Your name is not set" not in said(app)


async def test_a_letter_kept_before_asks_before_a_fresh_draft_replaces_it() -> None:
    from interview_journal.tui.screens.confirm import ConfirmScreen

    desk = MemoryJournal()
    async with driving(follow_ups_screen(desk), desk) as (app, pilot):
        await pilot.press("a", "ctrl+s")  # the draft kept as it came
        await pilot.pause()
        await pilot.press("a")  # opened again, untouched
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)


async def test_a_signed_letter_opens_at_its_greeting() -> None:
    from interview_journal.core.compose import Material
    from interview_journal.core.model import Profile

    from .test_compose import ACME, RAPPORT

    desk = MemoryJournal()
    material = Material([RAPPORT], profile=Profile(name="Alex Doe"))
    host = DialogHost(lambda: FollowUpsScreen(ACME, [], material, TODAY), desk)
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        editor = host.screen.query_one("#draft", TextArea)
        assert editor.text.rstrip().endswith("Alex Doe")
        assert editor.cursor_location == (0, 0)
        assert editor.scroll_y == 0  # "Dear Dana," in view, not the signature
