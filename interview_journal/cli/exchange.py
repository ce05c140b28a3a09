"""The journal in and out of files: `export` (JSON, Markdown, CSV; one interview for a coach
as Markdown or HTML) and `import` (JSON)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..core.text import counted
from .common import UserError, opened, plain_errors, settings_of, warn_plain_export
from .io import export_output, import_pieces, import_size, write_export
from .progress import is_terminal, progress

if TYPE_CHECKING:
    from ..store.import_summary import ImportSummary


@click.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["json", "md", "csv", "html"]),
    default=None,
    help="JSON (re-importable; the default), Markdown (to read) or CSV (a sheet). "
    "One --interview: md (the default) or html.",
)
@click.option(
    "--interview",
    "interview",
    metavar="ID",
    help="Export this one interview for a coach or mentor: a company name (your newest "
    "interview with it), an id or its first characters.",
)
@click.option(
    "--with-notes",
    is_flag=True,
    help="With --interview: add your notes (the brain dump), left out otherwise.",
)
@click.option(
    "--output",
    "-o",
    "output_name",
    type=click.Path(allow_dash=True),  # the name as given: a trailing slash is seen
    help="Write to this new file (created private, mode 0600) instead of stdout ('-').",
)
@click.option(
    "--force", is_flag=True, help="Replace the --output file if it is there (never the journal)."
)
@click.pass_context
def export(
    ctx: click.Context,
    fmt: str | None,
    interview: str | None,
    with_notes: bool,
    output_name: str | None,
    force: bool,
) -> None:
    """Export the whole journal, or one interview for a coach (--interview)."""
    if interview is not None:
        export_for_coach(ctx, interview, fmt or "md", with_notes, output_name, force)
        return
    if fmt == "html":
        raise UserError("--format html is for one interview: add --interview ID.")
    if with_notes:
        raise UserError(
            "--with-notes is for one interview: add --interview ID (the whole journal's "
            "export always has the notes)."
        )
    fmt = fmt or "json"
    from .. import startup
    from ..core import exchange
    from ..store.export_file import json_export, with_each

    startup.end()  # each record's JSON leaves cycles behind: collect them as it goes
    output = export_output(output_name, settings_of(ctx).journal)
    writer = {"md": exchange.iter_markdown, "csv": exchange.iter_csv}
    exported = 0
    # Not drawn into the export itself, when that goes to the terminal the bar is on.
    beside_the_text = output is None and is_terminal(sys.stdout)

    with opened(ctx) as journal:
        encrypted = journal.encrypted
        total = journal.count_interviews()
        with progress(total, "Exporting", shown=not beside_the_text) as advance:

            def each() -> None:
                nonlocal exported
                exported += 1
                advance(1)

            if fmt == "json":  # with the questions, from the snapshot the records are read from
                text = json_export(journal, each)
            else:
                text = writer[fmt](journal.categories(), with_each(journal.iter_records(), each))
            if output is None:
                # A row that cannot be read is said before anything is written: what a pipe
                # has taken cannot be taken back. (A file is written beside, and only then
                # named.)
                for _ in journal.iter_records():
                    pass
            write_export(output, text, settings_of(ctx).journal, force=force)
    if encrypted:  # said once written: an export refused (a file there) took nothing out
        warn_plain_export()
    if output is None:
        return
    click.echo(f"Exported {counted(exported, 'interview')} to {output} ({fmt}).", err=True)


def export_for_coach(
    ctx: click.Context,
    name: str,
    fmt: str,
    with_notes: bool,
    output_name: str | None,
    force: bool,
) -> None:
    """One interview, as Markdown or HTML, for a coach: nothing of any other interview."""
    if fmt not in ("md", "html"):
        raise UserError(f"one interview is exported as md or html, not {fmt}.")
    if not name.strip():
        raise UserError("--interview needs a company name, or an interview's id or its start.")
    from ..core import exchange

    output = export_output(output_name, settings_of(ctx).journal)
    render = exchange.coach_markdown if fmt == "md" else exchange.coach_html
    with opened(ctx) as journal, plain_errors():
        encrypted = journal.encrypted
        chosen = journal.find_interview(name, journal.clock.today())
        record = journal.record(chosen.uuid)
        text = render(record, journal.categories(), with_notes=with_notes)
    write_export(output, text, settings_of(ctx).journal, force=force)
    if encrypted:
        warn_plain_export()
    if output is not None:
        said = f"{exchange.coach_title(record)}, {chosen.date.isoformat()}"
        click.echo(f"Exported {said} to {output} ({fmt}).", err=True)


@click.command("import")
@click.argument("file", type=click.Path(allow_dash=True, path_type=Path))
@click.pass_context
def import_file(ctx: click.Context, file: Path) -> None:
    """Import a JSON export: all of it, or nothing if any part is wrong.

    Rows are matched by their ids, so importing the same file again changes nothing.
    """
    from .. import startup

    startup.end()  # a large file is a lot of objects: collect as usual from here
    with progress(import_size(file), "Importing") as advance:  # by the bytes read
        summary, warnings = _import(ctx, file, advance)
    for warning in warnings[:20]:
        click.echo(f"warning: {warning}", err=True)
    if len(warnings) > 20:
        click.echo(f"warning: ... and {len(warnings) - 20} more unknown fields, ignored", err=True)
    parts = []
    said = summary.practice
    practice = [  # said when the file has practice (a version 1 or 2 file has none)
        (label, counts)
        for label, counts in (
            ("questions", said.questions),
            ("answers", said.stories),
            ("practice grades", said.reviews),
        )
        if counts.added or counts.updated or counts.unchanged or counts.kept
    ]
    for label, counts in (
        ("interviews", summary.interviews),
        ("issues", summary.issues),
        ("what went well", summary.positives),
        ("follow-ups", summary.follow_ups),
        ("categories", summary.categories),
        ("review grades", summary.reviews),
        *practice,
    ):
        line = (
            f"{label}: {counts.added} added, {counts.updated} updated, {counts.unchanged} unchanged"
        )
        if counts.kept:
            line += f", {counts.kept} kept (the journal's copy is newer, or the file's has no time)"
        parts.append(line)
    if summary.kept:
        more = summary.total_kept - len(summary.kept)
        parts.append(
            "kept as they are in the journal: "
            + ", ".join(summary.kept)
            + (f" and {more} more" if more else "")
        )
    said_of_profile = {
        "added": "profile: taken from the file (the journal had none)",
        "unchanged": "profile: the same as the journal's",
        "kept": "profile: the journal's own is kept (the file's is different, and not taken)",
    }
    if summary.profile:
        parts.append(said_of_profile[summary.profile])
    click.echo(f"Imported {file}.\n  " + "\n  ".join(parts))
    if summary.backup:
        click.echo(f"The journal as it was before the import is backed up in {summary.backup}.")


def _import(
    ctx: click.Context, file: Path, read: Callable[[int], None]
) -> tuple[ImportSummary, list[str]]:
    """Import `file` in one transaction, `read(bytes)` told as it is read; what was done, and
    the warnings of the reading (unknown fields, ignored)."""
    from ..core import exchange
    from ..core.validate import InvalidValue

    reading = exchange.Reading(import_pieces(file, read))
    items = iter(reading)
    try:  # the file's head is read, and refused, before the journal is opened
        first = next(items, None)
    except exchange.FormatError as error:
        raise UserError(f"{file}: {error}; nothing imported.") from None
    items = itertools.chain([first] if first is not None else [], items)
    target = settings_of(ctx).journal
    new = not target.exists()
    try:
        with opened(ctx, create=True) as journal, plain_errors():
            try:
                summary = journal.import_items(items, backup_first=True, checked=True)
            except (InvalidValue, exchange.FormatError) as error:
                raise UserError(f"{file}: {error}; nothing imported.") from None
    except UserError:
        if new:  # the journal this import made, left empty by its failure, is not left behind
            from ..store.journal import remove_if_empty

            remove_if_empty(target)
        raise
    return summary, reading.warnings
