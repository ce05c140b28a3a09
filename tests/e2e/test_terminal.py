"""The real program in a real terminal (tmux): keys in, a journal on disk out.

These tests start the installed `interview-journal` console script, never `uv run`, in a detached
tmux session of a fixed size, type into it as a user would, and then read the journal file with
the store. They wait by polling the screen (and the terminal's cursor, which Textual keeps in the
focused text field), never by sleeping, except for the deliberate pause before SIGKILL.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from interview_journal.core.model import Interview
from interview_journal.store import open_journal

from .tmux import Terminal

PROGRAM = Path(sys.executable).parent / "interview-journal"

COMPANY = "Acme [bold]Corp[/] 🙂"
ROLE = "Backend Engineer"
PROBLEM = "Arrived late: traffic"
SHOULD_HAVE = "Leave 45 minutes early"

Check = Callable[[str, tuple[int, int]], bool]


@pytest.fixture
def terminal(tmp_path: Path, journal_file: Path) -> Iterator[Terminal]:
    """The app on a new, empty journal in the test's folder; the tmux server dies with the test."""
    home = tmp_path / "user"
    with Terminal(
        [PROGRAM, "--db", journal_file],
        home=home,
        env={"INTERVIEW_JOURNAL_DB": str(journal_file)},
    ) as term:
        yield term


# -- what the screen says about focus ------------------------------------------------------------


def cursor_in_field(label: str) -> Check:
    """The cursor is in the form field labelled `label` (the input sits right of its label)."""

    def check(screen: str, cursor: tuple[int, int]) -> bool:
        x, y = cursor
        lines = screen.splitlines()
        if y >= len(lines):
            return False
        column = lines[y].find(f"{label}  ")
        return 0 <= column < x

    return check


def cursor_in_side(title: str, right_of: str | None = None) -> Check:
    """The cursor is in the editor's text area under `title` (and left of `right_of`)."""

    def check(screen: str, cursor: tuple[int, int]) -> bool:
        x, y = cursor
        for row, line in enumerate(screen.splitlines()):
            if title in line:
                start = line.index(title)
                end = line.index(right_of) if right_of and right_of in line else len(line)
                return y > row and start - 2 <= x < end - 2
        return False

    return check


def shows(text: str) -> Check:
    return lambda screen, _cursor: text in screen


def shows_words(text: str) -> Check:
    """`text` shows, though a text area may have wrapped it over lines: its words, in order."""
    pattern = re.compile(".*?".join(re.escape(word) for word in text.split()), re.DOTALL)
    return lambda screen, _cursor: pattern.search(screen) is not None


def both(*checks: Check) -> Check:
    return lambda screen, cursor: all(check(screen, cursor) for check in checks)


# -- steps a user takes ----------------------------------------------------------------------


def create_interview(term: Terminal) -> None:
    """n, then company, role and "yesterday" in the first three fields, then ctrl+s."""
    term.wait_until(both(shows("Your journal is empty"), shows("n New")), "empty journal", 15)
    term.send("n")
    term.wait_until(both(shows("New interview"), cursor_in_field("Company")), "form open")
    term.type(COMPANY)
    term.wait_until(both(shows(COMPANY), cursor_in_field("Company")), "company typed")
    # Each key is confirmed on screen before the next: Textual handles tab only once it has
    # bubbled up to the screen, and keys typed meanwhile would still land in the old field.
    term.send("tab")
    term.wait_until(cursor_in_field("Role"), "focus in Role")
    term.type(ROLE)
    term.wait_until(both(shows(ROLE), cursor_in_field("Role")), "role typed")
    term.send("tab")
    term.wait_until(cursor_in_field("Date"), "focus in Date")
    # The date is prefilled "today" (and selected on focus): go to its end, clear to the start.
    term.send("ctrl+e", "ctrl+u")
    term.wait_until(shows("No date was typed"), "date field cleared")
    term.type("yesterday")
    term.wait_until(shows("· yesterday"), "date understood")
    term.send("ctrl+s")
    term.wait_until(
        both(
            shows("Interviews"),
            shows("Acme [bold]"),
            lambda screen, _: "New interview" not in screen,
        ),
        "interview saved and listed",
    )


def write_issue(term: Terminal) -> float:
    """i, the problem, tab, the solution; returns when the last key was typed."""
    term.wait_for("i Issue")  # the footer shows the key: the list has focus
    term.send("i")
    problem_side = cursor_in_side("What went wrong", right_of="What I should have done")
    term.wait_until(problem_side, "focus in What went wrong")
    term.type(PROBLEM)
    term.wait_until(both(shows_words(PROBLEM), problem_side), "problem typed")
    term.send("tab")
    term.wait_until(cursor_in_side("What I should have done"), "focus in What I should have done")
    term.type(SHOULD_HAVE)
    typed = time.monotonic()
    term.wait_until(shows_words(SHOULD_HAVE), "solution typed")
    return typed


def wait_saved(journal_file: Path, issue: tuple[str, str], timeout: float = 5.0) -> None:
    """Poll the journal file (read-only, beside the running app) until `issue` is in it."""
    deadline = time.monotonic() + timeout
    while True:
        with open_journal(journal_file, read_only=True) as journal:
            saved = [(each.problem, each.should_have) for each in journal.issues()]
        if issue in saved:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{issue} not saved after {timeout} s; saved: {saved}")
        time.sleep(0.05)


# -- the tests -------------------------------------------------------------------------------


def test_keys_create_an_interview_and_an_issue(terminal: Terminal, journal_file: Path) -> None:
    yesterday_before = dt.date.today() - dt.timedelta(days=1)
    create_interview(terminal)
    write_issue(terminal)
    wait_saved(journal_file, (PROBLEM, SHOULD_HAVE))  # the autosave, 0.8 s after the last key
    terminal.send("escape")
    terminal.wait_for("q Quit")  # shown once focus is out of the text fields
    terminal.send("q")
    assert terminal.wait_exit(timeout=10) in {0, None}  # None: tmux missed the status
    assert "Traceback" not in terminal.screen()
    yesterday_after = dt.date.today() - dt.timedelta(days=1)

    with open_journal(journal_file) as journal:
        summaries = journal.interview_summaries()
        assert len(summaries) == 1
        interview = summaries[0].interview
        assert interview.company == COMPANY  # markup and emoji kept literally
        assert interview.role == ROLE
        assert interview.date in {yesterday_before, yesterday_after}
        issues = journal.issues(interview.uuid)
    assert [(issue.problem, issue.should_have) for issue in issues] == [(PROBLEM, SHOULD_HAVE)]


def test_sigkill_two_seconds_after_typing_loses_nothing(
    terminal: Terminal, journal_file: Path
) -> None:
    create_interview(terminal)
    typed = write_issue(terminal)
    # Deliberately no waiting for "saved": the autosave must have happened by itself.
    time.sleep(max(0.0, 2.0 - (time.monotonic() - typed)))
    os.kill(terminal.pid(), signal.SIGKILL)
    assert terminal.wait_exit(timeout=5) in {-signal.SIGKILL, None}

    connection = sqlite3.connect(journal_file)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        connection.close()
    with open_journal(journal_file) as journal:
        [summary] = journal.interview_summaries()
        assert summary.interview.company == COMPANY
        issues = journal.issues(summary.interview.uuid)
    assert [(issue.problem, issue.should_have) for issue in issues] == [(PROBLEM, SHOULD_HAVE)]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stop_signal_right_after_typing_saves_the_text(
    terminal: Terminal, journal_file: Path, stop: signal.Signals
) -> None:
    """Closing the terminal (SIGHUP) or being asked to stop (SIGTERM) a moment after the last
    key, well before the autosave's pause is over, still saves what was typed."""
    create_interview(terminal)
    write_issue(terminal)
    os.kill(terminal.pid(), stop)
    terminal.wait_exit(timeout=5)
    with open_journal(journal_file) as journal:
        [summary] = journal.interview_summaries()
        issues = journal.issues(summary.interview.uuid)
    assert [(issue.problem, issue.should_have) for issue in issues] == [(PROBLEM, SHOULD_HAVE)]


def test_a_text_file_is_refused_in_one_line(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Not a journal: just my notes.\n")
    before = (notes.read_bytes(), notes.stat().st_mtime_ns)

    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "TERM": "xterm-256color",
    }
    result = subprocess.run(
        [PROGRAM, "--db", notes],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        timeout=30,
        check=False,
    )

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert "file is not a database" in lines[0]
    assert (notes.read_bytes(), notes.stat().st_mtime_ns) == before
    assert sorted(path.name for path in tmp_path.iterdir() if path.is_file()) == ["notes.txt"]


def test_the_first_frame_shows_the_list_not_just_the_header_and_keys(tmp_path: Path) -> None:
    """Textual paints nothing while an app is starting; a screen laid out before then had its
    first frame dropped, and the list stayed blank under the header and keys until something
    moved. The first screen that shows anything must show the interviews."""
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        journal.add_interview(Interview(company="Initech", date=dt.date.today()))
    with Terminal([PROGRAM, "--db", path], home=tmp_path / "user") as term:
        deadline = time.monotonic() + 15
        while not (first := term.screen()).strip():
            assert time.monotonic() < deadline, "nothing was ever painted"
            time.sleep(0.002)
        assert "Initech" in first, first
