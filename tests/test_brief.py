"""`interview-journal brief`: the pre-interview briefing from the shell."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_journal.cli.main import cli
from interview_journal.core.model import FollowUp, Interview, InterviewRecord, Issue
from interview_journal.store import open_journal

TODAY = dt.date.today()


def run(*args: str | Path) -> Result:
    result = CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    return result


def record(company: str, days: int, *issues: tuple[str, str, str], **kwargs) -> InterviewRecord:
    """An interview `days` from today (negative: in the past), with (category, should_have,
    action) issues."""
    interview = Interview(
        company=company, role="Analyst", date=TODAY + dt.timedelta(days=days), **kwargs
    )
    return InterviewRecord(
        interview,
        issues=[
            Issue(
                problem=f"{slug} went wrong at {company}",
                should_have=should_have,
                category=slug,
                action=action,
                interview_uuid=interview.uuid,
            )
            for slug, should_have, action in issues
        ],
    )


PAST = [
    record(
        "Acme",
        -60,
        ("punctuality", "Leave 45 minutes early", "Plan the route the day before"),
        ("attire", "Ask the recruiter what people wear", ""),
    ),
    record(
        "Initech",
        -40,
        ("punctuality", "Check the trains the night before", ""),
        ("rambling", "Answer in two minutes, then stop", "Practise with a timer"),
    ),
    record(
        "Hooli",
        -20,
        ("punctuality", "", "Plan the route the day before"),
        ("rambling", "Pause and breathe before answering", ""),
        ("blanked", "Prepare three stories", ""),
    ),
    record(
        "Wayne",
        -5,
        ("rambling", "", ""),
        ("company-research", "Read their last annual report", ""),
    ),
]
UPCOMING = [
    record("Umbrella", 10),
    record("Globex", 3, ("punctuality", "Leave an hour early", ""), time=dt.time(9, 30)),
]


def make_journal(path: Path, records: list[InterviewRecord]) -> Path:
    with open_journal(path) as journal:
        journal.import_records([], records)
    return path


@pytest.fixture
def brief_db(tmp_path: Path) -> Path:
    return make_journal(tmp_path / "brief.db", PAST + UPCOMING)


def test_brief_json_names_the_upcoming_interview_and_orders_the_focus(brief_db: Path) -> None:
    data = json.loads(run("--db", brief_db, "brief", "--json").stdout)
    globex = UPCOMING[1].interview
    assert data["upcoming"] == {
        "uuid": globex.uuid,
        "company": "Globex",
        "role": "Analyst",
        "date": globex.date.isoformat(),
        "time": "09:30",
        "days_until": 3,
        "stage": "other",
        "location": "",
        "link": "",
    }
    focus = data["focus"]
    # rambling: recurring (3 interviews, lately); punctuality: improving (3, fading out);
    # then the others, most recently seen first.
    assert [(item["slug"], item["label"]) for item in focus] == [
        ("rambling", "recurring"),
        ("punctuality", "improving"),
        ("company-research", "once"),
        ("blanked", "once"),
        ("attire", "once"),
    ]
    by_slug = {item["slug"]: item for item in focus}
    # The latest non-empty answers, newest first; the upcoming interview's is not a lesson yet.
    assert [a["should_have"] for a in by_slug["punctuality"]["answers"]] == [
        "Check the trains the night before",
        "Leave 45 minutes early",
    ]
    assert by_slug["punctuality"]["answers"][0]["company"] == "Initech"
    assert by_slug["punctuality"]["answers"][0]["date"] == (TODAY - dt.timedelta(40)).isoformat()
    assert by_slug["punctuality"]["actions"] == ["Plan the route the day before"]
    assert by_slug["punctuality"]["interviews"] == 3
    assert by_slug["punctuality"]["last_seen"] == (TODAY - dt.timedelta(20)).isoformat()
    assert [a["should_have"] for a in by_slug["rambling"]["answers"]] == [
        "Pause and breathe before answering",
        "Answer in two minutes, then stop",
    ]
    assert by_slug["attire"]["indefensible"] and by_slug["company-research"]["indefensible"]
    assert not by_slug["rambling"]["indefensible"]
    assert data["checklist"] == []  # for Globex, its stage's checklist instead
    assert any("Globex" in c["text"] for c in data["stage_checklist"])


def test_brief_text(brief_db: Path) -> None:
    out = run("--db", brief_db, "brief").stdout
    day = TODAY + dt.timedelta(days=3)
    assert out.startswith("Your next interview: Globex — Analyst, ")
    assert f"{day.day} {day.strftime('%b %Y')} at 09:30 (in 3 days)." in out.splitlines()[0]
    lines = out.splitlines()
    names = [line.strip() for line in lines if line.startswith("  ") and not line.startswith("   ")]
    assert names[0].startswith("Rambling / nerves / lost focus — recurring, 3 interviews")
    assert names[1].startswith("Late / timing — improving")
    assert "  → Check the trains the night before  (Initech," in out
    assert "to do: Plan the route the day before" in out
    assert "Dressed inappropriately — once, 1 interview" in out
    attire = next(line for line in lines if "Dressed inappropriately" in line)
    assert attire.endswith("(avoidable: never again)")  # never "indefensible"
    # With an interview ahead, the checklist is its stage's (here "other"), ticked in the app.
    assert "Ready for the interview (tick them in the app: r):" in out
    checks = [line for line in lines if line.startswith("  [ ] ")]
    assert (
        checks[0] == "  [ ] What Globex does, its news, and why you want to work there (avoidable)"
    )
    assert sum(line.endswith("(avoidable)") for line in checks) == 2  # research, the phone
    assert "On the day:" not in out  # the general list: only without an interview ahead


def test_brief_without_an_interview_ahead_gives_the_general_checklist(tmp_path: Path) -> None:
    out = run("--db", make_journal(tmp_path / "past.db", PAST), "brief").stdout
    assert out.startswith("No upcoming interview in the journal")
    assert "On the day:" in out
    checks = [line for line in out.splitlines() if line.startswith("  [ ] ")]
    assert len(checks) == 6
    assert sum(line.endswith("(avoidable)") for line in checks) == 3


def test_brief_without_an_upcoming_interview_is_general(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "past.db", PAST)
    out = run("--db", path, "brief").stdout
    assert out.startswith("No upcoming interview")
    assert "Rambling / nerves / lost focus" in out
    data = json.loads(run("--db", path, "brief", "--json").stdout)
    assert data["upcoming"] is None
    assert data["focus"][0]["slug"] == "rambling"
    assert any("the company" in c["text"] for c in data["checklist"])


def test_brief_on_an_empty_journal(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    open_journal(path).close()
    out = run("--db", path, "brief").stdout
    assert "No upcoming interview" in out
    assert "Nothing to go over yet" in out
    assert out.count("[ ]") == 6
    data = json.loads(run("--db", path, "brief", "--json").stdout)
    assert data["focus"] == [] and data["upcoming"] is None


def test_brief_does_not_import_textual(brief_db: Path) -> None:
    code = (
        "import sys\n"
        "from interview_journal.cli.main import cli\n"
        "try:\n"
        f"    cli(['--db', {str(brief_db)!r}, 'brief'], prog_name='interview-journal')\n"
        "except SystemExit as exit:\n"
        "    assert not exit.code, exit.code\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
        "assert 'fsrs' not in sys.modules, 'fsrs imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Globex" in result.stdout


def test_brief_json_lists_the_overdue_follow_ups_of_open_interviews_only(tmp_path: Path) -> None:
    def due(record: InterviewRecord, kind: str, days: int, done: bool = False) -> FollowUp:
        follow_up = FollowUp(
            kind=kind,
            due=TODAY + dt.timedelta(days=days),
            done=TODAY if done else None,
            interview_uuid=record.interview.uuid,
        )
        record.follow_ups.append(follow_up)
        return follow_up

    acme, hooli = record("Acme", -10), record("Hooli", -8)
    closed = record("Wayne", -6, closed=True)
    late_thanks = due(acme, "thank-you", -9)
    late_feedback = due(hooli, "feedback-request", -3)
    due(acme, "reference", -2, done=True)  # sent: not overdue
    due(hooli, "second-chance-request", 2)  # not due yet
    due(closed, "thank-you", -5)  # the user moved on from Wayne: never overdue
    path = make_journal(tmp_path / "overdue.db", [acme, hooli, closed])
    data = json.loads(run("--db", path, "brief", "--json").stdout)
    assert data["overdue"] == [
        {
            "uuid": late_thanks.uuid,
            "kind": "thank-you",
            "due": (TODAY - dt.timedelta(days=9)).isoformat(),
            "interview": acme.interview.uuid,
        },
        {
            "uuid": late_feedback.uuid,
            "kind": "feedback-request",
            "due": (TODAY - dt.timedelta(days=3)).isoformat(),
            "interview": hooli.interview.uuid,
        },
    ]
    empty = tmp_path / "empty.db"
    open_journal(empty).close()
    assert json.loads(run("--db", empty, "brief", "--json").stdout)["overdue"] == []
