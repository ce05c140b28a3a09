"""Encryption at rest: `encrypt` (or change the passphrase) and `decrypt`."""

from __future__ import annotations

from pathlib import Path

import click

from .. import keychain
from .common import UserError, plain_errors, settings_of
from .passphrase import ask_new, given, open_unlocked, remember_passphrase


def _was_encrypted(path: Path, verb: str) -> bool:
    """Whether the journal at `path` is encrypted, opening it (with its passphrase, asked
    for if need be) to be sure it is a journal of ours that can be read."""
    if not path.exists():
        raise UserError(f"{path}: no journal there to {verb}.")
    journal = open_unlocked(path, create=False)
    try:
        return journal.encrypted
    finally:
        journal.close()


@click.command()
@click.option("--remember", is_flag=True, help="Keep the passphrase in the system keyring.")
@click.pass_context
def encrypt(ctx: click.Context, remember: bool) -> None:
    """Encrypt the journal with a passphrase, or change the passphrase of an encrypted one.

    The new passphrase comes from INTERVIEW_JOURNAL_PASSPHRASE (for a plain journal) or
    INTERVIEW_JOURNAL_NEW_PASSPHRASE, or is asked for twice. The journal is copied, checked,
    and only then put in place: if this is cut short, the journal is left as it was.
    """
    from ..store.conversion import convert

    path = settings_of(ctx).journal
    with plain_errors(path):
        was = _was_encrypted(path, "encrypt")
        new = (None if was else given()) or ask_new("New passphrase" if was else "Passphrase")
        kept = keychain.recall(path) is not None
        click.echo(f"{'Re-encrypting' if was else 'Encrypting'} {path} …", err=True)
        convert(path, new)
    if remember or kept:
        remember_passphrase(path)
    if was:
        click.echo(f"{path}: the passphrase is changed.")
        return
    click.echo(
        f"{path}: encrypted. Keep the passphrase somewhere safe: without it, nothing in the "
        "journal can be read, by anyone."
    )


@click.command()
@click.pass_context
def decrypt(ctx: click.Context) -> None:
    """Make an encrypted journal a plain SQLite file again (asks for its passphrase)."""
    from ..store.conversion import convert

    path = settings_of(ctx).journal
    with plain_errors(path):
        if not _was_encrypted(path, "decrypt"):
            click.echo(f"{path}: the journal is not encrypted; nothing was changed.")
            return
        click.echo(f"Decrypting {path} …", err=True)
        convert(path, None)
    keychain.drop(path)
    click.echo(
        f"{path}: decrypted; it is a plain SQLite file again, which anyone who can read the "
        "file can read."
    )
