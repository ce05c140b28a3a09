"""The app at the sizes a new user tries: 80x24 usable, 60x20 still readable, and what the
footer and the status line offer there. Measured on the widgets a user looks at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import DataTable, Label, TextArea

from interview_journal.core.sample import generate_sample
from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.widgets.footer import Footer, Key, fit
from interview_journal.tui.widgets.interview_list import InterviewList

from .conftest import TODAY, add_acme, screen_lines, until


def demo_app(tmp_path: Path) -> JournalApp:
    journal = open_journal(tmp_path / "demo.db")
    journal.import_records([], generate_sample(30, today=TODAY))
    return JournalApp(journal=journal, today=lambda: TODAY)


async def on_an_issue(pilot) -> None:
    await pilot.press("j", "j", "j")
    await pilot.pause(0.2)


# -- the journal ------------------------------------------------------------------------------


async def test_at_80x24_the_editor_keeps_its_headings_and_room_to_write(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_an_issue(pilot)
        screen = app.screen
        titles = [label for label in screen.query(".side-title") if isinstance(label, Label)]
        assert [title.display for title in titles] == [True, True]
        assert all(title.region.height == 1 for title in titles)
        for area in screen.query(TextArea):
            assert area.region.height >= 6, area.id  # was 3
            assert area.content_size.width >= 18, area.id


async def test_at_80x24_the_footer_offers_quit_and_help(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_an_issue(pilot)
        footer = screen_lines(app)[-1]
        assert "q Quit" in footer
        assert "? Help" in footer
        assert footer.rstrip().endswith("^p palette")


async def test_at_60x20_the_list_gives_the_editor_room(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await on_an_issue(pilot)
        screen = app.screen
        assert screen.query_one(InterviewList).region.width <= 26  # was 36
        for area in screen.query(TextArea):
            assert area.content_size.width >= 12, area.id  # was 4
            assert area.region.height >= 5, area.id
        assert "q Quit" in screen_lines(app)[-1]


async def test_the_overdue_follow_ups_are_said_on_a_line_of_their_own_not_over_the_editor(
    tmp_path: Path,
) -> None:
    journal = open_journal(tmp_path / "journal.db")
    add_acme(journal)  # its thank-you was due on 2026-11-21
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await until(pilot, lambda: "overdue" in " ".join(screen_lines(app)))
        line = app.screen.query_one("#overdue")
        assert not app.screen.query("Toast")  # no toast drawn over the panes
        editor = app.screen.query_one("#editor")
        assert line.region.y >= editor.region.bottom  # below the editor, never over it
        assert "1 follow-up overdue: Acme thank-you note" in screen_lines(app)[-2]
        assert "q Quit" in screen_lines(app)[-1]


async def test_an_empty_journal_offers_only_the_keys_that_do_something(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "journal.db")
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(Footer)
        offered = {key.description for key in footer.keys}
        assert {"New", "Quit", "Help"} <= offered
        assert not offered & {"Issue", "Edit", "Went well", "Follow-ups", "Delete", "Search"}
        add_acme(journal)
        app.screen.journal_changed()  # as the journal's poll does when another window wrote
        await pilot.pause()
        offered = {key.description for key in footer.keys}
        assert {"Issue", "Edit", "Search"} <= offered


# -- the footer, on its own --------------------------------------------------------------------


def keys(*descriptions: str) -> tuple[Key, ...]:
    return tuple(
        Key(d[0].lower(), d[0].lower(), d, True, essential=d in {"Quit", "Help"})
        for d in descriptions
    )


def test_keys_that_fit_are_spaced_as_textual_spaces_them() -> None:
    shown = keys("New", "Quit")
    assert fit(shown, 40) == (" ", list(shown))


def test_keys_that_do_not_fit_give_way_from_the_end_but_quit_and_help_stay() -> None:
    shown = keys("New", "Issue", "Edit", "Search", "Quit", "Trends", "Help")
    pad, kept = fit(shown, 34)
    assert pad == ""
    names = [key.description if key else "…" for key in kept]
    assert names[-3:] == ["…", "Quit", "Help"]
    assert names[0] == "New"
    assert sum(key.width("") for key in kept if key) + 2 <= 34


# -- trends -----------------------------------------------------------------------------------


async def open_trends(app: JournalApp, pilot) -> None:  # noqa: ANN001 - a Pilot
    """t, then wait until the category table is drawn with the demo's most frequent mistake
    (filled by a read in a thread, then laid out: either may take a while on a slow machine)."""
    await pilot.press("t")
    await until(pilot, lambda: "Rambling" in "\n".join(screen_lines(app)))


async def test_trends_at_70x22_show_the_numbers_beside_the_names(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(70, 22)) as pilot:
        await open_trends(app, pilot)
        table = app.screen.query_one("#categories", DataTable)
        labels = [str(column.label) for column in table.columns.values()]
        assert {"Category", "Label", "In", "Since"} <= set(labels)
        text = "\n".join(screen_lines(app))
        assert re.search(r"Rambling.*recurring\s+19\s", text)  # the name and its count


@pytest.mark.parametrize("size", [(130, 40), (80, 24)])
async def test_the_monthly_legend_is_beside_the_lines_with_a_marker_each(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_trends(app, pilot)
        legend = str(app.screen.query_one("#timeline-legend").render())
        markers = [entry[0] for entry in re.findall(r"([o+x*#]) [A-Z]", legend)]
        assert len(markers) == len(set(markers)) >= 3  # told apart without colour
        plot = app.screen.query_one("#timeline")
        box = app.screen.query_one("#timeline-legend")
        assert box.region.y >= plot.region.bottom  # under the plot, not over its lines


async def test_a_toast_shows_at_the_top_not_over_the_editor(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await on_an_issue(pilot)
        app.notify("Reopened: Marlow & Finch", markup=False)
        await pilot.pause(0.3)
        toasts = list(app.screen.query("Toast"))
        assert toasts
        editor = app.screen.query_one("#editor").region
        for toast in toasts:
            assert toast.region.y <= 2  # at the top right, under the title
            assert not toast.region.overlaps(editor)


async def trends_text(tmp_path: Path, size: tuple[int, int]) -> str:
    """The trends screen of the demo journal at `size`, as text."""
    app = demo_app(tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_trends(app, pilot)
        return "\n".join(screen_lines(app))


async def test_trends_at_60x20_give_the_names_the_room_the_numbers_leave(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_trends(app, pilot)
        # The table is laid out again as the charts beside it are drawn: wait for it to settle
        # (a layout that never shows the name with its numbers fails here). Was cut to
        # "Rambling / nerv…".
        row = r"Rambling / nerves / lo.*recurring\s+19\s"
        await until(pilot, lambda: re.search(row, "\n".join(screen_lines(app))) is not None)
        assert "In: with it · Since: interviews since" in "\n".join(screen_lines(app))


async def test_trends_at_80x24_name_the_monthly_chart_whole(tmp_path: Path) -> None:
    text = await trends_text(tmp_path, (80, 24))
    assert "Top five by month" in text
    assert "In: with it · Since: interviews since" in text


async def test_follow_ups_at_60x20_keep_each_on_one_line(tmp_path: Path) -> None:
    app = demo_app(tmp_path)
    async with app.run_test(size=(60, 20)) as pilot:
        await on_an_issue(pilot)  # Marlow & Finch, whose thank-you note is overdue
        await pilot.press("f")
        await pilot.pause()
        lines = screen_lines(app)
        [line] = [line for line in lines if "Thank-you note" in line]
        assert re.search(r"Thank-you note\s+due \w{3} \d+ \w{3}\s+overdue", line)
