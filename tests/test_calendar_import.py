"""`calendar import` (issue 14): a calendar's interviews into the journal — real-world shapes
(Google's time zones across daylight saving, all-day days, Outlook's cancellations, a moved
event, a repeating non-interview), read again without doubling, and broken files refused plainly
with the journal untouched."""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_journal.cli.main import cli
from interview_journal.core.calendar_in import CalendarFileError, parse_summary, read_calendar
from interview_journal.core.model import Interview
from interview_journal.store import open_journal

from .conftest import file_digest

FIXTURES = Path(__file__).parent / "fixtures" / "calendar"
NOW = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def in_berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The user's local zone, for the command line: Europe/Berlin."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def run(*args: str | Path, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input)


def read(name: str, **options) -> object:
    data = (FIXTURES / name).read_bytes()
    return read_calendar(data, now=NOW, zone=BERLIN, **options)


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("Interview with Acme", ("Acme", "", "Interview")),
        ("Interview: Acme — Data Analyst", ("Acme", "Data Analyst", "Interview")),
        ("Acme interview", ("Acme", "", "interview")),
        ("Phone screen with Globex", ("Globex", "", "Phone screen")),
        ("Onsite at Initech", ("Initech", "", "Onsite")),
        ("Interview at Hooli (Backend Engineer)", ("Hooli", "Backend Engineer", "Interview")),
        ("Interview: Acme — Analyst (technical)", ("Acme", "Analyst", "Interview technical")),
        ("Dentist", None),
        ("Technical interview - Massive Dynamic", ("Massive Dynamic", "", "Technical interview")),
        ("Panel interview: Dunder Mifflin", ("Dunder Mifflin", "", "Panel interview")),
        ("Zoom: Interview w/ Black Mesa", ("Black Mesa", "", "Zoom: Interview")),
        ("Interview prep with Sam", None),
        ("Mock interview with Dana", None),
    ],
)
def test_the_common_shapes_of_a_title(summary: str, expected: object) -> None:
    assert parse_summary(summary) == expected


def test_times_are_local_across_daylight_saving_and_all_day_has_no_time() -> None:
    reading = read("google.ics", me="Alex Doe")
    by_company = {found.company: found for found in reading.found}
    july, january = by_company["Acme"], by_company["Globex"]
    # 10:00 in New York is 16:00 in Berlin in summer (EDT, CEST) and in winter (EST, CET).
    assert (july.date, july.time) == (dt.date(2027, 7, 15), dt.time(16, 0))
    assert (january.date, january.time) == (dt.date(2027, 1, 15), dt.time(16, 0))
    assert (by_company["Initech"].date, by_company["Initech"].time) == (dt.date(2027, 1, 20), None)
    assert july.role == "Data Analyst" and july.stage == "video"
    assert july.link == "https://acme.zoom.us/j/123456789?pwd=abc"
    assert july.interviewers == ["Dana Lee", "sam.roe"]  # not the user, not the room
    assert january.location == "Globex HQ, 1 Main St, 4th floor" and january.stage == "onsite"
    assert by_company["Initech"].stage == "phone"
    skipped = {s.summary: s.reason for s in reading.skipped}
    assert skipped == {
        "Daily standup": "repeats, and is not an interview",
        "Dentist": "not an interview",
        "Interview prep with Sam": "not an interview",
    }
    assert [c.company for c in reading.cancelled] == ["Hooli"]


def test_all_takes_every_event_that_is_not_cancelled() -> None:
    reading = read("google.ics", all_events=True)
    companies = {found.company for found in reading.found}
    assert {"Dentist", "Daily standup", "Acme"} <= companies
    assert "Hooli" not in companies


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b"", "the file is empty"),
        (b"this is not a calendar\n", "not a calendar file"),
        (b"\x00\x01\xff" * 100, "not a calendar file"),
        (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n", "damaged, or cut short"),
    ],
)
def test_a_broken_file_is_refused_in_plain_words(content: bytes, said: str) -> None:
    with pytest.raises(CalendarFileError, match=said):
        read_calendar(content, now=NOW, zone=BERLIN)


def test_a_broken_event_is_skipped_and_odd_text_kept_as_text() -> None:
    reading = read("broken-event.ics")
    [odd] = reading.found
    assert odd.company == "[bold]Umbrella[/bold] 🎉"
    assert [(s.summary, s.reason) for s in reading.skipped] == [("Interview with Acme", "no day")]


# -- the command line, on a real journal --------------------------------------------------------


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        journal.add_interview(Interview(company="Earlier", date=dt.date(2026, 11, 1)))
    return path


def test_import_adds_then_a_second_import_changes_nothing(journal_path: Path) -> None:
    first = run("--db", journal_path, "calendar", "import", FIXTURES / "google.ics")
    assert first.exit_code == 0, first.output
    assert "Added 3:" in first.stdout
    assert "  Acme — Data Analyst, video interview, Thu 15 Jul 2027 16:00" in first.stdout
    assert "  Dentist (10 Jan 2027): not an interview" in first.stdout
    assert "  Hooli technical interview (11 Jan 2027): cancelled" in first.stdout
    with open_journal(journal_path) as journal:
        acme = journal.find_interview("Acme", NOW.date())
        assert (acme.date, acme.time, acme.calendar_uid) == (
            dt.date(2027, 7, 15),
            dt.time(16, 0),
            "7kq2m1acme@google.com",
        )
        assert acme.link.startswith("https://acme.zoom.us/")
        assert [f.kind for f in journal.follow_ups(acme.uuid)] == ["thank-you"]
    before = file_digest(journal_path)
    second = run("--db", journal_path, "calendar", "import", FIXTURES / "google.ics")
    assert second.exit_code == 0
    assert "Already in the journal, unchanged: 3" in second.stdout
    assert "Added" not in second.stdout
    with open_journal(journal_path) as journal:
        assert journal.count_interviews() == 4
    assert file_digest(journal_path) == before  # nothing written


def test_a_moved_event_moves_its_interview_and_keeps_what_the_user_wrote(
    journal_path: Path,
) -> None:
    run("--db", journal_path, "calendar", "import", FIXTURES / "google.ics")
    with open_journal(journal_path) as journal:
        acme = journal.find_interview("Acme", NOW.date())
        journal.update_interview(
            dataclasses.replace(acme, company="Acme Corp", notes="Ask about the team")
        )
    moved = run("--db", journal_path, "calendar", "import", FIXTURES / "google-moved.ics")
    assert moved.exit_code == 0, moved.output
    assert "Updated 1:" in moved.stdout and "(moved from Thu 15 Jul 16:00)" in moved.stdout
    with open_journal(journal_path) as journal:
        acme = journal.find_interview("Acme Corp", NOW.date())
        assert (acme.date, acme.time) == (dt.date(2027, 7, 16), dt.time(20, 0))
        assert acme.notes == "Ask about the team" and acme.company == "Acme Corp"
        assert journal.count_interviews() == 4  # moved, not doubled


def test_a_cancellation_marks_the_interview_and_never_deletes_it(journal_path: Path) -> None:
    run("--db", journal_path, "calendar", "import", FIXTURES / "google.ics")
    cancelled = run("--db", journal_path, "calendar", "import", FIXTURES / "outlook-cancel.ics")
    assert cancelled.exit_code == 0, cancelled.output
    assert "Marked cancelled 1:" in cancelled.stdout
    with open_journal(journal_path) as journal:
        acme = journal.find_interview("Acme", NOW.date())
        assert "Cancelled in the calendar (seen" in acme.notes
    again = run("--db", journal_path, "calendar", "import", FIXTURES / "outlook-cancel.ics")
    assert "Already in the journal, unchanged: 1" in again.stdout  # marked once
    brief = run("--db", journal_path, "brief", "--json")
    assert "Acme" not in brief.stdout  # closed: no briefing, reminder or export for it


def test_importing_the_journals_own_export_doubles_nothing(
    journal_path: Path, tmp_path: Path
) -> None:
    """A calendar holding both the invitations and the journal's export, imported twice."""
    run("--db", journal_path, "calendar", "import", FIXTURES / "google.ics")
    exported = tmp_path / "export.ics"
    assert run("--db", journal_path, "calendar", "export", "-o", exported).exit_code == 0
    both = tmp_path / "both.ics"
    invitations = (FIXTURES / "google.ics").read_bytes().rsplit(b"END:VCALENDAR", 1)[0]
    events = exported.read_bytes().split(b"BEGIN:VEVENT", 1)[1]
    both.write_bytes(invitations + b"BEGIN:VEVENT" + events)
    for _ in range(2):
        result = run("--db", journal_path, "calendar", "import", both)
        assert result.exit_code == 0, result.output
        assert "Added" not in result.stdout and "Updated" not in result.stdout
    with open_journal(journal_path) as journal:
        assert journal.count_interviews() == 4
        acme = journal.find_interview("Acme", NOW.date())
        assert acme.calendar_uid == "7kq2m1acme@google.com"  # the invitation's, kept


def test_dry_run_says_and_changes_nothing(journal_path: Path) -> None:
    before = file_digest(journal_path)
    result = run("--db", journal_path, "calendar", "import", "--dry-run", FIXTURES / "google.ics")
    assert result.exit_code == 0
    assert "Would add 3:" in result.stdout and "Nothing was changed (--dry-run)." in result.stdout
    assert file_digest(journal_path) == before


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("not-a-calendar.ics", "not a calendar file"),
        ("missing.ics", "no such file"),
    ],
)
def test_a_bad_file_is_refused_and_the_journal_untouched(
    journal_path: Path, name: str, said: str
) -> None:
    before = file_digest(journal_path)
    result = run("--db", journal_path, "calendar", "import", FIXTURES / name)
    assert result.exit_code == 1
    assert said in result.stderr and "nothing imported" in result.stderr
    assert "Traceback" not in result.output
    assert file_digest(journal_path) == before


def test_standard_input_and_a_folder(journal_path: Path, tmp_path: Path) -> None:
    piped = run(
        "--db", journal_path, "calendar", "import", "-",
        input=(FIXTURES / "google.ics").read_bytes(),
    )  # fmt: skip
    assert piped.exit_code == 0 and "Added 3:" in piped.stdout
    folder = run("--db", journal_path, "calendar", "import", tmp_path)
    assert folder.exit_code == 1 and "a folder, not a file" in folder.stderr


# -- the app, from the command palette -----------------------------------------------------------


async def open_calendar_dialog(app, pilot) -> None:  # noqa: ANN001
    from interview_journal.tui.screens.calendar_import import CalendarImportScreen

    from .conftest import palette_offers, until
    from .test_journal_screen import type_text

    await pilot.press("ctrl+p")
    await type_text(pilot, "calendar file")
    await until(pilot, lambda: palette_offers(app, "Import a calendar file"))
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, CalendarImportScreen))


async def test_the_palette_imports_a_calendar_after_showing_what_it_found(
    journal_path: Path,
) -> None:
    from interview_journal.tui.app import JournalApp
    from interview_journal.tui.screens.journal import JournalScreen

    from .conftest import screen_lines, until
    from .test_journal_screen import type_text

    def shown() -> str:
        return "\n".join(screen_lines(app))

    journal = open_journal(journal_path)
    app = JournalApp(journal=journal, today=lambda: NOW.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar_dialog(app, pilot)
        await type_text(pilot, str(FIXTURES / "not-a-calendar.ics"))
        await pilot.press("enter")
        await until(pilot, lambda: "not a calendar file" in shown())
        assert journal.count_interviews() == 1  # nothing changed
        app.screen.query_one("#path").value = ""
        await type_text(pilot, str(FIXTURES / "google.ics"))
        await pilot.press("enter")
        await until(pilot, lambda: "Would add 3:" in shown())
        assert "Dentist (10 Jan 2027): not an interview" in shown()
        assert journal.count_interviews() == 1  # not before it is confirmed
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, JournalScreen))
        await until(pilot, lambda: "Calendar: 3 added, 4 skipped." in shown())
        assert journal.count_interviews() == 4
        await until(pilot, lambda: "Acme" in shown())  # listed, the cursor on it


async def test_escape_imports_nothing(journal_path: Path) -> None:
    from interview_journal.tui.app import JournalApp
    from interview_journal.tui.screens.journal import JournalScreen

    from .conftest import screen_lines, until
    from .test_journal_screen import type_text

    before = file_digest(journal_path)
    journal = open_journal(journal_path)
    app = JournalApp(journal=journal, today=lambda: NOW.date())
    async with app.run_test(size=(120, 40)) as pilot:
        await open_calendar_dialog(app, pilot)
        await type_text(pilot, str(FIXTURES / "google.ics"))
        await pilot.press("enter")
        await until(pilot, lambda: "Would add 3:" in "\n".join(screen_lines(app)))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, JournalScreen))
    journal.close()
    assert file_digest(journal_path) == before
