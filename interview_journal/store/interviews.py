"""Interviews: one row each, read a page or an index at a time."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..core.model import Interview, InterviewSummary, utc_now
from ..core.outcomes import follow_ups_for_outcome
from ..core.validate import prepare_follow_up, prepare_interview
from . import converters
from .base import JournalBase
from .errors import Ambiguous, Conflict, DamagedRow, NotFound
from .tables import CHILD_SELECT, INTERVIEW_COLUMNS, NEWEST_FIRST, stamp_after

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from sqlite_utils import Database

    from ..core.trends import Sitting

_SEPARATOR = "\x1f"  # between the categories gathered in one column: never in a slug
_UUID_START = re.compile(r"[0-9a-f][0-9a-f-]*")


class Interviews(JournalBase):
    """Interviews, their list and the trends' view of them."""

    def add_interview(self, interview: Interview) -> Interview:
        now = utc_now()
        interview = replace(prepare_interview(interview), created=now, updated=now)
        with self._writing() as db:
            db.table("interviews").insert(converters.interview_to_row(interview))
        return interview

    def update_interview(
        self, interview: Interview, *, expected_updated: str | None = None
    ) -> Interview:
        """Write the interview over the stored one.

        With `expected_updated` (the `updated` stamp the caller loaded), the write is made only
        if the stored interview still has that stamp: otherwise it was changed or deleted
        elsewhere since, and `Conflict` is raised with the stored version (None if deleted),
        having written nothing. Without it, the last write wins (the command line, a script).

        A new outcome changes the follow-ups in the same write (core/outcomes): a rejection
        adds a reply and a feedback request and sets a pending second chance aside, an offer
        adds a thank-you for it."""
        with self._writing() as db:
            before = self._rows("SELECT outcome FROM interviews WHERE uuid = ?", [interview.uuid])
            stored = self._write_over(
                db, "interviews", prepare_interview(interview), expected_updated
            )
            if before and before[0][0] != stored.outcome:
                self._follow_the_outcome(db, stored, before[0][0])
            return stored

    def change_interview(
        self, interview: Interview, change: Callable[[Interview], Interview]
    ) -> tuple[Interview, bool]:
        """Write `change(interview)` over the interview as it was loaded; when another window
        changed it meanwhile, `change(theirs)` over theirs: what `change` sets is this window's,
        the rest theirs (a checklist ticked, a worksheet typed). Nothing is written when the
        change changes nothing. Returns the interview as stored, and whether it was written
        over another window's change; Conflict (theirs None) when it was deleted."""
        changed = change(interview)
        if changed == interview:
            return interview, False
        try:
            return self.update_interview(changed, expected_updated=interview.updated), False
        except Conflict as conflict:
            theirs = conflict.theirs
            if not isinstance(theirs, Interview):
                raise
            return self.update_interview(change(theirs), expected_updated=theirs.updated), True

    def _follow_the_outcome(self, db: Database, interview: Interview, before: str) -> None:
        """Inside the write: the follow-ups the interview's new outcome calls for."""
        rows = self._query(f"{CHILD_SELECT['follow_ups']} WHERE i.uuid = ?", [interview.uuid])
        follow_ups = [converters.follow_up_from_row(row) for row in rows]
        change = follow_ups_for_outcome(interview, before, follow_ups, self.clock.today())
        table = db.table("follow_ups")
        interview_id = self._id_of("interviews", interview.uuid)
        for follow_up in change.add:
            now = utc_now()
            row = converters.follow_up_to_row(
                replace(prepare_follow_up(follow_up), created=now, updated=now)
            )
            table.insert({**row, "interview_id": interview_id})
        for follow_up in change.delete:
            table.delete(self._id_of("follow_ups", follow_up.uuid))
        for follow_up in change.set_aside:
            table.update(
                self._id_of("follow_ups", follow_up.uuid),
                {"due": None, "updated": stamp_after(follow_up.updated)},
            )

    def set_closed(self, uuid: str, closed: bool) -> Interview:
        """Close or reopen; only the flag (and the stamp) is written, so whatever was changed
        elsewhere in the interview meanwhile is kept."""
        with self._writing():
            row_id, stored = self._current("interviews", uuid, None)
            self.conn.execute(
                "UPDATE interviews SET closed = ?, updated = ? WHERE id = ?",
                [int(closed), stamp_after(stored), row_id],
            )
        return self.interview(uuid)

    def delete_interview(self, uuid: str) -> None:
        with self._writing() as db:
            db.table("interviews").delete(self._id_of("interviews", uuid))

    def companies(self, uuids: Iterable[str]) -> dict[str, str]:
        """The company of each of these interviews, by uuid (what a line about a follow-up
        names), in one query."""
        return self._column_by_uuid("interviews", "company", uuids)

    def interview(self, uuid: str) -> Interview:
        rows = self._query(f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE uuid = ?", [uuid])
        if not rows:
            raise NotFound(f"No interview with id {uuid}.")
        return converters.interview_from_row(rows[0])

    def count_interviews(self) -> int:
        return self._query("SELECT count(*) AS n FROM interviews")[0]["n"]

    def interview_summaries(self, *, limit: int = -1, offset: int = 0) -> list[InterviewSummary]:
        """A page of the interview list, newest first, with what each one's step needs.

        The page is cut first and the counts are taken for its rows only, so a page of a
        10,000-interview journal costs about as much as a page of a small one.
        """
        rows = self._query(
            f"""
            WITH page AS (
                SELECT id, {INTERVIEW_COLUMNS} FROM interviews
                ORDER BY {NEWEST_FIRST} LIMIT ? OFFSET ?
            )
            SELECT page.*,
                (SELECT count(*) FROM issues WHERE interview_id = page.id) AS n_issues,
                (SELECT count(*) FROM issues WHERE interview_id = page.id
                    AND category IS NULL) AS n_uncategorized,
                (SELECT count(*) FROM issues WHERE interview_id = page.id
                    AND trim(should_have) = '') AS n_unsolved,
                EXISTS (
                    SELECT 1 FROM follow_ups WHERE interview_id = page.id
                    AND kind = 'thank-you' AND done IS NOT NULL
                ) AS thanked
            FROM page ORDER BY {NEWEST_FIRST}
            """,
            [limit, offset],
        )
        return [
            InterviewSummary(
                interview=converters.interview_from_row(row),
                issues=row["n_issues"],
                uncategorized=row["n_uncategorized"],
                unsolved=row["n_unsolved"],
                thanked=bool(row["thanked"]),
            )
            for row in rows
        ]

    def interview_index(self) -> list[tuple[str, dt.date, str, str]]:
        """(uuid, date, company, role) of every interview, newest first: enough to find one by
        name, at a fraction of the cost of the full list."""
        rows = self._query(
            f"SELECT uuid, date, company, role FROM interviews ORDER BY {NEWEST_FIRST}"
        )
        return [
            (row["uuid"], dt.date.fromisoformat(row["date"]), row["company"], row["role"])
            for row in rows
        ]

    def interview_position(self, uuid: str) -> int | None:
        """Where the interview stands in the list (0 is the newest), or None if it is gone."""
        rows = self._query(
            """
            SELECT count(*) AS before FROM interviews i, (
                SELECT date, coalesce(time, '') AS time, id FROM interviews WHERE uuid = ?
            ) t
            WHERE (i.date, coalesce(i.time, ''), i.id) > (t.date, t.time, t.id)
            """,
            [uuid],
        )
        exists = self._query("SELECT 1 FROM interviews WHERE uuid = ?", [uuid])
        return rows[0]["before"] if exists else None

    def sittings(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        feelings: bool = False,
    ) -> list[Sitting]:
        """Every interview in [since, until] as the trends see it, oldest first: one query,
        the issues' categories gathered per interview. Feelings only when asked for: reading
        them is a third of the cost on a large journal, and only their chart needs them."""
        from ..core.trends import Sitting  # not before it is needed: the first frame is faster

        rows = self._rows(
            f"""
            SELECT i.id, i.uuid, i.date, i.time, i.outcome, i.rating,
                {"i.feelings" if feelings else "'[]'"}, (
                SELECT group_concat(coalesce(category, ''), char({ord(_SEPARATOR)}))
                FROM issues WHERE interview_id = i.id
            ) AS categories
            FROM interviews i
            WHERE (:since IS NULL OR i.date >= :since) AND (:until IS NULL OR i.date <= :until)
            ORDER BY i.date, i.time, i.id
            """,
            {
                "since": since.isoformat() if since else None,
                "until": until.isoformat() if until else None,
            },
        )
        # Built by position, and each distinct date, time and set of categories parsed once:
        # a third of the cost of `stats` on a large journal was here.
        days: dict[str, dt.date] = {}
        times: dict[str, dt.time] = {}
        slugs: dict[str, tuple[str | None, ...]] = {}
        sittings: list[Sitting] = []
        for row_id, uuid, date, time, outcome, rating, felt_json, categories in rows:
            try:
                day = days.get(date) or days.setdefault(date, dt.date.fromisoformat(date))
                at = (
                    (times.get(time) or times.setdefault(time, dt.time.fromisoformat(time)))
                    if time
                    else None
                )
                found: tuple[str | None, ...] = ()
                if categories is not None:
                    found = slugs.get(categories) or slugs.setdefault(
                        categories, tuple(slug or None for slug in categories.split(_SEPARATOR))
                    )
                felt = tuple(json.loads(felt_json)) if felt_json != "[]" else ()
            except (ValueError, TypeError, AttributeError) as error:
                raise DamagedRow("interviews", uuid, error) from error
            sittings.append(Sitting(uuid, day, at, outcome, rating, felt, found, row_id))
        return sittings

    def find_interview(self, name: str | None, today: dt.date, *, ahead: bool = False) -> Interview:
        """The interview a user names on the command line (DESIGN §11): its uuid, a company
        name (any case, or its start when that names one company only; with several
        interviews there, the newest), or the first characters of its uuid when that names
        one interview only. No name: the newest interview.

        "Newest" is the latest interview that has happened (today's counts); only when none
        has is it the next one to come. With `ahead` (a briefing), the next one to come (from
        today) first, and the latest that has happened only when none is to come. NotFound, or
        Ambiguous (listing the candidates), in plain words otherwise."""
        if name is None or not name.strip():
            rows = self._query(f"SELECT id, {INTERVIEW_COLUMNS} FROM interviews")
            if not rows:
                raise NotFound(
                    "The journal has no interview yet: add one with "
                    "`interview-journal add COMPANY ROLE --date today`."
                )
            return _newest(rows, today, ahead=ahead)
        text = " ".join(name.split())
        rows = self._query(
            f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE uuid = ?", [text.lower()]
        )
        if rows:
            return converters.interview_from_row(rows[0])
        wanted = text.casefold()
        names = [
            (row_id, " ".join(company.split()))
            for row_id, company in self._rows("SELECT id, company FROM interviews")
        ]
        companies = [row_id for row_id, name in names if name.casefold() == wanted]
        if companies:
            marks = ", ".join("?" * len(companies))
            rows = self._query(
                f"SELECT id, {INTERVIEW_COLUMNS} FROM interviews WHERE id IN ({marks})", companies
            )
            return _newest(rows, today, ahead=ahead)
        start = text.lower()
        rows = []
        if _UUID_START.fullmatch(start):
            rows = self._query(
                f"SELECT id, {INTERVIEW_COLUMNS} FROM interviews "
                f"WHERE substr(uuid, 1, ?) = ? ORDER BY {NEWEST_FIRST} LIMIT 6",
                [len(start), start],
            )
        if len(rows) == 1:
            return converters.interview_from_row(rows[0])
        if not rows:  # the start of a company's name ("meridian"), if it names one only
            starting = {name for _, name in names if name.casefold().startswith(wanted)}
            if len(starting) > 1:
                listed = ", ".join(sorted(starting)[:5]) + (" ..." if len(starting) > 5 else "")
                raise Ambiguous(f"{text!r} starts the names of several companies: {listed}.")
            if starting:
                return self.find_interview(starting.pop(), today, ahead=ahead)
            raise NotFound(
                f"No interview is called {text!r}: give a company name, or an interview's id "
                "or its first characters (`interview-journal list --json` shows them)."
            )
        found = [converters.interview_from_row(row) for row in rows]
        listed = "; ".join(
            f"{each.uuid[:8]} {each.company} {each.date.isoformat()}" for each in found[:5]
        )
        more = " and more" if len(found) > 5 else ""
        raise Ambiguous(
            f"{text!r} starts the id of several interviews ({listed}{more}): "
            "give more of it, or the company's name."
        )


def _newest(rows: list[dict], today: dt.date, *, ahead: bool = False) -> Interview:
    """Of these interview rows, the latest that has happened, or else the soonest to come;
    `ahead`: the soonest to come from today on, or else the latest that has happened."""
    today_text = today.isoformat()
    past = [row for row in rows if row["date"] <= today_text]

    def when(row: dict) -> tuple[str, str, int]:
        return row["date"], row["time"] or "", row["id"]

    coming = [row for row in rows if row["date"] >= today_text]
    if ahead and coming:
        chosen = min(coming, key=when)
    else:
        chosen = max(past, key=when) if past else min(rows, key=when)
    return converters.interview_from_row(chosen)
