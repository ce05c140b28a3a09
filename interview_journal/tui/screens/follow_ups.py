"""The follow-ups of an interview: what is due, what is done, what is late."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ...core.dates import describe_date
from ...core.model import FollowUp


def _day(date: dt.date) -> str:
    return f"{date:%a} {date.day} {date:%b %Y}"


def follow_up_line(follow_up: FollowUp, today: dt.date) -> Content:
    """One follow-up as a line: "○ thank-you  due Sat 21 Nov 2026 (6 days ago)  overdue"."""
    parts: list[str | tuple[str, str]] = []
    if follow_up.done is not None:
        parts.append(("✔ ", "$text-success"))
    else:
        parts.append(("○ ", "dim"))
    parts.append((f"{follow_up.kind:<22}", "bold"))
    if follow_up.due is not None:
        due = f"due {_day(follow_up.due)} ({describe_date(follow_up.due, today)})"
        parts.append(f"{due:<34}")
    else:
        parts.append((f"{'no due date':<34}", "dim"))
    if follow_up.done is not None:
        parts.append(("  done " + _day(follow_up.done), "$text-success"))
    elif follow_up.overdue(today):
        parts.append(("  overdue", "bold $text-error"))
    return Content.assemble(*parts)


class FollowUpsScreen(ModalScreen[None]):
    """Lists the follow-ups; `a` adds a thank-you, space marks the highlighted one done or not.

    The screen does no I/O: `add_thank_you()` stores a new thank-you follow-up and returns it
    (its dates are the caller's choice), `toggle_done(uuid)` flips one and returns it updated.
    """

    DEFAULT_CSS = """
    FollowUpsScreen {
        align: center middle;
    }
    FollowUpsScreen > #dialog {
        width: 84;
        max-width: 100%;
        height: auto;
        max-height: 90%;
        padding: 1 2;
        background: $panel;
        border: round $primary;
        border-title-color: $primary;
        border-title-style: bold;
        border-subtitle-color: $text-muted;
    }
    FollowUpsScreen #follow-ups {
        height: auto;
        max-height: 14;
        background: $panel;
    }
    FollowUpsScreen #no-follow-ups {
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_thank_you", "Add thank-you", id="follow_ups.add_thank_you"),
        Binding("space", "toggle_done", "Done / not done", id="follow_ups.toggle_done"),
        Binding("escape", "close", "Close", id="follow_ups.close"),
        Binding("j", "cursor_down", "Down", show=False, id="follow_ups.down"),
        Binding("k", "cursor_up", "Up", show=False, id="follow_ups.up"),
    ]

    def __init__(
        self,
        interview_title: str,
        follow_ups: list[FollowUp],
        today: dt.date,
        add_thank_you: Callable[[], FollowUp],
        toggle_done: Callable[[str], FollowUp],
    ) -> None:
        super().__init__()
        self.interview_title = interview_title
        self.follow_ups = list(follow_ups)
        self.today = today
        self._add_thank_you = add_thank_you
        self._toggle_done = toggle_done

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Follow-ups"
            dialog.border_subtitle = Content(self.interview_title)
            yield OptionList(id="follow-ups", compact=True)
            yield Static(
                Content(
                    "No follow-ups yet. A short thank-you within a day keeps the door open: "
                    "press a to add one."
                ),
                id="no-follow-ups",
            )
        yield Footer()

    def on_mount(self) -> None:
        self._refresh_list(highlight=0)

    def _refresh_list(self, highlight: int | None) -> None:
        options = self.query_one("#follow-ups", OptionList)
        options.clear_options()
        options.add_options(
            Option(follow_up_line(follow_up, self.today), id=follow_up.uuid)
            for follow_up in self.follow_ups
        )
        options.display = bool(self.follow_ups)
        self.query_one("#no-follow-ups").display = not self.follow_ups
        if self.follow_ups:
            options.highlighted = max(0, min(highlight or 0, len(self.follow_ups) - 1))
            options.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_done" and not self.follow_ups:
            return None  # shown dimmed: nothing to mark yet
        return True

    def _highlighted(self) -> int | None:
        index = self.query_one("#follow-ups", OptionList).highlighted
        return index if index is not None and index < len(self.follow_ups) else None

    def action_add_thank_you(self) -> None:
        try:
            follow_up = self._add_thank_you()
        except Exception as error:  # the callable's message is for the user
            self.notify(str(error), title="Not added", severity="error", markup=False)
            return
        self.follow_ups.append(follow_up)
        self._refresh_list(highlight=len(self.follow_ups) - 1)
        self.refresh_bindings()

    def action_toggle_done(self) -> None:
        index = self._highlighted()
        if index is None:
            return
        try:
            updated = self._toggle_done(self.follow_ups[index].uuid)
        except Exception as error:
            self.notify(str(error), title="Not changed", severity="error", markup=False)
            return
        self.follow_ups[index] = updated
        self._refresh_list(highlight=index)

    def action_cursor_down(self) -> None:
        self.query_one("#follow-ups", OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#follow-ups", OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
