"""Start-up's settings (interview_journal/startup.py) last until the first frame, not after:
the collector is back on and the interpreter switches threads as often as usual again, or a
long session would keep every object it ever made, and the app's threads would pay for the
switching."""

from __future__ import annotations

from pathlib import Path

from interview_journal.store import open_journal

from .conftest import add_acme, script_says

PROGRAM = """
import gc, json, sys
from pathlib import Path
from interview_journal import startup

default = sys.getswitchinterval()
startup.begin()  # as the entry point does
seen = {"starting": [gc.isenabled(), sys.getswitchinterval()]}

from interview_journal.store import open_journal
from interview_journal.tui.app import JournalApp


class Probe(JournalApp):
    CSS_PATH = str(Path(sys.modules[JournalApp.__module__].__file__).with_name("app.tcss"))

    async def on_journal_ready(self, message) -> None:  # after the first frame, panes there
        seen["running"] = [gc.isenabled(), sys.getswitchinterval()]
        self.exit()


journal = open_journal(Path(sys.argv[1]))
Probe(journal=journal).run(headless=True, size=(120, 36))
journal.close()
seen["default"] = default
print(json.dumps(seen))
"""


def test_the_collector_and_the_switch_interval_are_as_usual_once_the_app_runs(
    journal_path: Path,
) -> None:
    with open_journal(journal_path, create=True) as journal:
        add_acme(journal)
    seen = script_says(PROGRAM, journal_path)
    assert seen["starting"] == [False, 0.0005]  # what start-up sets
    assert seen["running"] == [True, seen["default"]]  # and gives back
