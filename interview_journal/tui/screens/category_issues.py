"""The drill-down of trends: one category's issues across interviews, each with the user's own
solution; enter opens the interview in the journal."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.model import Interview, Issue
from ...core.text import counted
from ..text import hanging
from ..theme import theme_style
from ..widgets.footer import Footer


class CategoryIssuesScreen(ModalScreen[tuple[str, str] | None]):
    """The issues of one category across interviews, each with the user's own solution."""

    DEFAULT_CSS = """
    CategoryIssuesScreen { align: center middle; }
    CategoryIssuesScreen > Vertical {
        width: 90%; max-width: 110; height: 80%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    CategoryIssuesScreen OptionList { height: 1fr; border: none; }
    CategoryIssuesScreen #hint { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Close", id="category_issues.close"),
        Binding("j", "cursor_down", "Down", show=False, id="category_issues.down"),
        Binding("k", "cursor_up", "Up", show=False, id="category_issues.up"),
    ]

    def __init__(
        self, name: str, rows: list[tuple[Interview, Issue]], *, total: int | None = None
    ) -> None:
        super().__init__()
        self.category_name = name
        self.rows = rows
        self.total = len(rows) if total is None else max(total, len(rows))

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # A category the user named may look like markup: shown as written.
            shown = counted(self.total, "issue")
            if self.total > len(self.rows):
                shown += f", the latest {len(self.rows)}"
            box.border_title = Content(f"{self.category_name}: {shown}")
            options = []
            solved = theme_style(self.app, "text-success")
            for interview, issue in self.rows:
                heading = Text()
                heading.append(f"{interview.date}  ", style="dim")
                heading.append(interview.company, style="bold")
                solution = " ".join(issue.should_have.split())
                line = Group(
                    heading,
                    hanging("  ✗ ", Style(), Text(" ".join(issue.problem.split()))),
                    hanging(
                        "  ✓ ",
                        solved,
                        Text(solution or "not written yet", style="" if solution else "dim italic"),
                    ),
                )
                options.append(Option(line, id=f"{interview.uuid}/{issue.uuid}"))
            yield OptionList(*options)
            yield Static(
                Text("enter opens the interview in the journal · escape closes"), id="hint"
            )
        yield Footer()

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        interview_uuid, issue_uuid = (event.option.id or "/").split("/")
        self.dismiss((interview_uuid, issue_uuid))
