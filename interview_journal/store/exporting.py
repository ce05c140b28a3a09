"""Exchange out: whole interview records, read a batch at a time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import replace

from ..core.model import InterviewRecord, Issue, Question, Review, Story
from . import converters
from .driver import sqlite3
from .follow_ups import FollowUps
from .interviews import Interviews
from .issues import Issues
from .positives import Positives
from .tables import CHILD_SELECT, FROM_ROW, INTERVIEW_COLUMNS, QUESTION_SELECT, STORY_SELECT


class Exporting(Interviews, Issues, Positives, FollowUps):
    """Whole records, for export."""

    def record(self, uuid: str) -> InterviewRecord:
        return InterviewRecord(
            interview=self.interview(uuid),
            issues=self.issues(uuid),
            positives=self.positives(uuid),
            follow_ups=self.follow_ups(uuid),
        )

    def records(self) -> list[InterviewRecord]:
        """Every interview with its children, oldest first: the order of the exchange format."""
        return list(self.iter_records())

    def questions_to_export(self) -> list[Question]:
        """The questions the exchange file carries, in the order they were added, each with its
        answers, card and grades: the user's own, and those of the bank that the user changed
        (reworded, hid, moved), answered or practised. A question of the bank as the journal
        was given it is left out: every journal has it, under the same uuid."""
        from ..core.questions import BANK

        bank = {question.key: question for question in BANK}
        stories: dict[str, list[Story]] = defaultdict(list)
        for row in self._query(f"{STORY_SELECT} ORDER BY s.question_id, s.position, s.id"):
            story = converters.story_from_row(row)
            stories[story.question_uuid].append(story)
        graded: dict[int, list[Review]] = defaultdict(list)
        for question_id, rating, reviewed, due in self._rows(
            "SELECT question_id, rating, reviewed, due FROM question_reviews ORDER BY id"
        ):
            graded[question_id].append(Review(rating=rating, reviewed=reviewed, due=due))
        found = []
        for row in self._query(f"{QUESTION_SELECT} ORDER BY q.id"):
            question = converters.question_from_row(row)
            question = replace(
                question, stories=stories.get(question.uuid, []), reviews=graded.get(row["id"], [])
            )
            builtin = bank.get(question.key) if question.key else None
            as_given = (
                builtin is not None
                and (question.text, question.group) == (builtin.text, builtin.group)
                and not question.hidden
                and question.card is None
                and question.created == question.updated
                and not question.stories
                and not question.reviews
            )
            if not as_given:
                found.append(question)
        return found

    def exported(self) -> tuple[list[Question], Iterator[InterviewRecord]]:
        """`questions_to_export()` and `iter_records()` read from one snapshot of the journal,
        so that every question an issue names is there (the records are read as they are
        iterated: iterate them to the end)."""
        began = not self.conn.in_transaction
        if began:
            self._rows("BEGIN")
        try:
            questions = self.questions_to_export()
        except BaseException:
            if began and self.conn.in_transaction:
                self.conn.execute("COMMIT")
            raise

        def records() -> Iterator[InterviewRecord]:
            try:
                yield from self.iter_records()
            finally:
                with suppress(sqlite3.ProgrammingError):
                    if began and self.conn.in_transaction:
                        self.conn.execute("COMMIT")

        return questions, records()

    def iter_records(self, batch: int = 500) -> Iterator[InterviewRecord]:
        """`records()` a few hundred at a time, from one snapshot of the journal: an export of
        any size holds one batch in memory, not the whole journal."""
        began = not self.conn.in_transaction
        if began:
            self._rows("BEGIN")  # one read snapshot for the whole walk (WAL: writers go on)
        try:
            order = [
                row_id
                for (row_id,) in self._rows(
                    "SELECT id FROM interviews ORDER BY date, coalesce(time, ''), uuid"
                )
            ]
            for start in range(0, len(order), batch):
                yield from self._record_batch(order[start : start + batch])
        finally:
            # a walk left unfinished (a reader that stopped) may end after the journal closed
            with suppress(sqlite3.ProgrammingError):
                if began and self.conn.in_transaction:
                    self.conn.execute("COMMIT")

    def _record_batch(self, ids: list[int]) -> list[InterviewRecord]:
        marks = ", ".join("?" * len(ids))
        rows = self._query(
            f"SELECT id, {INTERVIEW_COLUMNS} FROM interviews WHERE id IN ({marks})", ids
        )
        records = {row["id"]: InterviewRecord(converters.interview_from_row(row)) for row in rows}
        graded: dict[str, list[Review]] = defaultdict(list)
        for uuid, rating, reviewed, due in self._rows(
            "SELECT c.uuid, r.rating, r.reviewed, r.due FROM reviews r "
            f"JOIN issues c ON c.id = r.issue_id WHERE c.interview_id IN ({marks}) ORDER BY r.id",
            ids,
        ):
            graded[uuid].append(Review(rating=rating, reviewed=reviewed, due=due))
        for table in ("issues", "positives", "follow_ups"):
            sql = f"{CHILD_SELECT[table]} WHERE c.interview_id IN ({marks}) ORDER BY c.id"
            for row in self._query(sql, ids):
                child = FROM_ROW[table](row)
                if isinstance(child, Issue):
                    child.reviews = graded.get(child.uuid, [])
                getattr(records[row["interview_id"]], table).append(child)
        return [records[row_id] for row_id in ids if row_id in records]
