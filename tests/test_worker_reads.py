"""A worker's read must not cost the app its hold on the journal file (found in issue 14's
trial): a read that opened the file with a descriptor of its own and closed it dropped the
app's locks (POSIX drops every lock a process holds on a file when any descriptor of it is
closed). Another program then closed the journal as if it were the last, deleting the -wal the
app went on writing to: the app's writes were seen by no one and lost at exit."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path

from interview_journal.core.model import Interview
from interview_journal.store import open_journal
from interview_journal.store.reads import reader

ANOTHER_PROGRAM = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "print(c.execute('SELECT group_concat(company) FROM interviews').fetchone()[0]); c.close()"
)


def read_elsewhere(path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", ANOTHER_PROGRAM, str(path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout.strip()


def test_after_a_worker_read_the_apps_writes_are_seen_by_other_programs(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    app = open_journal(path)  # the app's own connection, open all along
    try:
        app.add_interview(Interview(company="Acme", date=dt.date(2026, 11, 20)))
        with reader(path) as worker:  # the review screen's read, in a thread of the app
            assert worker.count_interviews() == 1
        assert read_elsewhere(path) == "Acme"  # another program reads, and closes
        assert path.with_name("journal.db-wal").exists()  # the app's log is still there
        app.add_interview(Interview(company="Globex", date=dt.date(2026, 11, 21)))
        assert read_elsewhere(path) == "Acme,Globex"  # and what the app writes next is seen
    finally:
        app.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM interviews").fetchone()[0] == 2  # kept
    finally:
        conn.close()
