"""Faults survived by the real program in a real terminal: kills at random moments while it
autosaves, and another writer at the same time."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from interview_journal.core.model import Interview
from interview_journal.store import open_journal

from .test_terminal import PROGRAM, both, cursor_in_side, shows
from .tmux import Terminal

ROUNDS = 20
WORDS = ("rambled", "about", "the", "migration", "project", "before", "answering", "questions")


def seeded_journal(path: Path) -> str:
    with open_journal(path) as journal:
        interview = journal.add_interview(Interview(company="Initech", date=journal_day()))
    return interview.uuid


def journal_day() -> dt.date:
    return dt.date.today() - dt.timedelta(days=1)


def test_twenty_kills_while_autosaving_lose_nothing_saved_and_leave_nothing_half_written(
    tmp_path: Path,
) -> None:
    """Each round: open the app, add an issue by typing words at a human pace, and SIGKILL it
    at a random moment. Afterwards the file is intact, every issue saved in an earlier round is
    still there word for word, and the new one, if saved, is a clean prefix of what was typed."""
    path = tmp_path / "journal.db"
    seeded_journal(path)
    rng = random.Random(20261127)
    kept: list[str] = []
    for round_number in range(ROUNDS):
        typed = f"round {round_number}: " + " ".join(rng.sample(WORDS, 6))
        with Terminal([PROGRAM, "--db", path], home=tmp_path / "user") as term:
            term.wait_for("i Issue", timeout=15)
            term.send("i")
            # Typing starts once the cursor is in the editor: letters typed into the list
            # would be keys (q quits).
            in_editor = both(cursor_in_side("What went wrong"), shows("Use suggestion"))
            term.wait_until(in_editor, "focus in What went wrong")
            kill_after = rng.uniform(0.2, 2.5)
            started = time.monotonic()
            for word in typed.split(" "):
                term.type(word + " ")
                time.sleep(0.05)
                if time.monotonic() - started > kill_after:
                    break
            time.sleep(max(0.0, kill_after - (time.monotonic() - started)))
            if not term.alive():
                pytest.fail(f"round {round_number}: the program left by itself:\n{term.screen()}")
            os.kill(term.pid(), signal.SIGKILL)
            term.wait_exit(timeout=5)
        connection = sqlite3.connect(path)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        finally:
            connection.close()
        with open_journal(path) as journal:
            problems = [issue.problem for issue in journal.issues()]
        assert problems[: len(kept)] == kept, f"round {round_number}: an earlier save was lost"
        new = problems[len(kept) :]
        assert len(new) <= 1
        if new:
            assert (typed + " ").startswith(new[0]), f"half-written: {new[0]!r} of {typed!r}"
        kept += new
    assert kept, "no round saved anything: the autosave never ran"


def test_the_app_and_the_command_line_write_at_the_same_time(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    seeded_journal(path)
    env = {**os.environ, "HOME": str(tmp_path / "user"), "XDG_DATA_HOME": str(tmp_path / "d")}
    with Terminal([PROGRAM, "--db", path], home=tmp_path / "user") as term:
        term.wait_for("i Issue", timeout=15)
        term.send("i")
        in_editor = both(cursor_in_side("What went wrong"), shows("Use suggestion"))
        term.wait_until(in_editor, "focus in What went wrong")
        adders = [
            subprocess.Popen(
                [PROGRAM, "--db", path, "add", f"Globex {n}", "--date", "today",
                 "--issue", f"Forgot question {n}"],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for n in range(3)
        ]  # fmt: skip
        term.type("Typed while the shell was adding")
        results = [adder.communicate(timeout=30) + (adder.returncode,) for adder in adders]
        time.sleep(1.5)  # the app's autosave
        term.send("escape")
        term.wait_for("q Quit")
        term.send("q")
        term.wait_exit(timeout=10)
    assert all(code == 0 for _, _, code in results), results
    with open_journal(path) as journal:
        companies = {s.interview.company for s in journal.interview_summaries()}
        problems = {issue.problem for issue in journal.issues()}
    assert companies == {"Initech", "Globex 0", "Globex 1", "Globex 2"}
    assert "Typed while the shell was adding" in problems
    assert {f"Forgot question {n}" for n in range(3)} <= problems
