"""The theme chosen in the command palette is kept in the journal and shown again at the next
start (issue 15)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from interview_journal.store import Journal, open_journal
from interview_journal.store.settings import THEME_SETTING
from interview_journal.tui.app import JournalApp

from .conftest import TODAY, palette_offers, until


async def test_the_theme_chosen_in_the_palette_is_there_at_the_next_start(
    journal_path: Path,
) -> None:
    journal = open_journal(journal_path, create=True)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.theme != "nord"
        await pilot.press("ctrl+p", *"theme")
        await until(pilot, lambda: palette_offers(app, "Theme"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"nord")
        await until(pilot, lambda: palette_offers(app, "nord"))
        await pilot.press("enter")
        await until(pilot, lambda: app.theme == "nord")
        await pilot.pause()
        await pilot.press("escape", "q")
    journal.close()

    again = open_journal(journal_path)
    try:
        assert again.setting(THEME_SETTING) == "nord"
        second = JournalApp(journal=again, today=lambda: TODAY)
        assert second.theme == "nord"  # before the first frame
        async with second.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert second.theme == "nord"
            assert second.has_class("-theme-nord")
    finally:
        again.close()


async def test_a_theme_set_by_the_app_is_kept_and_quitting_keeps_it(journal: Journal) -> None:
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test() as pilot:
        app.theme = "gruvbox"
        await pilot.pause()
        await pilot.press("q")
    assert journal.setting(THEME_SETTING) == "gruvbox"
    assert JournalApp(journal=journal).theme == "gruvbox"


async def test_an_unknown_stored_theme_is_passed_over(journal: Journal) -> None:
    journal.set_setting(THEME_SETTING, "no-such-theme")
    app = JournalApp(journal=journal, today=lambda: TODAY)
    default = App().theme  # Textual's own
    assert app.theme == default
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.theme == default
    # nothing was chosen, so nothing was written over it
    assert journal.setting(THEME_SETTING) == "no-such-theme"


async def test_a_read_only_journal_shows_the_theme_and_does_not_remember_it(
    journal: Journal, journal_path: Path
) -> None:
    journal.set_setting(THEME_SETTING, "nord")
    read_only = open_journal(journal_path, read_only=True)
    try:
        app = JournalApp(journal=read_only, today=lambda: TODAY)
        async with app.run_test() as pilot:
            assert app.theme == "nord"
            app.theme = "dracula"
            await pilot.pause()
            assert app.theme == "dracula"
            assert app.is_running
        assert read_only.setting(THEME_SETTING) == "nord"
    finally:
        read_only.close()
