"""What the journal screen writes in its panes: the empty journal's welcome, the summary of the
interview on show, and the short names used in questions and titles."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from ...core.model import FollowUp, Interview, InterviewSummary, Step

EMPTY_TEXT = (
    "Your journal is empty.\n\n"
    "Just out of an interview that went badly? Capture it while it is fresh:\n"
    "press  n  to write down the company, the role and the day,\n"
    "then  i  for each thing that went wrong.\n\n"
    "?  shows every key."
)

NEXT_STEP = {
    Step.CAPTURED: "next: list what went wrong (i), each with a category",
    Step.ASSESSED: "next: beside each problem, write what you should have done",
    Step.SOLVED: "next: send the thank-you note (f)",
    Step.FOLLOWED_UP: "when you are ready, let it go (c)",
    Step.CLOSED: "moved on",
}


def summary_text(current: InterviewSummary, today: dt.date) -> Text:
    """The interview pane: who, when, how it went, and the method's next step."""
    from ...core.dates import describe_date  # its patterns are compiled after the first frame

    interview = current.interview
    text = Text(no_wrap=False)
    text.append(interview.company, style="bold")
    if interview.role:
        text.append(f" — {interview.role}")
    when = interview.date.strftime("%a %d %b %Y")
    if interview.time:
        when += interview.time.strftime(" %H:%M")
    text.append(f"\n{when} ({describe_date(interview.date, today)}) · {interview.stage}")
    text.append(f" · {interview.outcome}")
    if interview.rating:
        text.append(f" · {'★' * interview.rating}{'☆' * (5 - interview.rating)}")
    if interview.interviewers:
        text.append(f"\nwith {', '.join(interview.interviewers)}")
    if interview.feelings:
        text.append(f"\nfelt {', '.join(interview.feelings)}", style="italic")
    if interview.feedback.strip():
        text.append("\ntheir feedback is kept: F to read it or make issues of it", style="dim")
    if interview.upcoming(today):
        text.append("\nupcoming", style="bold")
    else:
        step = current.step
        text.append(f"\n{step}: ", style="bold")
        if step is Step.CAPTURED and current.issues:
            text.append("next: give each issue a category (ctrl+g takes the suggestion)")
        else:
            text.append(NEXT_STEP[step])
    return text


def title(interview: Interview) -> str:
    return interview.company + (f" — {interview.role}" if interview.role else "")


def short(text: str, width: int = 70) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


def overdue_text(overdue: list[FollowUp], companies: dict[str, str], today: dt.date) -> str:
    """The journal's quiet reminder, one line: "2 follow-ups overdue: Acme thank-you note
    (3 days) · Initech feedback request (1 day) — f to write"; the first three named (those in
    `companies`, by interview), the rest counted. Empty when nothing is overdue."""
    if not overdue:
        return ""
    from ...core.compose import kind_label

    named = []
    for follow_up in overdue[:3]:
        company = " ".join(companies.get(follow_up.interview_uuid, "").split())
        late = (today - follow_up.due).days if follow_up.due else 0
        named.append(
            f"{company + ' ' if company else ''}{kind_label(follow_up.kind).lower()}"
            f" ({late} day{'s' if late != 1 else ''})"
        )
    if len(overdue) > 3:
        named.append(f"{len(overdue) - 3} more")
    count = f"{len(overdue)} follow-up{'s' if len(overdue) != 1 else ''} overdue"
    return f"{count}: {' · '.join(named)} — f to write"
