"""Rich styles from the app's theme, for text built in code (option lines, tables, briefings).

Colours are never written in Python: a style names a theme variable (`success`, `warning`,
`error`, `accent`, ...), as the stylesheet does, so that every theme, and a terminal without
colour, reads the same. Muted text is Rich's `dim`, which is not a colour.
"""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.app import App
from textual.color import Color, ColorParseError

LABEL_COLOURS = {"recurring": "text-error", "improving": "text-warning", "fixed": "text-success"}
"""Each trend label's theme variable, on the trends screen and in the briefing; `once` is dim."""


def theme_style(app: App[Any], variable: str, *, bold: bool = False, italic: bool = False) -> Style:
    """The colour of the theme variable `variable` (as in `$success`), with bold or italic."""
    try:
        color = Color.parse(app.theme_variables[variable]).rich_color
    except (KeyError, ColorParseError):
        color = None  # a theme without it: the text keeps the widget's own colour
    return Style(color=color, bold=bold, italic=italic)
