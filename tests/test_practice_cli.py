"""`interview-journal questions`: the questions by group, your answers, where each was asked, and
when each is due (issue 12)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from interview_journal.core.model import Interview, Issue, Story
from interview_journal.core.questions import BANK, GROUPS, builtin_uuid
from interview_journal.core.review import grade
from interview_journal.store import open_journal

from .test_cli import ok, refused, run

YOURSELF = builtin_uuid("tell-me-about-yourself")
LEAVING = builtin_uuid("why-leaving")


@pytest.fixture
def practised(journal_path: Path) -> Path:
    """A journal where 'tell me about yourself' was asked at Acme (and has an answer), one
    question is due (practised long ago), one is not (due in 2099), and one is hidden."""
    journal = open_journal(journal_path)
    try:
        acme = journal.add_interview(
            Interview(company="Acme", date=dt.date(2026, 11, 20), stage="onsite")
        )
        journal.add_issue(
            Issue(problem="Rambled on 'tell me about yourself'", interview_uuid=acme.uuid)
        )
        journal.add_story(Story(text="Two minutes on my path", question_uuid=YOURSELF))
        for uuid, year in ((YOURSELF, 2020), (LEAVING, 2099)):
            now = dt.datetime(year, 1, 1, tzinfo=dt.UTC)
            card, due = grade(None, 3, now)
            journal.record_question_review(uuid, card, 3, now, due)
        journal.hide_question(builtin_uuid("gap-in-cv"))
    finally:
        journal.close()
    return journal_path


def test_questions_as_text_by_group(practised: Path) -> None:
    out = ok(run("--db", practised, "questions")).stdout
    assert out.index("About you (about-you)") < out.index("Motivation and fit (motivation)")
    block = out[out.index("Tell me about yourself.") :].split("\n  - ")[0]
    assert "answer: Two minutes on my path" in block
    assert "asked 2026-11-20 at Acme (onsite): went wrong" in block
    assert "due 2020-01-" in block
    assert "gap in your CV" not in out  # hidden
    assert f"{len(BANK) - 1} questions, 1 asked in your interviews." in out
    everything = ok(run("--db", practised, "questions", "--all")).stdout
    assert f"{len(BANK)} questions" in everything and "(hidden)" in everything


def test_questions_as_json(practised: Path) -> None:
    document = json.loads(ok(run("--db", practised, "questions", "--json")).stdout)
    assert list(document) == ["groups", "questions"]
    assert [g["key"] for g in document["groups"]] == [g.key for g in GROUPS]
    assert len(document["questions"]) == len(BANK) - 1  # the hidden one left out
    first = document["questions"][0]
    assert list(first) == [
        *("uuid", "key", "group", "text", "hidden", "due", "stories", "asked"),
    ]
    assert first["uuid"] == YOURSELF and first["key"] == "tell-me-about-yourself"
    assert first["due"].startswith("2020-01-")
    assert [s["text"] for s in first["stories"]] == ["Two minutes on my path"]
    assert first["asked"] == [
        {
            "date": "2026-11-20",
            "company": "Acme",
            "stage": "onsite",
            "went": "wrong",
            "interview": first["asked"][0]["interview"],
            "text": "Rambled on 'tell me about yourself'",
            "link": "suggested",
            "story": None,
        }
    ]
    untouched = document["questions"][1]
    assert (untouched["due"], untouched["stories"], untouched["asked"]) == (None, [], [])


def test_questions_due_and_by_group(practised: Path) -> None:
    due = json.loads(ok(run("--db", practised, "questions", "--due", "--json")).stdout)
    assert [q["uuid"] for q in due["questions"]] == [YOURSELF]  # not the one due in 2099
    by_key = json.loads(
        ok(run("--db", practised, "questions", "--group", "awkward", "--json")).stdout
    )
    by_name = json.loads(
        ok(
            run(
                "--db",
                practised,
                "questions",
                "--group",
                "Awkward ones: gaps, leaving, money",
                "--json",
            )
        ).stdout
    )
    assert by_key == by_name
    assert {q["group"] for q in by_key["questions"]} == {"awkward"}
    assert LEAVING in {q["uuid"] for q in by_key["questions"]}
    text = ok(run("--db", practised, "questions", "--group", "awkward")).stdout
    assert "About you" not in text and "Awkward ones" in text


def test_an_unknown_group_is_refused_with_the_keys(practised: Path) -> None:
    refused(run("--db", practised, "questions", "--group", "nope"), "nope", "about-you, motivation")


def test_questions_on_a_missing_journal_is_refused(tmp_path: Path) -> None:
    refused(run("--db", tmp_path / "missing.db", "questions"), "no journal there yet")
    assert not (tmp_path / "missing.db").exists()


def test_nothing_to_show_is_said_plainly(journal_path: Path) -> None:
    journal = open_journal(journal_path)
    try:
        for question in journal.questions(group="to-ask"):
            journal.hide_question(question.uuid)
    finally:
        journal.close()
    out = ok(run("--db", journal_path, "questions", "--group", "to-ask")).stdout
    assert out == "No questions in that group (--all shows hidden ones).\n"
    out = ok(run("--db", journal_path, "questions", "--due")).stdout
    assert out == "No question is due for practice today.\n"
