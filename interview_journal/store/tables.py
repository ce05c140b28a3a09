"""What the modules of the store share about its tables: column lists, row readers and
writers, and the `updated` stamps."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from ..core.model import FollowUp, Interview, Issue, Positive, Question, Story
from . import converters

INTERVIEW_COLUMNS = (
    "uuid, company, role, date, time, stage, interviewers, outcome, rating, feelings, notes, "
    "feedback, location, link, calendar_uid, checklist, prep_why, prep_company, prep_questions, "
    "prep_people, prep_logistics, closed, created, updated"
)
# Newest first; NULL times sort last within their day, as '' would. The (date, time) index
# serves this order, so a page needs no sort of the whole table.
NEWEST_FIRST = "date DESC, time DESC, id DESC"
TABLES = ("categories", "interviews", "issues", "positives", "follow_ups")
PRACTICE_TABLES = ("questions", "stories", "question_reviews")
PRACTICE_SINCE = 5
"""The schema version that brought the practice tables."""
# An issue's and a positive's question and story are kept by id: read as their uuids.
LINKS = (
    "q.uuid AS question_uuid, s.uuid AS story_uuid",
    "LEFT JOIN questions q ON q.id = c.question_id LEFT JOIN stories s ON s.id = c.story_id",
)
CHILD_SELECT = {
    "issues": f"SELECT c.*, i.uuid AS interview_uuid, {LINKS[0]} FROM issues c JOIN interviews i "
    f"ON i.id = c.interview_id {LINKS[1]}",
    "positives": f"SELECT c.*, i.uuid AS interview_uuid, {LINKS[0]} FROM positives c "
    f"JOIN interviews i ON i.id = c.interview_id {LINKS[1]}",
    "follow_ups": "SELECT c.*, i.uuid AS interview_uuid FROM follow_ups c JOIN interviews i "
    "ON i.id = c.interview_id",
}
QUESTION_SELECT = 'SELECT q.*, q.grp AS "group" FROM questions q'
STORY_SELECT = (
    "SELECT s.*, q.uuid AS question_uuid FROM stories s JOIN questions q ON q.id = s.question_id"
)
TO_ROW = {
    "interviews": converters.interview_to_row,
    "issues": converters.issue_to_row,
    "positives": converters.positive_to_row,
    "follow_ups": converters.follow_up_to_row,
    "questions": converters.question_to_row,
    "stories": converters.story_to_row,
}
R = TypeVar("R", Interview, Issue, Positive, FollowUp, Question, Story)
FROM_ROW = {
    "issues": converters.issue_from_row,
    "positives": converters.positive_from_row,
    "follow_ups": converters.follow_up_from_row,
}
KIND_OF = {
    "interviews": "interview",
    "issues": "issue",
    "positives": "what-went-well",
    "follow_ups": "follow-up",
}
"""The tables of interview records (what an import merges), and what each row is called."""
RECORD_KIND = KIND_OF | {"questions": "question", "stories": "answer"}


def moment(stamp: object) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(stamp)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return moment if moment.tzinfo is not None else None


def stamp_after(previous: str | None) -> str:
    """The `updated` stamp of a write: now, in UTC, to the microsecond, and always later than
    the stamp it replaces.

    Saves are refused when the row's stamp is not the one the window loaded (optimistic
    concurrency), so every write must change the stamp: to the second, two saves in one second
    (autosave runs more often than that) would leave it as it was and hide the second one. A
    clock that stepped back is answered by moving one microsecond past the old stamp."""
    now = dt.datetime.now(dt.UTC)
    before = moment(previous)  # None: not a stamp we can read; any new one differs from it
    if before is not None and now <= before:
        now = before + dt.timedelta(microseconds=1)
    return now.isoformat(timespec="microseconds")
