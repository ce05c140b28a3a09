"""Follow-ups: thank-you notes and the like, with their due dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..core.model import FollowUp, utc_now
from ..core.validate import prepare_follow_up
from . import converters
from .base import JournalBase
from .tables import CHILD_SELECT


class FollowUps(JournalBase):
    """Follow-ups, per interview or overdue."""

    def follow_ups(self, interview_uuid: str | None = None) -> list[FollowUp]:
        return self._children("follow_ups", interview_uuid)

    def add_follow_up(self, follow_up: FollowUp) -> FollowUp:
        now = utc_now()
        follow_up = replace(prepare_follow_up(follow_up), created=now, updated=now)
        row = converters.follow_up_to_row(follow_up)
        self._add_child("follow_ups", row, follow_up.interview_uuid)
        return follow_up

    def update_follow_up(
        self, follow_up: FollowUp, *, expected_updated: str | None = None
    ) -> FollowUp:
        """Write the follow-up over the stored one; with `expected_updated`, only if the stored
        one still has that stamp (see `update_interview`), else `Conflict` and nothing written."""
        with self._writing() as db:
            return self._write_over(
                db, "follow_ups", prepare_follow_up(follow_up), expected_updated
            )

    def delete_follow_up(self, uuid: str) -> None:
        self._delete_child("follow_ups", uuid)

    def overdue_follow_ups(self, today: dt.date) -> list[FollowUp]:
        """The follow-ups not done whose day has passed, of the interviews still open: one the
        user closed (moved on from) is never overdue, the journal does not nag about it."""
        rows = self._query(
            f"{CHILD_SELECT['follow_ups']} WHERE c.done IS NULL AND c.due < ? AND NOT i.closed "
            "ORDER BY c.due",
            [today.isoformat()],
        )
        return [converters.follow_up_from_row(row) for row in rows]

    def open_follow_ups(self) -> list[FollowUp]:
        """Every follow-up not done that has a day, of the interviews still open, soonest
        first (what a calendar export carries)."""
        return self.overdue_follow_ups(dt.date.max)
