"""What the journal says: the trends as a table (`stats`) and the briefing before the next
interview (`brief`)."""

from __future__ import annotations

import datetime as dt
import json

import click

from .common import UserError, clip, opened, plain_errors, print_table, settings_of


@click.command()
@click.option("--since", help="From this day on: 2026-01-01, 'Jan 1', '6 months ago' ...")
@click.option("--until", help="Up to this day (default: today; upcoming interviews never count).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (DESIGN §8) instead of a table.")
@click.pass_context
def stats(ctx: click.Context, since: str | None, until: str | None, as_json: bool) -> None:
    """Which mistakes keep coming back: the trends as a table."""
    from ..core import trends
    from ..core.dates import parse_date

    settings = settings_of(ctx)
    today = dt.date.today()
    with plain_errors():
        start = parse_date(since, today=today, dayfirst=settings.dayfirst) if since else None
        end = parse_date(until, today=today, dayfirst=settings.dayfirst) if until else None
    if start and end and start > end:
        raise UserError(
            f"--since ({start.isoformat()}) is after --until ({end.isoformat()}): "
            "that period has no days."
        )
    with opened(ctx) as journal:
        sittings = journal.sittings(since=start, until=end)
        names = {category.slug: category.name for category in journal.categories()}
    overview = trends.overview(
        trends.in_period(sittings, today=today, since=start, until=end), names
    )
    if as_json:
        click.echo(json.dumps(trends.stats_json(overview), indent=2, ensure_ascii=False))
        return
    if not overview.interviews:
        click.echo("No interviews in that period yet: trends need interviews that have happened.")
        return
    click.echo(
        f"{overview.interviews} interview{'s' if overview.interviews != 1 else ''}, "
        f"{overview.issues} issue{'s' if overview.issues != 1 else ''}"
        + (f" ({overview.uncategorised} without a category)" if overview.uncategorised else "")
    )
    if not overview.categories:
        click.echo(
            "No issue has a category yet. Give each one a category in the app\n"
            "(c in the side-by-side editor) to see which mistakes come back."
        )
        return
    header = ("CATEGORY", "INTERVIEWS", "ISSUES", "FIRST SEEN", "LAST SEEN", "LABEL", "SINCE")
    rows = [
        (
            clip(c.name, 40),
            str(c.interviews),
            str(c.issues),
            c.first_seen.isoformat(),
            c.last_seen.isoformat(),
            c.label,
            str(c.since_last_seen),
        )
        for c in overview.categories
    ]
    print_table(header, rows, narrower=(0,))


@click.command()
@click.argument("interview", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option(
    "--due",
    is_flag=True,
    help="Only what needs attention within the next day (an interview today or tomorrow, a "
    "follow-up due or late), and nothing at all otherwise: for cron or a shell's start-up file.",
)
@click.pass_context
def brief(ctx: click.Context, interview: str | None, as_json: bool, due: bool) -> None:
    """Before an interview: what you know of the company, your own lessons, the questions to
    rehearse, and a checklist for its stage.

    INTERVIEW: a company name (your next interview there, or else your latest), an id or the
    first characters of it. Without it, your next interview."""
    from ..core import review
    from ..store.briefing import load_briefing
    from .brief_text import briefing_lines

    if due:
        if interview:
            raise UserError("--due is about the next day, not one interview: leave INTERVIEW out.")
        _brief_due(ctx, as_json)
        return
    with opened(ctx) as journal, plain_errors():
        today = journal.clock.today()
        chosen = journal.find_interview(interview, today, ahead=True).uuid if interview else None
        briefing = load_briefing(journal, today, chosen)
    if as_json:
        click.echo(json.dumps(review.briefing_json(briefing), indent=2, ensure_ascii=False))
        return
    click.echo("\n".join(briefing_lines(briefing)))


def _brief_due(ctx: click.Context, as_json: bool) -> None:
    """`brief --due`: a line for each thing due within the next day; nothing when none is."""
    import datetime as dt

    from ..core.due import due_lines

    with opened(ctx) as journal, plain_errors():
        today = journal.clock.today()
        tomorrow = today + dt.timedelta(days=1)
        interviews = journal.interviews_between(today, tomorrow)
        follow_ups = journal.overdue_follow_ups(tomorrow + dt.timedelta(days=1))
        companies = journal.companies(f.interview_uuid for f in follow_ups)
    if as_json:  # the same, as an object, empty lists included
        document = {
            "interviews": [
                {"uuid": i.uuid, "company": i.company, "date": i.date.isoformat()}
                for i in interviews
            ],
            "follow_ups": [
                {
                    "uuid": f.uuid,
                    "kind": f.kind,
                    "due": f.due.isoformat() if f.due else None,
                    "interview": f.interview_uuid,
                }
                for f in follow_ups
            ],
        }
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
        return
    for line in due_lines(interviews, follow_ups, companies, today):
        click.echo(line)


@click.command()
@click.argument("interview", required=False)
@click.pass_context
def prep(ctx: click.Context, interview: str | None) -> None:
    """The prep worksheet of an interview, as you wrote it in the app (P): why them, what they
    do, your questions for them, who you will meet, getting there.

    INTERVIEW: a company name (your next interview there, or else your latest), an id or the
    first characters of it. Without it, your next interview."""
    from ..core.worksheet import SECTIONS

    with opened(ctx) as journal, plain_errors():
        today = journal.clock.today()
        if interview:
            chosen = journal.find_interview(interview, today, ahead=True)
        elif (upcoming := journal.upcoming_interview(today)) is not None:
            chosen = upcoming
        else:
            raise UserError("No interview ahead in the journal: name one (a company or an id).")
    title = chosen.company + (f" — {chosen.role}" if chosen.role else "")
    lines = [f"Prep worksheet: {title}, {chosen.date.isoformat()}"]
    written = [(heading, getattr(chosen, name).strip()) for name, (heading, _) in SECTIONS.items()]
    for heading, text in written:
        if text:
            lines += ["", heading, *(f"  {line}" for line in text.splitlines())]
    if not any(text for _, text in written):
        ahead = chosen.date >= today
        lines += [
            "",
            "Nothing written yet" + (": P on the interview in the app." if ahead else "."),
        ]
    click.echo("\n".join(lines))
