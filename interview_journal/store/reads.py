"""Reads for the app's thread workers: each on a read-only connection of its own.

SQLite connections are not shared across threads, and a read that takes a second must not hold
the app's own connection (the one autosave writes through). A worker opens the journal read-only
here, reads, and closes it; in WAL mode it sees every commit made before it began, and never
blocks a writer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..core import review
from ..core.clock import Clock
from ..core.model import Category, SearchHit
from . import Journal
from .briefing import load_briefing
from .drill import PAGE
from .journal import open_reader

__all__ = [
    "Described",
    "ReviewData",
    "described_hits",
    "drill_page",
    "load_review",
    "palette_index",
    "reader",
    "search_journal",
]


@contextmanager
def reader(path: str | os.PathLike[str], clock: Clock | None = None) -> Iterator[Journal]:
    """The journal at `path`, opened read-only for one worker, with the app's clock."""
    journal = open_reader(path)  # never open_journal: see open_reader
    if clock is not None:
        journal.clock = clock
    try:
        yield journal
    finally:
        journal.close()


@dataclass(frozen=True)
class ReviewData:
    """All the review screen shows, read once: the briefing, the first page of the cards due
    at `now` in drill order, how many are due in all, and when the first of the others falls
    due (for "nothing is due" and the drill's summary). The next pages are read with
    `drill_page`, at the same `now`."""

    briefing: review.Briefing
    due: list[review.DrillCard]
    due_count: int
    next_due: dt.datetime | None
    now: dt.datetime


def load_review(
    journal: Journal, *, page: int = PAGE, interview_uuid: str | None = None
) -> ReviewData:
    """The briefing (for interview `interview_uuid`, or the next one) and the first `page`
    cards of the drill, ordered and counted in SQL."""
    today, now = journal.clock.today(), journal.clock.now()
    briefing = load_briefing(journal, today, interview_uuid)
    due, count, next_due = journal.drill_queue(now, limit=page)
    return ReviewData(briefing, due, count, next_due, now)


def drill_page(
    journal: Journal, now: dt.datetime, shown: Collection[str], *, page: int = PAGE
) -> list[review.DrillCard]:
    """The next `page` cards due at `now` (the moment the drill was read), after those
    `shown` (graded since, or still on the screen)."""
    cards, _count, _next_due = journal.drill_queue(now, limit=page, shown=shown)
    return cards


@dataclass(frozen=True)
class Described:
    """A search hit with the date and title of its interview, read in the same query."""

    hit: SearchHit
    label: str


def described_hits(journal: Journal, text: str) -> list[Described]:
    """Full-text hits for `text`, each named by its interview: one query for the hits and one
    for all their interviews, not one per hit."""
    hits = journal.search(text)
    uuids = sorted({hit.interview_uuid for hit in hits})
    names: dict[str, str] = {}
    for start in range(0, len(uuids), 500):  # SQLite's limit on host parameters
        chunk = uuids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = journal.conn.execute(
            f"SELECT uuid, date, company, role FROM interviews WHERE uuid IN ({marks})", chunk
        ).fetchall()
        for uuid, date, company, role in rows:
            names[uuid] = f"{date}  {company}" + (f" — {role}" if role else "")
    return [
        Described(hit, f"{names.get(hit.interview_uuid, '(cannot be read)')} — {hit.field}")
        for hit in hits
    ]


def search_journal(path: str | os.PathLike[str], clock: Clock, text: str) -> list[Described]:
    """`described_hits` on a connection of its own: for a search run in a thread."""
    with reader(path, clock) as journal:
        return described_hits(journal, text)


def palette_index(
    path: str | os.PathLike[str],
) -> tuple[list[tuple[str, dt.date, str, str]], list[Category]]:
    """What the command palette searches, read in a thread: every interview's name, and the
    categories."""
    with reader(path) as journal:
        return journal.interview_index(), journal.categories()
