"""The system's clipboard tools, for a letter the user will paste into their mail.

The terminal's own way to copy (OSC 52) is silently ignored by some (tmux, unless its
`set-clipboard` is on), so the app cannot know it worked. A clipboard tool can say so: it exits
0 once it holds the text. Which one is there depends on the system: `wl-copy` under Wayland,
`xclip` or `xsel` under X, `pbcopy` on macOS, `clip.exe` on Windows' Linux (WSL).

No Textual here: the app runs `copy` in a thread, and tests give it a PATH of their own.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass

TIMEOUT = 3.0  # seconds a tool may take; one that hangs is taken as not having copied


@dataclass(frozen=True)
class Tool:
    """A clipboard tool: the command that takes the text on its standard input."""

    command: tuple[str, ...]
    encoding: str = "utf-8"

    @property
    def name(self) -> str:
        return self.command[0]


def _candidates(env: Mapping[str, str]) -> list[Tool]:
    """The tools worth trying on this system, the likeliest first."""
    tools: list[Tool] = []
    if env.get("WAYLAND_DISPLAY"):
        tools.append(Tool(("wl-copy",)))
    if env.get("DISPLAY"):
        tools.append(Tool(("xclip", "-selection", "clipboard")))
        tools.append(Tool(("xsel", "--clipboard", "--input")))
    # These two exist only where they work (macOS; Windows and WSL), so being found is enough.
    tools.append(Tool(("pbcopy",)))
    # Windows' clip reads UTF-16 with its byte-order mark; UTF-8 would garble accents.
    tools.append(Tool(("clip.exe",), encoding="utf-16"))
    return tools


def clipboard_tools(env: Mapping[str, str] | None = None) -> list[Tool]:
    """The clipboard tools present on this system (found on `env`'s PATH), in the order to try."""
    env = os.environ if env is None else env
    path = env.get("PATH", "")
    found = []
    for tool in _candidates(env):
        where = shutil.which(tool.name, path=path)
        if where:
            found.append(Tool((where, *tool.command[1:]), tool.encoding))
    return found


def copy(text: str, env: Mapping[str, str] | None = None, timeout: float = TIMEOUT) -> str | None:
    """Give `text` to the first clipboard tool that takes it; the tool's name, or None when no
    tool is there or none exited 0 in time. Blocks for as long as the tool takes: call it from
    a thread."""
    env = os.environ if env is None else env
    for tool in clipboard_tools(env):
        try:
            done = subprocess.run(
                tool.command,
                input=text.encode(tool.encoding),
                # Not captured: xclip and wl-copy leave a child holding the text, and a pipe it
                # inherited would keep this call waiting for it.
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=dict(env),
                timeout=timeout,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return os.path.basename(tool.name)
    return None
