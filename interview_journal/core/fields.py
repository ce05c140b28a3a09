"""How a record's fields are described once, on the record itself (core/model.py).

Each field of Interview, Issue, Positive, FollowUp and Category carries a `Spec` in its dataclass
metadata: its shape (one line of text, a date, one of a few choices ...) and where it goes (the
exchange file, the CSV sheet, the store's row). From that one description come the exchange
file's keys and values (core/exchange), the CSV columns, the checks and cleaning of every value
the journal stores (core/validate) and the store's rows (store/converters). Adding a field is
adding it, with its Spec, to its dataclass.

Why not msgspec or cattrs (the issue names both): the records are slotted dataclasses that the
app, the store and the forms build, copy (`dataclasses.replace`) and compare; msgspec Structs
would change all of that at once. cattrs works on dataclasses but adds two dependencies, and
neither library's errors say what the format promises (`interviews[3].issues[0].severity: must be
1-3`): msgspec says "Expected `int`, got `str` - at `$.issues[0].severity`", cattrs raises an
exception group ("invalid value for type, expected int @ $.issues[0].severity"), so every error
would still be translated by hand. Nor do they know the format's own rules:
uuids derived from content when the file leaves them out, unknown fields warned about, a key
given twice refused, the file read as a stream (the reader uses the standard library's decoder
for that). What both would give here is the list of fields and their types, which the standard
library's `dataclasses.fields()` gives already: the metadata adds the rest, with no dependency
and nothing to load at start-up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Literal, TypeVar


class Shape(StrEnum):
    """What a field holds, which says how it is checked, cleaned, written and read."""

    UUID = "uuid"  # the record's id (derived from its content when a file leaves it out)
    PARENT = "parent"  # the uuid of the interview a child belongs to: never in a file
    LINE = "line"  # one line of the user's text
    TEXT = "text"  # the user's text, any number of lines
    CHOICE = "choice"  # one of `Spec.choices`
    LINES = "lines"  # a list of lines of the user's text (the interviewers)
    CHOICES = "choices"  # a list of `Spec.choices`, each once (the feelings)
    DATE = "date"
    TIME = "time"  # a time of day, HH:MM
    NUMBER = "number"  # a whole number from `Spec.low` to `Spec.high`
    FLAG = "flag"  # true or false
    STAMP = "stamp"  # when the record was made or changed: ISO 8601 with its zone, or ""
    SLUG = "slug"  # a category's slug
    CARD = "card"  # the review drill's fsrs card, as its JSON text
    REVIEWS = "reviews"  # the grades given in the drill
    LINK = "link"  # the uuid of another record it points at (the question asked), or None


# Shapes no spreadsheet needs: times of bookkeeping, the drill's state.
_NOT_IN_SHEET = (Shape.PARENT, Shape.STAMP, Shape.CARD, Shape.REVIEWS, Shape.LINK)


@dataclasses.dataclass(frozen=True, slots=True)
class Spec:
    shape: Shape
    required: bool = False
    choices: tuple[Any, ...] = ()
    low: int = 0
    high: int = 0
    limit: int | None = None
    """The most characters a text holds (None: the shape's own limit, see core/validate)."""
    message: str = ""
    """What a value of the wrong form is told (a slug), instead of the shape's own words."""
    file: bool = True
    """Written to and read from the exchange file."""
    null_if_empty: bool = False
    """Written to the file as null when empty (as every STAMP is)."""
    sheet: bool | None = None
    """A column of the CSV sheet (None: by its shape)."""
    row: Literal["rw", "r", ""] = "rw"
    """In the store's row: written and read, only read (kept up by the store itself), or not."""
    identity: bool = False
    """Part of the content a uuid is derived from when a file leaves it out."""
    row_fallback: str = ""
    """The column read instead where a row (of an older schema) has none for this field."""
    file_fallback: str = ""
    """The field whose value stands in where a file leaves this one out or empty."""

    @property
    def in_sheet(self) -> bool:
        return self.shape not in _NOT_IN_SHEET if self.sheet is None else self.sheet


def spec(
    shape: Shape, *, default: Any = dataclasses.MISSING, factory: Any = None, **kw: Any
) -> Any:
    """A dataclass field described by a Spec (keyword arguments as Spec's)."""
    metadata = {"spec": Spec(shape, **kw)}
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


@dataclasses.dataclass(frozen=True, slots=True)
class Described:
    """One described field: its name, its Spec and its default (MISSING when required)."""

    name: str
    spec: Spec
    default: Any
    shape: Shape


T = TypeVar("T")


def per_record(make: Callable[[type], T]) -> Callable[[type], T]:
    """`make(cls)` made once per record class and kept (functools.cache would do, but type
    checkers take a dataclass, whose instances are unhashable, for an unhashable key)."""
    made: dict[type, T] = {}

    def get(cls: type) -> T:
        if cls not in made:
            made[cls] = make(cls)
        return made[cls]

    get.__doc__, get.__name__ = make.__doc__, make.__name__
    return get


@per_record
def described(cls: type) -> tuple[Described, ...]:
    """The record's described fields in the order of the exchange file: its uuid first, then
    the others as the dataclass declares them."""
    found = []
    for item in dataclasses.fields(cls):
        if "spec" not in item.metadata:
            continue
        # a default made by a factory (a new uuid, an empty list) is not one value to share
        given = item.metadata["spec"]
        found.append(Described(item.name, given, item.default, given.shape))
    return tuple(sorted(found, key=lambda each: each.shape is not Shape.UUID))


@per_record
def in_file(cls: type) -> tuple[Described, ...]:
    return tuple(each for each in described(cls) if each.spec.file)


@per_record
def in_sheet(cls: type) -> tuple[Described, ...]:
    return tuple(each for each in described(cls) if each.spec.in_sheet)


def in_row(cls: type, *, written: bool) -> tuple[Described, ...]:
    """The fields the store's row holds: those it writes, or (`written` False) those it reads."""
    wanted = ("rw",) if written else ("rw", "r")
    return tuple(each for each in described(cls) if each.spec.row in wanted)


def compiled(name: str, source: str, scope: dict[str, Any]) -> Callable[..., Any]:
    """The function `name` defined by `source`, written out from the fields' descriptions as
    `dataclasses` writes a class's `__init__`: the functions every row and every record goes
    through (the store's rows, the checks) are then as quick as if written by hand; a loop
    over the fields for each record was up to six times slower.

    Compiled when first called, not when the module writing it out is imported: each takes a
    fifth of a millisecond to compile, there are about thirty, and the first frame calls one."""
    made: list[Callable[..., Any]] = []

    def call(*args: Any) -> Any:
        if not made:  # two threads at once compile it twice, to the same function
            namespace = dict(scope)
            exec(source, namespace)  # our own source, made of the field names of core/model.py
            made.append(namespace[name])
        return made[0](*args)

    call.__name__ = call.__qualname__ = name
    return call


def snake(name: str) -> str:
    """`FollowUp` as `follow_up`: how a record's functions are named."""
    return "".join(f"_{char.lower()}" if char.isupper() else char for char in name).lstrip("_")
