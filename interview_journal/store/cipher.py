"""Encryption at rest: the passphrases this process was given, by journal file, and the keys
SQLCipher is handed for them.

A journal encrypted with SQLCipher is the same SQLite file, every page encrypted, the first
sixteen bytes of the file the salt of its key. SQLCipher makes the key from a passphrase with
PBKDF2-HMAC-SHA512 at 256,000 rounds: about a tenth of a second, on every connection. The app
opens a connection of its own for each read it makes in a worker, so the key is made here once
per file, the same way, and handed to SQLCipher as a raw key (`x'…'`), which it takes as it is.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .driver import sqlite3

SALT_BYTES = 16
# SQLCipher 4's defaults, which every journal is encrypted with (the conversions set nothing
# else): checked against SQLCipher itself by tests/test_encryption.py.
KDF_ROUNDS = 256_000
KEY_BYTES = 32
SMALLEST_PAGE = 512
CACHE_KIB = 32 * 1024
PLAIN_HEADER = b"SQLite format 3\x00"


class BadPassphrase(ValueError):
    """A passphrase SQLCipher cannot be given: empty, or with a character no file can hold."""


@dataclass(frozen=True)
class _Key:
    passphrase: str
    salt: bytes | None = None
    raw: str | None = None  # hex of the key made from passphrase and salt


_keys: dict[str, _Key] = {}
_lock = threading.Lock()
_quiet = False  # SQLCipher's log is off (`quiet`)


def _name(path: object) -> str:
    return os.path.realpath(os.fsdecode(path)) if isinstance(path, str | Path) else str(path)


def checked(passphrase: str) -> str:
    """The passphrase, or BadPassphrase in plain words."""
    if not passphrase:
        raise BadPassphrase("the passphrase is empty.")
    if "\x00" in passphrase:
        raise BadPassphrase("the passphrase holds a NUL character, which SQLCipher cannot take.")
    try:
        passphrase.encode("utf-8")
    except UnicodeEncodeError as error:
        raise BadPassphrase("the passphrase holds bytes that are not text (UTF-8).") from error
    return passphrase


def remember(path: str | os.PathLike[str], passphrase: str) -> None:
    """Open the journal at `path` with `passphrase` from now on, in this process."""
    with _lock:
        _keys[_name(path)] = _Key(checked(passphrase))


def forget(path: str | os.PathLike[str]) -> None:
    with _lock:
        _keys.pop(_name(path), None)


def passphrase_for(path: object) -> str | None:
    key = _keys.get(_name(path))
    return key.passphrase if key else None


def looks_encrypted(header: bytes, size: int) -> bool:
    """Whether a file that is not plain SQLite could be an encrypted journal: whole pages of
    bytes with no header to read. (Random bytes look the same: only the key can tell.)"""
    return (
        not header.startswith(PLAIN_HEADER)
        and size >= 2 * SMALLEST_PAGE
        and size % SMALLEST_PAGE == 0
    )


def salt_seen(path: str | os.PathLike[str], header: bytes) -> None:
    """The file's salt, read by the inspection before any connection is made: the raw key is
    made from it once. (Never read by a file descriptor of its own later: closing one drops
    every lock the process holds on the file.)"""
    with _lock:
        key = _keys.get(_name(path))
        salt = header[:SALT_BYTES]
        if key is None or key.salt == salt or len(salt) < SALT_BYTES:
            return
        import hashlib  # only for an encrypted journal: not on a plain one's first frame

        made = hashlib.pbkdf2_hmac(
            "sha512", key.passphrase.encode("utf-8"), salt, KDF_ROUNDS, KEY_BYTES
        )
        _keys[_name(path)] = _Key(key.passphrase, salt, made.hex())


def pragma_key(passphrase: str) -> str:
    """`PRAGMA key = '…'` for a passphrase, quoted as an SQL string."""
    return "PRAGMA key = '" + checked(passphrase).replace("'", "''") + "'"


def quiet(conn: sqlite3.Connection) -> None:
    """SQLCipher says a failed decryption on standard error, over the app's screen: not here.
    A wrong passphrase is told by the error it raises. The level is the process's, not the
    connection's: set once."""
    global _quiet
    if not _quiet:
        conn.execute("PRAGMA cipher_log_level = NONE")
        _quiet = True


def apply_key(conn: sqlite3.Connection, path: object) -> bool:
    """Key a new connection to the journal at `path` if a passphrase was given for it; whether
    it was. The raw key when it is known, else the passphrase (SQLCipher makes the key)."""
    quiet(conn)
    key = _keys.get(_name(path))
    if key is None:
        return False
    conn.execute(f"PRAGMA key = \"x'{key.raw}'\"" if key.raw else pragma_key(key.passphrase))
    # Each page read is decrypted into this connection's cache: one that holds the pages a
    # read goes over again and again (the briefing's queries) saves decrypting them each time,
    # where a plain journal has the system's file cache. Filled only as pages are read.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    return True
