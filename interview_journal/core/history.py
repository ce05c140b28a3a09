"""What the journal knows of a company from the interviews there before (issue 14): for the
briefing of the next one — when, which stage, how it ended, what went wrong, who you met."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MOST_VISITS = 5
"""The latest interviews at the company the briefing recalls."""
MOST_PROBLEMS = 3
"""What went wrong, per interview recalled."""


@dataclass(frozen=True, slots=True)
class Visit:
    """An earlier interview at the company."""

    uuid: str
    date: dt.date
    stage: str
    outcome: str
    role: str = ""
    interviewers: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """What went wrong there, as the user wrote it (at most MOST_PROBLEMS)."""
    more_problems: int = 0


def same_company(a: str, b: str) -> bool:
    """Whether two company names are the same company: case and spacing aside."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def people_met(visits: list[Visit]) -> list[str]:
    """Everyone met at the company, each once, most recent first."""
    seen: dict[str, str] = {}
    for visit in visits:
        for name in visit.interviewers:
            seen.setdefault(" ".join(name.split()).casefold(), " ".join(name.split()))
    return list(seen.values())


def visit_json(visit: Visit) -> dict:
    return {
        "uuid": visit.uuid,
        "date": visit.date.isoformat(),
        "stage": visit.stage,
        "role": visit.role,
        "outcome": visit.outcome,
        "interviewers": list(visit.interviewers),
        "problems": list(visit.problems),
        "more_problems": visit.more_problems,
    }
