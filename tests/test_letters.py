"""Getting a letter out of the app: the system's clipboard tools (found on a PATH of the
test's own) and letters saved as text files."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

from interview_journal.clipboard import clipboard_tools, copy
from interview_journal.core.model import FollowUp, Interview
from interview_journal.letters import letter_name, save_letter

ACME = Interview(company="Acme Corp.", role="Backend Engineer", date=dt.date(2026, 11, 20))
THANKS = FollowUp(kind="thank-you")


def fake_tool(folder: Path, name: str, *, exit_code: int = 0) -> Path:
    """A clipboard tool that keeps what it is given in `<name>.got` beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    got = folder / f"{name}.got"
    script = folder / name
    script.write_text(f"#!/bin/sh\n/bin/cat > '{got}'\nexit {exit_code}\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return got


def test_a_tool_is_used_only_where_its_display_is(tmp_path: Path) -> None:
    fake_tool(tmp_path, "xclip")
    fake_tool(tmp_path, "wl-copy")
    path = str(tmp_path)
    assert clipboard_tools({"PATH": path}) == []  # no display: neither can work
    x = [tool.name for tool in clipboard_tools({"PATH": path, "DISPLAY": ":0"})]
    assert x == [str(tmp_path / "xclip")]
    both = clipboard_tools({"PATH": path, "DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert [Path(tool.name).name for tool in both] == ["wl-copy", "xclip"]


def test_copy_gives_the_text_to_the_tool_and_names_it(tmp_path: Path) -> None:
    got = fake_tool(tmp_path, "xclip")
    text = "Dear Dana Lee,\n\nThank you — truly.\n"
    assert copy(text, {"PATH": str(tmp_path), "DISPLAY": ":0"}) == "xclip"
    assert got.read_text(encoding="utf-8") == text


def test_a_tool_that_fails_is_not_taken_as_having_copied(tmp_path: Path) -> None:
    fake_tool(tmp_path, "xclip", exit_code=1)
    env = {"PATH": str(tmp_path), "DISPLAY": ":0"}
    assert copy("text", env) is None
    got = fake_tool(tmp_path, "xsel")  # the next one is tried
    assert copy("text", env) == "xsel"
    assert got.read_text() == "text"


def test_without_any_tool_nothing_is_said_to_be_copied(tmp_path: Path) -> None:
    assert copy("text", {"PATH": str(tmp_path), "DISPLAY": ":0"}) is None


def test_a_letter_is_named_by_day_company_and_kind_and_never_written_over(
    tmp_path: Path,
) -> None:
    assert letter_name(THANKS, ACME) == "2026-11-20-acme-corp-thank-you"
    folder = tmp_path / "letters"  # made when first needed
    first = save_letter(folder, THANKS, ACME, "First")
    second = save_letter(folder, THANKS, ACME, "Second\n")
    third = save_letter(folder, THANKS, ACME, "Third")
    assert [p.name for p in (first, second, third)] == [
        "2026-11-20-acme-corp-thank-you.txt",
        "2026-11-20-acme-corp-thank-you-2.txt",
        "2026-11-20-acme-corp-thank-you-3.txt",
    ]
    assert first.read_text() == "First\n" and second.read_text() == "Second\n"


def test_a_letter_and_its_folder_are_private(tmp_path: Path) -> None:
    """A letter about a bad interview is as private as the journal: 0600 in a 0700 folder."""
    folder = tmp_path / "letters"
    path = save_letter(folder, THANKS, ACME, "Private")
    assert path.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
