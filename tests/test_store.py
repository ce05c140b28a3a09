"""The journal store on real files: set-up, reading and writing, search, migrations, refusals."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

from interview_journal.core import exchange
from interview_journal.core.model import (
    Category,
    FollowUp,
    Interview,
    InterviewRecord,
    Issue,
    Positive,
    Step,
)
from interview_journal.core.validate import InvalidValue
from interview_journal.store import (
    CorruptJournal,
    ForeignFile,
    JournalLocked,
    JournalReadOnly,
    JournalUnavailable,
    NewerJournal,
    NotFound,
    open_journal,
)

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3
from interview_journal.store.errors import Conflict
from interview_journal.store.importing import BATCH
from interview_journal.store.merge import SearchLater
from interview_journal.store.schema import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    ensure_search,
    migration_set,
)

from .conftest import add_acme, file_digest

FIXTURES = Path(__file__).parent / "fixtures"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- a new journal ---------------------------------------------------------------------------


def test_new_journal_is_private_and_set_up_as_designed(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "journal.db"
    journal = open_journal(path)
    add_acme(journal)
    conn = journal.db.conn
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(Path(f"{path}-wal")) == 0o600
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert journal.schema_version == SCHEMA_VERSION
    journal.close()


def test_schema_version_counts_every_migration() -> None:
    assert len(migration_set().pending(Database(memory=True))) == SCHEMA_VERSION


def test_builtin_categories_are_there(journal) -> None:
    categories = {c.slug: c for c in journal.categories()}
    assert len(categories) == 13
    assert categories["attire"].indefensible and categories["attire"].builtin
    assert not categories["rambling"].indefensible
    assert categories["first-impression"].name.startswith("First impression")


# -- reading and writing ------------------------------------------------------------------------


def test_interview_round_trips_through_the_file(journal_path: Path) -> None:
    journal = open_journal(journal_path)
    interview = add_acme(journal)
    journal.close()
    again = open_journal(journal_path)
    stored = again.interview(interview.uuid)
    assert stored == interview
    record = again.record(interview.uuid)
    assert [i.problem for i in record.issues] == [
        "Arrived 10 minutes late: traffic",
        "Babbled about my thesis",
    ]
    assert record.positives[0].text == "Good rapport with Dana"
    assert record.follow_ups[0].due == dt.date(2026, 11, 21)
    again.close()


def test_update_and_delete(journal) -> None:
    interview = add_acme(journal)
    journal.update_interview(dataclasses.replace(interview, outcome="offer", rating=4))
    assert journal.interview(interview.uuid).outcome == "offer"
    issue = journal.issues(interview.uuid)[1]
    journal.update_issue(dataclasses.replace(issue, should_have="One sentence, then stop"))
    assert journal.issue(issue.uuid).should_have == "One sentence, then stop"
    journal.delete_issue(issue.uuid)
    assert len(journal.issues(interview.uuid)) == 1
    journal.delete_interview(interview.uuid)
    assert journal.count_interviews() == 0
    # Children go with their interview.
    assert journal.issues() == [] and journal.positives() == [] and journal.follow_ups() == []
    with pytest.raises(NotFound):
        journal.interview(interview.uuid)


def test_invalid_values_are_refused_and_nothing_is_written(journal) -> None:
    interview = add_acme(journal)
    for bad in (
        dataclasses.replace(interview, rating=9),
        dataclasses.replace(interview, stage="lunch"),
        dataclasses.replace(interview, company="   "),
        dataclasses.replace(interview, feelings=["meh"]),
        dataclasses.replace(interview, date=dt.date(1900, 1, 1)),
    ):
        with pytest.raises(InvalidValue):
            journal.update_interview(bad)
    with pytest.raises(InvalidValue, match="severity: must be 1-3"):
        journal.add_issue(Issue(problem="x", severity=5, interview_uuid=interview.uuid))
    assert journal.interview(interview.uuid) == interview
    assert len(journal.issues()) == 2


def test_pasted_text_is_cleaned_but_markup_and_emoji_stay(journal) -> None:
    interview = journal.add_interview(
        Interview(
            company="Ac\x00me\n  Corp",
            date=dt.date(2026, 11, 1),
            notes="[bold]not bold[/] 🎉 \ud800 line\r\nnext\x07",
        )
    )
    stored = journal.interview(interview.uuid)
    assert stored.company == "Acme Corp"
    assert stored.notes == "[bold]not bold[/] 🎉 \ufffd line\nnext"


def test_workflow_step_follows_the_method(journal) -> None:
    interview = journal.add_interview(Interview(company="Initech", date=dt.date(2026, 11, 2)))

    def step() -> Step:
        return journal.interview_summaries()[0].step

    assert step() is Step.CAPTURED
    issue = journal.add_issue(Issue(problem="Blanked", interview_uuid=interview.uuid))
    assert step() is Step.CAPTURED  # not assessed until every issue has a category
    issue = journal.update_issue(dataclasses.replace(issue, category="blanked"))
    assert step() is Step.ASSESSED
    journal.update_issue(dataclasses.replace(issue, should_have="Prepare three stories"))
    assert step() is Step.SOLVED
    journal.add_follow_up(
        FollowUp(kind="thank-you", done=dt.date(2026, 11, 3), interview_uuid=interview.uuid)
    )
    assert step() is Step.FOLLOWED_UP
    journal.set_closed(interview.uuid, True)
    assert step() is Step.CLOSED
    journal.set_closed(interview.uuid, False)
    assert step() is Step.FOLLOWED_UP


def test_interview_list_is_newest_first(journal) -> None:
    for day in (3, 1, 2):
        journal.add_interview(Interview(company=f"Day {day}", date=dt.date(2026, 11, day)))
    companies = [s.interview.company for s in journal.interview_summaries()]
    assert companies == ["Day 3", "Day 2", "Day 1"]
    assert [s.interview.company for s in journal.interview_summaries(limit=1, offset=1)] == [
        "Day 2"
    ]


def test_overdue_follow_ups(journal) -> None:
    interview = add_acme(journal)
    overdue = journal.overdue_follow_ups(dt.date(2026, 11, 27))
    assert [f.interview_uuid for f in overdue] == [interview.uuid]
    assert journal.overdue_follow_ups(dt.date(2026, 11, 21)) == []


def test_a_closed_interview_has_nothing_overdue(journal) -> None:
    """Closing an interview is letting it go: its follow-ups stop being overdue, and come back
    if it is opened again."""
    interview = add_acme(journal)
    journal.set_closed(interview.uuid, True)
    assert journal.overdue_follow_ups(dt.date(2026, 11, 27)) == []
    journal.set_closed(interview.uuid, False)
    assert len(journal.overdue_follow_ups(dt.date(2026, 11, 27))) == 1


# -- two windows on one journal ---------------------------------------------------------------
# Each window (each running app, each command) has its own connection: two open_journal()s.


def test_a_save_over_an_edit_made_in_another_window_is_refused_with_theirs(journal_path) -> None:
    with open_journal(journal_path) as here, open_journal(journal_path) as there:
        interview = add_acme(here)
        loaded = here.issues(interview.uuid)[0]
        there.update_issue(
            dataclasses.replace(there.issue(loaded.uuid), should_have="Their answer"),
            expected_updated=loaded.updated,
        )
        mine = dataclasses.replace(loaded, problem="My words")
        with pytest.raises(Conflict) as refused:
            here.save_issue(mine)
        assert refused.value.theirs.should_have == "Their answer"
        assert not refused.value.deleted
        assert "another window" in str(refused.value)
        stored = there.issue(loaded.uuid)
        assert (stored.problem, stored.should_have) == (loaded.problem, "Their answer")
        # Keep mine: overwrite the version the user was shown, and only that one.
        saved = here.save_issue(mine, expected_updated=refused.value.theirs.updated)
        assert there.issue(loaded.uuid).problem == "My words"
        assert saved.updated == there.issue(loaded.uuid).updated
        # The next save of this window checks against its own last save.
        here.save_issue(dataclasses.replace(saved, problem="My words, again"))
        with pytest.raises(Conflict):
            there.update_issue(stored, expected_updated=stored.updated)


def test_two_saves_within_a_second_each_change_the_stamp(journal_path) -> None:
    """Autosave saves more often than once a second: a stamp to the second would not change
    and a window holding the older version would overwrite the newer one unseen."""
    with open_journal(journal_path) as here, open_journal(journal_path) as there:
        interview = add_acme(here)
        first = here.issues(interview.uuid)[0]
        stamps = [first.updated]
        issue = first
        for word in ("one", "two", "three"):
            issue = here.save_issue(dataclasses.replace(issue, problem=word))
            stamps.append(issue.updated)
        assert len(set(stamps)) == len(stamps)
        assert [dt.datetime.fromisoformat(s) for s in stamps] == sorted(
            dt.datetime.fromisoformat(s) for s in stamps
        )
        with pytest.raises(Conflict):  # there still holds the version after "one"
            there.save_issue(dataclasses.replace(first, problem="stale"))
        assert there.issue(first.uuid).problem == "three"


def test_a_stamp_from_a_clock_ahead_is_still_followed_by_a_later_one(journal) -> None:
    interview = add_acme(journal)
    issue = journal.issues(interview.uuid)[0]
    ahead = "2999-01-01T00:00:00.000000+00:00"
    journal.conn.execute("UPDATE issues SET updated = ? WHERE uuid = ?", [ahead, issue.uuid])
    saved = journal.save_issue(dataclasses.replace(issue, updated=ahead, problem="x"))
    assert dt.datetime.fromisoformat(saved.updated) > dt.datetime.fromisoformat(ahead)
    assert journal.issue(issue.uuid).updated == saved.updated


def test_an_issue_deleted_in_another_window_is_not_brought_back_by_a_save(journal_path) -> None:
    with open_journal(journal_path) as here, open_journal(journal_path) as there:
        interview = add_acme(here)
        loaded = here.issues(interview.uuid)[0]
        there.delete_issue(loaded.uuid)
        with pytest.raises(Conflict) as refused:
            here.save_issue(dataclasses.replace(loaded, problem="Still typing"))
        assert refused.value.deleted and refused.value.theirs is None
        assert "deleted" in str(refused.value)
        assert loaded.uuid not in [issue.uuid for issue in there.issues(interview.uuid)]
        # A draft never saved is new, not deleted: it is added.
        draft = Issue(problem="A new one", interview_uuid=interview.uuid)
        assert not draft.created
        here.save_issue(draft)
        assert there.issue(draft.uuid).problem == "A new one"
        # Saving mine again as a new issue is a choice the user makes: add_issue.
        here.add_issue(dataclasses.replace(loaded, problem="Still typing"))
        assert there.issue(loaded.uuid).problem == "Still typing"


def test_an_interview_edited_or_deleted_in_another_window_is_not_overwritten(
    journal_path,
) -> None:
    with open_journal(journal_path) as here, open_journal(journal_path) as there:
        loaded = add_acme(here)
        there.update_interview(
            dataclasses.replace(there.interview(loaded.uuid), notes="Their notes"),
            expected_updated=loaded.updated,
        )
        mine = dataclasses.replace(loaded, notes="My notes")
        with pytest.raises(Conflict) as refused:
            here.update_interview(mine, expected_updated=loaded.updated)
        assert refused.value.theirs.notes == "Their notes"
        assert there.interview(loaded.uuid).notes == "Their notes"
        here.update_interview(mine, expected_updated=refused.value.theirs.updated)
        assert there.interview(loaded.uuid).notes == "My notes"
        # Closing writes the flag alone: it keeps what another window wrote meanwhile.
        stale = there.interview(loaded.uuid)
        here.update_interview(dataclasses.replace(stale, role="Staff"), expected_updated=None)
        there.set_closed(stale.uuid, True)
        closed = here.interview(loaded.uuid)
        assert closed.closed and closed.role == "Staff" and closed.updated != stale.updated
        there.delete_interview(loaded.uuid)
        with pytest.raises(Conflict) as gone:
            here.update_interview(mine, expected_updated=closed.updated)
        assert gone.value.deleted
        with pytest.raises(NotFound):  # a write that does not check says it is not there
            here.update_interview(mine)
        assert there.count_interviews() == 0


def test_data_version_changes_when_another_window_commits(journal_path) -> None:
    with open_journal(journal_path) as here, open_journal(journal_path) as there:
        start = here.data_version()
        interview = add_acme(here)  # our own writes: nothing new to see
        assert here.data_version() == start
        seen = there.data_version()
        there.update_interview(dataclasses.replace(there.interview(interview.uuid), role="CTO"))
        assert here.data_version() != start
        assert there.data_version() == seen


# -- categories ---------------------------------------------------------------------------------


def test_user_categories_add_rename_merge(journal) -> None:
    interview = add_acme(journal)
    fit = journal.add_category("Team fit", "Did not show how I work with others")
    assert fit.slug == "team-fit" and not fit.builtin
    with pytest.raises(InvalidValue, match="exists already"):
        journal.add_category("Team  Fit")
    issue = journal.issues(interview.uuid)[0]
    journal.update_issue(dataclasses.replace(issue, category="team-fit"))
    journal.rename_category("team-fit", "Culture fit")
    assert journal.category("team-fit").name == "Culture fit"
    moved = journal.merge_category("team-fit", "listening")
    assert moved == 1
    assert journal.issue(issue.uuid).category == "listening"
    with pytest.raises(NotFound):
        journal.category("team-fit")
    with pytest.raises(InvalidValue, match="built in"):
        journal.merge_category("rambling", "other")


# -- search -------------------------------------------------------------------------------------


def test_search_finds_problems_solutions_notes_and_positives(journal) -> None:
    interview = add_acme(journal)
    hits = journal.search("traffic")
    assert [(h.interview_uuid, h.field) for h in hits] == [(interview.uuid, "issue")]
    assert hits[0].issue_uuid == journal.issues(interview.uuid)[0].uuid
    assert journal.search("45 minutes")[0].field == "issue"  # should_have
    assert journal.search("flustered")[0].field == "interview"  # notes
    assert journal.search("rapport")[0].field == "went well"
    assert journal.search("thes")  # the start of a word finds it
    assert journal.search("   ") == []


def test_search_follows_edits_and_deletes(journal) -> None:
    interview = add_acme(journal)
    issue = journal.issues(interview.uuid)[0]
    journal.update_issue(dataclasses.replace(issue, problem="Missed the bus"))
    assert journal.search("traffic") == []
    assert journal.search("bus")
    journal.delete_interview(interview.uuid)
    assert journal.search("bus") == []


@pytest.mark.parametrize("query", ['"x', "foo AND", "NEAR(", "AND OR NOT", "a:b"])
def test_search_syntax_in_the_input_is_searched_for_as_text(journal, query: str) -> None:
    interview = add_acme(journal)
    written = journal.add_issue(Issue(problem=f"Said {query} twice", interview_uuid=interview.uuid))
    hits = journal.search(query)
    assert written.uuid in [hit.issue_uuid for hit in hits]


@pytest.mark.parametrize("query", ["*", "^", "((", '"', "  "])
def test_search_for_no_word_at_all_finds_nothing(journal, query: str) -> None:
    add_acme(journal)
    assert journal.search(query) == []


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_search_text_finds_only_what_is_there(journal, query: str) -> None:
    """Whatever is typed, the search answers (never raises), and every hit leads to an
    interview of the journal: nothing the user could open and not find."""
    if not journal.count_interviews():
        add_acme(journal)
    there = {summary.interview.uuid for summary in journal.interview_summaries()}
    for hit in journal.search(query):
        assert hit.interview_uuid in there
        assert hit.excerpt.strip()


def test_search_still_works_after_a_transform(journal) -> None:
    """`transform()` drops triggers; ensure_search must bring them and the index back."""
    add_acme(journal)
    journal.db["issues"].transform(types={"severity": int})
    assert not any(t.name == "issues_ai" for t in journal.db["issues"].triggers)
    with journal.db.atomic():
        ensure_search(journal.db)
    interview = journal.add_interview(Interview(company="Hooli", date=dt.date(2026, 11, 5)))
    journal.add_issue(Issue(problem="Phone buzzed twice", interview_uuid=interview.uuid))
    assert journal.search("traffic") and journal.search("buzzed")
    assert journal.check() == []


# -- migrations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 2])
def test_a_journal_of_an_earlier_schema_is_migrated_with_every_row(
    tmp_path: Path, version: int
) -> None:
    path = tmp_path / "old.db"
    shutil.copy(FIXTURES / f"journal-v{version}.db", path)
    before = sqlite3.connect(path)
    counts = {
        table: before.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("interviews", "issues", "positives", "follow_ups", "categories")
    }
    before.close()
    journal = open_journal(path)
    assert journal.schema_version == SCHEMA_VERSION
    for table, count in counts.items():
        assert journal.db[table].count == count, table
    acme = journal.record("11111111-1111-4111-8111-111111111111")
    assert acme.interview.company == "Acme"
    assert acme.interview.time == dt.time(14, 0)
    assert acme.interview.interviewers == ["Dana Lee"]
    assert acme.issues[0].should_have == "Leave 45 minutes early"
    assert acme.follow_ups[0].done == dt.date(2026, 11, 21)
    assert "card" in journal.db["issues"].columns_dict
    assert journal.db["reviews"].exists()
    # Search still finds old rows, and new ones, after the migration.
    assert journal.search("traffic")[0].issue_uuid == "33333333-3333-4333-8333-333333333333"
    assert journal.search("markup")[0].field == "interview"
    assert journal.search("rapport")
    journal.add_issue(Issue(problem="Forgot the portfolio", interview_uuid=acme.interview.uuid))
    assert journal.search("portfolio")
    assert journal.check() == []
    journal.close()


# -- refusals: nothing written ------------------------------------------------------------------


def _made_journal(path: Path, interviews: int = 30) -> Path:
    from interview_journal.core.sample import generate_sample

    journal = open_journal(path)
    journal.import_records([], generate_sample(interviews, today=dt.date(2026, 11, 27)))
    journal.close()
    return path


def _foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('soup')")
    conn.commit()
    conn.close()


def _newer(path: Path) -> None:
    _made_journal(path, 2)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def _truncated(path: Path) -> None:
    _made_journal(path.with_suffix(".full"))
    path.write_bytes(path.with_suffix(".full").read_bytes()[:8192])


def _damaged(path: Path) -> None:
    _made_journal(path.with_suffix(".full"))
    data = bytearray(path.with_suffix(".full").read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    data[page_size : len(data)] = b"\xa5" * (len(data) - page_size)  # every page but the first
    path.write_bytes(bytes(data))


def _damaged_root(table: str):
    """A journal whose `table` has its root page overwritten: the header is fine, the table
    is not."""

    def make(path: Path) -> None:
        _made_journal(path.with_suffix(".full"))
        conn = sqlite3.connect(path.with_suffix(".full"))
        conn.execute("PRAGMA journal_mode = DELETE")
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table])
        page = root.fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.close()
        data = bytearray(path.with_suffix(".full").read_bytes())
        data[(page - 1) * size : page * size] = b"\x5a" * size
        path.write_bytes(bytes(data))

    return make


@pytest.mark.parametrize(
    ("make", "error", "words"),
    [
        (lambda p: p.write_text("Dear diary,\n"), ForeignFile, "file is not a database"),
        (lambda p: p.write_bytes(b""), ForeignFile, "empty"),
        (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), CorruptJournal, "damaged"),
        (_foreign, ForeignFile, "another program's SQLite database"),
        (_newer, NewerJournal, "newer"),
        (_truncated, CorruptJournal, "damaged"),
        (_damaged, CorruptJournal, "malformed"),
        (_damaged_root("interviews"), CorruptJournal, "malformed"),
        (_damaged_root("issues"), CorruptJournal, "malformed"),
    ],
    ids=[
        "text",
        "zero-bytes",
        "short-header",
        "foreign",
        "newer",
        "truncated",
        "damaged",
        "interviews-root",
        "issues-root",
    ],  # fmt: skip
)
def test_refused_files_are_left_exactly_as_they_were(tmp_path: Path, make, error, words) -> None:
    path = tmp_path / "journal.db"
    make(path)
    for leftover in tmp_path.glob("*.full*"):
        leftover.unlink()
    digest, files = file_digest(path), sorted(tmp_path.iterdir())
    with pytest.raises(error, match=words) as raised:
        open_journal(path)
    assert "\n" not in str(raised.value)
    assert file_digest(path) == digest
    assert sorted(tmp_path.iterdir()) == files  # no -wal or -shm left beside it


def test_a_folder_is_not_a_journal(tmp_path: Path) -> None:
    with pytest.raises(ForeignFile, match="folder"):
        open_journal(tmp_path)


# -- other programs, read-only, vanished folders --------------------------------------------------


def test_a_second_writer_waits_instead_of_failing(journal_path: Path) -> None:
    first = open_journal(journal_path)
    second = open_journal(journal_path)
    interview = add_acme(first)
    blocker = sqlite3.connect(journal_path, isolation_level=None, check_same_thread=False)
    blocker.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, blocker.rollback).start()
    started = time.monotonic()
    second.add_positive(Positive(text="Asked good questions", interview_uuid=interview.uuid))
    assert time.monotonic() - started >= 0.4  # it waited for the lock
    assert len(first.positives(interview.uuid)) == 2
    blocker.close()
    first.close()
    second.close()


def test_a_journal_held_too_long_says_it_is_busy(journal_path: Path) -> None:
    journal = open_journal(journal_path, busy_timeout=0.2)
    interview = add_acme(journal)
    blocker = sqlite3.connect(journal_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    with pytest.raises(JournalLocked, match="busy"):
        journal.add_positive(Positive(text="x", interview_uuid=interview.uuid))
    blocker.rollback()
    blocker.close()
    assert len(journal.positives(interview.uuid)) == 1
    journal.close()


def test_a_read_only_journal_can_be_read_but_not_written(journal_path: Path) -> None:
    writer = open_journal(journal_path)
    interview = add_acme(writer)
    writer.close()
    digest = file_digest(journal_path)
    journal = open_journal(journal_path, read_only=True)
    assert journal.read_only
    assert journal.interview(interview.uuid).company == "Acme"
    with pytest.raises(JournalReadOnly, match="read-only"):
        journal.add_positive(Positive(text="x", interview_uuid=interview.uuid))
    journal.close()
    assert file_digest(journal_path) == digest
    # No -wal or -shm left beside it: made read-only, they would refuse writes to the journal
    # once it is writable again.
    assert sorted(path.name for path in journal_path.parent.iterdir()) == [journal_path.name]


def test_a_journal_in_a_folder_that_cannot_be_written_can_still_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "journal.db"
    with open_journal(path) as writer:
        interview = add_acme(writer)
    folder.chmod(0o555)
    try:
        with open_journal(path, read_only=True) as journal:
            assert journal.interview(interview.uuid).company == "Acme"
            assert journal.check() == []
    finally:
        folder.chmod(0o755)
    assert sorted(p.name for p in folder.iterdir()) == ["journal.db"]


def test_a_vanished_folder_is_reported_and_nothing_is_lost_silently(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "journal.db"
    journal = open_journal(path)
    interview = add_acme(journal)
    shutil.rmtree(path.parent)
    with pytest.raises(JournalUnavailable, match="gone"):
        journal.add_positive(Positive(text="x", interview_uuid=interview.uuid))
    journal.close()


# -- backup and check ---------------------------------------------------------------------------


def test_backup_is_a_checked_private_copy(journal, tmp_path: Path) -> None:
    interview = add_acme(journal)
    target = journal.backup(tmp_path / "copy.db")
    assert mode(target) == 0o600
    copy = open_journal(target)
    assert copy.record(interview.uuid) == journal.record(interview.uuid)
    assert copy.check() == []
    copy.close()
    folder = tmp_path / "backups"
    folder.mkdir()
    assert journal.backup(folder).parent == folder
    with pytest.raises(Exception, match="already exists"):
        journal.backup(target)


def test_check_reports_a_broken_search_index(journal) -> None:
    add_acme(journal)
    assert journal.check() == []
    journal.db.execute("DELETE FROM issues_fts_data WHERE id > 10")
    assert any("search index" in problem for problem in journal.check())


def test_check_finds_an_emptied_index_and_a_missing_trigger(journal) -> None:
    add_acme(journal)
    journal.conn.execute("INSERT INTO issues_fts (issues_fts) VALUES ('delete-all')")
    assert any("search index of issues" in problem for problem in journal.check())
    journal.conn.execute("INSERT INTO issues_fts (issues_fts) VALUES ('rebuild')")
    assert journal.check() == []
    journal.conn.execute("DROP TRIGGER positives_ai")
    assert journal.check() == ["search index of positives: triggers missing (positives_ai)"]


def test_a_read_only_journal_checks_clean(journal_path: Path) -> None:
    writer = open_journal(journal_path)
    add_acme(writer)
    writer.close()
    reader = open_journal(journal_path, read_only=True)
    assert reader.check() == []
    reader.close()


def test_sittings_gather_each_interviews_categories_in_date_order(journal) -> None:
    acme = add_acme(journal)
    later = journal.add_interview(
        Interview(company="Globex", date=dt.date(2026, 11, 25), feelings=["hopeful"])
    )
    journal.add_issue(Issue(problem="No category yet", interview_uuid=later.uuid))
    sittings = journal.sittings()
    assert [s.uuid for s in sittings] == [acme.uuid, later.uuid]
    assert sorted(sittings[0].categories) == ["punctuality", "rambling"]
    assert sittings[1].categories == (None,)
    assert sittings[1].feelings == ()  # not read unless asked for
    assert journal.sittings(feelings=True)[1].feelings == ("hopeful",)
    assert [s.uuid for s in journal.sittings(since=dt.date(2026, 11, 21))] == [later.uuid]
    assert [s.uuid for s in journal.sittings(until=dt.date(2026, 11, 24))] == [acme.uuid]


def test_a_journal_left_short_by_a_full_disk_opens_from_its_log(tmp_path: Path) -> None:
    """Out of disk space, a checkpoint can write the header of the journal file (its new size)
    but not the pages after it; SQLite still has them in the -wal file and puts them back on
    the next open. Such a file must open with everything in it, not be called damaged."""
    source = tmp_path / "source"
    source.mkdir()
    path = source / "journal.db"
    open_journal(path).close()
    small = path.read_bytes()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    for n in range(40):
        conn.execute(
            "INSERT INTO interviews (uuid, company, date, created, updated) "
            "VALUES (?, ?, '2026-11-20', '2026-11-20T10:00:00+00:00', '2026-11-20T10:00:00+00:00')",
            (f"uuid-{n}", f"Company {n} " + "x" * 2000),
        )
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # the header now says the file is longer
    copy = tmp_path / "journal.db"
    copy.write_bytes(path.read_bytes()[: len(small)])  # ... but the pages after it never landed
    shutil.copy(path.with_name("journal.db-wal"), copy.with_name("journal.db-wal"))
    conn.close()
    with open_journal(copy) as journal:
        companies = [s.interview.company for s in journal.interview_summaries()]
    assert len(companies) == 40
    check = sqlite3.connect(copy)
    assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    check.close()


def test_a_journal_whose_name_is_not_utf8_opens(tmp_path: Path) -> None:
    path = Path(os.fsdecode(bytes(tmp_path) + b"/journal-\xff.db"))
    with open_journal(path) as journal:
        journal.add_interview(Interview(company="Acme", date=dt.date(2026, 11, 20)))
    with open_journal(path) as journal:
        assert [s.interview.company for s in journal.interview_summaries()] == ["Acme"]


def test_check_says_busy_when_another_program_writes_not_that_the_journal_is_broken(
    journal_path: Path,
) -> None:
    with open_journal(journal_path) as journal:
        add_acme(journal)
    other = sqlite3.connect(journal_path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        journal = open_journal(journal_path, busy_timeout=0.2)
        with pytest.raises(JournalLocked, match="busy"):
            journal.check()
        journal.close()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with open_journal(journal_path) as journal:
        assert journal.check() == []


# -- imports: batched, their search indexed once at the end --------------------------------------


def _later(stamp: str) -> str:
    return (dt.datetime.fromisoformat(stamp) + dt.timedelta(minutes=5)).isoformat()


@pytest.fixture(params=["as it goes", "at the end"])
def indexed(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """An import's rows indexed by the triggers as it writes them (a small import), or once at
    its end (a large one: here from the first row on)."""
    if request.param == "at the end":
        monkeypatch.setattr(SearchLater, "WORTH_IT", 1)
    return request.param


def test_an_import_that_rewrites_rows_leaves_search_finding_the_new_words_only(
    journal, indexed
) -> None:
    interview = add_acme(journal)
    record = journal.record(interview.uuid)
    issue = record.issues[0]
    record.interview = dataclasses.replace(
        record.interview, notes="Calm and early.", updated=_later(record.interview.updated)
    )
    record.issues[0] = dataclasses.replace(
        issue, problem="Forgot the portfolio", updated=_later(issue.updated)
    )
    other = Interview(company="Initech", date=dt.date(2026, 11, 21), notes="A zeppelin question.")
    summary = journal.import_records([], [record, InterviewRecord(other)])
    assert (summary.interviews.added, summary.interviews.updated) == (1, 1)
    assert summary.issues.updated == 1
    assert journal.search("flustered") == []
    assert journal.search("traffic") == []
    assert [hit.field for hit in journal.search("portfolio")] == ["issue"]
    assert [hit.interview_uuid for hit in journal.search("calm")] == [interview.uuid]
    assert [hit.interview_uuid for hit in journal.search("zeppelin")] == [other.uuid]
    assert journal.check() == []
    # the index is kept by its triggers again: what is written after the import is found
    journal.add_issue(Issue(problem="Mumbled the salary", interview_uuid=other.uuid))
    assert [hit.field for hit in journal.search("salary")] == ["issue"]
    assert journal.check() == []


def test_a_failed_import_leaves_search_as_it_was(journal, indexed) -> None:
    interview = add_acme(journal)
    good = Interview(company="Globex", date=dt.date(2026, 11, 22), notes="quokka")
    bad = Interview(company="", date=dt.date(2026, 11, 23))
    with pytest.raises(InvalidValue):
        journal.import_records([], [InterviewRecord(good), InterviewRecord(bad)])
    assert journal.count_interviews() == 1
    assert journal.search("quokka") == []
    assert [hit.interview_uuid for hit in journal.search("flustered")] == [interview.uuid]
    journal.add_interview(Interview(company="Hooli", date=dt.date(2026, 11, 24), notes="wombat"))
    assert len(journal.search("wombat")) == 1
    assert journal.check() == []


def test_the_same_interview_twice_in_one_import_is_merged_in_order_across_batches(
    journal,
) -> None:
    first = Interview(
        company="Acme",
        date=dt.date(2026, 11, 20),
        created="2026-11-20T10:00:00+00:00",
        updated="2026-11-20T10:00:00+00:00",
    )
    again = dataclasses.replace(first, company="Acme Corp", updated="2026-11-21T10:00:00+00:00")
    older = dataclasses.replace(first, company="Acme Old", updated="2026-11-19T10:00:00+00:00")
    fillers = [
        InterviewRecord(Interview(company=f"Filler {n}", date=dt.date(2026, 1, 1)))
        for n in range(BATCH)
    ]
    records = [InterviewRecord(first), InterviewRecord(again), *fillers, InterviewRecord(older)]
    summary = journal.import_records([], records)
    assert summary.interviews.added == 1 + BATCH
    assert summary.interviews.updated == 1
    assert summary.interviews.kept == 1
    assert journal.interview(first.uuid).company == "Acme Corp"
    assert [hit.interview_uuid for hit in journal.search("corp")] == [first.uuid]
    assert journal.check() == []


def test_an_import_says_where_a_bad_row_is_counting_interviews_only(journal) -> None:
    record = InterviewRecord(
        Interview(company="Acme", date=dt.date(2026, 11, 20)),
        issues=[Issue(problem="")],
    )
    with pytest.raises(InvalidValue, match=r"^interviews\[0\]\.issues\[0\]\.problem"):
        journal.import_records([Category(slug="team-fit", name="Team fit")], [record])
    assert journal.count_interviews() == 0


def test_records_read_from_a_file_are_imported_unchecked_the_same_as_checked(
    journal, tmp_path: Path
) -> None:
    add_acme(journal)
    journal.add_interview(
        Interview(company="Initech", date=dt.date(2026, 11, 21), notes="zeppelin")
    )
    text = "".join(exchange.iter_json(journal.categories(), journal.iter_records()))
    with open_journal(tmp_path / "copy.db") as copy:
        first = copy.import_items(exchange.Reading([text]), checked=True)
        again = copy.import_items(exchange.Reading([text]), checked=True)
        assert (first.interviews.added, first.issues.added) == (2, 2)
        assert (again.interviews.unchanged, again.issues.unchanged) == (2, 2)
        assert again.interviews.added == again.issues.added == 0
        assert "".join(exchange.iter_json(copy.categories(), copy.iter_records())) == text
        assert len(copy.search("zeppelin")) == 1
        assert copy.check() == []


def test_an_import_leaves_a_search_index_without_its_triggers_as_it_found_it(journal) -> None:
    interview = add_acme(journal)
    for when in ("ai", "ad", "au"):
        journal.conn.execute(f"DROP TRIGGER issues_{when}")  # another program's doing
    record = InterviewRecord(
        Interview(company="Initech", date=dt.date(2026, 11, 21), notes="zeppelin"),
        issues=[Issue(problem="Forgot the portfolio")],
    )
    summary = journal.import_records([], [record])
    assert (summary.interviews.added, summary.issues.added) == (1, 1)
    assert [hit.interview_uuid for hit in journal.search("zeppelin")] == [record.interview.uuid]
    assert [hit.interview_uuid for hit in journal.search("flustered")] == [interview.uuid]
    assert journal.search("portfolio") == []  # issues are not indexed: as before the import
    problems = journal.check()
    assert any("triggers missing (issues_ai, issues_ad, issues_au)" in p for p in problems)


def _schema_cookie(journal) -> int:
    return journal.conn.execute("PRAGMA schema_version").fetchone()[0]


def test_a_small_import_leaves_the_schema_that_other_programs_read_alone(journal) -> None:
    before = _schema_cookie(journal)
    records = [InterviewRecord(Interview(company=f"Firm {n}", notes="otter")) for n in range(3)]
    journal.import_records([], records)
    assert _schema_cookie(journal) == before
    assert len(journal.search("otter")) == 3


def test_writes_land_while_another_program_imports_and_changes_the_schema(
    journal_path: Path,
) -> None:
    """A large import drops its search triggers and makes them again: another program's
    check before its first write, and `check`, are not stopped by it, nor take it for damage."""
    with open_journal(journal_path) as journal:
        add_acme(journal)
    done, changes = threading.Event(), []

    def import_and_import_again() -> None:
        importer = sqlite3.connect(journal_path, isolation_level=None, timeout=10)
        (trigger,) = importer.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'interviews_ai'"
        ).fetchone()
        while not done.is_set():
            importer.execute("BEGIN IMMEDIATE")
            importer.execute("DROP TRIGGER interviews_ai")
            importer.execute(trigger)
            importer.execute("COMMIT")
            changes.append(1)
            time.sleep(0)
        importer.close()

    thread = threading.Thread(target=import_and_import_again)
    thread.start()
    try:
        for n in range(40):
            with open_journal(journal_path) as journal:
                journal.add_interview(Interview(company=f"Firm {n}"))
                if n % 8 == 0:
                    assert journal.check() == []  # not taken for damage either
    finally:
        done.set()
        thread.join()
    assert len(changes) >= 10  # the schema changed all along
    with open_journal(journal_path) as journal:
        assert journal.count_interviews() == 41
        assert journal.check() == []
