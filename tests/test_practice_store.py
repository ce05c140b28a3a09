"""Practice in the store (issue 12): the journal's questions (the bank seeded, the user's own),
their answers, links from issues and positives to the question asked, and each question's
history. Real journal files on disk; the migration is tested on a journal made by the app as it
was before questions (tests/fixtures/journal-v4.db, made by commit 876e395)."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from interview_journal.core.model import Interview, Issue, Positive, Story
from interview_journal.core.questions import BANK, builtin_uuid
from interview_journal.core.validate import InvalidValue
from interview_journal.store import Journal, open_journal

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3
from interview_journal.store.linking import _may_quote
from interview_journal.store.questions import TooManyStories
from interview_journal.store.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"
YOURSELF = builtin_uuid("tell-me-about-yourself")
OLD_TABLES = ("categories", "interviews", "issues", "positives", "follow_ups", "reviews")


def _rows(path: Path, table: str, leave_out: tuple[str, ...] = ()) -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        return [{k: row[k] for k in row.keys() if k not in leave_out} for row in rows]  # noqa: SIM118
    finally:
        conn.close()


def _interview(journal: Journal, company: str = "Acme", day: int = 20) -> Interview:
    return journal.add_interview(
        Interview(company=company, date=dt.date(2026, 11, day), stage="onsite")
    )


# -- the migration ------------------------------------------------------------------------------


def test_a_journal_made_before_questions_gets_the_bank_and_its_quotes_linked(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / "journal-v4.db", path)
    before = {table: _rows(path, table) for table in OLD_TABLES}

    journal = open_journal(path)
    try:
        assert journal.schema_version == SCHEMA_VERSION >= 5
        questions = journal.questions()
        assert len(questions) == len(BANK)
        assert {(q.uuid, q.key, q.text) for q in questions} == {
            (q.uuid, q.key, q.text) for q in BANK
        }
        links = {
            issue.uuid[-1]: (issue.question_uuid, issue.question_link) for issue in journal.issues()
        }
        assert links == {
            "1": (YOURSELF, "suggested"),
            "2": (builtin_uuid("why-leaving"), "suggested"),
            "3": (None, None),  # quotes nothing
            "4": (None, None),  # quotes a question the bank does not have
            "5": (YOURSELF, "suggested"),
        }
        positives = {p.text[:8]: p.question_uuid for p in journal.positives()}
        assert positives == {"Answered": builtin_uuid("why-this-company"), "Good rap": None}
        assert [asked.company for asked in journal.question_history(YOURSELF)] == ["Acme", "Beta"]
        # search still finds old rows, and new ones
        assert journal.search("traffic") and journal.search("sandwich")
        journal.add_issue(
            Issue(
                problem="Forgot the portfolio",
                interview_uuid="11111111-1111-4111-8111-111111111111",
            )
        )
        assert journal.search("portfolio")
        assert journal.check() == []
    finally:
        journal.close()
    # every row as it was, but for the links (and the later migrations' new columns)
    links = ("question_id", "question_link", "story_id", "action_done", "feedback")
    links += ("location", "link", "calendar_uid", "checklist", "prep_why", "prep_company")
    links += ("prep_questions", "prep_people", "prep_logistics")
    after = {table: _rows(path, table, links) for table in OLD_TABLES}
    after["issues"] = after["issues"][:-1]  # the one added above
    assert after == before


def test_a_new_journal_has_the_bank(journal: Journal) -> None:
    assert journal.schema_version == SCHEMA_VERSION
    questions = journal.questions()
    assert len(questions) == len(BANK) >= 40
    assert all(q.builtin and not q.hidden and not q.stories for q in questions)
    assert questions[0].group == "about-you"
    assert journal.question(YOURSELF).text == "Tell me about yourself."


# -- linking on writes --------------------------------------------------------------------------


def test_an_issue_is_linked_on_add_and_its_suggestion_follows_the_text(journal: Journal) -> None:
    interview = _interview(journal)
    issue = journal.add_issue(
        Issue(problem="Blanked on 'tell me about yourself'", interview_uuid=interview.uuid)
    )
    assert (issue.question_uuid, issue.question_link) == (YOURSELF, "suggested")
    assert journal.issue(issue.uuid).question_uuid == YOURSELF

    moved = journal.update_issue(replace(issue, problem="They asked why I'm leaving; I froze"))
    assert (
        moved.question_uuid
        == builtin_uuid("why-leaving")
        == journal.issue(issue.uuid).question_uuid
    )
    gone = journal.update_issue(replace(moved, problem="Arrived late"))
    assert (gone.question_uuid, gone.question_link) == (None, None)


def test_a_confirmed_link_is_never_changed_by_matching(journal: Journal) -> None:
    interview = _interview(journal)
    issue = journal.add_issue(
        Issue(problem="Blanked on 'tell me about yourself'", interview_uuid=interview.uuid)
    )
    journal.confirm_question("issue", issue.uuid)
    edited = journal.update_issue(replace(issue, problem="They asked why I'm leaving; I froze"))
    assert (edited.question_uuid, edited.question_link) == (YOURSELF, "confirmed")

    # taken away by the user: no suggestion comes back as the words change
    journal.unlink_question("issue", issue.uuid)
    edited = journal.update_issue(replace(edited, problem="Blanked on 'tell me about yourself'"))
    assert (edited.question_uuid, edited.question_link) == (None, "confirmed")
    # until the user hands it back to matching
    journal.suggest_question("issue", issue.uuid)
    assert journal.issue(issue.uuid).question_uuid == YOURSELF


def test_a_positive_is_linked_and_import_links_what_it_adds(
    journal: Journal, tmp_path: Path
) -> None:
    interview = _interview(journal)
    positive = journal.add_positive(
        Positive(text="Nailed 'why do you want to work here'", interview_uuid=interview.uuid)
    )
    assert positive.question_uuid == builtin_uuid("why-this-company")

    other = open_journal(tmp_path / "other.db")
    try:
        other.import_records(journal.categories(), journal.records())
        (record,) = other.records()
        assert record.positives[0].question_uuid == builtin_uuid("why-this-company")
        # an import that changes the words moves a suggested link
        changed = replace(
            record,
            positives=[
                replace(
                    record.positives[0],
                    text="Blanked on 'tell me about yourself'",
                    updated="2030-01-01T00:00:00+00:00",
                )
            ],
        )
        other.import_records([], [changed])
        assert other.positives()[0].question_uuid == YOURSELF
    finally:
        other.close()


def test_the_users_own_question_is_matched_and_unmatched_quotes_are_offered(
    journal: Journal,
) -> None:
    interview = _interview(journal)
    text = "They asked 'what is your favourite sandwich' and I froze"
    assert journal.question_quotes_unmatched(text) == ["what is your favourite sandwich"]
    issue = journal.add_issue(Issue(problem=text, interview_uuid=interview.uuid))
    assert issue.question_uuid is None

    mine = journal.add_question("What is your favourite sandwich?", "about-you")
    assert not mine.builtin
    assert journal.issue(issue.uuid).question_uuid == mine.uuid  # linked when it is added
    assert journal.question_quotes_unmatched(text) == []


def test_a_journal_with_only_the_users_questions_is_not_empty(journal_path: Path) -> None:
    from interview_journal.store.journal import remove_if_empty

    journal = open_journal(journal_path)
    assert not journal.practice_started()
    journal.add_question("What is your favourite sandwich?", "about-you")
    assert journal.practice_started()
    journal.close()
    remove_if_empty(journal_path)
    assert journal_path.exists()


def test_an_unknown_group_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidValue, match="about-you"):
        journal.add_question("Why?", "no-such-group")


# -- hide, delete, reword -----------------------------------------------------------------------


def test_a_builtin_question_is_hidden_not_deleted_and_the_users_own_is_deleted(
    journal: Journal,
) -> None:
    interview = _interview(journal)
    issue = journal.add_issue(
        Issue(problem="Blanked on 'tell me about yourself'", interview_uuid=interview.uuid)
    )
    assert journal.delete_question(YOURSELF) is False
    assert journal.question(YOURSELF).hidden
    assert YOURSELF not in {q.uuid for q in journal.questions()}
    assert YOURSELF in {q.uuid for q in journal.questions(hidden=True)}
    # a hidden question is not matched: its suggestion goes
    assert journal.issue(issue.uuid).question_uuid is None
    journal.hide_question(YOURSELF, hidden=False)
    assert journal.issue(issue.uuid).question_uuid == YOURSELF

    mine = journal.add_question("What is your favourite sandwich?", "about-you")
    journal.add_story(Story(text="Cheese", question_uuid=mine.uuid))
    journal.link_question("issue", issue.uuid, mine.uuid)
    assert journal.delete_question(mine.uuid) is True
    assert mine.uuid not in {q.uuid for q in journal.questions(hidden=None)}
    assert journal.db["stories"].count == 0
    # its confirmed link goes back to matching: the bank's question it quotes
    assert (journal.issue(issue.uuid).question_uuid, journal.issue(issue.uuid).question_link) == (
        YOURSELF,
        "suggested",
    )


def test_rewording_keeps_the_bank_wordings_and_the_links(journal: Journal) -> None:
    interview = _interview(journal)
    issue = journal.add_issue(
        Issue(problem="Blanked on 'tell me about yourself'", interview_uuid=interview.uuid)
    )
    question = journal.reword_question(YOURSELF, "Introduce yourself, briefly.")
    assert question.text == "Introduce yourself, briefly." and question.key
    assert journal.issue(issue.uuid).question_uuid == YOURSELF
    with pytest.raises(InvalidValue, match="text"):
        journal.reword_question(YOURSELF, "   ")


# -- stories ------------------------------------------------------------------------------------


def test_a_question_holds_at_most_three_stories(journal: Journal) -> None:
    stories = [
        journal.add_story(Story(text=f"Answer {n}", situation="s", question_uuid=YOURSELF))
        for n in range(3)
    ]
    assert [s.position for s in stories] == [0, 1, 2]
    with pytest.raises(TooManyStories, match="at most 3"):
        journal.add_story(Story(text="A fourth", question_uuid=YOURSELF))
    assert journal.db["stories"].count == 3

    journal.delete_story(stories[0].uuid)
    assert [s.text for s in journal.question(YOURSELF).stories] == ["Answer 1", "Answer 2"]
    fourth = journal.add_story(Story(text="Answer 3", question_uuid=YOURSELF))
    assert fourth.position == 2
    journal.move_story(fourth.uuid, 0)
    assert [s.text for s in journal.question(YOURSELF).stories] == [
        *("Answer 3", "Answer 1", "Answer 2")
    ]
    journal.move_story(fourth.uuid, 9)
    assert [s.position for s in journal.question(YOURSELF).stories] == [0, 1, 2]
    assert journal.question(YOURSELF).stories[2].uuid == fourth.uuid
    updated = journal.update_story(replace(fourth, text="Answer three", result="Hired"))
    assert journal.story(fourth.uuid).text == "Answer three" == updated.text
    assert updated.updated > fourth.updated


# -- history, due -------------------------------------------------------------------------------


def test_the_history_of_a_question_lists_every_interview_that_asked_it(
    journal: Journal,
) -> None:
    acme, beta = _interview(journal, "Acme", 20), _interview(journal, "Beta", 25)
    story = journal.add_story(Story(text="Two minutes on my path", question_uuid=YOURSELF))
    issue = journal.add_issue(
        Issue(problem="Rambled on 'tell me about yourself'", interview_uuid=acme.uuid)
    )
    journal.link_question("issue", issue.uuid, YOURSELF, story_uuid=story.uuid)
    journal.add_positive(Positive(text="Nailed 'tell me about yourself'", interview_uuid=beta.uuid))
    history = journal.question_history(YOURSELF)
    assert [(a.company, a.date.day, a.stage, a.went, a.link) for a in history] == [
        ("Beta", 25, "onsite", "well", "suggested"),
        ("Acme", 20, "onsite", "wrong", "confirmed"),
    ]
    assert history[1].story_uuid == story.uuid and history[1].record_uuid == issue.uuid
    assert journal.questions_asked() == {YOURSELF: history}
    # a story of another question is refused
    with pytest.raises(InvalidValue, match="another question"):
        journal.link_question(
            "issue", issue.uuid, builtin_uuid("why-leaving"), story_uuid=story.uuid
        )


def test_due_comes_from_the_questions_card(journal: Journal) -> None:
    from interview_journal.core.review import grade

    assert journal.question_due(YOURSELF) is None
    now = dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)
    card, due = grade(None, 3, now)
    journal.record_question_review(YOURSELF, card, 3, now, due)
    assert journal.question_due(YOURSELF) == due
    assert journal.db["question_reviews"].count == 1


# -- the quick test in SQL before the regexes ---------------------------------------------------


@given(
    st.lists(
        st.sampled_from(
            [
                "tell",
                " me",
                " about",
                " yourself",
                " asked",
                " Asked",
                "I'm",
                " don't",
                "é",
                "'",
                '"',
                "“",
                "”",
                "‘",
                "’",
                " ",
                ",",
                ".",
                "(",
                ":",
                "—",
                "x",
            ]
        ),
        max_size=30,
    ).map("".join)
)
@settings(max_examples=400, deadline=None)
@example("'Tell me about yourself' again")
@example("Blanked on 'tell me about yourself'")
@example("Blanked on “tell me about yourself”")
@example("They asked why I'm leaving")
def test_every_text_that_quotes_passes_the_test_in_sql(text: str) -> None:
    from interview_journal.core.questions import quoted
    from interview_journal.store.linking import QUOTE_MARKS

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE issues (problem TEXT, question_link TEXT, question_id INTEGER)")
    conn.execute("INSERT INTO issues VALUES (?, NULL, NULL)", [text])
    passes = conn.execute(
        f"SELECT count(*) FROM issues WHERE {_may_quote('problem')}", QUOTE_MARKS
    ).fetchone()[0]
    conn.close()
    if quoted(text):
        assert passes, text


def test_check_reads_the_questions_and_their_answers(journal_path: Path) -> None:
    journal = open_journal(journal_path)
    journal.add_story(Story(text="Two minutes", question_uuid=YOURSELF))
    assert journal.check() == []
    journal.close()
    conn = sqlite3.connect(journal_path)  # another program writes what the app would not
    conn.execute("UPDATE questions SET text = '' WHERE key = 'why-leaving'")
    conn.execute("UPDATE stories SET text = X'00ff'")  # bytes, not text
    conn.commit()
    conn.close()
    journal = open_journal(journal_path)
    try:
        found = journal.check()
    finally:
        journal.close()
    assert any(line.startswith(f"questions: {builtin_uuid('why-leaving')}") for line in found)
    assert any(line.startswith("stories: ") for line in found), found
