"""Keys typed in one burst land where the user meant, in a real terminal (tmux).

`Terminal.send` with several keys is one `tmux send-keys` command: the program reads them all
at once, as it does when a fast typist (or a paste of keys) gets ahead of the screen. Each test
waits only for the end state, never between the keys of the burst.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from interview_journal.store import open_journal

from .test_terminal import both, cursor_in_side, shows, wait_saved
from .tmux import Terminal

PROGRAM = Path(sys.executable).parent / "interview-journal"


@pytest.fixture
def terminal(tmp_path: Path, journal_file: Path) -> Iterator[Terminal]:
    with Terminal([PROGRAM, "--db", journal_file], home=tmp_path / "user") as term:
        yield term


def interviews(journal_file: Path) -> list[tuple[str, str]]:
    with open_journal(journal_file, read_only=True) as journal:
        return [(s.interview.company, s.interview.role) for s in journal.interview_summaries()]


def test_n_then_a_company_then_tab_then_a_role_in_one_burst(
    terminal: Terminal, journal_file: Path
) -> None:
    terminal.wait_until(both(shows("Your journal is empty"), shows("n New")), "empty journal", 15)
    # n opens the form; the letters after it must wait for its first field, and the text
    # after tab must wait for the focus to reach the next field.
    terminal.send("n", "Acme", "tab", "Engineer", "ctrl+s")
    terminal.wait_until(
        both(shows("Interviews"), lambda screen, _: "New interview" not in screen),
        "interview saved and listed",
    )
    assert interviews(journal_file) == [("Acme", "Engineer")]
    assert "Traceback" not in terminal.screen()


def test_escape_then_i_at_once_starts_a_new_issue_rather_than_typing_i(
    terminal: Terminal, journal_file: Path
) -> None:
    terminal.wait_until(both(shows("Your journal is empty"), shows("n New")), "empty journal", 15)
    terminal.send("n", "Initech", "ctrl+s")
    terminal.wait_until(both(shows("Initech"), shows("i Issue")), "interview listed")
    problem_side = cursor_in_side("What went wrong", right_of="What I should have done")
    # Into the editor, a problem, out with escape and at once i for the next issue, typed.
    terminal.send("i", "Late", "escape", "i", "Rambled")
    terminal.wait_until(both(shows("Rambled"), problem_side), "second issue typed")
    wait_saved(journal_file, ("Late", ""))
    wait_saved(journal_file, ("Rambled", ""))
    with open_journal(journal_file, read_only=True) as journal:
        problems = sorted(issue.problem for issue in journal.issues())
    assert problems == ["Late", "Rambled"]  # not "Latei" and "Rambled" in one


def test_what_is_typed_right_after_enter_in_what_went_well_starts_the_next_line(
    terminal: Terminal, journal_file: Path
) -> None:
    terminal.wait_until(both(shows("Your journal is empty"), shows("n New")), "empty journal", 15)
    terminal.send("n", "Initech", "ctrl+s")
    terminal.wait_until(both(shows("Initech"), shows("w Went well")), "interview listed")
    terminal.send("w")
    terminal.wait_for("Something that went well")
    terminal.send("Calm", "enter", "Clear")  # one burst: the C right behind enter
    terminal.wait_until(both(shows("• Calm"), shows("Clear")), "first line listed")
    with open_journal(journal_file, read_only=True) as journal:
        assert [positive.text for positive in journal.positives()] == ["Calm"]
    screen = terminal.screen()
    assert "CalmClear" not in screen and "• Clear" not in screen
    terminal.send("enter")
    terminal.wait_for("• Clear")
    with open_journal(journal_file, read_only=True) as journal:
        assert [positive.text for positive in journal.positives()] == ["Calm", "Clear"]
