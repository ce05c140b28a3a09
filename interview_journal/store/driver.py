"""The SQLite the journal is kept in: SQLCipher's build of it, for every journal.

`sqlcipher3` is the standard library's `sqlite3` module built against SQLCipher (SQLite with
page-by-page encryption). Without a key it reads and writes plain SQLite files exactly as the
standard library does; with one (`PRAGMA key`, see `cipher`) the same file format, encrypted. One
module for both keeps one kind of connection and one kind of error everywhere: `sqlite3.Error`
in the store means this module's. The type checker reads it as the standard library's, whose
interface it has.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
else:
    from sqlcipher3 import dbapi2 as sqlite3

__all__ = ["sqlite3"]
