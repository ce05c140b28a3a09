"""The checklist for the day of an interview, by its stage (issue 14).

A phone screen asks for a quiet room and a charged phone, a video call for a tested link and
camera, an onsite for the route and copies of the résumé, a panel for the names of each person.
The items are data (checklists.json); which are ticked is kept on the interview as their keys
(`Interview.checklist`), so rewording an item keeps its tick. Pure: no Textual, no store.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .model import STAGES, Interview

DATA = Path(__file__).with_name("checklists.json")


class ChecklistError(ValueError):
    """checklists.json is not as this module expects: says where."""


@dataclass(frozen=True, slots=True)
class StageCheck:
    key: str
    text: str
    done: bool = False
    avoidable: bool = False
    """It guards against a mistake no answer excuses (late, no research, a phone out)."""


@cache
def load_checklists(path: Path = DATA) -> dict[str, tuple[tuple[str, str, str | None], ...]]:
    """Each stage's items as (key, text, the category it guards or None), checked: every stage
    has items (or falls back to "other"), keys are unique within a stage, texts not empty."""
    data = json.loads(path.read_text(encoding="utf-8"))
    stages = data.get("stages") if isinstance(data, dict) else None
    if not isinstance(stages, dict) or "other" not in stages:
        raise ChecklistError(f"{path.name}: stages: must be an object with at least 'other'")
    checklists: dict[str, tuple[tuple[str, str, str | None], ...]] = {}
    for stage, items in stages.items():
        where = f"{path.name}: stages.{stage}"
        if stage not in STAGES:
            raise ChecklistError(f"{where}: not a stage ({', '.join(STAGES)})")
        if not isinstance(items, list) or not items:
            raise ChecklistError(f"{where}: must be a list of items, not empty")
        seen: set[str] = set()
        entries = []
        for number, item in enumerate(items):
            item = item if isinstance(item, dict) else {}
            key, text, guards = item.get("key"), item.get("text"), item.get("guards")
            if not (isinstance(key, str) and key and isinstance(text, str) and text.strip()):
                raise ChecklistError(f"{where}[{number}]: must have a key and a text")
            if guards is not None and not isinstance(guards, str):
                raise ChecklistError(f"{where}[{number}].guards: must be a category's slug")
            if key in seen:
                raise ChecklistError(f"{where}[{number}].key: {key!r} is given twice")
            seen.add(key)
            entries.append((key, text, guards))
        checklists[stage] = tuple(entries)
    return checklists


@cache
def stage_names(path: Path = DATA) -> dict[str, str]:
    """Each stage as a sentence says it ("technical round"), every stage named."""
    names = json.loads(path.read_text(encoding="utf-8")).get("names")
    if not isinstance(names, dict) or set(names) != set(STAGES):
        raise ChecklistError(f"{path.name}: names: must name every stage ({', '.join(STAGES)})")
    if not all(isinstance(name, str) and name.strip() for name in names.values()):
        raise ChecklistError(f"{path.name}: names: each must be a text")
    return names


def stage_name(stage: str) -> str:
    return stage_names().get(stage, "interview")


def stage_checklist(interview: Interview, avoidable: Collection[str] = ()) -> list[StageCheck]:
    """The items for the interview's stage, ticked as the interview keeps them; those that
    guard against a category of `avoidable` (slugs) marked so."""
    checklists = load_checklists()
    items = checklists.get(interview.stage, checklists["other"])
    company = " ".join(interview.company.split()) or "the company"
    ticked = set(interview.checklist)
    return [
        StageCheck(key, text.format(company=company), key in ticked, guards in avoidable)
        for key, text, guards in items
    ]


def ticked(interview: Interview, keys: list[str]) -> list[str]:
    """The interview's ticks with those of its stage's items set to `keys`: the ticks of items
    of another stage (before the stage was changed) are kept, in case it is changed back."""
    own = {check.key for check in stage_checklist(interview)}
    kept = [key for key in interview.checklist if key not in own]
    return kept + [key for key in keys if key in own]
