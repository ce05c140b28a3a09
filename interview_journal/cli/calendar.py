"""`interview-journal calendar`: the journal and the user's own calendar (issue 14)."""

from __future__ import annotations

import click

from .common import opened, plain_errors, settings_of
from .io import export_output, write_export


@click.group()
def calendar() -> None:
    """The journal and your calendar: reminders without a program running."""


@calendar.command("export")
@click.option(
    "--output",
    "-o",
    "output_name",
    type=click.Path(allow_dash=True),
    help="Write to this new file (created private, mode 0600) instead of stdout ('-').",
)
@click.option(
    "--force", is_flag=True, help="Replace the --output file if it is there (never the journal)."
)
@click.pass_context
def export_calendar(ctx: click.Context, output_name: str | None, force: bool) -> None:
    """Write an .ics file: your upcoming interviews, each with an alarm the evening before to
    read the briefing, and every open follow-up on its day. Import it into your calendar, or
    export again later: the same items are updated, not doubled."""
    import datetime as dt

    from ..core.calendar import calendar_file
    from ..core.model import LATEST

    output = export_output(output_name, settings_of(ctx).journal)
    with opened(ctx) as journal, plain_errors():
        today = journal.clock.today()
        interviews = journal.interviews_between(today, LATEST)
        follow_ups = journal.open_follow_ups()
        companies = journal.companies(f.interview_uuid for f in follow_ups)
        now = journal.clock.now()
    text = calendar_file(
        interviews,
        follow_ups,
        companies,
        now=now,
        zone=dt.datetime.now().astimezone().tzinfo or dt.UTC,
    ).decode("utf-8")
    write_export(output, text, settings_of(ctx).journal, force=force)
    if output is not None:
        click.echo(
            f"Wrote {len(interviews)} interview{'s' if len(interviews) != 1 else ''} and "
            f"{len(follow_ups)} follow-up{'s' if len(follow_ups) != 1 else ''} to {output}.",
            err=True,
        )
