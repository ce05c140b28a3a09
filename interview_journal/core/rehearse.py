"""Questions to rehearse before the next interview: of the questions the journal knows, those
linked to a mistake that keeps coming back, those asked before at the same company or at the same
stage, and those due for practice, each with why. Pure: no Textual, no store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .model import Interview

__all__ = ["QUESTIONS_LISTED", "QuestionFacts", "Rehearse", "how_often", "questions_to_rehearse"]

QUESTIONS_LISTED = 8
"""Questions to rehearse the briefing lists; it says how many more there are."""


@dataclass(frozen=True, slots=True)
class QuestionFacts:
    """What the journal knows of one question, for choosing what to rehearse."""

    uuid: str
    text: str
    answered: bool
    due: dt.datetime | None
    """When it is next due for practice; None if never practised."""
    asked: list[tuple[dt.date, str, str]] = field(default_factory=list)
    """Each past interview where it came up: date, company, stage (latest first)."""
    mistakes: frozenset[str] = frozenset()
    """The categories of the issues linked to it."""


@dataclass(frozen=True, slots=True)
class Rehearse:
    """A question to rehearse before the interview, and why."""

    uuid: str
    text: str
    reasons: list[str]
    answered: bool


def how_often(times: int) -> str:
    """ "once", "twice", "3 times": how often a question came up."""
    return {1: "once", 2: "twice"}.get(times, f"{times} times")


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same(a: str, b: str) -> bool:
    return bool(a.strip()) and _normal(a) == _normal(b)


def questions_to_rehearse(
    facts: Iterable[QuestionFacts],
    *,
    upcoming: Interview | None,
    recurring: Mapping[str, str],
    now: dt.datetime,
    limit: int = QUESTIONS_LISTED,
) -> tuple[list[Rehearse], int]:
    """The questions to rehearse and how many more there are: those linked to a mistake that
    keeps coming back (`recurring`: the names of such categories, by slug), those asked before
    at the next interview's company, or at its stage, and those due for practice, each with its
    reasons, in that order of weight (more reasons first within one weight, then by text)."""
    now = now.astimezone(dt.UTC)
    chosen: list[tuple[int, int, str, Rehearse]] = []
    for question in facts:
        reasons: list[tuple[int, str]] = []
        mistakes = sorted(recurring[slug] for slug in question.mistakes if slug in recurring)
        if mistakes:
            reasons.append((0, f"linked to a mistake that keeps coming back: {mistakes[0]}"))
        if upcoming is not None:
            there = [
                date for date, company, _ in question.asked if _same(company, upcoming.company)
            ]
            if there:
                reasons.append((1, f"asked at {upcoming.company.strip()} in {there[0]:%b %Y}"))
            stage = upcoming.stage
            at_stage = sum(1 for _, _, asked_at in question.asked if asked_at == stage)
            if stage != "other" and at_stage:
                reasons.append((2, f"asked {how_often(at_stage)} at a {stage} interview"))
        if question.due is not None and question.due.astimezone(dt.UTC) <= now:
            reasons.append((3, "due for practice"))
        if reasons:
            weight = min(rank for rank, _ in reasons)
            item = Rehearse(
                question.uuid, question.text, [r for _, r in reasons], question.answered
            )
            chosen.append((weight, -len(reasons), _normal(question.text), item))
    chosen.sort(key=lambda entry: entry[:3])
    kept = [item for *_, item in chosen[: max(limit, 0)]]
    return kept, len(chosen) - len(kept)
