"""Reading one object of a file, strict about what matters and saying where: every failure
names the path to the bad field (`interviews[3].issues[0].severity: must be 1-3`); and the
file's objects built as they are parsed, each key once (`Objects`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
import uuid as uuid_module
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..fields import Described, Shape
from ..model import Review
from ..validate import FormatError

_REVIEW_KEYS = tuple(item.name for item in dataclasses.fields(Review))
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
# A uuid as `str(uuid.UUID(value))` writes it: such a value is taken as it is, unparsed.
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Uuids the file leaves out are derived from the content, so importing it twice still matches.
_NAMESPACE = uuid_module.UUID("6f1d0c52-6a43-4a8e-9d1e-8d5c2f7b9a10")


_REMEMBERED = 4096
"""The most values of one kind a file's reading keeps already parsed (then it starts again)."""


@dataclass
class Context:
    """What the readers of one file share: the warnings, the content keys of rows whose
    uuids were derived, and the last few thousand dates, times of day and stamps found good,
    so that a value met again (a file's rows share dates and times) is not parsed again."""

    warnings: list[str] = field(default_factory=list)
    occurrences: Counter[bytes] = field(default_factory=Counter)
    dates: dict[str, dt.date] = field(default_factory=dict)
    times: dict[str, dt.time] = field(default_factory=dict)
    stamps: set[str] = field(default_factory=set)


def _remember(found: dict | set, value: str, parsed: object = None) -> None:
    if len(found) >= _REMEMBERED:
        found.clear()
    if isinstance(found, dict):
        found[value] = parsed
    else:
        found.add(value)


class Reader:
    """Reads one object of the file, knowing its path for messages."""

    __slots__ = ("context", "data", "path")

    def __init__(self, data: object, path: str, context: Context) -> None:
        if not isinstance(data, dict):
            raise FormatError(f"{path or 'the file'}: must be an object")
        self.data = data
        self.path = path
        self.context = context

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, message: str) -> FormatError:
        return FormatError(f"{self.at(key)}: {message}")

    def known(self, keys: Iterable[str]) -> None:
        for key in self.data:
            if key not in keys:
                self.context.warnings.append(f"{self.at(str(key))}: unknown field, ignored")

    def text(self, key: str, *, required: bool = False, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required")
            return default
        if not isinstance(value, str):
            raise self.fail(key, "must be a string")
        if required and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.text(key)
        return value or None

    def integer(self, key: str, *, default: int | None) -> int | None:
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(key, "must be a whole number")
        return value

    def boolean(self, key: str) -> bool:
        value = self.data.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            raise self.fail(key, "must be true or false")
        return value

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        value = self.text(key, required=required)
        if not value:
            return None
        if value in self.context.dates:
            return self.context.dates[value]
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            date = dt.date.fromisoformat(value)
            _remember(self.context.dates, value, date)
            return date
        except ValueError:
            raise self.fail(key, f"must be a date as YYYY-MM-DD, not {value!r}") from None

    def time(self, key: str) -> dt.time | None:
        value = self.text(key)
        if not value:
            return None
        if value in self.context.times:
            return self.context.times[value]
        try:
            if not _CLOCK_TIME.fullmatch(value):
                raise ValueError(value)
            time = dt.time.fromisoformat(value.zfill(5))
            _remember(self.context.times, value, time)
            return time
        except ValueError:
            raise self.fail(key, f"must be a time as HH:MM, not {value!r}") from None

    def stamp(self, key: str) -> str:
        """A time a record was made or changed, kept as the file writes it: ISO 8601 with its
        time zone ("" when the file has none)."""
        value = self.text(key)
        if not value or value in self.context.stamps:
            return value
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self.fail(key, f"must be a time like 2026-11-20T14:00:00+00:00, not {value!r}")
        _remember(self.context.stamps, value)
        return value

    def card(self, key: str) -> str | None:
        """The review drill's state of an issue: an fsrs card, stored as its JSON text."""
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(key, "must be an object (a review card)")
        try:
            due = dt.datetime.fromisoformat(value["due"])
            if due.tzinfo is None or not isinstance(value.get("state"), int):
                raise ValueError(due)
        except (KeyError, TypeError, ValueError):
            raise self.fail(key, "is not a review card (it needs a state and a due time)") from None
        return json.dumps(value)

    def reviews(self, key: str) -> list[Review]:
        reviews = []
        for item in self.objects(key):
            item.known(_REVIEW_KEYS)
            rating = item.integer("rating", default=None)
            if rating not in (1, 2, 3, 4):
                raise item.fail("rating", "must be 1-4 (again, hard, good, easy)")
            reviewed, due = item.stamp("reviewed"), item.stamp("due")
            if not reviewed or not due:
                raise item.fail("reviewed" if not reviewed else "due", "is required")
            reviews.append(Review(rating=rating, reviewed=reviewed, due=due))
        return reviews

    def strings(self, key: str) -> list[str]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list of strings")
        for index, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(f"{key}[{index}]", "must be a string")
        return list(value)

    def objects(self, key: str) -> list[Reader]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        at, context = self.at(key), self.context
        return [Reader(item, f"{at}[{index}]", context) for index, item in enumerate(value)]

    def uuid(self, *content: object) -> str:
        """The row's uuid; one the file leaves out is derived from the row's content (and how
        many identical rows came before it), so the same file imported again matches."""
        value = self.text("uuid")
        if not value:
            key = json.dumps(content, default=str)
            # counted by a digest of the content: a large file holds no copy of its texts
            seen = self.context.occurrences
            digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).digest()
            seen[digest] += 1
            return str(uuid_module.uuid5(_NAMESPACE, f"{key}#{seen[digest]}"))
        if CANONICAL_UUID.fullmatch(value):
            return value
        try:
            return str(uuid_module.UUID(value))
        except ValueError:
            raise self.fail("uuid", f"must be a UUID, not {value!r}") from None


def field_reader(each: Described) -> Callable[[Reader], Any]:
    """How the field is read from an object of the file, made once from its description. In
    the file a field is required where its record has no default for it (a company, a date, a
    problem) nor a fallback; otherwise its default stands in for a value the file leaves out."""
    name, shape, default = each.name, each.shape, each.default
    required = default is dataclasses.MISSING and not each.spec.file_fallback
    if shape in (Shape.LINE, Shape.TEXT, Shape.CHOICE):
        text = default if isinstance(default, str) else ""
        return partial(Reader.text, key=name, required=required, default=text)
    if shape is Shape.SLUG:
        if required:
            return partial(Reader.text, key=name, required=True)
        return partial(Reader.optional_text, key=name)
    if shape is Shape.DATE:
        return partial(Reader.date, key=name, required=required)
    if shape is Shape.NUMBER:
        return partial(Reader.integer, key=name, default=default)
    method = {
        Shape.TIME: Reader.time,
        Shape.LINES: Reader.strings,
        Shape.CHOICES: Reader.strings,
        Shape.FLAG: Reader.boolean,
        Shape.STAMP: Reader.stamp,
        Shape.CARD: Reader.card,
        Shape.REVIEWS: Reader.reviews,
    }.get(shape)
    if method is None:
        raise AssertionError(f"{name}: a {shape} is not read from a file")
    return partial(method, key=name)


class Objects:
    """Builds the file's objects, noting each one that gives a key twice: JSON parsers keep the
    last, so `"severity": 1, "severity": 3` would import 3 where the file also said 1."""

    def __init__(self) -> None:
        # id of such an object -> the object (kept, so that its id is not reused) and the key
        self.twice: dict[int, tuple[dict[str, Any], str]] = {}

    def build(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built = dict(pairs)
        if len(built) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:  # the first key met again
                if key in seen:
                    self.twice[id(built)] = (built, key)
                    break
                seen.add(key)
        return built

    def first_repeated(self, data: object) -> str:
        """The path of the first key given twice, in the order of the file."""
        stack: list[tuple[object, str]] = [(data, "")]
        while stack:
            value, path = stack.pop()
            if isinstance(value, dict):
                if id(value) in self.twice:
                    key = self.twice[id(value)][1]
                    return f"{path}.{key}" if path else key
                children = [(v, f"{path}.{k}" if path else k) for k, v in value.items()]
            elif isinstance(value, list):
                children = [(v, f"{path}[{i}]") for i, v in enumerate(value)]
            else:
                continue
            stack.extend(reversed(children))
        return "a key"  # only in an object the file itself replaced by a repeated key


def given_twice(objects: Objects, value: object, path: str) -> None:
    """Refuse a value in which some object gives a key twice, with the path to that key."""
    if objects.twice:
        inner = objects.first_repeated(value)
        joined = f"{path}{inner}" if inner.startswith("[") or not path else f"{path}.{inner}"
        raise FormatError(f"{joined}: is given twice in the file")
