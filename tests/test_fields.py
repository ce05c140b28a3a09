"""Each record's fields are described once (core/model.py): the exchange file's keys, the CSV
columns, the store's rows and the checks all follow that description. These tests pin what a
user sees of it (the file's keys, the sheet's columns, the messages), so that a change to the
model that would change the format fails here, and check that the schema and the model agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from interview_journal.core import exchange
from interview_journal.core.model import (
    Category,
    FollowUp,
    Interview,
    InterviewRecord,
    Issue,
    Positive,
    Question,
    Story,
)
from interview_journal.core.validate import InvalidValue, prepare
from interview_journal.store import converters, open_journal

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3

from .conftest import add_acme

FILE_KEYS = {
    "interview": [
        "uuid",
        "company",
        "role",
        "date",
        "time",
        "stage",
        "interviewers",
        "outcome",
        "rating",
        "feelings",
        "notes",
        "feedback",
        "location",
        "link",
        "calendar_uid",
        "checklist",
        "prep_why",
        "prep_company",
        "prep_questions",
        "prep_people",
        "prep_logistics",
        "closed",
        "created",
        "updated",
        "issues",
        "positives",
        "follow_ups",
    ],
    "issue": [
        "uuid",
        "problem",
        "should_have",
        "category",
        "severity",
        "action",
        "action_done",
        "created",
        "updated",
        "card",
        "reviews",
        "question",
        "question_link",
        "story",
    ],
    "positive": ["uuid", "text", "created", "updated", "question", "question_link", "story"],
    "follow_up": ["uuid", "kind", "due", "done", "text", "notes", "created", "updated"],
    "category": ["slug", "name", "description", "indefensible"],
    "question": [
        "uuid",
        "text",
        "group",
        "hidden",
        "key",
        "created",
        "updated",
        "card",
        "reviews",
        "stories",
    ],
    "story": ["uuid", "text", "situation", "task", "action", "result", "created", "updated"],
}


def a_record() -> InterviewRecord:
    interview = Interview(company="Acme", date=dt.date(2026, 11, 20))
    return InterviewRecord(
        interview,
        issues=[Issue(problem="Was late", interview_uuid=interview.uuid)],
        positives=[Positive(text="Rapport", interview_uuid=interview.uuid)],
        follow_ups=[FollowUp(interview_uuid=interview.uuid)],
    )


def test_the_file_keys_of_every_record_in_their_order() -> None:
    question = Question(text="Why Rust?", stories=[Story(text="Memory safety")])
    document = exchange.to_document(
        [Category("team-fit", "Team fit")], [a_record()], questions=[question]
    )
    assert list(document) == ["format", "version", "categories", "questions", "interviews"]
    (interview,) = document["interviews"]
    assert list(interview) == FILE_KEYS["interview"]
    assert list(interview["issues"][0]) == FILE_KEYS["issue"]
    assert list(interview["positives"][0]) == FILE_KEYS["positive"]
    assert list(interview["follow_ups"][0]) == FILE_KEYS["follow_up"]
    assert list(document["categories"][0]) == FILE_KEYS["category"]
    assert list(document["questions"][0]) == FILE_KEYS["question"]
    assert list(document["questions"][0]["stories"][0]) == FILE_KEYS["story"]


def test_empty_texts_and_times_are_written_as_null_where_the_format_says() -> None:
    (interview,) = exchange.to_document([], [a_record()])["interviews"]
    issue = interview["issues"][0]
    assert (issue["should_have"], issue["action"], issue["created"], issue["card"]) == (
        None,
        None,
        None,
        None,
    )
    assert (interview["role"], interview["notes"], interview["time"]) == ("", "", None)
    assert interview["follow_ups"][0]["text"] == ""


def test_the_sheet_columns() -> None:
    assert exchange.CSV_COLUMNS == (
        "interview_uuid",
        "company",
        "role",
        "date",
        "time",
        "stage",
        "interviewers",
        "outcome",
        "rating",
        "feelings",
        "location",
        "link",
        "closed",
        "issue_uuid",
        "problem",
        "should_have",
        "category",
        "category_name",
        "severity",
        "action",
    )


def test_an_unknown_key_is_warned_about_for_each_record(tmp_path: Path) -> None:
    question = Question(text="Why Rust?", stories=[Story(text="Memory safety")])
    document = exchange.to_document(
        [Category("team-fit", "Team fit")], [a_record()], questions=[question]
    )
    assert list(document) == ["format", "version", "categories", "questions", "interviews"]
    (interview,) = document["interviews"]
    for part in (interview, interview["issues"][0], interview["follow_ups"][0]):
        part["mood"] = "tired"
    document["categories"][0]["colour"] = "red"
    _, _, warnings = exchange.loads(exchange.dumps(document))
    assert warnings == [
        "categories[0].colour: unknown field, ignored",
        "interviews[0].mood: unknown field, ignored",
        "interviews[0].issues[0].mood: unknown field, ignored",
        "interviews[0].follow_ups[0].mood: unknown field, ignored",
    ]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (Interview(company=" "), "company: must not be empty"),
        (Interview(company="Acme", stage="lunch"), "stage: must be one of screen, phone"),
        (Interview(company="Acme", rating=6), "rating: must be 1-5"),
        (Interview(company="Acme", feelings=["bored"]), "feelings[0]: must be one of"),
        (Interview(company="Acme", interviewers=["x" * 501]), "interviewers[0]: is too long"),
        (Issue(problem="Late", severity=4), "severity: must be 1-3"),
        (Issue(problem="Late", category="Team Fit"), "category: must be a category slug"),
        (FollowUp(kind="gift"), "kind: must be one of thank-you"),
        (FollowUp(due=dt.date(1969, 12, 31)), "due: must be between 1970-01-01 and 2100-12-31"),
        (Positive(text="\u0000"), "text: must not be empty"),
        (Category("team fit", "Team fit"), "slug: must be letters, digits and hyphens"),
        (Category("team-fit", ""), "name: must not be empty"),
    ],
)
def test_each_field_is_checked_as_described(record: object, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        prepare(record)  # type: ignore[type-var]
    assert str(caught.value).startswith(message), str(caught.value)


def test_values_are_cleaned_as_described() -> None:
    interview = prepare(
        Interview(
            company="  Acme\u0000 ",
            interviewers=["Dana", " ", "Lee"],
            feelings=["angry", "angry", "hopeful"],
        )
    )
    assert interview.company == "Acme"
    assert interview.interviewers == ["Dana", "Lee"]
    assert interview.feelings == ["angry", "hopeful"]
    assert prepare(Issue(problem="Late", category="")).category is None


def test_the_schema_holds_every_field_the_model_keeps(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "journal.db")
    try:
        add_acme(journal)
        (record,) = journal.records()
    finally:
        journal.close()
    connection = sqlite3.connect(tmp_path / "journal.db")
    try:
        for table, row in (
            ("interviews", converters.interview_to_row(record.interview)),
            ("issues", converters.issue_to_row(record.issues[0])),
            ("positives", converters.positive_to_row(record.positives[0])),
            ("follow_ups", converters.follow_up_to_row(record.follow_ups[0])),
            ("categories", converters.category_to_row(Category("team-fit", "Team fit"))),
            ("questions", converters.question_to_row(Question("Why us?", "motivation"))),
            ("stories", converters.story_to_row(Story("Because"))),
        ):
            columns = {info[1] for info in connection.execute(f"PRAGMA table_info({table})")}
            assert set(row) <= columns, (table, set(row) - columns)
            # what the table holds beyond the row: its keys and what the store keeps apart
            assert columns - set(row) <= {
                *("id", "interview_id", "card", "builtin", "position"),
                *("key", "question_id", "question_link", "story_id"),  # the questions' links
            }
    finally:
        connection.close()


def test_rows_read_back_as_the_records_written(tmp_path: Path) -> None:
    journal = open_journal(tmp_path / "journal.db")
    try:
        add_acme(journal)
        (record,) = journal.records()
    finally:
        journal.close()
    row = converters.interview_to_row(record.interview)
    assert converters.interview_from_row(row) == record.interview
    issue = record.issues[0]
    row = converters.issue_to_row(issue) | {"interview_uuid": issue.interview_uuid}
    assert converters.issue_from_row(row) == issue
    follow_up = record.follow_ups[0]
    row = converters.follow_up_to_row(follow_up) | {"interview_uuid": follow_up.interview_uuid}
    assert converters.follow_up_from_row(row) == follow_up
