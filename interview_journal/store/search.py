"""Full-text search over the journal's words."""

from __future__ import annotations

import re

from ..core.model import SearchHit
from ..core.text import clean_text
from .base import JournalBase

_WORDLIKE = re.compile(r"[^\W_]")


class Search(JournalBase):
    """Search, with the user's words taken as words."""

    def search(self, text: str, *, limit: int = 100) -> list[SearchHit]:
        """Full-text search over problems, solutions, actions, notes and what went well.

        Every word the user typed must appear (as a word or the start of one). The words are
        quoted, so FTS syntax in the input (`"`, `AND`, `NEAR(`, `*`) is searched for as text
        and never raises.
        """
        # Words without a letter or digit are dropped: the tokenizer would find nothing in them,
        # and a bare `"` quoted and starred is a query FTS5 refuses.
        words = [word for word in clean_text(text).split() if _WORDLIKE.search(word)]
        if not words:
            return []
        query = " ".join(self.db.quote_fts(word) + "*" for word in words)
        excerpt = "snippet({fts}, -1, '', '', '…', 12)"
        sql = f"""
            SELECT * FROM (
                SELECT i.uuid AS interview_uuid, c.uuid AS issue_uuid, 'issue' AS field,
                    {excerpt.format(fts="issues_fts")} AS excerpt, i.date AS date,
                    issues_fts.rank AS rank
                FROM issues_fts JOIN issues c ON c.rowid = issues_fts.rowid
                JOIN interviews i ON i.id = c.interview_id
                WHERE issues_fts MATCH :query
                UNION ALL
                SELECT i.uuid, NULL, 'interview', {excerpt.format(fts="interviews_fts")}, i.date,
                    interviews_fts.rank
                FROM interviews_fts JOIN interviews i ON i.rowid = interviews_fts.rowid
                WHERE interviews_fts MATCH :query
                UNION ALL
                SELECT i.uuid, NULL, 'went well', {excerpt.format(fts="positives_fts")}, i.date,
                    positives_fts.rank
                FROM positives_fts JOIN positives p ON p.rowid = positives_fts.rowid
                JOIN interviews i ON i.id = p.interview_id
                WHERE positives_fts MATCH :query
            ) ORDER BY date DESC, rank LIMIT :limit
        """
        rows = self._query(sql, {"query": query, "limit": limit})
        return [
            SearchHit(
                interview_uuid=row["interview_uuid"],
                issue_uuid=row["issue_uuid"],
                field=row["field"],
                excerpt=" ".join(row["excerpt"].split()),
            )
            for row in rows
        ]
