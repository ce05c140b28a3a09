"""Every test runs on a temporary journal and temporary user folders, never the developer's own."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

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
