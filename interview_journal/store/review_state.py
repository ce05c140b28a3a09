"""The review drill: each solved issue's card, its grades, and what the briefing draws on."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from ..core.model import Interview
from ..core.validate import InvalidValue
from . import converters
from .base import JournalBase
from .tables import INTERVIEW_COLUMNS

if TYPE_CHECKING:
    from ..core.review import Answer, DrillCard


class ReviewState(JournalBase):
    """Drill cards, grades and briefing sources."""

    def upcoming_interview(self, today: dt.date) -> Interview | None:
        """The soonest interview dated after `today` (the one the briefing prepares for)."""
        rows = self._query(
            f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE date > ? "
            "ORDER BY date, coalesce(time, ''), id LIMIT 1",
            [today.isoformat()],
        )
        return converters.interview_from_row(rows[0]) if rows else None

    def briefing_sources(
        self, today: dt.date
    ) -> tuple[dict[str, list[Answer]], dict[str, list[str]]]:
        """Per category, the user's non-empty answers and actions from the interviews that have
        happened (date <= today), the latest interview first: what the briefing draws on."""
        from ..core.review import Answer

        rows = self._rows(
            """
            SELECT c.uuid, i.uuid, i.date, i.company, c.problem, c.should_have, c.category,
                c.action
            FROM issues c JOIN interviews i ON i.id = c.interview_id
            WHERE i.date <= ? AND c.category IS NOT NULL
                AND (trim(c.should_have) != '' OR trim(c.action) != '')
            ORDER BY i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id DESC
            """,
            [today.isoformat()],
        )
        answers: dict[str, list[Answer]] = defaultdict(list)
        actions: dict[str, list[str]] = defaultdict(list)
        for issue_uuid, interview_uuid, date, company, problem, should_have, slug, action in rows:
            if should_have.strip():
                answers[slug].append(
                    Answer(
                        issue_uuid=issue_uuid,
                        interview_uuid=interview_uuid,
                        date=dt.date.fromisoformat(date),
                        company=company,
                        problem=problem,
                        should_have=should_have,
                    )
                )
            if action.strip():
                actions[slug].append(action)
        return dict(answers), dict(actions)

    def drill_cards(self) -> list[DrillCard]:
        """Every issue with a "what I should have done", as a flashcard, newest interview first.

        A card never reviewed (or whose stored state cannot be read) comes back as new."""
        from ..core.review import DrillCard, card_due

        rows = self._rows(
            """
            SELECT c.uuid, i.uuid, i.company, i.date, c.category,
                coalesce(k.name, c.category, 'Uncategorised'), c.problem, c.should_have, c.card
            FROM issues c JOIN interviews i ON i.id = c.interview_id
            LEFT JOIN categories k ON k.slug = c.category
            WHERE trim(c.should_have) != ''
            ORDER BY i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id
            """
        )
        cards = []
        for issue_uuid, interview_uuid, company, date, slug, name, problem, answer, card in rows:
            due = None
            if card is not None:
                try:
                    due = card_due(card)
                except (ValueError, KeyError, TypeError, AttributeError):
                    card = None
            cards.append(
                DrillCard(
                    issue_uuid=issue_uuid,
                    interview_uuid=interview_uuid,
                    company=company,
                    date=dt.date.fromisoformat(date),
                    category=slug,
                    category_name=name,
                    problem=problem,
                    should_have=answer,
                    card=card,
                    due=due,
                )
            )
        return cards

    def record_review(
        self,
        issue_uuid: str,
        card_json: str,
        rating: int,
        reviewed: dt.datetime,
        due: dt.datetime,
    ) -> None:
        """Store a graded card with its issue and log the review, in one transaction."""
        if isinstance(rating, bool) or rating not in (1, 2, 3, 4):
            raise InvalidValue("rating", "must be 1-4 (again, hard, good, easy)")
        with self._writing():
            row_id = self._id_of("issues", issue_uuid)
            self.conn.execute("UPDATE issues SET card = ? WHERE id = ?", [card_json, row_id])
            self.conn.execute(
                "INSERT INTO reviews (issue_id, rating, reviewed, due) VALUES (?, ?, ?, ?)",
                [
                    row_id,
                    rating,
                    reviewed.astimezone(dt.UTC).isoformat(),
                    due.astimezone(dt.UTC).isoformat(),
                ],
            )

    def _mistake_repeated(self, interview_id: int, slug: str | None, issue_uuid: str) -> None:
        """A mistake of `slug` was recorded for an interview: if that interview has happened,
        every other card of the category is due now (a lesson forgotten). Call inside a write."""
        if slug is None:
            return
        date = self._rows("SELECT date FROM interviews WHERE id = ?", [interview_id])[0][0]
        if dt.date.fromisoformat(date) > self.clock.today():
            return
        from ..core.review import make_due

        now = self.clock.now()
        rows = self._rows(
            "SELECT id, card FROM issues WHERE category = ? AND uuid != ? AND card IS NOT NULL",
            [slug, issue_uuid],
        )
        for row_id, card in rows:
            try:
                fresh = make_due(card, now)
            except (ValueError, KeyError, TypeError, AttributeError):
                continue  # an unreadable card is drilled as new anyway
            if fresh != card:
                self.conn.execute("UPDATE issues SET card = ? WHERE id = ?", [fresh, row_id])
