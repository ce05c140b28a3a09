"""Rich text laid out for the app's lists and panes."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text

SEVERITY_NAMES = {1: "minor", 2: "notable", 3: "serious"}
"""How an issue's severity (Issue.severity, core/model.py) reads, in the editor and elsewhere."""


def hanging(mark: str, style: Style | str, text: Text) -> Table:
    """`mark`, then `text` wrapped in a column of its own: a long line goes on under its own
    start (a hanging indent), not under the mark."""
    row = Table.grid(expand=True)
    row.add_column(width=len(mark), no_wrap=True)
    row.add_column(ratio=1)
    row.add_row(Text(mark, style=style), text)
    return row
