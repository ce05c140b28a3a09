"""Encryption at rest (issue 15): real encrypted files, made and read by the real program.

Each command runs as the installed program in a process of its own: the passphrases a process
was given are kept in it, and a user's next command starts without them.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from interview_journal.store import cipher, open_journal

from .conftest import add_acme, file_digest

PROGRAM = [sys.executable, "-m", "interview_journal"]
SECRET = "correct horse ✓ 'battery'"


def run(
    *args: str | Path, passphrase: str | None = None, new: str | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if passphrase is not None:
        env["INTERVIEW_JOURNAL_PASSPHRASE"] = passphrase
    if new is not None:
        env["INTERVIEW_JOURNAL_NEW_PASSPHRASE"] = new
    return subprocess.run(
        [*PROGRAM, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def refused(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert "ERROR CORE" not in result.stderr  # SQLCipher's own log, kept quiet
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("Error: ")
    for fragment in fragments:
        assert fragment in line, line
    return line


def plain_sqlite_reads(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM interviews").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return True


@pytest.fixture
def acme_journal(tmp_path: Path) -> Path:
    path = tmp_path / "journal.db"
    with open_journal(path) as journal:
        add_acme(journal)
    return path


def test_encrypt_then_decrypt_keeps_every_row_and_the_search(acme_journal: Path) -> None:
    before = ok(run("--db", acme_journal, "export")).stdout
    said = ok(run("--db", acme_journal, "encrypt", passphrase=SECRET)).stdout
    assert "encrypted" in said
    assert not acme_journal.read_bytes().startswith(b"SQLite format 3")
    assert not plain_sqlite_reads(acme_journal)
    assert b"Acme" not in acme_journal.read_bytes()  # not a word of it readable in the file
    # Every command reads it with the passphrase: the same export, and the full-text search.
    assert ok(run("--db", acme_journal, "export", passphrase=SECRET)).stdout == before
    assert "Acme" in ok(run("--db", acme_journal, "list", passphrase=SECRET)).stdout
    ok(run("--db", acme_journal, "check", passphrase=SECRET))  # the search index's check too
    cipher.remember(acme_journal, SECRET)
    with open_journal(acme_journal) as journal:
        assert ["thesis" in hit.excerpt for hit in journal.search("thesis")] == [True]
    cipher.forget(acme_journal)

    ok(run("--db", acme_journal, "decrypt", passphrase=SECRET))
    assert plain_sqlite_reads(acme_journal)
    assert ok(run("--db", acme_journal, "export")).stdout == before
    assert not list(acme_journal.parent.glob(".*converting"))


def test_a_wrong_passphrase_is_refused_and_the_file_left_as_it_was(acme_journal: Path) -> None:
    ok(run("--db", acme_journal, "encrypt", passphrase=SECRET))
    digest = file_digest(acme_journal)
    for command in (["list"], ["add", "Other", "--date", "2026-11-01"], ["decrypt"]):
        line = refused(run("--db", acme_journal, *command, passphrase="wrong"))
        assert "INTERVIEW_JOURNAL_PASSPHRASE does not open this journal" in line
    assert file_digest(acme_journal) == digest


def test_without_a_passphrase_or_a_terminal_it_says_which_variable(acme_journal: Path) -> None:
    ok(run("--db", acme_journal, "encrypt", passphrase=SECRET))
    refused(run("--db", acme_journal, "list"), "encrypted", "INTERVIEW_JOURNAL_PASSPHRASE")
    refused(run("--db", acme_journal), "INTERVIEW_JOURNAL_PASSPHRASE")  # the app too


def test_encrypt_on_an_encrypted_journal_changes_the_passphrase(acme_journal: Path) -> None:
    ok(run("--db", acme_journal, "encrypt", passphrase=SECRET))
    refused(run("--db", acme_journal, "encrypt", passphrase=SECRET), "new passphrase")
    said = ok(run("--db", acme_journal, "encrypt", passphrase=SECRET, new="second one"))
    assert "passphrase is changed" in said.stdout
    refused(run("--db", acme_journal, "list", passphrase=SECRET), "does not open")
    assert "Acme" in ok(run("--db", acme_journal, "list", passphrase="second one")).stdout


def test_a_backup_of_an_encrypted_journal_is_encrypted(acme_journal: Path, tmp_path: Path) -> None:
    ok(run("--db", acme_journal, "encrypt", passphrase=SECRET))
    ok(run("--db", acme_journal, "backup", tmp_path / "copy.db", passphrase=SECRET))
    copy = tmp_path / "copy.db"
    assert not plain_sqlite_reads(copy)
    assert b"Acme" not in copy.read_bytes()
    assert "Acme" in ok(run("--db", copy, "list", passphrase=SECRET)).stdout


def test_an_export_of_an_encrypted_journal_is_plain_and_says_so(
    acme_journal: Path, tmp_path: Path
) -> None:
    ok(run("--db", acme_journal, "encrypt", passphrase=SECRET))
    out = tmp_path / "out.json"
    result = ok(run("--db", acme_journal, "export", "-o", out, passphrase=SECRET))
    assert "Warning: the journal is encrypted, but this export is not" in result.stderr
    assert json.loads(out.read_text())["interviews"][0]["company"] == "Acme"
    again = run("--db", acme_journal, "export", "-o", out, passphrase=SECRET)
    refused(again, "already exists")
    assert "Warning" not in again.stderr  # nothing was taken out
    for command in (["calendar", "export"], ["rescue", tmp_path / "rescued.json"]):
        said = ok(run("--db", acme_journal, *command, passphrase=SECRET)).stderr
        assert "Warning: the journal is encrypted, but this export is not" in said
    assert json.loads((tmp_path / "rescued.json").read_text())["interviews"][0]["company"] == "Acme"
    plain = ok(run("--db", tmp_path / "plain.db", "add", "Plain Co", "--date", "2026-11-01"))
    assert "Warning" not in plain.stderr
    assert "Warning" not in ok(run("--db", tmp_path / "plain.db", "export")).stderr


def test_remember_keeps_the_passphrase_in_the_keyring_and_decrypt_forgets_it(
    acme_journal: Path, tmp_path: Path
) -> None:
    ok(run("--db", acme_journal, "encrypt", "--remember", passphrase=SECRET))
    kept = json.loads((tmp_path / "keyring.json").read_text())
    assert list(kept.values()) == [SECRET]
    assert "Acme" in ok(run("--db", acme_journal, "list")).stdout  # no variable, no terminal
    # A new passphrase replaces the one kept.
    ok(run("--db", acme_journal, "encrypt", new="another"))
    assert list(json.loads((tmp_path / "keyring.json").read_text()).values()) == ["another"]
    ok(run("--db", acme_journal, "decrypt"))
    assert json.loads((tmp_path / "keyring.json").read_text()) == {}
    assert plain_sqlite_reads(acme_journal)


def test_remember_without_a_keyring_is_refused_before_anything_is_done(
    acme_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    result = run("--db", acme_journal, "encrypt", "--remember", passphrase=SECRET)
    refused(result, "no system keyring", "Nothing was changed")
    assert plain_sqlite_reads(acme_journal)


def test_a_new_passphrase_that_is_the_old_one_changes_nothing(acme_journal: Path) -> None:
    ok(run("--db", acme_journal, "encrypt", passphrase=SECRET))
    result = ok(run("--db", acme_journal, "encrypt", passphrase=SECRET, new=SECRET))
    assert "that is its passphrase already; nothing was changed" in result.stdout
    assert "Re-encrypting" not in result.stderr
    assert "Acme" in ok(run("--db", acme_journal, "list", passphrase=SECRET)).stdout


def test_a_journal_open_in_another_program_is_not_converted(acme_journal: Path) -> None:
    other = open_journal(acme_journal)  # another window: its writes would go to the old file
    try:
        digest = file_digest(acme_journal)
        result = run("--db", acme_journal, "encrypt", passphrase=SECRET)
        refused(result, "open in another")
        assert "Encrypting" not in result.stderr  # refused before it began
        assert file_digest(acme_journal) == digest
        assert other.count_interviews() == 1
    finally:
        other.close()
    assert plain_sqlite_reads(acme_journal)


def test_a_conversion_killed_half_way_leaves_the_journal_readable(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    generated = subprocess.run(
        [*PROGRAM, "demo", "--interviews", "3000", "--out", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    assert generated.returncode == 0
    before = ok(run("--db", path, "list")).stdout
    env = dict(os.environ, INTERVIEW_JOURNAL_PASSPHRASE=SECRET)
    process = subprocess.Popen(
        [*PROGRAM, "--db", str(path), "encrypt"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".*converting")) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the conversion ended before it was killed"
    # The journal is the plain one it was, whole; the copy left behind is cleared next time.
    assert plain_sqlite_reads(path)
    assert ok(run("--db", path, "list")).stdout == before
    ok(run("--db", path, "check"))
    ok(run("--db", path, "encrypt", passphrase=SECRET))
    assert not list(tmp_path.glob(".*converting"))
    assert ok(run("--db", path, "list", passphrase=SECRET)).stdout == before


def test_a_conversion_that_fails_its_check_changes_nothing(
    acme_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_journal.store import conversion
    from interview_journal.store.errors import CorruptJournal

    def damaged(*_: object) -> None:
        raise CorruptJournal("the converted copy did not check out")

    monkeypatch.setattr(conversion, "_check", damaged)
    before = ok(run("--db", acme_journal, "export")).stdout
    with pytest.raises(CorruptJournal):
        conversion.convert(acme_journal, SECRET)
    assert plain_sqlite_reads(acme_journal)
    assert ok(run("--db", acme_journal, "export")).stdout == before
    assert not list(acme_journal.parent.glob(".*converting*"))
    cipher.forget(acme_journal)


def test_the_key_made_once_opens_the_journal_as_sqlcipher_does(acme_journal: Path) -> None:
    """The raw key the store makes from the passphrase and the file's salt (for the app's
    worker reads) is the one SQLCipher makes: the second open uses it, and reads."""
    from interview_journal.store.conversion import convert

    convert(acme_journal, SECRET)
    cipher.forget(acme_journal)
    cipher.remember(acme_journal, SECRET)
    with open_journal(acme_journal) as first:  # reads the salt, makes the key
        assert first.encrypted
    with open_journal(acme_journal) as second:  # opened with the raw key
        assert second.count_interviews() == 1
    cipher.forget(acme_journal)


def test_a_new_journal_is_made_encrypted_when_the_variable_is_set(tmp_path: Path) -> None:
    path = tmp_path / "new" / "journal.db"
    ok(run("--db", path, "add", "Initech", "--date", "2026-11-01", passphrase=SECRET))
    assert not plain_sqlite_reads(path)
    assert b"Initech" not in path.read_bytes()
    refused(run("--db", path, "list"), "INTERVIEW_JOURNAL_PASSPHRASE")
    assert "Initech" in ok(run("--db", path, "list", passphrase=SECRET)).stdout
    # A journal there already is left as it is: the variable does not encrypt a plain one.
    plain = tmp_path / "plain.db"
    ok(run("--db", plain, "add", "Plain Co", "--date", "2026-11-01"))
    ok(run("--db", plain, "add", "Other Co", "--date", "2026-11-02", passphrase=SECRET))
    assert plain_sqlite_reads(plain)
