"""The interview list's window on the journal (InterviewSource).

One interview's row is what a key press may read on the UI thread: a page of summaries comes
from the app's connection in one indexed query (LIMIT/OFFSET), a hundred rows at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.widget import Widget

from ...core.model import InterviewSummary
from ...store import CorruptJournal, Journal, JournalError
from ..reading import read_or


class JournalSource:
    """A page that cannot be read (a damaged part of the journal, its file gone) is left out
    and said (`read_or`, through `node`): the app goes on, and nothing typed is lost."""

    def __init__(self, journal: Journal, node: Widget) -> None:
        self.journal = journal
        self.node = node

    def count(self) -> int:
        return read_or(self.node, self.journal.count_interviews, 0)

    def page(self, offset: int, limit: int) -> Sequence[InterviewSummary]:
        journal = self.journal
        try:
            return journal.interview_summaries(limit=limit, offset=offset)
        except CorruptJournal:
            # One damaged interview fails its whole page: read the page a row at a time, so
            # that only the interviews whose own rows cannot be read are left out.
            return [
                summary
                for at in range(offset, offset + limit)
                for summary in read_or(self.node, self._one_row(at), [])
            ]
        except JournalError:
            return read_or(
                self.node, lambda: journal.interview_summaries(limit=limit, offset=offset), []
            )

    def _one_row(self, at: int) -> Callable[[], list[InterviewSummary]]:
        return lambda: self.journal.interview_summaries(limit=1, offset=at)

    def position(self, uuid: str) -> int | None:
        return read_or(self.node, lambda: self.journal.interview_position(uuid), None)
