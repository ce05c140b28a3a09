"""`interview-journal export --interview ID --format md|html [--with-notes]` (issue 15): one
interview for a coach or mentor, through the real command line on a real journal file. Its
heading, what went wrong beside what I should have done, what went well, the follow-ups sent;
the brain dump only when asked for; nothing of any other interview."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from interview_journal.core.model import FollowUp, Interview, Issue, Positive
from interview_journal.store import open_journal

from .test_cli import mode_of, ok, refused, run

ACME_UUID = "aaaa1111-0000-4000-8000-000000000001"
GLOBEX_UUID = "bbbb2222-0000-4000-8000-000000000002"
NOTES = "BRAINDUMP: flustered all morning, then blanked on system design."
SCRIPT = "Froze at <script>alert('x')</script> on the whiteboard"
MARKUP = "Say [bold]one[/bold] story & stop"
GLOBEX_PROBLEM = "GLOBEX-ONLY: forgot the interviewer's name"


def make_journal(path: Path) -> Path:
    """Acme (with issues, a positive, one follow-up sent and one not), Globex (an issue and a
    positive of its own), and Initech and Initrode (to make `Init` ambiguous)."""
    with open_journal(path) as journal:
        acme = journal.add_interview(
            Interview(
                uuid=ACME_UUID,
                company="Acme",
                role="Backend Engineer",
                date=dt.date(2026, 11, 20),
                time=dt.time(14, 0),
                stage="onsite",
                outcome="rejected",
                notes=NOTES,
            )
        )
        for issue in (
            Issue(
                problem="Arrived 10 minutes late: traffic",
                should_have="Leave 45 minutes early",
                category="punctuality",
                action="Plan the route the day before",
            ),
            Issue(problem=SCRIPT, should_have=MARKUP, category="blanked", severity=3),
            Issue(problem="Babbled about my thesis", category="rambling"),
        ):
            issue.interview_uuid = acme.uuid
            journal.add_issue(issue)
        journal.add_positive(Positive(text="Good rapport with Dana", interview_uuid=acme.uuid))
        journal.add_follow_up(
            FollowUp(kind="thank-you", done=dt.date(2026, 11, 21), interview_uuid=acme.uuid)
        )
        journal.add_follow_up(
            FollowUp(kind="reference", due=dt.date(2026, 12, 1), interview_uuid=acme.uuid)
        )
        globex = journal.add_interview(
            Interview(
                uuid=GLOBEX_UUID,
                company="Globex",
                role="SRE",
                date=dt.date(2026, 10, 2),
                stage="phone",
                outcome="advanced",
                notes="GLOBEX-NOTES",
            )
        )
        journal.add_issue(Issue(problem=GLOBEX_PROBLEM, interview_uuid=globex.uuid))
        journal.add_positive(Positive(text="GLOBEX-ONLY win", interview_uuid=globex.uuid))
        journal.add_follow_up(
            FollowUp(kind="feedback-request", done=dt.date(2026, 10, 9), interview_uuid=globex.uuid)
        )
        for company in ("Initech", "Initrode"):
            journal.add_interview(Interview(company=company, date=dt.date(2026, 9, 1)))
    return path


@pytest.fixture
def db(journal_path: Path) -> Path:
    return make_journal(journal_path)


def exported(db: Path, *args: str) -> str:
    result = ok(run("--db", db, "export", *args))
    assert result.stderr == ""
    return result.stdout


def test_markdown_has_the_heading_the_issues_beside_their_answers_and_what_went_well(
    db: Path,
) -> None:
    text = exported(db, "--interview", "Acme", "--format", "md")
    assert text.startswith("# Acme — Backend Engineer\n")
    for line in (
        "- **Company:** Acme",
        "- **Role:** Backend Engineer",
        "- **Stage:** onsite",
        "- **Date:** 2026-11-20 14:00",
        "- **Outcome:** rejected",
        "1. **What went wrong:** Arrived 10 minutes late: traffic",
        "   - **What I should have done:** Leave 45 minutes early",
        "   - **Next step:** Plan the route the day before",
        "3. **What went wrong:** Babbled about my thesis",
        "   - **What I should have done:** *not written yet*",
        "- Good rapport with Dana",
        "- thank-you, sent 2026-11-21",
    ):
        assert line in text.splitlines(), line
    assert "reference" not in text  # not sent: not among the follow-ups sent
    assert "BRAINDUMP" not in text  # the notes only with --with-notes


def test_markdown_is_the_default_for_one_interview_and_shows_the_users_text_harmlessly(
    db: Path,
) -> None:
    text = exported(db, "--interview", "Acme")
    assert "## What went wrong, and what I should have done" in text
    assert "<script>" not in text  # no raw HTML reaches a Markdown renderer
    assert "&lt;script>alert('x')&lt;/script>" in text
    assert "\\[bold]one\\[/bold] story & stop" in text  # no link syntax; still readable


def test_html_is_a_small_page_of_its_own_with_every_word_escaped(db: Path) -> None:
    page = exported(db, "--interview", "acme", "--format", "html")
    assert page.startswith("<!DOCTYPE html>\n") and page.rstrip().endswith("</html>")
    assert "<title>Acme — Backend Engineer</title>" in page
    assert "Content-Security-Policy" in page  # a page that fetches and runs nothing
    assert not re.search(r"<script", page, re.IGNORECASE)
    assert "Froze at &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; on the whiteboard" in page
    assert "Say [bold]one[/bold] story &amp; stop" in page
    # what went wrong beside what I should have done: one row, two cells
    assert (
        "<tr><td>Arrived 10 minutes late: traffic<br>\n"
        '<span class="quiet">Late / timing, severity 2 of 3</span></td>'
        "<td>Leave 45 minutes early<br>\n<strong>Next step:</strong> "
        "Plan the route the day before</td></tr>"
    ) in page
    assert "<dt>Outcome</dt><dd>rejected</dd>" in page
    assert "<li>Good rapport with Dana</li>" in page
    assert "<li>thank-you, sent 2026-11-21</li>" in page
    assert "reference" not in page
    assert "BRAINDUMP" not in page


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_the_notes_only_with_with_notes(db: Path, fmt: str) -> None:
    without = exported(db, "--interview", "Acme", "--format", fmt)
    with_notes = exported(db, "--interview", "Acme", "--format", fmt, "--with-notes")
    assert "BRAINDUMP" not in without
    assert "BRAINDUMP: flustered all morning, then blanked on system design." in with_notes
    assert "My notes (the brain dump)" in with_notes


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_nothing_of_another_interview(db: Path, fmt: str) -> None:
    text = exported(db, "--interview", "Acme", "--format", fmt, "--with-notes")
    for other in ("GLOBEX", "Globex", "feedback-request", "Initech", "Initrode"):
        assert other not in text
    # and the other way round, Globex by the start of its id
    globex = exported(db, "--interview", GLOBEX_UUID[:6], "--format", fmt, "--with-notes")
    assert "GLOBEX-ONLY: forgot the interviewer" in globex
    assert "GLOBEX-NOTES" in globex
    for acme in ("Acme", "Arrived 10 minutes late", "BRAINDUMP", "Dana", "thank-you"):
        assert acme not in globex


def test_an_interview_named_by_its_full_id(db: Path) -> None:
    text = exported(db, "--interview", ACME_UUID)
    assert text.startswith("# Acme — Backend Engineer\n")


def test_an_unknown_interview_is_refused_plainly(db: Path) -> None:
    refused(run("--db", db, "export", "--interview", "Nowhere"), "No interview is called")


def test_an_ambiguous_interview_is_refused_listing_the_candidates(db: Path) -> None:
    line = refused(run("--db", db, "export", "--interview", "Init", "-f", "html"))
    assert "Initech" in line and "Initrode" in line


def test_an_empty_interview_name_is_refused(db: Path) -> None:
    refused(run("--db", db, "export", "--interview", " "), "--interview needs")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--format", "html"], "--format html is for one interview"),
        (["--with-notes"], "--with-notes is for one interview"),
        (["--with-notes", "--format", "md"], "--with-notes is for one interview"),
        (["--interview", "Acme", "--format", "json"], "as md or html, not json"),
        (["--interview", "Acme", "--format", "csv"], "as md or html, not csv"),
    ],
)
def test_what_only_one_interview_takes_is_refused_for_the_whole_journal(
    db: Path, args: list[str], said: str
) -> None:
    refused(run("--db", db, "export", *args), said)


def test_without_interview_the_export_is_the_whole_journal_as_before(db: Path) -> None:
    document = json.loads(exported(db))  # JSON, still the default
    assert document["format"] == "interview-journal"
    assert len(document["interviews"]) == 4
    markdown = exported(db, "--format", "md")
    assert markdown.startswith("# Interview Journal\n")
    assert "GLOBEX-ONLY" in markdown and "BRAINDUMP" in markdown


def test_output_is_a_private_file_never_overwritten_without_force(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "for-coach.html"
    result = ok(run("--db", db, "export", "--interview", "Acme", "-f", "html", "-o", target))
    assert result.stdout == ""
    assert "Exported Acme — Backend Engineer, 2026-11-20 to" in result.stderr
    assert mode_of(target) == 0o600
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")

    again = run(
        "--db", db, "export", "--interview", "Acme", "--with-notes", "-f", "html", "-o", target
    )
    refused(again, "already exists", "--force")
    assert target.read_text(encoding="utf-8") == first

    forced = "--with-notes", "-f", "html", "-o", str(target), "--force"
    ok(run("--db", db, "export", "--interview", "Acme", *forced))
    assert "BRAINDUMP" in target.read_text(encoding="utf-8")
    assert mode_of(target) == 0o600


def test_output_is_never_the_journal(db: Path) -> None:
    before = db.read_bytes()
    refused(run("--db", db, "export", "--interview", "Acme", "-o", db, "--force"), "the journal")
    assert db.read_bytes() == before
