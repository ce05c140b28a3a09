"""What every command shares: plain errors, the settings, the journal opened for one command,
and the plain tables the listings print."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

import click

from ..store.driver import sqlite3
from .failure import UserError

if TYPE_CHECKING:
    from ..settings import Settings
    from ..store import Journal


@contextmanager
def plain_errors(journal: object = "the journal") -> Iterator[None]:
    """Turn every error a user can cause into one line and exit 1."""
    from ..core.dates import DateParseError
    from ..core.validate import FormatError, InvalidValue
    from ..store.errors import JournalError, translate

    try:
        yield
    except (JournalError, InvalidValue, DateParseError, FormatError) as error:
        raise UserError(str(error)) from None
    except sqlite3.Error as error:  # one the store did not expect: still said plainly
        raise UserError(str(translate(error, journal))) from None


def settings_of(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


@contextmanager
def opened(ctx: click.Context, *, create: bool = False) -> Iterator[Journal]:
    """The journal, opened for one command. A journal named with --db that is not there is
    started only by the commands that write into it (add, import): a mistyped name for list or
    export is said, not created. The default journal is started by any command."""
    from .passphrase import open_unlocked

    path = settings_of(ctx).journal
    with plain_errors(path):
        journal = open_unlocked(path, create=create or not ctx.obj["named"])
        try:
            yield journal
        finally:
            journal.close()


def warn_plain_export() -> None:
    """Said before an export of an encrypted journal: what is taken out is not encrypted."""
    click.echo(
        "Warning: the journal is encrypted, but this export is not: anyone who can read the "
        "file can read it.",
        err=True,
    )


def standard_input() -> TextIO:
    """Standard input, or a plain error if the shell closed it (`<&-`)."""
    if sys.stdin is None:
        raise UserError("nothing to read: standard input is closed.")
    return sys.stdin


def clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, narrower: Sequence[int] = ()
) -> None:
    """The rows in columns two spaces apart. On a terminal too narrow for them, the columns
    `narrower` (the names) give up cells, the widest first, down to their heading's width, so
    that no line wraps; printed anywhere else (a pipe, a file) nothing is cut."""
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    if sys.stdout.isatty():
        over = sum(widths) + 2 * (len(widths) - 1) - shutil.get_terminal_size().columns
        while over > 0:  # a cell at a time from the widest of them, so that they even out
            column = max(narrower, key=lambda i: widths[i] - len(header[i]), default=None)
            if column is None or widths[column] <= len(header[column]):
                break
            widths[column] -= 1
            over -= 1
    for row in [header, *rows]:
        cells = zip(row, widths, strict=True)
        click.echo("  ".join(clip(cell, width).ljust(width) for cell, width in cells).rstrip())
