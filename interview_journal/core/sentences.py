"""Text as the user or a company wrote it, taken apart into sentences (the points of a
feedback, the lines of a brain dump), and told apart: praise, or something to work on. Pure."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d{1,2}[.)]|[a-z][.)])\s+", re.IGNORECASE)
_SENTENCE_END = re.compile(
    r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bMrs\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)"
    r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])"
)
"""Where a sentence ends: after . ! or ? and before a capital, but not after a title or an
abbreviation ("Mr. Smith seemed bored")."""
PRAISE = Path(__file__).with_name("praise.json")


@cache
def _words(path: Path = PRAISE) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words of praise and of critique (praise.json), each as a pattern that finds a word
    starting with one of them."""
    data = json.loads(path.read_text(encoding="utf-8"))
    praise, critique = (
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, data[key])) + ")", re.IGNORECASE)
        for key in ("praise", "critique")
    )
    return praise, critique


def is_praise(point: str) -> bool:
    """Whether `point` only praises ("Strong on the technical basics."): a word of praise and
    none of critique ("liked your background, but ..." is something to work on)."""
    praise, critique = _words()
    plain = point.replace("’", "'").replace("n't", " not")
    return bool(praise.search(plain)) and not critique.search(plain)


def sentences(text: str) -> list[str]:
    """Each item of a list and each sentence of a paragraph, in order: bullets and numbering
    taken off, spaces made single, empty ones left out."""
    lines = [_BULLET.sub("", line).strip() for line in text.splitlines()]
    parts = [part for line in lines for part in _SENTENCE_END.split(line)]
    return [joined for part in parts if (joined := " ".join(part.split()))]
