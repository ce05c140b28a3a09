"""The words of the demo journal (core/sample.py), kept as data: sample.json beside this module,
read with the standard library when a sample is first made, never when the app starts."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class SampleTexts:
    """The words of the demo journal, kept as data in sample.json beside this module and read
    (once) when a sample is made, not when the module is imported. `"{...}"` in a text is
    filled per interview (see `_Journal.slots`)."""

    companies: tuple[str, ...]
    roles: tuple[str, ...]
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    projects: tuple[str, ...]
    questions: tuple[str, ...]
    topics: tuple[str, ...]
    issue_texts: dict[str, tuple[tuple[str, str, str], ...]]
    """(problem, what I should have done, action) per category."""
    positives: tuple[str, ...]
    openers_low: tuple[str, ...]
    openers_high: tuple[str, ...]
    stage_lines: dict[str, str]
    upcoming_lines: dict[str, str]
    hints: dict[str, str]
    """The line of the notes that hints at an interview's first mistake, per category."""
    closers_low: tuple[str, ...]
    closers_high: tuple[str, ...]
    prep_lines: tuple[str, ...]
    thank_you: tuple[str, ...]
    feedback_request: tuple[str, ...]
    second_chance: str
    feedback_given: tuple[str, ...]
    """What a company answered when asked for feedback (kept on the interview)."""
    worksheet: dict[str, str]
    """The prep worksheet of the next upcoming interview: a text per field of Interview."""
    places: dict[str, str]
    """Where an upcoming interview is held: "location" (an onsite's) and "link" (a call's)."""

    def preparation(self, stage: str, slots: dict[str, str], *, worksheet: bool) -> dict[str, Any]:
        """Where an upcoming interview is held, by its stage, and (for the next one) its prep
        worksheet, as fields of Interview. Drawn without the random generator, so the rest of
        the sample is the same as it was before these fields."""
        found: dict[str, Any] = {}
        if stage in ("onsite", "panel", "final"):
            found["location"] = self.places["location"].format_map(slots)
        elif stage in ("video", "technical"):
            code = "-".join(slots["company"].lower().replace("&", "and").split())
            found["link"] = self.places["link"].format_map({**slots, "code": code})
        if worksheet:
            found |= {key: text.format_map(slots) for key, text in self.worksheet.items()}
        return found


SAMPLE_TEXTS = Path(__file__).with_name("sample.json")


@cache
def sample_texts(path: Path = SAMPLE_TEXTS) -> SampleTexts:
    """The demo journal's texts, read from `path` and checked: a file that lacks a text, has
    one too many, or holds one of the wrong form raises ValueError naming it."""
    try:
        return _checked(json.loads(path.read_text(encoding="utf-8")))
    except ValueError as error:  # JSONDecodeError too
        raise ValueError(f"{path.name}: {error}") from None


def _checked(data: object) -> SampleTexts:
    if not isinstance(data, dict):
        raise ValueError("must be an object")
    data.pop("about", None)
    wanted = {item.name: item.type for item in fields(SampleTexts)}
    if set(data) != set(wanted):
        missing, unknown = sorted(set(wanted) - set(data)), sorted(set(data) - set(wanted))
        said = [f"missing {missing}" if missing else "", f"unknown {unknown}" if unknown else ""]
        raise ValueError(", ".join(part for part in said if part))
    texts: dict[str, Any] = {}
    for name, kind in wanted.items():
        value = data[name]
        if kind == "str":  # the annotations as written (this module defers them)
            texts[name] = _text(value, name)
        elif kind == "tuple[str, ...]":
            texts[name] = _texts(value, name)
        elif kind == "dict[str, str]":
            texts[name] = {key: _text(text, f"{name}.{key}") for key, text in _items(value, name)}
        else:  # the issue texts: three texts per entry, a problem and a solution at least
            texts[name] = {
                key: _issue_texts(entries, f"{name}.{key}") for key, entries in _items(value, name)
            }
    return SampleTexts(**texts)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{where}: must be a text")
    return value


def _texts(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: must be a list of texts, not empty")
    return tuple(_text(text, f"{where}[{index}]") for index, text in enumerate(value))


def _items(value: object, where: str) -> list[tuple[str, Any]]:
    if not isinstance(value, dict) or not value:
        raise ValueError(f"{where}: must be an object, not empty")
    return list(value.items())


def _issue_texts(value: object, where: str) -> tuple[tuple[str, str, str], ...]:
    entries = []
    for index, entry in enumerate(_list(value, where)):
        texts = _texts(entry, f"{where}[{index}]")
        if len(texts) != 3 or not texts[0] or not texts[1]:
            raise ValueError(f"{where}[{index}]: must be [problem, should have, action]")
        entries.append((texts[0], texts[1], texts[2]))
    return tuple(entries)


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: must be a list, not empty")
    return value
