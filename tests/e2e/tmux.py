"""Drive a real program in a real terminal: a detached tmux session on a private server.

Each `Terminal` starts its own tmux server (`tmux -L <unique name>`, no user config), runs the
program directly in the pane (no shell in between, so the pane's pid is the program's), and kills
the server when it is done, whatever happened. The pane stays on screen after the program exits
(`remain-on-exit`), so a test can still read its last screen and its exit status.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

# Friendly key names (Textual's spelling) to tmux's; anything else is passed through as it is.
_KEYS = {
    "escape": "Escape",
    "tab": "Tab",
    "shift+tab": "BTab",
    "enter": "Enter",
    "backspace": "BSpace",
    "delete": "DC",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "space": "Space",
}

_CONFIG = """\
set -g remain-on-exit on
set -g default-terminal xterm-256color
set -g escape-time 0
set -g status off
set -g history-limit 0
"""


class TerminalTimeout(AssertionError):
    """What a test waited for did not show up in time; the message holds the last screen."""


def tmux_available() -> bool:
    return shutil.which("tmux") is not None


def _tmux_key(key: str) -> str:
    if key in _KEYS:
        return _KEYS[key]
    if key.startswith("ctrl+") and len(key) == len("ctrl+") + 1:
        return "C-" + key[-1]
    return key


class Terminal:
    """One program in a fixed-size terminal. Use it as a context manager."""

    def __init__(
        self,
        argv: Sequence[str | os.PathLike[str]],
        *,
        home: Path,
        env: Mapping[str, str] | None = None,
        width: int = 120,
        height: int = 36,
    ) -> None:
        self.argv = [str(arg) for arg in argv]
        self.width = width
        self.height = height
        self.socket = f"ij-e2e-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.home = home
        self.env = self._environment(home, env or {})
        self._started = False

    # -- starting and stopping -------------------------------------------------------------------

    @staticmethod
    def _environment(home: Path, extra: Mapping[str, str]) -> dict[str, str]:
        """A clean environment: the user's own folders, config and journal never leak in."""
        for name in ("home", "config", "data", "state", "cache", "runtime"):
            (home / name).mkdir(mode=0o700, parents=True, exist_ok=True)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home / "home"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home / "runtime"),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }
        env.update(extra)
        return env

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-u", "-L", self.socket, *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=check,
            timeout=10,
        )

    def start(self) -> Terminal:
        """Start the server and the program (once: starting again does nothing)."""
        if self._started:
            return self
        config = self.home / "tmux.conf"
        config.write_text(_CONFIG)
        # `-e` as well as the server's environment: a pane gets the server's global
        # environment, and tmux adds a few of its own; these win.
        env_flags = [
            flag
            for name in ("HOME", "TERM", "LANG", "LC_ALL")
            for flag in ("-e", f"{name}={self.env[name]}")
        ]
        self._started = True  # from here on, kill() has a server to clean up
        result = subprocess.run(
            [
                "tmux",
                "-u",
                "-L",
                self.socket,
                "-f",
                str(config),
                "new-session",
                "-d",
                "-s",
                "main",
                "-x",
                str(self.width),
                "-y",
                str(self.height),
                *env_flags,
                "--",
                *self.argv,
            ],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=10,
        )
        if result.returncode != 0:
            self.kill()
            raise RuntimeError(f"tmux could not start {self.argv[0]}: {result.stderr.strip()}")
        return self

    def kill(self) -> None:
        """Kill the tmux server and with it the program, if it is still running."""
        if not self._started:
            return
        self._started = False
        socket_path = self._tmux("display-message", "-p", "#{socket_path}", check=False).stdout
        subprocess.run(
            ["tmux", "-L", self.socket, "kill-server"],
            env=self.env,
            capture_output=True,
            timeout=10,
            check=False,
        )
        # kill-server leaves its socket file behind.
        if socket_path.strip():
            Path(socket_path.strip()).unlink(missing_ok=True)

    def __enter__(self) -> Terminal:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.kill()

    # -- talking to the program ------------------------------------------------------------------

    def send(self, *keys: str) -> None:
        """Press keys: `"tab"`, `"escape"`, `"ctrl+s"`, or tmux's own names (`"C-u"`)."""
        self._tmux("send-keys", "-t", "main", *[_tmux_key(key) for key in keys])

    def type(self, text: str) -> None:
        """Type text literally: brackets, emoji and all (`send-keys -l`)."""
        self._tmux("send-keys", "-t", "main", "-l", text)

    def screen(self) -> str:
        """What the terminal shows now, as plain text."""
        return self._tmux("capture-pane", "-p", "-t", "main").stdout

    def styled_screen(self) -> str:
        """What the terminal shows now, colours and styles included (a moved highlight shows
        only in these)."""
        return self._tmux("capture-pane", "-p", "-e", "-t", "main").stdout

    def _pane(self, fmt: str) -> str:
        return self._tmux("display-message", "-p", "-t", "main", fmt).stdout.strip()

    def pid(self) -> int:
        """The program's pid: it runs directly in the pane, so it is the pane's pid."""
        return int(self._pane("#{pane_pid}"))

    def cursor(self) -> tuple[int, int]:
        """Where the terminal's cursor is (column, row), counted from 0. Textual puts it in the
        focused text field, so it tells which field the next key goes to."""
        x, y = self._pane("#{cursor_x} #{cursor_y}").split()
        return int(x), int(y)

    def alive(self) -> bool:
        if not self._started:
            return False
        result = self._tmux("display-message", "-p", "-t", "main", "#{pane_dead}", check=False)
        return result.returncode == 0 and result.stdout.strip() == "0"

    def exit_status(self) -> int | None:
        """The program's exit status once it has ended (minus the signal if a signal ended it,
        as `subprocess` does); None while it runs, or when tmux did not learn the status.

        tmux learns the status a moment after the pane closes, so this waits for it briefly;
        when the pane's end and the program's exit race, tmux 3.3 sometimes never records it.
        """
        deadline = time.monotonic() + 2.0
        while not self.alive():
            status, signal = self._pane("#{pane_dead_status}|#{pane_dead_signal}").split("|")
            if status:
                return int(status)
            if signal:
                return -int(signal)
            if time.monotonic() > deadline:
                return None
            time.sleep(0.02)
        return None

    # -- waiting -----------------------------------------------------------------------------

    def wait_until(
        self,
        check: Callable[[str, tuple[int, int]], bool],
        what: str,
        timeout: float = 10.0,
    ) -> str:
        """Poll until `check(screen, cursor)` holds; return that screen. `what` names it for
        the message when it never does."""
        deadline = time.monotonic() + timeout
        while True:
            screen, cursor = self.screen(), self.cursor()
            if check(screen, cursor):
                return screen
            if time.monotonic() > deadline:
                raise TerminalTimeout(
                    f"{what}: not so after {timeout} s (cursor at {cursor}). The screen:\n{screen}"
                )
            time.sleep(0.05)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        """Poll the screen until `text` shows; return that screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise TerminalTimeout(
                    f"{text!r} did not show in {timeout} s. The screen:\n{screen}"
                )
            time.sleep(0.05)

    def wait_gone(self, text: str, timeout: float = 10.0) -> str:
        """Poll the screen until `text` no longer shows; return that screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text not in screen:
                return screen
            if time.monotonic() > deadline:
                raise TerminalTimeout(f"{text!r} still shows after {timeout} s:\n{screen}")
            time.sleep(0.05)

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """Wait for the program to end; return its exit status (None if tmux missed it)."""
        deadline = time.monotonic() + timeout
        while self.alive():
            if time.monotonic() > deadline:
                raise TerminalTimeout(
                    f"the program still runs after {timeout} s. The screen:\n{self.screen()}"
                )
            time.sleep(0.05)
        return self.exit_status()
