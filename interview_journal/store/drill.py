"""The drill read a page at a time: ordered, counted and cut in SQL.

A journal of 10,000 interviews holds some 50,000 cards; the review screen shows them one at a
time. Reading them all to order them in Python took a third of a second. Here SQL orders them
as `core.review.order_for_drill` does, keeps the cards due now (a new card always is), and
hands back one page of them, with how many are due and when the first of the others falls due.

A card's due time is the "due" of its fsrs JSON. fsrs 6 and `make_due` write it as
`datetime.isoformat()` of a UTC time ("2026-11-27T12:00:00+00:00", with ".ffffff" before the
offset when there are microseconds): those strings sort as the times do, and are compared as they
are. Any other spelling (another offset, "Z", an imported card) and a card SQLite cannot parse
are handed to Python (`core.review.card_due`), which gives the same UTC string or none (a card
that cannot be read is drilled as new). So the order is the one `order_for_drill` gives.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from .base import JournalBase

if TYPE_CHECKING:
    from ..core.review import DrillCard

PAGE = 100
"""Cards read at a time for the drill."""

_STAMP = "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]"
# A due already in the form Python would give for it: UTC, microseconds only when not zero, and
# a real date and time (February 29th and anything odd go to Python, which knows the calendar).
_CANONICAL = f"""
    (due GLOB '{_STAMP}+00:00'
        OR (due GLOB '{_STAMP}.[0-9][0-9][0-9][0-9][0-9][0-9]+00:00'
            AND substr(due, 21, 6) != '000000'))
    AND substr(due, 1, 4) != '0000' AND substr(due, 6, 2) BETWEEN '01' AND '12'
    AND substr(due, 12, 2) <= '23' AND substr(due, 15, 2) <= '59' AND substr(due, 18, 2) <= '59'
    AND (substr(due, 9, 2) BETWEEN '01' AND '28'
        OR (substr(due, 9, 2) <= '30' AND substr(due, 6, 2) != '02')
        OR (substr(due, 9, 2) = '31'
            AND substr(due, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12')))
"""
# The cards in the drill's order within a group: newest interview first, in the order written.
_ORDER = "date DESC, coalesce(time, '') DESC, iid DESC, cid"

_QUEUE = f"""
WITH read AS MATERIALIZED (
    SELECT c.id AS cid, i.date, i.time, i.id AS iid,
        CASE WHEN json_valid(c.card) THEN json_extract(c.card, '$.due')
            ELSE ij_card_due(c.card) END AS due
    FROM issues c JOIN interviews i ON i.id = c.interview_id
    WHERE c.card IS NOT NULL AND trim(c.should_have) != ''
),
keyed AS MATERIALIZED (
    SELECT cid, date, time, iid,
        CASE WHEN due IS NULL THEN NULL WHEN {_CANONICAL} THEN due ELSE ij_due(due) END AS due
    FROM read
),
shown AS (SELECT id FROM issues WHERE uuid IN (SELECT value FROM json_each(:shown)))
SELECT 'due', * FROM (
    SELECT cid, date, time, iid FROM keyed
    WHERE due <= :now AND cid NOT IN shown ORDER BY due, {_ORDER} LIMIT :limit
)
UNION ALL
SELECT 'new', * FROM (
    SELECT cid, date, time, iid FROM keyed
    WHERE due IS NULL AND cid NOT IN shown ORDER BY {_ORDER} LIMIT :limit
)
UNION ALL
SELECT 'new', * FROM (
    SELECT c.id AS cid, i.date, i.time, i.id AS iid
    FROM interviews i INDEXED BY interviews_by_date CROSS JOIN issues c ON c.interview_id = i.id
    WHERE c.card IS NULL AND trim(c.should_have) != '' AND c.id NOT IN shown
    ORDER BY {_ORDER} LIMIT :limit
)
UNION ALL
SELECT 'summary',
    (SELECT count(*) FROM keyed WHERE due IS NULL OR due <= :now),
    (SELECT min(due) FROM keyed WHERE due > :now),
    (SELECT count(*) FROM issues c JOIN interviews i ON i.id = c.interview_id
        WHERE c.card IS NULL AND trim(c.should_have) != ''),
    NULL
"""
# The walk over the new cards follows the index on the interviews' dates, newest first, and
# stops after a page: CROSS JOIN keeps SQLite from starting at the issues instead, and the
# index is named because SQLite 3.53 (SQLCipher's build) would rather scan every interview.

CARD_COLUMNS = """
    c.uuid, i.uuid, i.company, i.date, c.category,
    coalesce(k.name, c.category, 'Uncategorised'), c.problem, c.should_have, c.card,
    (SELECT q.text FROM questions q WHERE q.id = c.question_id), i.stage
"""
"""What `drill_card` reads, from issues c, interviews i and categories k (and the text of the
question the issue is linked to)."""


def _utc_text(moment: dt.datetime) -> str:
    return (
        (moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment)
        .astimezone(dt.UTC)
        .isoformat()
    )


def _card_due(card: object) -> str | None:
    """A card SQLite could not parse: its due as Python reads it, or None (drilled as new)."""
    from ..core.review import card_due

    try:
        return card_due(card).isoformat()  # type: ignore[arg-type] # what the column holds
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def _due(value: object) -> str | None:
    """A due SQLite read but that is not written as Python writes a UTC time: normalised as
    `core.review.card_due` does, or None if it is not a time."""
    try:
        return _utc_text(dt.datetime.fromisoformat(value))  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return None


def drill_card(row: Sequence) -> DrillCard:
    """A row of CARD_COLUMNS as a flashcard; a stored state that cannot be read is a new card."""
    from ..core.review import DrillCard, card_due

    issue_uuid, interview_uuid, company, date, slug, name, problem, answer, card, asked, stage = row
    due = None
    if card is not None:
        try:
            due = card_due(card)
        except (ValueError, KeyError, TypeError, AttributeError):
            card = None
    return DrillCard(
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
        question=asked,
        stage=stage or "",
    )


class Drill(JournalBase):
    """The cards due now, in the drill's order, a page at a time."""

    def drill_queue(
        self, now: dt.datetime, *, limit: int = PAGE, shown: Collection[str] = ()
    ) -> tuple[list[DrillCard], int, dt.datetime | None]:
        """The first `limit` cards due at `now` in the drill's order (`order_for_drill`: the
        due ones most overdue first, then the new ones, newest interview first), leaving out
        the issues in `shown`; how many are due at `now` in all (those in `shown` included,
        while they are still due); and when the first card not due at `now` falls due."""
        self.conn.create_function("ij_card_due", 1, _card_due, deterministic=True)
        self.conn.create_function("ij_due", 1, _due, deterministic=True)
        rows = self._rows(
            _QUEUE,
            {"now": _utc_text(now), "limit": max(limit, 0), "shown": json.dumps(list(shown))},
        )
        due: list[int] = []
        new: list[tuple[str, str | None, int, int]] = []
        count, next_due = 0, None
        for kind, cid, date, time, iid in rows:
            if kind == "due":
                due.append(cid)
            elif kind == "new":
                new.append((date, time, iid, cid))
            else:  # the summary: reviewed cards due (or unreadable), the next due, new cards
                reviewed_due, first_later, never_reviewed = cid, date, time
                count = reviewed_due + never_reviewed
                next_due = dt.datetime.fromisoformat(first_later) if first_later else None
        # The new cards of both kinds, merged: newest interview first, then in written order.
        new.sort(key=lambda entry: entry[3])
        new.sort(key=lambda entry: (entry[0], entry[1] or "", entry[2]), reverse=True)
        chosen = (due + [entry[3] for entry in new])[: max(limit, 0)]
        return self.drill_cards_by_id(chosen), count, next_due

    def drill_cards_by_id(self, ids: Sequence[int]) -> list[DrillCard]:
        """The cards of the issues with these row ids, in the order given."""
        if not ids:
            return []
        rows = self._rows(
            f"SELECT {CARD_COLUMNS} FROM json_each(?) AS wanted "
            "CROSS JOIN issues c ON c.id = wanted.value "
            "JOIN interviews i ON i.id = c.interview_id "
            "LEFT JOIN categories k ON k.slug = c.category ORDER BY wanted.key",
            [json.dumps(list(ids))],
        )
        return [drill_card(row) for row in rows]
