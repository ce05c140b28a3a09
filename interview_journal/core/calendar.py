"""The journal as a calendar file (issue 14: reminders without a daemon): the upcoming
interviews, each with an alarm the evening before to read the briefing, and every open
follow-up on its day, with an alarm that morning. The user's own calendar does the reminding.

UIDs are stable (the record's uuid), so importing or subscribing again updates rather than
duplicates. Built with `icalendar`; no I/O, no Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .compose import kind_label
from .model import FollowUp, Interview

PRODID = "-//Interview Journal//interview-journal//EN"
EVENING_BEFORE = dt.time(19, 0)
"""When the alarm for an interview goes off, the day before: time to read the briefing."""
MORNING = dt.time(9, 0)
"""When the alarm for a follow-up goes off, on its day."""
LENGTH = dt.timedelta(hours=1)
"""How long an interview with a time is shown to last (the journal does not know)."""


def calendar_file(
    interviews: Sequence[Interview],
    follow_ups: Sequence[FollowUp],
    companies: Mapping[str, str],
    *,
    now: dt.datetime,
    zone: dt.tzinfo,
) -> bytes:
    """The .ics text: an event for each interview, all day when it has no time (else from its
    time in `zone`, the user's local zone, for an hour), and an all-day event for each
    follow-up on its due day (`companies`: interview uuid → company, for its title)."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Interview Journal")
    stamp = now.astimezone(dt.UTC)
    for interview in interviews:
        event = Event()
        event.add("uid", f"interview-{interview.uuid}@interview-journal")
        event.add("dtstamp", stamp)
        event.add("summary", _interview_title(interview))
        if interview.time is None:
            start: dt.date | dt.datetime = interview.date
            event.add("dtstart", interview.date)
            event.add("dtend", interview.date + dt.timedelta(days=1))
        else:
            start = dt.datetime.combine(interview.date, interview.time, tzinfo=zone)
            event.add("dtstart", start.astimezone(dt.UTC))
            event.add("dtend", (start + LENGTH).astimezone(dt.UTC))
        people = ", ".join(" ".join(n.split()) for n in interview.interviewers if n.strip())
        event.add(
            "description",
            (f"With {people}.\n" if people else "")
            + "The evening before: interview-journal brief, or r in the app.",
        )
        event.add_component(_alarm(Alarm, _evening_before(interview, zone), "Read your briefing"))
        calendar.add_component(event)
    for follow_up in follow_ups:
        if follow_up.due is None:
            continue
        event = Event()
        company = " ".join(companies.get(follow_up.interview_uuid, "").split())
        title = kind_label(follow_up.kind) + (f" for {company}" if company else "")
        event.add("uid", f"follow-up-{follow_up.uuid}@interview-journal")
        event.add("dtstamp", stamp)
        event.add("summary", title)
        event.add("dtstart", follow_up.due)
        event.add("dtend", follow_up.due + dt.timedelta(days=1))
        event.add("description", "Draft it with interview-journal draft, or f in the app.")
        alarm = dt.timedelta(hours=MORNING.hour, minutes=MORNING.minute)
        event.add_component(_alarm(Alarm, alarm, title))
        calendar.add_component(event)
    return calendar.to_ical()


def _interview_title(interview: Interview) -> str:
    stage = "" if interview.stage == "other" else f" ({interview.stage})"
    role = " ".join(interview.role.split())
    company = " ".join(interview.company.split())
    return f"Interview: {company}" + (f" — {role}" if role else "") + stage


def _evening_before(interview: Interview, zone: dt.tzinfo) -> dt.timedelta:
    """The alarm's offset from the event's start: the evening before, at EVENING_BEFORE."""
    evening = dt.datetime.combine(interview.date - dt.timedelta(days=1), EVENING_BEFORE)
    start = dt.datetime.combine(interview.date, interview.time or dt.time(0, 0))
    return evening - start


def _alarm(alarm_class: type, trigger: dt.timedelta, text: str) -> object:
    alarm = alarm_class()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", trigger)
    alarm.add("description", text)
    return alarm
