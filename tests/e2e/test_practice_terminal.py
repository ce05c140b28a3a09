"""A rehearsal in a real terminal (tmux): p opens Practice, the countdown moves on its own,
space shows the answer, 3 grades it, q quits, and the grade is in the journal file."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview_journal.core.model import Interview, Story
from interview_journal.core.questions import builtin_uuid
from interview_journal.store import open_journal

from .tmux import Terminal

PROGRAM = Path(sys.executable).parent / "interview-journal"
ANSWER = "I turn messy data into tools people use."


@pytest.fixture
def terminal(tmp_path: Path, journal_file: Path) -> Iterator[Terminal]:
    """The app at 80x24 on a journal with one interview and an answer to 'tell me about
    yourself'."""
    journal_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_journal(journal_file) as journal:
        journal.add_interview(Interview(company="Acme", date=dt.date.today()))
        journal.add_story(Story(text=ANSWER, question_uuid=builtin_uuid("tell-me-about-yourself")))
    with Terminal(
        [PROGRAM, "--db", journal_file], home=tmp_path / "user", width=80, height=24
    ) as term:
        yield term


def test_a_rehearsal_from_p_to_a_grade_in_the_file(terminal: Terminal, journal_file: Path) -> None:
    terminal.wait_for("Acme", timeout=15)
    terminal.send("p")
    screen = terminal.wait_for("Tell me about yourself.")
    terminal.wait_for("left of 2:00")
    # the countdown moves by itself, a second at a time
    terminal.wait_until(
        lambda screen, _: re.search(r"1:5\d left of 2:00", screen) is not None,
        "the countdown going down",
        timeout=10,
    )
    assert ANSWER not in terminal.screen()
    terminal.send("space")
    screen = terminal.wait_for(ANSWER)
    assert "You took" in screen
    terminal.send("3")
    terminal.wait_for("2 of ")
    terminal.send("q")
    assert terminal.wait_exit(timeout=10) in {0, None}
    assert "Traceback" not in terminal.screen()

    conn = sqlite3.connect(journal_file)
    try:
        graded = conn.execute(
            "SELECT q.text, r.rating FROM question_reviews r "
            "JOIN questions q ON q.id = r.question_id"
        ).fetchall()
    finally:
        conn.close()
    assert graded == [("Tell me about yourself.", 3)]
