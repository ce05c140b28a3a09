"""Reading a whole file as it comes in pieces (`Reading`), or from one text (`loads`)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .. import jsonstream
from ..model import Category, FollowUp, Interview, InterviewRecord, Issue, Positive
from ..validate import (
    FormatError,
    prepare_category,
    prepare_follow_up,
    prepare_interview,
    prepare_issue,
    prepare_positive,
)
from .format import FORMAT, MAX_ROWS, READABLE_VERSIONS, VERSION
from .reader import Context, Reader, checked

_INTERVIEW_KEYS = (
    "uuid",
    "company",
    "role",
    "date",
    "time",
    "stage",
    "interviewers",
    "outcome",
    "rating",
    "feelings",
    "notes",
    "closed",
    "created",
    "updated",
    "issues",
    "positives",
    "follow_ups",
)
_STAMPS = ("created", "updated")
_ISSUE_KEYS = ("uuid", "problem", "should_have", "category", "severity", "action", "card")
_ISSUE_KEYS += ("reviews", *_STAMPS)
_POSITIVE_KEYS = ("uuid", "text", *_STAMPS)
_FOLLOW_UP_KEYS = ("uuid", "kind", "due", "done", "text", "notes", *_STAMPS)
_CATEGORY_KEYS = ("slug", "name", "description", "indefensible")


def _read_interview(reader: Reader) -> InterviewRecord:
    reader.known(_INTERVIEW_KEYS)
    company = reader.text("company", required=True)
    date = reader.date("date", required=True)
    role = reader.text("role")
    interview = Interview(
        uuid=reader.uuid("interview", company, role, date, reader.data.get("time")),
        company=company,
        role=role,
        date=date,
        time=reader.time("time"),
        stage=reader.text("stage", default="other"),
        interviewers=reader.strings("interviewers"),
        outcome=reader.text("outcome", default="pending"),
        rating=reader.integer("rating", default=None),
        feelings=reader.strings("feelings"),
        notes=reader.text("notes"),
        closed=reader.boolean("closed"),
        created=reader.stamp("created"),
        updated=reader.stamp("updated"),
    )
    interview = checked(reader, prepare_interview, interview)
    record = InterviewRecord(interview)
    for item in reader.objects("issues"):
        item.known(_ISSUE_KEYS)
        problem = item.text("problem", required=True)
        issue = Issue(
            uuid=item.uuid("issue", interview.uuid, problem),
            interview_uuid=interview.uuid,
            problem=problem,
            should_have=item.text("should_have"),
            category=item.optional_text("category"),
            severity=item.integer("severity", default=2),
            action=item.text("action"),
            created=item.stamp("created"),
            updated=item.stamp("updated"),
            card=item.card("card"),
            reviews=item.reviews("reviews"),
        )
        record.issues.append(checked(item, prepare_issue, issue))
    for item in reader.objects("positives"):
        item.known(_POSITIVE_KEYS)
        text = item.text("text", required=True)
        positive = Positive(
            uuid=item.uuid("positive", interview.uuid, text),
            interview_uuid=interview.uuid,
            text=text,
            created=item.stamp("created"),
            updated=item.stamp("updated"),
        )
        record.positives.append(checked(item, prepare_positive, positive))
    for item in reader.objects("follow_ups"):
        item.known(_FOLLOW_UP_KEYS)
        kind = item.text("kind", default="thank-you")
        follow_up = FollowUp(
            uuid=item.uuid("follow-up", interview.uuid, kind),
            interview_uuid=interview.uuid,
            kind=kind,
            due=item.date("due"),
            done=item.date("done"),
            text=item.text("text"),
            notes=item.text("notes"),
            created=item.stamp("created"),
            updated=item.stamp("updated"),
        )
        record.follow_ups.append(checked(item, prepare_follow_up, follow_up))
    return record


_KINDS = ("", "issues", "positives", "follow_ups")


def _where(place: int) -> str:
    """The path of the uuid `_Document.seen` keeps as one number: interview, kind, index."""
    number, kind, index = place // (4 << 32), place // (1 << 32) % 4, place % (1 << 32)
    if not kind:
        return f"interviews[{number}].uuid"
    return f"interviews[{number}].{_KINDS[kind]}[{index}].uuid"


class _Document:
    """Reads a file's parts as they come: its head (format, version), its categories, then its
    interviews one at a time, each checked against the ones before (no uuid twice)."""

    def __init__(self) -> None:
        self.context = Context()
        self.slugs: set[str] = set()
        self.seen: dict[str, int] = {}
        self.rows = 0

    @property
    def warnings(self) -> list[str]:
        return self.context.warnings

    def head(self, data: object) -> Reader:
        root = Reader(data, "", self.context)
        if root.data.get("format") != FORMAT:
            raise FormatError(f'format: must be "{FORMAT}" (is this an Interview Journal export?)')
        version = root.data.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:  # not true, nor 1.0
            raise FormatError(
                f"version: must be 1 or {VERSION}; this file has {json.dumps(version)} "
                "(written by a newer app?)"
            )
        return root

    def categories(self, root: Reader) -> list[Category]:
        categories = []
        for item in root.objects("categories"):
            item.known(_CATEGORY_KEYS)
            slug = item.text("slug", required=True)
            if slug in self.slugs:
                raise item.fail("slug", f"{slug!r} is listed twice")
            self.slugs.add(slug)
            category = Category(
                slug=slug,
                name=item.text("name") or slug,
                description=item.text("description"),
                indefensible=item.boolean("indefensible"),
            )
            categories.append(checked(item, prepare_category, category))
        return categories

    def interview(self, item: Reader, number: int) -> InterviewRecord:
        """The interview at `interviews[number]`, checked against the ones before it: no uuid
        twice, and no more rows than an import takes."""
        record = _read_interview(item)
        rows = (record.issues, record.positives, record.follow_ups)
        self.rows += 1 + sum(map(len, rows))
        if self.rows > MAX_ROWS:
            raise FormatError(
                f"{item.path}: the file holds more than {MAX_ROWS:,} interviews, issues, what "
                "went well and follow-ups; too many to import at once"
            )
        self._once(record.interview.uuid, number * (4 << 32), "interview")
        for kind, children in enumerate(rows, start=1):
            for index, child in enumerate(children):
                self._once(child.uuid, number * (4 << 32) + kind * (1 << 32) + index, _KINDS[kind])
        return record

    def _once(self, uuid: str, place: int, kind: str) -> None:
        """Each uuid once in the file: its place is kept as one number, not a path (a file of
        half a million rows keeps half a million of them)."""
        if uuid in self.seen:
            raise FormatError(
                f"{_where(place)}: the same {kind.rstrip('s').replace('_', '-')} as "
                f"{_where(self.seen[uuid])}"
            )
        self.seen[uuid] = place

    def root_fields(self, head: dict) -> None:
        """Warn about the file's own unknown fields, first."""
        own = Context()
        Reader(head, "", own).known(("format", "version", "categories", "interviews"))
        self.context.warnings[:0] = own.warnings


class _Objects:
    """Builds the file's objects, noting each one that gives a key twice: JSON parsers keep the
    last, so `"severity": 1, "severity": 3` would import 3 where the file also said 1."""

    def __init__(self) -> None:
        # id of such an object -> the object (kept, so that its id is not reused) and the key
        self.twice: dict[int, tuple[dict[str, Any], str]] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        built = dict(pairs)
        if len(built) != len(pairs):
            seen: set[str] = set()
            repeated = next(key for key, _ in pairs if key in seen or seen.add(key))
            self.twice[id(built)] = (built, repeated)
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


def loads(text: str) -> tuple[list[Category], list[InterviewRecord], list[str]]:
    reading = Reading([text])
    categories: list[Category] = []
    records: list[InterviewRecord] = []
    for item in reading:
        (categories if isinstance(item, Category) else records).append(item)
    return categories, records, reading.warnings


class Reading:
    """A file read as it comes in pieces of text: iterating gives its categories and then its
    interviews, each read and checked as soon as it is whole, so an import can store each one
    and let it go. Memory holds one interview of the file at a time, never the file.
    `warnings` (unknown fields) is complete once the iteration is over; a file that breaks the
    format raises FormatError where the break is met."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self.pieces = pieces
        self.document = _Document()
        self.warnings = self.document.warnings

    def __iter__(self) -> Iterator[Category | InterviewRecord]:
        try:
            yield from self._items()
        except jsonstream.StreamError as error:
            raise FormatError(
                f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
            ) from None
        except RecursionError:
            raise FormatError("not valid JSON (nested too deeply)") from None
        except ValueError as error:
            if "integer string conversion" not in str(error):
                raise  # a FormatError, said as it is (or a fault of ours: not hidden)
            # Python refuses integers of more than 4,300 digits
            raise FormatError("not valid JSON (a number far too long)") from None

    def _items(self) -> Iterator[Category | InterviewRecord]:
        objects = _Objects()
        decoder = json.JSONDecoder(object_pairs_hook=objects)
        document = self.document
        head: dict[str, Any] = {}
        waiting: list[tuple[int, object]] = []  # interviews met before the format was
        root: Reader | None = None
        for event, key, value in jsonstream.read_object(self.pieces, "interviews", decoder):
            if event == "whole":
                _given_twice(objects, value, "")
                document.head(value)  # refuses it: the file is not an object
            if event == "again":
                raise FormatError(f"{key}: is given twice in the file")
            if event == "member":
                _given_twice(objects, value, str(key))
                head[str(key)] = value
                if root is not None and key == "categories":  # after the interviews
                    yield from document.categories(Reader(head, "", document.context))
                continue
            _given_twice(objects, value, f"interviews[{key}]")
            if root is None and "format" in head and "version" in head:
                root = document.head(head)
                yield from document.categories(root)
            if root is None:
                waiting.append((int(key), value))  # type: ignore[call-overload]
            else:
                item = Reader(value, f"interviews[{key}]", document.context)
                yield document.interview(item, int(key))  # type: ignore[call-overload]
        if root is None:
            root = document.head(head)
            yield from document.categories(root)
            if "interviews" in head:  # there, but not a list: refused with its path
                root.objects("interviews")
            for index, value in waiting:
                item = Reader(value, f"interviews[{index}]", document.context)
                yield document.interview(item, index)
        document.root_fields(head)


def _given_twice(objects: _Objects, value: object, path: str) -> None:
    """Refuse a value in which some object gives a key twice, with the path to that key."""
    if objects.twice:
        inner = objects.first_repeated(value)
        joined = f"{path}{inner}" if inner.startswith("[") or not path else f"{path}.{inner}"
        raise FormatError(f"{joined}: is given twice in the file")
