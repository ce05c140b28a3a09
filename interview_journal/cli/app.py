"""The `interview-journal` group: the journal it works on, and the app when no command is given.

Opening the app is the one place the command line imports Textual, and only when it runs.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import __version__
from .commands import LazyGroup
from .common import UserError, plain_errors
from .io import refuse_a_link_to_nothing

if TYPE_CHECKING:
    from ..settings import Settings
    from ..store import Journal


def journal_named(ctx: click.Context, name: str | None) -> Path | None:
    """The journal file named with --db (or the variable), refused in plain words if it names
    no file: SQLite takes `:memory:` and `file:` URIs too, and a journal kept there is lost or
    lands somewhere unexpected. Said before anything is opened."""
    if name is None:
        return None
    source = ctx.get_parameter_source("db_path")
    given = "INTERVIEW_JOURNAL_DB" if source is click.core.ParameterSource.ENVIRONMENT else "--db"
    if not name.strip():
        raise UserError(f"{given} is empty: name a journal file, or leave it out for the default.")
    if name == ":memory:":
        raise UserError(
            f"{given} :memory: is SQLite's in-memory database: what you save there is lost when "
            "the command ends. Name a journal file."
        )
    if name.startswith("file:"):
        raise UserError(
            f"{given} {name} is a SQLite URI, not a file name: name the journal file itself "
            f"(./{name} for a file named so)."
        )
    return Path(name)


@click.group(
    cls=LazyGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db",
    "db_path",
    # No dir_okay=False: click would answer a folder with a usage error (exit 2, four lines);
    # the store refuses it in one plain line instead.
    type=click.Path(),  # the name as given: Path() would read "" as "." (checked below)
    envvar="INTERVIEW_JOURNAL_DB",
    help="The journal file (default: journal.db in your user data folder).",
)
@click.version_option(__version__, "--version", "-V", prog_name="interview-journal")
@click.pass_context
def cli(ctx: click.Context, db_path: str | None) -> None:
    """A keyboard-driven journal for learning from the interviews that went badly.

    With no command, opens the journal in the terminal.
    """
    from ..settings import Settings

    named = journal_named(ctx, db_path)
    settings = Settings.from_environment(journal=named)
    refuse_a_link_to_nothing(settings.journal)
    ctx.obj = {"settings": settings, "named": named is not None}
    if ctx.invoked_subcommand is None:
        with plain_errors():
            journal = open_for_app(settings.journal)
        run_app(journal, settings)


def open_for_app(path: Path) -> Journal:
    """The journal for the app. An encrypted one whose passphrase is neither in the variable
    nor in the keyring is unlocked in a dialog of the app's (`tui.unlock`), before it opens."""
    from ..store import cipher, open_journal
    from ..store.errors import PassphraseNeeded, WrongPassphrase
    from .passphrase import encrypt_if_new, given, on_a_terminal, open_unlocked, unlock_meanwhile

    encrypt_if_new(path)
    finding = unlock_meanwhile(path)
    if finding is not None:
        # Its key takes a tenth of a second to make, in a thread that lets go of Python
        # meanwhile: the app's modules are imported in that time, not after it.
        import_app()
        finding.join()
    try:
        return open_journal(path)
    except PassphraseNeeded:
        pass
    except WrongPassphrase:  # the one kept in the keyring no longer opens it
        cipher.forget(path)
    if given() is not None or not on_a_terminal():
        return open_unlocked(path)
    from ..tui.unlock import unlock

    if not unlock(path):
        raise UserError(f"{path}: the journal was not unlocked; nothing was opened.")
    return open_journal(path)


def import_app() -> None:
    """The app's modules, imported now."""
    from ..tui import app  # noqa: F401


def run_app(journal: Journal, settings: Settings) -> None:
    """The app on `journal`, closed when the app ends: the command line's one import of Textual
    (the import contract in pyproject.toml names it), made only here, only when it runs."""
    from ..tui.app import JournalApp

    app = JournalApp(journal=journal, settings=settings)
    try:
        app.run()
    finally:
        journal.close()
    if app.return_code:
        sys.exit(app.return_code)
