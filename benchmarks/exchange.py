"""Import speed against its floor (issue 11): the journal's own JSON export imported into a new
journal by the program, and the same rows put by a plain script into plain SQLite tables with
full-text indexes, in one transaction. Both are whole processes, timed from spawn to exit."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from .run import PROGRAM, PYTHON, Result, run_ok

# The floor: the file read whole with `json.load`, its rows inserted with `executemany` into
# tables with the app's columns and indexes, and their full-text indexes built once at the end
# ('rebuild'), all in one transaction: the fastest plain way (indexing row by row through
# triggers takes about twice as long).
PLAIN_IMPORT = r"""
import json, sqlite3, sys
source, target = sys.argv[1:3]
with open(source, encoding="utf-8") as handle:
    document = json.load(handle)
conn = sqlite3.connect(target, isolation_level=None)
conn.executescript('''
CREATE TABLE categories (slug TEXT PRIMARY KEY, name TEXT, description TEXT, indefensible INT);
CREATE TABLE interviews (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, company TEXT, role TEXT,
    date TEXT, time TEXT, stage TEXT, interviewers TEXT, outcome TEXT, rating INT,
    feelings TEXT, notes TEXT, closed INT, created TEXT, updated TEXT);
CREATE TABLE issues (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, interview_id INT, problem TEXT,
    should_have TEXT, category TEXT, severity INT, action TEXT, card TEXT, created TEXT,
    updated TEXT);
CREATE TABLE reviews (id INTEGER PRIMARY KEY, issue_id INT, rating INT, reviewed TEXT, due TEXT);
CREATE TABLE positives (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, interview_id INT, text TEXT,
    created TEXT, updated TEXT);
CREATE TABLE follow_ups (id INTEGER PRIMARY KEY, uuid TEXT UNIQUE, interview_id INT, kind TEXT,
    due TEXT, done TEXT, text TEXT, notes TEXT, created TEXT, updated TEXT);
CREATE INDEX interviews_by_date ON interviews (date, time);
CREATE INDEX issues_by_interview ON issues (interview_id, category);
CREATE INDEX positives_by_interview ON positives (interview_id);
CREATE INDEX follow_ups_by_interview ON follow_ups (interview_id);
CREATE INDEX reviews_by_issue ON reviews (issue_id);
''')
for table, columns in {
    "interviews": "company, role, notes",
    "issues": "problem, should_have, action",
    "positives": "text",
}.items():
    conn.execute(
        f"CREATE VIRTUAL TABLE {table}_fts USING FTS5 ({columns}, tokenize='porter', "
        f"content={table})"
    )
conn.execute("BEGIN")
conn.executemany(
    "INSERT INTO categories VALUES (?, ?, ?, ?)",
    [(c["slug"], c["name"], c["description"], c["indefensible"]) for c in document["categories"]],
)
interviews, issues, reviews, positives, follow_ups = [], [], [], [], []
for number, i in enumerate(document["interviews"], 1):
    interviews.append((number, i["uuid"], i["company"], i["role"], i["date"], i["time"],
        i["stage"], json.dumps(i["interviewers"]), i["outcome"], i["rating"],
        json.dumps(i["feelings"]), i["notes"], i["closed"], i["created"], i["updated"]))
    for c in i["issues"]:
        issues.append((len(issues) + 1, c["uuid"], number, c["problem"], c["should_have"] or "",
            c["category"], c["severity"], c["action"] or "",
            json.dumps(c["card"]) if c["card"] else None, c["created"], c["updated"]))
        reviews += [(len(issues), r["rating"], r["reviewed"], r["due"]) for r in c["reviews"]]
    positives += [(p["uuid"], number, p["text"], p["created"], p["updated"])
        for p in i["positives"]]
    follow_ups += [(f["uuid"], number, f["kind"], f["due"], f["done"], f["text"], f["notes"],
        f["created"], f["updated"]) for f in i["follow_ups"]]
conn.executemany(f"INSERT INTO interviews VALUES ({', '.join('?' * 15)})", interviews)
conn.executemany(f"INSERT INTO issues VALUES ({', '.join('?' * 11)})", issues)
conn.executemany(
    "INSERT INTO reviews (issue_id, rating, reviewed, due) VALUES (?, ?, ?, ?)", reviews
)
conn.executemany(
    "INSERT INTO positives (uuid, interview_id, text, created, updated) VALUES (?, ?, ?, ?, ?)",
    positives,
)
conn.executemany(
    "INSERT INTO follow_ups (uuid, interview_id, kind, due, done, text, notes, created, updated) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    follow_ups,
)
for table in ("interviews", "issues", "positives"):
    conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
conn.execute("COMMIT")
conn.close()
"""


def import_speed(journal: Path, env: dict[str, str], runs: int) -> list[Result]:
    """`interview-journal import` of the journal's JSON export into a new journal, against the
    plain-SQLite floor, each the median of `runs` after a warm-up."""
    with tempfile.TemporaryDirectory(prefix="ij-import-speed-") as folder:
        export = Path(folder) / "export.json"
        run_ok([PROGRAM, "--db", journal, "export", "-o", export], env)
        ours, floor = [], []
        for run in range(runs + 1):  # the first of each is a warm-up
            target = Path(folder) / f"ours-{run}.db"
            o = run_ok([PROGRAM, "--db", target, "import", export], env).seconds
            plain = Path(folder) / f"plain-{run}.db"
            f = run_ok([PYTHON, "-c", PLAIN_IMPORT, export, plain], env).seconds
            if run:
                ours.append(o)
                floor.append(f)
            for used in Path(folder).glob("*.db*"):
                used.unlink()
    ours_s, floor_s = statistics.median(ours), statistics.median(floor)
    return [
        Result(
            "floor: the same rows into plain SQLite tables with FTS", floor_s, "s", samples=floor
        ),
        Result("import of the JSON export into a new journal", ours_s, "s", samples=ours),
        Result("ratio, import / plain SQLite", ours_s / floor_s, "×", budget=2.5, indent=True),
    ]
