"""`interview-journal`: the app with no command, and quick commands for the shell.

Each command imports what it needs when it runs, so that a quick command stays quick, and none of
them imports Textual; only opening the app does (cli/app.py). Every failure a user can cause ends
in one plain line on stderr and a non-zero exit, never a traceback.

The commands live by group (entries, reports, follow-ups, practice, exchange, care, privacy,
demo, calendar), each imported only when it runs (cli/commands.py); this module is the
program's entry point.
"""

from __future__ import annotations

import sys
from contextlib import suppress

from .app import cli

__all__ = ["cli", "main"]


def main() -> None:
    if sys.stdout is None:  # closed by the shell (`>&-`): what a command prints would be lost
        if sys.stderr is not None:
            sys.stderr.write("Error: cannot write the output (standard output is closed).\n")
        sys.exit(1)
    try:
        cli(prog_name="interview-journal")
    except OSError as error:  # stdout or stderr gone or full: say so, once, where we still can
        message = f"Error: cannot write the output ({error.strerror or error})."
        with suppress(OSError):
            sys.stderr.write(message + "\n")
        sys.exit(1)
