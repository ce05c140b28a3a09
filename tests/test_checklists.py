"""The checklist for the day of an interview, by its stage (issue 14): data that loads and
holds together, ticks kept by key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_journal.core.checklists import (
    DATA,
    ChecklistError,
    load_checklists,
    stage_checklist,
    stage_name,
    ticked,
)
from interview_journal.core.model import STAGES, Interview
from interview_journal.core.taxonomy import BUILTIN_SLUGS


def test_every_stage_has_its_items_with_unique_keys_and_known_categories() -> None:
    checklists = load_checklists()
    assert set(checklists) == set(STAGES)
    for stage, items in checklists.items():
        keys = [key for key, _, _ in items]
        assert len(keys) == len(set(keys)) >= 3, stage
        assert all(guards is None or guards in BUILTIN_SLUGS for _, _, guards in items), stage
        assert stage_name(stage)


@pytest.mark.parametrize(
    ("stage", "expected"),
    [
        ("phone", "A quiet room"),
        ("video", "Camera at eye level"),
        ("onsite", "Arrive 10–15 minutes early"),
        ("panel", "The names and roles of everyone"),
        ("technical", "Your editor, language and tools"),
    ],
)
def test_each_stage_asks_for_what_fits_it(stage: str, expected: str) -> None:
    texts = [check.text for check in stage_checklist(Interview(company="Acme", stage=stage))]
    assert any(text.startswith(expected) for text in texts)


def test_ticks_are_kept_by_key_and_those_of_another_stage_are_not_lost() -> None:
    video = Interview(company="Acme", stage="video", checklist=["route"])  # ticked as an onsite
    keys = ticked(video, ["link-tested", "no-such-item"])
    assert keys == ["route", "link-tested"]
    done = {
        check.key
        for check in stage_checklist(Interview(company="Acme", stage="video", checklist=keys))
        if check.done
    }
    assert done == {"link-tested"}
    onsite = Interview(
        company="Acme", stage="onsite", checklist=keys
    )  # changed back: its tick is there
    assert [check.key for check in stage_checklist(onsite) if check.done] == ["route"]


def test_the_company_is_named_and_avoidable_items_are_marked() -> None:
    checks = stage_checklist(Interview(company="  Acme   Corp ", stage="onsite"), {"attire"})
    assert checks[0].text.startswith("What Acme Corp does")
    assert [check.key for check in checks if check.avoidable] == ["attire"]


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d["stages"].update(other=[]), "stages.other: must be a list of items"),
        (lambda d: d["stages"]["phone"].append({"key": "water", "text": "x"}), "given twice"),
        (lambda d: d["stages"].update(lunch=[{"key": "a", "text": "b"}]), "not a stage"),
        (lambda d: d["stages"]["phone"].append({"key": "k"}), "must have a key and a text"),
    ],
)
def test_a_broken_file_is_refused_saying_where(tmp_path: Path, change, said: str) -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "checklists.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ChecklistError, match=said):
        load_checklists(path)
