"""`interview-journal stats` on a fixture journal whose answers were worked out by hand.

tests/fixtures/trends.json holds seven past interviews (and one in 2030, which never counts):

    #  date        categories of its issues
    0  2025-01-10  punctuality, rambling
    1  2025-02-10  punctuality, rambling, rambling
    2  2025-03-10  blanked
    3  2025-04-10  rambling, (none)
    4  2025-05-10  blanked
    5  2025-06-10  rambling
    6  2025-07-10  attire
       2030-01-01  honesty                       <- upcoming: left out

Seven interviews: the older half is #0-#3 (it takes the middle one), the newer half #4-#6, and
the last three are #4-#6.
- rambling at #0 #1 #3 #5: in the last three; older share 3/4 > newer 1/3: improving; 5 issues.
- blanked at #2 #4: in the last three; older 1/4 < newer 1/3: recurring.
- punctuality at #0 #1: none of the last three: fixed.
- attire at #6 only: once.
Issues: 2 + 5 + 2 + 1, and one without a category: 11.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from interview_journal.cli.main import cli
from interview_journal.store import open_journal

FIXTURE = Path(__file__).parent / "fixtures" / "trends.json"


def run(*args: str, db: Path):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def journal_with_fixture(tmp_path: Path) -> Path:
    db = tmp_path / "journal.db"
    assert run("import", str(FIXTURE), db=db).exit_code == 0
    return db


def category(slug, name, interviews, issues, first, last, label):
    return {
        "slug": slug, "name": name, "interviews": interviews, "issues": issues,
        "first_seen": first, "last_seen": last, "label": label,
    }  # fmt: skip


def test_stats_json_over_the_whole_journal(tmp_path: Path) -> None:
    result = run("stats", "--json", db=journal_with_fixture(tmp_path))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "interviews": 7,
        "issues": 11,
        "categories": [
            category("rambling", "Rambling / nerves / lost focus", 4, 5,
                     "2025-01-10", "2025-06-10", "improving"),
            # blanked and punctuality tie on interviews and issues: by slug.
            category("blanked", "Blanked on a common question", 2, 2,
                     "2025-03-10", "2025-05-10", "recurring"),
            category("punctuality", "Late / timing", 2, 2, "2025-01-10", "2025-02-10", "fixed"),
            category("attire", "Dressed inappropriately", 1, 1, "2025-07-10", "2025-07-10", "once"),
        ],
    }  # fmt: skip


def test_stats_since_narrows_the_period_and_the_labels_follow(tmp_path: Path) -> None:
    """From 2025-03-01: #2-#6, five interviews; older half #2-#4, last three #4-#6.
    blanked at #2 #4: older 2/3 > newer 0/2: improving. rambling at #3 #5: older 1/3 < newer
    1/2: recurring. Issues: 1 + 2 + 1 + 1 + 1 = 6."""
    result = run("stats", "--json", "--since", "2025-03-01", db=journal_with_fixture(tmp_path))
    document = json.loads(result.stdout)
    assert (document["interviews"], document["issues"]) == (5, 6)
    labels = {c["slug"]: (c["interviews"], c["label"]) for c in document["categories"]}
    assert labels == {
        "blanked": (2, "improving"),
        "rambling": (2, "recurring"),
        "attire": (1, "once"),
    }


def test_stats_until_takes_a_human_date(tmp_path: Path) -> None:
    result = run("stats", "--json", "--until", "Feb 15 2025", db=journal_with_fixture(tmp_path))
    document = json.loads(result.stdout)
    assert document["interviews"] == 2
    assert [(c["slug"], c["label"]) for c in document["categories"]] == [
        ("rambling", "recurring"),
        ("punctuality", "recurring"),
    ]


def test_stats_table_and_its_empty_case(tmp_path: Path) -> None:
    db = journal_with_fixture(tmp_path)
    table = run("stats", db=db).stdout
    assert table.splitlines()[0] == "7 interviews, 11 issues (1 without a category)"
    assert "Rambling / nerves / lost focus" in table and "improving" in table
    open_journal(tmp_path / "empty.db").close()
    empty = run("stats", db=tmp_path / "empty.db")
    assert empty.exit_code == 0
    assert "No interviews" in empty.stdout


def test_stats_refuses_an_unreadable_date(tmp_path: Path) -> None:
    result = run("stats", "--since", "blursday", db=journal_with_fixture(tmp_path))
    assert result.exit_code == 1
    assert "blursday" in result.stderr and "Traceback" not in result.output
