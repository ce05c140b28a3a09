"""A progress bar on standard error for long work (`export`, `import`), drawn only where a
person watches: standard error a terminal. A pipe or a log file gets no bar, only the final
line, as before; so does an export to standard output when that is the same terminal (the bar
would be drawn into the text)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

REDRAWS = 200
"""At most this many redraws for the whole bar: a large journal's every interview would
otherwise be a write to the terminal."""


def is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # closed, or no descriptor
        return False


@contextmanager
def progress(total: int, label: str, *, shown: bool = True) -> Iterator[Callable[[int], None]]:
    """`advance(steps)` moving a bar of `total` steps on standard error, when it is a terminal,
    `shown` and there is something to count; otherwise `advance` does nothing."""
    stream = sys.stderr
    if not shown or total <= 0 or not is_terminal(stream):
        yield lambda steps: None
        return
    with click.progressbar(
        length=total,
        label=label,
        file=stream,
        show_percent=True,
        show_eta=False,
        update_min_steps=max(1, total // REDRAWS),
    ) as bar:
        yield bar.update
