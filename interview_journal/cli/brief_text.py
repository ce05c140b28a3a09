"""`interview-journal brief` as text: the briefing for one interview, read in a terminal."""

from __future__ import annotations

from ..core import review
from ..core.checklists import stage_name
from ..core.history import people_met


def briefing_lines(briefing: review.Briefing) -> list[str]:
    """The briefing's lines: the interview (when, where), what you know of the company, your
    lessons, the questions to rehearse, the checklist for its stage and for the day."""
    lines: list[str] = []
    upcoming = briefing.upcoming
    if upcoming is None:
        lines.append("No upcoming interview in the journal: here is your general briefing.")
    else:
        lines += _headline(briefing)
        lines += _history(briefing)
    lines.append("")
    if not briefing.focus:
        lines.append(
            "Nothing to go over yet: once your past interviews have issues with a category, "
            "your own lessons show up here."
        )
    else:
        lines.append("Keep in mind (your own lessons, the ones that keep coming back first):")
        for item in briefing.focus:
            facts = [item.label or "no trend yet"]
            if item.interviews:
                facts.append(f"{item.interviews} interview{'s' if item.interviews != 1 else ''}")
            if item.last_seen:
                facts.append(f"last {item.last_seen.isoformat()}")
            mark = " (avoidable: never again)" if item.indefensible else ""
            lines.append(f"  {item.name} — {', '.join(facts)}{mark}")
            for answer in item.answers:
                lines.append(
                    f"    → {' '.join(answer.should_have.split())}"
                    f"  ({answer.company}, {answer.date.isoformat()})"
                )
            if not item.answers:
                lines.append("    (no answer written yet: what should you have done?)")
            for action in item.actions:
                lines.append(f"    to do: {action}")
    if briefing.questions:
        lines.append("")
        lines.append("Questions to rehearse (aloud, against the clock: p in the app):")
        for question in briefing.questions:
            unanswered = "" if question.answered else " (no answer written yet)"
            lines.append(f"  ? {question.text}{unanswered}")
            lines.append(f"      {'; '.join(question.reasons)}")
        if briefing.more_questions:
            lines.append(f"  and {briefing.more_questions} more: interview-journal questions --due")
    if briefing.stage_checklist and upcoming is not None:
        lines.append("")
        lines.append(f"Ready for the {stage_name(upcoming.stage)} (tick them in the app: r):")
        for ready in briefing.stage_checklist:
            mark = " (avoidable)" if ready.avoidable else ""
            lines.append(f"  [{'x' if ready.done else ' '}] {ready.text}{mark}")
        return lines
    lines.append("")
    lines.append("On the day:")  # for an interview not yet in the journal
    for check in briefing.checklist:
        mark = " (avoidable)" if check.indefensible else ""
        lines.append(f"  [ ] {check.text}{mark}")
    return lines


def _headline(briefing: review.Briefing) -> list[str]:
    upcoming = briefing.upcoming
    assert upcoming is not None
    days = briefing.days_until or 0
    when = upcoming.date.strftime("%a %d %b %Y").replace(" 0", " ")
    if upcoming.time:
        when += f" at {upcoming.time.strftime('%H:%M')}"
    title = upcoming.company + (f" — {upcoming.role}" if upcoming.role else "")
    if days > 0:
        which = "Your next interview" if briefing.soonest else "Coming up"
        said = f"{which}: {title}, {when} (in {days} day{'s' if days != 1 else ''})."
    elif days == 0:
        said = f"Your interview today: {title}, {when}."
    else:
        said = f"Your interview at {title}, {when} ({-days} day{'s' if days != -1 else ''} ago)."
    lines = [said]
    if upcoming.stage != "other":
        lines.append(f"  A {stage_name(upcoming.stage)}.")
    if people := [" ".join(name.split()) for name in upcoming.interviewers if name.strip()]:
        lines.append(f"  With: {', '.join(people)}")
    if upcoming.location.strip():
        lines.append(f"  Where: {upcoming.location.strip()}")
    if upcoming.link.strip():
        lines.append(f"  Link: {upcoming.link.strip()}")
    return lines


def _history(briefing: review.Briefing) -> list[str]:
    upcoming = briefing.upcoming
    assert upcoming is not None
    company = " ".join(upcoming.company.split())
    if not briefing.history:
        return ["", f"Your first interview at {company} in the journal."]
    lines = ["", f"What you know of {company}:"]
    for visit in briefing.history:
        day = visit.date.strftime("%d %b %Y").lstrip("0")
        outcome = "" if visit.outcome == "pending" else f", {visit.outcome}"
        lines.append(f"  {day}: {stage_name(visit.stage)}{outcome}")
        if visit.problems:
            more = f" (and {visit.more_problems} more)" if visit.more_problems else ""
            said = "; ".join(problem.rstrip(".;") for problem in visit.problems)  # not ".;"
            lines.append(f"    went wrong: {said}{more}")
    if met := people_met(briefing.history):
        lines.append(f"  You met: {', '.join(met)}")
    return lines
