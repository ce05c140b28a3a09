"""The forms take their fields from the one description of each record (the Specs of
core/model.py): the widget, the choices offered, the limits. A stage, an outcome or a feeling
added to the model is offered by the form with no edit to the form."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList, Select, SelectionList

from interview_journal.core.fields import Described, described
from interview_journal.core.model import Interview, Issue
from interview_journal.core.validate import limit_of
from interview_journal.tui.screens.interview_form import FIELDS, NOT_IN_FORM, InterviewForm
from interview_journal.tui.widgets import fields as form_fields
from interview_journal.tui.widgets.fields import Look, field_of, value_of, widget_for
from interview_journal.tui.widgets.issue_editor import IssueEditor

from .dialog_host import DialogHost

TODAY = dt.date(2026, 11, 27)


@asynccontextmanager
async def form(interview: Interview | None = None) -> AsyncIterator[tuple[App[Any], Pilot]]:
    app = DialogHost(lambda: InterviewForm(interview, today=TODAY))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        yield app, pilot


def select_texts(select: Select[Any]) -> list[str]:
    """What the Select offers, as its menu reads (the blank one first where it has one)."""
    menu = select.query_one(OptionList)
    return [str(menu.get_option_at_index(i).prompt) for i in range(menu.option_count)]


def selection_values(selections: SelectionList[Any]) -> list[Any]:
    return [selections.get_option_at_index(i).value for i in range(selections.option_count)]


def test_the_form_shows_only_fields_of_interview_and_leaves_out_the_others_on_purpose() -> None:
    names = [field.name for field in dataclasses.fields(Interview)]
    assert [name for name in FIELDS if name not in names] == []  # each one a field of Interview
    assert not set(FIELDS) & set(NOT_IN_FORM)
    # A field added to Interview is either shown by the form or said not to be, and why.
    assert sorted(set(FIELDS) | set(NOT_IN_FORM)) == sorted(names)


async def test_the_form_offers_the_choices_of_the_spec() -> None:
    async with form() as (app, _):
        screen = app.screen
        for name in ("stage", "outcome"):
            assert select_texts(screen.query_one(f"#{name}", Select)) == list(
                field_of(Interview, name).spec.choices
            )
        rating = field_of(Interview, "rating").spec
        assert select_texts(screen.query_one("#rating", Select)) == [
            "none",
            *(f"{n} of {rating.high}" for n in range(rating.low, rating.high + 1)),
        ]
        feelings = screen.query_one("#feelings", SelectionList)
        assert selection_values(feelings) == list(field_of(Interview, "feelings").spec.choices)


def _with_more_choices(record: type) -> tuple[Described, ...]:
    """Interview's fields as if the model offered one more stage, outcome and feeling, and
    ratings up to 10."""
    more: dict[str, dict[str, Any]] = {
        "stage": {"choices": ("coffee-chat",)},
        "outcome": {"choices": ("ghosted",)},
        "feelings": {"choices": ("proud",)},
    }
    found = []
    for field in _REAL_DESCRIBED(record):
        spec = field.spec
        if record is Interview and field.name in more:
            spec = dataclasses.replace(spec, choices=spec.choices + more[field.name]["choices"])
        if record is Interview and field.name == "rating":
            spec = dataclasses.replace(spec, high=10)
        found.append(dataclasses.replace(field, spec=spec))
    return tuple(found)


_REAL_DESCRIBED: Callable[[type], tuple[Described, ...]] = described


async def test_a_choice_added_to_the_model_is_offered_with_no_edit_to_the_form(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(form_fields, "described", _with_more_choices)
    async with form() as (app, pilot):
        screen = app.screen
        assert select_texts(screen.query_one("#stage", Select))[-1] == "coffee-chat"
        assert select_texts(screen.query_one("#outcome", Select))[-1] == "ghosted"
        assert select_texts(screen.query_one("#rating", Select))[-1] == "10 of 10"
        feelings = screen.query_one("#feelings", SelectionList)
        assert selection_values(feelings)[-1] == "proud"
        # ... and what is chosen of them is read back.
        screen.query_one("#stage", Select).value = "coffee-chat"
        feelings.select("proud")
        await pilot.pause()
        stage = value_of(field_of(Interview, "stage"), screen.query_one("#stage"))
        chosen = value_of(field_of(Interview, "feelings"), feelings)
        assert (stage, chosen) == ("coffee-chat", ["proud"])


async def test_a_line_stops_where_the_journal_would_refuse_it() -> None:
    limit = limit_of(field_of(Interview, "company").spec)
    async with form() as (app, pilot):
        company = app.screen.query_one("#company", Input)
        assert company.max_length == limit
        company.value = "A" * (limit - 1)
        company.cursor_position = len(company.value)
        await pilot.press("B", "C")
        await pilot.pause()
        assert company.value == "A" * (limit - 1) + "B"


class _Widgets(App[None]):
    """The widgets `make` makes (in the app, as a widget is made), and nothing else."""

    def __init__(self, make: Callable[[], list[Widget]]) -> None:
        super().__init__()
        self.make = make
        self.widgets: list[Widget] = []

    def compose(self) -> ComposeResult:
        self.widgets = self.make()
        yield from self.widgets


FULL = Interview(
    company="Acme",
    role="Engineer",
    stage="onsite",
    interviewers=["Dana Lee", "Sam"],
    outcome="rejected",
    rating=4,
    feelings=["disappointed", "angry", "hopeful"],  # in the model's order, not sorted
    notes="brain dump\nsecond line",
)


@pytest.mark.parametrize("interview", [FULL, Interview(company="Acme")])
async def test_each_field_reads_back_the_value_it_was_shown_with(interview: Interview) -> None:
    shown = [name for name in FIELDS if name != "date"]  # the date: with the time, in the form
    app = _Widgets(
        lambda: [
            widget_for(field_of(Interview, name), getattr(interview, name), Look(name))
            for name in shown
        ]
    )
    async with app.run_test() as pilot:
        await pilot.pause()
        read = {
            name: value_of(field_of(Interview, name), widget)
            for name, widget in zip(shown, app.widgets, strict=True)
        }
    assert read == {name: getattr(interview, name) for name in shown}


async def test_the_issue_editor_offers_the_severities_of_the_spec() -> None:
    app = _Widgets(lambda: [IssueEditor()])
    async with app.run_test() as pilot:
        await pilot.pause()
        editor = app.query_one(IssueEditor)
        severity = field_of(Issue, "severity")
        select = editor.query_one("#severity", Select)
        assert len(select_texts(select)) == severity.spec.high - severity.spec.low + 1
        assert select_texts(select) == ["minor", "notable", "serious"]
        assert select.value == severity.default
        editor.load(Issue(problem="Late", severity=3, interview_uuid="i"))
        await pilot.pause()
        assert select.value == 3
        editor.dirty = True
        draft = editor.take_draft()
        assert draft is not None and draft.severity == 3 and draft.problem == "Late"


async def test_a_severity_added_to_the_model_is_offered_by_the_issue_editor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def more_severe(record: type) -> tuple[Described, ...]:
        found = _REAL_DESCRIBED(record)
        if record is not Issue:
            return found
        return tuple(
            dataclasses.replace(field, spec=dataclasses.replace(field.spec, high=4))
            if field.name == "severity"
            else field
            for field in found
        )

    monkeypatch.setattr(form_fields, "described", more_severe)
    app = _Widgets(lambda: [IssueEditor()])
    async with app.run_test() as pilot:
        await pilot.pause()
        select = app.query_one("#severity", Select)
        assert select_texts(select) == ["minor", "notable", "serious", "4"]
