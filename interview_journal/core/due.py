"""What needs attention within the next day (`brief --due`): an interview today or tomorrow, a
follow-up due by tomorrow or late. Made for cron and a shell's start-up file, so it says
nothing at all when nothing is due. Pure functions: no I/O, no Textual."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .compose import kind_label
from .model import FollowUp, Interview


def due_lines(
    interviews: Sequence[Interview],
    follow_ups: Sequence[FollowUp],
    companies: Mapping[str, str],
    today: dt.date,
) -> list[str]:
    """One line each, interviews first: "Tomorrow at 14:00: onsite interview at Acme — Backend
    Engineer (interview-journal brief acme)", "Thank-you note for Globex: 2 days late". The
    follow-ups' companies come from `companies` (interview uuid → company). No line when
    nothing is due."""
    lines = []
    for interview in interviews:
        day = "Today" if interview.date == today else "Tomorrow"
        at = f" at {interview.time:%H:%M}" if interview.time else ""
        title = _one_line(interview.company) + (
            f" — {_one_line(interview.role)}" if interview.role.strip() else ""
        )
        stage = "" if interview.stage == "other" else f"{interview.stage} "
        lines.append(f"{day}{at}: {stage}interview at {title} (interview-journal brief)")
    for follow_up in follow_ups:
        if follow_up.due is None:
            continue
        company = _one_line(companies.get(follow_up.interview_uuid, ""))
        what = kind_label(follow_up.kind) + (f" for {company}" if company else "")
        late = (today - follow_up.due).days
        if late > 0:
            when = f"{late} day{'s' if late != 1 else ''} late"
        else:
            when = "due today" if late == 0 else "due tomorrow"
        lines.append(f"{what}: {when} (interview-journal draft, or f in the app)")
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())
