"""The widget a form shows for a field of a record, made from the field's Spec (core/fields.py),
and the value read back from it.

A record's fields are described once, on the record (core/model.py): what a field holds (one
line, a text, one of a few choices, a number in a range ...), its choices, its limits. A form
takes all of that from there, so that a stage or an outcome added to the model is offered by the
form with no edit to the form, and a line stops where the journal would refuse it. What is only
about how the form looks (the label, the placeholder, how a choice reads, the order and grouping
of the fields) is the form's own, given as a `Look` beside the field's name.

    LINE      Input, as long as the journal takes (core/validate.limit_of); a paste of
              several lines is joined, not cut (widgets/line_input.py)
    TEXT      TextArea (soft wrap; tab moves on)
    CHOICE    Select over Spec.choices
    NUMBER    Select over Spec.low..Spec.high
    LINES     Input of names separated by commas (pasted lines joined with commas)
    CHOICES   SelectionList over Spec.choices
    DATE      Input read as a date and, when one is typed, a time ("next tue 14:00")

A Select may be left blank where the field's default is None (a rating not given).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea

from ...core.dates import When, format_date, format_time, parse_when
from ...core.fields import Described, Shape, described
from ...core.validate import limit_of
from .line_input import LineInput


def _plain(choice: Any) -> str | Content:
    return str(choice)


@dataclasses.dataclass(frozen=True, slots=True)
class Look:
    """How a form shows one field: nothing of what the field holds, which is its Spec's."""

    label: str = ""
    placeholder: str = ""
    option: Callable[[Any], str | Content] = _plain
    """How a choice reads in a Select or a SelectionList."""
    blank: str = "Select"
    """What a Select shows when nothing is chosen."""
    compact: bool = True


def field_of(record: type, name: str) -> Described:
    """The described field `name` of the record class (KeyError when it has none)."""
    for each in described(record):
        if each.name == name:
            return each
    raise KeyError(f"{record.__name__} has no described field {name!r}")


def _choices(field: Described) -> tuple[Any, ...]:
    spec = field.spec
    return tuple(range(spec.low, spec.high + 1)) if field.shape is Shape.NUMBER else spec.choices


def widget_for(field: Described, value: Any, look: Look) -> Widget:
    """The widget that edits `field`, showing `value`, with the field's name as its id."""
    spec, name, shape = field.spec, field.name, field.shape
    if shape is Shape.LINE:
        return LineInput(
            value,
            placeholder=look.placeholder,
            max_length=limit_of(spec),
            id=name,
            compact=look.compact,
        )
    if shape is Shape.LINES:
        return LineInput(
            ", ".join(value),
            placeholder=look.placeholder,
            joiner=", ",
            id=name,
            compact=look.compact,
        )
    if shape is Shape.TEXT:
        return TextArea(
            value,
            soft_wrap=True,
            tab_behavior="focus",
            placeholder=look.placeholder,
            id=name,
            compact=look.compact,
        )
    if shape in (Shape.CHOICE, Shape.NUMBER):
        return Select(
            [(look.option(choice), choice) for choice in _choices(field)],
            prompt=look.blank,
            allow_blank=field.default is None,
            value=Select.NULL if value is None else value,
            id=name,
            compact=look.compact,
        )
    if shape is Shape.CHOICES:
        chosen = set(value)
        return SelectionList[Any](
            *((look.option(choice), choice, choice in chosen) for choice in spec.choices),
            id=name,
            compact=look.compact,
        )
    if shape is Shape.DATE:
        return when_input(name, value, None, look)
    raise TypeError(f"no widget edits a field of shape {shape}: {name}")


def value_of(field: Described, widget: Widget) -> Any:
    """The value of `field` the widget made by `widget_for` holds, as the record holds it (not
    yet checked: core/validate does that). A Select left blank gives the field's default. A
    date is read with `when_of`, which needs today's date and how the user writes dates."""
    shape = field.shape
    if shape is Shape.LINE and isinstance(widget, Input):
        return widget.value
    if shape is Shape.LINES and isinstance(widget, Input):
        return [name.strip() for name in widget.value.split(",") if name.strip()]
    if shape is Shape.TEXT and isinstance(widget, TextArea):
        return widget.text
    if shape in (Shape.CHOICE, Shape.NUMBER) and isinstance(widget, Select):
        return field.default if widget.is_blank() else widget.value
    if shape is Shape.CHOICES and isinstance(widget, SelectionList):
        selected = set(widget.selected)
        return [choice for choice in field.spec.choices if choice in selected]
    raise TypeError(f"{type(widget).__name__} does not edit {field.name} ({shape})")


def shown(widget: Widget) -> object:
    """What the widget shows, as typed (not read as a value): equal before and after exactly
    when the user has changed nothing in it."""
    if isinstance(widget, Input | Select):
        return widget.value
    if isinstance(widget, SelectionList):
        return tuple(sorted(widget.selected, key=str))
    if isinstance(widget, TextArea):
        return widget.text
    raise TypeError(f"{type(widget).__name__} is not a field's widget")


def when_input(name: str, date: dt.date | None, time: dt.time | None, look: Look) -> Input:
    """A date and, where given, its time of day in one line of text, the way it is said
    ("next tue 14:00"); no date yet reads "today"."""
    text = "today"
    if date is not None:
        text = format_date(date) + ("" if time is None else " " + format_time(time))
    return LineInput(text, placeholder=look.placeholder, id=name, compact=look.compact)


def when_of(widget: Input, *, today: dt.date, dayfirst: bool) -> When:
    """The date and time typed in a `when_input` (DateParseError, which says why, if none)."""
    return parse_when(widget.value, today=today, dayfirst=dayfirst)
