"""Questions: the bank's and the user's own, their answers (stories), which interviews asked
them, and when each is due for practice.

A built-in question (one of the bank's, with its `key`) is hidden rather than deleted, so that
its uuid, the same in every journal, stays with its links and answers. Links from issues and
positives to the question asked are kept up by matching (store/linking) as "suggested"; those
set here are "confirmed", and matching never changes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ..core.model import MOST_STORIES, Asked, Question, Story, utc_now
from ..core.validate import InvalidValue, prepare_question, prepare_story
from . import converters
from .errors import JournalError, NotFound
from .linking import Quotes, link_ids, link_rows
from .question_links import Linking
from .tables import QUESTION_SELECT, STORY_SELECT

if TYPE_CHECKING:
    from collections.abc import Iterable

    from ..core.rehearse import QuestionFacts

LINKED_TABLES = {"issue": "issues", "positive": "positives"}


class TooManyStories(JournalError):
    """A fourth answer to one question."""


def _group(key: str) -> str:
    """The group key `key` names, or InvalidValue listing the groups."""
    from ..core.questions import GROUPS

    if key not in {group.key for group in GROUPS}:
        keys = ", ".join(group.key for group in GROUPS)
        raise InvalidValue("group", f"must be one of {keys}")
    return key


class Questions(Linking):
    """The journal's questions and what hangs on them."""

    # -- reading ----------------------------------------------------------------------------

    def questions(self, *, group: str | None = None, hidden: bool | None = False) -> list[Question]:
        """The questions in the bank's order of groups, each group's in the order they were
        added, each with its stories. `hidden`: False, the visible ones; True, the hidden ones;
        None, all. `group`: only that group's (a key)."""
        from ..core.questions import GROUPS

        where: list[str] = []
        params: list[object] = []
        if group is not None:
            where.append("q.grp = ?")
            params.append(group)
        if hidden is not None:
            where.append("q.hidden = ?")
            params.append(int(hidden))
        sql = (
            QUESTION_SELECT + (f" WHERE {' AND '.join(where)}" if where else "") + " ORDER BY q.id"
        )
        found = [converters.question_from_row(row) for row in self._query(sql, params)]
        stories: dict[str, list[Story]] = {}
        for story in self._stories():
            stories.setdefault(story.question_uuid, []).append(story)
        order = {group.key: number for number, group in enumerate(GROUPS)}
        found.sort(key=lambda question: order.get(question.group, len(order)))
        return [replace(question, stories=stories.get(question.uuid, [])) for question in found]

    def question_texts(self, uuids: Iterable[str]) -> dict[str, str]:
        """The wording of each of these questions that is in the journal, by uuid (what a
        thank-you's "since then" may name)."""
        return self._column_by_uuid("questions", "text", uuids)

    def question(self, uuid: str) -> Question:
        rows = self._query(f"{QUESTION_SELECT} WHERE q.uuid = ?", [uuid])
        if not rows:
            raise NotFound(f"No question with id {uuid}.")
        question = converters.question_from_row(rows[0])
        return replace(question, stories=self._stories(uuid))

    def _one(self, table: str, uuid: str):  # noqa: ANN202 - the record of `table`
        """The question or answer of that uuid (what a Conflict shows), or another record."""
        if table == "questions":
            return self.question(uuid)
        if table == "stories":
            return self.story(uuid)
        return super()._one(table, uuid)

    def _stories(self, question_uuid: str | None = None) -> list[Story]:
        where, params = ("WHERE q.uuid = ?", [question_uuid]) if question_uuid else ("", [])
        rows = self._query(f"{STORY_SELECT} {where} ORDER BY s.question_id, s.position", params)
        return [converters.story_from_row(row) for row in rows]

    def story(self, uuid: str) -> Story:
        rows = self._query(f"{STORY_SELECT} WHERE s.uuid = ?", [uuid])
        if not rows:
            raise NotFound(f"No answer with id {uuid}.")
        return converters.story_from_row(rows[0])

    def question_history(self, uuid: str) -> list[Asked]:
        """Every time the question came up in an interview (an issue or a positive linked to
        it), the latest interview first."""
        question_id = self._id_of("questions", uuid)
        return self._asked(question_id).get(question_id, [])

    def questions_asked(self) -> dict[str, list[Asked]]:
        """The history of every question that came up, by question uuid (`question_history`)."""
        ids = dict(self._rows("SELECT id, uuid FROM questions"))
        return {ids[key]: asked for key, asked in self._asked(None).items()}

    def _asked(self, question_id: int | None) -> dict[int, list[Asked]]:
        parts = []
        for went, table, text in (("wrong", "issues", "problem"), ("well", "positives", "text")):
            parts.append(
                f"SELECT c.question_id, i.uuid, i.date, coalesce(i.time, ''), i.id, i.company, "
                f"i.stage, '{went}', c.uuid, c.{text}, c.question_link, s.uuid "
                f"FROM {table} c JOIN interviews i ON i.id = c.interview_id "
                "LEFT JOIN stories s ON s.id = c.story_id "
                "WHERE c.question_id IS NOT NULL"
                + (" AND c.question_id = :question" if question_id is not None else "")
            )
        rows = self._rows(
            " UNION ALL ".join(parts) + " ORDER BY 3 DESC, 4 DESC, 5 DESC, 8, 9",
            {"question": question_id},
        )
        found: dict[int, list[Asked]] = {}
        for row_id, interview, date, _, _, company, stage, went, record, text, link, story in rows:
            found.setdefault(row_id, []).append(
                Asked(
                    interview_uuid=interview,
                    date=dt.date.fromisoformat(date),
                    company=company,
                    stage=stage,
                    went=went,
                    record_uuid=record,
                    text=text,
                    link=link,
                    story_uuid=story,
                )
            )
        return found

    def rehearsal_facts(self, today: dt.date) -> list[QuestionFacts]:
        """What the briefing weighs to choose questions to rehearse, for every question on show
        that came up in an interview up to `today` or was practised: where it came up, the
        categories of the issues linked to it, whether it has an answer, when it is due."""
        from ..core.rehearse import QuestionFacts
        from ..core.review import card_due

        rows = self._rows(
            """
            WITH linked AS (
                SELECT question_id, interview_id, category FROM issues
                    WHERE question_id IS NOT NULL
                UNION ALL
                SELECT question_id, interview_id, NULL FROM positives
                    WHERE question_id IS NOT NULL
            )
            SELECT q.id, q.uuid, q.text, q.card,
                EXISTS (SELECT 1 FROM stories s WHERE s.question_id = q.id),
                i.date, i.company, i.stage, l.category
            FROM questions q
            LEFT JOIN linked l ON l.question_id = q.id
            LEFT JOIN interviews i ON i.id = l.interview_id AND i.date <= :today
            WHERE NOT q.hidden AND (q.card IS NOT NULL OR i.id IS NOT NULL)
            ORDER BY q.id, i.date DESC, coalesce(i.time, '') DESC, i.id DESC
            """,
            {"today": today.isoformat()},
        )
        found: dict[int, tuple[str, str, str | None, bool]] = {}
        asked: dict[int, list[tuple[dt.date, str, str]]] = {}
        mistakes: dict[int, set[str]] = {}
        for row_id, uuid, text, card, answered, date, company, stage, category in rows:
            found[row_id] = (uuid, text, card, bool(answered))
            if date is not None:
                asked.setdefault(row_id, []).append((dt.date.fromisoformat(date), company, stage))
            if category is not None:
                mistakes.setdefault(row_id, set()).add(category)
        facts = []
        for row_id, (uuid, text, card, answered) in found.items():
            try:
                due = card_due(card) if card else None
            except (ValueError, KeyError, TypeError):
                due = None  # a card that cannot be read: practised as new
            facts.append(
                QuestionFacts(
                    uuid=uuid,
                    text=text,
                    answered=answered,
                    due=due,
                    asked=asked.get(row_id, []),
                    mistakes=frozenset(mistakes.get(row_id, ())),
                )
            )
        return facts

    def question_due(self, uuid: str) -> dt.datetime | None:
        """When the question is next due for practice; None if never practised."""
        from ..core.review import card_due

        card = self.question(uuid).card
        return card_due(card) if card else None

    def practice_started(self) -> bool:
        """Whether the user did anything with the questions: added, changed, hid or practised
        one, or wrote an answer (a journal that holds only the bank is empty)."""
        return bool(
            self._rows(
                "SELECT 1 FROM questions WHERE key IS NULL OR hidden OR card IS NOT NULL "
                "OR updated != created UNION ALL SELECT 1 FROM stories LIMIT 1"
            )
        )

    def question_quotes_unmatched(self, text: str) -> list[str]:
        """The quotes of an issue's (or a positive's) text that match no question of the
        journal: what the app offers to add as a question."""
        return self._question_quotes().unmatched(text)

    # -- writing questions -------------------------------------------------------------------

    def add_question(self, text: str, group: str = "about-you") -> Question:
        """A question of the user's own; issues and positives that quote it and have no
        confirmed link are linked to it."""
        now = utc_now()
        question = prepare_question(
            Question(text=text, group=_group(group), created=now, updated=now)
        )
        with self._writing() as db:
            db.table("questions").insert(converters.question_to_row(question))
            self._relink_all()
        return question

    def update_question(
        self, question: Question, *, expected_updated: str | None = None
    ) -> Question:
        """Write the question's text, group and hidden flag over the stored ones (with
        `expected_updated`, only if no one changed it since: see `update_interview`)."""
        question = prepare_question(replace(question, group=_group(question.group)))
        with self._writing() as db:
            before = self._rows(
                "SELECT text, hidden FROM questions WHERE uuid = ?", [question.uuid]
            )
            stored = self._write_over(db, "questions", question, expected_updated)
            text, hidden = before[0]
            if text != stored.text or (hidden and not stored.hidden):  # a new wording to match
                self._relink_all()
            elif stored.hidden and not hidden:  # one wording less: only what it matched
                self._relink_linked_to(self._id_of("questions", stored.uuid))
        return replace(stored, stories=self._stories(question.uuid))

    def reword_question(self, uuid: str, text: str) -> Question:
        return self.update_question(replace(self.question(uuid), text=text))

    def hide_question(self, uuid: str, hidden: bool = True) -> Question:
        """Hide a question (left out of practice, lists and matching), or show it again."""
        return self.update_question(replace(self.question(uuid), hidden=hidden))

    def delete_question(self, uuid: str) -> bool:
        """Delete a question of the user's own, with its answers; what was linked to it goes
        back to matching (confirmed links too). A built-in one is hidden instead. Returns
        whether it was deleted."""
        question = self.question(uuid)
        if question.builtin:
            self.hide_question(uuid)
            return False
        with self._writing() as db:
            row_id = self._id_of("questions", uuid)
            # what was linked to it goes back to matching, confirmed links too
            self.conn.execute(
                "UPDATE questions SET hidden = 1 WHERE id = ?", [row_id]
            )  # not matched any more
            self._relink_linked_to(row_id, confirmed=True)
            db.table("questions").delete(row_id)
        return True

    def _relink_all(self) -> None:
        """Inside a write that changed the questions: every issue and positive without a
        confirmed link is matched again (its suggestion may be another question now)."""
        quotes = Quotes(self.conn)
        for table in LINKED_TABLES.values():
            link_rows(self.conn, table, quotes=quotes)

    def _relink_linked_to(self, question_id: int, *, confirmed: bool = False) -> None:
        """Inside a write that hid a question: what was suggested as it (and with `confirmed`,
        confirmed as it) is matched again, to the other questions."""
        quotes = Quotes(self.conn).refresh()
        for table in LINKED_TABLES.values():
            kept = "" if confirmed else " AND question_link = 'suggested'"
            ids = [
                row_id
                for (row_id,) in self._rows(
                    f"SELECT id FROM {table} WHERE question_id = ?{kept}", [question_id]
                )
            ]
            self.conn.executemany(
                f"UPDATE {table} SET question_link = NULL, question_id = NULL, story_id = NULL "
                "WHERE id = ?",
                [(row_id,) for row_id in ids],
            )
            link_ids(self.conn, table, ids, quotes)

    # -- stories -----------------------------------------------------------------------------

    def add_story(self, story: Story) -> Story:
        """One more answer to `story.question_uuid`, after its others; refused
        (TooManyStories) when the question has three already."""
        now = utc_now()
        story = replace(prepare_story(story), created=now, updated=now)
        with self._writing() as db:
            question_id = self._id_of("questions", story.question_uuid)
            (count,) = self._rows(
                "SELECT count(*) FROM stories WHERE question_id = ?", [question_id]
            )[0]
            if count >= MOST_STORIES:
                raise TooManyStories(
                    f"A question holds at most {MOST_STORIES} answers: change or delete one of "
                    "them first."
                )
            story = replace(story, position=count)
            row = converters.story_to_row(story)
            db.table("stories").insert(row | {"question_id": question_id, "position": count})
        return story

    def update_story(self, story: Story, *, expected_updated: str | None = None) -> Story:
        with self._writing() as db:
            return self._write_over(db, "stories", prepare_story(story), expected_updated)

    def delete_story(self, uuid: str) -> None:
        """Delete an answer; the question's others close up (and a link to it is undone)."""
        with self._writing() as db:
            found = self._rows(
                "SELECT id, question_id, position FROM stories WHERE uuid = ?", [uuid]
            )
            if not found:
                raise NotFound(f"No answer with id {uuid}.")
            row_id, question_id, position = found[0]
            db.table("stories").delete(row_id)
            self.conn.execute(
                "UPDATE stories SET position = position - 1 WHERE question_id = ? AND position > ?",
                [question_id, position],
            )

    def move_story(self, uuid: str, position: int) -> None:
        """Put an answer at `position` (from 0) among its question's answers; the others keep
        their order around it."""
        with self._writing():
            found = self._rows("SELECT id, question_id FROM stories WHERE uuid = ?", [uuid])
            if not found:
                raise NotFound(f"No answer with id {uuid}.")
            row_id, question_id = found[0]
            ids = [
                each
                for (each,) in self._rows(
                    "SELECT id FROM stories WHERE question_id = ? ORDER BY position, id",
                    [question_id],
                )
                if each != row_id
            ]
            ids.insert(max(0, min(position, len(ids))), row_id)
            self.conn.executemany(
                "UPDATE stories SET position = ? WHERE id = ?", list(enumerate(ids))
            )

    # -- links from issues and positives -----------------------------------------------------

    def link_question(
        self,
        kind: str,
        uuid: str,
        question_uuid: str | None,
        *,
        story_uuid: str | None = None,
    ) -> None:
        """Set the question an issue (`kind` "issue") or a positive ("positive") answers, and
        the story told, as the user's own ("confirmed": matching leaves it alone from then on).
        `question_uuid` None says that it asks no question of the journal."""
        table = _linked_table(kind)
        with self._writing():
            row_id = self._id_of(table, uuid)
            question_id = self._id_of("questions", question_uuid) if question_uuid else None
            story_id = None
            if story_uuid is not None:
                found = self._rows(
                    "SELECT id, question_id FROM stories WHERE uuid = ?", [story_uuid]
                )
                if not found:
                    raise NotFound(f"No answer with id {story_uuid}.")
                if found[0][1] != question_id:
                    raise InvalidValue("story", "is an answer to another question")
                story_id = found[0][0]
            self.conn.execute(
                f"UPDATE {table} SET question_id = ?, question_link = 'confirmed', story_id = ? "
                "WHERE id = ?",
                [question_id, story_id, row_id],
            )

    def confirm_question(self, kind: str, uuid: str) -> None:
        """Take the suggested question (and story) of an issue or a positive as the user's."""
        table = _linked_table(kind)
        with self._writing():
            row_id = self._id_of(table, uuid)
            self.conn.execute(
                f"UPDATE {table} SET question_link = 'confirmed' WHERE id = ?", [row_id]
            )

    def unlink_question(self, kind: str, uuid: str) -> None:
        """The issue or positive asks no question of the journal, says the user: its link is
        undone, and no suggestion comes back as its words change."""
        self.link_question(kind, uuid, None)

    def suggest_question(self, kind: str, uuid: str) -> None:
        """Hand the link back to matching: the question its words quote, as a suggestion."""
        table = _linked_table(kind)
        with self._writing():
            row_id = self._id_of(table, uuid)
            self.conn.execute(
                f"UPDATE {table} SET question_link = NULL, question_id = NULL, story_id = NULL "
                "WHERE id = ?",
                [row_id],
            )
            self._link(table, row_id)

    # -- practice ----------------------------------------------------------------------------

    def record_question_review(
        self, uuid: str, card_json: str, rating: int, reviewed: dt.datetime, due: dt.datetime
    ) -> None:
        """Store a practised question's card and log the grade, in one transaction."""
        if isinstance(rating, bool) or rating not in (1, 2, 3, 4):
            raise InvalidValue("rating", "must be 1-4 (again, hard, good, easy)")
        with self._writing():
            row_id = self._id_of("questions", uuid)
            self.conn.execute("UPDATE questions SET card = ? WHERE id = ?", [card_json, row_id])
            self.conn.execute(
                "INSERT INTO question_reviews (question_id, rating, reviewed, due) "
                "VALUES (?, ?, ?, ?)",
                [
                    row_id,
                    rating,
                    reviewed.astimezone(dt.UTC).isoformat(),
                    due.astimezone(dt.UTC).isoformat(),
                ],
            )


def _linked_table(kind: str) -> str:
    if kind not in LINKED_TABLES:
        raise ValueError(f"kind must be one of {', '.join(LINKED_TABLES)}")
    return LINKED_TABLES[kind]
