"""The journal exported from the app (issue 15): the palette's "Export the journal (JSON)"
writes a new file beside the journal in a worker, with a bar, while the app answers keys."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from textual.widgets import ProgressBar

from interview_journal.core.model import Interview, InterviewRecord
from interview_journal.store import Journal, export_file
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.export_progress import ExportProgress, exporting
from interview_journal.tui.screens.help import HelpScreen

from .conftest import TODAY, palette_offers, screen_lines, until

INTERVIEWS = 12


@pytest.fixture
def held_export(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The export, as on a large journal, still under way after its first interview: it goes
    on once the test sets the event it returns (at most 30 s later)."""
    quick = export_file.with_each
    go_on = threading.Event()

    def held(records: Iterable[InterviewRecord], each: Callable[[], None] | None):  # noqa: ANN202
        for number, record in enumerate(quick(records, each)):
            if number == 1:
                go_on.wait(30)
            yield record

    monkeypatch.setattr(export_file, "with_each", held)
    return go_on


def add_interviews(journal: Journal) -> None:
    for number in range(INTERVIEWS):
        journal.add_interview(
            Interview(
                company=f"Company {number}", role="Developer", date=dt.date(2026, 10, 1 + number)
            )
        )


async def open_export(app: JournalApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p", *"export the journal")
    await until(pilot, lambda: palette_offers(app, "Export the journal (JSON)"))
    await pilot.press("enter")


async def test_the_export_shows_a_bar_writes_the_file_and_keys_are_answered_meanwhile(
    journal: Journal, journal_path: Path, held_export: threading.Event
) -> None:
    add_interviews(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_export(app, pilot)
        await until(pilot, lambda: isinstance(app.screen, ExportProgress))
        bar = app.screen.query_one(ProgressBar)
        await until(pilot, lambda: bar.total == INTERVIEWS and (bar.progress or 0) >= 1)
        assert exporting(app)
        # Keys while it runs: escape hides the dialog, ? opens the help.
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ExportProgress))
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert exporting(app), "the export ended before the keys were answered"
        assert (bar.progress or 0) < INTERVIEWS
        await pilot.press("escape")
        held_export.set()
        await until(pilot, lambda: not exporting(app), within=30)
        await until(pilot, lambda: "Exported" in " ".join(screen_lines(app)))
    written = journal_path.with_name(f"journal-export-{TODAY.isoformat()}.json")
    document = json.loads(written.read_text(encoding="utf-8"))
    assert len(document["interviews"]) == INTERVIEWS
    assert (written.stat().st_mode & 0o777) == 0o600


async def test_quitting_while_the_export_is_written_asks_first(
    journal: Journal, journal_path: Path, held_export: threading.Event
) -> None:
    from interview_journal.tui.screens.confirm import ConfirmScreen

    add_interviews(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_export(app, pilot)
        await until(pilot, lambda: isinstance(app.screen, ExportProgress))
        await pilot.press("escape")  # hidden: it goes on
        await until(pilot, lambda: not isinstance(app.screen, ExportProgress))
        await pilot.press("q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "export is still being written" in " ".join(screen_lines(app))
        await pilot.press("escape")  # no: stay
        await until(pilot, lambda: not isinstance(app.screen, ConfirmScreen))
        assert app.is_running and exporting(app)
        held_export.set()
        await until(pilot, lambda: not exporting(app), within=30)
    written = journal_path.with_name(f"journal-export-{TODAY.isoformat()}.json")
    assert len(json.loads(written.read_text(encoding="utf-8"))["interviews"]) == INTERVIEWS


async def test_a_second_export_that_day_gets_a_name_of_its_own(
    journal: Journal, journal_path: Path
) -> None:
    add_interviews(journal)
    first = journal_path.with_name(f"journal-export-{TODAY.isoformat()}.json")
    first.write_text("kept", encoding="utf-8")
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=(110, 36)) as pilot:
        await open_export(app, pilot)
        await until(
            pilot, lambda: not exporting(app) and not isinstance(app.screen, ExportProgress)
        )
    assert first.read_text(encoding="utf-8") == "kept"
    second = journal_path.with_name(f"journal-export-{TODAY.isoformat()}-2.json")
    assert len(json.loads(second.read_text(encoding="utf-8"))["interviews"]) == INTERVIEWS
