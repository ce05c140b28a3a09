"""The profile (issue 13): the name the letters are signed with and a few strengths and
achievements, kept in the journal so that an export carries it. On real journal files, and
through the real command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_journal.core.model import Profile
from interview_journal.core.validate import MOST_PROFILE_LINES, InvalidValue
from interview_journal.store import Journal, open_journal

# The app's own SQLite (SQLCipher's build): two SQLite libraries in one process would drop
# each other's file locks, and one would take itself for the journal's last reader.
from interview_journal.store.driver import sqlite3

from .conftest import add_acme, file_digest
from .test_cli import ok, refused, run

SAM = Profile(
    name="Sam Rivera",
    strengths=["Designing APIs teams enjoy using", "Calm under pressure"],
    achievements=["Cut checkout latency by 40%"],
)


def make_journal(path: Path, profile: Profile | None = SAM) -> Path:
    with open_journal(path) as journal:
        add_acme(journal)
        if profile is not None:
            journal.set_profile(profile)
    return path


# -- in the journal --------------------------------------------------------------------------


def test_a_profile_is_kept_in_the_journal_file(journal: Journal, journal_path: Path) -> None:
    assert journal.profile() == Profile()
    journal.set_profile(SAM)
    with open_journal(journal_path) as reopened:
        assert reopened.profile() == SAM


def test_a_profile_is_kept_trimmed_on_one_line_without_blank_lines(journal: Journal) -> None:
    kept = journal.set_profile(
        Profile(
            name="  Sam\n Rivera ",
            strengths=["  Calm under\npressure ", "   ", "SQL"],
            achievements=["", "Shipped\tthe billing rewrite"],
        )
    )
    expected = Profile(
        name="Sam Rivera",
        strengths=["Calm under pressure", "SQL"],
        achievements=["Shipped the billing rewrite"],
    )
    assert kept == expected
    assert journal.profile() == expected


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        (
            Profile(strengths=[f"strength {n}" for n in range(MOST_PROFILE_LINES + 1)]),
            f"strengths: holds {MOST_PROFILE_LINES + 1}; a profile keeps at most",
        ),
        (Profile(achievements=["fine", "x" * 201]), "achievements[1]: is too long"),
        (Profile(name="N" * 101), "name: is too long"),
    ],
    ids=["too-many", "too-long-line", "too-long-name"],
)
def test_a_profile_out_of_bounds_is_refused_and_the_old_one_kept(
    journal: Journal, profile: Profile, message: str
) -> None:
    journal.set_profile(SAM)
    with pytest.raises(InvalidValue) as refusal:
        journal.set_profile(profile)
    assert str(refusal.value).startswith(message)
    assert journal.profile() == SAM


def test_an_empty_profile_forgets_the_one_kept(journal: Journal) -> None:
    journal.set_profile(SAM)
    journal.set_profile(Profile(name="  ", strengths=[""]))
    assert journal.profile() == Profile()
    assert journal.setting("profile") is None


# -- in the exchange file --------------------------------------------------------------------


def test_export_then_import_into_an_empty_journal_gives_the_profile_back(tmp_path: Path) -> None:
    source = make_journal(tmp_path / "source.db")
    exported = tmp_path / "journal.json"
    ok(run("--db", source, "export", "-o", exported))
    assert json.loads(exported.read_text())["profile"] == {
        "name": "Sam Rivera",
        "strengths": ["Designing APIs teams enjoy using", "Calm under pressure"],
        "achievements": ["Cut checkout latency by 40%"],
    }
    copy = tmp_path / "copy.db"
    said = ok(run("--db", copy, "import", exported)).stdout
    assert "profile: taken from the file" in said
    with open_journal(copy) as journal:
        assert journal.profile() == SAM
    again = tmp_path / "again.json"
    ok(run("--db", copy, "export", "-o", again))
    assert again.read_bytes() == exported.read_bytes()


def test_a_journal_without_a_profile_exports_none(tmp_path: Path) -> None:
    source = make_journal(tmp_path / "source.db", profile=None)
    assert "profile" not in json.loads(ok(run("--db", source, "export")).stdout)


def test_import_keeps_the_journals_own_profile_and_says_the_files_differs(
    tmp_path: Path,
) -> None:
    exported = tmp_path / "journal.json"
    ok(run("--db", make_journal(tmp_path / "source.db"), "export", "-o", exported))
    mine = Profile(name="Sam R.", strengths=["Patient teacher"])
    target = make_journal(tmp_path / "target.db", profile=mine)
    said = ok(run("--db", target, "import", exported)).stdout
    assert "profile: the journal's own is kept" in said
    with open_journal(target) as journal:
        assert journal.profile() == mine


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({"name": 5}, "profile.name: must be a string"),
        ({"strengths": ["ok", 3]}, "profile.strengths[1]: must be a string"),
        ({"achievements": ["x" * 201]}, "profile.achievements[0]: is too long"),
        ({"strengths": [f"s{n}" for n in range(9)]}, "profile.strengths: holds 9"),
        ("Sam", "profile: must be an object"),
    ],
    ids=["name", "strength-type", "achievement-length", "too-many", "not-an-object"],
)
def test_a_bad_profile_in_a_file_is_refused_with_its_path(
    tmp_path: Path, profile: object, message: str
) -> None:
    exported = tmp_path / "journal.json"
    ok(run("--db", make_journal(tmp_path / "source.db", profile=None), "export", "-o", exported))
    document = json.loads(exported.read_text())
    document["profile"] = profile
    exported.write_text(json.dumps(document))
    target = make_journal(tmp_path / "target.db", profile=None)
    digest = file_digest(target)
    line = refused(run("--db", target, "import", exported), message)
    assert line.startswith(f"Error: {exported}: ")
    assert line.endswith("nothing imported.")
    assert file_digest(target) == digest


def test_a_profile_written_after_the_interviews_is_read_too(tmp_path: Path) -> None:
    exported = tmp_path / "journal.json"
    ok(run("--db", make_journal(tmp_path / "source.db"), "export", "-o", exported))
    document = json.loads(exported.read_text())
    profile = document.pop("profile")
    document["profile"] = profile  # now the last key, after the interviews
    exported.write_text(json.dumps(document))
    target = tmp_path / "target.db"
    ok(run("--db", target, "import", exported))
    with open_journal(target) as journal:
        assert journal.profile() == SAM


# -- `interview-journal profile` -------------------------------------------------------------


def test_profile_with_no_profile_says_how_to_set_one(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.db", profile=None)
    said = ok(run("--db", path, "profile")).stdout
    assert said.startswith("No profile yet")
    assert "interview-journal profile --name" in said


def test_profile_sets_shows_and_replaces_what_is_given(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.db", profile=None)
    said = ok(
        run(
            "--db",
            path,
            "profile",
            "--name",
            "Sam Rivera",
            "--strength",
            "Calm under pressure",
            "--strength",
            "SQL",
            "--achievement",
            "Cut checkout latency by 40%",
        )
    ).stdout
    assert said.splitlines() == [
        "Profile saved.",
        "Name: Sam Rivera",
        "Strengths:",
        "  - Calm under pressure",
        "  - SQL",
        "Achievements:",
        "  - Cut checkout latency by 40%",
    ]
    ok(run("--db", path, "profile", "--strength", "Patient teacher"))
    shown = ok(run("--db", path, "profile")).stdout.splitlines()
    assert shown == [
        "Name: Sam Rivera",
        "Strengths:",
        "  - Patient teacher",
        "Achievements:",
        "  - Cut checkout latency by 40%",
    ]


def test_profile_clear_forgets_it(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.db")
    ok(run("--db", path, "profile", "--clear"))
    with open_journal(path) as journal:
        assert journal.profile() == Profile()
    ok(run("--db", path, "profile", "--clear", "--name", "Sam"))
    with open_journal(path) as journal:
        assert journal.profile() == Profile(name="Sam")


def test_profile_out_of_bounds_is_refused_plainly_and_nothing_changes(tmp_path: Path) -> None:
    path = make_journal(tmp_path / "journal.db")
    digest = file_digest(path)
    many = [arg for n in range(MOST_PROFILE_LINES + 1) for arg in ("--strength", f"s{n}")]
    refused(run("--db", path, "profile", *many), "strengths: holds 6")
    refused(run("--db", path, "profile", "--name", "N" * 101), "name: is too long")
    assert file_digest(path) == digest


def test_profile_of_a_journal_that_is_not_there_is_said_not_made(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    refused(run("--db", missing, "profile"))
    assert not missing.exists()


def test_a_profile_spoilt_by_another_program_is_said_and_can_be_set_again(
    tmp_path: Path,
) -> None:
    path = make_journal(tmp_path / "journal.db")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE settings SET value = '{\"name\": 7' WHERE key = 'profile'")
    conn.close()
    refused(run("--db", path, "profile"), "profile kept in the journal cannot be read", "--clear")
    refused(run("--db", path, "draft", "thank-you"), "profile --clear")
    ok(run("--db", path, "profile", "--clear", "--name", "Sam Rivera"))
    assert "Sam Rivera" in ok(run("--db", path, "draft", "thank-you")).stdout


def test_rescue_carries_the_profile_into_the_new_journal(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    ok(run("--db", make_journal(tmp_path / "journal.db"), "rescue", saved))
    assert json.loads(saved.read_text())["profile"]["name"] == "Sam Rivera"
    new = tmp_path / "new.db"
    ok(run("--db", new, "import", saved))
    with open_journal(new) as journal:
        assert journal.profile() == SAM
