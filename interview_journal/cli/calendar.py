"""`interview-journal calendar`: the journal and the user's own calendar (issue 14)."""

from __future__ import annotations

from pathlib import Path

import click

from .common import (
    UserError,
    opened,
    plain_errors,
    settings_of,
    standard_input,
    warn_plain_export,
)
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

    from ..calendar_file import local_zone
    from ..core.calendar import calendar_file
    from ..core.model import LATEST

    output = export_output(output_name, settings_of(ctx).journal)
    with opened(ctx) as journal, plain_errors():
        encrypted = journal.encrypted
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
        zone=local_zone(),
    ).decode("utf-8")
    write_export(output, text, settings_of(ctx).journal, force=force)
    if encrypted:  # said once written: an export refused (a file there) took nothing out
        warn_plain_export()
    if output is not None:
        click.echo(
            f"Wrote {len(interviews)} interview{'s' if len(interviews) != 1 else ''} and "
            f"{len(follow_ups)} follow-up{'s' if len(follow_ups) != 1 else ''} to {output}.",
            err=True,
        )


@calendar.command("import")
@click.argument("file", type=click.Path(dir_okay=True, allow_dash=True, path_type=Path))
@click.option(
    "--all",
    "all_events",
    is_flag=True,
    help="Take every event, not only those that read as "
    "interviews (the title is the company when no other shape fits).",
)
@click.option("--dry-run", is_flag=True, help="Say what would change, and change nothing.")
@click.pass_context
def import_calendar(ctx: click.Context, file: Path, all_events: bool, dry_run: bool) -> None:
    """Add the interviews of an .ics file (your calendar's export) as interviews to come.

    An event is an interview when its title says so: "Interview with Acme", "Interview: Acme -
    Data Analyst", "Acme phone screen", "Onsite at Acme" ... Its day and time are taken in your
    time zone, with its place, video link and the people invited. Importing the file again
    changes nothing; an event moved in your calendar moves its interview; one cancelled is
    marked in its notes (never deleted). A report says what was added, updated and skipped."""

    from ..calendar_file import local_zone, read_calendar_file
    from ..core.calendar_in import CalendarFileError, read_calendar

    name = "standard input" if str(file) == "-" else str(file)
    try:
        if str(file) == "-":
            from ..core.calendar_in import MAX_FILE_BYTES

            data = standard_input().buffer.read(MAX_FILE_BYTES + 1)
        else:
            data = read_calendar_file(file)
    except CalendarFileError as error:
        raise UserError(f"{name}: {error}; nothing imported.") from None
    with opened(ctx) as journal, plain_errors():
        today = journal.clock.today()
        try:
            reading = read_calendar(
                data,
                now=journal.clock.now(),
                zone=local_zone(),
                all_events=all_events,
                me=journal.profile().name,
            )
        except CalendarFileError as error:
            raise UserError(f"{name}: {error}; nothing imported.") from None
        plan = journal.plan_calendar(reading, today)
        if not dry_run and plan.changes:
            plan = journal.apply_calendar(plan)
    from ..core.calendar_in import report_lines

    for line in report_lines(plan, today, dry_run=dry_run):
        click.echo(line)
