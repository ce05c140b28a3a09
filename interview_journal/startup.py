"""The cyclic garbage collector during start-up.

Starting the program builds a few hundred thousand objects that live as long as it does: modules,
classes, styles, widgets. Python's collector walks all of them again and again while they are
being built (a fifth of the app's first frame here) and frees nothing. So the program starts with
the collector off, and turns it back on once start-up is over, with what start-up built set aside
(`gc.freeze`) so that later collections never walk it.
"""

from __future__ import annotations

import gc


def begin() -> None:
    gc.disable()


def end() -> None:
    """Start-up is over. Does nothing if it was not begun here (tests, a library user)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
