"""Opening an encrypted journal from the command line: where its passphrase comes from.

In this order: the INTERVIEW_JOURNAL_PASSPHRASE variable, the system keyring (if it was asked to
remember it), or the terminal, asked without echo. With none of them, one plain line that says
which variable to set.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import keychain
from ..store import cipher
from ..store.errors import PassphraseNeeded, WrongPassphrase
from ..store.files import PASSPHRASE_VARIABLE
from .failure import UserError

if TYPE_CHECKING:
    from ..store import Journal

T = TypeVar("T")
NEW_PASSPHRASE_VARIABLE = "INTERVIEW_JOURNAL_NEW_PASSPHRASE"
TRIES = 3
SHORT = 8
"""A new passphrase shorter than this is taken, with a word of warning."""


def on_a_terminal() -> bool:
    """Whether the user can be asked: both standard input and standard error are a terminal."""
    return bool(sys.stdin and sys.stdin.isatty() and sys.stderr and sys.stderr.isatty())


def given(variable: str = PASSPHRASE_VARIABLE) -> str | None:
    value = os.environ.get(variable)
    return value if value else None


def ask(prompt: str) -> str:
    """A passphrase typed on the terminal, never shown (enter alone gives ""); ctrl+c or
    ctrl+d gives up, ctrl+c with the shell's status for it."""
    try:
        return click.prompt(prompt, default="", hide_input=True, err=True, show_default=False)
    except click.Abort:
        click.echo("\nNo passphrase given; nothing was done.", err=True)
        sys.exit(130)
    except EOFError:
        raise UserError("no passphrase given; nothing was done.") from None


def ask_new(what: str = "New passphrase") -> str:
    """A new passphrase: from INTERVIEW_JOURNAL_NEW_PASSPHRASE, or typed twice, the same."""
    value = given(NEW_PASSPHRASE_VARIABLE)
    if value is not None:
        return _checked(value, NEW_PASSPHRASE_VARIABLE)
    if not on_a_terminal():
        raise UserError(
            f"no new passphrase: set {NEW_PASSPHRASE_VARIABLE}, or run this in a terminal to be "
            "asked for it. Nothing was changed."
        )
    for _ in range(TRIES):
        first = ask(what)
        try:
            cipher.checked(first)
        except cipher.BadPassphrase as error:
            click.echo(f"{str(error).capitalize()} Once more.", err=True)
            continue
        if len(first) < SHORT:
            click.echo(f"(Under {SHORT} characters is easy to guess.)", err=True)
        if ask("The same again") == first:
            return first
        click.echo("The two did not match; once more.", err=True)
    raise UserError("no new passphrase was settled on; nothing was changed.")


def _checked(passphrase: str, where: str) -> str:
    try:
        return cipher.checked(passphrase)
    except cipher.BadPassphrase as error:
        raise UserError(f"{where}: {error}") from None


def _candidates(path: Path) -> Iterator[tuple[str, str]]:
    """(passphrase, where it came from), to try in turn."""
    value = given()
    if value is not None:
        yield value, PASSPHRASE_VARIABLE
        return
    kept = keychain.recall(path)
    if kept:
        yield kept, "keyring"
    if not on_a_terminal():
        return
    for _ in range(TRIES):
        yield ask(f"Passphrase for {path}"), "terminal"


def unlock_meanwhile(path: Path) -> threading.Thread | None:
    """For an encrypted journal, a thread that finds its passphrase in the variable or the
    keyring and makes its key (`cipher.salt_seen`), while the caller does something else; None
    for a plain journal (or no file). The header is read before any connection is open here:
    closing a descriptor of the journal would drop a connection's locks."""
    try:
        with path.open("rb") as handle:
            header = handle.read(cipher.SALT_BYTES)
        size = path.stat().st_size
    except OSError:
        return None
    if not cipher.looks_encrypted(header, size) or cipher.passphrase_for(path) is not None:
        return None

    def find() -> None:
        passphrase = given() or keychain.recall(path)
        if passphrase is None:
            return
        try:
            cipher.remember(path, passphrase)
        except cipher.BadPassphrase:
            return  # said when it is tried
        cipher.salt_seen(path, header)

    thread = threading.Thread(target=find, name="passphrase", daemon=True)
    thread.start()
    return thread


def encrypt_if_new(path: Path) -> None:
    """A journal not there yet is made encrypted with the passphrase in the variable, if one
    is set: a user who set it expects a private journal, not a plain one beside it."""
    passphrase = given()
    if passphrase is not None and not path.exists() and cipher.passphrase_for(path) is None:
        cipher.remember(path, _checked(passphrase, PASSPHRASE_VARIABLE))


def open_unlocked(path: Path, **options: Any) -> Journal:
    """The journal at `path`, opened (`open_journal`'s options), asking for its passphrase
    if it is encrypted and this process has none for it yet."""
    from ..store import open_journal

    if options.get("create", True):
        encrypt_if_new(path)
    return unlocked(path, lambda: open_journal(path, **options))


def unlocked(path: Path, attempt: Callable[[], T]) -> T:
    """What `attempt` (which reads the journal at `path`) gives, asking for the journal's
    passphrase if it is encrypted and this process has none for it yet."""
    try:
        return attempt()
    except PassphraseNeeded:
        pass
    for passphrase, source in _candidates(path):
        try:
            cipher.remember(path, passphrase)
            return attempt()
        except cipher.BadPassphrase as error:
            complaint = str(error)
        except WrongPassphrase:
            complaint = "that passphrase does not open this journal."
        cipher.forget(path)
        if source == PASSPHRASE_VARIABLE:
            raise UserError(
                f"{path}: the passphrase in {PASSPHRASE_VARIABLE} does not open this journal "
                "(or the file is not a journal); nothing was changed."
            )
        if source == "keyring":
            complaint = "the passphrase kept in the keyring no longer opens this journal."
        click.echo(complaint[0].upper() + complaint[1:], err=True)
    if on_a_terminal():
        raise UserError(f"{path}: not opened; nothing was changed.")
    raise UserError(
        f"{path}: the journal is encrypted (or is not a journal at all): set "
        f"{PASSPHRASE_VARIABLE} to its passphrase, or run this in a terminal to be asked for it."
    )


def remember_passphrase(path: Path) -> None:
    """Keep the passphrase this process opened the journal with in the system keyring."""
    passphrase = cipher.passphrase_for(path)
    if passphrase is None:
        raise UserError(f"{path}: the journal is not encrypted; there is no passphrase to keep.")
    try:
        keychain.keep(path, passphrase)
    except keychain.NoKeyring as error:
        raise UserError(str(error)) from None
    click.echo("The passphrase is kept in the system keyring.", err=True)
