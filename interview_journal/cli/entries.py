"""Capturing an interview from the shell (`add`) and listing the journal (`list`)."""

from __future__ import annotations

import datetime as dt
import json

import click

from .common import clip, opened, plain_errors, print_table, settings_of
from .io import read_notes


@click.command()
@click.argument("company")
@click.argument("role", required=False, default="")
@click.option(
    "--date",
    "-d",
    "when",
    default="today",
    show_default=True,
    help="When: today, yesterday, 3 days ago, last friday, 2026-11-20, Nov 20 ...",
)
@click.option(
    "--stage",
    "-s",
    default="other",
    show_default=True,
    help="screen, phone, video, technical, onsite, panel, final, informational or other.",
)
@click.option(
    "--outcome",
    "-o",
    default="pending",
    show_default=True,
    help="pending, advanced, offer, rejected, withdrawn or no-response.",
)
@click.option("--rating", "-r", type=int, help="How it went, 1 (badly) to 5 (well).")
@click.option("--interviewer", "interviewers", multiple=True, help="Who interviewed you (repeat).")
@click.option(
    "--feeling",
    "feelings",
    multiple=True,
    help="disappointed, angry, self-doubt, embarrassed, discouraged, relieved, hopeful, "
    "confident (repeat).",
)
@click.option("--notes", "-n", default="", help="The brain dump; '-' reads it from stdin.")
@click.option("--location", "-l", default="", help="Where it is: the address, building and room.")
@click.option("--link", default="", help="The video call's link.")
@click.option(
    "--issue", "-i", "problems", multiple=True, help="Something that went wrong (repeat)."
)
@click.option(
    "--went-well", "-w", "positives", multiple=True, help="Something that went well (repeat)."
)
@click.pass_context
def add(
    ctx: click.Context,
    company: str,
    role: str,
    when: str,
    stage: str,
    outcome: str,
    rating: int | None,
    interviewers: tuple[str, ...],
    feelings: tuple[str, ...],
    notes: str,
    location: str,
    link: str,
    problems: tuple[str, ...],
    positives: tuple[str, ...],
) -> None:
    """Capture an interview from the shell while it is fresh."""
    from ..core.dates import describe_date, parse_when
    from ..core.model import Interview, Issue, Positive
    from ..core.taxonomy import suggest_category

    settings = settings_of(ctx)
    if notes == "-":
        notes = read_notes()
    with plain_errors():
        moment = parse_when(when, dayfirst=settings.dayfirst)
        interview = Interview(
            company=company,
            role=role,
            date=moment.date,
            time=moment.time,
            stage=stage,
            outcome=outcome,
            rating=rating,
            interviewers=list(interviewers),
            feelings=list(feelings),
            notes=notes,
            location=location,
            link=link,
        )
        issues = [Issue(problem=p, interview_uuid=interview.uuid) for p in problems]
        went_well = [Positive(text=t, interview_uuid=interview.uuid) for t in positives]
        from ..core.model import InterviewRecord, thank_you_for
        from ..core.validate import prepare_interview, prepare_issue, prepare_positive

        # Check what the user typed before the journal is opened: opening it writes. The
        # cleaned copies are kept: a control character typed is never echoed to the terminal.
        prepare_interview(interview)
        issues = [prepare_issue(issue) for issue in issues]
        went_well = [prepare_positive(positive) for positive in went_well]
        record = InterviewRecord(
            interview, issues=issues, positives=went_well, follow_ups=[thank_you_for(interview)]
        )
        with opened(ctx, create=True) as journal:
            journal.import_records([], [record])
            saved = journal.interview(interview.uuid)
    title = saved.company + (f" — {saved.role}" if saved.role else "")
    click.echo(
        f"Added {title}, {saved.date.isoformat()} ({describe_date(saved.date, dt.date.today())}), "
        f"with {len(issues)} issue{'s' if len(issues) != 1 else ''} [{saved.uuid[:8]}]."
    )
    for issue in issues:
        slug = suggest_category(issue.problem)
        if slug:
            click.echo(f"  “{issue.problem[:50]}” looks like {slug}: confirm it in the app.")


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def list_interviews(ctx: click.Context, as_json: bool) -> None:
    """List the interviews, newest first, with their step in the method."""
    with opened(ctx) as journal:
        summaries = journal.interview_summaries()
    if as_json:
        rows = [
            {
                "uuid": s.interview.uuid,
                "date": s.interview.date.isoformat(),
                "company": s.interview.company,
                "role": s.interview.role,
                "stage": s.interview.stage,
                "step": str(s.step),
                "outcome": s.interview.outcome,
                "issues": s.issues,
            }
            for s in summaries
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not summaries:
        click.echo(
            "No interviews yet. Add one with: interview-journal add COMPANY ROLE --date today"
        )
        return
    header = ("DATE", "COMPANY", "ROLE", "STAGE", "STEP", "OUTCOME", "ISSUES")
    lines = [
        (
            s.interview.date.isoformat(),
            clip(s.interview.company, 28),
            clip(s.interview.role, 28),
            s.interview.stage,
            str(s.step),
            s.interview.outcome,
            str(s.issues),
        )
        for s in summaries
    ]
    print_table(header, lines, narrower=(1, 2))
