"""The exchange format carries practice (issue 12, version 3): the user's questions, the bank's
ones they reworded, hid or moved, every answer, each question's practice card and grades, and
the question each issue and positive was asked. Export → import into an empty journal gives
every practice row back and the same bytes out; version 1 and 2 files still import; a broken
practice part is refused with where it is, and changes nothing. Real journal files on disk; the
command line run as a user runs it."""

from __future__ import annotations

import copy
import datetime as dt
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_journal.cli.main import cli
from interview_journal.core import exchange
from interview_journal.core.exchange import FormatError
from interview_journal.core.model import Issue, Positive, Story
from interview_journal.core.questions import BANK, builtin_uuid
from interview_journal.core.review import grade
from interview_journal.core.sample import generate_sample
from interview_journal.store import Journal, open_journal

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3

from .conftest import add_acme, file_digest

TODAY = dt.date(2026, 11, 27)
FIXTURES = Path(__file__).parent / "fixtures"
YOURSELF = builtin_uuid("tell-me-about-yourself")
FAILED = builtin_uuid("time-you-failed")
SALARY = builtin_uuid("salary-expectations")
LEAVING = builtin_uuid("why-leaving")
FIVE_YEARS = builtin_uuid("five-years")
PRACTICE = ("questions", "stories", "question_reviews")


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, each local integer id replaced by the uuid it points at (a
    question of the bank that no one touched is the same in every journal but for when the
    journal was made: its times are left out)."""
    conn = sqlite3.connect(path)
    uuids = {
        table: dict(conn.execute(f"SELECT id, uuid FROM {table}"))
        for table in ("interviews", "issues", "questions", "stories")
    }
    pointers = {
        "interview_id": "interviews",
        "issue_id": "issues",
        "question_id": "questions",
        "story_id": "stories",
    }
    out = {}
    tables = ("categories", "interviews", "issues", "positives", "follow_ups", "reviews")
    for table in tables + PRACTICE:
        cursor = conn.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        rows = []
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            row.pop("id", None)
            for column, target in pointers.items():
                if row.get(column) is not None:
                    row[column] = uuids[target][row[column]]
            if table == "questions" and _as_given(row):
                row.pop("created"), row.pop("updated")
            rows.append(tuple(sorted(row.items())))
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


_BANK = {question.key: question for question in BANK}


def _as_given(row: dict) -> bool:
    bank = _BANK.get(row["key"])
    return (
        bank is not None
        and (row["text"], row["grp"], row["hidden"]) == (bank.text, bank.group, 0)
        and row["card"] is None
        and row["created"] == row["updated"]
    )


def _practised(path: Path) -> Path:
    """A journal used for practice: questions of the user's own (one hidden), the bank's
    reworded, hidden and moved, answers (one question with three), practice grades, and issues
    and positives linked every way (suggested, confirmed, confirmed to none, with an answer)."""
    with open_journal(path) as journal:
        journal.import_records([], generate_sample(12, today=TODAY))
        acme = add_acme(journal)
        own = journal.add_question("How would you design a rate limiter?", "role")
        gone = journal.add_question("Do you know Kubernetes?", "role")
        journal.hide_question(gone.uuid)
        journal.reword_question(YOURSELF, "So, tell me about yourself")
        journal.hide_question(SALARY)
        five = journal.question(FIVE_YEARS)
        journal.update_question(five.__class__(**{**_fields(five), "group": "awkward"}))
        for text in ("The outage I caused", "The launch that slipped", "The hire I got wrong"):
            journal.add_story(
                Story(
                    text=text,
                    situation="At Initech",
                    task="Keep it running",
                    action="Owned it",
                    result="Wrote the runbook",
                    question_uuid=FAILED,
                )
            )
        first, *_ = journal.question(FAILED).stories
        journal.move_story(first.uuid, 2)
        journal.add_story(Story(text="Token buckets, per user", question_uuid=own.uuid))
        now = dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)
        for uuid, ratings in ((FAILED, (3, 1, 3)), (own.uuid, (4,))):
            card = None
            for rating in ratings:
                card, due = grade(card, rating, now)
                journal.record_question_review(uuid, card, rating, now, due)
                now += dt.timedelta(hours=1)
        suggested = journal.add_issue(
            Issue(
                problem="Blanked on 'tell me about a time you failed'",
                category="blanked",
                interview_uuid=acme.uuid,
            )
        )
        assert journal.issue(suggested.uuid).question_link == "suggested"
        confirmed = journal.add_issue(
            Issue(problem="Rambled about the rate limiter", interview_uuid=acme.uuid)
        )
        story = journal.question(FAILED).stories[0]
        journal.link_question("issue", confirmed.uuid, FAILED, story_uuid=story.uuid)
        journal.link_question("issue", confirmed.uuid, own.uuid)
        nothing = journal.add_issue(
            Issue(problem="They asked 'why are you leaving' twice", interview_uuid=acme.uuid)
        )
        journal.unlink_question("issue", nothing.uuid)
        told = journal.add_positive(
            Positive(text="Told the outage story well", interview_uuid=acme.uuid)
        )
        journal.link_question("positive", told.uuid, FAILED, story_uuid=story.uuid)
    return path


def _fields(record: object) -> dict:
    return {name: getattr(record, name) for name in record.__slots__}  # type: ignore[attr-defined]


# -- the round trip ----------------------------------------------------------------------------


def test_export_then_import_into_an_empty_journal_gives_every_practice_row_back(
    tmp_path: Path,
) -> None:
    source = _practised(tmp_path / "source.db")
    exported = run("--db", source, "export")
    assert exported.exit_code == 0, exported.stderr
    document = json.loads(exported.stdout)
    assert document["version"] == 5
    file = tmp_path / "export.json"
    file.write_text(exported.stdout)

    imported = run("--db", tmp_path / "target.db", "import", file)
    assert imported.exit_code == 0, imported.stderr
    # Two of the bank's questions reworded or hidden; one only answered and graded, which the
    # answers' and grades' lines count: the question itself is unchanged.
    assert "questions: 2 added, 3 updated, 1 unchanged" in imported.stdout
    assert "answers: 4 added, 0 updated, 0 unchanged" in imported.stdout
    assert "practice grades: 4 added, 0 updated, 0 unchanged" in imported.stdout

    before, after = _rows(source), _rows(tmp_path / "target.db")
    assert len(before["questions"]) == len(BANK) + 2
    assert len(before["stories"]) == 4 and len(before["question_reviews"]) == 4
    links = {dict(row)["question_link"] for row in before["issues"] + before["positives"]}
    assert links == {None, "suggested", "confirmed"}
    for table in before:
        assert after[table] == before[table], table
    again = run("--db", tmp_path / "target.db", "export")
    assert again.stdout == exported.stdout


def test_the_file_names_the_questions_and_links_as_the_user_sees_them(tmp_path: Path) -> None:
    source = _practised(tmp_path / "source.db")
    document = json.loads(run("--db", source, "export").stdout)
    questions = {q["uuid"]: q for q in document["questions"]}
    # the user's own two, and the four of the bank that were changed, answered or practised
    assert {q["key"] for q in questions.values()} == {
        None,
        "tell-me-about-yourself",
        "salary-expectations",
        "five-years",
        "time-you-failed",
    }
    assert questions[YOURSELF]["text"] == "So, tell me about yourself"
    assert questions[SALARY]["hidden"] is True
    assert questions[FIVE_YEARS]["group"] == "awkward"
    failed = questions[FAILED]
    assert [s["text"] for s in failed["stories"]] == [
        "The launch that slipped",
        "The hire I got wrong",
        "The outage I caused",
    ]
    assert failed["stories"][0]["situation"] == "At Initech"
    assert [r["rating"] for r in failed["reviews"]] == [3, 1, 3]
    assert failed["card"]["state"] in (1, 2, 3)
    [acme] = [i for i in document["interviews"] if i["company"] == "Acme"]
    links = {
        i["problem"][:12]: (i["question"], i["question_link"], i["story"]) for i in acme["issues"]
    }
    own = next(q["uuid"] for q in questions.values() if q["text"].startswith("How would"))
    assert links["Blanked on '"] == (FAILED, "suggested", None)
    assert links["Rambled abou"] == (own, "confirmed", None)
    assert links["They asked '"] == (None, "confirmed", None)
    assert links["Arrived 10 m"] == (None, None, None)
    told = next(p for p in acme["positives"] if p["text"].startswith("Told"))
    assert (told["question"], told["question_link"]) == (FAILED, "confirmed")
    assert told["story"] == failed["stories"][0]["uuid"]  # the first once the outage moved last


def test_a_journal_without_practice_exports_no_question(journal: Journal) -> None:
    add_acme(journal)
    document = exchange.to_document(journal.categories(), journal.records())
    assert journal.questions_to_export() == []
    text = "".join(
        exchange.iter_json(journal.categories(), journal.records(), journal.questions_to_export())
    )
    assert json.loads(text)["questions"] == [] == document["questions"]


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    source = _practised(tmp_path / "source.db")
    file = tmp_path / "export.json"
    assert run("--db", source, "export", "-o", file).exit_code == 0
    target = tmp_path / "target.db"
    assert run("--db", target, "import", file).exit_code == 0
    wal = target.with_name(target.name + "-wal")
    before = (file_digest(target), wal.exists() and file_digest(wal))

    second = run("--db", target, "import", file)
    assert second.exit_code == 0, second.stderr
    assert "questions: 0 added, 0 updated, 6 unchanged" in second.stdout
    assert "answers: 0 added, 0 updated, 4 unchanged" in second.stdout
    assert "practice grades: 0 added, 0 updated, 4 unchanged" in second.stdout
    assert "backed up" not in second.stdout
    assert (file_digest(target), wal.exists() and file_digest(wal)) == before


def test_importing_into_the_journal_it_came_from_changes_nothing(tmp_path: Path) -> None:
    source = _practised(tmp_path / "source.db")
    file = tmp_path / "export.json"
    assert run("--db", source, "export", "-o", file).exit_code == 0
    rows = _rows(source)
    result = run("--db", source, "import", file)
    assert result.exit_code == 0, result.stderr
    assert "backed up" not in result.stdout
    assert _rows(source) == rows


def test_a_link_the_user_confirmed_in_the_journal_is_kept(tmp_path: Path) -> None:
    source = _practised(tmp_path / "source.db")
    file = tmp_path / "export.json"
    assert run("--db", source, "export", "-o", file).exit_code == 0
    with open_journal(source) as journal:
        blanked = next(i for i in journal.issues() if i.problem.startswith("Blanked on"))
        journal.link_question("issue", blanked.uuid, LEAVING)
    assert run("--db", source, "import", file).exit_code == 0
    with open_journal(source) as journal:
        issue = journal.issue(blanked.uuid)
        assert (issue.question_uuid, issue.question_link) == (LEAVING, "confirmed")


# -- files of other versions ------------------------------------------------------------------


def _old_document(version: int) -> dict:
    return {
        "format": "interview-journal",
        "version": version,
        "categories": [],
        "interviews": [
            {
                "company": "Acme",
                "date": "2026-11-20",
                "issues": [
                    {"problem": "Blanked on 'tell me about a time you failed'"},
                    {"problem": "Late"},
                ],
                "positives": [{"text": "Nailed 'why do you want to work here'"}],
            }
        ],
    }


@pytest.mark.parametrize("version", [1, 2])
def test_a_file_of_version_1_or_2_imports_and_is_linked_by_its_words(
    tmp_path: Path, version: int
) -> None:
    file = tmp_path / "old.json"
    file.write_text(json.dumps(_old_document(version)))
    target = tmp_path / "journal.db"
    result = run("--db", target, "import", file)
    assert result.exit_code == 0, result.stderr
    assert "questions:" not in result.stdout  # the file has no practice to speak of
    with open_journal(target) as journal:
        links = {i.problem[:7]: (i.question_uuid, i.question_link) for i in journal.issues()}
        assert links == {"Blanked": (FAILED, "suggested"), "Late": (None, None)}
        [positive] = journal.positives()
        assert positive.question_uuid == builtin_uuid("why-this-company")
        rows = _rows(target)
    again = run("--db", target, "import", file)
    assert "0 added, 0 updated" in again.stdout
    assert _rows(target) == rows


def test_the_journal_fixtures_of_old_versions_export_and_come_back(tmp_path: Path) -> None:
    """Journals made by the app before practice (schema 1, 2 and 4) migrate, export as version
    3, and an empty journal takes the file back row for row."""
    for name in ("journal-v1.db", "journal-v2.db", "journal-v4.db"):
        source = tmp_path / name
        shutil.copy(FIXTURES / name, source)
        exported = run("--db", source, "export")
        assert exported.exit_code == 0, exported.stderr
        file = tmp_path / f"{name}.json"
        file.write_text(exported.stdout)
        target = tmp_path / f"copy-{name}"
        assert run("--db", target, "import", file).exit_code == 0
        assert _rows(target) == _rows(source), name
        assert run("--db", target, "export").stdout == exported.stdout


# -- broken practice is refused, with where ---------------------------------------------------


def _own(document: dict) -> dict:
    return next(q for q in document["questions"] if q["key"] is None and not q["hidden"])


def _acme_issue(document: dict, start: str) -> dict:
    [acme] = [i for i in document["interviews"] if i["company"] == "Acme"]
    return next(issue for issue in acme["issues"] if issue["problem"].startswith(start))


def _story_without_text(d: dict) -> None:
    _own(d)["stories"][0]["text"] = ""


def _four_stories(d: dict) -> None:
    failed = next(q for q in d["questions"] if q["uuid"] == FAILED)
    failed["stories"].append(dict(failed["stories"][0], uuid=builtin_uuid("x"), text="Fourth"))


def _unknown_question(d: dict) -> None:
    _acme_issue(d, "Rambled")["question"] = "0b0c1c7e-0d6f-4c1e-9a57-2f0a3c4d5e6f"


def _bad_card(d: dict) -> None:
    next(q for q in d["questions"] if q["uuid"] == FAILED)["card"] = {"state": 2}


def _story_of_another_question(d: dict) -> None:
    _acme_issue(d, "Rambled")["story"] = next(q for q in d["questions"] if q["uuid"] == FAILED)[
        "stories"
    ][0]["uuid"]


def _suggested_nothing(d: dict) -> None:
    _acme_issue(d, "Blanked")["question"] = None


def _unknown_group(d: dict) -> None:
    _own(d)["group"] = "hobbies"


def _key_of_another_uuid(d: dict) -> None:
    next(q for q in d["questions"] if q["uuid"] == SALARY)["key"] = "why-leaving"


def _question_twice(d: dict) -> None:
    d["questions"].append(copy.deepcopy(_own(d)))


def _bad_rating(d: dict) -> None:
    next(q for q in d["questions"] if q["uuid"] == FAILED)["reviews"][1]["rating"] = 7


BROKEN: list[tuple[str, Callable[[dict], None], str]] = [
    ("a story without text", _story_without_text, r"questions\[\d+\]\.stories\[0\]\.text: "),
    (
        "four stories",
        _four_stories,
        r"questions\[\d+\]\.stories: holds 4 answers; a question holds at most 3",
    ),
    (
        "an unknown question",
        _unknown_question,
        r"interviews\[\d+\]\.issues\[\d\]\.question: 0b0c1c7e-0d6f-4c1e-9a57-2f0a3c4d5e6f is "
        "none of the file's questions nor the bank's",
    ),
    (
        "a bad card",
        _bad_card,
        r"questions\[\d+\]\.card: is not a review card \(it needs a state and a due time\)",
    ),
    (
        "an answer to another question",
        _story_of_another_question,
        r"interviews\[\d+\]\.issues\[\d\]\.story: is an answer to another question",
    ),
    (
        "a suggestion of nothing",
        _suggested_nothing,
        r'interviews\[\d+\]\.issues\[\d\]\.question: is required with "question_link": '
        '"suggested"',
    ),
    ("an unknown group", _unknown_group, r"questions\[\d+\]\.group: must be one of about-you, "),
    (
        "a key that is not the uuid's",
        _key_of_another_uuid,
        r"questions\[\d+\]\.uuid: is not the uuid of the bank's question 'why-leaving'",
    ),
    (
        "a question twice",
        _question_twice,
        r"questions\[\d+\]\.uuid: the same question as questions\[\d+\]\.uuid",
    ),
    (
        "a bad grade",
        _bad_rating,
        r"questions\[\d+\]\.reviews\[1\]\.rating: must be 1-4",
    ),
]


@pytest.mark.parametrize(("name", "damage", "message"), BROKEN, ids=[name for name, _, _ in BROKEN])
def test_a_broken_practice_part_is_refused_with_where_it_is_and_nothing_changes(
    tmp_path: Path, name: str, damage: Callable[[dict], None], message: str
) -> None:
    source = _practised(tmp_path / "source.db")
    document = json.loads(run("--db", source, "export").stdout)
    damage(document)
    file = tmp_path / "broken.json"
    file.write_text(json.dumps(document))
    target = tmp_path / "target.db"
    with open_journal(target) as journal:
        add_acme(journal)
    before = _rows(target)

    result = CliRunner().invoke(cli, ["--db", str(target), "import", str(file)])
    assert result.exit_code == 1, result.output
    assert re.search(message, result.stderr), result.stderr
    assert "nothing imported" in result.stderr
    assert "Traceback" not in result.stderr
    assert _rows(target) == before
    with pytest.raises(FormatError):
        exchange.loads(json.dumps(document))


def test_answers_the_journal_has_besides_the_files_may_not_make_four(tmp_path: Path) -> None:
    source = _practised(tmp_path / "source.db")
    file = tmp_path / "export.json"
    assert run("--db", source, "export", "-o", file).exit_code == 0
    target = tmp_path / "target.db"
    with open_journal(target) as journal:
        journal.add_story(Story(text="My own failure story", question_uuid=FAILED))
    before = _rows(target)
    result = run("--db", target, "import", file)
    assert result.exit_code == 1
    assert "stories: with the journal's own answers to this question it would hold 4" in (
        result.stderr
    )
    assert _rows(target) == before


def test_a_question_of_the_users_own_is_merged_into_another_journal(tmp_path: Path) -> None:
    """Into a journal that has practice of its own: the file's questions and answers join it,
    the journal's are kept, and the file's links point at the right rows."""
    source = _practised(tmp_path / "source.db")
    file = tmp_path / "export.json"
    assert run("--db", source, "export", "-o", file).exit_code == 0
    target = tmp_path / "target.db"
    with open_journal(target) as journal:
        mine = journal.add_question("Why Rust?", "role")
        journal.add_story(Story(text="Memory safety", question_uuid=mine.uuid))
    assert run("--db", target, "import", file).exit_code == 0
    with open_journal(target) as journal:
        texts = {q.text for q in journal.questions(hidden=None) if q.key is None}
        assert texts == {
            "Why Rust?",
            "How would you design a rate limiter?",
            "Do you know Kubernetes?",
        }
        assert journal.question(YOURSELF).text == "So, tell me about yourself"
        told = next(p for p in journal.positives() if p.text.startswith("Told"))
        story = journal.story(told.story_uuid or "")
        assert (story.text, story.question_uuid) == ("The launch that slipped", FAILED)
        history = [(a.company, a.link, a.story_uuid) for a in journal.question_history(FAILED)]
    with open_journal(source) as journal:
        assert history == [
            (a.company, a.link, a.story_uuid) for a in journal.question_history(FAILED)
        ]


def practice_of(path: Path) -> tuple[dict, dict]:
    """Each issue's link (question, kind, answer), and each question the user wrote or changed
    with its answers and grades, as the journal at `path` holds them."""
    with open_journal(path) as journal:
        links = {
            i.problem: (i.question_uuid, i.question_link, i.story_uuid) for i in journal.issues()
        }
        questions = {
            q.uuid: (q.text, q.group, q.hidden, [s.text for s in q.stories], len(q.reviews))
            for q in journal.questions_to_export()
        }
    return links, questions


def test_a_rescue_keeps_the_questions_answers_grades_and_links(tmp_path: Path) -> None:
    """What a damaged journal's rescue saves includes the practice: a new journal made from it
    has the user's questions, their answers, their grades and every issue's link as before."""
    source = _practised(tmp_path / "source.db")
    rescued = tmp_path / "rescued.json"
    result = CliRunner().invoke(cli, ["--db", str(source), "rescue", str(rescued)])
    assert result.exit_code == 0, result.output
    assert "answers: 4 saved, 0 lost" in result.output
    target = tmp_path / "target.db"
    assert run("--db", target, "import", rescued).exit_code == 0
    links, questions = practice_of(target)
    assert (links, questions) == practice_of(source)
    assert (None, "confirmed", None) in links.values()  # "no question", as the user said


def test_the_export_still_streams_with_the_questions_in_its_head(tmp_path: Path) -> None:
    """The questions are written with the head; the interviews still one at a time, so an
    export of any size never holds the whole journal, and the bytes are those of the whole
    document."""
    source = _practised(tmp_path / "source.db")
    with open_journal(source) as journal:
        questions, records = journal.exported()
        pulled = 0

        def counted():  # type: ignore[no-untyped-def]
            nonlocal pulled
            for record in records:
                pulled += 1
                yield record

        pieces = exchange.iter_json(journal.categories(), counted(), questions)
        head = next(pieces)
        assert '"questions": [' in head and "So, tell me about yourself" in head
        assert pulled == 0
        first = next(pieces)
        assert pulled == 1
        text = head + first + "".join(pieces)
        whole = exchange.to_document(journal.categories(), journal.records(), questions)
    assert text == exchange.dumps(whole)
    assert len(json.loads(text)["questions"]) == 6


def test_an_export_reads_its_questions_and_interviews_as_of_one_moment(tmp_path: Path) -> None:
    """A question added and linked by another window while an export is written is in neither
    half of the file: the file never names a question it does not hold."""
    source = _practised(tmp_path / "source.db")
    with open_journal(source) as journal, open_journal(source) as other:
        categories = journal.categories()
        questions, records = journal.exported()
        late = other.add_question("Why Go?", "role")
        for issue in other.issues():
            other.link_question("issue", issue.uuid, late.uuid)
        text = "".join(exchange.iter_json(categories, records, questions))
    assert "Why Go?" not in text and late.uuid not in text
    file = tmp_path / "export.json"
    file.write_text(text)
    result = run("--db", tmp_path / "target.db", "import", file)
    assert result.exit_code == 0, result.stderr


def test_a_question_of_a_bank_this_app_no_longer_has_still_comes_back(tmp_path: Path) -> None:
    """A journal may hold a bank question a later app dropped from its bank: its export still
    imports, the question kept as it was."""
    source = _practised(tmp_path / "source.db")
    with sqlite3.connect(source) as conn:
        conn.execute(
            "UPDATE questions SET key = 'old-question', uuid = ? WHERE uuid = ?",
            [builtin_uuid("old-question"), YOURSELF],
        )
    conn.close()
    exported = run("--db", source, "export")
    file = tmp_path / "export.json"
    file.write_text(exported.stdout)
    target = tmp_path / "target.db"
    result = run("--db", target, "import", file)
    assert result.exit_code == 0, result.stderr
    with open_journal(target) as journal:
        kept = journal.question(builtin_uuid("old-question"))
        assert (kept.key, kept.text) == ("old-question", "So, tell me about yourself")


def test_the_demo_into_a_new_journal_updates_no_question_it_only_answered(tmp_path: Path) -> None:
    """The demo's answers to five of the bank's questions come in as answers: the questions,
    as the user sees them, are the ones the new journal has already (it said "5 updated")."""
    demo = tmp_path / "demo.db"
    made = run("--db", tmp_path / "unused.db", "demo", "--out", demo, "--interviews", "5")
    assert made.exit_code == 0, made.stderr
    file = tmp_path / "demo.json"
    assert run("--db", demo, "export", "-o", file).exit_code == 0
    imported = run("--db", tmp_path / "new.db", "import", file)
    assert imported.exit_code == 0, imported.stderr
    assert "questions: 0 added, 0 updated, 5 unchanged" in imported.stdout
    assert "answers: 6 added" in imported.stdout
