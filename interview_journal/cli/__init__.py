"""The command line (click). Never imports Textual, except to open the app."""

from __future__ import annotations


def main() -> None:
    """The `interview-journal` program: the collector stays off until start-up is over."""
    from .. import startup

    startup.begin()
    from .main import main as run

    run()
