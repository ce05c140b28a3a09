"""The editor's lines of state: saved or not, and the question the issue was asked."""

from __future__ import annotations

import dataclasses

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static


@dataclasses.dataclass(frozen=True, slots=True)
class QuestionLine:
    """What the editor says of the question an issue was asked: the question linked (its
    text, and "suggested" or "confirmed"), or a quote that matches none of the journal's."""

    text: str = ""
    link: str | None = None
    unmatched: str = ""


class SaveState(Static):
    """saved / saving / not saved, in a word and a colour."""

    DEFAULT_CSS = """
    SaveState { width: auto; padding: 0 1; color: $text-muted; }
    SaveState.-saved { color: $success; }
    SaveState.-unsaved { color: $warning; }
    SaveState.-failed { color: $error; text-style: bold; }
    """

    state: reactive[str] = reactive("idle")

    def show(self, state: str, detail: str = "") -> None:
        self.state = state
        labels = {
            "idle": "",
            "unsaved": "● not saved yet",
            "saving": "… saving",
            "saved": "✓ saved",
            "failed": "✗ not saved",
        }
        text = labels[state] + (f": {detail}" if detail else "")
        self.update(Text(text))
        for name in ("saved", "unsaved", "failed"):
            self.set_class(state == name, f"-{name}")


class QuestionSays(Widget):
    """One line: a few words, the question (cut short with … where the line is too narrow),
    and what follows it, which always shows ("(suggested)", "add it")."""

    DEFAULT_CSS = "QuestionSays { height: 1; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts = ("", "", "")

    def say(self, before: str, question: str, after: str) -> None:
        self.parts = (before, question, after)
        self.refresh()

    @property
    def said(self) -> str:
        """The whole line, uncut."""
        return "".join(self.parts)

    def render(self) -> Text:
        before, question, after = self.parts
        room = self.content_size.width - len(before) - len(after)
        if len(question) > room:
            question = question[: max(room - 1, 0)] + "…"
        return Text(before + question + after, no_wrap=True, overflow="ellipsis")
