"""The checklist for the interview's stage, ticked with the keys (issue 14): an OptionList of
"☐ item" lines, space or enter ticking the highlighted one ("☑"); a tick is said upwards
(`Ticked`) for the screen to keep. An OptionList rather than a SelectionList: its long items
wrap (a SelectionList's checkbox breaks when they do), and the mark reads without colour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

from ...core.checklists import StageCheck


class StageChecklist(OptionList):
    """Space or enter ticks the highlighted item, or unticks it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", id="checklist.tick"),
    ]

    class Ticked(Message):
        """The user ticked or unticked an item: `keys` are those ticked now, in list order."""

        def __init__(self, keys: list[str]) -> None:
            super().__init__()
            self.keys = keys

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual's name)
        super().__init__(id=id)
        self.checks: list[StageCheck] = []
        self.done: set[str] = set()

    def show(self, checks: Sequence[StageCheck]) -> None:
        """List `checks` as they are kept (what is shown is not a change of the user's)."""
        self.checks = list(checks)
        self.done = {check.key for check in checks if check.done}
        highlighted = self.highlighted
        self.clear_options()
        self.add_options([self._prompt(check) for check in self.checks])
        if self.checks:
            self.highlighted = min(highlighted or 0, len(self.checks) - 1)
        self.display = bool(checks)

    def action_tick(self) -> None:
        index = self.highlighted
        if index is None or not 0 <= index < len(self.checks):
            return
        check = self.checks[index]
        self.done ^= {check.key}
        self.replace_option_prompt_at_index(index, self._prompt(check))
        self.post_message(self.Ticked([c.key for c in self.checks if c.key in self.done]))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Enter ticks, as space does."""
        event.stop()
        self.action_tick()

    def _prompt(self, check: StageCheck) -> Text:
        """The item's words as written (a company's name is never read as markup)."""
        done = check.key in self.done
        prompt = Text("☑ " if done else "☐ ", style="bold" if done else "")
        prompt.append(check.text, style="dim" if done else "")
        if check.avoidable:
            prompt.append("  (avoidable)", style="dim")
        return prompt
