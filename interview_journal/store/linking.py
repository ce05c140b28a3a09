"""Which question an issue or a positive quotes, kept up as its words change.

An issue that quotes a question ("blanked on 'tell me about a time you failed'") is linked to
the journal's question it matches (core/questions): a "suggested" link, which follows the text
as it is edited. A link the user set or confirmed ("confirmed") is never changed by matching.
Hidden questions are not matched: the user has put them aside.

Used by the migration that brings questions in (every issue and positive, once), and by every
write of an issue's problem or a positive's text (add, edit, import).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .driver import sqlite3

if TYPE_CHECKING:  # the bank and rapidfuzz are loaded when something is matched, not on start
    from ..core.questions import Matcher

TEXT_OF = {"issues": "problem", "positives": "text"}
"""Where each linked table says what was asked."""

QUOTE_MARKS = {
    "double": '*["“‘]*',  # opening “, ‘ or "
    "single": "*[^A-Za-z0-9_']'*",  # ' after a space or a mark: not the one of "I'm"
    "first": "'*",
}
"""What a text that quotes a question holds (GLOB patterns), unless it says "asked": a
superset of what `core.questions.quoted` finds, tested in SQL before its regexes run."""

LinkRow = tuple[int, str, str | None, int | None]
"""(row id, its text, its link state, the question it is linked to)."""


def journal_matcher(conn: sqlite3.Connection) -> Matcher[int]:
    """The journal's visible questions by row id, each with the ways it is put: its text, and
    for a built-in one the bank's own words and other wordings (kept when the user rewords it)."""
    from ..core.questions import BANK, Matcher

    bank = {question.key: question for question in BANK}
    ways: list[tuple[int, Sequence[str]]] = []
    for row_id, key, text in conn.execute(
        "SELECT id, key, text FROM questions WHERE hidden = 0 ORDER BY id"
    ):
        builtin = bank.get(key)
        ways.append((row_id, (text, builtin.text, *builtin.also) if builtin else (text,)))
    return Matcher(ways)


class Quotes:
    """Tells which of the journal's questions a text quotes. The matcher is made on first use
    (most texts quote nothing), and each quote's answer is remembered: the same quote comes
    again and again ("tell me about yourself"), and matching one costs some 0.2 ms."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._matcher: Matcher[int] | None = None
        self._answers: dict[str, int | None] = {}
        self._state: tuple = ()

    def refresh(self) -> Quotes:
        """Start again if the journal's questions changed since (one was added, deleted,
        reworded, hidden or shown, here or by another program): called at each write."""
        state = tuple(
            self.conn.execute("SELECT count(*), max(updated), total(id) FROM questions").fetchone()
        )
        if state != self._state:
            self._matcher, self._answers, self._state = None, {}, state
        return self

    def question(self, text: str) -> int | None:
        """The question (row id) that the first quote of `text` that matches one asks."""
        from ..core.questions import quoted

        for quote in quoted(text):
            if (found := self._asks(quote)) is not None:
                return found
        return None

    def _asks(self, quote: str) -> int | None:
        said = quote.lower()
        if said not in self._answers:
            if self._matcher is None:
                self._matcher = journal_matcher(self.conn)
            found = self._matcher.best(quote)
            self._answers[said] = None if found is None else found[0]
        return self._answers[said]

    def unmatched(self, text: str) -> list[str]:
        """The quotes of `text` that match none of the journal's questions."""
        from ..core.questions import quoted

        return [quote for quote in quoted(text) if self._asks(quote) is None]


def _may_quote(text: str) -> str:
    """The SQL condition under which a row may quote a question (or is linked already): SQL's
    GLOB and LIKE are much quicker than the regexes of `quoted` on every row."""
    return (
        f"(question_link = 'suggested' OR question_link IS NULL AND ({text} GLOB :double "
        f"OR {text} GLOB :single OR {text} GLOB :first OR {text} LIKE '%asked%'))"
    )


def _runs(ids: Sequence[int]) -> list[tuple[int, int]]:
    """`ids` as runs of consecutive ids, (first, last): an import's new rows are one run."""
    runs: list[tuple[int, int]] = []
    for row_id in sorted(set(ids)):
        if runs and row_id == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row_id)
        else:
            runs.append((row_id, row_id))
    return runs


def link_rows(
    conn: sqlite3.Connection,
    table: str,
    rows: Iterable[LinkRow] | None = None,
    quotes: Quotes | None = None,
) -> int:
    """Link `rows` of `table` (issues or positives; all of them by default) to the question
    their text quotes, as "suggested"; a confirmed link is left as it is. A row whose question
    changes loses the story it had (a story of another question). Inside a write; returns how
    many rows changed."""
    text = TEXT_OF[table]
    if rows is None:
        rows = conn.execute(
            f"SELECT id, {text}, question_link, question_id FROM {table} WHERE {_may_quote(text)}",
            QUOTE_MARKS,
        ).fetchall()
    if quotes is None:
        quotes = Quotes(conn)
    changes = []
    for row_id, said, link, current in rows:
        if link == "confirmed":
            continue
        found = quotes.question(said)
        if found != current or (found is None) != (link is None):
            changes.append((found, None if found is None else "suggested", row_id))
    conn.executemany(
        f"UPDATE {table} SET question_id = ?, question_link = ?, story_id = NULL WHERE id = ?",
        changes,
    )
    return len(changes)


def link_ids(
    conn: sqlite3.Connection,
    table: str,
    ids: Sequence[int],
    quotes: Quotes | None = None,
) -> int:
    """`link_rows` for the rows of `table` with these ids (one written, or those an import
    wrote)."""
    text, changed = TEXT_OF[table], 0
    quotes = quotes or Quotes(conn)
    for first, last in _runs(ids):
        rows = conn.execute(
            f"SELECT id, {text}, question_link, question_id FROM {table} "
            f"WHERE id BETWEEN :from AND :to AND {_may_quote(text)}",
            {"from": first, "to": last} | QUOTE_MARKS,
        ).fetchall()
        changed += link_rows(conn, table, rows, quotes)
    return changed
