"""A calendar's interviews into the journal (issue 14): planned first (what would be added,
updated, marked cancelled or left as it is), then written in one transaction. An event is
known by its UID, kept on the interview it made (`calendar_uid`), so importing the same file
again changes nothing and a moved event moves its interview."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from ..core.model import Interview, thank_you_for, utc_now
from ..core.validate import InvalidValue, prepare_follow_up, prepare_interview
from . import converters
from .base import JournalBase
from .tables import INTERVIEW_COLUMNS

if TYPE_CHECKING:  # imported when a calendar is read, not with every journal opened
    from ..core.calendar_in import CalendarPlan, Found, Reading

CANCELLED_NOTE = "Cancelled in the calendar (seen {day})."


class CalendarImport(JournalBase):
    """Interviews from a calendar file."""

    def _by_event(self, uids: list[str]) -> dict[str, Interview]:
        """The interviews that events made before (by `calendar_uid`), or that `calendar
        export` wrote (by uuid), keyed by event UID."""
        found: dict[str, Interview] = {}
        for uid in uids:
            rows = self._query(
                f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE calendar_uid = ? "
                "ORDER BY id LIMIT 1",
                [uid],
            )
            if rows:
                found[uid] = converters.interview_from_row(rows[0])
        return found

    def plan_calendar(self, reading: Reading, today: dt.date) -> CalendarPlan:
        """What importing `reading` would change; nothing is written."""
        from ..core.calendar_in import CalendarPlan, Skipped

        events = reading.found + reading.cancelled
        known = self._by_event([event.uid for event in events])
        for event in events:
            own = event.interview_uuid
            if event.uid not in known and own is not None:
                rows = self._query(
                    f"SELECT {INTERVIEW_COLUMNS} FROM interviews WHERE uuid = ?", [own]
                )
                if rows:
                    known[event.uid] = converters.interview_from_row(rows[0])
        plan = CalendarPlan(skipped=list(reading.skipped))
        seen: set[str] = set()
        for event in reading.found:
            if event.uid in seen:
                plan.skipped.append(Skipped(event.summary, event.date, "given twice", event.uid))
                continue
            seen.add(event.uid)
            before = known.get(event.uid)
            try:
                after = prepare_interview(_new(event) if before is None else _moved(before, event))
            except InvalidValue as invalid:
                plan.skipped.append(Skipped(event.summary, event.date, str(invalid), event.uid))
                continue
            if before is None:
                plan.add.append(after)
            elif after == before:
                plan.unchanged.append(before)
            else:
                plan.update.append((before, after))
        for event in reading.cancelled:
            before = known.get(event.uid)
            if before is None:
                plan.skipped.append(Skipped(event.summary, event.date, "cancelled", event.uid))
                continue
            note = CANCELLED_NOTE.format(day=f"{today:%d %b %Y}".lstrip("0"))
            if "Cancelled in the calendar" in before.notes:
                plan.unchanged.append(before)
                continue
            notes = f"{before.notes.rstrip()}\n\n{note}" if before.notes.strip() else note
            # Closed (moved on): no briefing, reminder or export for it; the note says why.
            cancelled = replace(before, notes=notes, closed=True)
            plan.cancel.append((before, prepare_interview(cancelled)))
        return plan

    def apply_calendar(self, plan: CalendarPlan) -> CalendarPlan:
        """Write the plan in one transaction: all of it, or (one write refused) nothing.
        Each interview added gets its thank-you, as every interview captured does; each
        changed one is written only over the version the plan was made from."""
        now = utc_now()
        with self._writing() as db:
            added = []
            for interview in plan.add:
                interview = replace(interview, created=now, updated=now)
                row_id = (
                    db.table("interviews").insert(converters.interview_to_row(interview)).last_rowid
                )
                thanks = replace(prepare_follow_up(thank_you_for(interview)), created=now)
                thanks = replace(thanks, updated=now)
                db.table("follow_ups").insert(
                    {**converters.follow_up_to_row(thanks), "interview_id": row_id}
                )
                added.append(interview)
            updated = [
                (before, self._write_over(db, "interviews", after, before.updated))
                for before, after in plan.update
            ]
            cancelled = [
                (before, self._write_over(db, "interviews", after, before.updated))
                for before, after in plan.cancel
            ]
        return dataclasses.replace(plan, add=added, update=updated, cancel=cancelled)


def _new(event: Found) -> Interview:
    return Interview(
        company=event.company,
        role=event.role,
        date=event.date,
        time=event.time,
        stage=event.stage,
        interviewers=list(event.interviewers),
        location=event.location,
        link=event.link,
        calendar_uid=event.uid,
    )


def _moved(before: Interview, event: Found) -> Interview:
    """The interview as the calendar now has it: its day and time (a moved event), and where
    and with whom when the calendar says so; what the user wrote (company, role, stage,
    notes) is theirs."""
    return replace(
        before,
        date=event.date,
        time=event.time,
        location=event.location or before.location,
        link=event.link or before.link,
        interviewers=before.interviewers or list(event.interviewers),
        # An event of `calendar export` (the journal's own) leaves the UID of the invitation
        # it came from: else that invitation, imported again, would be a new interview.
        calendar_uid=before.calendar_uid if event.interview_uuid else event.uid,
    )
