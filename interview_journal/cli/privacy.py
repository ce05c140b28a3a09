"""Encryption at rest: `encrypt` (or change the passphrase) and `decrypt`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import keychain
from ..store import cipher
from .common import UserError, plain_errors, settings_of
from .passphrase import ask_new, given, open_unlocked, remember_passphrase

if TYPE_CHECKING:
    from ..store import Journal


@contextmanager
def _held(path: Path, verb: str) -> Iterator[Journal]:
    """The journal, opened with its passphrase (asked for if need be) and held alone: one
    open in another window is refused before anything else is asked. Ctrl+c, at any moment,
    leaves it as it was, and says so."""
    from ..store.conversion import held

    if not path.exists():
        raise UserError(f"{path}: no journal there to {verb}.")
    try:
        with plain_errors(path):
            open_unlocked(path, create=False).close()  # its passphrase, now known here
            with held(path) as journal:
                yield journal
    except KeyboardInterrupt:
        click.echo(f"\nStopped: {path} was left as it was.", err=True)
        sys.exit(130)


@click.command()
@click.option("--remember", is_flag=True, help="Keep the passphrase in the system keyring.")
@click.pass_context
def encrypt(ctx: click.Context, remember: bool) -> None:
    """Encrypt the journal with a passphrase, or change the passphrase of an encrypted one.

    The new passphrase comes from INTERVIEW_JOURNAL_PASSPHRASE (for a plain journal) or
    INTERVIEW_JOURNAL_NEW_PASSPHRASE, or is asked for twice. The journal is copied, checked,
    and only then put in place: if this is cut short, the journal is left as it was.
    """
    from ..store.conversion import convert_held

    path = settings_of(ctx).journal
    if remember and not keychain.available():
        raise UserError(f"{keychain.NONE_HERE} Nothing was changed; leave out --remember.")
    with _held(path, "encrypt") as journal:
        was = journal.encrypted
        new = (None if was else given()) or ask_new("New passphrase" if was else "Passphrase")
        if was and new == cipher.passphrase_for(path):
            click.echo(f"{path}: that is its passphrase already; nothing was changed.")
            return
        kept = keychain.recall(path) is not None
        click.echo(f"{'Re-encrypting' if was else 'Encrypting'} {path} …", err=True)
        convert_held(journal, new)
    if was:
        click.echo(f"{path}: the passphrase is changed.")
    else:
        click.echo(
            f"{path}: encrypted. Keep the passphrase somewhere safe: without it, nothing in the "
            "journal can be read, by anyone."
        )
    if remember or kept:  # said after what was done: the journal is encrypted either way
        remember_passphrase(path)


@click.command()
@click.pass_context
def decrypt(ctx: click.Context) -> None:
    """Make an encrypted journal a plain SQLite file again (asks for its passphrase)."""
    from ..store.conversion import convert_held

    path = settings_of(ctx).journal
    with _held(path, "decrypt") as journal:
        if not journal.encrypted:
            click.echo(f"{path}: the journal is not encrypted; nothing was changed.")
            return
        click.echo(f"Decrypting {path} …", err=True)
        convert_held(journal, None)
    keychain.drop(path)
    click.echo(
        f"{path}: decrypted; it is a plain SQLite file again, which anyone who can read the "
        "file can read."
    )
