"""The one private Textual call left (`paint_whole_first_frame`) is pinned to Textual's version:
on another minor version this fails, to be looked at again (a public way may exist by then).
What it does for the user is checked in a real terminal by
tests/e2e/test_terminal.py::test_the_first_frame_shows_the_list_not_just_the_header_and_keys."""

from __future__ import annotations

from importlib.metadata import version

from interview_journal.tui.app import FIRST_FRAME_WORKAROUND_FOR


def test_the_first_frame_workaround_was_written_for_this_textual() -> None:
    major, minor = (int(part) for part in version("textual").split(".")[:2])
    assert (major, minor) == FIRST_FRAME_WORKAROUND_FOR, (
        "Textual moved on: check whether a public call now paints the first frame whole "
        "(see interview_journal/tui/app.py, paint_whole_first_frame)"
    )
