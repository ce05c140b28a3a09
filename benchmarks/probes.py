"""The programs the benchmark times, each run as `python -c <probe> ARGS...` in its own process.

Each is a whole process on purpose: what a user waits for includes starting Python and importing
everything, not only what happens after `App.run()`.
"""

from __future__ import annotations

BARE_WORD = "BARE-READY"
"""What the bare app shows, so that a terminal poller can tell its first frame."""

BARE_FIRST_FRAME = f"""
import sys
from textual.app import App
from textual.widgets import Static

STAY = "--stay" in sys.argv


class Bare(App):
    def compose(self):
        yield Static({BARE_WORD!r})

    def on_ready(self):
        if not STAY:
            self.call_after_refresh(self.exit)


if STAY:
    Bare().run()
else:
    Bare().run(headless=True, size=(120, 36))
"""
"""A bare Textual app: exits right after its first frame (headless), or stays (`--stay`)."""

BARE_OPTION_LIST = """
from textual.app import App
from textual.widgets import OptionList


class Bare(App):
    def compose(self):
        yield OptionList(*[f"Interview {n}" for n in range(10_000)])


Bare().run()
"""
"""A bare Textual OptionList of 10,000 rows, in a terminal: the floor for a key press in tmux."""

APP_FIRST_FRAME = """
import sys
from pathlib import Path

from interview_journal import startup

startup.begin()  # as the entry point does: the collector is off until the first frame

import interview_journal.cli.main  # noqa: F401 - the entry point's own imports, as a user pays
from interview_journal.cli.app import open_for_app
from interview_journal.settings import Settings
from interview_journal.tui import app as app_module


class FirstFrame(app_module.JournalApp):
    # A subclass reads its stylesheet beside its own file: point it at the app's.
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))

    def on_ready(self):
        self.call_after_refresh(self.exit)


path = Path(sys.argv[1])
journal = open_for_app(path)  # an encrypted one with INTERVIEW_JOURNAL_PASSPHRASE, as a user has
try:
    FirstFrame(journal=journal, settings=Settings(journal=path)).run(
        headless=True, size=(120, 36)
    )
finally:
    journal.close()
"""
"""Our app on a journal (argv[1]), the way the CLI opens it: exits right after its first frame."""

KEY_TO_REPAINT = """
import asyncio
import json
import sys
import time
from pathlib import Path

from textual import events

LIMIT = 5.0  # seconds: a key that moves nothing in this long is a broken probe, not a number


def bare_app():
    from textual.app import App
    from textual.widgets import OptionList

    class Bare(App):
        def compose(self):
            yield OptionList(*[f"Interview {n}" for n in range(10_000)])

    app = Bare()
    return app, "down", lambda: app.query_one(OptionList).highlighted, None


def journal_app(path):
    from interview_journal.cli.app import open_for_app
    from interview_journal.settings import Settings
    from interview_journal.tui.app import JournalApp

    journal = open_for_app(path)
    app = JournalApp(journal=journal, settings=Settings(journal=path))
    return app, "j", lambda: app.screen.query_one("#interviews").cursor, journal


async def main():
    which, presses = sys.argv[1], int(sys.argv[2])
    app, key, position, journal = bare_app() if which == "bare" else journal_app(Path(which))
    seconds = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.screen.wait_for_refresh()
        focused = type(app.focused).__name__
        start = position()
        for _ in range(presses):
            before = position()
            began = time.perf_counter()
            app.post_message(events.Key(key, key if len(key) == 1 else None))
            while position() == before:  # the key has been handled ...
                if time.perf_counter() - began > LIMIT:
                    sys.exit(f"{key!r} did not move the selection (focus: {focused})")
                await asyncio.sleep(0)
            await app.screen.wait_for_refresh()  # ... and the screen has been repainted
            seconds.append(time.perf_counter() - began)
        end = position()
    if journal is not None:
        journal.close()
    print(json.dumps({"seconds": seconds, "focused": focused, "start": start, "end": end}))


asyncio.run(main())
"""
"""Presses a key argv[2] times in `run_test` (120x36), timing each from the key event to the
moved selection repainted; prints JSON. argv[1] is a journal (our app, `j` in the interview
list) or `bare` (a bare Textual OptionList of 10,000 rows, `down`: the floor)."""

IMPORT_SQLITE_UTILS = "import sqlite_utils"

SCREEN_READY = """
import asyncio
import json
import sys
import time
from pathlib import Path

from interview_journal import startup

startup.begin()  # as the entry point does: the collector is off until the first frame

from textual import events

from interview_journal.cli.app import open_for_app
from interview_journal.settings import Settings
from interview_journal.tui.app import JournalApp

KEY, WARM = sys.argv[2], sys.argv[3] == "warm"
SCREEN = {"t": "TrendsScreen", "r": "ReviewScreen", "p": "PracticeScreen"}[KEY]


def filled(screen):
    if KEY == "t":
        return getattr(screen, "overview", None) is not None
    return getattr(screen, "loaded", False)


async def main():
    path = Path(sys.argv[1])
    journal = open_for_app(path)
    app = JournalApp(journal=journal, settings=Settings(journal=path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        if WARM:  # as after the app's warm-up, which imports the charts in the background
            import interview_journal.tui.screens.trends  # noqa: F401
        else:
            app.workers.cancel_group(app, "warm-up")
        began = time.perf_counter()
        app.post_message(events.Key(KEY, KEY))
        while type(app.screen).__name__ != SCREEN:
            await asyncio.sleep(0.001)
        await app.screen.wait_for_refresh()
        shown = time.perf_counter() - began
        while not filled(app.screen):
            await asyncio.sleep(0.002)  # a busy loop here would starve the thread that reads
        await app.screen.wait_for_refresh()
        seconds = time.perf_counter() - began
    journal.close()
    print(json.dumps({"shown": shown, "seconds": seconds}))


asyncio.run(main())
"""
"""Opens a screen by its key (argv[2]: `t` trends, `r` review, `p` practice) on a journal
(argv[1]), `warm` (the charts module already imported, as the app's warm-up does after the first
frame) or `cold` (argv[3]); prints the seconds from the key to the screen on show, and to it
filled (what it reads in a thread is in) and repainted."""
