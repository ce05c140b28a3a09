"""The title line (tui/widgets/title_bar.py): the app's title and the journal it shows, kept up
to date as they change, and the icon opening the command palette, as Textual's header does."""

from __future__ import annotations

from textual.command import CommandPalette
from textual.geometry import Region

from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.widgets.title_bar import TitleBar

from .conftest import TODAY, add_acme, until


def title_line(app: JournalApp) -> str:
    """The line as drawn (Textual keeps it until the widget is refreshed)."""
    bar = app.screen.query_one(TitleBar)
    return bar.render_lines(Region(0, 0, bar.size.width, 1))[0].text


async def test_the_title_line_names_the_journal_and_follows_its_changes(journal: Journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(200, 30)) as pilot:
        line = title_line(app)
        assert f"Interview Journal — {journal.path}" in line
        assert line.startswith(" ⭘")
        assert len(line) == 200  # the whole width, the title in the middle
        app.sub_title = "somewhere else"
        await pilot.pause()
        assert "Interview Journal — somewhere else" in title_line(app)
        await pilot.press("t")  # trends titles its own screen
        await until(pilot, lambda: "all time" in title_line(app))
        assert "Interview Journal — all time · 1 interview · 2 issues" in title_line(app)


async def test_a_title_too_long_is_cut_with_an_ellipsis(journal: Journal) -> None:
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        app.sub_title = "x" * 200
        await pilot.pause()
        line = title_line(app)
        assert len(line) == 60 and line.endswith("— …" + "x" * 30 + " ")


async def test_a_screens_own_long_sub_title_is_cut_at_its_end(journal: Journal) -> None:
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        app.screen.sub_title = "y" * 100 + "z"
        await pilot.pause()
        line = title_line(app)
        assert len(line) == 60 and line.endswith("— " + "y" * 30 + "… ")


async def test_a_click_on_the_icon_opens_the_command_palette(journal: Journal) -> None:
    add_acme(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.started.is_set())
        await pilot.click(TitleBar, offset=(1, 0))
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))


async def test_a_long_path_keeps_its_file_name_and_the_title_uses_the_room(
    journal: Journal,
) -> None:
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(80, 24)):
        app.sub_title = "/home/someone/a/very/long/folder/name/for/journals/work-2026.db"
        line = title_line(app)
        assert (
            line
            == " ⭘      Interview Journal — …/a/very/long/folder/name/for/journals/work-2026.db "
        )


async def test_a_long_path_keeps_the_word_encrypted_before_it(journal: Journal) -> None:
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(60, 20)):
        app.sub_title = "encrypted: /home/someone/a/very/long/folder/journals/work.db"
        line = title_line(app)
        assert line == " ⭘      Interview Journal — encrypted: …er/journals/work.db "
