"""Every test runs on a temporary journal and temporary user folders, never the developer's own."""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import pty
import re
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest

from interview_journal.core.model import FollowUp, Interview, Issue, Positive
from interview_journal.store import Journal, open_journal

TODAY = dt.date(2026, 11, 27)


@pytest.fixture(autouse=True)
def private_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the user data folder and the default journal at the test's own folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("INTERVIEW_JOURNAL_DB", raising=False)
    monkeypatch.delenv("INTERVIEW_JOURNAL_DAYFIRST", raising=False)
    monkeypatch.delenv("INTERVIEW_JOURNAL_PASSPHRASE", raising=False)
    monkeypatch.delenv("INTERVIEW_JOURNAL_NEW_PASSPHRASE", raising=False)
    # The system keyring is never the developer's: a file of the test's own (tests/file_keyring.py),
    # in this process and in the programs it starts.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.file_keyring.FileKeyring")
    monkeypatch.setenv("INTERVIEW_JOURNAL_TEST_KEYRING", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent.parent))
    # No display: a copy in the composer never reaches the developer's own clipboard tool.
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)


@pytest.fixture(autouse=True)
def pilot_waits_for_start_up(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pilot starts pressing keys once the app has finished starting, as a person does once
    they see it. Keys typed during start-up wait their turn (JournalApp takes them one at a time):
    the tests marked `typing_during_start_up` press them that early on purpose."""
    if request.node.get_closest_marker("typing_during_start_up"):
        return
    from interview_journal.tui.app import JournalApp

    original = JournalApp.run_test

    @asynccontextmanager
    async def run_test(app: JournalApp, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with original(app, *args, **kwargs) as pilot:
            await app.started.wait()
            yield pilot

    monkeypatch.setattr(JournalApp, "run_test", run_test)


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "journal.db"


@pytest.fixture
def journal(journal_path: Path) -> Iterator[Journal]:
    opened = open_journal(journal_path)
    yield opened
    opened.close()


def add_acme(journal: Journal) -> Interview:
    """One interview as a user would capture it, with two issues, a positive and a follow-up."""
    interview = journal.add_interview(
        Interview(
            company="Acme",
            role="Backend Engineer",
            date=dt.date(2026, 11, 20),
            time=dt.time(14, 0),
            stage="onsite",
            interviewers=["Dana Lee"],
            outcome="rejected",
            rating=2,
            feelings=["disappointed", "self-doubt"],
            notes="Late, flustered, then blanked on the system design question.",
        )
    )
    journal.add_issue(
        Issue(
            problem="Arrived 10 minutes late: traffic",
            should_have="Leave 45 minutes early",
            category="punctuality",
            severity=2,
            action="Plan the route the day before",
            interview_uuid=interview.uuid,
        )
    )
    journal.add_issue(
        Issue(problem="Babbled about my thesis", category="rambling", interview_uuid=interview.uuid)
    )
    journal.add_positive(Positive(text="Good rapport with Dana", interview_uuid=interview.uuid))
    journal.add_follow_up(
        FollowUp(kind="thank-you", due=dt.date(2026, 11, 21), interview_uuid=interview.uuid)
    )
    return interview


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def until(pilot: Any, shown: Any, within: float = 10.0) -> None:
    """Let the app run until `shown()` is true, as a person waits for a screen to fill; a slow
    machine only takes longer. Fails, saying so, when it never comes."""
    for _ in range(int(within / 0.05)):
        await pilot.pause()
        if shown():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"not shown within {within} s")


def palette_offers(app: Any, words: str) -> bool:
    """Whether the command palette has highlighted an offer that says `words` (its search runs
    as the user types, and may take a moment on a slow machine)."""
    from textual.command import CommandList

    lists = app.screen.query(CommandList)
    if not lists:
        return False
    offers = lists.first()
    if offers.highlighted is None:
        return False
    return words in str(offers.get_option_at_index(offers.highlighted).prompt)


def screen_lines(app: Any) -> list[str]:
    """The terminal as lines of text, rebuilt from the screenshot's SVG (a line's pieces are
    separate text elements, in order)."""
    lines: dict[int, str] = {}
    for number, piece in re.findall(
        r'<text [^>]*clip-path="url\(#terminal-\d+-line-(\d+)\)">([^<]*)</text>',
        app.export_screenshot(),
    ):
        lines[int(number)] = lines.get(int(number), "") + html.unescape(piece).replace("\xa0", " ")
    return [lines[number] for number in sorted(lines)]


def script_says(script: str, *args: object) -> Any:
    """Run `script` in a Python process of its own (a fresh interpreter, as a user starts one)
    and return the JSON of its last line; a failed run fails the test with its stderr."""
    done = subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def on_a_terminal(
    *args: str | Path, output_too: bool = False, columns: int = 100
) -> tuple[int, str, str]:
    """Run the command line with standard error on a pseudo-terminal and standard output on a
    pipe (`output_too`: the other way round, both the same terminal as far as a bar goes): the
    exit code, what the terminal showed and what went to the pipe."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_journal", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=follower if output_too else subprocess.PIPE,
        stderr=subprocess.PIPE if output_too else follower,
        env={**os.environ, "COLUMNS": str(columns), "TERM": "xterm"},
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            piece = os.read(leader, 4096)
        except OSError:  # the terminal's other side is closed: the program has ended
            break
        if not piece:
            break
        shown += piece
    os.close(leader)
    piped = process.stderr if output_too else process.stdout
    assert piped is not None
    out = piped.read().decode()
    piped.close()
    return process.wait(timeout=60), shown.decode(errors="replace"), out
