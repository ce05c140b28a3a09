"""Practice as SVG snapshots at 80x24 and 200x50, on the demo journal of a fixed day with one
answer written, the countdown's clock held still (18 s gone on the front).

Update only when a change to what the user sees is meant, after looking at the new pictures:
`uv run pytest tests/test_practice_snapshots.py --snapshot-update`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from interview_journal.core.clock import FixedClock
from interview_journal.core.model import Story
from interview_journal.core.questions import builtin_uuid
from interview_journal.core.sample import generate_sample
from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.practice import PracticeScreen

from .conftest import TODAY, until
from .test_snapshots import SIZES, steady, steady_title

ANSWER = (
    "I analyse operations data and turn it into tools people use every day; before that I "
    "taught maths, which is where I learned to explain numbers plainly."
)


@pytest.fixture
def demo_app(tmp_path: Path) -> JournalApp:
    """The demo journal (as tests/test_snapshots.py has it) on a fixed day and moment."""
    journal = open_journal(tmp_path / "demo.db")
    journal.import_records([], generate_sample(30, today=TODAY))
    journal.clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC))
    return steady_title(JournalApp(journal=journal, today=lambda: TODAY))


def rehearsing(*keys: str) -> Any:
    async def run_before(pilot: Any) -> None:
        app = pilot.app
        app.journal.add_story(
            Story(
                text=ANSWER,
                situation="Ops team drowning in spreadsheets",
                result="Two dashboards in daily use",
                question_uuid=builtin_uuid("tell-me-about-yourself"),
            )
        )
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PracticeScreen) and app.screen.loaded)
        screen = app.screen
        screen.monotonic = lambda: 118.0
        screen.started = 100.0
        screen.tick()
        for key in keys:
            await pilot.press(key)
        await steady(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("keys", [(), ("space",)], ids=["front", "answers"])
def test_practice(snap_compare, demo_app: JournalApp, keys: tuple[str, ...], size) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=rehearsing(*keys))
