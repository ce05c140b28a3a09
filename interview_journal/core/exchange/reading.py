"""Reading a whole file as it comes in pieces (`Reading`), or from one text (`loads`)."""

from __future__ import annotations

import dataclasses
import json
import uuid as uuid_module
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Any

from .. import jsonstream
from ..fields import Described, Shape, compiled, described, in_file, per_record, snake
from ..model import (
    MOST_STORIES,
    Category,
    FollowUp,
    Interview,
    InterviewRecord,
    Issue,
    Positive,
    Profile,
    Question,
    Story,
)
from ..validate import SCOPE, FormatError, InvalidValue, R, checker, clean_expression
from .format import CHILDREN, FORMAT, LINK_KEYS, READABLE_VERSIONS, VERSION
from .profile import read_profile
from .reader import CANONICAL_UUID, Context, Objects, Reader, field_reader, given_twice

# The word a derived uuid starts from, by record (with the interview's uuid for its children).
_LABELS: dict[type, str] = {
    Interview: "interview",
    Issue: "issue",
    Positive: "positive",
    FollowUp: "follow-up",
    Question: "question",
    Story: "answer",
}
# The keys of an object of the file that its record's reader leaves to another: an interview's
# children, a question's answers, the question an issue or a positive was asked (`_read_links`).
_OTHER_KEYS: dict[type, tuple[str, ...]] = {
    Interview: CHILDREN,
    Question: ("stories",),
    Issue: tuple(key for key, _ in LINK_KEYS),
    Positive: tuple(key for key, _ in LINK_KEYS),
}


# What a value of the file is taken as, as it is, without the reader's method, by shape: the
# condition on `v` (the value, None where the file leaves it out) and the value taken. Where
# the condition fails, the field's reader (`field_reader`) reads it, and says what is wrong.
_AS_IT_IS: dict[Shape, tuple[str, str]] = {
    Shape.LINE: ("v.__class__ is str", "v"),
    Shape.TEXT: ("v.__class__ is str", "v"),
    Shape.CHOICE: ("v.__class__ is str", "v"),
    Shape.SLUG: ("v.__class__ is str and v", "v"),
    Shape.NUMBER: ("v.__class__ is int", "v"),  # not a bool
    Shape.FLAG: ("v.__class__ is bool", "v"),
    Shape.DATE: ("v.__class__ is str and v in context.dates", "context.dates[v]"),
    Shape.TIME: ("v is None", "None"),
    Shape.STAMP: ("v is None or v.__class__ is str and v in context.stamps", "v or ''"),
    Shape.CARD: ("v is None", "None"),
    Shape.REVIEWS: ("v is None or v.__class__ is list and not v", "[]"),
}
_REQUIRED_TEXT = ("v.__class__ is str and v.strip()", "v")


def _field_source(each: Described, required: bool) -> str:
    """The statements that read the field `each` of `data` into `f_<name>`."""
    name = each.name
    condition, taken = _REQUIRED_TEXT if required else _AS_IT_IS.get(each.shape, ("", ""))
    if not condition:  # read by its reader only (the lists of interviewers and feelings)
        return f"    f_{name} = field_{name}(item)\n"
    return (
        f"    v = data.get({name!r})\n"
        f"    f_{name} = {taken} if {condition} else field_{name}(item)\n"
    )


@per_record
def _reader(cls: type) -> Callable[[Reader, str], Any]:
    """How a record is read from an object of the file, written out from its fields'
    descriptions (as core/validate writes its checks): field by field as core/model.py
    describes it, then cleaned and checked as the store will write it (`prepare`), each
    failure said with its path. A value that is plainly good is taken as it is; any other is
    read by the field's reader (`field_reader`), which says what is wrong with it.

    A uuid the file leaves out is derived from the fields marked `identity`, as the file gives
    them (or their default when it has none), after the interview's uuid for its children."""
    children = _OTHER_KEYS.get(cls, ())
    fields = in_file(cls)
    parent = next((each.name for each in described(cls) if each.shape is Shape.PARENT), "")
    scope: dict[str, Any] = dict(SCOPE)
    scope.update(
        cls=cls,
        check=checker(cls),
        keys=frozenset([each.name for each in fields] + list(children)),
        InvalidValue=InvalidValue,
        canonical=CANONICAL_UUID.fullmatch,
        derived=partial(_derived_uuid, cls, parent),
    )
    name = f"read_{snake(cls.__name__)}"
    lines = [
        f"def {name}(item, parent):\n",
        "    data, context = item.data, item.context\n",
        "    if not data.keys() <= keys:\n",
        "        item.known(keys)\n",
    ]
    arguments = []
    for each in fields:
        if each.shape is Shape.UUID:
            continue
        required = each.default is dataclasses.MISSING and not each.spec.file_fallback
        scope[f"field_{each.name}"] = field_reader(each)
        text = each.shape in (Shape.LINE, Shape.TEXT, Shape.CHOICE, Shape.SLUG)
        lines.append(_field_source(each, required and text))
    if parent:
        lines.append(f"    f_{parent} = parent\n")
    if cls in _LABELS:  # a record with a uuid (a category is known by its slug)
        lines.append("    v = data.get('uuid')\n")
        lines.append(
            "    f_uuid = v if v.__class__ is str and canonical(v) else derived(item, parent)\n"
        )
    for each in fields:  # a category the file leaves unnamed is named by its slug
        if each.spec.file_fallback:
            fallback = each.spec.file_fallback
            lines.append(f"    if not f_{each.name}:\n        f_{each.name} = f_{fallback}\n")
    for each in described(cls):
        if each.spec.file or each.shape is Shape.PARENT:
            value = f"f_{each.name}"
            arguments.append(f"{each.name}={clean_expression(each.spec, value) or value}")
        elif clean_expression(each.spec, "v"):
            raise AssertionError(f"{each.name}: cleaned, but not read from the file")
    lines += [
        "    try:\n",
        f"        record = cls({', '.join(arguments)})\n",
        "        check(record)\n",
        "    except InvalidValue as error:\n",
        "        raise item.fail(error.field, error.message) from None\n",
        "    return record\n",
    ]
    return compiled(name, "".join(lines), scope)


def _derived_uuid(cls: type, parent_field: str, item: Reader, parent: str) -> str:
    """The uuid of a record that the file gives none (or gives in another form)."""
    content = [_LABELS[cls], *([parent] if parent_field else [])]
    for each in described(cls):
        if each.spec.identity and each.name != parent_field:
            given = item.data.get(each.name)
            content.append(each.default if given is None else given)
    return item.uuid(*content)


def _read(cls: type[R], item: Reader, parent: str = "") -> R:
    """One record of the file, read, cleaned and checked (see `_reader`)."""
    return _reader(cls)(item, parent)


def _read_interview(reader: Reader) -> InterviewRecord:
    interview = _reader(Interview)(reader, "")
    record = InterviewRecord(interview)
    for name, cls in zip(CHILDREN, (Issue, Positive, FollowUp), strict=True):
        read = _reader(cls)
        children = getattr(record, name)
        if cls is FollowUp:
            children += [read(item, interview.uuid) for item in reader.objects(name)]
            continue
        for item in reader.objects(name):
            child = read(item, interview.uuid)
            data = item.data
            if "question" in data or "question_link" in data or "story" in data:
                _read_links(item, child)
            children.append(child)
    return record


def _uuid_at(item: Reader, key: str) -> str | None:
    """A uuid the object names another record by (None where it names none)."""
    value = item.data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        if CANONICAL_UUID.fullmatch(value):
            return value
        try:
            return str(uuid_module.UUID(value))
        except ValueError:
            pass
    what = "a question" if key == "question" else "an answer"
    raise item.fail(key, f"must be the uuid of {what}")


def _read_links(item: Reader, child: Issue | Positive) -> None:
    """The question an issue or a positive was asked, how it was linked, and the answer told."""
    question, story = _uuid_at(item, "question"), _uuid_at(item, "story")
    link = item.data.get("question_link")
    if link not in (None, "suggested", "confirmed"):
        raise item.fail("question_link", 'must be "suggested", "confirmed" or null')
    if link is None and question is not None:
        raise item.fail("question_link", 'must be "suggested" or "confirmed" with a question')
    if question is None and link == "suggested":
        raise item.fail("question", 'is required with "question_link": "suggested"')
    if question is None and story is not None:
        raise item.fail("story", "needs the question it answers (question is null)")
    child.question_uuid, child.question_link, child.story_uuid = question, link, story


def _read_question(item: Reader) -> Question:
    """A question of the file with its answers (at most MOST_STORIES, in their order). A
    question of the bank is known by its key, and its uuid is the one every journal gives it
    (`builtin_uuid`)."""
    from ..questions import GROUPS, builtin_uuid

    question = _reader(Question)(item, "")
    if question.key is not None:  # one this app's bank may not have (an older bank's) is kept
        uuid = builtin_uuid(question.key)
        if item.data.get("uuid") is None:
            question.uuid = uuid
        elif question.uuid != uuid:
            raise item.fail("uuid", f"is not the uuid of the bank's question {question.key!r}")
    groups = [group.key for group in GROUPS]
    if question.group not in groups:
        raise item.fail("group", f"must be one of {', '.join(groups)}")
    stories = item.objects("stories")
    if len(stories) > MOST_STORIES:
        raise item.fail(
            "stories", f"holds {len(stories)} answers; a question holds at most {MOST_STORIES}"
        )
    read = _reader(Story)
    for position, each in enumerate(stories):
        story = read(each, question.uuid)
        story.position = position
        question.stories.append(story)
    return question


_KINDS = ("", *CHILDREN)


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
        self.questions: dict[str, str] = {}
        """The file's questions: uuid -> the path of its uuid."""
        self.stories: dict[str, tuple[str, str]] = {}
        """The file's answers: uuid -> (the uuid of its question, the path of its uuid)."""
        self.asked: dict[tuple[str, str | None], str] = {}
        """The questions and answers issues and positives name: (question, story) -> where the
        first names them (checked once the whole file is read: its questions may come last)."""
        self.seen: dict[str, int] = {}
        self.rows = 0
        # the bound as the package says it when the reading starts (a test may lower it there)
        from . import MAX_ROWS

        self.max_rows = MAX_ROWS

    @property
    def warnings(self) -> list[str]:
        return self.context.warnings

    def head(self, data: object) -> Reader:
        root = Reader(data, "", self.context)
        if root.data.get("format") != FORMAT:
            raise FormatError(f'format: must be "{FORMAT}" (is this an Interview Journal export?)')
        version = root.data.get("version")
        if type(version) is not int or version not in READABLE_VERSIONS:  # not true, nor 1.0
            readable = ", ".join(map(str, READABLE_VERSIONS[:-1]))
            raise FormatError(
                f"version: must be {readable} or {VERSION}; this file has {json.dumps(version)} "
                "(written by a newer app?)"
            )
        return root

    def categories(self, root: Reader) -> list[Category]:
        categories = []
        for item in root.objects("categories"):
            category = _read(Category, item)
            if category.slug in self.slugs:
                raise item.fail("slug", f"{category.slug!r} is listed twice")
            self.slugs.add(category.slug)
            categories.append(category)
        return categories

    def practice(self, root: Reader) -> list[Question]:
        """The file's questions with their answers, each uuid once."""
        questions = []
        for item in root.objects("questions"):
            question = _read_question(item)
            here = item.at("uuid")
            if question.uuid in self.questions:
                raise FormatError(f"{here}: the same question as {self.questions[question.uuid]}")
            self.questions[question.uuid] = here
            for index, story in enumerate(question.stories):
                where = f"{item.at('stories')}[{index}].uuid"
                if story.uuid in self.stories:
                    first = self.stories[story.uuid][1]
                    raise FormatError(f"{where}: the same answer as {first}")
                self.stories[story.uuid] = (question.uuid, where)
            self.rows += 1 + len(question.stories)
            questions.append(question)
        return questions

    def check_asked(self) -> None:
        """Every question and answer an issue or a positive names is one of the file's (or a
        question of the bank, which every journal has), and each answer is to its question."""
        from ..questions import BANK

        bank = {each.uuid for each in BANK}
        for (question, story), where in self.asked.items():
            if question not in self.questions and question not in bank:
                raise FormatError(
                    f"{where}.question: {question} is none of the file's questions nor the bank's"
                )
            if story is None:
                continue
            if story not in self.stories:
                raise FormatError(f"{where}.story: {story} is none of the file's answers")
            if self.stories[story][0] != question:
                raise FormatError(
                    f"{where}.story: is an answer to another question ({self.stories[story][1]})"
                )

    def interview(self, item: Reader, number: int) -> InterviewRecord:
        """The interview at `interviews[number]`, checked against the ones before it: no uuid
        twice, and no more rows than an import takes."""
        record = _read_interview(item)
        for name in ("issues", "positives"):
            for index, child in enumerate(getattr(record, name)):
                if child.question_uuid is not None:
                    key = (child.question_uuid, child.story_uuid)
                    if key not in self.asked:
                        self.asked[key] = f"{item.path}.{name}[{index}]"
        rows: tuple[list[Any], ...] = (record.issues, record.positives, record.follow_ups)
        self.rows += 1 + sum(map(len, rows))
        if self.rows > self.max_rows:
            raise FormatError(
                f"{item.path}: the file holds more than {self.max_rows:,} interviews, issues, what "
                "went well and follow-ups; too many to import at once"
            )
        seen, place = self.seen, number * (4 << 32)
        self._once(record.interview.uuid, place, "interview")
        for kind, children in enumerate(rows, start=1):
            first = place + kind * (1 << 32)
            for index, child in enumerate(children):
                if child.uuid in seen:  # refused, with where it was met first
                    self._once(child.uuid, first + index, _KINDS[kind])
                seen[child.uuid] = first + index
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
        keys = ("format", "version", "profile", "categories", "questions", "interviews")
        Reader(head, "", own).known(keys)
        self.context.warnings[:0] = own.warnings


def loads(text: str) -> tuple[list[Category], list[InterviewRecord], list[str]]:
    """The categories, interviews and warnings of a file (its questions: `loads_all`)."""
    categories, _, records, warnings = loads_all(text)
    return categories, records, warnings


def loads_all(
    text: str,
) -> tuple[list[Category], list[Question], list[InterviewRecord], list[str]]:
    """The categories, questions, interviews and warnings of a file."""
    reading = Reading([text])
    categories: list[Category] = []
    questions: list[Question] = []
    records: list[InterviewRecord] = []
    for item in reading:
        if isinstance(item, Category):
            categories.append(item)
        elif isinstance(item, Profile):
            continue  # given by `Reading`
        elif isinstance(item, Question):
            questions.append(item)
        else:
            records.append(item)
    return categories, questions, records, reading.warnings


class Reading:
    """A file read as it comes in pieces of text: iterating gives its profile (if it has one),
    its categories, its questions (with their answers) and then its interviews, each read and
    checked as soon as it is whole, so an import can store each one and let it go. Memory holds
    one interview of the file at a time, never the file.
    `warnings` (unknown fields) is complete once the iteration is over; a file that breaks the
    format raises FormatError where the break is met."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self.pieces = pieces
        self.document = _Document()
        self.warnings = self.document.warnings

    def __iter__(self) -> Iterator[Profile | Category | Question | InterviewRecord]:
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

    def _items(self) -> Iterator[Profile | Category | Question | InterviewRecord]:
        objects = Objects()
        decoder = json.JSONDecoder(object_pairs_hook=objects.build)
        document = self.document
        head: dict[str, Any] = {}
        waiting: list[tuple[int, object]] = []  # interviews met before the format was
        root: Reader | None = None
        for event, key, value in jsonstream.read_object(self.pieces, "interviews", decoder):
            if event == "whole":
                given_twice(objects, value, "")
                document.head(value)  # refuses it: the file is not an object
            if event == "again":
                raise FormatError(f"{key}: is given twice in the file")
            if event == "member":
                given_twice(objects, value, str(key))
                head[str(key)] = value
                if root is not None and key == "categories":  # after the interviews
                    yield from document.categories(Reader(head, "", document.context))
                if root is not None and key == "questions":
                    yield from document.practice(Reader(head, "", document.context))
                if root is not None and key == "profile":
                    yield from read_profile(Reader(head, "", document.context))
                continue
            given_twice(objects, value, f"interviews[{key}]")
            if root is None and "format" in head and "version" in head:
                root = document.head(head)
                yield from read_profile(root)
                yield from document.categories(root)
                yield from document.practice(root)
            if root is None:
                waiting.append((int(key), value))  # type: ignore[call-overload]
            else:
                item = Reader(value, f"interviews[{key}]", document.context)
                yield document.interview(item, int(key))  # type: ignore[call-overload]
        if root is None:
            root = document.head(head)
            yield from read_profile(root)
            yield from document.categories(root)
            yield from document.practice(root)
            if "interviews" in head:  # there, but not a list: refused with its path
                root.objects("interviews")
            for index, value in waiting:
                item = Reader(value, f"interviews[{index}]", document.context)
                yield document.interview(item, index)
        document.check_asked()
        document.root_fields(head)
