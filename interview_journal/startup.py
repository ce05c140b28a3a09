"""Start-up: the cyclic garbage collector, and how soon the frame reaches the terminal.

Starting the program builds a few hundred thousand objects that live as long as it does: modules,
classes, styles, widgets. Python's collector walks all of them again and again while they are
being built (a fifth of the app's first frame here) and frees nothing. So the program starts with
the collector off, and turns it back on once start-up is over, with what start-up built set aside
(`gc.freeze`) so that later collections never walk it.

Textual hands each frame to a thread of its own, which writes it to the terminal. That thread
needs the interpreter's lock, and while the app goes on laying out and styling (as it does right
after the first frame) it waited up to Python's switch interval, 5 ms, for each step of a write.
During start-up the interval is 0.5 ms, so the first frame is on the screen that much sooner
(13 ms sooner in tmux, measured against the same code without it); it is set back after.
"""

from __future__ import annotations

import gc
import sys

STARTING_SWITCH_INTERVAL = 0.0005  # seconds
_switch_interval = sys.getswitchinterval()


def begin() -> None:
    gc.disable()
    sys.setswitchinterval(STARTING_SWITCH_INTERVAL)


def end() -> None:
    """Start-up is over. Does nothing if it was not begun here (tests, a library user)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
        sys.setswitchinterval(_switch_interval)
