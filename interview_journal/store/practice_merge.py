"""The practice of one import: its questions with their answers and review state, merged as
the interviews are (see `Importing.import_items`), and the question each issue and positive was
asked, set once every row of the file is in.

A question of the bank is in every journal from its start, under the same uuid: one the journal
still has as the bank gave it (never written since) takes the file's copy, whatever its time,
so that importing into a new journal brings the user's rewordings, hidden questions and groups.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import MOST_STORIES, Issue, Positive, Question
from ..core.validate import InvalidValue, prepare_question, prepare_story
from . import converters
from .driver import sqlite3
from .import_summary import PracticeCounts
from .merge import Merge, last_review
from .tables import stamp_after

LinkState = tuple[int | None, str | None, int | None]
"""An issue's or a positive's (question id, question_link, story id)."""


@dataclass(slots=True)
class _Link:
    table: str
    row_id: int
    question: str | None
    link: str
    story: str | None
    where: str
    before: LinkState


class PracticeMerge:
    """Merges the questions of one import, and keeps the links its rows give until the end."""

    def __init__(self, merge: Merge, counts: PracticeCounts, *, checked: bool) -> None:
        self.merge = merge
        self.conn: sqlite3.Connection = merge.conn
        self.counts = counts
        self.checked = checked
        self.changed = False
        """Whether a question was added or changed: then every row is matched again."""
        self.number = 0
        self.links: list[_Link] = []

    # -- questions ---------------------------------------------------------------------------

    def question(self, question: Question) -> None:
        """Merge the question at `questions[number]` of the file, with its answers, card and
        grades."""
        where = f"questions[{self.number}]"
        self.number += 1
        try:
            if not self.checked:
                question = prepare_question(question)
                _check_group(question.group)
            row = converters.question_to_row(question) | {"key": question.key}
        except InvalidValue as error:
            raise InvalidValue(f"{where}.{error.field}", error.message) from None
        question_id = self._question_row(row)
        self._stories(question, question_id, where)
        self._review_state(question, question_id)

    def _question_row(self, row: dict) -> int:
        counts = self.counts.questions
        found = self.conn.execute(
            "SELECT id, key, text, grp, hidden, created, updated FROM questions WHERE uuid = ?",
            [row["uuid"]],
        ).fetchone()
        if found is not None and found[1] is not None and found[5] == found[6]:
            # the bank's question as the journal was given it: the file's copy is the user's
            row_id, _, text, group, hidden, created, updated = found
            theirs = (
                row["text"],
                row["grp"],
                row["hidden"],
                row["created"] or created,
                row["updated"] or stamp_after(updated),
            )
            if theirs != (text, group, hidden, created, updated):
                self.conn.execute(
                    "UPDATE questions SET text = ?, grp = ?, hidden = ?, created = ?, "
                    "updated = ? WHERE id = ?",
                    [*theirs, row_id],
                )
                self.changed = True
            # Only its stamps differing (an answer added to it in the other journal): the
            # question the user sees is the same, and is not counted as updated.
            if theirs[:3] == (text, group, hidden):
                counts.unchanged += 1
            else:
                counts.updated += 1
            return row_id
        before = (counts.added, counts.updated)
        self.merge.row("questions", "uuid", row, counts)
        if (counts.added, counts.updated) != before:
            self.changed = True
        (row_id,) = self.conn.execute(
            "SELECT id FROM questions WHERE uuid = ?", [row["uuid"]]
        ).fetchone()
        return row_id

    def _stories(self, question: Question, question_id: int, where: str) -> None:
        """The question's answers, in the file's order; the journal's others after them."""
        if not question.stories:
            return
        for index, story in enumerate(question.stories):
            try:
                story = story if self.checked else prepare_story(story)
                row = converters.story_to_row(story)
                row |= {"question_id": question_id, "position": index}
                self.merge.row("stories", "uuid", row, self.counts.stories, "question_id")
            except InvalidValue as error:
                raise InvalidValue(
                    f"{where}.stories[{index}].{error.field}", error.message
                ) from None
        rows = self.conn.execute(
            "SELECT id, position FROM stories WHERE question_id = ? ORDER BY position, id",
            [question_id],
        ).fetchall()
        if len(rows) > MOST_STORIES:
            raise InvalidValue(
                f"{where}.stories",
                f"with the journal's own answers to this question it would hold {len(rows)}; "
                f"a question holds at most {MOST_STORIES}",
            )
        if [position for _, position in rows] != list(range(len(rows))):
            self.conn.executemany(
                "UPDATE stories SET position = ? WHERE id = ?",
                [(position, row_id) for position, (row_id, _) in enumerate(rows)],
            )

    def _review_state(self, question: Question, question_id: int) -> None:
        """The file's card where it was practised later than the journal's, and every grade
        the journal does not have yet."""
        counts = self.counts.reviews
        if question.card is not None:
            (card,) = self.conn.execute(
                "SELECT card FROM questions WHERE id = ?", [question_id]
            ).fetchone()
            theirs_at, ours_at = last_review(question.card), last_review(card)
            later = theirs_at is not None and (ours_at is None or theirs_at > ours_at)
            if card != question.card and (card is None or later):
                if card is not None:
                    self.merge.before_change()
                self.conn.execute(
                    "UPDATE questions SET card = ? WHERE id = ?", [question.card, question_id]
                )
        if not question.reviews:
            return
        have = set(
            self.conn.execute(
                "SELECT rating, reviewed, due FROM question_reviews WHERE question_id = ?",
                [question_id],
            )
        )
        for review in question.reviews:
            values = (review.rating, review.reviewed, review.due)
            if values in have:
                counts.unchanged += 1
                continue
            have.add(values)
            self.conn.execute(
                "INSERT INTO question_reviews (question_id, rating, reviewed, due) "
                "VALUES (?, ?, ?, ?)",
                [question_id, *values],
            )
            counts.added += 1

    # -- links -------------------------------------------------------------------------------

    def keep_link(self, table: str, item: Issue | Positive, row_id: int, where: str) -> None:
        """Note the link the file gives the row just merged (set by `restore_links`)."""
        if item.question_link is None:
            return  # none: the row is matched, as a file without links is
        current = self.merge.found[table][item.uuid]
        before = (current.get("question_id"), current.get("question_link"), current.get("story_id"))
        self.links.append(
            _Link(
                table,
                row_id,
                item.question_uuid,
                item.question_link,
                item.story_uuid,
                where,
                before,
            )
        )

    def restore_links(self) -> None:
        """Set each row's question, link and answer as the file gives them, once every question
        and answer of the file is in; a link the user confirmed in the journal is kept."""
        if not self.links:
            return
        questions = dict(self.conn.execute("SELECT uuid, id FROM questions"))
        stories = {
            uuid: (row_id, question_id)
            for uuid, row_id, question_id in self.conn.execute(
                "SELECT uuid, id, question_id FROM stories"
            )
        }
        changes: dict[str, list[tuple]] = {"issues": [], "positives": []}
        for link in self.links:
            if link.before[1] == "confirmed":
                continue
            question_id = story_id = None
            if link.question is not None:
                if link.question not in questions:
                    raise InvalidValue(
                        f"{link.where}.question",
                        f"{link.question} is a question neither the file nor the journal has",
                    )
                question_id = questions[link.question]
            if link.story is not None:
                story = stories.get(link.story)
                if story is None:
                    raise InvalidValue(
                        f"{link.where}.story",
                        f"{link.story} is an answer neither the file nor the journal has",
                    )
                if story[1] != question_id:
                    raise InvalidValue(f"{link.where}.story", "is an answer to another question")
                story_id = story[0]
            after = (question_id, link.link, story_id)
            if after != link.before:
                changes[link.table].append((*after, link.row_id))
        for table, rows in changes.items():
            self.conn.executemany(
                f"UPDATE {table} SET question_id = ?, question_link = ?, story_id = ? WHERE id = ?",
                rows,
            )


def _check_group(key: str) -> None:
    from ..core.questions import GROUPS

    keys = [group.key for group in GROUPS]
    if key not in keys:
        raise InvalidValue("group", f"must be one of {', '.join(keys)}")
