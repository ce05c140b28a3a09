"""Reading a file to import with a bound, and writing exports and backups safely: never onto
the journal, never through a link to nothing, never a half-written file left behind."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

import click

from ..regular_file import NotRegular, open_regular
from ..store.export_file import write_private
from .common import UserError, standard_input


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB"


def import_size(file: Path) -> int:
    """How many bytes the file to import holds, when that can be known before reading it (a
    regular file, or standard input from one); 0 otherwise (a pipe, a file not there)."""
    try:
        if str(file) == "-":
            status = os.fstat(standard_input().buffer.fileno())
        else:
            status = os.stat(file.expanduser())
    except (OSError, ValueError, AttributeError, UserError):
        return 0
    return status.st_size if stat.S_ISREG(status.st_mode) else 0


def import_pieces(file: Path, read: Callable[[int], None] | None = None) -> Iterator[str]:
    """The text of the file to import (`-`: standard input) in pieces, read with a bound, or one
    plain line saying why not; `read(bytes)` is told each piece's size as it is read. Only a
    regular file is opened for reading: a pipe or a device
    named as FILE could wait forever or never end (a program's output comes in as `-`). What
    can be told before reading (no such file, too large) is told before anything is read."""
    from ..core.exchange import MAX_FILE_BYTES

    if str(file) == "-":
        stream = standard_input().buffer
        with suppress(OSError, ValueError):  # no descriptor (a test's stream): read with a bound
            status = os.fstat(stream.fileno())
            if stat.S_ISREG(status.st_mode) and status.st_size > MAX_FILE_BYTES:
                raise UserError(_too_large("standard input", status.st_size))
        return decoded(stream, "standard input", close=False, read=read)
    path = file.expanduser()
    refuse_a_link_to_nothing(path)
    try:
        descriptor, status = open_regular(path)
    except NotRegular as error:
        if error.kind == "folder":
            raise UserError(f"{file}: is a folder, not a file; nothing imported.") from None
        if error.kind == "special":
            raise UserError(
                f"{file}: {error}; nothing imported. "
                "To import what a program writes, pipe it in: … | interview-journal import -"
            ) from None
        raise UserError(f"{file}: {error}.") from None
    if status.st_size > MAX_FILE_BYTES:
        os.close(descriptor)
        raise UserError(_too_large(str(file), status.st_size))
    return decoded(os.fdopen(descriptor, "rb"), str(file), close=True, read=read)


def decoded(
    stream: BinaryIO, name: str, *, close: bool, read: Callable[[int], None] | None = None
) -> Iterator[str]:
    """`stream` as text, a megabyte at a time, refused plainly once it is longer than an import
    may be (an endless stream, `/dev/zero` or `yes |`, is never read without bound) or where
    it is not UTF-8."""
    from ..core.exchange import MAX_FILE_BYTES

    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    taken = 0
    try:
        while True:
            try:
                chunk = stream.read(1 << 20)
            except OSError as error:
                raise UserError(f"{name}: cannot be read ({error.strerror}).") from None
            taken += len(chunk)
            if read is not None and chunk:
                read(len(chunk))
            if taken > MAX_FILE_BYTES:
                raise UserError(
                    f"{name}: more than {MAX_FILE_BYTES / 1_000_000:,.0f} MB; too large to "
                    "import; nothing imported."
                )
            try:
                text = decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                at = taken - len(chunk) + error.start
                raise UserError(f"{name}: not UTF-8 text (byte {at}); nothing imported.") from None
            if text:
                yield text
            if not chunk:
                return
    finally:
        if close:
            stream.close()


def _too_large(name: str, size: int) -> str:
    from ..core.exchange import MAX_FILE_BYTES

    return (
        f"{name}: too large to import ({_megabytes(size)}; "
        f"at most {MAX_FILE_BYTES / 1_000_000:,.0f} MB); nothing imported."
    )


def refuse_a_link_to_nothing(path: Path) -> None:
    """A link whose target is gone is said as such: opening or creating through it would fail
    as "no such file" or "already exists", neither of which says what is wrong."""
    if not path.is_symlink():
        return
    try:
        path.stat()
    except FileNotFoundError:
        message = f"{path}: is a link to {os.path.realpath(path)}, which is not there."
        raise UserError(message) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            message = f"{path}: is a link that leads back to itself (a loop of links)."
        else:
            message = f"{path}: is a link that cannot be followed ({error.strerror})."
        raise UserError(message) from None


def read_notes() -> str:
    """The notes from standard input, read with the bound a field has: `-n - </dev/zero` is
    refused once there is more than a field can hold, never read without end."""
    from ..core.validate import MAX_TEXT

    try:
        notes = standard_input().read(MAX_TEXT + 1)
    except UnicodeDecodeError:
        raise UserError("standard input: not UTF-8 text; nothing added.") from None
    if len(notes) > MAX_TEXT:
        raise UserError(
            f"notes are too long: more than {MAX_TEXT:,} characters on standard input; "
            "nothing added."
        )
    return notes


def _resolved(path: Path) -> Path:
    """The path with its links followed, as far as they lead (a loop of links stays as is)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def refuse_the_journal(path: Path, journal: Path) -> None:
    """Nothing is ever written onto the journal, nor onto a file SQLite keeps beside it (even
    one not there now: a `-journal` file made by us would be taken for SQLite's own), whatever
    name or link leads there."""
    given = journal.expanduser()
    sides = ("", "-wal", "-shm", "-journal")
    for base in dict.fromkeys([given, _resolved(given)]):
        for side in sides:
            other = base.with_name(base.name + side)
            same = _resolved(path) == _resolved(other) or (
                path.exists() and other.exists() and os.path.samefile(path, other)
            )
            if same:
                what = "a file SQLite keeps beside the journal" if side else "the journal itself"
                raise UserError(f"{path}: that is {what}; nothing written.")


def output_file(name: str, journal: Path) -> Path:
    """Where an export or a backup is to be written, said plainly if it cannot be: a link to
    nothing, the journal or one of its files. Checked before the journal is opened."""
    path = Path(name).expanduser()
    refuse_the_journal(path, journal)
    refuse_a_link_to_nothing(path)
    return path


def export_output(name: str | None, journal: Path) -> Path | None:
    """The file `export -o` writes, checked before the journal is opened; None for standard
    output (no -o, or `-o -`)."""
    if name is None or name == "-":
        return None
    if name.endswith(("/", os.sep)):
        raise UserError(f"{name}: names a folder; -o takes the name of a file to write.")
    output_file(name, journal)
    return Path(name)


def replace_private(path: Path, text: str | Iterable[str], journal: Path) -> None:
    """Replace the regular file at `path` with a new private one holding `text`: written beside
    it, then moved over it, so a failure leaves the old file as it was. Never the journal."""
    if not path.is_file():
        raise UserError(f"{path}: not a regular file; nothing written.")
    refuse_the_journal(path, journal)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write_private(temporary, text)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def write_export(
    output: Path | None, text: str | Iterable[str], journal: Path, *, force: bool
) -> None:
    """Write `text` to standard output (`output` None), to a new private file, or over a
    regular file with `force`; never the journal."""
    if output is None:
        for piece in [text] if isinstance(text, str) else text:
            click.echo(piece, nl=False)
        return
    target = output.expanduser()
    try:
        if force and target.exists():
            replace_private(target, text, journal)
        else:
            write_private(target, text)
    except FileExistsError:
        message = f"{output}: already exists; nothing written (--force replaces it)."
        raise UserError(message) from None
    except OSError as error:
        raise UserError(f"{output}: cannot write the export ({error.strerror}).") from None
