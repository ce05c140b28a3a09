"""`interview-journal brief [INTERVIEW]` (issue 14): the briefing for one interview — what you
know of its company from the interviews there before, and the checklist for its stage."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_journal.cli.main import cli
from interview_journal.core.model import Interview, InterviewRecord, Issue
from interview_journal.store import open_journal

TODAY = dt.date.today()


def day(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


BEFORE = Interview(
    company="Acme",
    role="Data Analyst",
    date=day(-90),
    stage="phone",
    outcome="rejected",
    interviewers=["Dana Lee"],
)
EARLIER = Interview(company="ACME ", date=day(-200), stage="screen", interviewers=["Sam Roe"])
NEXT = Interview(
    company="acme",
    role="Senior Data Analyst",
    date=day(4),
    time=dt.time(10, 0),
    stage="video",
    location="",
    link="https://meet.example.com/acme",
    checklist=["link-tested"],
)
ELSEWHERE = Interview(
    company="Globex", date=day(2), stage="onsite", location="1 Main St", interviewers=["Jane Roe"]
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    # Written as sentences or not: joined without ".;" in the briefing.
    problems = ["Froze on the caching question.", "Talked over Dana", "Late by ten minutes", "x"]
    with open_journal(path) as journal:
        journal.import_records(
            [],
            [
                InterviewRecord(
                    BEFORE,
                    issues=[Issue(problem=p, interview_uuid=BEFORE.uuid) for p in problems],
                ),
                InterviewRecord(EARLIER),
                InterviewRecord(NEXT),
                InterviewRecord(ELSEWHERE),
            ],
        )
    return path


def brief(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--db", str(db), "brief", *args], catch_exceptions=False)
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_a_company_names_its_next_interview_with_what_you_know_of_it(db: Path) -> None:
    code, out, _ = brief(db, "ACME")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Coming up: acme — Senior Data Analyst, ")  # Globex is next
    assert "(in 4 days)" in lines[0]
    assert "  A video interview." in lines
    assert "  Link: https://meet.example.com/acme" in lines
    assert not any(line.startswith("  With:") for line in lines)  # no one named yet
    at = lines.index("What you know of acme:")
    assert lines[at + 1] == f"  {BEFORE.date:%d %b %Y}: phone interview, rejected".replace(
        "  0", "  "
    )
    assert lines[at + 2] == (
        "    went wrong: Froze on the caching question; Talked over Dana; Late by ten minutes "
        "(and 1 more)"
    )
    assert "screening call" in lines[at + 3]  # the one before, case and spaces aside
    assert "  You met: Dana Lee, Sam Roe" in lines
    # The video call's checklist, with what was ticked in the app.
    assert "Ready for the video interview (tick them in the app: r):" in lines
    assert "  [x] The link opened and the app updated, the day before" in lines
    assert "  [ ] Camera at eye level, sound checked with headphones" in lines


def test_without_a_name_the_next_interview_and_a_first_visit_says_so(db: Path) -> None:
    code, out, _ = brief(db)
    assert code == 0
    assert out.startswith("Your next interview: Globex")
    assert "  With: Jane Roe" in out and "  Where: 1 Main St" in out
    assert "On the day:" not in out  # the stage's checklist, not the general one
    assert "Your first interview at Globex in the journal." in out
    assert "Ready for the onsite interview" in out


def test_an_id_prefix_names_a_past_interview_too(db: Path) -> None:
    code, out, _ = brief(db, BEFORE.uuid[:8])
    assert code == 0
    assert out.startswith("Your interview at Acme — Data Analyst, ")
    assert "(90 days ago)" in out.splitlines()[0]


def test_an_unknown_interview_is_refused_plainly(db: Path) -> None:
    code, out, err = brief(db, "Initech")
    assert code == 1 and out == ""
    assert "No interview is called 'Initech'" in err


def test_json_has_the_history_and_the_stage_checklist(db: Path) -> None:
    code, out, _ = brief(db, "acme", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["upcoming"]["uuid"] == NEXT.uuid
    assert data["upcoming"]["link"] == NEXT.link and data["upcoming"]["stage"] == "video"
    [before, earlier] = data["company_history"]
    assert (before["uuid"], before["outcome"], before["interviewers"]) == (
        BEFORE.uuid,
        "rejected",
        ["Dana Lee"],
    )
    assert before["problems"][0] == "Froze on the caching question."  # as written
    assert before["more_problems"] == 1
    assert earlier["uuid"] == EARLIER.uuid
    assert data["checklist"] == []  # for an interview to come, only its stage's
    checks = {check["key"]: check["done"] for check in data["stage_checklist"]}
    assert checks["link-tested"] is True and checks["camera-sound"] is False


def test_due_with_an_interview_is_refused(db: Path) -> None:
    code, _, err = brief(db, "acme", "--due")
    assert code != 0 and "--due" in err


def test_a_closed_interview_at_the_company_still_counts(db: Path) -> None:
    with open_journal(db) as journal:
        journal.set_closed(BEFORE.uuid, True)
    _, out, _ = brief(db, "acme")
    assert "What you know of acme:" in out


def test_the_start_of_a_company_name_will_do_when_it_names_one(db: Path) -> None:
    code, out, _ = brief(db, "glob")
    assert code == 0 and out.startswith("Your next interview: Globex")
    with open_journal(db) as journal:
        journal.add_interview(Interview(company="Globe Media", date=day(-3)))
    code, _, err = brief(db, "glob")
    assert code == 1 and "several companies: Globe Media, Globex" in err
