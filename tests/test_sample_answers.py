"""The demo journal's answers (core/sample_answers.json): they load, and Practice has them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from interview_journal.core.questions import BANK
from interview_journal.core.sample import (
    SAMPLE_ANSWERS,
    generate_sample,
    sample_profile,
    sample_questions,
)
from interview_journal.store import open_journal


def test_the_demo_answers_are_bank_questions_with_at_most_three_answers_each() -> None:
    questions = sample_questions()
    keys = {question.key for question in BANK}
    assert len(questions) >= 5
    assert all(question.key in keys and 1 <= len(question.stories) <= 3 for question in questions)


def test_the_demo_journal_holds_them(tmp_path: Path) -> None:
    with open_journal(tmp_path / "demo.db") as journal:
        journal.import_records([], generate_sample(30), questions=sample_questions())
        answered = [q for q in journal.questions() if q.stories]
        assert {q.key for q in answered} == {q.key for q in sample_questions()}
        assert journal.questions()  # the rest of the bank is still there, unanswered


def test_an_answer_to_a_question_not_in_the_bank_is_named(tmp_path: Path) -> None:
    broken = tmp_path / "answers.json"
    data = json.loads(SAMPLE_ANSWERS.read_text())
    data["answers"]["no-such-question"] = [{"text": "An answer"}]
    broken.write_text(json.dumps(data))
    with pytest.raises(ValueError, match="answers.no-such-question: no such question"):
        sample_questions(broken)


def test_the_demo_signs_its_letters_with_the_sample_profile(tmp_path) -> None:
    """`demo --out` writes the demo user's profile: its drafts are signed, and say why they fit."""
    from interview_journal.cli.main import cli

    out = tmp_path / "demo.db"
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "unused.db"), "demo", "--out", str(out), "--interviews", "8"]
    )
    assert result.exit_code == 0, result.output
    with open_journal(out) as journal:
        profile = journal.profile()
    assert profile == sample_profile()
    assert profile.name and profile.strengths and profile.achievements
