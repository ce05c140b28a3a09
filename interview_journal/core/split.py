"""The brain dump split into draft issues (issue 14): the method's "write it all down while it is
fresh, sort the causes when calm". Each sentence or line of the dump becomes a draft with the
category its words suggest; the user keeps, merges or drops them, and the kept ones become the
interview's issues. Pure: no I/O, no Textual.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Issue
from .sentences import is_praise, sentences
from .taxonomy import suggest_category

SHORTEST = 12
"""Characters a sentence needs to stand alone: a shorter one ("Awful.") joins the one before."""
MOST_DRAFTS = 40
"""A bound on the drafts of one dump: a dump longer than that is split at its first 40."""


@dataclass(frozen=True, slots=True)
class Draft:
    """One draft issue: its words, the category they suggest, and whether it is kept."""

    text: str
    category: str | None = None
    keep: bool = True
    known: bool = False
    """It is an issue of the interview already (dropped, and said so)."""
    praise: bool = False
    """It reads as something that went well (dropped at first: a mistake list is no place)."""


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().rstrip(".!?")


def drafts_from_dump(notes: str, existing: Sequence[Issue] = ()) -> list[Draft]:
    """The dump's sentences as drafts, in order. Headings ("Things that went wrong:") are left
    out, short fragments joined to the sentence before; a sentence that is already one of
    `existing` or reads as praise is offered dropped."""
    written = [_key(issue.problem) for issue in existing]
    parts: list[str] = []
    for sentence in sentences(notes):
        if sentence.endswith(":"):
            continue  # a heading, not a point
        if parts and len(sentence) < SHORTEST:
            parts[-1] = f"{parts[-1]} {sentence}"
        else:
            parts.append(sentence)
    if len(parts) > 1 and len(parts[0]) < SHORTEST:  # a short first one joins the next
        first = parts.pop(0)
        parts[0] = f"{first} {parts[0]}"
    drafts = []
    seen: set[str] = set()
    for text in parts[:MOST_DRAFTS]:
        key = _key(text)
        if key in seen:
            continue
        seen.add(key)
        # already an issue: as it was written, or inside one (merged with another)
        was_known, praise = any(key in problem for problem in written), is_praise(text)
        drafts.append(
            Draft(
                text=text,
                category=suggest_category(text),
                keep=not (was_known or praise),
                known=was_known,
                praise=praise,
            )
        )
    return drafts


def merge_with_previous(drafts: Sequence[Draft], index: int) -> list[Draft]:
    """Draft `index` joined to the one before it: one issue of both their words, kept, with
    the category the joined words suggest (else the first one's)."""
    if not 0 < index < len(drafts):
        return list(drafts)
    first, second = drafts[index - 1], drafts[index]
    text = f"{first.text} {second.text}"
    merged = Draft(text=text, category=suggest_category(text) or first.category or second.category)
    return [*drafts[: index - 1], merged, *drafts[index + 1 :]]


def toggled(drafts: Sequence[Draft], index: int) -> list[Draft]:
    """Draft `index` kept if it was dropped, dropped if it was kept."""
    changed = list(drafts)
    changed[index] = dataclasses.replace(changed[index], keep=not changed[index].keep)
    return changed


def issues_from_drafts(drafts: Sequence[Draft], interview_uuid: str) -> list[Issue]:
    """The kept drafts as issues of the interview, with the category each suggests (shown in
    the list before it was kept; the editor can change it)."""
    return [
        Issue(problem=draft.text, category=draft.category, interview_uuid=interview_uuid)
        for draft in drafts
        if draft.keep
    ]
