"""Reading the journal file the program in the terminal writes, as another program would."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(journal_file: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(journal_file)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()
