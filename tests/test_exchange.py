"""The exchange format (DESIGN §7) on a real journal file: export → import → export gives the same
bytes, importing twice changes nothing, a bad file is refused whole with the path to the bad field,
and the Markdown and CSV exports show what the journal holds."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import tempfile
import uuid as uuid_module
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_journal.core import exchange
from interview_journal.core.exchange import FormatError
from interview_journal.core.model import (
    FEELINGS,
    FOLLOW_UP_KINDS,
    OUTCOMES,
    STAGES,
    Interview,
    InterviewRecord,
    Issue,
    Positive,
)
from interview_journal.core.sample import generate_sample
from interview_journal.core.taxonomy import BUILTIN_SLUGS
from interview_journal.core.text import clean_line, clean_text
from interview_journal.core.validate import InvalidValue
from interview_journal.store import Journal, open_journal
from interview_journal.store.import_summary import ImportSummary

from .conftest import add_acme, file_digest

TODAY = dt.date(2026, 11, 27)

# -- helpers -----------------------------------------------------------------------------------


def export(journal: Journal) -> str:
    return exchange.dumps(exchange.to_document(journal.categories(), journal.records()))


def import_text(journal: Journal, text: str) -> tuple[ImportSummary, list[str]]:
    categories, records, warnings = exchange.loads(text)
    return journal.import_records(categories, records), warnings


def import_document(journal: Journal, document: object) -> tuple[ImportSummary, list[str]]:
    return import_text(journal, json.dumps(document, ensure_ascii=False))


def on_disk(path: Path) -> tuple[str, str | None]:
    """The journal file and its write-ahead log, byte for byte."""
    wal = path.with_name(path.name + "-wal")
    return file_digest(path), file_digest(wal) if wal.exists() else None


def counts(summary: ImportSummary) -> dict[str, tuple[int, int, int]]:
    return {
        kind: (c.added, c.updated, c.unchanged)
        for kind, c in (
            ("categories", summary.categories),
            ("interviews", summary.interviews),
            ("issues", summary.issues),
            ("positives", summary.positives),
            ("follow_ups", summary.follow_ups),
        )
    }


def changes(summary: ImportSummary) -> int:
    return sum(added + updated for added, updated, _ in counts(summary).values())


def filled(journal: Journal) -> Journal:
    """Acme as a user captured it, plus the 30-interview demo journal."""
    add_acme(journal)
    journal.import_records([], generate_sample(30, today=TODAY))
    return journal


def uid(n: int) -> str:
    return str(uuid_module.uuid5(uuid_module.NAMESPACE_OID, f"exchange-test-{n}"))


def design_example() -> dict:
    """The example document of DESIGN §7, with its "..." uuids filled in."""
    return {
        "format": "interview-journal",
        "version": 1,
        "categories": [
            {
                "slug": "punctuality",
                "name": "Late / timing",
                "description": "",
                "indefensible": False,
            }
        ],
        "interviews": [
            {
                "uuid": "5b0c1c7e-0d6f-4c1e-9a57-2f0a3c4d5e6f",
                "company": "Acme",
                "role": "Backend Engineer",
                "date": "2026-11-20",
                "time": "14:00",
                "stage": "onsite",
                "interviewers": ["Dana Lee"],
                "outcome": "rejected",
                "rating": 2,
                "feelings": ["disappointed", "self-doubt"],
                "notes": "brain dump ...",
                "closed": False,
                "issues": [
                    {
                        "uuid": uid(1),
                        "problem": "Arrived 10 minutes late",
                        "should_have": "Leave 45 minutes early",
                        "category": "punctuality",
                        "severity": 2,
                        "action": "Plan the route the day before",
                    }
                ],
                "positives": [{"uuid": uid(2), "text": "Good rapport with the hiring manager"}],
                "follow_ups": [
                    {
                        "uuid": uid(3),
                        "kind": "thank-you",
                        "due": "2026-11-21",
                        "done": "2026-11-21",
                        "text": "Thank you for your time yesterday.",
                        "notes": "",
                    }
                ],
            }
        ],
    }


def two_interviews() -> dict:
    """A valid file of two new interviews; the tests of bad files break the second one."""
    document = design_example()
    second = copy.deepcopy(document["interviews"][0])
    second.update(uuid=uid(10), company="Globex", role="Data Engineer", date="2026-11-24")
    second["issues"][0]["uuid"] = uid(11)
    second["positives"][0]["uuid"] = uid(12)
    second["follow_ups"][0]["uuid"] = uid(13)
    document["interviews"].append(second)
    return document


# -- 1. round trip ----------------------------------------------------------------------------


def test_export_import_export_is_byte_identical(journal: Journal, tmp_path: Path) -> None:
    first = export(filled(journal))
    assert len(json.loads(first)["interviews"]) == 31
    with open_journal(tmp_path / "copy.db") as other:
        summary, warnings = import_text(other, first)
        assert warnings == []
        assert summary.interviews.added == 31
        assert export(other) == first


# -- 2. importing twice -------------------------------------------------------------------------


def test_importing_the_same_document_twice_changes_nothing(tmp_path: Path) -> None:
    with open_journal(tmp_path / "source.db") as source:
        text = export(filled(source))
    path = tmp_path / "target.db"
    with open_journal(path) as target:
        first, _ = import_text(target, text)
        assert first.interviews.added == 31 and first.issues.added > 31
        after_first, disk = export(target), on_disk(path)

        second, _ = import_text(target, text)
        assert changes(second) == 0, counts(second)
        assert second.interviews.unchanged == 31
        assert second.issues.unchanged == first.issues.added
        assert export(target) == after_first == text
        assert on_disk(path) == disk

        document = json.loads(text)
        [acme] = [i for i in document["interviews"] if i["company"] == "Acme"]
        issue = acme["issues"][0]
        issue["should_have"] = "Pause, then answer in three sentences"
        third, _ = import_document(target, document)
        assert counts(third)["issues"] == (0, 1, second.issues.unchanged - 1)
        assert changes(third) == 1, counts(third)
        stored = target.issue(issue["uuid"])
        assert stored.should_have == "Pause, then answer in three sentences"
        # edited by hand under the same time: a new edit, so a window holding the old copy
        # sees the change; the rest is as the file says
        assert stored.updated > issue["updated"]
        issue["updated"] = stored.updated
        assert export(target) == exchange.dumps(document)


# -- 3. the documented format -----------------------------------------------------------------


def test_the_design_example_imports(journal: Journal) -> None:
    summary, warnings = import_document(journal, design_example())
    assert warnings == []
    assert counts(summary)["interviews"] == (1, 0, 0)
    record = journal.record("5b0c1c7e-0d6f-4c1e-9a57-2f0a3c4d5e6f")
    interview = record.interview
    assert (interview.company, interview.role, interview.stage) == (
        "Acme",
        "Backend Engineer",
        "onsite",
    )
    assert interview.date == dt.date(2026, 11, 20) and interview.time == dt.time(14, 0)
    assert interview.interviewers == ["Dana Lee"]
    assert interview.feelings == ["disappointed", "self-doubt"]
    assert (interview.outcome, interview.rating, interview.closed) == ("rejected", 2, False)
    [issue] = record.issues
    assert (issue.uuid, issue.problem, issue.category, issue.severity) == (
        uid(1),
        "Arrived 10 minutes late",
        "punctuality",
        2,
    )
    assert issue.should_have == "Leave 45 minutes early"
    assert [p.text for p in record.positives] == ["Good rapport with the hiring manager"]
    [follow_up] = record.follow_ups
    assert follow_up.done == dt.date(2026, 11, 21)
    assert journal.category("punctuality").name == "Late / timing"


@pytest.mark.parametrize("how", ["absent", "null"])
def test_optional_fields_may_be_absent_or_null(journal: Journal, how: str) -> None:
    document = design_example()
    interview = document["interviews"][0]
    parts = (
        (interview, ("time", "rating")),
        (interview["issues"][0], ("should_have", "action", "category")),
        (interview["follow_ups"][0], ("due", "done")),
    )
    for part, keys in parts:
        for key in keys:
            if how == "absent":
                del part[key]
            else:
                part[key] = None
    import_document(journal, document)
    record = journal.record(interview["uuid"])
    assert record.interview.time is None and record.interview.rating is None
    [issue] = record.issues
    assert (issue.should_have, issue.action, issue.category) == ("", "", None)
    assert not issue.solved
    [follow_up] = record.follow_ups
    assert follow_up.due is None and follow_up.done is None
    exported = json.loads(export(journal))["interviews"][0]
    assert exported["time"] is None and exported["rating"] is None
    assert exported["issues"][0]["should_have"] is None
    assert exported["follow_ups"][0]["due"] is None


def test_an_unknown_category_becomes_a_user_category(journal: Journal) -> None:
    document = design_example()
    document["interviews"][0]["issues"][0]["category"] = "team-fit"
    summary, _ = import_document(journal, document)
    assert summary.categories.added == 1
    category = journal.category("team-fit")
    assert category.name == "Team fit"
    assert not category.builtin
    assert journal.issue(uid(1)).category == "team-fit"
    assert "team-fit" in [c["slug"] for c in json.loads(export(journal))["categories"]]


def test_a_file_without_uuids_imports_twice_without_duplicates(journal: Journal) -> None:
    document = two_interviews()
    for interview in document["interviews"]:
        del interview["uuid"]
        for kind in ("issues", "positives", "follow_ups"):
            for row in interview[kind]:
                del row["uuid"]
    first, _ = import_document(journal, document)
    assert first.interviews.added == 2
    exported = export(journal)
    second, _ = import_document(journal, document)
    assert changes(second) == 0, counts(second)
    assert journal.count_interviews() == 2
    assert len(journal.issues()) == 2 and len(journal.follow_ups()) == 2
    assert export(journal) == exported


def test_rows_without_uuids_keep_their_identity_when_the_file_grows(journal: Journal) -> None:
    """Same company, role and day twice is two interviews; an issue written above the others
    later does not turn the others into new rows."""
    document = {
        "format": "interview-journal",
        "version": 1,
        "interviews": [
            {
                "company": "Acme",
                "role": "Dev",
                "date": "2026-11-02",
                "issues": [{"problem": "Late"}, {"problem": "Rambled"}],
            },
            {"company": "Acme", "role": "Dev", "date": "2026-11-02"},
        ],
    }
    first, _ = import_document(journal, document)
    assert first.interviews.added == 2 and first.issues.added == 2
    document["interviews"][0]["issues"].insert(0, {"problem": "Forgot my CV"})
    second, _ = import_document(journal, document)
    assert (second.issues.added, second.issues.unchanged) == (1, 2)
    assert journal.count_interviews() == 2


# -- 4. bad files are refused whole -------------------------------------------------------------

Mutation = Callable[[dict], object]


def _second(change: Callable[[dict], None]) -> Mutation:
    """Break the second interview (so a partial import would have stored the first)."""

    def mutate(document: dict) -> dict:
        change(document["interviews"][1])
        return document

    return mutate


def _set(**values: object) -> Mutation:
    return _second(lambda interview: interview.update(values))


def _drop(key: str) -> Mutation:
    return _second(lambda interview: interview.pop(key))


def _issue(**values: object) -> Mutation:
    return _second(lambda interview: interview["issues"][0].update(values))


def _follow_up(**values: object) -> Mutation:
    return _second(lambda interview: interview["follow_ups"][0].update(values))


def _root(change: Callable[[dict], None]) -> Mutation:
    def mutate(document: dict) -> dict:
        change(document)
        return document

    return mutate


def _replace_second(value: object) -> Mutation:
    def mutate(document: dict) -> dict:
        document["interviews"][1] = value
        return document

    return mutate


def _same_interview_uuid(document: dict) -> dict:
    document["interviews"][1]["uuid"] = document["interviews"][0]["uuid"]
    return document


def _same_issue_uuid(document: dict) -> dict:
    document["interviews"][1]["issues"][0]["uuid"] = document["interviews"][0]["issues"][0]["uuid"]
    return document


def _duplicate_category(document: dict) -> dict:
    document["categories"].append(dict(document["categories"][0]))
    return document


FEELINGS_MSG = "interviews[1].feelings[1]: must be one of"
BAD_FILES: list[tuple[str, Mutation, str]] = [
    ("severity 7", _issue(severity=7), "interviews[1].issues[0].severity: must be 1-3"),
    ("severity true", _issue(severity=True), "interviews[1].issues[0].severity: must be a whole"),
    ("rating 9", _set(rating=9), "interviews[1].rating: must be 1-5"),
    ("rating 0", _set(rating=0), "interviews[1].rating: must be 1-5"),
    ("rating high", _set(rating="high"), "interviews[1].rating: must be a whole number"),
    ("rating 2.5", _set(rating=2.5), "interviews[1].rating: must be a whole number"),
    ("stage lunch", _set(stage="lunch"), "interviews[1].stage: must be one of screen, phone"),
    ("outcome bad", _set(outcome="hired"), "interviews[1].outcome: must be one of pending"),
    ("feeling meh", _set(feelings=["hopeful", "meh"]), FEELINGS_MSG),
    ("date d/m/y", _set(date="20/11/2026"), "interviews[1].date: must be a date as YYYY-MM-DD"),
    ("date feb 30", _set(date="2026-02-30"), "interviews[1].date: must be a date as YYYY-MM-DD"),
    ("date 1969", _set(date="1969-12-31"), "interviews[1].date: must be between 1970-01-01"),
    ("date missing", _drop("date"), "interviews[1].date: is required"),
    ("date number", _set(date=20261120), "interviews[1].date: must be a string"),
    ("time 25:00", _set(time="25:00"), "interviews[1].time: must be a time as HH:MM"),
    ("time 1400", _set(time="1400"), "interviews[1].time: must be a time as HH:MM"),
    ("time zone", _set(time="14:00+02:00"), "interviews[1].time: must be a time as HH:MM"),
    ("company missing", _drop("company"), "interviews[1].company: is required"),
    ("company empty", _set(company=""), "interviews[1].company: must not be empty"),
    ("company blank", _set(company=" \n\t"), "interviews[1].company: must not be empty"),
    ("company control", _set(company="\x00\x1b"), "interviews[1].company: must not be empty"),
    ("company long", _set(company="x" * 501), "interviews[1].company: is too long"),
    (
        "problem missing",
        _second(lambda i: i["issues"][0].pop("problem")),
        "interviews[1].issues[0]",
    ),
    ("problem control", _issue(problem="\x07"), "interviews[1].issues[0].problem: must not be"),
    ("problem number", _issue(problem=42), "interviews[1].issues[0].problem: must be a string"),
    (
        "category blank",
        _issue(category=" "),
        "interviews[1].issues[0].category: must be a category",
    ),
    ("category odd", _issue(category="\x00bad slug"), "interviews[1].issues[0].category: must be"),
    (
        "positive empty",
        _second(lambda i: i["positives"][0].update(text="")),
        "interviews[1].positives[0].text: must not be empty",
    ),
    ("kind bad", _follow_up(kind="fax"), "interviews[1].follow_ups[0].kind: must be one of"),
    ("due tomorrow", _follow_up(due="tomorrow"), "interviews[1].follow_ups[0].due: must be a date"),
    ("done bad", _follow_up(done="2026-13-01"), "interviews[1].follow_ups[0].done: must be a date"),
    ("closed yes", _set(closed="yes"), "interviews[1].closed: must be true or false"),
    ("interviewers str", _set(interviewers="Dana"), "interviews[1].interviewers: must be a list"),
    ("interviewer int", _set(interviewers=[42]), "interviews[1].interviewers[0]: must be a string"),
    ("issues not list", _set(issues={"problem": "x"}), "interviews[1].issues: must be a list"),
    ("issue a string", _set(issues=["late"]), "interviews[1].issues[0]: must be an object"),
    ("interview string", _replace_second("Globex"), "interviews[1]: must be an object"),
    ("interviews dict", _root(lambda d: d.update(interviews={})), "interviews: must be a list"),
    ("format missing", _root(lambda d: d.pop("format")), 'format: must be "interview-journal"'),
    ("format other", _root(lambda d: d.update(format="x")), 'format: must be "interview-journal"'),
    (
        "version 6",
        _root(lambda d: d.update(version=6)),
        "version: must be 1, 2, 3, 4 or 5; this file has 6",
    ),
    (
        "version str",
        _root(lambda d: d.update(version="1")),
        'version: must be 1, 2, 3, 4 or 5; this file has "',
    ),
    ("not json", lambda d: "{", "not valid JSON (line 1, column 2"),
    ("json list", lambda d: [d], "the file: must be an object"),
    ("json null", lambda d: None, "the file: must be an object"),
    ("uuid twice", _same_interview_uuid, "interviews[1].uuid: the same interview as interviews[0]"),
    ("issue uuid twice", _same_issue_uuid, "interviews[1].issues[0].uuid: the same issue as"),
    ("uuid malformed", _set(uuid="5b0c1c7e-nope"), "interviews[1].uuid: must be a UUID"),
    ("uuid number", _set(uuid=12), "interviews[1].uuid: must be a string"),
    ("category twice", _duplicate_category, "categories[1].slug: 'punctuality' is listed twice"),
    ("category empty", _root(lambda d: d["categories"][0].update(slug="")), "categories[0].slug"),
]


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [pytest.param(mutate, expected, id=name) for name, mutate, expected in BAD_FILES],
)
def test_a_bad_file_is_refused_whole_with_the_path(
    journal: Journal, journal_path: Path, mutate: Mutation, expected: str
) -> None:
    add_acme(journal)
    assert import_document(journal, two_interviews())[0].interviews.added == 2
    document = two_interviews()
    document["interviews"][0]["company"] = "Initech"  # would show if the first half went in
    document["interviews"][0]["uuid"] = uid(20)
    document["interviews"][0]["issues"][0]["uuid"] = uid(21)
    document["interviews"][0]["positives"][0]["uuid"] = uid(22)
    document["interviews"][0]["follow_ups"][0]["uuid"] = uid(23)
    document["categories"][0]["name"] = "Timing"
    assert document != two_interviews()
    broken = mutate(document)
    text = broken if isinstance(broken, str) else json.dumps(broken, ensure_ascii=False)
    before_export, before_disk = export(journal), on_disk(journal_path)

    with pytest.raises(FormatError) as caught:
        import_text(journal, text)

    assert str(caught.value).startswith(expected), str(caught.value)
    assert on_disk(journal_path) == before_disk
    assert export(journal) == before_export
    assert journal.count_interviews() == 3


def test_an_import_the_store_refuses_midway_leaves_the_journal_as_it_was(
    journal: Journal, journal_path: Path
) -> None:
    """Even past the reader (records built in code), the store writes all of them or none."""
    add_acme(journal)
    before_export, before_disk = export(journal), on_disk(journal_path)
    good = InterviewRecord(Interview(company="Initech", date=TODAY))
    bad = InterviewRecord(Interview(company="Globex", date=TODAY))
    bad.issues.append(Issue(problem="Late", severity=7, interview_uuid=bad.interview.uuid))
    with pytest.raises(InvalidValue, match="severity: must be 1-3"):
        journal.import_records([], [good, bad])
    assert on_disk(journal_path) == before_disk
    assert export(journal) == before_export


# -- 5. any text survives ----------------------------------------------------------------------

TRICKY = (
    "[bold]red[/]",
    "[/]",
    "[link=https://example.com]x[/link]",
    "\"double\" and 'single' quotes",
    "line one\nline two\r\nline three\rfour",
    "🎉 👩‍💻 résumé ñ 漢字",
    "\x00nul\x1b[31mansi\x7fdel\x85nel",
    "lone \ud800 surrogate \udfff",
    "\u2028line separator\u2029",
    "\ufeffbom",
    "\t tabs \t",
    "  padded  ",
    "back\\slash",
    "</script><b>html</b>",
    "*emphasis* _under_ `code` # heading",
)
ANY_CHAR = st.characters(exclude_categories=())  # surrogates and control characters too
any_text = st.one_of(
    st.text(),
    st.text(ANY_CHAR, max_size=40),
    st.sampled_from(TRICKY),
    st.lists(st.sampled_from(TRICKY), max_size=4).map("".join),
    st.text(st.sampled_from("ab [/]\n\"'🎉"), min_size=1500, max_size=2000),
)
line_text = st.one_of(st.text(max_size=60), st.text(ANY_CHAR, max_size=60), st.sampled_from(TRICKY))
some_line = line_text.filter(lambda s: clean_line(s) != "")
some_text = any_text.filter(lambda s: clean_text(s).strip() != "")
dates = st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2100, 12, 31))
maybe_date = st.none() | dates.map(dt.date.isoformat)
category = st.none() | st.sampled_from((*BUILTIN_SLUGS, "team-fit", "my-own"))


@st.composite
def issues(draw: st.DrawFn) -> dict:
    return {
        "problem": draw(some_text),
        "should_have": draw(st.none() | any_text),
        "category": draw(category),
        "severity": draw(st.integers(1, 3)),
        "action": draw(st.none() | any_text),
    }


@st.composite
def follow_ups(draw: st.DrawFn) -> dict:
    return {
        "kind": draw(st.sampled_from(FOLLOW_UP_KINDS)),
        "due": draw(maybe_date),
        "done": draw(maybe_date),
        "text": draw(any_text),
        "notes": draw(any_text),
    }


@st.composite
def interviews(draw: st.DrawFn) -> dict:
    time = draw(st.none() | st.times().map(lambda t: t.strftime("%H:%M")))
    return {
        "company": draw(some_line),
        "role": draw(line_text),
        "date": draw(dates).isoformat(),
        "time": time,
        "stage": draw(st.sampled_from(STAGES)),
        "interviewers": draw(st.lists(line_text, max_size=3)),
        "outcome": draw(st.sampled_from(OUTCOMES)),
        "rating": draw(st.none() | st.integers(1, 5)),
        "feelings": draw(st.lists(st.sampled_from(FEELINGS), max_size=4)),
        "notes": draw(any_text),
        "closed": draw(st.booleans()),
        "issues": draw(st.lists(issues(), max_size=3)),
        "positives": [{"text": text} for text in draw(st.lists(some_text, max_size=3))],
        "follow_ups": draw(st.lists(follow_ups(), max_size=3)),
    }


@st.composite
def documents(draw: st.DrawFn) -> dict:
    records = draw(st.lists(interviews(), max_size=3))
    n = 0
    for record in records:
        n += 1
        record["uuid"] = uid(1000 + n)  # interviews always carry one; children only sometimes
        for kind in ("issues", "positives", "follow_ups"):
            for row in record[kind]:
                n += 1
                if draw(st.booleans()):
                    row["uuid"] = uid(1000 + n)
    categories = []
    if draw(st.booleans()):
        categories.append(
            {
                "slug": "my-own",
                "name": draw(some_line),
                "description": draw(any_text),
                "indefensible": draw(st.booleans()),
            }
        )
    return {
        "format": "interview-journal",
        "version": 1,
        "categories": categories,
        "interviews": records,
    }


def _or_none(text: str | None) -> str | None:
    return clean_text(text or "") or None


def assert_cleaned_copy(exported: dict, document: dict) -> None:
    """Every text the journal exported is the cleaned text of the file it was given."""
    by_uuid = {interview["uuid"]: interview for interview in exported["interviews"]}
    assert len(by_uuid) == len(document["interviews"])
    for given_interview in document["interviews"]:
        got = by_uuid[given_interview["uuid"]]
        assert got["company"] == clean_line(given_interview["company"])
        assert got["role"] == clean_line(given_interview["role"])
        names = [clean_line(name) for name in given_interview["interviewers"]]
        assert got["interviewers"] == [name for name in names if name]
        assert got["notes"] == clean_text(given_interview["notes"])
        assert got["feelings"] == list(dict.fromkeys(given_interview["feelings"]))
        for key in ("date", "time", "stage", "outcome", "rating", "closed"):
            assert got[key] == given_interview[key], key
        assert len(got["issues"]) == len(given_interview["issues"])
        for issue, wrote in zip(got["issues"], given_interview["issues"], strict=True):
            assert issue["problem"] == clean_text(wrote["problem"])
            assert issue["should_have"] == _or_none(wrote["should_have"])
            assert issue["action"] == _or_none(wrote["action"])
            assert issue["category"] == wrote["category"]
            assert issue["severity"] == wrote["severity"]
            assert issue["uuid"] == wrote.get("uuid", issue["uuid"])
        positives = [clean_text(p["text"]) for p in given_interview["positives"]]
        assert [p["text"] for p in got["positives"]] == positives
        for follow_up, wrote in zip(got["follow_ups"], given_interview["follow_ups"], strict=True):
            assert follow_up["text"] == clean_text(wrote["text"])
            assert follow_up["notes"] == clean_text(wrote["notes"])
            for key in ("kind", "due", "done"):
                assert follow_up[key] == wrote[key], key
        assert len(got["follow_ups"]) == len(given_interview["follow_ups"])
    categories = {c["slug"]: c for c in exported["categories"]}
    for wrote in document["categories"]:
        assert categories[wrote["slug"]]["name"] == clean_line(wrote["name"])
        assert categories[wrote["slug"]]["description"] == clean_text(wrote["description"])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(document=documents())
def test_any_journal_round_trips_byte_for_byte(document: dict) -> None:
    text = json.dumps(document, ensure_ascii=False)  # lone surrogates stay lone in the text
    with tempfile.TemporaryDirectory() as folder:
        with open_journal(Path(folder) / "one.db") as one:
            import_text(one, text)
            first = export(one)
        with open_journal(Path(folder) / "two.db") as two:
            summary, _ = import_text(two, first)
            second = export(two)
            again, _ = import_text(two, second)
    assert second == first
    assert changes(again) == 0
    first.encode("utf-8")  # cleaned: it can be written to a file
    assert_cleaned_copy(json.loads(first), document)
    assert summary.interviews.added == len(document["interviews"])


# -- 6. Markdown and CSV -------------------------------------------------------------------------

PROBLEM = 'Said "no, never", then\nwalked out, twice; "really"'


def add_markup_interview(journal: Journal) -> Interview:
    interview = journal.add_interview(
        Interview(
            company="[bold]Initech[/]",
            role="",
            date=dt.date(2026, 11, 25),
            stage="phone",
            notes="[red]not a style[/red]",
        )
    )
    journal.add_issue(
        Issue(problem=PROBLEM, should_have="[i]Stay[/i]", interview_uuid=interview.uuid)
    )
    journal.add_positive(Positive(text="[/] kept calm", interview_uuid=interview.uuid))
    return interview


def test_markdown_export_reads_like_the_journal(journal: Journal) -> None:
    add_acme(journal)
    add_markup_interview(journal)
    journal.add_interview(Interview(company="Hooli", role="SRE", date=dt.date(2026, 11, 26)))
    markdown = exchange.to_markdown(journal.categories(), journal.records())
    lines = markdown.splitlines()

    sections = [line for line in lines if line.startswith("## ")]
    assert sections == ["## Acme — Backend Engineer", "## \\[bold]Initech\\[/]", "## Hooli — SRE"]
    assert "- **Date:** 2026-11-20 14:00" in lines
    assert (
        "- Arrived 10 minutes late: traffic → Leave 45 minutes early (*Late / timing*, severity 2)"
        in lines
    )
    assert "  - Next step: Plan the route the day before" in lines
    assert any(line.startswith("- Babbled about my thesis → _not written yet_") for line in lines)
    went_well = lines.index("### What went well")
    assert lines[went_well + 2] == "- Good rapport with Dana"
    assert "### Follow-ups" in lines
    assert "- thank-you, due 2026-11-21: not done" in lines
    # Markup-like text is shown as written (a `[` escaped, so that no link can start there), and a
    # multi-line problem stays one list item.
    assert "\\[red]not a style\\[/red]" in markdown
    assert '- Said "no, never", then walked out, twice; "really" → \\[i]Stay\\[/i]' in markdown
    assert "- \\[/] kept calm" in lines
    hooli = markdown[markdown.index("## Hooli") :]
    assert "### What went wrong" not in hooli and "### What went well" not in hooli


def test_csv_export_has_a_row_per_issue_and_per_interview_without_issues(
    journal: Journal,
) -> None:
    acme = add_acme(journal)
    initech = add_markup_interview(journal)
    hooli = journal.add_interview(Interview(company="Hooli", date=dt.date(2026, 11, 26)))
    text = exchange.to_csv(journal.categories(), journal.records())
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)

    assert tuple(reader.fieldnames or ()) == exchange.CSV_COLUMNS
    assert [row["company"] for row in rows] == ["Acme", "Acme", "[bold]Initech[/]", "Hooli"]
    acme_rows = [row for row in rows if row["interview_uuid"] == acme.uuid]
    assert {row["date"] for row in acme_rows} == {"2026-11-20"}
    assert [row["problem"] for row in acme_rows] == [
        "Arrived 10 minutes late: traffic",
        "Babbled about my thesis",
    ]
    assert acme_rows[0]["category_name"] == "Late / timing"
    assert acme_rows[0]["feelings"] == "disappointed; self-doubt"
    assert acme_rows[0]["rating"] == "2" and acme_rows[0]["closed"] == "no"
    [initech_row] = [row for row in rows if row["interview_uuid"] == initech.uuid]
    assert initech_row["problem"] == PROBLEM
    assert initech_row["should_have"] == "[i]Stay[/i]"
    [hooli_row] = [row for row in rows if row["interview_uuid"] == hooli.uuid]
    assert hooli_row["date"] == "2026-11-26"
    assert hooli_row["rating"] == ""
    assert all(hooli_row[column] == "" for column in exchange.CSV_COLUMNS[13:])


# -- 7. unknown fields ---------------------------------------------------------------------------


def test_unknown_fields_are_warned_about_by_path_and_the_rest_imports(journal: Journal) -> None:
    document = two_interviews()
    document["exported_by"] = "another app"
    document["categories"][0]["icon"] = "clock"
    document["interviews"][1]["mood"] = "grim"
    document["interviews"][1]["issues"][0]["blame"] = "traffic"
    document["interviews"][1]["positives"][0]["stars"] = 5
    document["interviews"][1]["follow_ups"][0]["via"] = "email"
    summary, warnings = import_document(journal, document)
    assert warnings == [
        "exported_by: unknown field, ignored",
        "categories[0].icon: unknown field, ignored",
        "interviews[1].mood: unknown field, ignored",
        "interviews[1].issues[0].blame: unknown field, ignored",
        "interviews[1].positives[0].stars: unknown field, ignored",
        "interviews[1].follow_ups[0].via: unknown field, ignored",
    ]
    assert summary.interviews.added == 2
    assert journal.interview(uid(10)).company == "Globex"
    assert "grim" not in export(journal) and "mood" not in export(journal)


@pytest.mark.parametrize("version", ["true", "1.0", '"1"'])
def test_the_version_is_the_number_1_not_something_equal_to_it(version: str) -> None:
    document = {"format": "interview-journal", "version": 0, "categories": [], "interviews": []}
    text = json.dumps(document).replace('"version": 0', f'"version": {version}')
    with pytest.raises(
        FormatError, match=f"version: must be 1, 2, 3, 4 or 5; this file has {version}"
    ):
        exchange.loads(text)
