"""Cleaning text before it reaches SQLite: what was pasted may hold anything."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# What clean_text changes: any of those, or a carriage return.
_UNCLEAN = re.compile(r"[\r\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text safe to store and show: newlines normalised, control characters dropped, lone
    surrogates (which SQLite and UTF-8 cannot hold) replaced by U+FFFD."""
    if value.isprintable() or not _UNCLEAN.search(value):  # nothing to change: as it is
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return _SURROGATE.sub("\ufffd", value)


def clean_line(value: str) -> str:
    """A single-line field (company, role, a name): cleaned, inner newlines folded, trimmed."""
    if value.isprintable():  # nothing to clean, and no white space but the plain space
        return " ".join(value.split())
    return " ".join(clean_text(value).split())


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 interview`, `2 interviews`: a count with its noun agreeing."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
