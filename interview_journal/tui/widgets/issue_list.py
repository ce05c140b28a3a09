"""The issues of the selected interview: category, the problem in short, a mark once solved."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...core.model import Category, Issue
from ..text import hanging
from ..theme import theme_style

SOLVED_MARK = "✓"
OPEN_MARK = "○"


class IssueList(OptionList):
    """One line per issue; the option ids are the issue uuids."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="issue_list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="issue_list.up"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.issues: list[Issue] = []

    def show(self, issues: list[Issue], categories: dict[str, Category], keep: str | None) -> None:
        """Show `issues`, keeping the highlight on the issue `keep` when it is among them."""
        self.issues = issues
        self.clear_options()
        self.add_options(Option(self._line(issue, categories), id=issue.uuid) for issue in issues)
        uuids = [issue.uuid for issue in issues]
        if issues:
            self.highlighted = uuids.index(keep) if keep in uuids else 0

    @property
    def highlighted_issue(self) -> Issue | None:
        if self.highlighted is None or not 0 <= self.highlighted < len(self.issues):
            return None
        return self.issues[self.highlighted]

    def _line(self, issue: Issue, categories: dict[str, Category]) -> RenderableType:
        """The mark in a column of its own, so that a long problem wraps under its own start
        (a hanging indent), not under the mark."""
        category = categories.get(issue.category or "")
        if issue.solved:
            mark = Text(f"{SOLVED_MARK} ", style=theme_style(self.app, "text-success"))
        else:
            mark = Text(f"{OPEN_MARK} ", style="dim")
        line = Text()
        name = category.name if category else "uncategorised"
        line.append(name if len(name) <= 24 else name[:23] + "…", style="bold")
        line.append(" · ")
        # The first line, and never more than a screen's width of it: a pasted megabyte on one
        # line would otherwise be laid out on every repaint.
        first_line = issue.problem.lstrip()[:300].split("\n", 1)[0]
        line.append(first_line)
        return hanging(mark.plain, mark.style, line)
