"""The review drill: each solved issue's card, its grades, and what the briefing draws on."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..core.model import Interview
from ..core.validate import InvalidValue
from . import converters
from .drill import CARD_COLUMNS, Drill, drill_card
from .tables import INTERVIEW_COLUMNS

if TYPE_CHECKING:
    from ..core.history import Visit
    from ..core.review import Answer, DrillCard


SOURCES_READ = 12
"""Issues of a category read at first for the briefing: enough for three distinct answers and
three distinct actions unless the user repeats them."""


def _text_answer(text: str) -> Answer:
    """A stand-in answer for counting distinct texts (only `should_have` matters)."""
    from ..core.review import Answer

    return Answer("", "", dt.date.min, "", "", text)


class ReviewState(Drill):
    """Drill cards, grades and briefing sources."""

    def upcoming_interview(self, today: dt.date) -> Interview | None:
        """The soonest interview dated after `today` and not closed (a cancelled one is
        closed): the one the briefing prepares for."""
        rows = self._query(
            f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE date > ? AND NOT closed "
            "ORDER BY date, coalesce(time, ''), id LIMIT 1",
            [today.isoformat()],
        )
        return converters.interview_from_row(rows[0]) if rows else None

    def interviews_between(self, first: dt.date, last: dt.date) -> list[Interview]:
        """The interviews of these days, both included, not closed, soonest first."""
        rows = self._query(
            f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE date BETWEEN ? AND ? "
            "AND NOT closed ORDER BY date, coalesce(time, ''), id",
            [first.isoformat(), last.isoformat()],
        )
        return [converters.interview_from_row(row) for row in rows]

    def company_history(self, interview: Interview, today: dt.date) -> list[Visit]:
        """The interviews that have happened at `interview`'s company (any case and spacing),
        other than it, newest first: the latest few, each with the first things that went wrong
        there as the user wrote them."""
        from ..core.history import MOST_PROBLEMS, MOST_VISITS, Visit, same_company

        wanted = " ".join(interview.company.split()).casefold()
        rows = self._query(
            f"SELECT id, {INTERVIEW_COLUMNS} FROM interviews WHERE date <= ? AND uuid != ? "
            f"AND lower(trim(company)) = ? ORDER BY date DESC, coalesce(time, '') DESC, id DESC "
            "LIMIT ?",
            [today.isoformat(), interview.uuid, wanted.lower(), MOST_VISITS],
        )
        if not rows:  # a name SQLite's lower() does not fold (non-ASCII), or inner spaces:
            # the names alone are read to compare (on 10,000 interviews, reading every row
            # whole made the review take 0.2 s longer), then the few that match
            ids = [
                row_id
                for row_id, company in self._rows(
                    "SELECT id, company FROM interviews WHERE date <= ? AND uuid != ? "
                    "ORDER BY date DESC, coalesce(time, '') DESC, id DESC",
                    [today.isoformat(), interview.uuid],
                )
                if same_company(company, wanted)
            ][:MOST_VISITS]
            marks = ", ".join("?" * len(ids))
            rows = self._query(
                f"SELECT id, {INTERVIEW_COLUMNS} FROM interviews WHERE id IN ({marks}) "
                "ORDER BY date DESC, coalesce(time, '') DESC, id DESC",
                ids,
            )
        visits = []
        for row in rows[:MOST_VISITS]:
            past = converters.interview_from_row(row)
            problems = [
                problem
                for (problem,) in self._rows(
                    "SELECT problem FROM issues WHERE interview_id = ? ORDER BY id", [row["id"]]
                )
            ]
            visits.append(
                Visit(
                    uuid=past.uuid,
                    date=past.date,
                    stage=past.stage,
                    outcome=past.outcome,
                    role=past.role,
                    interviewers=list(past.interviewers),
                    problems=problems[:MOST_PROBLEMS],
                    more_problems=max(0, len(problems) - MOST_PROBLEMS),
                )
            )
        return visits

    def briefing_sources(
        self, today: dt.date
    ) -> tuple[dict[str, list[Answer]], dict[str, list[str]]]:
        """Per category, the user's latest non-empty answers and actions from the interviews
        that have happened (date <= today), the latest interview first: what the briefing draws
        on. Not all of them: enough of the latest that the briefing's choice of three distinct
        ones (`review.best_answers`, `review.open_actions`) is the one all of them give."""
        from ..core.review import Answer

        interviews = self._rows("SELECT count(*) FROM interviews")[0][0]
        counts = self._rows(
            "SELECT category, count(*) FROM issues WHERE category IS NOT NULL GROUP BY category"
        )
        answers: dict[str, list[Answer]] = {}
        actions: dict[str, list[str]] = {}
        for slug, count in counts:
            # A common category: walk the interviews newest first until enough are read; a
            # rare one: read its issues and sort them (walking would visit every interview).
            common = count * count > SOURCES_READ * interviews
            rows = self._sources(slug, today, "should_have", common=common)
            found = [
                Answer(
                    issue_uuid=issue_uuid,
                    interview_uuid=interview_uuid,
                    date=dt.date.fromisoformat(date),
                    company=company,
                    problem=problem,
                    should_have=text,
                )
                for issue_uuid, interview_uuid, date, company, problem, text in rows
                if text.strip()
            ]
            if found:
                answers[slug] = found
            rows = self._sources(slug, today, "action", common=common)
            if said := [text for *_, text in rows if text.strip()]:
                actions[slug] = said
        return answers, actions

    def _sources(self, slug: str, today: dt.date, column: str, *, common: bool) -> list[tuple]:
        """The latest issues of `slug` with a non-empty `column` (should_have or action), as
        (issue uuid, interview uuid, date, company, problem, text), the latest first: as many
        as it takes for three distinct texts, or one of each text when the first ones repeat."""
        from ..core.review import PER_CATEGORY, best_answers, open_actions

        assert column in ("should_have", "action")
        tables = (
            # Named: SQLite 3.53 (SQLCipher's) otherwise scans every interview, 100 times slower
            "interviews i INDEXED BY interviews_by_date CROSS JOIN issues c "
            "ON c.interview_id = i.id AND c.category = :slug"
            if common
            else "issues c INDEXED BY issues_by_category "
            "JOIN interviews i ON i.id = c.interview_id AND c.category = :slug"
        )
        order = "i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id DESC"
        where = f"i.date <= :today AND trim(c.{column}) != ''"
        if column == "action":
            where += " AND c.action_done IS NULL"  # a step ticked off is no longer open
        values = {"slug": slug, "today": today.isoformat(), "limit": SOURCES_READ}
        rows = self._rows(
            f"SELECT c.uuid, i.uuid, i.date, i.company, c.problem, c.{column} FROM {tables} "
            f"WHERE {where} ORDER BY {order} LIMIT :limit",
            values,
        )
        if len(rows) < SOURCES_READ:
            return rows  # all there are
        texts = [text for *_, text in rows if text.strip()]
        distinct = (
            len(open_actions(texts))
            if column == "action"
            else len(best_answers([_text_answer(text) for text in texts]))
        )
        if distinct == PER_CATEGORY:
            return rows
        # The same few texts again and again: the latest issue of each text, told apart
        # roughly here (SQLite's lower() knows only ASCII) and exactly by the briefing.
        return self._rows(
            f"""
            SELECT cu, iu, date, company, problem, text FROM (
                SELECT c.uuid AS cu, i.uuid AS iu, i.date AS date, i.company AS company,
                    c.problem AS problem, c.{column} AS text,
                    ROW_NUMBER() OVER (
                        PARTITION BY lower(trim(c.{column})) ORDER BY {order}
                    ) AS nth,
                    ROW_NUMBER() OVER (ORDER BY {order}) AS position
                FROM issues c INDEXED BY issues_by_category
                JOIN interviews i ON i.id = c.interview_id AND c.category = :slug
                WHERE {where}
            ) WHERE nth = 1 ORDER BY position
            """,
            values,
        )

    def drill_cards(self) -> list[DrillCard]:
        """Every issue with a "what I should have done", as a flashcard, newest interview first.

        A card never reviewed (or whose stored state cannot be read) comes back as new. The
        review screen reads a page at a time instead (`drill_queue`)."""
        rows = self._rows(
            f"""
            SELECT {CARD_COLUMNS}
            FROM issues c JOIN interviews i ON i.id = c.interview_id
            LEFT JOIN categories k ON k.slug = c.category
            WHERE trim(c.should_have) != ''
            ORDER BY i.date DESC, coalesce(i.time, '') DESC, i.id DESC, c.id
            """
        )
        return [drill_card(row) for row in rows]

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
