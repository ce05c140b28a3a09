"""`brief --due` (issue 14): only what needs attention within the next day, and nothing at all
otherwise (exit 0 both ways), for cron and a shell's start-up file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner, Result

from interview_journal.cli.main import cli
from interview_journal.core.model import FollowUp, Interview
from interview_journal.store import open_journal

TODAY = dt.date.today()


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def due(path: Path, *more: str) -> Result:
    result = run("--db", path, "brief", "--due", *more)
    assert result.exit_code == 0, result.output
    return result


def test_nothing_due_prints_nothing_at_all(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        journal.add_interview(Interview(company="Later", date=TODAY + dt.timedelta(days=2)))
        past = journal.add_interview(Interview(company="Past", date=TODAY - dt.timedelta(days=9)))
        journal.add_follow_up(FollowUp(due=TODAY + dt.timedelta(days=2), interview_uuid=past.uuid))
        journal.add_follow_up(FollowUp(due=TODAY, done=TODAY, interview_uuid=past.uuid))
    assert due(path).output == ""
    assert json.loads(due(path, "--json").output) == {"interviews": [], "follow_ups": []}


def test_an_interview_tomorrow_and_follow_ups_due_or_late(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        acme = journal.add_interview(
            Interview(
                company="Acme",
                role="Backend Engineer",
                stage="onsite",
                date=TODAY + dt.timedelta(days=1),
                time=dt.time(14, 0),
            )
        )
        globex = journal.add_interview(
            Interview(company="Globex", date=TODAY - dt.timedelta(days=3))
        )
        late = journal.add_follow_up(
            FollowUp(due=TODAY - dt.timedelta(days=2), interview_uuid=globex.uuid)
        )
        journal.add_follow_up(
            FollowUp(kind="feedback-request", due=TODAY, interview_uuid=globex.uuid)
        )
        moved_on = journal.add_interview(
            Interview(company="Initech", date=TODAY - dt.timedelta(days=5), closed=True)
        )
        journal.add_follow_up(FollowUp(due=TODAY, interview_uuid=moved_on.uuid))
    lines = due(path).output.splitlines()
    assert lines == [
        "Tomorrow at 14:00: onsite interview at Acme — Backend Engineer (interview-journal brief)",
        "Thank-you note for Globex: 2 days late (interview-journal draft, or f in the app)",
        "Feedback request for Globex: due today (interview-journal draft, or f in the app)",
    ]
    document = json.loads(due(path, "--json").output)
    assert [i["uuid"] for i in document["interviews"]] == [acme.uuid]
    assert document["follow_ups"][0] == {
        "uuid": late.uuid,
        "kind": "thank-you",
        "due": (TODAY - dt.timedelta(days=2)).isoformat(),
        "interview": globex.uuid,
    }
    assert len(document["follow_ups"]) == 2  # the closed interview's is never due
