"""Render screenshots/*.svg from the real app on the demo journal (STYLE.md pattern 11).

    uv run python scripts/export_screenshots.py

The sample is generated for a fixed day, so the pictures change only when the app does.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from interview_journal.core.clock import FixedClock
from interview_journal.core.sample import generate_sample, sample_profile, sample_questions
from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"
TODAY = dt.date(2026, 11, 27)
SIZE = (130, 40)


async def shoot(app: JournalApp, name: str, *keys: str) -> None:
    """Press `keys` in the real app, then save what the terminal shows as `name`, toasts and
    all, as a user would see it."""
    app.sub_title = "journal.db"  # before start: the screens under a dialog are not redrawn
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.started.wait()
        for key in keys:
            await pilot.press(key)
            await pilot.pause(0.1)  # the detail panes follow the selection after a moment
        for widget in app.screen.query("TextArea, Input"):
            widget.cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()
        app.save_screenshot(name, path=str(OUT))


async def shoot_unlock(folder: Path) -> None:
    """The passphrase dialog before an encrypted journal opens, a passphrase half typed."""
    import os

    from interview_journal.store import cipher
    from interview_journal.store.conversion import convert
    from interview_journal.tui.unlock import UnlockApp

    convert(folder / "demo.db", "screenshot passphrase")
    cipher.forget(folder / "demo.db")
    os.chdir(folder)  # the dialog names the journal as given: "demo.db", not a temporary path
    app = UnlockApp(Path("demo.db"))
    async with app.run_test(size=(100, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press(*"screenshot")
        app.query_one("Input").cursor_blink = False  # type: ignore[attr-defined]
        await pilot.pause()
        app.save_screenshot("unlock.svg", path=str(OUT))


async def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        journal = open_journal(Path(folder) / "demo.db")
        journal.import_records([], generate_sample(30, today=TODAY), questions=sample_questions())
        journal.set_profile(sample_profile())
        journal.clock = FixedClock(dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC))
        shots = (
            ("journal.svg", "j", "j", "j", "tab"),
            ("new-interview.svg", "n", *"Acme", "tab", *"Data", "tab"),
            ("trends.svg", "t"),
            ("review.svg", "r", "space"),
            ("briefing.svg", "j", "r"),  # the next interview, selected, at a company met before
            ("worksheet.svg", "j", "P"),
            ("practice.svg", "p", "space"),
            ("composer.svg", "j", "j", "j", "f", "enter", "ctrl+r", "y"),  # a fresh draft
        )
        for name, *keys in shots:
            await shoot(JournalApp(journal=journal, today=lambda: TODAY), name, *keys)
        journal.close()
        await shoot_unlock(Path(folder))
    print(f"Wrote {', '.join(sorted(p.name for p in OUT.glob('*.svg')))} to {OUT}")


if __name__ == "__main__":
    asyncio.run(main())
