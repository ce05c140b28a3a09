"""The brain dump split into issues (issue 14): each of its sentences a draft issue with the
category its words suggest, to keep, merge or drop with the keys. The dialog does no I/O: it is
dismissed with the drafts (the journal screen adds the kept ones in one write) or None."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static

from ...core.model import Interview
from ...core.split import Draft, merge_with_previous, toggled
from ...core.taxonomy import suggest_category
from ...core.text import counted
from ..widgets.footer import Footer
from ..widgets.status_line import StatusLine
from .confirm import close_asking
from .dialog import Dialog
from .journal_text import title

HINT = (
    "Each sentence of your brain dump, as an issue to be. Keep what went wrong, merge what "
    "belongs together, drop the rest. Once added, write beside each in the editor what you "
    "would do instead."
)


class SplitScreen(Dialog[list[Draft] | None]):
    DEFAULT_CSS = """
    SplitScreen > #dialog {
        width: 96;
        height: 90%;
    }
    SplitScreen #hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    SplitScreen #drafts {
        height: 1fr;
    }
    """

    HELP_TITLE = "Split into issues"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "keep", "Keep/drop", id="split.keep"),
        Binding("j", "move('down')", "Down", show=False, id="split.down"),
        Binding("k", "move('up')", "Up", show=False, id="split.up"),
        Binding("m", "merge", "Merge up", id="split.merge"),
        Binding("c", "category", "Category", id="split.category"),
        Binding("ctrl+s", "add", "Add issues", id="split.add"),
        Binding("escape", "close", "Close", id="split.close"),
    ]

    def __init__(self, interview: Interview, drafts: list[Draft], names: Mapping[str, str]) -> None:
        super().__init__()
        self.interview = interview
        self.drafts = drafts
        self.first = list(drafts)
        self.names = names  # category slug -> name

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Split the brain dump into issues"
            dialog.border_subtitle = Content(title(self.interview))
            yield Static(Content(HINT), id="hint")
            yield OptionList(id="drafts")
            yield StatusLine(id="said")
        yield Footer()

    def on_mount(self) -> None:
        super().on_mount()
        self._show(0)
        self.query_one("#drafts", OptionList).focus()

    @property
    def options(self) -> OptionList:
        return self.query_one("#drafts", OptionList)

    def _line(self, draft: Draft) -> Text:
        line = Text("☑ " if draft.keep else "☐ ", style="bold" if draft.keep else "dim")
        line.append(draft.text, style="" if draft.keep else "dim")
        if draft.known:
            line.append("  already an issue", style="dim italic")
        elif draft.praise and not draft.keep:
            line.append("  went well?", style="dim italic")
        category = self.names.get(draft.category, draft.category) if draft.category else None
        line.append(f"  · {category or 'no category yet'}", style="dim")
        return line

    def _show(self, highlight: int) -> None:
        options = self.options
        options.clear_options()
        options.add_options([self._line(draft) for draft in self.drafts])
        if self.drafts:
            options.highlighted = max(0, min(highlight, len(self.drafts) - 1))
        kept = sum(draft.keep for draft in self.drafts)
        self.query_one("#said", StatusLine).say(
            f"{kept} of {counted(len(self.drafts), 'draft')} kept · ctrl+s adds them"
        )

    def _at(self) -> int | None:
        index = self.options.highlighted
        return index if index is not None and 0 <= index < len(self.drafts) else None

    def action_move(self, direction: str) -> None:
        """j and k move in the drafts, as the arrows do."""
        getattr(self.options, f"action_cursor_{direction}")()

    @on(OptionList.OptionSelected, "#drafts")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_keep()  # enter, as space

    def action_keep(self) -> None:
        if (index := self._at()) is not None:
            self.drafts = toggled(self.drafts, index)
            self._show(index)

    def action_merge(self) -> None:
        """The highlighted draft joins the one above it."""
        index = self._at()
        if index is None or index == 0:
            self.query_one("#said", StatusLine).say("Nothing above to merge with.", "warning")
            return
        self.drafts = merge_with_previous(self.drafts, index)
        self._show(index - 1)

    def action_category(self) -> None:
        """No category (sort it later, in the editor), or back to the one its words suggest."""
        if (index := self._at()) is None:
            return
        draft = self.drafts[index]
        category = None if draft.category else suggest_category(draft.text)
        self.drafts[index] = dataclasses.replace(draft, category=category)
        self._show(index)

    def action_add(self) -> None:
        if not any(draft.keep for draft in self.drafts):
            self.query_one("#said", StatusLine).say("None kept: space keeps one.", "warning")
            return
        self.dismiss(self.drafts)

    def action_close(self) -> None:
        close_asking(self, "Close without adding these issues?", edited=self.drafts != self.first)
