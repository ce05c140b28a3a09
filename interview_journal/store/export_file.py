"""The journal's JSON export, and how an export is written to a file: the code the command
line's `export` and the app's "Export the journal (JSON)" share. No Textual, no click: each
shows its own progress through `each`, called once an interview is written."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import JournalUnavailable

if TYPE_CHECKING:
    from ..core.model import InterviewRecord
    from .journal import Journal


def json_export(journal: Journal, each: Callable[[], None] | None = None) -> Iterator[str]:
    """The whole journal as the exchange format's JSON, in pieces, read from one snapshot (its
    questions with its interviews); `each()` after every interview's piece is taken."""
    from ..core import exchange

    questions, records = journal.exported()
    profile = journal.profile()
    return exchange.iter_json(journal.categories(), with_each(records, each), questions, profile)


def with_each(
    records: Iterable[InterviewRecord], each: Callable[[], None] | None
) -> Iterator[InterviewRecord]:
    """`records` as they are, with `each()` once the one before has been used (written)."""
    for record in records:  # a few hundred at a time: memory stays small
        yield record
        if each is not None:
            each()


def write_private(path: Path, text: str | Iterable[str]) -> None:
    """Write a new file only its owner can read: exports hold the journal's words. The file is
    created, never opened if it is there (O_EXCL): FileExistsError then. `text` may come in
    pieces, written as they come: an export is never held whole."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="") as handle:
            handle.writelines([text] if isinstance(text, str) else text)
    except BaseException:
        path.unlink(missing_ok=True)  # no half-written export left behind
        raise


def export_names(journal_path: Path, today: dt.date) -> Iterator[Path]:
    """Names for an export beside the journal: `journal-export-2026-11-27.json`, then with
    -2, -3 ... for a second one that day."""
    stem = f"{journal_path.stem}-export-{today.isoformat()}"
    yield journal_path.with_name(f"{stem}.json")
    copies = 1
    while True:
        copies += 1
        yield journal_path.with_name(f"{stem}-{copies}.json")


def export_beside(
    journal_path: Path,
    today: dt.date,
    *,
    started: Callable[[int], None] | None = None,
    each: Callable[[], None] | None = None,
) -> tuple[Path, int]:
    """Write the journal's JSON export to a new private file beside it, read on a connection of
    its own (for a worker thread: the app's own connection stays the app's). `started(total)`
    is told how many interviews there are, `each()` after each one written. Returns the file
    and how many interviews it holds. JournalError (and JournalUnavailable for a file that
    cannot be written) if it cannot be done; nothing half-written is left."""
    from .reads import reader  # the review's reads come with it: not for the command line

    written = 0

    def one_more() -> None:
        nonlocal written
        written += 1
        if each is not None:
            each()

    with reader(journal_path) as journal:
        if started is not None:
            started(journal.count_interviews())
        for target in export_names(journal_path, today):
            if target.exists() or target.is_symlink():
                continue
            try:
                write_private(target, json_export(journal, one_more))
            except FileExistsError:  # made a moment ago by someone else: the next name
                written = 0
                continue
            except OSError as error:
                raise JournalUnavailable(
                    f"{target}: cannot write the export ({error.strerror})."
                ) from error
            return target, written
    raise AssertionError("unreachable: the names never end")
