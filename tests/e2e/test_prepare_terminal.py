"""Preparing for the next one in a real terminal (tmux, 80x24; issue 14): a calendar imported
from the shell shows in the app; the brain dump is split into issues with the keys; the next
interview's briefing has its stage's checklist, ticked and kept; the prep worksheet saves as it
is typed. Checked in the journal file."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview_journal.core.model import Interview
from interview_journal.store import open_journal

from .journal_file import rows
from .tmux import Terminal

PROGRAM = Path(sys.executable).parent / "interview-journal"
DUMP = "I was late because of the trains. Rambled on the first question. Awful day overall."
NEXT = (dt.date.today() + dt.timedelta(days=3)).strftime("%Y%m%d")
CALENDAR = "\r\n".join(
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "UID:globex-phone@example.com",
        f"DTSTART;VALUE=DATE:{NEXT}",
        "SUMMARY:Globex phone screen",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:dentist@example.com",
        f"DTSTART;VALUE=DATE:{NEXT}",
        "SUMMARY:Dentist",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
)


@pytest.fixture
def terminal(tmp_path: Path, journal_file: Path) -> Iterator[Terminal]:
    """A past interview at Acme with a brain dump, and Globex's phone screen imported from a
    calendar file with the command line, as a user would before opening the app."""
    journal_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_journal(journal_file) as journal:
        journal.add_interview(
            Interview(company="Acme", date=dt.date.today() - dt.timedelta(days=1), notes=DUMP)
        )
    ics = tmp_path / "calendar.ics"
    ics.write_text(CALENDAR, encoding="utf-8")
    imported = subprocess.run(
        [PROGRAM, "--db", journal_file, "calendar", "import", ics],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert imported.returncode == 0, imported.stderr
    assert "Added 1:" in imported.stdout and "Dentist" in imported.stdout
    with Terminal(
        [PROGRAM, "--db", journal_file], home=tmp_path / "user", width=80, height=24
    ) as term:
        yield term


def test_split_the_dump_tick_the_checklist_and_write_the_worksheet(
    terminal: Terminal, journal_file: Path
) -> None:
    terminal.wait_for("Globex", timeout=15)  # the calendar's interview, first: it is to come
    terminal.send("r")  # its briefing, with the phone interview's checklist
    terminal.wait_for("Ready for the phone interview", timeout=15)
    terminal.send("c")
    terminal.send("space")
    terminal.wait_for("☑")
    ticked = "SELECT checklist FROM interviews WHERE company='Globex'"
    terminal.wait_until(
        lambda _screen, _: rows(journal_file, ticked) == [('["research"]',)], "the tick kept"
    )

    terminal.send("escape")  # back to the journal, Globex still selected
    terminal.send("P")
    terminal.wait_for("Prep worksheet")
    terminal.type("Their phone team ships daily")
    why = "SELECT prep_why FROM interviews WHERE company='Globex'"
    try:
        terminal.wait_until(
            lambda _screen, _: rows(journal_file, why) == [("Their phone team ships daily",)],
            "the worksheet saved as it was typed",
            timeout=10,
        )
    except Exception:
        print("ROWS", rows(journal_file, "SELECT company, prep_why, updated FROM interviews"))
        raise
    terminal.send("escape")

    terminal.send("j")  # Acme, yesterday: its brain dump, split
    terminal.wait_for("Brain dump: I was late")
    terminal.send("D")
    terminal.wait_for("Split the brain dump into issues")
    terminal.wait_for("3 of 3 drafts kept")
    terminal.send("down", "down", "space")  # "Awful day overall." is not a mistake
    terminal.wait_for("2 of 3 drafts kept")
    terminal.send("ctrl+s")
    terminal.wait_for("2 issues added from the brain dump")
    terminal.send("q")
    assert terminal.wait_exit(timeout=10) in {0, None}
    assert "Traceback" not in terminal.screen()
    issues = rows(journal_file, "SELECT problem, category FROM issues ORDER BY id")
    assert issues == [
        ("I was late because of the trains.", "punctuality"),
        ("Rambled on the first question.", "rambling"),
    ]
