"""`interview-journal draft KIND [INTERVIEW]` (issue 13): a follow-up printed to standard output,
for the interview the user names (or the newest one), signed with the profile's name, and
never carrying the private notes or the wording of an issue. The drafts' words are
core/compose.py's: these tests check which interview, which signature, what is refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from interview_journal.cli.follow_ups import KINDS
from interview_journal.core.compose import DRAFT_KINDS
from interview_journal.core.model import Interview, InterviewRecord, Issue, Positive, Profile
from interview_journal.store import open_journal

from .test_cli import ok, refused, run

TODAY = dt.date.today()
NOTES = "Flustered all morning, then blanked on the system design question."
PROBLEMS = ("Arrived ten minutes late: traffic on the ring road", "Babbled about my thesis")


def interview(uuid: str, company: str, days: int, interviewer: str) -> Interview:
    """An interview `days` from today (negative: in the past), with one interviewer."""
    return Interview(
        uuid=uuid,
        company=company,
        role="Backend Engineer",
        date=TODAY + dt.timedelta(days=days),
        interviewers=[interviewer],
        outcome="rejected" if days < 0 else "pending",
        notes=NOTES,
    )


OLD_ACME = interview("aaaa1111-0000-4000-8000-000000000001", "Acme", -60, "Olga Ortiz")
ACME = interview("aaaa2222-0000-4000-8000-000000000002", "Acme", -7, "Dana Lee")
GLOBEX = interview("bbbb3333-0000-4000-8000-000000000003", "Globex", -2, "Priya Shah")
INITECH = interview("cccc4444-0000-4000-8000-000000000004", "Initech", 3, "Ursula Upton")


def make_journal(
    path: Path, interviews: tuple[Interview, ...] = (OLD_ACME, ACME, GLOBEX, INITECH)
) -> Path:
    """A journal of these interviews, each with two issues (a problem and what should have been
    done) and a thing that went well, and the profile of Sam Rivera."""
    records = [
        InterviewRecord(
            each,
            issues=[
                Issue(problem=problem, should_have="Say it in two minutes", category="rambling")
                for problem in PROBLEMS
            ],
            positives=[Positive(text="Good rapport with the team")],
        )
        for each in interviews
    ]
    for record in records:
        for child in [*record.issues, *record.positives]:
            child.interview_uuid = record.interview.uuid
    with open_journal(path) as journal:
        journal.import_records([], records)
        journal.set_profile(Profile(name="Sam Rivera", strengths=["Calm under pressure"]))
    return path


@pytest.fixture
def journal_db(tmp_path: Path) -> Path:
    return make_journal(tmp_path / "journal.db")


def drafted(path: Path, *args: str) -> str:
    result = ok(run("--db", path, "draft", *args))
    assert result.stderr == ""
    assert result.stdout.strip()
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")
    return result.stdout


def test_the_command_takes_every_kind_the_drafts_know() -> None:
    assert tuple(DRAFT_KINDS) == KINDS


def test_without_an_interview_the_newest_that_has_happened_is_drafted_for(
    journal_db: Path,
) -> None:
    text = drafted(journal_db, "thank-you")
    assert "Priya Shah" in text  # Globex, two days ago: not Initech, still to come
    assert "Ursula Upton" not in text


def test_with_only_interviews_to_come_the_next_one_is_drafted_for(tmp_path: Path) -> None:
    later = interview("dddd5555-0000-4000-8000-000000000005", "Hooli", 10, "Gavin Belson")
    path = make_journal(tmp_path / "journal.db", (later, INITECH))
    assert "Ursula Upton" in drafted(path, "feedback")


@pytest.mark.parametrize("name", ["Acme", "acme", "  ACME "])
def test_a_company_name_in_any_case_drafts_for_its_newest_interview(
    journal_db: Path, name: str
) -> None:
    text = drafted(journal_db, "thank-you", name)
    assert "Dana Lee" in text
    assert "Olga Ortiz" not in text


@pytest.mark.parametrize("given", [OLD_ACME.uuid, OLD_ACME.uuid[:6], OLD_ACME.uuid.upper()])
def test_an_id_or_its_first_characters_drafts_for_that_interview(
    journal_db: Path, given: str
) -> None:
    assert "Olga Ortiz" in drafted(journal_db, "feedback", given)


def test_the_start_of_several_ids_is_refused_with_the_candidates(journal_db: Path) -> None:
    line = refused(run("--db", journal_db, "draft", "thank-you", "aaaa"), "several interviews")
    assert "aaaa1111" in line and "aaaa2222" in line


def test_an_interview_that_is_not_there_is_refused_plainly(journal_db: Path) -> None:
    refused(run("--db", journal_db, "draft", "thank-you", "Umbrella"), "No interview is called")


def test_an_empty_journal_is_refused_plainly(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "empty.db", ())
    refused(run("--db", path, "draft", "thank-you"), "no interview yet")


def test_an_unknown_kind_lists_the_kinds(journal_db: Path) -> None:
    line = refused(run("--db", journal_db, "draft", "apology", "Acme"), "apology")
    for kind in KINDS:
        assert kind in line


def test_a_second_chance_without_something_new_is_refused(journal_db: Path) -> None:
    refused(run("--db", journal_db, "draft", "second-chance", "Acme"), "--new")
    refused(run("--db", journal_db, "draft", "second-chance", "Acme", "--new", "  "), "--new")


def test_a_second_chance_with_something_new_is_drafted_around_it(journal_db: Path) -> None:
    new = "a prototype of the billing pipeline I built since"
    text = drafted(journal_db, "second-chance", "Acme", "--new", new)
    assert "prototype of the billing pipeline" in text
    assert "Dana Lee" in text


@pytest.mark.parametrize("kind", KINDS)
def test_every_draft_is_signed_with_the_profile_and_keeps_private_words_out(
    journal_db: Path, kind: str
) -> None:
    extra = ("--new", "a prototype I built since") if kind == "second-chance" else ()
    text = drafted(journal_db, kind, "Acme", *extra)
    assert "Sam Rivera" in text.strip().splitlines()[-1]
    for private in (NOTES, "Flustered", "blanked", *PROBLEMS, "Babbled", "ring road"):
        assert private not in text


def test_without_a_profile_the_draft_is_unsigned(journal_db: Path) -> None:
    ok(run("--db", journal_db, "profile", "--clear"))
    assert "Sam Rivera" not in drafted(journal_db, "thank-you", "Acme")


def test_a_thank_you_names_the_question_its_top_issue_was_asked(journal_db: Path) -> None:
    """The one "since then" of a thank-you is about the question the top solved issue is linked
    to, in the question's words (never the issue's)."""
    from interview_journal.core.questions import builtin_uuid

    with open_journal(journal_db) as journal:
        first = journal.issues(GLOBEX.uuid)[0]
        journal.link_question("issue", first.uuid, builtin_uuid("tell-me-about-yourself"))
    text = drafted(journal_db, "thank-you", "globex")
    assert 'your question "Tell me about yourself' in text
    assert all(problem not in text for problem in PROBLEMS)
