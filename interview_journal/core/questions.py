"""The question bank, and which question an issue's words quote.

Most interviews are made of a short list of questions. The bank (questions.json, data shipped in
the package) is where a journal's questions start; the user adds, rewords and hides them. An
issue that quotes a question ("Blanked on 'tell me about a time you failed'", "they asked why I'm
leaving and I rambled") is linked to the question it quotes, matched loosely (rapidfuzz): the
words are rarely the bank's own.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

DATA = Path(__file__).with_name("questions.json")

MATCHES_FROM = 78.0
"""The least score (0-100) at which a quote is taken to be a question of the journal: below it,
the quote is offered to the user as a new question. Set from the phrasings in
tests/test_questions.py, where the questions asked score 86 and more and other quotes 67 at most."""

BUILTIN_NAMESPACE = uuid.UUID("6f1d3c2e-5b7a-4e0c-9a51-2f8d7c4b1e90")
"""A built-in question's uuid is derived from its key: the same in every journal."""

ID = TypeVar("ID")


class BankError(ValueError):
    """The bank's data file is not as this code reads it (a packaging or editing mistake)."""


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class BankQuestion:
    key: str
    group: str
    text: str
    hint: str
    also: tuple[str, ...] = ()
    """Other ways the same question is put: matched as the text is."""

    @property
    def uuid(self) -> str:
        return builtin_uuid(self.key)


def builtin_uuid(key: str) -> str:
    return str(uuid.uuid5(BUILTIN_NAMESPACE, key))


def load_bank(path: Path = DATA) -> tuple[tuple[Group, ...], tuple[BankQuestion, ...]]:
    """The groups and the questions of the bank at `path`, checked: every key well formed and
    once, every question in a group of the file, every text a non-empty line."""
    data = json.loads(path.read_text(encoding="utf-8"))
    groups = tuple(
        Group(_key(entry["key"], "group"), _line(entry["name"])) for entry in data["groups"]
    )
    known = {group.key for group in groups}
    if len(known) != len(groups):
        raise BankError("a group key is given twice")
    questions: list[BankQuestion] = []
    for number, entry in enumerate(data["questions"]):
        where = f"questions[{number}]"
        if entry.get("group") not in known:
            raise BankError(f"{where}.group: not one of the groups")
        also = entry.get("also", [])
        if not isinstance(also, list):
            raise BankError(f"{where}.also: must be a list of lines")
        questions.append(
            BankQuestion(
                key=_key(entry.get("key"), where),
                group=entry["group"],
                text=_line(entry.get("text"), f"{where}.text"),
                hint=_line(entry.get("hint", ""), f"{where}.hint", empty=True),
                also=tuple(_line(line, f"{where}.also") for line in also),
            )
        )
    if len({question.key for question in questions}) != len(questions):
        raise BankError("a question key is given twice")
    return groups, tuple(questions)


def _key(value: object, where: str) -> str:
    if not (isinstance(value, str) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value)):
        raise BankError(f"{where}: a key is lower-case words joined by hyphens")
    return value


def _line(value: object, where: str = "name", *, empty: bool = False) -> str:
    if not isinstance(value, str) or "\n" in value or not (empty or value.strip()):
        raise BankError(f"{where}: must be one line of text")
    return value.strip()


GROUPS, BANK = load_bank()


# -- what an issue quotes -----------------------------------------------------------------------

# In quotes: "…", “…”, '…' or ‘…’. A single quote opens after a space or punctuation and closes
# before one, so that the apostrophes of "I'd" and "don't" stay inside.
_QUOTED = re.compile(
    r"\"([^\"\n]{4,200})\"|“([^”\n]{4,200})”|‘([^’\n]{4,200})’|(?<![\w'])'(.{4,200}?)'(?![\w])"
)
# Reported: "they asked why I'm leaving and I rambled", "when asked about my weaknesses, I froze".
_ASKED = re.compile(
    r"\basked(?: (?:me|us|him|her|them))?\s+(.{4,200}?)"
    r"(?=\s*(?:[.;:!?,()\"“”—–]|\s-\s|\band\b|\bbut\b|\bso\b|\bthen\b|\bwhile\b|$))",
    re.IGNORECASE,
)


def quoted(text: str) -> list[str]:
    """The questions `text` quotes or reports, in the order they come, each once."""
    found: list[str] = []
    for match in _QUOTED.finditer(text):
        found.append(next(group for group in match.groups() if group))
    for match in _ASKED.finditer(text):
        found.append(match.group(1))
    seen: set[str] = set()
    kept = []
    for quote in (line.strip(" \t'\"‘’“”") for line in found):
        if len(quote.split()) >= 2 and quote.lower() not in seen:
            seen.add(quote.lower())
            kept.append(quote)
    return kept


# -- matching ------------------------------------------------------------------------------------

# Reported speech put back as it was asked: "why I'm leaving" was "why are you leaving".
_AS_ASKED = (
    (re.compile(r"\bi m\b"), "you are"),
    (re.compile(r"\bi am\b"), "you are"),
    (re.compile(r"\bi d\b"), "you would"),
    (re.compile(r"\bi ve\b"), "you have"),
    (re.compile(r"\bi\b"), "you"),
    (re.compile(r"\bmy\b"), "your"),
    (re.compile(r"\bme\b"), "you"),
    (re.compile(r"\bmyself\b"), "yourself"),
    (re.compile(r"\bmine\b"), "yours"),
    (re.compile(r"\bwhat s\b"), "what is"),
)


def as_asked(text: str) -> str:
    """`text` lower-cased, without punctuation, in the asker's person."""
    from rapidfuzz.utils import default_process

    said = default_process(text)
    for pattern, asked in _AS_ASKED:
        said = pattern.sub(asked, said)
    return said


class Matcher(Generic[ID]):
    """Tells which of a journal's questions a quote asks. Built once for many quotes (the
    migration links every issue of a journal): the questions' wordings are prepared here."""

    def __init__(self, questions: Iterable[tuple[ID, Sequence[str]]]) -> None:
        """`questions` as (id, the ways it is put: its text, and for a built-in question the
        bank's other wordings)."""
        self._ids: list[ID] = []
        self._ways: list[str] = []
        for key, ways in questions:
            for way in ways:
                if put := as_asked(way):
                    self._ids.append(key)
                    self._ways.append(put)

    def best(self, quote: str) -> tuple[ID, float] | None:
        """The question `quote` asks, with its score, or None when none scores `MATCHES_FROM`
        or more. A wording scores the mean of two rapidfuzz scores: one that forgives a quote
        shorter than the question (token set), one that does not (token sort), so that "about
        them" does not match every question about us."""
        from rapidfuzz import fuzz, process

        asked = as_asked(quote)
        if not asked or not self._ways:
            return None
        # Only a wording whose token-set score can still reach the mark is scored both ways.
        least = 2 * MATCHES_FROM - 100
        best: tuple[ID, float] | None = None
        for _way, loose, index in process.extract(
            asked, self._ways, scorer=fuzz.token_set_ratio, score_cutoff=least, limit=None
        ):
            score = (loose + fuzz.token_sort_ratio(asked, self._ways[index])) / 2
            if score >= MATCHES_FROM and (best is None or score > best[1]):
                best = (self._ids[index], score)
        return best
