"""Links from issues and positives to the question asked, kept up by each write (the matching
itself is in store/linking, which the migrations use as well)."""

from __future__ import annotations

from .base import JournalBase
from .linking import Quotes, link_ids


class Linking(JournalBase):
    """Linking as a part of the journal: each write of an issue's problem or a positive's text
    links it to the question it quotes (unless the user confirmed its link)."""

    def _question_quotes(self) -> Quotes:
        """The journal's Quotes, kept between writes, made again for a new connection."""
        quotes: Quotes | None = getattr(self, "_quotes", None)
        if quotes is None or quotes.conn is not self.conn:
            quotes = self._quotes = Quotes(self.conn)
        return quotes.refresh()

    def _link(self, table: str, row_id: int) -> tuple[str | None, str | None, str | None]:
        """Inside a write: link the row of `table` to the question its text quotes; return its
        (question uuid, link, story uuid) as they are now."""
        link_ids(self.conn, table, [row_id], self._question_quotes())
        return self._links_of(table, row_id)

    def _links_of(self, table: str, row_id: int) -> tuple[str | None, str | None, str | None]:
        (found,) = self._rows(
            f"SELECT q.uuid, c.question_link, s.uuid FROM {table} c "
            "LEFT JOIN questions q ON q.id = c.question_id "
            "LEFT JOIN stories s ON s.id = c.story_id WHERE c.id = ?",
            [row_id],
        )
        return found
