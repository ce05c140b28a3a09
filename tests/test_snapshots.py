"""Every screen as an SVG snapshot, at 80x24 (the smallest terminal that must be usable) and
200x50, on the demo journal of a fixed day.

Update only when a change to what the user sees is meant, after looking at the new pictures:
`uv run pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from interview_journal.core.clock import FixedClock
from interview_journal.core.sample import generate_sample
from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp

from .conftest import TODAY

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((200, 50), id="200x50")]
DETAIL = 0.2  # seconds for the detail panes to follow the selection


@pytest.fixture
def demo_app(tmp_path: Path) -> JournalApp:
    journal = open_journal(tmp_path / "demo.db")
    journal.import_records([], generate_sample(30, today=TODAY))
    journal.clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC))
    return steady_title(JournalApp(journal=journal, today=lambda: TODAY))


@pytest.fixture
def empty_app(tmp_path: Path) -> JournalApp:
    app = JournalApp(journal=open_journal(tmp_path / "journal.db"), today=lambda: TODAY)
    return steady_title(app)


def steady_title(app: JournalApp) -> JournalApp:
    """The title shows the journal's path, a temporary folder that differs each run: a fixed
    one from the start, for the screens under a dialog are not drawn again."""
    app.sub_title = "journal.db"
    return app


async def steady(pilot: Any) -> None:
    """The same picture every run: a fixed title, and no blinking cursor."""
    pilot.app.sub_title = "journal.db"
    for widget in pilot.app.screen.query("TextArea, Input"):
        if isinstance(widget, TextArea | Input):
            widget.cursor_blink = False
    await pilot.pause()


def pressing(*keys: str, wait: float = DETAIL) -> Callable[[Any], Awaitable[None]]:
    """Press `keys` one at a time as a person would, the detail panes catching up."""

    async def run_before(pilot: Any) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.pause(wait if key in "jkf" else 0)
        await pilot.pause(wait)
        await steady(pilot)

    return run_before


ON_MARLOW = ("j", "j", "j")  # an interview with two issues, one solved, and follow-ups due

DEMO_SCREENS = {
    "journal": pressing(*ON_MARLOW, "tab"),
    "interview_form": pressing("n", *"Acme", "tab", *"Data", "tab"),
    "issue_editor": pressing(*ON_MARLOW, "i", *"Froze when asked about salary"),
    "positives": pressing(*ON_MARLOW, "w"),
    "follow_ups": pressing(*ON_MARLOW, "f"),
    "composer": pressing(*ON_MARLOW, "f", "enter"),
    "search": pressing("slash", *"late"),
    "trends": pressing("t"),
    "trends_drill_down": pressing("t", "enter"),
    "review_briefing_and_drill": pressing("r", "space"),
    "help": pressing("question_mark"),
    "confirm_delete": pressing(*ON_MARLOW, "d"),
    "quit_with_unsaved_text": pressing("n", *"Acme", "ctrl+q"),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(DEMO_SCREENS))
def test_screen(snap_compare, demo_app, screen: str, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=DEMO_SCREENS[screen])


@pytest.mark.parametrize("size", SIZES)
def test_conflict_dialog(snap_compare, demo_app, size: tuple[int, int]) -> None:
    from interview_journal.tui.screens.conflict import ConflictScreen

    async def run_before(pilot: Any) -> None:
        await pilot.press(*ON_MARLOW)
        await pilot.pause(DETAIL)
        pilot.app.push_screen(
            ConflictScreen(
                "issue",
                "Froze when asked about salary; said a number far too low.",
                "Froze when asked about salary expectations.",
            )
        )
        await pilot.pause()
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_empty_journal(snap_compare, empty_app, size: tuple[int, int]) -> None:
    assert snap_compare(empty_app, terminal_size=size, run_before=steady)


@pytest.mark.parametrize("size", SIZES)
def test_trends_when_empty(snap_compare, empty_app, size: tuple[int, int]) -> None:
    assert snap_compare(empty_app, terminal_size=size, run_before=pressing("t"))
