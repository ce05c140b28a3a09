"""Trust (issue 10): damaged and half-made journals, files beside it, lossless exchange.

Real files on disk, the real command line (in-process through click, and the installed entry
point in subprocesses where processes or resource limits are the point).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import resource
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.widgets import TextArea

from interview_journal.cli.main import cli
from interview_journal.core import exchange
from interview_journal.core.model import Interview, InterviewRecord, Issue, Positive
from interview_journal.core.review import grade
from interview_journal.core.sample import generate_sample
from interview_journal.store import (
    Conflict,
    CorruptJournal,
    ForeignFile,
    JournalUnavailable,
    open_journal,
)
from interview_journal.store import schema as schema_module

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3
from interview_journal.store.errors import translate
from interview_journal.tui.app import JournalApp
from interview_journal.tui.screens.composer import ComposerScreen
from interview_journal.tui.screens.conflict import ConflictScreen
from interview_journal.tui.screens.follow_ups import FollowUpsScreen

from .conftest import TODAY, add_acme, file_digest
from .test_journal_screen import SIZE, beside_another_window, screen_text, type_text

ENTRY_POINT = Path(sys.executable).parent / "interview-journal"


def run(*args: str | Path, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], input=input, catch_exceptions=False)


def sample_journal(path: Path, interviews: int = 200) -> Path:
    with open_journal(path) as journal:
        journal.import_records([], generate_sample(interviews, today=TODAY))
    return path


def damage_a_middle_page(path: Path, table: str) -> None:
    """Overwrite a leaf page in the middle of `table`'s b-tree: its root and both edges stay
    sound, so only reading past that page shows the damage. (The standard library's SQLite,
    which has the dbstat table; the journal is closed.)"""
    import sqlite3 as standard

    conn = standard.connect(path)
    conn.execute("PRAGMA journal_mode = DELETE")
    leaves = [
        page
        for (page,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
            [table],
        )
    ]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(leaves) >= 5, leaves
    page = leaves[len(leaves) // 2]
    data = bytearray(path.read_bytes())
    data[(page - 1) * size + 8 : page * size] = b"\xa5" * (size - 8)
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged_issues(tmp_path: Path) -> Path:
    path = sample_journal(tmp_path / "journal.db")
    damage_a_middle_page(path, "issues")
    return path


# -- a journal damaged in the middle -------------------------------------------------------------


def test_a_journal_damaged_in_the_middle_takes_no_write(damaged_issues: Path) -> None:
    digest = file_digest(damaged_issues)
    result = run("--db", damaged_issues, "add", "Initech", "--issue", "Late again")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = result.stderr.splitlines()
    assert "damaged (in issues)" in line
    assert "interview-journal check" in line and "interview-journal rescue" in line
    assert file_digest(damaged_issues) == digest
    # what SQLite can still read is still read: the trends take issues from their index
    stats = run("--db", damaged_issues, "stats", "--json")
    assert stats.exit_code == 0, stats.stderr
    assert json.loads(stats.stdout)["issues"] > 0


def test_the_app_cannot_write_into_a_damaged_journal_either(damaged_issues: Path) -> None:
    digest = file_digest(damaged_issues)
    with open_journal(damaged_issues) as journal:
        first = journal.interview_summaries(limit=1)[0].interview
        with pytest.raises(CorruptJournal, match="rescue"):
            journal.add_positive(Positive(text="Kept calm", interview_uuid=first.uuid))
        with pytest.raises(CorruptJournal, match="damaged"):
            journal.set_closed(first.uuid, True)
    assert file_digest(damaged_issues) == digest


def test_check_says_the_damage_once_and_names_the_table(damaged_issues: Path) -> None:
    result = run("--db", damaged_issues, "check")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("damaged: issues (")
    assert lines[1].endswith("1 problem found.")
    assert sum("malformed" in line for line in lines) == 0  # not said again in other words


def test_rescue_saves_every_readable_row_and_a_new_journal_is_made_from_it(
    tmp_path: Path,
) -> None:
    path = sample_journal(tmp_path / "journal.db")
    with open_journal(path) as journal:
        held = {
            table: journal.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("interviews", "issues", "positives", "follow_ups")
        }
    damage_a_middle_page(path, "interviews")
    digest = file_digest(path)
    out = tmp_path / "rescued.json"
    result = run("--db", path, "rescue", out)
    assert result.exit_code == 0, result.stderr
    assert file_digest(path) == digest  # only read
    said = {
        line.split(":")[0].strip(): line for line in result.stderr.splitlines() if "saved," in line
    }
    counts = re.search(r"interviews: (\d+) saved, (\d+) lost", said["interviews"])
    assert counts, said
    saved, lost = int(counts[1]), int(counts[2])
    assert saved + lost == held["interviews"]
    assert 0 < lost < held["interviews"] // 2
    assert f"issues: {held['issues']} saved, 0 lost" in said["issues"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    fresh = tmp_path / "new.db"
    imported = run("--db", fresh, "import", out)
    assert imported.exit_code == 0, imported.stderr
    with open_journal(fresh) as journal:
        assert journal.check() == []
        assert journal.count_interviews() == saved + len(
            {
                i.interview_uuid
                for i in journal.issues()
                if "lost in the damage" in _company(journal, i)
            }
        )
        assert len(journal.issues()) == held["issues"]  # none lost with their interview


def _company(journal, issue: Issue) -> str:
    return journal.interview(issue.interview_uuid).company


def test_rescue_of_a_sound_journal_loses_nothing(tmp_path: Path) -> None:
    path = sample_journal(tmp_path / "journal.db", 30)
    result = run("--db", path, "rescue", "-")
    assert result.exit_code == 0, result.stderr
    assert all(" 0 lost" in line for line in result.stderr.splitlines() if "saved," in line)
    categories, records, _ = exchange.loads(result.stdout)
    assert len(records) == 30


# -- making a journal ----------------------------------------------------------------------------


def test_a_creation_cut_short_leaves_no_journal_and_the_next_one_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "new" / "journal.db"

    def fail_half_way(db) -> None:
        db.execute("CREATE TABLE half (x)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(schema_module, "MIGRATIONS", (*schema_module.MIGRATIONS, fail_half_way))
    schema_module.migration_set.cache_clear()
    try:
        with pytest.raises(Exception, match="disk is full"):
            open_journal(path)
    finally:
        monkeypatch.undo()
        schema_module.migration_set.cache_clear()
    assert list(path.parent.iterdir()) == []  # no journal, no half-made file beside it
    with open_journal(path) as journal:
        assert journal.schema_version == schema_module.SCHEMA_VERSION
        assert journal.conn.execute("PRAGMA application_id").fetchone()[0] == (
            schema_module.APPLICATION_ID
        )


def _limited_to(size: int):
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, no kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_a_first_add_stopped_by_a_file_size_limit_leaves_nothing_behind(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    command = [str(ENTRY_POINT), "--db", str(path), "add", "Acme", "--issue", "Late"]
    cut = subprocess.run(
        command, capture_output=True, text=True, preexec_fn=_limited_to(8192), timeout=60
    )
    assert cut.returncode == 1, cut.stderr
    assert "Traceback" not in cut.stderr
    assert cut.stderr.startswith("Error: ")
    assert "moved" not in cut.stderr  # not the misleading "was its folder moved?"
    assert list(tmp_path.iterdir()) == []
    again = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    assert "Added Acme" in again.stdout


def test_twenty_first_writers_on_a_new_journal_all_land(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    processes = [
        subprocess.Popen(
            [str(ENTRY_POINT), "--db", str(path), "add", f"Company {n}", "--issue", "Late"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(20)
    ]
    results = [(process.wait(timeout=120), process.stderr.read()) for process in processes]
    for process in processes:
        process.stdout.close()
        process.stderr.close()
    assert [code for code, _ in results] == [0] * 20, results
    with open_journal(path) as journal:
        companies = {s.interview.company for s in journal.interview_summaries()}
        assert journal.check() == []
    assert companies == {f"Company {n}" for n in range(20)}
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("journal.db")) == []


@pytest.fixture
def open_umask() -> Iterator[None]:
    before = os.umask(0)
    yield
    os.umask(before)


def test_side_files_are_private_whatever_the_umask_and_the_journal_was(
    tmp_path: Path, open_umask: None
) -> None:
    path = tmp_path / "journal.db"
    open_journal(path).close()
    os.chmod(path, 0o644)  # as another tool or a copy might leave it
    other = sqlite3.connect(path)  # another reader keeps -wal and -shm there, made 0644
    other.execute("SELECT count(*) FROM interviews").fetchone()
    wal, shm = path.with_name("journal.db-wal"), path.with_name("journal.db-shm")
    assert stat.S_IMODE(wal.stat().st_mode) == 0o644
    with open_journal(path) as journal:
        add_acme(journal)
        modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in (path, wal, shm)}
    other.close()
    assert modes == {"journal.db": 0o600, "journal.db-wal": 0o600, "journal.db-shm": 0o600}


@pytest.mark.parametrize("name", [":memory:", ""])
def test_names_sqlite_reads_as_no_file_are_refused(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ForeignFile, match="not a journal file"):
        open_journal(name)
    assert list(tmp_path.iterdir()) == []


def test_scratch_work_stays_in_memory(journal) -> None:
    assert journal.conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY


# -- a full disk ---------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real file system of 1 MiB (tmpfs), to be filled up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)], check=True
    )
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(descriptor, b"\0" * 4096):
            pass
    except OSError:
        pass  # full
    finally:
        os.close(descriptor)
    return filler


def test_a_full_disk_stops_writes_plainly_and_reading_goes_on(small_disk: Path) -> None:
    path = small_disk / "journal.db"
    assert run("--db", path, "add", "Acme", "--issue", "Late").exit_code == 0
    filler = _fill(small_disk)
    notes = "x" * 200_000
    refused = run("--db", path, "add", "Initech", "--notes", notes)
    assert refused.exit_code == 1
    assert refused.stderr.strip().endswith("the disk is full; nothing was saved."), refused.stderr
    listed = run("--db", path, "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert [row["company"] for row in json.loads(listed.stdout)] == ["Acme"]
    filler.unlink()
    assert run("--db", path, "add", "Initech", "--notes", notes).exit_code == 0


def test_a_journal_cannot_be_made_on_a_full_disk_and_nothing_is_left(small_disk: Path) -> None:
    _fill(small_disk)
    result = run("--db", small_disk / "journal.db", "add", "Acme")
    assert result.exit_code == 1
    assert "the disk is full; no journal was made." in result.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


# -- nothing lost on the way out and back in -----------------------------------------------------


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, local integer ids replaced by the uuids they point at."""
    conn = sqlite3.connect(path)
    uuids = {
        table: dict(conn.execute(f"SELECT id, uuid FROM {table}"))
        for table in ("interviews", "issues")
    }
    out = {}
    for table in ("categories", "interviews", "issues", "positives", "follow_ups", "reviews"):
        cursor = conn.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        rows = []
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            row.pop("id", None)
            if "interview_id" in row:
                row["interview_id"] = uuids["interviews"][row["interview_id"]]
            if "issue_id" in row:
                row["issue_id"] = uuids["issues"][row["issue_id"]]
            rows.append(tuple(sorted(row.items())))
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out


def _lived_in(path: Path) -> Path:
    """A journal used for a while: edited records, a user category, drill grades."""
    with open_journal(path) as journal:
        journal.import_records([], generate_sample(20, today=TODAY))
        acme = add_acme(journal)
        journal.add_category("Whiteboard nerves")
        late = journal.issues(acme.uuid)[0]
        journal.update_issue(Issue(**{**_fields(late), "should_have": "Leave an hour early"}))
        now = dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)
        card = None
        for rating in (3, 1, 3):
            card, due = grade(card, rating, now)
            journal.record_review(late.uuid, card, rating, now, due)
            now += dt.timedelta(hours=1)
    return path


def _fields(issue: Issue) -> dict:
    return {name: getattr(issue, name) for name in Issue.__slots__}


def test_export_then_import_into_an_empty_journal_reproduces_every_row(tmp_path: Path) -> None:
    source = _lived_in(tmp_path / "source.db")
    exported = run("--db", source, "export")
    assert exported.exit_code == 0
    document = json.loads(exported.stdout)
    assert document["version"] == 5
    (file,) = tmp_path.glob("source.db")
    target = tmp_path / "target.db"
    (tmp_path / "export.json").write_text(exported.stdout)
    assert run("--db", target, "import", tmp_path / "export.json").exit_code == 0
    before, after = _rows(source), _rows(target)
    assert len(before["reviews"]) == 3
    assert any(row for row in before["issues"] if dict(row)["card"])
    for table in before:
        assert after[table] == before[table], table
    again = run("--db", target, "export")
    assert again.stdout == exported.stdout  # and the same bytes out again


def test_a_version_1_file_is_still_read(journal, tmp_path: Path) -> None:
    document = exchange.to_document(journal.categories(), [])
    document["version"] = 1
    document["interviews"] = [
        {"company": "Acme", "date": "2026-11-20", "issues": [{"problem": "Late"}]}
    ]
    file = tmp_path / "old.json"
    file.write_text(json.dumps(document))
    result = run("--db", journal.path, "import", file)
    assert result.exit_code == 0, result.stderr
    assert [i.problem for i in journal.issues()] == ["Late"]


def test_an_import_never_replaces_a_newer_edit_and_says_what_it_kept(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        acme = add_acme(journal)
    export = tmp_path / "old.json"
    assert run("--db", path, "export", "-o", export).exit_code == 0
    with open_journal(path) as journal:
        issue = journal.issues(acme.uuid)[0]
        newer = journal.update_issue(Issue(**{**_fields(issue), "problem": "Late: the bus"}))
    result = run("--db", path, "import", export)
    assert result.exit_code == 0, result.stderr
    assert "issues: 0 added, 0 updated, 1 unchanged, 1 kept (the journal's copy is newer" in (
        result.stdout
    )
    assert f"kept as they are in the journal: issue {issue.uuid[:8]}" in result.stdout
    assert "backed up" not in result.stdout  # nothing already there was changed
    with open_journal(path) as journal:
        assert journal.issue(issue.uuid).problem == "Late: the bus"
        assert journal.issue(issue.uuid).updated == newer.updated


def test_an_import_of_newer_copies_backs_the_journal_up_first(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        acme = add_acme(journal)
    document = json.loads(run("--db", path, "export").stdout)
    issue = document["interviews"][0]["issues"][0]
    issue["problem"] = "Late: the train"
    issue["updated"] = "2030-01-01T00:00:00+00:00"
    file = tmp_path / "newer.json"
    file.write_text(json.dumps(document))
    result = run("--db", path, "import", file)
    assert result.exit_code == 0, result.stderr
    assert "issues: 0 added, 1 updated, 1 unchanged" in result.stdout
    (backup,) = tmp_path.glob("journal-before-import-*.db")
    assert f"backed up in {backup}" in result.stdout
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with open_journal(backup, read_only=True) as saved:
        assert saved.issue(issue["uuid"]).problem != "Late: the train"
    with open_journal(path) as journal:
        assert journal.issue(issue["uuid"]).problem == "Late: the train"
        assert journal.issue(issue["uuid"]).updated == "2030-01-01T00:00:00+00:00"
        assert journal.interview(acme.uuid).company == "Acme"


def test_check_reports_what_import_would_refuse(journal) -> None:
    acme = add_acme(journal)
    assert journal.check() == []
    journal.conn.execute("UPDATE interviews SET stage = 'bogus' WHERE uuid = ?", [acme.uuid])
    (problem,) = journal.check()
    assert problem.startswith(f"interviews: {acme.uuid}: stage: must be one of")
    document = exchange.to_document(journal.categories(), journal.records())
    with pytest.raises(exchange.FormatError, match="stage: must be one of"):
        exchange.loads(json.dumps(document))


def test_a_sample_journal_that_checks_clean_exports_into_what_import_takes(tmp_path: Path) -> None:
    path = _lived_in(tmp_path / "journal.db")
    with open_journal(path) as journal:
        assert journal.check() == []
        text = exchange.dumps(exchange.to_document(journal.categories(), journal.records()))
    categories, records, warnings = exchange.loads(text)
    assert warnings == []
    assert len(records) == 21
    assert Interview  # the domain type the records are made of


@pytest.mark.parametrize("interviews", [0, 1, 7])
def test_the_streamed_export_is_the_same_bytes_as_the_whole_document(
    journal, interviews: int
) -> None:
    journal.import_records([], generate_sample(interviews, today=TODAY))
    categories = journal.categories()
    whole = exchange.dumps(exchange.to_document(categories, journal.records()))
    streamed = "".join(exchange.iter_json(categories, journal.iter_records(batch=3)))
    assert streamed == whole
    assert len(exchange.loads(streamed)[1]) == interviews


@given(cuts=st.lists(st.integers(min_value=1, max_value=400), min_size=1, max_size=60))
@settings(max_examples=60, deadline=None)
def test_a_file_read_in_pieces_reads_as_the_whole_file_wherever_it_is_cut(cuts) -> None:
    """A number, a string, an escape or a multi-byte character cut between two pieces is read
    as if the file had come whole."""
    records = generate_sample(3, today=TODAY)
    records[0].interview.notes = 'a "quoted" \\ note — ünïcödé 🙂\nline two'
    records[0].issues[0].severity = 3
    text = exchange.dumps(exchange.to_document([], records)).replace("3,", "3 ,", 1)
    pieces, at = [], 0
    for cut in cuts * (len(text) // sum(cuts) + 1):
        if at >= len(text):
            break
        pieces.append(text[at : at + cut])
        at += cut
    categories, read, _ = exchange.loads(text)
    reading = exchange.Reading(pieces)
    items = list(reading)
    assert [i for i in items if isinstance(i, InterviewRecord)] == read
    assert [i for i in items if not isinstance(i, InterviewRecord)] == categories


def test_a_number_cut_between_two_pieces_is_read_whole() -> None:
    """`"version": 12` cut after its 1 is version 12 (refused), never version 1."""
    text = '{"format": "interview-journal", "version": 12, "interviews": []}'
    at = text.index("12") + 1
    with pytest.raises(exchange.FormatError, match="this file has 12"):
        list(exchange.Reading([text[:at], text[at:]]))


def test_an_import_of_more_rows_than_it_takes_is_refused_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bound on what an import holds in memory however small its rows (500,000 rows in
    use; 10 here, so that the test is quick)."""
    monkeypatch.setattr(exchange, "MAX_ROWS", 10)
    document = exchange.to_document([], [])
    document["interviews"] = [{"company": f"C{n}", "date": "2026-01-01"} for n in range(11)]
    file = tmp_path / "many.json"
    file.write_text(json.dumps(document))
    result = run("--db", tmp_path / "journal.db", "import", file)
    assert result.exit_code == 1
    assert "interviews[10]: the file holds more than 10 interviews" in result.stderr
    assert "nothing imported" in result.stderr
    assert list(tmp_path.iterdir()) == [file]  # the journal the import made is not left


def test_a_journal_opened_on_a_full_disk_leaves_nothing_and_saves_once_there_is_room(
    small_disk: Path,
) -> None:
    path = small_disk / "journal.db"
    assert run("--db", path, "add", "Acme").exit_code == 0
    filler = _fill(small_disk)
    digest = file_digest(path)
    refused = run("--db", path, "add", "Globex")
    assert refused.exit_code == 1
    assert "the disk is full; nothing was saved." in refused.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "journal.db"]  # no -wal
    assert file_digest(path) == digest
    with open_journal(path) as journal:  # a window opened while the disk is full
        with pytest.raises(JournalUnavailable, match="the disk is full"):
            journal.add_interview(Interview(company="Initech", date=TODAY))
        before = journal.data_version()
        filler.unlink()
        assert run("--db", path, "add", "Umbrella").exit_code == 0  # another window writes
        assert journal.data_version() != before  # seen, now that it could open for writing
        journal.add_interview(Interview(company="Initech", date=TODAY))
        companies = {s.interview.company for s in journal.interview_summaries()}
    assert companies == {"Acme", "Umbrella", "Initech"}


def test_backups_before_imports_in_the_same_second_do_not_collide(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        add_acme(journal)
    document = json.loads(run("--db", path, "export").stdout)
    outputs = []
    for n in range(2):
        document["interviews"][0]["notes"] = f"version {n}"
        document["interviews"][0]["updated"] = f"2030-01-0{n + 1}T00:00:00+00:00"
        file = tmp_path / f"newer-{n}.json"
        file.write_text(json.dumps(document))
        outputs.append(run("--db", path, "import", file))
    assert [result.exit_code for result in outputs] == [0, 0], outputs[1].stderr
    assert len(list(tmp_path.glob("journal-before-import-*.db"))) == 2


def test_an_export_read_only_in_part_ends_without_a_traceback(tmp_path: Path) -> None:
    path = sample_journal(tmp_path / "journal.db", 600)
    command = f"{ENTRY_POINT} --db {path} export -o - | head -c 100 >/dev/null"
    done = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr


async def test_the_app_on_a_damaged_journal_says_so_and_keeps_going_with_what_it_reads(
    damaged_issues: Path,
) -> None:
    digest = file_digest(damaged_issues)
    journal = open_journal(damaged_issues)
    app = JournalApp(journal=journal, today=lambda: TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause(1.5)  # the quick check runs in a thread after the first frame
        assert "damaged: nothing can be saved" in app.sub_title
        assert "Damaged journal" in screen_text(app)
        # Through every page of the list, and into each interview: the app stays, and says.
        for _ in range(6):
            await pilot.press("pagedown")
        await pilot.press("end")
        await pilot.pause()
        # the oldest page holds the damaged interviews: the others on it are still listed
        assert re.search(r"20\d\d-\d\d-\d\d [A-Z]", screen_text(app))
        await pilot.press("home")
        for _ in range(30):
            await pilot.press("j")
        await pilot.pause()
        assert app.is_running
        await pilot.press("i")
        await type_text(pilot, "Blanked on the SQL question")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert "not saved" in screen_text(app).lower()
    journal.close()
    assert file_digest(damaged_issues) == digest


def test_an_empty_sqlite_file_left_by_a_creation_cut_short_is_made_a_journal(
    tmp_path: Path,
) -> None:
    """What an older version left when its first creation failed half-way: an empty SQLite
    file of 4096 bytes, no tables. It is a journal not made yet, not a foreign file."""
    path = tmp_path / "journal.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    assert path.stat().st_size == 4096
    listed = run("--db", path, "list")
    assert listed.exit_code == 1
    assert "no journal there yet" in listed.stderr  # a read makes nothing
    added = run("--db", path, "add", "Acme")
    assert added.exit_code == 0, added.stderr
    with open_journal(path) as journal:
        assert [s.interview.company for s in journal.interview_summaries()] == ["Acme"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("SQLITE_BUSY_SNAPSHOT", "JournalLocked"),
        ("SQLITE_READONLY_DBMOVED", "JournalReadOnly"),
        ("SQLITE_CORRUPT_VTAB", "CorruptJournal"),
        ("SQLITE_NOTADB", "ForeignFile"),
        ("SQLITE_FULL", "DiskFull"),
    ],
)
def test_sqlite_errors_are_told_by_their_code_not_their_wording(name: str, kind: str) -> None:
    error = sqlite3.OperationalError("something SQLite said in words of its own")
    error.sqlite_errorname = name
    assert type(translate(error, "journal.db")).__name__ == kind


def test_a_follow_up_is_saved_only_over_the_version_it_was_loaded_from(journal_path) -> None:
    with open_journal(journal_path) as mine, open_journal(journal_path) as theirs:
        interview = add_acme(mine)
        (loaded,) = mine.follow_ups(interview.uuid)
        edited = theirs.update_follow_up(dataclasses.replace(loaded, text="Theirs"))
        with pytest.raises(Conflict) as raised:
            mine.update_follow_up(
                dataclasses.replace(loaded, text="Mine"), expected_updated=loaded.updated
            )
        assert raised.value.theirs == edited
        assert mine.follow_ups(interview.uuid)[0].text == "Theirs"
        theirs.delete_follow_up(loaded.uuid)
        with pytest.raises(Conflict) as raised:
            mine.update_follow_up(loaded, expected_updated=edited.updated)
        assert raised.value.theirs is None


async def test_marking_a_follow_up_changed_in_another_window_keeps_their_text(
    journal_path,
) -> None:
    async with beside_another_window(journal_path, notifications=True) as (
        app,
        pilot,
        other,
        interview,
    ):
        (loaded,) = other.follow_ups(interview.uuid)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        other.update_follow_up(dataclasses.replace(loaded, text="Dear Dana, thank you."))
        await pilot.press("space")  # mark it sent, from the version loaded before
        await pilot.pause()
        assert "changed in another window" in " ".join(screen_text(app).split())
        (stored,) = other.follow_ups(interview.uuid)
        assert (stored.text, stored.done) == ("Dear Dana, thank you.", None)
        await pilot.press("space")  # again, on the version shown now
        await pilot.pause()
        (stored,) = other.follow_ups(interview.uuid)
        assert (stored.text, stored.done) == ("Dear Dana, thank you.", TODAY)


async def test_a_letter_written_over_one_changed_elsewhere_is_kept_for_a_second_save(
    journal_path,
) -> None:
    async with beside_another_window(journal_path, notifications=True) as (
        app,
        pilot,
        other,
        interview,
    ):
        (loaded,) = other.follow_ups(interview.uuid)
        await pilot.press("f", "enter")  # the thank-you, in the composer
        await pilot.pause()
        assert isinstance(app.screen, ComposerScreen)
        other.update_follow_up(dataclasses.replace(loaded, text="Theirs, sent already."))
        app.screen.query_one("#draft", TextArea).text = "Mine, written here."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "changed in another window" in " ".join(screen_text(app).split())
        assert isinstance(app.screen, ComposerScreen)  # back on what was typed
        assert app.screen.query_one("#draft", TextArea).text == "Mine, written here."
        assert other.follow_ups(interview.uuid)[0].text == "Theirs, sent already."
        await pilot.press("ctrl+s")  # told, and saved again: mine is kept
        await pilot.pause()
        assert other.follow_ups(interview.uuid)[0].text == "Mine, written here."


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_conflict_dialog_shows_both_versions_and_its_choices_at_any_size(size) -> None:
    """At 80x24 the versions take the room that is left (and scroll), so the end of both
    texts, where they differ here, and the choices stay on screen."""
    fields = "\n".join(f"Field {n}: the same" for n in range(9))
    mine, theirs = f"{fields}\n\nNotes:\nedited in B", f"{fields}\n\nNotes:\nedited in A"

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(ConflictScreen("interview", mine, theirs))

    app = Host()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown = " ".join(screen_text(app).split())
    assert "edited in B" in shown and "edited in A" in shown
    assert "Take theirs (t)" in shown and "Keep mine (m)" in shown
