"""`calendar export` (issue 14): the upcoming interviews and the open follow-ups as an .ics file
the user's calendar reads, with alarms, read back here with `icalendar` itself."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner, Result

from interview_journal.cli.main import cli
from interview_journal.core.model import FollowUp, Interview
from interview_journal.store import open_journal

TODAY = dt.date.today()
TOMORROW = TODAY + dt.timedelta(days=1)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def journal_file(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        acme = journal.add_interview(
            Interview(
                company="Acme",
                role="Backend Engineer",
                stage="onsite",
                date=TOMORROW,
                time=dt.time(14, 30),
                interviewers=["Dana Lee"],
            )
        )
        later = journal.add_interview(
            Interview(company="Umbrella [bold]", date=TODAY + dt.timedelta(days=9))
        )
        globex = journal.add_interview(Interview(company="Globex", date=TODAY - dt.timedelta(3)))
        waiting = journal.add_follow_up(
            FollowUp(kind="feedback-request", due=TOMORROW, interview_uuid=globex.uuid)
        )
        journal.add_follow_up(FollowUp(due=TODAY, done=TODAY, interview_uuid=globex.uuid))
        gone = journal.add_interview(
            Interview(company="Initech", date=TODAY - dt.timedelta(days=20), closed=True)
        )
        journal.add_follow_up(FollowUp(due=TODAY, interview_uuid=gone.uuid))
    return path, {"acme": acme.uuid, "later": later.uuid, "waiting": waiting.uuid}


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_interviews_and_open_follow_ups_with_their_alarms(tmp_path: Path) -> None:
    path, ids = journal_file(tmp_path)
    out = tmp_path / "journal.ics"
    result = run("--db", path, "calendar", "export", "-o", out)
    assert result.exit_code == 0, result.output
    assert "Wrote 2 interviews and 1 follow-up" in result.output
    found = events(out)
    assert set(found) == {
        f"interview-{ids['acme']}@interview-journal",
        f"interview-{ids['later']}@interview-journal",
        f"follow-up-{ids['waiting']}@interview-journal",
    }  # not the one sent, nor the closed interview's

    acme = found[f"interview-{ids['acme']}@interview-journal"]
    assert str(acme["summary"]) == "Interview: Acme — Backend Engineer (onsite)"
    start = acme.decoded("dtstart")
    assert start.astimezone() == dt.datetime.combine(TOMORROW, dt.time(14, 30)).astimezone()
    [alarm] = acme.walk("VALARM")
    # The evening before, at 19:00 local time: time to read the briefing.
    assert start.astimezone().replace(tzinfo=None) + alarm.decoded("trigger") == (
        dt.datetime.combine(TODAY, dt.time(19, 0))
    )
    assert "Dana Lee" in str(acme["description"])

    later = found[f"interview-{ids['later']}@interview-journal"]
    assert later.decoded("dtstart") == TODAY + dt.timedelta(days=9)  # all day: no time known
    assert str(later["summary"]) == "Interview: Umbrella [bold]"

    waiting = found[f"follow-up-{ids['waiting']}@interview-journal"]
    assert str(waiting["summary"]) == "Feedback request for Globex"
    assert waiting.decoded("dtstart") == TOMORROW
    [alarm] = waiting.walk("VALARM")
    assert alarm.decoded("trigger") == dt.timedelta(hours=9)  # that morning


def test_exporting_again_keeps_the_uids_and_an_existing_file_needs_force(tmp_path: Path) -> None:
    path, _ = journal_file(tmp_path)
    out = tmp_path / "journal.ics"
    assert run("--db", path, "calendar", "export", "-o", out).exit_code == 0
    first = set(events(out))
    refused = run("--db", path, "calendar", "export", "-o", out)
    assert refused.exit_code == 1 and "already exists" in refused.output
    assert run("--db", path, "calendar", "export", "-o", out, "--force").exit_code == 0
    assert set(events(out)) == first
    to_stdout = run("--db", path, "calendar", "export")
    assert to_stdout.exit_code == 0
    assert to_stdout.stdout.startswith("BEGIN:VCALENDAR")


def test_an_interview_in_summer_is_at_its_summer_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exported in winter, an interview at 10:00 in July is at 10:00 summer time (08:00 UTC in
    Berlin), not at today's offset (09:00 UTC)."""
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        path = tmp_path / "journal.db"
        july = dt.date(TODAY.year + 1, 7, 15)
        with open_journal(path) as journal:
            journal.add_interview(Interview(company="Acme", date=july, time=dt.time(10, 0)))
        out = tmp_path / "summer.ics"
        assert run("--db", path, "calendar", "export", "-o", out).exit_code == 0
        [event] = events(out).values()
        assert event.decoded("dtstart") == dt.datetime(july.year, 7, 15, 8, 0, tzinfo=dt.UTC)
    finally:
        monkeypatch.undo()
        time.tzset()
