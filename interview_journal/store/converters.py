"""The one seam where rows become domain objects and domain objects become rows.

The columns follow each field's description in core/model.py (core/fields.py): a field the row
holds is named as the field, and its shape says how it is written (a list as JSON text, a flag as
0 or 1, a date as ISO text) and how a value read back is checked."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from typing import Any, TypeVar

from ..core.fields import Described, Shape, compiled, in_row, snake
from ..core.model import Category, FollowUp, Interview, Issue, Positive, Question, Story
from .errors import DamagedRow

Row = dict[str, Any]
T = TypeVar("T")


def _reads(table: str) -> Callable[[Callable[[Row], T]], Callable[[Row], T]]:
    """A row another program wrote wrong (a date that is not one, text that is bytes) becomes
    a DamagedRow, said in one line, instead of an error deep in whatever reads it."""

    def wrap(convert: Callable[[Row], T]) -> Callable[[Row], T]:
        @functools.wraps(convert)
        def read(row: Row) -> T:
            try:
                return convert(row)
            except (ValueError, TypeError, KeyError, AttributeError) as error:
                raise DamagedRow(table, row.get("uuid") or row.get("slug"), error) from error

        return read

    return wrap


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{value!r:.40} is not text")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _number(value: object) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"{value!r:.40} is not a number")
    return value


def _texts(value: str) -> list[str]:
    items = json.loads(value)
    if not isinstance(items, list):
        raise TypeError(f"{value!r:.40} is not a list")
    return [_text(item) for item in items]


def _read_expression(each: Described) -> str:
    """The Python expression that reads the field's column of `row`, as its shape says."""
    name, shape, spec = repr(each.name), each.shape, each.spec
    column = f"row[{name}]"
    if spec.row_fallback:
        return f"(row.get({name}) or row[{spec.row_fallback!r}])"
    if shape in (Shape.CARD, Shape.LINK):
        # a link is read from a join (the question's uuid for its id): a row read as it is
        # stored (rescue) has none, and is read as linked to nothing
        return f"row.get({name})"
    if shape is Shape.CHOICE and None in spec.choices:
        return f"_optional_text(row.get({name}))"
    if shape in (Shape.LINE, Shape.TEXT, Shape.CHOICE) or (shape is Shape.SLUG and spec.required):
        return f"_text({column})"
    if shape is Shape.SLUG:
        return f"_optional_text({column})"
    if shape is Shape.NUMBER:
        return f"_number({column})"
    if shape in (Shape.LINES, Shape.CHOICES):
        return f"_texts({column})"
    if shape is Shape.DATE:
        # an optional date may be newer than the row's schema (a rescued older journal)
        return f"_day({column})" if spec.required else f"_date(row.get({name}))"
    if shape is Shape.TIME:
        return f"_time({column})"
    if shape is Shape.FLAG:
        return f"bool({column})"
    return column  # a uuid, a time it was made or changed


def _write_expression(each: Described) -> str:
    """The Python expression that writes the field of `record` as its column holds it."""
    value = f"record.{each.name}"
    if each.shape in (Shape.LINES, Shape.CHOICES):
        return f"_json_text({value})"
    if each.shape is Shape.FLAG:
        return f"int({value})"
    if each.shape is Shape.DATE:
        return f"_iso({value})"
    if each.shape is Shape.TIME:
        return f"_clock({value})"
    return value


def _from_row(cls: type[T], table: str) -> Callable[[Row], T]:
    """The function that makes a `cls` of a row of `table`: the fields the row holds (those
    described with `row` "rw" or "r" in core/model.py)."""
    name = f"{snake(cls.__name__)}_from_row"
    arguments = ", ".join(
        f"{each.name}={_read_expression(each)}" for each in in_row(cls, written=False)
    )
    source = f"def {name}(row):\n    return cls({arguments})\n"
    return _reads(table)(compiled(name, source, _SCOPE | {"cls": cls}))


def _to_row(cls: type) -> Callable[[Any], Row]:
    """The function that makes the row of a `cls` for its table: the fields the store writes
    (`row` "rw"; the parent's id, an issue's card and its grades are written apart)."""
    name = f"{snake(cls.__name__)}_to_row"
    items = ", ".join(
        f"{each.name!r}: {_write_expression(each)}" for each in in_row(cls, written=True)
    )
    return compiled(name, f"def {name}(record):\n    return {{{items}}}\n", _SCOPE)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def _clock(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _json_text(items: list[str]) -> str:
    return json.dumps(items, ensure_ascii=False)


# What the written-out functions call.
_SCOPE: dict[str, Any] = dict(
    _text=_text,
    _optional_text=_optional_text,
    _number=_number,
    _texts=_texts,
    _day=dt.date.fromisoformat,
    _date=_date,
    _time=_time,
    _iso=_iso,
    _clock=_clock,
    _json_text=_json_text,
)

interview_from_row = _from_row(Interview, "interviews")
interview_to_row = _to_row(Interview)
issue_from_row = _from_row(Issue, "issues")
issue_to_row = _to_row(Issue)
positive_from_row = _from_row(Positive, "positives")
positive_to_row = _to_row(Positive)
follow_up_from_row = _from_row(FollowUp, "follow_ups")
follow_up_to_row = _to_row(FollowUp)
category_from_row = _from_row(Category, "categories")
category_to_row = _to_row(Category)
story_from_row = _from_row(Story, "stories")
story_to_row = _to_row(Story)
_question_from_row = _from_row(Question, "questions")
_question_to_row = _to_row(Question)


def question_from_row(row: Row) -> Question:
    """A question of a row of `questions`, whose `group` is its column `grp` (GROUP is a word
    of SQL); its stories are read apart."""
    return _question_from_row(row | {"group": row["grp"]} if "grp" in row else row)


def question_to_row(question: Question) -> Row:
    row = _question_to_row(question)
    row["grp"] = row.pop("group")
    return row
