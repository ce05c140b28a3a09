"""Looking after the journal file: `backup`, `check`, and `rescue` from a damaged one."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..core.text import counted
from .common import UserError, opened, plain_errors, settings_of, warn_plain_export
from .io import output_file, write_export


@click.command()
@click.argument("dest", required=False, type=click.Path())  # as given: a trailing slash is seen
@click.pass_context
def backup(ctx: click.Context, dest: str | None) -> None:
    """Copy the journal safely (while it is in use, too), and check the copy.

    DEST is a file or a folder; the default is the backups folder beside the journal's default home.
    """
    from .. import locations
    from ..store.journal import make_private_folder

    if dest is None:
        folder = locations.backups_folder()
        make_private_folder(folder)
    else:
        folder = output_file(dest, settings_of(ctx).journal)
        # `backup DEST/` asks for a copy inside a folder. One that is not there is refused, not
        # made, as cp does: a mistyped folder (or a drive not mounted) would otherwise take the
        # backup somewhere the user never looks.
        if dest.endswith(("/", os.sep)) and not folder.is_dir():
            if folder.exists():
                raise UserError(f"{dest}: not a folder; nothing backed up.")
            raise UserError(
                f"{dest}: no such folder; nothing backed up (make it first: mkdir -p {dest})."
            )
    with opened(ctx) as journal, plain_errors():
        target = journal.backup(folder)
    click.echo(f"Backed up to {target} (integrity check: ok).")


@click.command()
@click.pass_context
def check(ctx: click.Context) -> None:
    """Check the journal's integrity: SQLite's own checks, links, and the search index."""
    with opened(ctx) as journal:
        problems = journal.check()
        count = journal.count_interviews()
        version = journal.schema_version
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise UserError(f"{journal.path}: {counted(len(problems), 'problem')} found.")
    click.echo(f"{journal.path}: ok (schema {version}, {counted(count, 'interview')}).")


@click.command()
@click.argument("out", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--force", is_flag=True, help="Replace OUT if it is there (never the journal).")
@click.pass_context
def rescue(ctx: click.Context, out: Path, force: bool) -> None:
    """Save every row that can still be read from a damaged journal into OUT (a JSON export).

    The journal is only read. Start a new journal from OUT with `--db NEW.db import OUT`.
    """
    from ..core import exchange
    from ..store import cipher
    from ..store.rescue import rescue as salvage
    from .passphrase import unlocked

    journal = settings_of(ctx).journal
    with plain_errors():
        if not journal.exists():
            raise UserError(f"{journal}: no journal there to rescue.")
        found = unlocked(journal, lambda: salvage(journal))
    if cipher.passphrase_for(journal) is not None:
        warn_plain_export()
    text = exchange.iter_json(found.categories, found.records, found.questions, found.profile)
    write_export(None if str(out) == "-" else out, text, journal, force=force)
    for table, label in (
        ("interviews", "interviews"),
        ("issues", "issues"),
        ("positives", "what went well"),
        ("follow_ups", "follow-ups"),
        ("reviews", "review grades"),
        ("questions", "questions"),
        ("stories", "answers"),
        ("question_reviews", "practice grades"),
        ("categories", "categories"),
    ):
        lost = found.tables[table].lost
        said = "an unknown number" if lost is None else str(lost)
        click.echo(f"  {label}: {found.saved(table)} saved, {said} lost", err=True)
    if found.placeholders:
        click.echo(
            f"  {counted(found.placeholders, 'lost interview')} had issues, what went well or "
            "follow-ups that were saved: they are kept under “(interview lost in the damage)”",
            err=True,
        )
    where = "standard output" if str(out) == "-" else str(out)
    click.echo(
        f"Rescued what could be read into {where}. Make a new journal from it with: "
        f"interview-journal --db NEW.db import {out}",
        err=True,
    )
