"""Two real app processes on one journal, each in its own terminal: what one writes, the other
shows by itself; an edit of the same issue in both is not lost, and the user chooses."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from interview_journal.core.model import Interview, Issue
from interview_journal.store import open_journal

from .test_terminal import PROGRAM, cursor_in_side, shows_words
from .tmux import Terminal

PROBLEM = "Arrived late"


def open_window(tmp_path: Path, journal_file: Path, name: str) -> Terminal:
    return Terminal([PROGRAM, "--db", journal_file], home=tmp_path / name, width=140, height=36)


@pytest.fixture
def windows(tmp_path: Path) -> Iterator[tuple[Terminal, Terminal, Path]]:
    journal_file = tmp_path / "journal.db"
    with open_journal(journal_file) as journal:
        interview = journal.add_interview(
            Interview(company="Acme", date=dt.date.today() - dt.timedelta(days=1))
        )
        journal.add_issue(Issue(problem=PROBLEM, interview_uuid=interview.uuid))
    with (
        open_window(tmp_path, journal_file, "one") as one,
        open_window(tmp_path, journal_file, "two") as two,
    ):
        yield one, two, journal_file


def stored_problem(journal_file: Path) -> str:
    with open_journal(journal_file, read_only=True) as journal:
        [issue] = journal.issues()
    return issue.problem


def wait_stored(journal_file: Path, problem: str | Callable[[str], bool]) -> str:
    """Poll the journal file until its issue's problem is `problem` (or passes it); return it."""
    check = problem if callable(problem) else problem.__eq__
    deadline = time.monotonic() + 5.0
    while not check(stored := stored_problem(journal_file)):
        if time.monotonic() > deadline:
            raise AssertionError(f"{problem!r} not stored after 5 s: {stored!r}")
        time.sleep(0.05)
    return stored


def into_the_problem(term: Terminal) -> None:
    term.wait_for("i Issue", timeout=15)
    term.wait_for(PROBLEM)
    term.send("tab")  # the issue list
    term.wait_for("d Delete")
    term.send("tab")  # its first issue's "What went wrong"
    term.wait_until(cursor_in_side("What went wrong", "What I should have done"), "in the text")


def test_two_windows_see_each_other_and_a_clash_is_asked_about(windows) -> None:
    one, two, journal_file = windows
    into_the_problem(one)
    into_the_problem(two)

    # Typed and saved in one: the other, not typing, shows it by itself.
    one.type(" A1")
    wait_stored(journal_file, f"{PROBLEM} A1")
    two.wait_until(shows_words(f"{PROBLEM} A1"), "the other window shows the edit", timeout=5)

    # Both type before either has saved: two saves first, one is asked, both texts shown.
    one.type(" A2")  # saved 0.8 s after the last key
    two.type(" B2")
    two.send("ctrl+s")
    theirs = wait_stored(journal_file, lambda problem: "B2" in problem and "A1" in problem)
    screen = one.wait_for("Changed in another window", timeout=5)
    assert "Yours, in this window" in screen and "Theirs, in the journal now" in screen
    assert f"{PROBLEM} A1 A2" in screen and theirs in screen
    assert stored_problem(journal_file) == theirs  # nothing overwritten meanwhile
    one.send("m")  # keep mine
    one.wait_gone("Changed in another window")
    wait_stored(journal_file, f"{PROBLEM} A1 A2")
    two.wait_until(shows_words(f"{PROBLEM} A1 A2"), "the other window shows the choice", 5)
    for term in (one, two):
        assert "Traceback" not in term.screen()
