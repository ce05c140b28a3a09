"""A calendar file read for interviews (issue 14: calendar in). Each event that looks like an
interview ("Interview with Acme", "Acme phone screen", "Onsite at Acme (Data Analyst)") is found
with its company, role, stage, day and local time, place, video link and the people invited;
the others are skipped, each with its reason. Read with `icalendar` (time zones, all-day days);
the next time of a repeating interview with python-dateutil. No I/O, no Textual, no store.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from .model import STAGES, Interview

MAX_FILE_BYTES = 10 * 1024 * 1024
"""A calendar file larger than this is refused: a year of a busy calendar is well under 1 MB."""
INTERVIEW_WORDS = re.compile(
    r"\b(interview\w*|phone[ -]?screen\w*|screening|screen call|recruiter call|on-?site|"
    r"panel|technical round|coding round|final round|hiring manager)\b",
    re.IGNORECASE,
)
"""The words that make an event an interview (the rest of a calendar is not)."""
NOT_AN_INTERVIEW = re.compile(
    r"\b(prep\w*|practi[cs]e|mock|debrief|rehears\w*|review|reminder|deadline)\b", re.IGNORECASE
)
"""Words that make an event about an interview rather than one ("Interview prep with Sam")."""
_SHAPES = (
    # "Interview with Acme", "Phone screen with Acme", "Onsite at Acme", "Final round with Acme"
    re.compile(
        r"^(?P<kind>.*?\b(?:interview\w*|screen\w*|call|chat|round|on-?site|panel))\s+"
        r"(?:with|at|@|w/)\s+(?P<company>.+)$",
        re.IGNORECASE,
    ),
    # "Interview: Acme — Data Analyst" (also what `calendar export` writes), "Technical
    # interview - Acme", "Panel interview: Acme"
    re.compile(
        r"^(?P<kind>(?:[\w-]+\s+){0,2}?interview\w*)\s*[:–—-]\s*(?P<company>.+)$", re.IGNORECASE
    ),
    # "Acme - Data Analyst interview"
    re.compile(
        r"^(?P<company>.+?)\s+[–—-]\s+(?P<role>.+?)\s+(?P<kind>interview\w*)$", re.IGNORECASE
    ),
    # "Acme interview", "Acme phone screen", "Acme onsite"
    re.compile(
        r"^(?P<company>.+?)\s+(?P<kind>(?:(?:phone|video|technical|onsite|on-site|panel|final|"
        r"first|second|recruiter)\s+)?(?:interview\w*|screen\w*|on-?site|round))$",
        re.IGNORECASE,
    ),
)
_STAGE_WORDS = (
    ("informational", r"informational|coffee chat"),
    ("technical", r"technical|coding|tech\b|system design|pair(?:ing)?"),
    ("panel", r"panel"),
    ("final", r"final"),
    ("onsite", r"on-?site|in person|in-person"),
    ("phone", r"phone"),
    ("video", r"video|zoom|teams|google meet"),
    ("screen", r"screen\w*|recruiter"),
)
_VIDEO_LINK = re.compile(
    r"https?://[^\s<>\"')]*(?:zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com|"
    r"webex\.com|whereby\.com|meet\.jit\.si)[^\s<>\"')]*",
    re.IGNORECASE,
)
_OWN_UID = re.compile(r"^interview-([0-9a-f-]{36})@interview-journal$")
"""The UID `calendar export` gives an interview: importing it again finds that interview."""


class CalendarFileError(ValueError):
    """The file is not a calendar this can read: says why, in plain words."""


@dataclass(frozen=True, slots=True)
class Found:
    """An event that is an interview: what the journal takes from it."""

    uid: str
    summary: str
    company: str
    date: dt.date
    time: dt.time | None = None
    role: str = ""
    stage: str = "other"
    location: str = ""
    link: str = ""
    interviewers: list[str] = field(default_factory=list)
    repeats: bool = False
    """A repeating event: this is its next time."""

    @property
    def interview_uuid(self) -> str | None:
        """The journal's own interview, for an event `calendar export` wrote."""
        own = _OWN_UID.match(self.uid)
        return own.group(1) if own else None


@dataclass(frozen=True, slots=True)
class Skipped:
    summary: str
    date: dt.date | None
    reason: str
    uid: str = ""


@dataclass(slots=True)
class Reading:
    """What a calendar file holds for the journal."""

    found: list[Found] = field(default_factory=list)
    cancelled: list[Found] = field(default_factory=list)
    """Interviews the calendar says are cancelled: marked if imported before, else skipped."""
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(slots=True)
class CalendarPlan:
    """What importing a calendar does: each change with the interview before and after."""

    add: list[Interview] = field(default_factory=list)
    update: list[tuple[Interview, Interview]] = field(default_factory=list)
    cancel: list[tuple[Interview, Interview]] = field(default_factory=list)
    unchanged: list[Interview] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.add) + len(self.update) + len(self.cancel)


def report_lines(plan: CalendarPlan, today: dt.date, *, dry_run: bool = False) -> list[str]:
    """What an import did (or, `dry_run`, would do), grouped, each interview on a line:
    "Added 2:", "  Acme — Data Analyst, phone interview, Tue 8 Dec 10:00", ..."""
    from .checklists import stage_name

    def line(interview: Interview, also: str = "") -> str:
        title = interview.company + (f" — {interview.role}" if interview.role else "")
        when = f"{interview.date:%a} {interview.date.day} {interview.date:%b %Y}"
        if interview.time:
            when += f" {interview.time:%H:%M}"
        stage = "" if interview.stage == "other" else f", {stage_name(interview.stage)}"
        past = " (already past)" if interview.date < today else ""
        return f"  {title}{stage}, {when}{past}{also}"

    would = "Would add" if dry_run else "Added"
    lines: list[str] = []
    if plan.add:
        lines.append(f"{would} {len(plan.add)}:")
        lines += [line(interview) for interview in plan.add]
    if plan.update:
        lines.append(f"{'Would update' if dry_run else 'Updated'} {len(plan.update)}:")
        for before, after in plan.update:
            moved = ""
            if (before.date, before.time) != (after.date, after.time):
                was = f"{before.date:%a} {before.date.day} {before.date:%b}"
                was += f" {before.time:%H:%M}" if before.time else ""
                moved = f" (moved from {was})"
            lines.append(line(after, moved))
    if plan.cancel:
        lines.append(f"{'Would mark' if dry_run else 'Marked'} cancelled {len(plan.cancel)}:")
        lines += [line(after, ": kept, with a note") for _, after in plan.cancel]
    if plan.unchanged:
        lines.append(f"Already in the journal, unchanged: {len(plan.unchanged)}")
    if plan.skipped:
        lines.append(f"Skipped {len(plan.skipped)}:")
        for skipped in plan.skipped:
            day = f" ({skipped.date:%d %b %Y})".replace("(0", "(") if skipped.date else ""
            lines.append(f"  {skipped.summary}{day}: {skipped.reason}")
    if not lines:
        lines.append("No events in the file.")
    elif dry_run:
        lines.append("Nothing was changed (--dry-run).")
    return lines


def read_calendar(
    data: bytes,
    *,
    now: dt.datetime,
    zone: dt.tzinfo,
    all_events: bool = False,
    me: str = "",
) -> Reading:
    """The interviews of the calendar file `data`, at their local day and time in `zone`.

    `all_events` takes every event not cancelled (its summary as the company when no shape
    fits); `me` is the user's name, left out of the people met. Raises CalendarFileError when
    the file is not a calendar; an event that cannot be read is skipped, saying so."""
    calendar = _parse(data)
    cancel_all = str(calendar.get("METHOD", "")).upper() == "CANCEL"
    reading = Reading()
    for event in calendar.walk("VEVENT"):
        summary = " ".join(str(event.get("SUMMARY", "")).split())
        try:
            _read_event(event, summary, reading, now, zone, all_events, me, cancel_all)
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as error:
            reading.skipped.append(Skipped(summary, None, f"could not be read ({error})"))
    return reading


def _parse(data: bytes) -> Any:
    if not data.strip():
        raise CalendarFileError("the file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise CalendarFileError(
            f"the file is {len(data) // (1024 * 1024)} MB; a calendar file this large is not "
            "read (at most 10 MB)"
        )
    if not data.lstrip().upper().startswith(b"BEGIN:VCALENDAR"):
        raise CalendarFileError("not a calendar file: an .ics file starts with BEGIN:VCALENDAR")
    from icalendar import Calendar

    try:
        return Calendar.from_ical(data)
    except Exception:  # icalendar raises ValueError and others for broken files
        raise CalendarFileError(
            "a calendar file this cannot read: damaged, or cut short (export it again)"
        ) from None


def _read_event(
    event: Any,
    summary: str,
    reading: Reading,
    now: dt.datetime,
    zone: dt.tzinfo,
    all_events: bool,
    me: str,
    cancel_all: bool,
) -> None:
    title = summary or "(no title)"
    if "DTSTART" not in event:
        reading.skipped.append(Skipped(title, None, "no day"))
        return
    start = event.decoded("DTSTART")
    repeats = "RRULE" in event
    if repeats:
        start = _next_time(event, start, now)
        if start is None:
            reading.skipped.append(Skipped(title, None, "repeats, and every time is past"))
            return
    day, time = _local(start, zone)
    shape = parse_summary(summary)
    if shape is None:
        if not all_events:
            why = "repeats, and is not an interview" if repeats else "not an interview"
            reading.skipped.append(Skipped(title, day, why, str(event.get("UID", ""))))
            return
        shape = (summary or "(no title)", "", "")
    company, role, stage_words = shape
    location = " ".join(str(event.get("LOCATION", "")).split())
    link = _video_link(event, location)
    if link and location == link:
        location = ""
    found = Found(
        uid=str(event.get("UID", "")) or f"{summary}@{day.isoformat()}",
        summary=title,
        company=company,
        role=role,
        date=day,
        time=time,
        stage=stage_of(f"{stage_words} {summary}", link),
        location=location,
        link=link,
        interviewers=_people(event, me),
        repeats=repeats,
    )
    if cancel_all or str(event.get("STATUS", "")).upper() == "CANCELLED":
        reading.cancelled.append(found)
    else:
        reading.found.append(found)


def parse_summary(summary: str) -> tuple[str, str, str] | None:
    """(company, role, the words that name the kind of interview) from an event's title, or
    None when it does not read as an interview."""
    text = " ".join(summary.split())
    if not INTERVIEW_WORDS.search(text) or NOT_AN_INTERVIEW.search(text):
        return None
    for shape in _SHAPES:
        match = shape.match(text)
        if match is None:
            continue
        parts = match.groupdict()
        company, role, stage = _company_and_role(parts["company"])
        role = parts.get("role") or role
        stage_words = f"{parts.get('kind') or ''} {stage}".strip()
        company = company.strip(" -–—:,.")
        if company and not INTERVIEW_WORDS.fullmatch(company):
            return company, role.strip(), stage_words
    return None


def _company_and_role(text: str) -> tuple[str, str, str]:
    """ "Acme — Data Analyst", "Acme: Data Analyst", "Acme (Data Analyst)", "Acme for the
    Data Analyst role" → ("Acme", "Data Analyst", ""); a stage in brackets at the end, as
    `calendar export` writes it ("Acme — Analyst (technical)"), is the third."""
    text = text.strip()
    stage = ""
    bracket = re.match(r"^(?P<rest>.+?)\s*\((?P<inner>[^()]+)\)$", text)
    if bracket:
        text, inner = bracket.group("rest"), bracket.group("inner").strip()
        if inner.lower() not in STAGES:
            return text, inner, ""
        stage = inner.lower()
    for separator in (" — ", " – ", " - ", ": ", " | ", " for the ", " for "):
        if separator in text:
            company, role = text.split(separator, 1)
            role = re.sub(r"\s+(role|position)$", "", role.strip(), flags=re.IGNORECASE)
            return company, role, stage
    return text, "", stage


def stage_of(words: str, link: str = "") -> str:
    """The stage the words name; a call with a video link and no other word is on video."""
    for stage, pattern in _STAGE_WORDS:
        if re.search(rf"\b(?:{pattern})", words, re.IGNORECASE):
            return stage
    return "video" if link else "other"


def _local(start: dt.date | dt.datetime, zone: dt.tzinfo) -> tuple[dt.date, dt.time | None]:
    """The day and time in the user's zone; an all-day event has no time, a floating time is
    taken as the user's own."""
    if not isinstance(start, dt.datetime):
        return start, None
    if start.tzinfo is not None:
        start = start.astimezone(zone)
    return start.date(), dt.time(start.hour, start.minute)


def _next_time(
    event: Any, start: dt.date | dt.datetime, now: dt.datetime
) -> dt.date | dt.datetime | None:
    """The first time of a repeating event from now on (None when all are past)."""
    from dateutil.rrule import rrulestr

    rule = event["RRULE"]
    rules = rule if isinstance(rule, list) else [rule]
    text = rules[0].to_ical().decode()
    if isinstance(start, dt.datetime):
        after = now if start.tzinfo is not None else now.replace(tzinfo=None)
        return rrulestr(text, dtstart=start).after(after, inc=True)
    first = dt.datetime.combine(start, dt.time())
    found = rrulestr(text, dtstart=first).after(now.replace(tzinfo=None), inc=True)
    return found.date() if found is not None else None


def _video_link(event: Any, location: str) -> str:
    if re.match(r"^https?://\S+$", location):
        return location
    url = str(event.get("URL", "")).strip()
    if re.match(r"^https?://\S+$", url):
        return url
    for name in ("X-GOOGLE-CONFERENCE", "DESCRIPTION", "LOCATION"):
        found = _VIDEO_LINK.search(str(event.get(name, "")))
        if found:
            return found.group(0).rstrip(".,;")
    return ""


def _people(event: Any, me: str) -> list[str]:
    """The names of those invited: each attendee's CN (else the mail's local part), leaving
    out rooms, resources, non-participants and the user."""
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    mine = " ".join(me.split()).casefold()
    people: list[str] = []
    for attendee in attendees:
        params = getattr(attendee, "params", {})
        if str(params.get("ROLE", "")).upper() == "NON-PARTICIPANT":
            continue
        if str(params.get("CUTYPE", "")).upper() in ("ROOM", "RESOURCE"):
            continue
        name = " ".join(str(params.get("CN", "")).strip("\"' ").split())
        if not name:
            address = str(attendee).removeprefix("mailto:").removeprefix("MAILTO:")
            name = address.split("@", 1)[0]
        if name and name.casefold() != mine and name not in people:
            people.append(name)
    return people
