"""The profile in the app (issue 13): reached from the command palette, kept in the journal,
and what the drafts are signed and written with."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from interview_journal.core.model import Profile
from interview_journal.store import Journal, open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.confirm import ConfirmScreen
from interview_journal.tui.screens.profile import ProfileScreen

from .conftest import TODAY, add_acme, palette_offers, screen_lines, until


def shown(app: JournalApp) -> str:
    return " ".join(" ".join(screen_lines(app)).split())


async def open_profile(app: JournalApp, pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.press(*"profile")
    await until(pilot, lambda: palette_offers(app, "Your profile"))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, ProfileScreen))


async def test_the_profile_is_kept_and_signs_the_thank_you(journal: Journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_profile(app, pilot)
        assert "Your profile" in shown(app)
        await pilot.press(*"Sam", "space", *"Rivera")
        app.screen.query_one("#strengths", TextArea).insert("calm under pressure\n\nSQL")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ProfileScreen)
        assert "Your profile is kept" in shown(app)
        await pilot.press("f", "a")  # the thank-you: signed with the name
        await pilot.pause()
        assert "Sam Rivera" in app.screen.query_one("#draft", TextArea).text
    assert journal.profile() == Profile(
        name="Sam Rivera", strengths=["calm under pressure", "SQL"], achievements=[]
    )


async def test_closing_with_changes_asks_and_keeps_the_stored_profile(journal: Journal) -> None:
    journal.set_profile(Profile(name="Sam"))
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_profile(app, pilot)
        assert app.screen.query_one("#name", Input).value == "Sam"
        await pilot.press(*"uel")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
    assert journal.profile().name == "Sam"


async def test_a_read_only_journal_keeps_what_was_typed(journal_path) -> None:
    with open_journal(journal_path) as journal:
        add_acme(journal)
    journal = open_journal(journal_path, read_only=True)
    try:
        app = JournalApp(journal=journal, today=lambda: TODAY)
        async with app.run_test(size=(130, 40)) as pilot:
            await open_profile(app, pilot)
            await pilot.press(*"Sam")
            await pilot.press("ctrl+s")
            await until(pilot, lambda: "Not saved:" in shown(app))
            assert isinstance(app.screen, ProfileScreen)
            assert app.screen.query_one("#name", Input).value == "Sam"
    finally:
        journal.close()
