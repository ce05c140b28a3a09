"""The exchange format (JSON, version 2; DESIGN §7), and the Markdown and CSV exports.

Version 2 carries everything a journal holds but its local integer ids: every record's `created`
and `updated` times, and each issue's review state (its fsrs card and every grade given), so
export → import into an empty journal reproduces every row. Version 1 files are still read.

Reading is strict about what matters and says where: a file that breaks the format is refused
whole with the path to the first bad field (`interviews[3].issues[0].severity: must be 1-3`).
Writing is deterministic, so export → import → export gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
import uuid as uuid_module
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import jsonstream
from .model import Category, FollowUp, Interview, InterviewRecord, Issue, Positive, Review
from .validate import (
    FormatError,
    InvalidValue,
    prepare_category,
    prepare_follow_up,
    prepare_interview,
    prepare_issue,
    prepare_positive,
)

FORMAT = "interview-journal"
VERSION = 2
READABLE_VERSIONS = (1, 2)
# Uuids the file leaves out are derived from the content, so importing it twice still matches.
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK_TIME = re.compile(r"\d{1,2}:\d{2}")
_NAMESPACE = uuid_module.UUID("6f1d0c52-6a43-4a8e-9d1e-8d5c2f7b9a10")
# The largest file an import reads, in bytes: the export of 10,000 interviews is about 36 MB, and
# reading and checking a file takes several times its size in memory, so a larger one (or an
# endless stream) is refused before it is read, or once this much has been read.
MAX_FILE_BYTES = 64_000_000
MAX_ROWS = 500_000
"""Interviews, issues, what went well and follow-ups one import takes: ten times a journal of
10,000 interviews, and a bound on what an import keeps in memory however small its rows."""


# -- writing ---------------------------------------------------------------------------------


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _or_none(text: str) -> str | None:
    return text if text else None


def record_to_dict(record: InterviewRecord) -> dict[str, Any]:
    interview = record.interview
    return {
        "uuid": interview.uuid,
        "company": interview.company,
        "role": interview.role,
        "date": interview.date.isoformat(),
        "time": interview.time.strftime("%H:%M") if interview.time else None,
        "stage": interview.stage,
        "interviewers": list(interview.interviewers),
        "outcome": interview.outcome,
        "rating": interview.rating,
        "feelings": list(interview.feelings),
        "notes": interview.notes,
        "closed": interview.closed,
        "created": _or_none(interview.created),
        "updated": _or_none(interview.updated),
        "issues": [
            {
                "uuid": issue.uuid,
                "problem": issue.problem,
                "should_have": _or_none(issue.should_have),
                "category": issue.category,
                "severity": issue.severity,
                "action": _or_none(issue.action),
                "created": _or_none(issue.created),
                "updated": _or_none(issue.updated),
                "card": json.loads(issue.card) if issue.card else None,
                "reviews": [
                    {"rating": r.rating, "reviewed": r.reviewed, "due": r.due}
                    for r in issue.reviews
                ],
            }
            for issue in record.issues
        ],
        "positives": [
            {
                "uuid": p.uuid,
                "text": p.text,
                "created": _or_none(p.created),
                "updated": _or_none(p.updated),
            }
            for p in record.positives
        ],
        "follow_ups": [
            {
                "uuid": f.uuid,
                "kind": f.kind,
                "due": _iso(f.due),
                "done": _iso(f.done),
                "text": f.text,
                "notes": f.notes,
                "created": _or_none(f.created),
                "updated": _or_none(f.updated),
            }
            for f in record.follow_ups
        ],
    }


def to_document(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> dict:
    return {
        "format": FORMAT,
        "version": VERSION,
        "categories": [
            {
                "slug": c.slug,
                "name": c.name,
                "description": c.description,
                "indefensible": c.indefensible,
            }
            for c in categories
        ],
        "interviews": [record_to_dict(record) for record in records],
    }


def dumps(document: dict) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def iter_json(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> Iterator[str]:
    """`dumps(to_document(categories, records))` a record at a time, the same bytes: an export
    of any size never holds the whole text."""
    head = json.dumps(to_document(categories, []), indent=2, ensure_ascii=False)
    yield head[: -len("]\n}")]  # ... "interviews": [
    empty = True
    for record in records:
        # one record as it sits in the document, two levels in (JSON strings hold no newline)
        text = json.dumps(record_to_dict(record), indent=2, ensure_ascii=False)
        yield ("\n    " if empty else ",\n    ") + text.replace("\n", "\n    ")
        empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"


# -- reading ---------------------------------------------------------------------------------


@dataclass
class _Context:
    """What the readers of one file share: the warnings, and the content keys of rows whose
    uuids were derived."""

    warnings: list[str] = field(default_factory=list)
    occurrences: Counter[bytes] = field(default_factory=Counter)


class _Reader:
    """Reads one object of the file, knowing its path for messages."""

    def __init__(self, data: object, path: str, context: _Context) -> None:
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
        try:
            if not _ISO_DATE.fullmatch(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"must be a date as YYYY-MM-DD, not {value!r}") from None

    def time(self, key: str) -> dt.time | None:
        value = self.text(key)
        if not value:
            return None
        try:
            if not _CLOCK_TIME.fullmatch(value):
                raise ValueError(value)
            return dt.time.fromisoformat(value.zfill(5))
        except ValueError:
            raise self.fail(key, f"must be a time as HH:MM, not {value!r}") from None

    def stamp(self, key: str) -> str:
        """A time a record was made or changed, kept as the file writes it: ISO 8601 with its
        time zone ("" when the file has none)."""
        value = self.text(key)
        if not value:
            return ""
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise self.fail(key, f"must be a time like 2026-11-20T14:00:00+00:00, not {value!r}")
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
            item.known(("rating", "reviewed", "due"))
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

    def objects(self, key: str) -> list[_Reader]:
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return [
            _Reader(item, self.at(f"{key}[{index}]"), self.context)
            for index, item in enumerate(value)
        ]

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
        try:
            return str(uuid_module.UUID(value))
        except ValueError:
            raise self.fail("uuid", f"must be a UUID, not {value!r}") from None


def _checked(reader: _Reader, prepare, value):  # noqa: ANN001 - a prepare_* function of validate
    """The value cleaned and checked as the store will write it, or a FormatError with its path:
    text that is empty only once cleaned (`"company": "\\u0000"`) is refused here, not later."""
    try:
        return prepare(value)
    except InvalidValue as error:
        raise reader.fail(error.field, error.message) from None


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


def _read_interview(reader: _Reader) -> InterviewRecord:
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
    interview = _checked(reader, prepare_interview, interview)
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
        record.issues.append(_checked(item, prepare_issue, issue))
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
        record.positives.append(_checked(item, prepare_positive, positive))
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
        record.follow_ups.append(_checked(item, prepare_follow_up, follow_up))
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
        self.context = _Context()
        self.slugs: set[str] = set()
        self.seen: dict[str, int] = {}
        self.rows = 0

    @property
    def warnings(self) -> list[str]:
        return self.context.warnings

    def head(self, data: object) -> _Reader:
        root = _Reader(data, "", self.context)
        if root.data.get("format") != FORMAT:
            raise FormatError(f'format: must be "{FORMAT}" (is this an Interview Journal export?)')
        version = root.data.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:  # not true, nor 1.0
            raise FormatError(
                f"version: must be 1 or {VERSION}; this file has {json.dumps(version)} "
                "(written by a newer app?)"
            )
        return root

    def categories(self, root: _Reader) -> list[Category]:
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
            categories.append(_checked(item, prepare_category, category))
        return categories

    def interview(self, item: _Reader, number: int) -> InterviewRecord:
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
        own = _Context()
        _Reader(head, "", own).known(("format", "version", "categories", "interviews"))
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
        root: _Reader | None = None
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
                    yield from document.categories(_Reader(head, "", document.context))
                continue
            _given_twice(objects, value, f"interviews[{key}]")
            if root is None and "format" in head and "version" in head:
                root = document.head(head)
                yield from document.categories(root)
            if root is None:
                waiting.append((int(key), value))  # type: ignore[call-overload]
            else:
                item = _Reader(value, f"interviews[{key}]", document.context)
                yield document.interview(item, int(key))  # type: ignore[call-overload]
        if root is None:
            root = document.head(head)
            yield from document.categories(root)
            if "interviews" in head:  # there, but not a list: refused with its path
                root.objects("interviews")
            for index, value in waiting:
                item = _Reader(value, f"interviews[{index}]", document.context)
                yield document.interview(item, index)
        document.root_fields(head)


def _given_twice(objects: _Objects, value: object, path: str) -> None:
    """Refuse a value in which some object gives a key twice, with the path to that key."""
    if objects.twice:
        inner = objects.first_repeated(value)
        joined = f"{path}{inner}" if inner.startswith("[") or not path else f"{path}.{inner}"
        raise FormatError(f"{joined}: is given twice in the file")


# -- Markdown and CSV --------------------------------------------------------------------------


# The user's text is escaped so that it reads as written and can never become structure: a note
# holding `## Fake` or `---` forges no heading or rule, and `<script>` is shown, never run.
# Escaped everywhere: what starts raw HTML, an entity, a link or image, code or emphasis (`_` only
# where it can start or end emphasis, so snake_case stays readable). At the start of a line, also
# what starts a heading, quote, list, rule, fence or table there. Ordinary text is left alone.
_MD_INLINE = re.compile(r"[\\`*\[<]|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
_MD_ENTITIES = {"<": "&lt;", "&": "&amp;"}
_MD_LINE_START = re.compile(r"[#>+\-=|~:]|\d{1,9}(?=[.)])")
_MD_CLOSING_HASHES = re.compile(r"(^|\s)(#+)$")  # `## Acme ##` would lose its last word


def _md_escape(text: str) -> str:
    """One line of the user's text as Markdown that shows it as written."""
    text = _MD_INLINE.sub(lambda found: _MD_ENTITIES.get(found[0], "\\" + found[0]), text.strip())
    start = _MD_LINE_START.match(text)
    if start:
        at = start.end() if start[0].isdigit() else 0  # `1.` becomes `1\.`
        text = text[:at] + "\\" + text[at:]
    return _MD_CLOSING_HASHES.sub(lambda found: found[1] + "\\" + found[2], text)


def _md_line(text: str) -> str:
    """The user's text as one Markdown line: newlines folded so a list item stays one item."""
    return _md_escape(" ".join(text.split()))


def _md_lines(text: str) -> list[str]:
    """The user's text as Markdown lines, each escaped; blank lines still part paragraphs."""
    return [_md_escape(line) for line in text.strip().splitlines()]


def to_markdown(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> str:
    return "".join(iter_markdown(categories, records))


def iter_markdown(
    categories: Iterable[Category], records: Iterable[InterviewRecord]
) -> Iterator[str]:
    """The Markdown export an interview at a time."""
    names = {category.slug: category.name for category in categories}
    pending = "# Interview Journal\n"
    for record in records:
        yield pending + "\n"
        pending = "\n".join(_md_block(record, names))
    yield pending.rstrip() + "\n"


def _md_block(record: InterviewRecord, names: dict[str, str]) -> list[str]:
    out: list[str] = []
    interview = record.interview
    when = interview.date.isoformat()
    if interview.time:
        when += " " + interview.time.strftime("%H:%M")
    title = interview.company + (f" — {interview.role}" if interview.role else "")
    out += [f"## {_md_line(title)}", ""]
    out.append(f"- **Date:** {when}")
    out.append(f"- **Stage:** {interview.stage}")
    if interview.interviewers:
        out.append(f"- **Interviewers:** {_md_line(', '.join(interview.interviewers))}")
    out.append(f"- **Outcome:** {interview.outcome}")
    if interview.rating is not None:
        out.append(f"- **Self-rating:** {interview.rating}/5")
    if interview.feelings:
        out.append(f"- **Feelings:** {', '.join(interview.feelings)}")
    if interview.closed:
        out.append("- **Moved on:** yes")
    out.append("")
    if interview.notes.strip():
        out += ["### Notes", "", *_md_lines(interview.notes), ""]
    if record.issues:
        out += ["### What went wrong → what I should have done", ""]
        for issue in record.issues:
            category = _md_line(names.get(issue.category or "", "uncategorised"))
            solution = _md_line(issue.should_have) or "_not written yet_"
            out.append(
                f"- {_md_line(issue.problem)} → {solution} "
                f"(*{category}*, severity {issue.severity})"
            )
            if issue.action.strip():
                out.append(f"  - Next step: {_md_line(issue.action)}")
        out.append("")
    if record.positives:
        out += ["### What went well", ""]
        out += [f"- {_md_line(positive.text)}" for positive in record.positives]
        out.append("")
    if record.follow_ups:
        out += ["### Follow-ups", ""]
        for follow_up in record.follow_ups:
            status = f"done {follow_up.done}" if follow_up.done else "not done"
            due = f", due {follow_up.due}" if follow_up.due else ""
            out.append(f"- {follow_up.kind}{due}: {status}")
            if follow_up.text.strip():
                out.append("")
                out += [f"  > {line}".rstrip() for line in _md_lines(follow_up.text)]
                out.append("")
        out.append("")
    return out


CSV_COLUMNS = (
    "interview_uuid",
    "company",
    "role",
    "date",
    "time",
    "stage",
    "interviewers",
    "outcome",
    "rating",
    "feelings",
    "closed",
    "issue_uuid",
    "problem",
    "should_have",
    "category",
    "category_name",
    "severity",
    "action",
)


# A cell starting with one of these is run as a formula by Excel, LibreOffice or Google Sheets
# (OWASP, "CSV Injection"): `=HYPERLINK(...)` in a company name would become a live link.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """The user's text as a cell a spreadsheet shows and never runs: an apostrophe in front of
    what would start a formula. Our own dates, uuids and numbers never start with one."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def to_csv(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> str:
    """One row per issue, with its interview's columns; an interview without issues gets a row
    of its own with the issue columns empty, so no interview is missing from the sheet. The
    user's text is made safe to open in a spreadsheet (`_cell`)."""
    return "".join(iter_csv(categories, records))


def iter_csv(categories: Iterable[Category], records: Iterable[InterviewRecord]) -> Iterator[str]:
    """The CSV export an interview at a time."""
    names = {category.slug: category.name for category in categories}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        interview = record.interview
        head = [
            interview.uuid,
            _cell(interview.company),
            _cell(interview.role),
            interview.date.isoformat(),
            interview.time.strftime("%H:%M") if interview.time else "",
            interview.stage,
            _cell("; ".join(interview.interviewers)),
            interview.outcome,
            "" if interview.rating is None else interview.rating,
            "; ".join(interview.feelings),
            "yes" if interview.closed else "no",
        ]
        if not record.issues:
            writer.writerow(head + [""] * 7)
        for issue in record.issues:
            writer.writerow(
                head
                + [
                    issue.uuid,
                    _cell(issue.problem),
                    _cell(issue.should_have),
                    issue.category or "",
                    _cell(names.get(issue.category or "", "")),
                    issue.severity,
                    _cell(issue.action),
                ]
            )
    yield buffer.getvalue()
