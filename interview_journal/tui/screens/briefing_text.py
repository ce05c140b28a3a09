"""The briefing as the review screen shows it: the interview (when, where), what you know of
its company, your lessons, the questions to rehearse; its stage's checklist follows as a widget
of its own (widgets/stage_checklist.py), to be ticked."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import App

from ...core import review
from ...core.checklists import stage_name
from ...core.history import people_met
from ...core.model import Interview
from ..text import hanging
from ..theme import LABEL_COLOURS, theme_style


def briefing_text(briefing: review.Briefing, today: dt.date, app: App[Any]) -> Group:
    """The briefing as the user reads it: their own words as typed, a long answer wrapped under
    its own start (a hanging indent), colours from the app's theme."""
    parts: list[RenderableType] = []
    text = Text()
    upcoming = briefing.upcoming
    if upcoming is not None:
        days = briefing.days_until or 0
        text.append(("Next: " if briefing.soonest else "Coming up: ") if days > 0 else "", "bold")
        text.append(upcoming.company, style="bold")
        if upcoming.role:
            text.append(f" — {upcoming.role}")
        text.append(f"\n{_when(upcoming, briefing.days_until or 0)}")
        if upcoming.stage != "other":
            text.append(f" · {stage_name(upcoming.stage)}")
        people = ", ".join(" ".join(n.split()) for n in upcoming.interviewers if n.strip())
        for label, value in (
            ("With", people),
            ("Where", upcoming.location),
            ("Link", upcoming.link),
        ):
            if value.strip():
                text.append(f"\n{label}: ", style="dim")
                text.append(value.strip())
    else:
        text.append("No interview ahead in the journal: a general briefing.\n", style="bold")
    parts.append(text)
    if upcoming is not None:
        parts += _history(briefing, upcoming, app)
    if briefing.focus:
        parts.append(Text("\nWatch for", style="bold underline"))
    flag = theme_style(app, "text-error", bold=True)
    for item in briefing.focus:
        heading = Text(f"\n{item.name}", style="bold")
        if item.label:
            variable = LABEL_COLOURS.get(item.label)
            style = theme_style(app, variable) if variable else Style(dim=True)
            heading.append(f"  {item.label}", style=style)
        if item.indefensible:
            heading.append("  avoidable: never again", style=flag)
        parts.append(heading)
        for answer in item.answers:
            line = Text(" ".join(answer.should_have.split()))
            line.append(f"  ({answer.company}, {answer.date:%b %Y})", style="dim")
            parts.append(hanging("  → ", theme_style(app, "text-success"), line))
        for action in item.actions:
            parts.append(
                hanging("  ☐ ", theme_style(app, "text-accent"), Text(" ".join(action.split())))
            )
    if briefing.questions:
        parts.append(Text("\nQuestions to rehearse", style="bold underline"))
        for question in briefing.questions:
            line = Text(question.text)
            if not question.answered:
                line.append("  no answer yet", style=theme_style(app, "text-warning"))
            line.append("\n" + "; ".join(question.reasons), style="dim")
            parts.append(hanging("  ? ", theme_style(app, "text-accent"), line))
        if briefing.more_questions:
            parts.append(Text(f"  and {briefing.more_questions} more (p to practise)", style="dim"))
    if upcoming is not None and briefing.stage_checklist:
        # Its stage's checklist follows, tickable (StageChecklist, below this text).
        heading = Text(f"\nReady for the {stage_name(upcoming.stage)}", style="bold underline")
        heading.append("  c, then space to tick", style="dim")
        parts.append(heading)
        return Group(*parts)
    parts.append(Text("\nOn the day", style="bold underline"))
    for entry in briefing.checklist:
        line = Text(entry.text)
        if entry.indefensible:
            line.append("  (avoidable)", style=flag)
        parts.append(hanging("  ☐ ", Style(), line))
    return Group(*parts)


def _when(interview: Interview, days: int) -> str:
    when = interview.date.strftime("%a %d %b")
    if interview.time:
        when += interview.time.strftime(" %H:%M")
    if days == 0:
        return f"{when}, today"
    if days == 1:
        return f"{when}, tomorrow"
    return f"{when}, in {days} days" if days > 0 else f"{when}, {-days} days ago"


def _history(briefing: review.Briefing, upcoming: Interview, app: App[Any]) -> list[RenderableType]:
    """What the journal knows of the company: the interviews there before, newest first."""
    company = " ".join(upcoming.company.split())
    if not briefing.history:
        return [Text(f"\nYour first interview at {company} in the journal.", style="dim")]
    parts: list[RenderableType] = [Text(f"\nWhat you know of {company}", style="bold underline")]
    for visit in briefing.history:
        line = Text(f"{visit.date:%d %b %Y}".lstrip("0") + f" · {stage_name(visit.stage)}")
        if visit.outcome != "pending":
            line.append(f" · {visit.outcome}", style="dim")
        parts.append(hanging("  ", Style(), line))
        for problem in visit.problems:
            wrong = Text(" ".join(problem.split()))
            parts.append(hanging("    ✗ ", theme_style(app, "text-error"), wrong))
        if visit.more_problems:
            parts.append(Text(f"    and {visit.more_problems} more", style="dim"))
    if met := people_met(briefing.history):
        parts.append(hanging("  You met: ", Style(dim=True), Text(", ".join(met))))
    return parts
