"""The schema, as forward migrations that keep every row.

Each migration is applied once, in order, inside a transaction (sqlite-utils' Migrations records
what was applied). `PRAGMA user_version` mirrors the count so that standard tools, and an older
copy of the app, can tell which version a file is.

`table.transform()` drops triggers, the full-text ones included: a migration that transforms a
table must call `ensure_search()` afterwards (tests search after every migration). It also
refuses to run inside a transaction on a table that cascading foreign keys point at: such a
migration is registered with `transactional=False`.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..core.taxonomy import BUILTIN_CATEGORIES

if TYPE_CHECKING:  # sqlite-utils is imported only when a migration runs: not on the first frame
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

# "IJRN": marks the file as an Interview Journal for `file(1)` and for our own checks.
APPLICATION_ID = 0x494A524E

# Full-text search: the table and the columns it indexes.
SEARCHABLE = {
    "interviews": ("company", "role", "notes"),
    "issues": ("problem", "should_have", "action"),
    "positives": ("text",),
}


def m001_initial(db: Database) -> None:
    _run_script(
        db,
        """
        CREATE TABLE categories (
            slug TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            indefensible INTEGER NOT NULL DEFAULT 0 CHECK (indefensible IN (0, 1)),
            builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
            position INTEGER NOT NULL DEFAULT 1000
        );
        CREATE TABLE interviews (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            company TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL,
            time TEXT,
            stage TEXT NOT NULL DEFAULT 'other',
            interviewers TEXT NOT NULL DEFAULT '[]',
            outcome TEXT NOT NULL DEFAULT 'pending',
            rating INTEGER CHECK (rating BETWEEN 1 AND 5),
            feelings TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX interviews_by_date ON interviews (date, time);
        CREATE TABLE issues (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            problem TEXT NOT NULL,
            should_have TEXT NOT NULL DEFAULT '',
            category TEXT REFERENCES categories (slug) ON UPDATE CASCADE,
            severity INTEGER NOT NULL DEFAULT 2 CHECK (severity BETWEEN 1 AND 3),
            action TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX issues_by_interview ON issues (interview_id);
        CREATE INDEX issues_by_category ON issues (category);
        CREATE TABLE positives (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            created TEXT NOT NULL
        );
        CREATE INDEX positives_by_interview ON positives (interview_id);
        CREATE TABLE follow_ups (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,
            kind TEXT NOT NULL DEFAULT 'thank-you',
            due TEXT,
            done TEXT,
            text TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX follow_ups_by_interview ON follow_ups (interview_id);
        """,
    )
    db.table("categories").insert_all(
        {
            "slug": category.slug,
            "name": category.name,
            "description": category.description,
            "indefensible": int(category.indefensible),
            "builtin": 1,
            "position": position,
        }
        for position, category in enumerate(BUILTIN_CATEGORIES)
    )
    ensure_search(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def m002_review(db: Database) -> None:
    """Review drill: each solved issue carries its fsrs card; every grade is logged."""
    db.execute("ALTER TABLE issues ADD COLUMN card TEXT")
    _run_script(
        db,
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            issue_id INTEGER NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed TEXT NOT NULL,
            due TEXT NOT NULL
        );
        CREATE INDEX reviews_by_issue ON reviews (issue_id);
        """,
    )


def m003_trends_index(db: Database) -> None:
    """The trends read every interview's issue categories: an index that holds both answers
    without touching the issues themselves (and serves every lookup by interview as well)."""
    db.execute("CREATE INDEX issues_by_interview_category ON issues (interview_id, category)")
    db.execute("DROP INDEX issues_by_interview")


def m004_positives_updated(db: Database) -> None:
    """What went well gets its `updated` time like every other record, so that an import can
    tell the newer copy of it."""
    db.execute("ALTER TABLE positives ADD COLUMN updated TEXT NOT NULL DEFAULT ''")
    db.execute("UPDATE positives SET updated = created")


def m005_questions(db: Database) -> None:
    """Practice: the journal's questions (the bank's, seeded here, and the user's own), up to
    three answers (stories) to each, the grades of their practice, and on every issue and
    positive the question it quotes. Existing issues and positives are linked here, once, as
    "suggested" links (store/linking): the app's first frame never pays for it."""
    from ..core.model import utc_now
    from ..core.questions import BANK
    from .linking import link_rows

    _run_script(
        db,
        """
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            key TEXT UNIQUE,
            grp TEXT NOT NULL,
            text TEXT NOT NULL,
            hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
            card TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE TABLE stories (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            situation TEXT NOT NULL DEFAULT '',
            task TEXT NOT NULL DEFAULT '',
            action TEXT NOT NULL DEFAULT '',
            result TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        );
        CREATE INDEX stories_by_question ON stories (question_id, position);
        CREATE TABLE question_reviews (
            id INTEGER PRIMARY KEY,
            question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            reviewed TEXT NOT NULL,
            due TEXT NOT NULL
        );
        CREATE INDEX question_reviews_by_question ON question_reviews (question_id)
        """,
    )
    for table in ("issues", "positives"):
        _run_script(
            db,
            f"""
            ALTER TABLE {table} ADD COLUMN question_id INTEGER
                REFERENCES questions (id) ON DELETE SET NULL;
            ALTER TABLE {table} ADD COLUMN question_link TEXT
                CHECK (question_link IN ('suggested', 'confirmed'));
            ALTER TABLE {table} ADD COLUMN story_id INTEGER
                REFERENCES stories (id) ON DELETE SET NULL;
            CREATE INDEX {table}_by_question ON {table} (question_id)
                WHERE question_id IS NOT NULL;
            CREATE INDEX {table}_by_story ON {table} (story_id) WHERE story_id IS NOT NULL
            """,
        )
    now = utc_now()
    db.conn.executemany(
        "INSERT INTO questions (uuid, key, grp, text, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
        [(q.uuid, q.key, q.group, q.text, now, now) for q in BANK],
    )
    for table in ("issues", "positives"):
        link_rows(db.conn, table)


def m006_settings(db: Database) -> None:
    """The user's few choices that belong with the journal (how long a practice answer may
    take; later the theme): one row a setting, its value as text."""
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")


def m007_action_done(db: Database) -> None:
    """An issue's next step can be ticked off: the day it was done (NULL while it is open)."""
    db.execute("ALTER TABLE issues ADD COLUMN action_done TEXT")


def m008_feedback(db: Database) -> None:
    """What the company said when asked for feedback, kept on the interview."""
    db.execute("ALTER TABLE interviews ADD COLUMN feedback TEXT NOT NULL DEFAULT ''")


def m009_preparation(db: Database) -> None:
    """What preparing for an interview keeps on it: where it is (place, video link), the calendar
    event it came from, the stage checklist's ticked items, and the prep worksheet."""
    for column in ("location", "link", "calendar_uid"):
        db.execute(f"ALTER TABLE interviews ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE interviews ADD COLUMN checklist TEXT NOT NULL DEFAULT '[]'")
    for column in ("why", "company", "questions", "people", "logistics"):
        db.execute(f"ALTER TABLE interviews ADD COLUMN prep_{column} TEXT NOT NULL DEFAULT ''")
    db.execute(
        "CREATE INDEX interviews_calendar_uid ON interviews (calendar_uid) WHERE calendar_uid != ''"
    )


MIGRATIONS = (
    m001_initial,
    m002_review,
    m003_trends_index,
    m004_positives_updated,
    m005_questions,
    m006_settings,
    m007_action_done,
    m008_feedback,
    m009_preparation,
)
SCHEMA_VERSION = len(MIGRATIONS)


@cache
def migration_set() -> Migrations:
    """The migrations as sqlite-utils' Migrations set, applied in order, each once."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations("interview_journal")
    for migration in MIGRATIONS:
        migrations()(migration)
    return migrations


def _run_script(db: Database, script: str) -> None:
    """Run statements one by one: `executescript` would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def ensure_search(db: Database) -> None:
    """Create, or re-create after a transform, the FTS5 tables and the triggers that fill them.

    Named as sqlite-utils names them (`issues_fts`, `issues_ai` ...) so that sqlite-utils and
    Datasette see the search too. Written as plain statements so it runs inside the migration's
    transaction (sqlite-utils' `enable_fts` uses `executescript`, which commits).
    """
    for table, columns in SEARCHABLE.items():
        fts = f"{table}_fts"
        cols = ", ".join(columns)
        old = ", ".join(f"old.{c}" for c in columns)
        new = ", ".join(f"new.{c}" for c in columns)
        db.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING FTS5 "
            f"({cols}, tokenize='porter', content={table})"
        )
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); END"
        )
        db.execute(
            f"CREATE TRIGGER IF NOT EXISTS {table}_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts} (rowid, {cols}) VALUES (new.rowid, {new}); END"
        )
        db.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
