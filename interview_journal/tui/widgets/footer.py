"""Textual's footer, rebuilt only when the keys it shows change.

Textual's `Footer` composes one widget per key again after every change of the bindings: each
focus move, each `refresh_bindings()`. On the journal screen that was five rebuilds of about ten
keys before the first frame (a sixth of the start-up time), most of them showing the very same keys.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

Shown = tuple[tuple[str, str, str, bool, str], ...]


class Footer(TextualFooter):
    """A `Footer` that skips the rebuild when the shown keys, their labels and states are the
    same as last time."""

    _shown: Shown | None = None

    def _keys_shown(self) -> Shown:
        palette = self.app.COMMAND_PALETTE_BINDING if self.show_command_palette else None
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for key, (_node, binding, enabled, tooltip) in self.screen.active_bindings.items()
            if binding.show or key == palette
        )

    def compose(self) -> ComposeResult:
        self._shown = self._keys_shown() if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._keys_shown() != self._shown:
            await self.recompose()
