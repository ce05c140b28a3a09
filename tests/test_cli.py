"""The command line, through click's CliRunner and real files on disk (DESIGN §5, §6).

Every failure a user can cause must end in one plain `Error: ...` line on stderr and exit 1,
never a traceback, and must leave the journal file exactly as it was.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from interview_journal import __version__
from interview_journal.cli.main import cli
from interview_journal.store import open_journal

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3

from .conftest import add_acme, file_digest, on_a_terminal, script_says

ENTRY_POINT = Path(sys.executable).parent / "interview-journal"


# -- helpers -------------------------------------------------------------------------------------


def run(*args: str | Path, input: str | bytes | None = None, env: dict | None = None) -> Result:
    """Invoke the CLI in-process; an exception click does not handle fails the test loudly."""
    return CliRunner().invoke(
        cli, [str(arg) for arg in args], input=input, env=env, catch_exceptions=False
    )


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    return result


def refused(result: Result, *fragments: str) -> str:
    """Exit 1, exactly one `Error: ...` line on stderr, nothing on stdout; returns the line."""
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: "), lines
    assert result.stdout == ""
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def sidecars(path: Path) -> list[Path]:
    return [
        Path(f"{path}{suffix}")
        for suffix in ("-wal", "-shm", "-journal")
        if Path(f"{path}{suffix}").exists()
    ]


def make_acme_journal(path: Path) -> Path:
    """A closed journal holding the Acme interview (conftest's add_acme)."""
    journal = open_journal(path)
    try:
        add_acme(journal)
    finally:
        journal.close()
    assert not sidecars(path)
    return path


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed sample journal of 30 interviews, made once with `demo --out`; copy before use."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = run("--db", path.with_name("unused.db"), "demo", "--out", path, "--interviews", "30")
    ok(result)
    assert not sidecars(path)
    return path


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo-copy.db"
    shutil.copyfile(demo_template, path)
    return path


@pytest.fixture
def acme_db(journal_path: Path) -> Path:
    return make_acme_journal(journal_path)


# -- the commands ----------------------------------------------------------------------------------


def test_help_lists_every_command_and_each_opens_its_own_help() -> None:
    """The commands are imported only when run (cli/commands.py): a name that leads nowhere
    would show in --help and fail when typed."""
    from interview_journal.cli.commands import COMMANDS

    listed = ok(run("--help")).stdout
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        assert command is not None and command.name == name  # the command the name says
        assert f"  {name} " in listed, name
        own = ok(run(name, "--help")).stdout
        assert own.startswith(f"Usage: cli {name} "), own
    refused_name = run("ad")
    assert refused_name.exit_code == 2
    assert "No such command 'ad'. Did you mean 'add'?" in refused_name.stderr


# -- add -------------------------------------------------------------------------------------------


def test_add_with_relative_date_and_every_field(journal_path: Path) -> None:
    before = dt.date.today()
    result = ok(
        run(
            "--db",
            journal_path,
            "add",
            "Acme",
            "Backend Engineer",
            "--date",
            "yesterday",
            "--stage",
            "onsite",
            "--outcome",
            "rejected",
            "--rating",
            "2",
            "--feeling",
            "disappointed",
            "--feeling",
            "self-doubt",
            "--interviewer",
            "Dana Lee",
            "--interviewer",
            "Sam Roe",
            "--issue",
            "Arrived 10 minutes late",
            "--issue",
            "Babbled about my thesis",
            "--went-well",
            "Good rapport with Dana",
            "--notes",
            "-",
            "--location",
            "1 Main St, 3rd floor",
            "--link",
            "https://meet.example.com/acme",
            input="Late, flustered.\nThen blanked on the system design question.\n",
        )
    )
    after = dt.date.today()
    assert result.stdout.startswith("Added Acme — Backend Engineer, ")
    assert "(yesterday), with 2 issues [" in result.stdout

    with open_journal(journal_path) as journal:
        records = journal.records()
    assert len(records) == 1
    record = records[0]
    interview = record.interview
    assert interview.company == "Acme"
    assert interview.role == "Backend Engineer"
    assert interview.date in {before - dt.timedelta(days=1), after - dt.timedelta(days=1)}
    assert interview.time is None
    assert interview.stage == "onsite"
    assert interview.outcome == "rejected"
    assert interview.rating == 2
    assert interview.feelings == ["disappointed", "self-doubt"]
    assert interview.interviewers == ["Dana Lee", "Sam Roe"]
    assert interview.notes == "Late, flustered.\nThen blanked on the system design question.\n"
    assert interview.closed is False
    assert (interview.location, interview.link) == (
        "1 Main St, 3rd floor",
        "https://meet.example.com/acme",
    )
    assert [issue.problem for issue in record.issues] == [
        "Arrived 10 minutes late",
        "Babbled about my thesis",
    ]
    # Categories are only suggested on the command line; the user confirms them in the app.
    assert all(issue.category is None for issue in record.issues)
    assert all(issue.severity == 2 for issue in record.issues)
    assert [positive.text for positive in record.positives] == ["Good rapport with Dana"]
    [thank_you] = record.follow_ups  # capturing an interview makes its thank-you note
    assert (thank_you.kind, thank_you.due) == ("thank-you", record.interview.date + dt.timedelta(1))
    assert interview.uuid[:8] in result.stdout


def test_add_days_ago_with_defaults(journal_path: Path) -> None:
    before = dt.date.today()
    result = ok(run("--db", journal_path, "add", "Globex", "--date", "3 days ago"))
    after = dt.date.today()
    assert result.stdout.startswith("Added Globex, ")
    assert "with 0 issues" in result.stdout
    with open_journal(journal_path) as journal:
        (record,) = journal.records()
    interview = record.interview
    assert interview.date in {before - dt.timedelta(days=3), after - dt.timedelta(days=3)}
    assert (interview.company, interview.role) == ("Globex", "")
    assert (interview.stage, interview.outcome, interview.rating) == ("other", "pending", None)
    assert interview.feelings == [] and interview.interviewers == [] and interview.notes == ""
    assert record.issues == [] and record.positives == []


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["Acme", "--date", "blursday"], 'Could not read "blursday" as a date'),
        (["Acme", "--rating", "9"], "rating: must be 1-5"),
        (["Acme", "--stage", "lunch"], "stage: must be one of"),
        (["Acme", "--feeling", "meh"], "feelings[0]: must be one of"),
        (["  ", "Dev"], "company: must not be empty"),
    ],
    ids=["date", "rating", "stage", "feeling", "empty-company"],
)
def test_add_refuses_bad_input_and_leaves_the_journal_alone(
    acme_db: Path, args: list[str], fragment: str
) -> None:
    digest = file_digest(acme_db)
    refused(run("--db", acme_db, "add", *args), fragment)
    assert file_digest(acme_db) == digest
    assert not sidecars(acme_db)


def test_add_with_bad_input_creates_no_journal(tmp_path: Path) -> None:
    path = tmp_path / "new" / "journal.db"
    refused(run("--db", path, "add", "Acme", "--rating", "9"), "rating: must be 1-5")
    assert not path.exists()


# -- list ------------------------------------------------------------------------------------------


def test_list_table_and_json(acme_db: Path) -> None:
    ok(run("--db", acme_db, "add", "Globex", "Data Engineer", "--date", "2026-11-25"))
    table = ok(run("--db", acme_db, "list")).stdout.splitlines()
    assert table[0].split() == ["DATE", "COMPANY", "ROLE", "STAGE", "STEP", "OUTCOME", "ISSUES"]
    assert len(table) == 3
    # Newest first.
    assert table[1].startswith("2026-11-25  Globex")
    assert table[2].startswith("2026-11-20  Acme")
    assert "rejected" in table[2] and table[2].endswith("2")

    rows = json.loads(ok(run("--db", acme_db, "list", "--json")).stdout)
    assert [row["company"] for row in rows] == ["Globex", "Acme"]
    acme = rows[1]
    assert acme["date"] == "2026-11-20"
    assert acme["role"] == "Backend Engineer"
    assert acme["stage"] == "onsite"
    assert acme["outcome"] == "rejected"
    assert acme["issues"] == 2
    assert acme["step"] == "assessed"  # both issues categorised, one without a solution
    assert set(acme) == {"uuid", "date", "company", "role", "stage", "step", "outcome", "issues"}


def test_list_on_an_empty_journal_gives_a_hint(journal_path: Path) -> None:
    open_journal(journal_path).close()
    result = ok(run("--db", journal_path, "list"))
    assert result.stdout.startswith("No interviews yet. Add one with: interview-journal add")
    assert json.loads(ok(run("--db", journal_path, "list", "--json")).stdout) == []


# -- export ----------------------------------------------------------------------------------------


def test_export_json_to_stdout(acme_db: Path) -> None:
    document = json.loads(ok(run("--db", acme_db, "export")).stdout)
    assert document["format"] == "interview-journal"
    assert document["version"] == 5
    (interview,) = document["interviews"]
    assert interview["company"] == "Acme"
    assert [issue["problem"] for issue in interview["issues"]] == [
        "Arrived 10 minutes late: traffic",
        "Babbled about my thesis",
    ]
    assert interview["follow_ups"][0]["kind"] == "thank-you"
    assert "punctuality" in {category["slug"] for category in document["categories"]}


def test_export_markdown_to_stdout(acme_db: Path) -> None:
    text = ok(run("--db", acme_db, "export", "--format", "md")).stdout
    assert text.startswith("# Interview Journal")
    assert "## Acme" in text
    assert "Arrived 10 minutes late: traffic" in text
    assert "Leave 45 minutes early" in text


def test_export_csv_to_stdout(acme_db: Path) -> None:
    text = ok(run("--db", acme_db, "export", "-f", "csv")).stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2  # one row per issue
    assert {row["company"] for row in rows} == {"Acme"}
    assert [row["problem"] for row in rows] == [
        "Arrived 10 minutes late: traffic",
        "Babbled about my thesis",
    ]
    assert rows[0]["should_have"] == "Leave 45 minutes early"


@pytest.mark.parametrize("fmt", ["json", "md", "csv"])
def test_export_to_a_private_file(acme_db: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"export.{fmt}"
    result = ok(run("--db", acme_db, "export", "--format", fmt, "-o", target))
    assert result.stdout == ""
    assert f"Exported 1 interview to {target} ({fmt})." in result.stderr
    assert mode_of(target) == 0o600
    stdout = ok(run("--db", acme_db, "export", "--format", fmt)).stdout
    assert target.read_bytes() == stdout.encode("utf-8")


def test_export_never_writes_over_a_file_unless_told_and_then_makes_it_private(
    acme_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "old-export.json"
    target.write_text("old")
    target.chmod(0o644)
    refused(run("--db", acme_db, "export", "-o", target), "already exists", "--force")
    assert target.read_text() == "old" and mode_of(target) == 0o644
    ok(run("--db", acme_db, "export", "-o", target, "--force"))
    assert mode_of(target) == 0o600
    assert json.loads(target.read_text())["interviews"][0]["company"] == "Acme"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".old")) == []


def test_export_never_replaces_the_journal_or_a_device(acme_db: Path, tmp_path: Path) -> None:
    before = file_digest(acme_db)
    for fmt in ("csv", "json"):
        refused(
            run("--db", acme_db, "export", "-f", fmt, "-o", acme_db, "--force"),
            "the journal itself",
        )
    assert file_digest(acme_db) == before
    assert ok(run("--db", acme_db, "list")).stdout.count("Acme") == 1
    folder = tmp_path / "a-folder"
    folder.mkdir()
    refused(run("--db", acme_db, "export", "-o", folder, "--force"), "not a regular file")
    refused(run("--db", acme_db, "export", "-o", "/dev/null", "--force"), "not a regular file")
    assert mode_of(Path("/dev/null")) == 0o666


def test_json_export_import_export_is_byte_identical(demo_copy: Path, tmp_path: Path) -> None:
    ok(run("--db", demo_copy, "add", "Acme", "Dev", "--date", "2026-11-20", "-i", "Was late"))
    first = tmp_path / "first.json"
    second = tmp_path / "second.json"
    ok(run("--db", demo_copy, "export", "-o", first))
    other = tmp_path / "other" / "journal.db"
    result = ok(run("--db", other, "import", first))
    assert "interviews: 31 added, 0 updated, 0 unchanged" in result.stdout
    ok(run("--db", other, "export", "-o", second))
    assert second.read_bytes() == first.read_bytes()


# -- import ----------------------------------------------------------------------------------------


@pytest.fixture
def demo_export(demo_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo-export.json"
    ok(run("--db", demo_template, "export", "-o", path))
    return path


def test_import_a_good_file_then_the_same_again(acme_db: Path, demo_export: Path) -> None:
    result = ok(run("--db", acme_db, "import", demo_export))
    assert result.stdout.startswith(f"Imported {demo_export}.")
    assert "interviews: 30 added, 0 updated, 0 unchanged" in result.stdout
    assert result.stderr == ""
    with open_journal(acme_db) as journal:
        assert journal.count_interviews() == 31

    again = ok(run("--db", acme_db, "import", demo_export))
    assert "interviews: 0 added, 0 updated, 30 unchanged" in again.stdout
    for label in ("issues", "what went well", "follow-ups", "categories"):
        assert f"{label}: 0 added, 0 updated," in again.stdout
    with open_journal(acme_db) as journal:
        assert journal.count_interviews() == 31


def test_import_from_stdin(journal_path: Path, demo_export: Path) -> None:
    result = ok(run("--db", journal_path, "import", "-", input=demo_export.read_bytes()))
    assert "interviews: 30 added" in result.stdout


def test_import_warns_about_unknown_fields(journal_path: Path, demo_export: Path) -> None:
    document = json.loads(demo_export.read_text())
    document["interviews"][0]["mood_ring"] = "blue"
    demo_export.write_text(json.dumps(document))
    result = ok(run("--db", journal_path, "import", demo_export))
    assert "warning: interviews[0].mood_ring: unknown field, ignored" in result.stderr
    assert "interviews: 30 added" in result.stdout


def _bad_severity(path: Path) -> str:
    document = json.loads(path.read_text())
    index = next(i for i, item in enumerate(document["interviews"]) if item["issues"])
    document["interviews"][index]["issues"][0]["severity"] = 7
    path.write_text(json.dumps(document, indent=2))
    return f"interviews[{index}].issues[0].severity: must be 1-3; nothing imported."


def _not_utf8(path: Path) -> str:
    path.write_bytes(b'{"format": "interview-journal", "name": "caf\xe9"}')
    return "not UTF-8 text (byte 44); nothing imported."


def _not_json(path: Path) -> str:
    path.write_text("company,role\nAcme,Dev\n")
    return "not valid JSON (line 1, column 1"


def _missing(path: Path) -> str:
    path.unlink()
    return "no such file."


def _not_an_export(path: Path) -> str:
    path.write_text('{"interviews": []}')
    return "format: must be"


def _huge_number(path: Path) -> str:
    document = json.loads(path.read_text())
    text = json.dumps(document)
    path.write_text(text.replace('"version": 5', '"version": 5' + "0" * 5000, 1))
    return "not valid JSON (a number far too long)"


@pytest.mark.parametrize(
    "spoil",
    [_bad_severity, _not_utf8, _not_json, _missing, _not_an_export, _huge_number],
    ids=["bad-field", "not-utf8", "not-json", "missing", "not-an-export", "huge-number"],
)
def test_import_refuses_a_bad_file_and_writes_nothing(
    acme_db: Path, demo_export: Path, spoil: Callable[[Path], str]
) -> None:
    expected = spoil(demo_export)
    digest = file_digest(acme_db)
    line = refused(run("--db", acme_db, "import", demo_export), expected)
    assert line.startswith(f"Error: {demo_export}: ")
    assert file_digest(acme_db) == digest
    assert not sidecars(acme_db)


# -- refusals (DESIGN §6) --------------------------------------------------------------------------


def _text_file(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary, today the interview went badly.\n" * 40)
    return path, "file is not a database"


def _empty_file(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    path = tmp_path / "empty.db"
    path.touch()
    return path, "empty file"


def _foreign_database(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    path = tmp_path / "recipes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT, minutes INTEGER)")
    conn.execute("INSERT INTO recipes VALUES ('soup', 30)")
    conn.commit()
    conn.close()
    return path, "another program's SQLite database"


def _truncated_journal(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    assert demo_template.stat().st_size > 4096 * 4
    path = tmp_path / "truncated.db"
    path.write_bytes(demo_template.read_bytes()[:4096])
    return path, "damaged"


def _newer_journal(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    path = tmp_path / "newer.db"
    shutil.copyfile(demo_template, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    assert not sidecars(path)
    return path, "newer"


def _folder(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    path = tmp_path / "a-folder"
    path.mkdir()
    return path, "folder"


def _pipe(tmp_path: Path, demo_template: Path) -> tuple[Path, str]:
    path = tmp_path / "a-pipe"
    os.mkfifo(path)  # reading it would wait forever for a writer
    return path, "not a regular file"


REFUSED_FILES = [
    _text_file,
    _empty_file,
    _foreign_database,
    _truncated_journal,
    _newer_journal,
    _folder,
    _pipe,
]
REFUSED_IDS = ["text", "empty", "foreign", "truncated", "newer", "folder", "pipe"]


def _state(path: Path) -> object:
    if path.is_fifo():
        return "a pipe"
    return sorted(p.name for p in path.iterdir()) if path.is_dir() else file_digest(path)


@pytest.mark.parametrize("make", REFUSED_FILES, ids=REFUSED_IDS)
@pytest.mark.parametrize(
    "command",
    [["list"], ["add", "Acme", "Dev"], ["export"], ["check"], ["backup", "BACKUP"]],
    ids=["list", "add", "export", "check", "backup"],
)
def test_refuses_what_is_not_a_journal(
    tmp_path: Path,
    demo_template: Path,
    make: Callable[[Path, Path], tuple[Path, str]],
    command: list[str],
) -> None:
    path, fragment = make(tmp_path, demo_template)
    before = _state(path)
    backup = tmp_path / "backup.db"
    args = [str(backup) if arg == "BACKUP" else arg for arg in command]
    line = refused(run("--db", path, *args), fragment)
    assert str(path) in line
    assert _state(path) == before
    assert not sidecars(path)
    assert not backup.exists()


def test_newer_journal_message_names_the_versions(tmp_path: Path, demo_template: Path) -> None:
    path, _ = _newer_journal(tmp_path, demo_template)
    line = refused(run("--db", path, "list"))
    assert "newer Interview Journal" in line and "schema 99" in line


# -- file modes, backup ----------------------------------------------------------------------------


def test_new_journal_in_a_new_folder_is_private(tmp_path: Path) -> None:
    folder = tmp_path / "deep" / "journals"
    path = folder / "journal.db"
    ok(run("--db", path, "add", "Acme", "--date", "today"))
    assert mode_of(path) == 0o600
    assert mode_of(folder) == 0o700


def _interview_uuids(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return [row[0] for row in conn.execute("SELECT uuid FROM interviews ORDER BY uuid")]
    finally:
        conn.close()


def test_backup_to_a_file(demo_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "copies" / "backup.db"
    target.parent.mkdir()
    result = ok(run("--db", demo_copy, "backup", target))
    assert result.stdout.strip() == f"Backed up to {target} (integrity check: ok)."
    assert mode_of(target) == 0o600
    assert not sidecars(target)
    uuids = _interview_uuids(target)
    assert len(uuids) == 30
    assert uuids == _interview_uuids(demo_copy)


def test_backup_into_a_folder(acme_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    ok(run("--db", acme_db, "backup", folder))
    (target,) = folder.iterdir()
    assert target.name.startswith("interview-journal-") and target.suffix == ".db"
    assert mode_of(target) == 0o600
    assert _interview_uuids(target) == _interview_uuids(acme_db)


def test_backup_refuses_to_overwrite(acme_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "precious.db"
    target.write_text("do not overwrite me")
    refused(run("--db", acme_db, "backup", target), "already exists")
    assert target.read_text() == "do not overwrite me"


def test_backup_without_destination_goes_to_the_user_data_folder(
    acme_db: Path, tmp_path: Path
) -> None:
    result = ok(run("--db", acme_db, "backup"))
    folder = tmp_path / "xdg-data" / "interview-journal" / "backups"
    (target,) = folder.iterdir()
    assert f"Backed up to {target} " in result.stdout
    assert mode_of(folder) == 0o700
    assert mode_of(target) == 0o600
    assert _interview_uuids(target) == _interview_uuids(acme_db)


# -- check, version, environment, demo ---------------------------------------------------------


def test_check_a_good_journal(acme_db: Path) -> None:
    result = ok(run("--db", acme_db, "check"))
    assert result.stdout.startswith(f"{acme_db}: ok (schema ")
    assert "1 interview)" in result.stdout


def test_check_the_demo_journal(demo_copy: Path) -> None:
    assert "30 interviews" in ok(run("--db", demo_copy, "check")).stdout


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = ok(run(flag))
    assert result.stdout.strip() == f"interview-journal, version {__version__}"


def test_environment_variable_picks_the_journal(acme_db: Path, tmp_path: Path) -> None:
    env = {"INTERVIEW_JOURNAL_DB": str(acme_db)}
    assert "Acme" in ok(run("list", env=env)).stdout
    elsewhere = tmp_path / "env" / "journal.db"
    ok(run("add", "Initech", "--date", "today", env={"INTERVIEW_JOURNAL_DB": str(elsewhere)}))
    with open_journal(elsewhere) as journal:
        assert [s.interview.company for s in journal.interview_summaries()] == ["Initech"]
    # --db wins over the variable.
    assert "Initech" not in ok(run("--db", acme_db, "list", env=env)).stdout
    # Nothing went to the default journal.
    assert not (tmp_path / "xdg-data" / "interview-journal" / "journal.db").exists()


def test_default_journal_lives_in_the_user_data_folder(tmp_path: Path) -> None:
    ok(run("add", "Acme", "--date", "today"))
    path = tmp_path / "xdg-data" / "interview-journal" / "journal.db"
    assert mode_of(path) == 0o600
    assert "Acme" in ok(run("list")).stdout


def test_demo_writes_a_sample_journal(tmp_path: Path) -> None:
    out = tmp_path / "sample.db"
    result = ok(run("demo", "--out", out, "--interviews", "30"))
    assert result.stdout.strip() == f"Wrote a sample journal of 30 interviews to {out}."
    assert mode_of(out) == 0o600
    with open_journal(out) as journal:
        assert journal.count_interviews() == 30
        assert journal.check() == []
    # The user's own journal was never created.
    assert not (tmp_path / "xdg-data" / "interview-journal" / "journal.db").exists()


def test_demo_refuses_an_existing_file(acme_db: Path) -> None:
    digest = file_digest(acme_db)
    refused(run("demo", "--out", acme_db, "--interviews", "3"), "already exists")
    assert file_digest(acme_db) == digest


# -- no Textual, and the real entry point ---------------------------------------------------------

NO_TEXTUAL_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from interview_journal.cli.main import cli

    folder = sys.argv[1]
    db = folder + "/journal.db"
    commands = [
        ["add", "Acme", "Dev", "--date", "yesterday", "-i", "Was late", "-w", "Rapport"],
        ["list"],
        ["list", "--json"],
        ["export", "-o", folder + "/export.json"],
        ["export", "--format", "md"],
        ["export", "--format", "csv"],
        ["import", folder + "/export.json"],
        ["backup", folder + "/backup.db"],
        ["check"],
    ]
    loaded = {}
    for command in commands:
        cli.main(["--db", db, *command], prog_name="interview-journal", standalone_mode=False)
        loaded[command[0]] = sorted(
            name for name in sys.modules
            if name.split(".")[0] == "textual" or name.startswith("interview_journal.tui")
        )
    print(json.dumps(loaded))
    """
)


def test_commands_never_import_textual(tmp_path: Path) -> None:
    loaded = script_says(NO_TEXTUAL_SCRIPT, tmp_path)
    assert set(loaded) == {"add", "list", "export", "import", "backup", "check"}
    assert loaded == dict.fromkeys(loaded, [])
    assert (tmp_path / "backup.db").exists()


def _entry(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(arg) for arg in args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env if env is not None else dict(os.environ),
    )


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
def test_installed_entry_point(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    added = _entry(ENTRY_POINT, "--db", path, "add", "Acme", "Dev", "--date", "today")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"Added Acme — Dev, {dt.date.today().isoformat()} (today)")
    assert added.stderr == ""
    assert mode_of(path) == 0o600

    listed = _entry(ENTRY_POINT, "--db", path, "list")
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].startswith("DATE") and len(lines) == 2
    assert "Acme" in lines[1] and "Dev" in lines[1]

    version = _entry(sys.executable, "-m", "interview_journal", "--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"interview-journal, version {__version__}"


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
def test_installed_entry_point_refuses_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a journal at all\n")
    digest = file_digest(path)
    completed = _entry(ENTRY_POINT, "--db", path, "list")
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert "Traceback" not in completed.stderr
    assert completed.stderr.splitlines() == [
        f"Error: {path}: not a journal (file is not a database)."
    ]
    assert file_digest(path) == digest
    assert not sidecars(path)


# -- a journal changed by another program ---------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("date", "'garbage'"),
        ("time", "'99:99'"),
        ("interviewers", "'not json'"),
        ("company", "x'ff00'"),
        ("rating", "'five'"),
    ],
)
def test_a_row_written_wrong_by_another_program_is_named_not_a_traceback(
    acme_db: Path, column: str, value: str
) -> None:
    conn = sqlite3.connect(acme_db)
    with conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(f"UPDATE interviews SET {column} = {value}")
    uuid = conn.execute("SELECT uuid FROM interviews").fetchone()[0]
    conn.close()
    line = refused(run("--db", acme_db, "list"), "cannot be read", "interview-journal check")
    assert f"a row of interviews {uuid} cannot be read" in line
    for command in (["export"], ["export", "-f", "csv"], ["stats"], ["brief"]):
        result = run("--db", acme_db, *command)  # works without that column, or says why not
        if result.exit_code:
            refused(result, "cannot be read", "interview-journal check")
    result = run("--db", acme_db, "check")
    assert result.exit_code == 1
    assert f"interviews: {uuid}: " in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
@pytest.mark.parametrize("command", [["add", "Acme", "-n", "-"], ["import", "-"]])
def test_reading_stdin_that_the_shell_closed_says_so(
    journal_path: Path, command: list[str]
) -> None:
    result = subprocess.run(
        [str(ENTRY_POINT), "--db", str(journal_path), *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(0),  # as `<&-` does
    )
    assert result.returncode == 1
    assert result.stderr == "Error: nothing to read: standard input is closed.\n"


def test_the_last_date_a_journal_takes_gets_its_thank_you_that_same_day(
    journal_path: Path,
) -> None:
    ok(run("--db", journal_path, "add", "Acme", "--date", "2100-12-31"))
    with open_journal(journal_path) as journal:
        (summary,) = journal.interview_summaries()
        (thank_you,) = journal.follow_ups(summary.interview.uuid)
    assert thank_you.due == dt.date(2100, 12, 31)


def test_a_day_past_31_is_refused_not_read_as_a_year(journal_path: Path) -> None:
    refused(run("--db", journal_path, "add", "Acme", "--date", "Dec 32"), "No month has a day 32")


def test_an_import_never_moves_a_row_to_another_interview(acme_db: Path, tmp_path: Path) -> None:
    with open_journal(acme_db) as journal:
        (summary,) = journal.interview_summaries()
        issue = journal.issues(summary.interview.uuid)[0]
    document = {
        "format": "interview-journal",
        "version": 1,
        "categories": [],
        "interviews": [
            {
                "uuid": "0b0b0b0b-0000-4000-8000-000000000001",
                "company": "Thief",
                "date": "2026-11-01",
                "issues": [{"uuid": issue.uuid, "problem": "stolen"}],
            }
        ],
    }
    path = tmp_path / "thief.json"
    path.write_text(json.dumps(document))
    digest = file_digest(acme_db)
    refused(
        run("--db", acme_db, "import", path),
        f"interviews[0].issues[0].uuid: {issue.uuid} belongs to another interview",
        "nothing imported",
    )
    assert file_digest(acme_db) == digest


def test_a_journal_named_for_reading_that_is_not_there_is_said_not_created(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "no-such-folder" / "journal.db"
    for command in (["list"], ["export"], ["stats"], ["brief"], ["check"], ["backup"]):
        refused(run("--db", missing, *command), "no journal there yet")
    assert not missing.parent.exists()
    ok(run("--db", missing, "add", "Acme"))  # a command that writes starts it
    assert "Acme" in ok(run("--db", missing, "list")).stdout


def test_the_default_journal_is_started_by_any_command(tmp_path: Path) -> None:
    result = ok(run("list", env={"XDG_DATA_HOME": str(tmp_path / "data")}))
    assert result.stdout.startswith("No interviews yet")


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
def test_a_closed_standard_output_is_said_and_nothing_is_done(journal_path: Path) -> None:
    result = subprocess.run(
        [str(ENTRY_POINT), "--db", str(journal_path), "add", "Acme"],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
        preexec_fn=lambda: os.close(1),  # as `>&-` does
    )
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write the output (standard output is closed).\n"
    assert not journal_path.exists()


# -- exports a spreadsheet or a Markdown viewer can trust -----------------------------------------

HOSTILE = {
    "company": '=HYPERLINK("http://x","click")',
    "role": "+1",
    "interviewers": ["@SUM(A1)", "Dana Lee"],
    "notes": "fine",
    "problem": "-2+3",
    "should_have": "\t=1+1",
    "action": "=cmd|' /C calc'!A0",
    "category": "hostile",
    "category_name": "@evil",
    "positive": "=1",
}


def _hostile_journal(path: Path, tmp_path: Path) -> Path:
    """A journal holding text that a spreadsheet would run as a formula, imported by the CLI."""
    document = {
        "format": "interview-journal",
        "version": 1,
        "categories": [{"slug": HOSTILE["category"], "name": HOSTILE["category_name"]}],
        "interviews": [
            {
                "company": HOSTILE["company"],
                "role": HOSTILE["role"],
                "date": "2026-11-20",
                "interviewers": HOSTILE["interviewers"],
                "notes": HOSTILE["notes"],
                "issues": [
                    {
                        "problem": HOSTILE["problem"],
                        "should_have": HOSTILE["should_have"],
                        "action": HOSTILE["action"],
                        "category": HOSTILE["category"],
                    }
                ],
                "positives": [{"text": HOSTILE["positive"]}],
            },
            {"company": "Globex", "role": "Data Engineer", "date": "2026-11-21"},
        ],
    }
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(document))
    ok(run("--db", path, "import", source))
    return path


def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(
    journal_path: Path, tmp_path: Path
) -> None:
    _hostile_journal(journal_path, tmp_path)
    text = ok(run("--db", journal_path, "export", "-f", "csv")).stdout
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    hostile, plain = rows
    assert hostile["company"] == "'" + HOSTILE["company"]
    assert hostile["role"] == "'+1"
    assert hostile["interviewers"] == "'@SUM(A1); Dana Lee"
    assert hostile["problem"] == "'-2+3"
    assert hostile["should_have"] == "'\t=1+1"
    assert hostile["action"] == "'" + HOSTILE["action"]
    assert hostile["category"] == "hostile"
    assert hostile["category_name"] == "'@evil"
    # Nothing in any cell can start a formula.
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (column, cell)
    # Our own values and ordinary text are left as they are.
    assert hostile["date"] == "2026-11-20" and hostile["severity"] == "2"
    assert len(hostile["interview_uuid"]) == 36 and len(hostile["issue_uuid"]) == 36
    assert (plain["company"], plain["role"], plain["date"]) == (
        "Globex",
        "Data Engineer",
        "2026-11-21",
    )


HOSTILE_NOTES = """Went fine until the end.
# Interview Journal
## Fake interview
### Fake section
Setext heading made of the line above
===
---
***
- a list made by a note
+ another
1. a numbered one
2) and another
> a quote
    indented like code
```
a fence
~~~
| a | table |
|---|---|
[a link](javascript:alert(1)) and ![a beacon](http://tracker.example/x.png)
[ref]: http://tracker.example/
<script>alert(1)</script>
<img src=x onerror=alert(2)>
&lt;b&gt; as typed, R&D as typed, **bold** and _under_ and `code` and back\\slash"""


def _rendered(markdown: str) -> list:
    """The tokens a CommonMark renderer that lets raw HTML through makes of the export."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").parse(markdown)


def test_markdown_export_cannot_be_forged_by_what_the_user_wrote(
    journal_path: Path, tmp_path: Path
) -> None:
    document = {
        "format": "interview-journal",
        "version": 1,
        "categories": [{"slug": "hostile", "name": "*x*</em><script>alert(3)</script>"}],
        "interviews": [
            {
                "company": "<img src=x onerror=alert(4)> Corp ##",
                "role": "# Engineer",
                "date": "2026-11-20",
                "interviewers": ["<b>Dana</b>"],
                "notes": HOSTILE_NOTES,
                "issues": [
                    {"problem": "## Fake problem", "should_have": "---", "category": "hostile"},
                    {"problem": "- nested\n# again", "action": "<iframe src=x>"},
                ],
                "positives": [{"text": "# Fake went-well"}, {"text": "> quoted <b>x</b>"}],
                "follow_ups": [{"kind": "thank-you", "text": "## Fake in a quote\n---\n<hr>"}],
            },
            {"company": "Globex", "role": "Data Engineer", "date": "2026-11-21"},
        ],
    }
    source = tmp_path / "hostile.json"
    source.write_text(json.dumps(document))
    ok(run("--db", journal_path, "import", source))
    markdown = ok(run("--db", journal_path, "export", "-f", "md")).stdout
    tokens = _rendered(markdown)

    headings = [
        (token.tag, "".join(child.content for child in tokens[index + 1].children or []))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
    assert headings == [
        ("h1", "Interview Journal"),
        ("h2", "<img src=x onerror=alert(4)> Corp ## — # Engineer"),
        ("h3", "Notes"),
        ("h3", "What went wrong → what I should have done"),
        ("h3", "What went well"),
        ("h3", "Follow-ups"),
        ("h2", "Globex — Data Engineer"),
    ]
    kinds = {token.type for token in tokens}
    for forged in ("hr", "html_block", "code_block", "fence", "ordered_list_open", "table_open"):
        assert forged not in kinds, forged
    inline = [child for token in tokens for child in token.children or []]
    assert not {"html_inline", "link_open", "image"} & {child.type for child in inline}
    # Emphasis only where the export puts it: its labels, the category, "not written yet".
    emphasis = [child.tag for child in inline if child.type.endswith("_open")]
    assert emphasis == ["strong"] * 4 + ["em"] * 3 + ["strong"] * 3
    # One blockquote, the follow-up's: a note's `>` line is no quote.
    assert sum(token.type == "blockquote_open" for token in tokens) == 1

    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(markdown)
    for raw in ("<script", "<img", "<iframe", "<b>", "<hr>", "</em><"):
        assert raw not in html, raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # What the user wrote is shown as they wrote it.
    text = "\n".join(child.content for child in inline if child.type == "text")
    for line in HOSTILE_NOTES.splitlines():
        if line.strip() not in ("**bold**", "`code`"):
            assert line.strip().replace("\\\\", "\\") in text or line.strip() in text, line
    assert "## Fake problem" in text and "# Fake went-well" in text


def test_markdown_export_keeps_ordinary_text_readable(acme_db: Path) -> None:
    ok(run("--db", acme_db, "add", "AT&T", "C# dev", "-i", "Said x -> y, a_b > c (2 + 2)"))
    markdown = ok(run("--db", acme_db, "export", "-f", "md")).stdout
    assert "## AT&T — C# dev" in markdown
    assert "- Said x -> y, a_b > c (2 + 2) → _not written yet_" in markdown
    assert "- Arrived 10 minutes late: traffic → Leave 45 minutes early" in markdown
    assert "Late, flustered, then blanked on the system design question." in markdown


# -- a file that says two things at once -------------------------------------------------------


@pytest.mark.parametrize(
    ("replace", "by", "where"),
    [
        ('"format": ', '"version": 1, "format": ', "version"),
        ('"company": ', '"company": "Initech", "company": ', "interviews[0].company"),
        ('"severity": ', '"severity": 1, "severity": ', "interviews[0].issues[0].severity"),
    ],
    ids=["top", "interview", "issue"],
)
def test_import_refuses_a_key_given_twice(
    acme_db: Path, tmp_path: Path, replace: str, by: str, where: str
) -> None:
    exported = ok(run("--db", acme_db, "export")).stdout
    source = tmp_path / "twice.json"
    source.write_text(exported.replace(replace, by, 1))
    digest = file_digest(acme_db)
    line = refused(run("--db", acme_db, "import", source))
    assert line == f"Error: {source}: {where}: is given twice in the file; nothing imported."
    assert file_digest(acme_db) == digest
    assert not sidecars(acme_db)


def test_stats_refuses_a_period_that_ends_before_it_starts(acme_db: Path) -> None:
    digest = file_digest(acme_db)
    line = refused(run("--db", acme_db, "stats", "--since", "2026-05-01", "--until", "2026-01-01"))
    assert line == (
        "Error: --since (2026-05-01) is after --until (2026-01-01): that period has no days."
    )
    refused(run("--db", acme_db, "stats", "--json", "--since", "tomorrow", "--until", "today"))
    assert file_digest(acme_db) == digest
    ok(run("--db", acme_db, "stats", "--since", "2026-01-01", "--until", "2026-01-01"))


def test_stats_with_no_issue_in_a_category_says_how_to_give_one(journal_path: Path) -> None:
    ok(run("--db", journal_path, "add", "Acme", "--date", "yesterday", "-i", "Mumbled"))
    printed = ok(run("--db", journal_path, "stats")).stdout
    assert printed.splitlines() == [
        "1 interview, 1 issue (1 without a category)",
        "No issue has a category yet. Give each one a category in the app",
        "(c in the side-by-side editor) to see which mistakes come back.",
    ]


def test_list_and_stats_fit_an_80_column_terminal_and_cut_nothing_in_a_pipe(
    acme_db: Path,
) -> None:
    company, role = "Meridian Parcel Services", "Senior Data Analyst"
    ok(run("--db", acme_db, "add", company, role, "--stage", "informational", "-i", "Late"))
    for command, name in (("list", company), ("stats", "Rambling / nerves / lost focus")):
        code, shown, _ = on_a_terminal("--db", acme_db, command, output_too=True, columns=80)
        lines = shown.splitlines()
        assert code == 0 and len(lines) >= 2, shown
        assert max(len(line) for line in lines) <= 80, shown
        assert name[:8] in shown
        piped = ok(run("--db", acme_db, command)).stdout
        assert name in piped and (command != "list" or role in piped)


# -- a journal name that is no file, a link to nothing ----------------------------------------


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        (":memory:", "SQLite's in-memory database"),
        ("", "is empty"),
        ("file:journal.db", "SQLite URI"),
        ("file:journal.db?mode=rwc", "SQLite URI"),
        ("file::memory:?cache=shared", "SQLite URI"),
    ],
    ids=["memory", "empty", "uri", "uri-mode", "uri-memory"],
)
@pytest.mark.parametrize("command", [["add", "Acme"], ["list"], ["import", "-"]])
def test_a_journal_name_that_is_no_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, fragment: str, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    refused(run("--db", name, *command, input=""), f"Error: --db {name}".rstrip(), fragment)
    env = {"INTERVIEW_JOURNAL_DB": name}
    if name:  # click takes an empty variable for no variable: the default journal
        refused(run(*command, env=env, input=""), f"INTERVIEW_JOURNAL_DB {name}", fragment)
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_a_journal_name_starting_with_file_colon_is_taken_as_written_with_dot_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ok(run("--db", "./file:journal.db", "add", "Acme"))
    assert (tmp_path / "file:journal.db").is_file()


def test_a_journal_that_is_a_link_to_nothing_is_said(tmp_path: Path) -> None:
    link = tmp_path / "journal.db"
    link.symlink_to(tmp_path / "moved" / "journal.db")
    for command in (["add", "Acme"], ["list"], ["backup", tmp_path / "b.db"], ["check"]):
        line = refused(run("--db", link, *command))
        assert line == (
            f"Error: {link}: is a link to {tmp_path / 'moved' / 'journal.db'}, which is not there."
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.db"]
    assert link.is_symlink()


# -- an import file that cannot be read, or is far too large ---------------------------------------


def _import_refused(journal: Path, file: Path | str, expected: str) -> None:
    """The import is refused in the one line expected, and the journal is left as it was."""
    digest = file_digest(journal)
    line = refused(run("--db", journal, "import", file))
    assert line == f"Error: {expected}"
    assert file_digest(journal) == digest
    assert not sidecars(journal)


def test_import_of_a_folder_or_a_link_to_nothing_is_said(acme_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    _import_refused(acme_db, folder, f"{folder}: is a folder, not a file; nothing imported.")
    link = tmp_path / "export.json"
    link.symlink_to(tmp_path / "gone.json")
    _import_refused(
        acme_db, link, f"{link}: is a link to {tmp_path / 'gone.json'}, which is not there."
    )
    loop = tmp_path / "loop.json"
    loop.symlink_to(tmp_path / "back.json")
    (tmp_path / "back.json").symlink_to(loop)
    _import_refused(
        acme_db, loop, f"{loop}: is a link that leads back to itself (a loop of links)."
    )


def test_import_of_a_file_that_cannot_be_read_is_said(
    acme_db: Path, demo_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_export.chmod(0)
    if os.geteuid() == 0:  # root reads it anyway: answer as the system answers anyone else
        real_open = os.open

        def denied(path: object, *args: object, **kwargs: object) -> int:
            if Path(str(path)) == demo_export:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", denied)
    _import_refused(acme_db, demo_export, f"{demo_export}: cannot be read (Permission denied).")


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_import_of_a_pipe_or_a_device_is_refused_at_once(
    acme_db: Path, tmp_path: Path, kind: str
) -> None:
    if kind == "fifo":
        source = tmp_path / "export.json"
        os.mkfifo(source)  # no writer: reading it would wait forever
    else:
        source = Path("/dev/zero")  # never ends
    digest = file_digest(acme_db)
    completed = _entry(ENTRY_POINT, "--db", acme_db, "import", source)  # times out if it waits
    assert completed.returncode == 1, completed.stderr
    assert completed.stdout == ""
    assert completed.stderr == (
        f"Error: {source}: not a regular file (a pipe or a device); nothing imported. "
        "To import what a program writes, pipe it in: … | interview-journal import -\n"
    )
    assert file_digest(acme_db) == digest


def test_import_of_a_file_over_the_limit_is_refused_before_it_is_read(
    acme_db: Path, tmp_path: Path
) -> None:
    from interview_journal.core.exchange import MAX_FILE_BYTES

    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(5 * 10**12)  # 5 TB, sparse: reading it would take hours
    _import_refused(
        acme_db,
        big,
        f"{big}: too large to import (5,000,000.0 MB; at most {MAX_FILE_BYTES / 1e6:,.0f} MB); "
        "nothing imported.",
    )


# Writes the start of an export, then interviews with long notes, for ever.
ENDLESS_EXPORT = textwrap.dedent(
    """
    import json, sys
    sys.stdout.write('{"format": "interview-journal", "version": 2, "interviews": [')
    n = 0
    while True:
        n += 1
        notes = f"word{n} " * 500
        row = {"company": "Acme", "date": "2026-01-01", "notes": notes}
        sys.stdout.write(json.dumps(row) + ",")
    """
)
# Runs a command in a fresh process and prints its exit status, then its peak memory in MB.
PEAK_MEMORY_SCRIPT = textwrap.dedent(
    """
    import resource, subprocess, sys
    ENDLESS_EXPORT = "ENDLESS"
    stdin = sys.argv[1]
    command = sys.argv[2:]
    if stdin == "yes":
        feeder = subprocess.Popen(["yes", "{"], stdout=subprocess.PIPE)
        source = feeder.stdout
    elif stdin == "spaces":
        feeder = subprocess.Popen(["yes", " "], stdout=subprocess.PIPE)
        source = feeder.stdout
    elif stdin == "interviews":  # a valid export that never ends
        feeder = subprocess.Popen([sys.executable, "-c", ENDLESS_EXPORT], stdout=subprocess.PIPE)
        source = feeder.stdout
    else:
        feeder, source = None, open(stdin, "rb")
    done = subprocess.run(command, stdin=source, capture_output=True, text=True, timeout=60)
    if feeder:
        feeder.kill()
        feeder.wait()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    sys.stderr.write(done.stderr)
    print(done.returncode, round(peak))
    """
).replace('"ENDLESS"', repr(ENDLESS_EXPORT))


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux")
@pytest.mark.parametrize(
    ("stdin", "command", "message"),
    [
        ("/dev/zero", ["import", "-"], "Error: -: not valid JSON (line 1, column 1"),
        ("yes", ["import", "-"], "Error: -: not valid JSON (line 2, column 1"),
        ("spaces", ["import", "-"], "Error: standard input: more than 64 MB; too large to import"),
        (
            "interviews",
            ["import", "-"],
            "Error: standard input: more than 64 MB; too large to import",
        ),
        ("/dev/zero", ["add", "Acme", "-n", "-"], "Error: notes are too long: more than 2,000,000"),
        ("yes", ["add", "Acme", "-n", "-"], "Error: notes are too long: more than 2,000,000"),
        ("/dev/null", ["import", "BIG"], "Error: BIG: too large to import"),
    ],
    ids=[
        "import-zero",
        "import-endless-pipe",
        "import-endless-spaces",
        "import-endless-export",
        "add-zero",
        "add-endless-pipe",
        "import-huge",
    ],
)
def test_endless_input_is_refused_in_bounded_memory(
    tmp_path: Path, stdin: str, command: list[str], message: str
) -> None:
    journal = tmp_path / "journal.db"
    big = tmp_path / "big.json"
    with big.open("wb") as handle:
        handle.truncate(10**12)
    command = [str(big) if part == "BIG" else part for part in command]
    message = message.replace("BIG", str(big))
    completed = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_SCRIPT, stdin, ENTRY_POINT, "--db", journal, *command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    status, peak_mb = map(int, completed.stdout.split())
    assert status == 1, completed.stderr
    assert completed.stderr.startswith(message), completed.stderr
    assert len(completed.stderr.splitlines()) == 1
    assert peak_mb < 300, peak_mb
    assert not journal.exists()


# -- where a backup or an export goes -------------------------------------------------------------


def test_backup_into_a_folder_that_is_not_there_is_refused(acme_db: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    line = refused(run("--db", acme_db, "backup", f"{tmp_path}/backups/"))
    assert line == (
        f"Error: {tmp_path}/backups/: no such folder; nothing backed up "
        f"(make it first: mkdir -p {tmp_path}/backups/)."
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    (tmp_path / "a-file").write_text("x")
    refused(run("--db", acme_db, "backup", f"{tmp_path}/a-file/"), "not a folder")
    assert (tmp_path / "a-file").read_text() == "x"


JOURNAL_SIDES = ["", "-wal", "-shm", "-journal"]


@pytest.mark.parametrize("side", JOURNAL_SIDES, ids=["journal", "wal", "shm", "journal-file"])
@pytest.mark.parametrize(
    "command",
    [["backup", "DEST"], ["export", "-o", "DEST"], ["export", "-f", "md", "-o", "DEST", "--force"]],
    ids=["backup", "export", "export-force"],
)
def test_a_backup_or_export_never_goes_onto_the_journal_or_its_side_files(
    acme_db: Path, tmp_path: Path, side: str, command: list[str]
) -> None:
    digest = file_digest(acme_db)
    before = sorted(p.name for p in tmp_path.iterdir())
    dest = Path(f"{acme_db}{side}")
    args = [str(dest) if arg == "DEST" else arg for arg in command]
    line = refused(run("--db", acme_db, *args))
    what = "the journal itself" if not side else "a file SQLite keeps beside the journal"
    assert line.startswith(f"Error: {dest}: that is {what}; nothing written")
    assert file_digest(acme_db) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    # Named through a link, too.
    link = tmp_path / "innocent.db"
    link.symlink_to(dest)
    args = [str(link) if arg == "DEST" else arg for arg in command]
    refused(run("--db", acme_db, *args), what)
    assert file_digest(acme_db) == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "innocent.db"])


@pytest.mark.parametrize(
    "command",
    [["backup", "DEST"], ["export", "-o", "DEST"], ["export", "-o", "DEST", "--force"]],
    ids=["backup", "export", "export-force"],
)
def test_a_backup_or_export_to_a_link_to_nothing_is_said(
    acme_db: Path, tmp_path: Path, command: list[str]
) -> None:
    link = tmp_path / "copy.db"
    link.symlink_to(tmp_path / "usb" / "copy.db")
    args = [str(link) if arg == "DEST" else arg for arg in command]
    line = refused(run("--db", acme_db, *args))
    assert (
        line == f"Error: {link}: is a link to {tmp_path / 'usb' / 'copy.db'}, which is not there."
    )
    assert not (tmp_path / "usb").exists()


def test_export_to_a_dash_writes_to_standard_output(
    acme_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for fmt in ("json", "md", "csv"):
        result = ok(run("--db", acme_db, "export", "-f", fmt, "-o", "-"))
        assert result.stdout == ok(run("--db", acme_db, "export", "-f", fmt)).stdout
        assert result.stderr == ""
    assert not (tmp_path / "-").exists()


def test_export_into_a_folder_name_is_refused(acme_db: Path, tmp_path: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    refused(run("--db", acme_db, "export", "-o", f"{tmp_path}/exports/"), "names a folder")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# -- control characters in what is typed or imported -----------------------------------------------


@pytest.mark.skipif(not ENTRY_POINT.exists(), reason="the console script is not installed")
def test_control_characters_typed_on_the_command_line_are_cleaned_and_never_echoed(
    journal_path: Path,
) -> None:
    completed = subprocess.run(
        [
            os.fsencode(ENTRY_POINT),
            b"--db",
            os.fsencode(journal_path),
            b"add",
            b"Ac\x07me",
            b"Dev\x1b[31m ops",
            b"--interviewer",
            b"\x01Dana",
            b"-i",
            b"was late \xff\x07\x1b]0;pwned\x07 again",
        ],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr == b""
    assert not [byte for byte in completed.stdout if byte < 0x20 and byte != 0x0A]
    assert b"\xff" not in completed.stdout
    assert completed.stdout.startswith("Added Acme — Dev[31m ops, ".encode())
    assert "“was late \ufffd]0;pwned again” looks like punctuality".encode() in completed.stdout
    with open_journal(journal_path) as journal:
        (summary,) = journal.interview_summaries()
        interview = summary.interview
        (issue,) = journal.issues(interview.uuid)
    assert (interview.company, interview.role, interview.interviewers) == (
        "Acme",
        "Dev[31m ops",
        ["Dana"],
    )
    assert issue.problem == "was late \ufffd]0;pwned again"


def test_control_characters_in_an_import_are_cleaned_or_refused_plainly(
    journal_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "controls.json"
    document = {
        "format": "interview-journal",
        "version": 1,
        "interviews": [
            {
                "company": "Ac\u0007me",
                "date": "2026-11-20",
                "notes": "line\u0000one\r\nline two\u001b[2J",
                "issues": [{"problem": "late \ud800 again\u0085"}],
            }
        ],
    }
    source.write_text(json.dumps(document))  # \ud800 stays an escape: the file is valid UTF-8
    ok(run("--db", journal_path, "import", source))
    with open_journal(journal_path) as journal:
        (summary,) = journal.interview_summaries()
        (issue,) = journal.issues(summary.interview.uuid)
        notes = journal.interview(summary.interview.uuid).notes
    assert summary.interview.company == "Acme"
    assert notes == "lineone\nline two[2J"
    assert issue.problem == "late \ufffd again"

    document["interviews"][0]["company"] = "\u0007\u001b"
    source.write_text(json.dumps(document))
    digest = file_digest(journal_path)
    refused(
        run("--db", journal_path, "import", source),
        f"Error: {source}: interviews[0].company: must not be empty; nothing imported.",
    )
    assert file_digest(journal_path) == digest
