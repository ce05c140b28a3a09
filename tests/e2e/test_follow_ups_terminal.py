"""Follow-ups in a real terminal (tmux, 80x24): leaving the composer keeps nothing, saving keeps
one, a stop keeps the letter being typed, and copying claims nothing tmux did not do; the
thank-you's draft names the interviewer and pastes nothing private; the feedback they gave
becomes issues in one step. Checked in the journal file."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview_journal.core.model import Interview, Issue, Positive
from interview_journal.store import open_journal

from .journal_file import rows
from .tmux import Terminal

PROGRAM = Path(sys.executable).parent / "interview-journal"
NOTES = "Private brain dump: I froze and wanted to vanish."
PROBLEM = "Froze on the caching question"


@pytest.fixture
def terminal(tmp_path: Path, journal_file: Path) -> Iterator[Terminal]:
    """The app at 80x24 on a journal with one past interview at Acme, with Dana Lee."""
    journal_file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_journal(journal_file) as journal:
        acme = journal.add_interview(
            Interview(
                company="Acme",
                role="Backend Engineer",
                date=dt.date.today() - dt.timedelta(days=2),
                interviewers=["Dana Lee"],
                notes=NOTES,
            )
        )
        journal.add_issue(
            Issue(
                problem=PROBLEM,
                should_have="Walk through a read-through cache step by step",
                category="blanked",
                interview_uuid=acme.uuid,
            )
        )
        journal.add_positive(Positive(text="Good rapport with Dana", interview_uuid=acme.uuid))
    with Terminal(
        [PROGRAM, "--db", journal_file], home=tmp_path / "user", width=80, height=24
    ) as term:
        yield term


def test_composer_feedback_and_nothing_left_behind(terminal: Terminal, journal_file: Path) -> None:
    terminal.wait_for("Acme", timeout=15)
    terminal.send("f")
    terminal.wait_for("No follow-ups yet")
    terminal.send("a")  # the thank-you's draft, the cursor at its end: nothing private in it
    terminal.wait_for("Thank-you note to Dana Lee")
    screen = terminal.wait_for("Kind regards,")
    assert NOTES not in screen and PROBLEM not in screen
    terminal.send("escape")  # nothing edited: closes without asking, and keeps nothing
    terminal.wait_for("No follow-ups yet")
    terminal.send("b")
    terminal.wait_for("Feedback request to Dana Lee")
    terminal.send("ctrl+s")  # saved: now it is kept
    terminal.wait_for("Saved.")
    terminal.send("escape")
    terminal.wait_until(
        lambda screen, _: "Thank them within a day" not in screen, "the follow-ups closed"
    )
    assert rows(journal_file, "SELECT kind FROM follow_ups") == [("feedback-request",)]

    terminal.send("F")  # what they said, made into issues
    terminal.wait_for("Feedback they gave")
    terminal.type("You rambled on the design question. Prepare concrete examples.")
    terminal.wait_for("2 points")
    terminal.send("ctrl+t")
    terminal.wait_for("2 issues from their feedback")
    terminal.send("q")
    assert terminal.wait_exit(timeout=10) in {0, None}
    assert "Traceback" not in terminal.screen()
    problems = {problem for (problem,) in rows(journal_file, "SELECT problem FROM issues")}
    assert problems == {
        PROBLEM,
        "You rambled on the design question.",
        "Prepare concrete examples.",
    }
    assert rows(journal_file, "SELECT feedback FROM interviews") == [
        ("You rambled on the design question. Prepare concrete examples.",)
    ]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_the_letter_being_written_is_kept_at_a_stop_and_copying_claims_nothing(
    terminal: Terminal, journal_file: Path, tmp_path: Path, stop: signal.Signals
) -> None:
    """Under tmux, which ignores the terminal's copy by default and has no clipboard tool here,
    ctrl+y never says "Copied" and points to ctrl+o, which saves the letter as a file; closing
    the terminal (SIGHUP) or SIGTERM keeps the letter typed as a new follow-up."""
    terminal.wait_for("Acme", timeout=15)
    terminal.send("f")
    terminal.wait_for("No follow-ups yet")
    terminal.send("x")  # a reply to the rejection, the cursor at the end of its draft
    terminal.wait_for("Rejection reply to Dana Lee")
    terminal.wait_for("Kind regards,")
    terminal.type("Warmly, Alex")
    terminal.wait_for("Warmly, Alex")
    terminal.send("ctrl+y")
    screen = terminal.wait_for("Sent to the terminal to copy")
    assert "Copied" not in screen
    terminal.send("ctrl+o")
    terminal.wait_for("Saved as")
    [letter] = (tmp_path / "user" / "data" / "interview-journal" / "letters").iterdir()
    assert letter.name.endswith("-acme-rejection-reply.txt")
    assert letter.read_text(encoding="utf-8").endswith("Warmly, Alex\n")
    assert rows(journal_file, "SELECT kind FROM follow_ups") == []  # a file is not a save

    os.kill(terminal.pid(), stop)
    terminal.wait_exit(timeout=5)
    [(kind, text)] = rows(journal_file, "SELECT kind, text FROM follow_ups")
    assert kind == "rejection-reply"
    assert text.startswith("Dear Dana Lee,") and text.endswith("Warmly, Alex")
