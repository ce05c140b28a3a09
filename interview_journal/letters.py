"""Letters saved as text files, for when copying does not reach the clipboard, and an interview
written out for a coach.

Named by the interview's day, the company and the kind of letter
(`2026-11-20-acme-thank-you.txt`, `2026-11-20-acme-for-coach.md`), in a folder of their own; a
file already there is never written over: the next one is `-2`, `-3`, ...
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .core.model import FollowUp, Interview


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def letter_name(follow_up: FollowUp, interview: Interview) -> str:
    """ "2026-11-20-acme-thank-you" (without the suffix)."""
    parts = [interview.date.isoformat(), _slug(interview.company), _slug(follow_up.kind)]
    return "-".join(part for part in parts if part)


def save_letter(folder: Path, follow_up: FollowUp, interview: Interview, text: str) -> Path:
    """Write `text` to a new file in `folder` (made if missing, private: 0700); the file's path,
    the file private too (0600). OSError when it cannot be written."""
    return save_new(folder, letter_name(follow_up, interview), ".txt", text)


def coach_name(interview: Interview) -> str:
    """ "2026-11-20-acme-for-coach" (without the suffix)."""
    parts = [interview.date.isoformat(), _slug(interview.company), "for-coach"]
    return "-".join(part for part in parts if part)


def save_new(folder: Path, stem: str, suffix: str, text: str) -> Path:
    """Write `text` to a new private file (0600) named `stem` + `suffix` in `folder` (made if
    missing, 0700), or `stem-2`, `stem-3` ... when that is taken: never over a file. Its path;
    OSError when it cannot be written."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    number = 1
    while True:
        path = folder / (f"{stem}{suffix}" if number == 1 else f"{stem}-{number}{suffix}")
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with open(handle, "w", encoding="utf-8", newline="") as file:
                file.write(text if text.endswith("\n") else text + "\n")
        except FileExistsError:
            number += 1
            continue
        return path.resolve()
