"""The app's way to write an interview out for a coach (issue 15): x on the journal screen, or
"Export this interview for a coach" in the palette. Markdown of the selected interview only,
without the notes, in a new private file in the exports folder; the status line says where."""

from __future__ import annotations

import datetime as dt

from interview_journal.core.exchange import coach_markdown
from interview_journal.core.model import Interview, Issue
from interview_journal.locations import exports_folder
from interview_journal.store import Journal
from interview_journal.tui.app import JournalApp
from interview_journal.tui.widgets.status_line import StatusLine

from .conftest import TODAY, add_acme, palette_offers, until
from .test_cli import mode_of
from .test_journal_screen import type_text

SIZE = (130, 40)


def said(app: JournalApp) -> str:
    return str(app.screen.query_one(StatusLine).said)


def selected(app: JournalApp) -> str | None:
    current = getattr(app.screen, "current", None)
    return current.interview.company if current is not None else None


def add_globex(journal: Journal) -> Interview:
    globex = journal.add_interview(
        Interview(company="Globex", role="SRE", date=TODAY - dt.timedelta(days=30))
    )
    journal.add_issue(Issue(problem="GLOBEX-ONLY mistake", interview_uuid=globex.uuid))
    return globex


async def test_x_writes_the_selected_interview_for_a_coach_and_says_where(
    journal: Journal,
) -> None:
    acme = add_acme(journal)
    add_globex(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: selected(app) == "Acme")
        await pilot.press("x")
        path = exports_folder() / "2026-11-20-acme-for-coach.md"
        await until(pilot, lambda: path.exists())
        assert said(app) == f"For a coach: saved as {path.name}, in {path.resolve().parent}"
        text = path.read_text(encoding="utf-8")
        assert text == coach_markdown(journal.record(acme.uuid), journal.categories())
        assert "Arrived 10 minutes late" in text and "Leave 45 minutes early" in text
        assert "flustered" not in text  # the notes stay in the journal
        assert "GLOBEX" not in text
        assert mode_of(path) == 0o600 and mode_of(path.parent) == 0o700

        await pilot.press("x")  # again: a second file, the first kept
        second = path.with_name("2026-11-20-acme-for-coach-2.md")
        await until(pilot, lambda: second.exists())
        assert said(app).startswith(f"For a coach: saved as {second.name}, in ")
        assert path.read_text(encoding="utf-8") == text


async def test_the_palette_writes_the_selected_interview_for_a_coach(journal: Journal) -> None:
    add_acme(journal)
    globex = add_globex(journal)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: selected(app) == "Acme")
        await pilot.press("j")  # down to Globex
        await until(pilot, lambda: selected(app) == "Globex")
        await pilot.press("ctrl+p")
        await type_text(pilot, "for a coach")
        await until(pilot, lambda: palette_offers(app, "Export this interview for a coach"))
        await pilot.press("enter")
        path = exports_folder() / f"{globex.date.isoformat()}-globex-for-coach.md"
        await until(pilot, lambda: path.exists())
        await until(pilot, lambda: said(app).startswith(f"For a coach: saved as {path.name}"))
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# Globex — SRE\n")
        assert "GLOBEX-ONLY mistake" in text
        assert "Acme" not in text and "Arrived 10 minutes late" not in text
