"""Reading the journal from a screen: what cannot be read is said, and the app goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.widget import Widget

from ..core.clock import Clock
from ..store import CorruptJournal, Journal, JournalError
from .messages import JournalDamaged
from .widgets.status_line import tell

T = TypeVar("T")
F = TypeVar("F")


def read_or(node: Widget | App[Any], read: Callable[[], T], fallback: F) -> T | F:
    """What `read` gives, or `fallback` where the journal cannot be read: a damaged part is
    posted up (JournalDamaged, said once by the app), another failure is said as it comes.
    Nothing typed is lost either way."""
    try:
        return read()
    except CorruptJournal:
        node.post_message(JournalDamaged())
    except JournalError as error:
        tell(node, str(error), "error", "Cannot read the journal")
    return fallback


def read_in_thread(
    node: Widget, journal: Journal, clock: Clock, read: Callable[[Journal], T], fallback: F
) -> T | F:
    """`read_or` for a thread worker: `read` runs on a read-only connection of its own; a
    damaged part is posted up, another failure is said on the app's thread."""
    from ..store.reads import reader  # the briefing's and trends' code: not for the first frame

    try:
        with reader(journal.path, clock) as own:
            return read(own)
    except CorruptJournal:
        node.post_message(JournalDamaged())
    except JournalError as error:
        node.app.call_from_thread(
            node.notify, str(error), title="Cannot read the journal", severity="error", markup=False
        )
    return fallback
