"""The practice deck's order, the countdown's faces, and the setting that keeps its length."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from interview_journal.core import practice, review
from interview_journal.core.clock import FixedClock
from interview_journal.core.model import Interview, Issue, Story
from interview_journal.core.questions import builtin_uuid
from interview_journal.store import Journal, open_journal
from interview_journal.store.rehearsal import load_practice

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


def _graded(journal: Journal, key: str, when: dt.datetime) -> None:
    state, due = review.grade(None, 3, when)
    journal.record_question_review(builtin_uuid(key), state, 3, when, due)


def test_due_first_then_answered_never_rehearsed_then_the_rest(journal: Journal) -> None:
    journal.clock = FixedClock(NOW)
    _graded(journal, "why-leaving", NOW - dt.timedelta(days=60))  # due long ago
    _graded(journal, "biggest-weakness", NOW - dt.timedelta(minutes=1))  # not due yet
    journal.add_story(
        Story(text="I like your product.", question_uuid=builtin_uuid("why-this-company"))
    )
    deck = load_practice(journal).deck
    keys = [card.question.key for card in deck]
    assert keys[:2] == ["why-leaving", "why-this-company"]
    assert [card.section for card in deck[:3]] == [practice.DUE, practice.NEW, practice.REST]
    assert keys[-1] == "biggest-weakness"  # practised a minute ago: last
    assert len(deck) == len(journal.questions())


def test_questions_of_a_recurring_mistake_come_early(journal: Journal) -> None:
    journal.clock = FixedClock(NOW)
    for day in (10, 15, 20):
        interview = journal.add_interview(
            Interview(company=f"Co{day}", date=dt.date(2026, 11, day))
        )
        journal.add_issue(
            Issue(
                problem="Rambled when they asked why I'm leaving",
                category="rambling",
                interview_uuid=interview.uuid,
            )
        )
    deck = load_practice(journal).deck
    first = deck[0]
    assert first.question.key == "why-leaving"
    assert first.recurring and len(first.asked) == 3


def test_hidden_questions_are_left_out(journal: Journal) -> None:
    journal.hide_question(builtin_uuid("tell-me-about-yourself"))
    deck = load_practice(journal).deck
    assert builtin_uuid("tell-me-about-yourself") not in {card.question.uuid for card in deck}


def test_the_countdown_shows_whole_seconds_then_the_time_over() -> None:
    assert practice.clock_face(120) == "2:00"
    assert practice.clock_face(119.5) == "2:00"
    assert practice.clock_face(119) == "1:59"
    assert practice.clock_face(0.2) == "0:01"
    assert practice.clock_face(0) == "+0:00"
    assert practice.clock_face(-72.5) == "+1:12"


def test_the_length_is_kept_in_the_journal(journal_path: Path) -> None:
    with open_journal(journal_path) as journal:
        assert load_practice(journal).seconds == practice.DEFAULT_SECONDS == 120
        journal.set_setting(practice.SECONDS_SETTING, "90")
    with open_journal(journal_path) as journal:
        assert journal.setting(practice.SECONDS_SETTING) == "90"
        assert load_practice(journal).seconds == 90
        assert journal.setting("theme", "default") == "default"
        journal.set_setting(practice.SECONDS_SETTING, "nonsense")
        assert load_practice(journal).seconds == 120
        journal.set_setting(practice.SECONDS_SETTING, "99999")
        assert load_practice(journal).seconds == practice.LONGEST_SECONDS
