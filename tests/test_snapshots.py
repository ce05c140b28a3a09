"""The main screens as SVG snapshots, at a fixed size, on the demo journal of a fixed day.

Update only when a change to what the user sees is meant, after looking at the new pictures:
`uv run pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from interview_journal.core.sample import generate_sample
from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp

from .conftest import TODAY

SIZE = (130, 40)


@pytest.fixture
def demo_app(tmp_path: Path) -> JournalApp:
    journal = open_journal(tmp_path / "demo.db")
    journal.import_records([], generate_sample(30, today=TODAY))
    return JournalApp(journal=journal, today=lambda: TODAY)


@pytest.fixture
def empty_app(tmp_path: Path) -> JournalApp:
    return JournalApp(journal=open_journal(tmp_path / "journal.db"), today=lambda: TODAY)


async def steady(pilot) -> None:
    """The same picture every run: a fixed title, and no blinking cursor."""
    pilot.app.sub_title = "journal.db"
    for widget in pilot.app.screen.query("TextArea, Input"):
        if isinstance(widget, TextArea | Input):
            widget.cursor_blink = False
    await pilot.pause()


def test_journal_screen(snap_compare, demo_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("j", "j", "j")
        await pilot.pause(0.2)
        await pilot.press("tab")
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_new_interview_form(snap_compare, demo_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("n", *"Acme", "tab", *"Data", "tab")
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_empty_journal(snap_compare, empty_app) -> None:
    assert snap_compare(empty_app, terminal_size=SIZE, run_before=steady)


def test_trends_screen(snap_compare, demo_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("t")
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)


def test_trends_when_empty(snap_compare, empty_app) -> None:
    async def run_before(pilot) -> None:
        await pilot.press("t")
        await steady(pilot)

    assert snap_compare(empty_app, terminal_size=SIZE, run_before=run_before)


def test_review_screen(snap_compare, demo_app) -> None:
    from interview_journal.core.clock import FixedClock

    demo_app.journal.clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC))

    async def run_before(pilot) -> None:
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("space")
        await steady(pilot)

    assert snap_compare(demo_app, terminal_size=SIZE, run_before=run_before)
