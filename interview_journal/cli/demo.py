"""`demo`: the app, or a new journal file, on a generated sample journal (never your own)."""

from __future__ import annotations

from pathlib import Path

import click

from .app import run_app
from .common import UserError, plain_errors, settings_of


@click.command()
@click.option(
    "--interviews",
    "count",
    type=click.IntRange(0, 100_000),
    default=30,
    show_default=True,
    help="How many interviews the sample holds.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the sample journal to this new file instead of opening the app.",
)
@click.option("--seed", type=int, default=7, hidden=True)
@click.pass_context
def demo(ctx: click.Context, count: int, out: Path | None, seed: int) -> None:
    """Open the app on a generated sample journal (never your own)."""
    import tempfile

    from .. import startup
    from ..core.sample import generate_sample, sample_profile, sample_questions
    from ..store import Journal, open_journal

    startup.end()  # a sample of 10,000 interviews is a lot of objects: collect as usual
    records = generate_sample(count, seed=seed)

    def fill(journal: Journal) -> None:
        journal.import_records([], records, questions=sample_questions())
        journal.set_profile(sample_profile())  # the letters' drafts are signed "Sam"

    if out is not None:
        if out.exists():
            raise UserError(f"{out}: already exists; the sample goes into a new file.")
        with plain_errors():
            journal = open_journal(out)
            try:
                fill(journal)
            finally:
                journal.close()
        click.echo(f"Wrote a sample journal of {count} interviews to {out}.")
        return
    with tempfile.TemporaryDirectory(prefix="interview-journal-demo-") as folder:
        with plain_errors():
            journal = open_journal(Path(folder) / "demo.db")
            fill(journal)
        run_app(journal, settings_of(ctx))
