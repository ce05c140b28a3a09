"""Reading the journal from a screen: what cannot be read is said, and the app goes on."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.widget import Widget

from ..store import CorruptJournal, JournalError
from .messages import JournalDamaged

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
        node.notify(str(error), title="Cannot read the journal", severity="error", markup=False)
    return fallback
