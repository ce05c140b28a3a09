"""The keys of the screen, in one line at the bottom: Textual's footer, drawn by one widget.

Textual's `Footer` is a container of one widget per key, composed again after each change of the
bindings. On the journal screen its thirteen keys were half of the time to the first frame
(55 ms of 108 on the start-up probe). This footer looks the same (the same theme variables, the
same spacing, dimmed keys that cannot act now, the command palette's key on the right), paints one
line, and repaints only when the shown keys change. A click on a key presses it, as in Textual's.

When the keys do not fit the width, they are drawn closer together, then the ones at the end give
way, save quit, help and escape: in an 80-column terminal `q` and `?` are always there to press,
and `?` lists what gave way.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

SEPARATOR = "▏"
ELIDED = "… "
ESSENTIAL_ACTIONS = frozenset({"quit", "help"})
"""Keys never left out when the line is too short, with escape (the way back)."""


class Key(NamedTuple):
    """One key as the footer shows it."""

    key: str
    display: str
    description: str
    enabled: bool
    essential: bool = False

    def width(self, pad: str) -> int:
        """Cells the key takes, drawn with `pad` before it."""
        return (
            len(pad)
            + len(self.display)
            + 1
            + (len(self.description) + 1 if self.description else 0)
        )


class Footer(Widget, can_focus=False):
    """One line of key hints for the current screen and focus."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer--key", "footer--description", "footer--separator"}
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        width: 1fr;
        background: $footer-background;
        color: $footer-foreground;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._drawn: tuple[tuple[Key, ...], Key | None] | None = None
        self._spans: list[tuple[int, int, Key]] = []  # where each key was drawn, for clicks

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and self._shown() != self._drawn:
            self.refresh()

    def _shown(self) -> tuple[tuple[Key, ...], Key | None]:
        """The keys to show, as Textual's footer picks them (one per action, in binding order),
        and the command palette's key apart."""
        app = self.app
        palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        keys: dict[str, Key] = {}
        palette: Key | None = None
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            essential = binding.action in ESSENTIAL_ACTIONS or binding.key == "escape"
            shown = Key(
                binding.key,
                app.get_key_display(binding),
                binding.description,
                active.enabled,
                essential,
            )
            if key == palette_key:
                palette = shown
            elif binding.show:
                keys.setdefault(binding.action, shown)
        return tuple(keys.values()), palette

    @property
    def keys(self) -> list[Key]:
        """The keys shown now, the command palette's last."""
        keys, palette = self._shown()
        return [*keys, *([palette] if palette else [])]

    def render(self) -> Text:
        self._drawn = keys, palette = self._shown()
        key_style = self.get_component_rich_style("footer--key")
        description_style = self.get_component_rich_style("footer--description")
        dim = Style(dim=True)
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []

        def add(key: Key, pad: str = " ") -> None:
            start = line.cell_len
            extra = Style() if key.enabled else dim
            line.append(f"{pad}{key.display} ", key_style + extra)
            if key.description:
                line.append(f"{key.description} ", description_style + extra)
            self._spans.append((start, line.cell_len, key))

        palette_label = f"{palette.display} {palette.description} " if palette else ""
        room = self.size.width - (len(SEPARATOR) + len(palette_label) if palette else 0)
        pad, shown = fit(keys, room)
        for key in shown:
            if key is None:
                line.append(ELIDED, description_style)
            else:
                add(key, pad)
        if palette is not None:  # on the right
            room = max(0, room)
            line.truncate(room, overflow="crop", pad=True)
            self._spans = [(start, min(end, room), key) for start, end, key in self._spans]
            line.append(SEPARATOR, self.get_component_rich_style("footer--separator"))
            add(palette, pad="")
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return


def fit(keys: tuple[Key, ...], room: int) -> tuple[str, list[Key | None]]:
    """The padding before each key, and the keys to draw in `room` cells (None where some gave
    way): all of them spaced as Textual's footer spaces them if they fit, else closer together,
    else the last ones that are not essential left out, one at a time, and the essential ones
    put last."""
    for pad in (" ", ""):
        if sum(key.width(pad) for key in keys) <= room:
            return pad, list(keys)
    kept = list(keys)
    while kept and sum(key.width("") for key in kept) + len(ELIDED) > room:
        droppable = [at for at, key in enumerate(kept) if not key.essential]
        if not droppable:
            break
        del kept[droppable[-1]]
    # What gave way is marked once, before the essential keys that always close the line.
    return "", [
        *(key for key in kept if not key.essential),
        None,
        *(key for key in kept if key.essential),
    ]
