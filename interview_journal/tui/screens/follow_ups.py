"""The follow-ups of an interview: what is due, what is done, what is late, and the composer
that writes each one."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...core.compose import Material, kind_label
from ...core.dates import describe_date
from ...core.model import FOLLOW_UP_KINDS, FollowUp, Interview, follow_up_for
from ..widgets.footer import Footer
from ..widgets.status_line import StatusLine, tell
from .composer import ComposerScreen, SaveLetter
from .confirm import ConfirmScreen
from .dialog import Dialog
from .journal_text import title

HINT = (
    "Thank them within a day, ask for feedback, and ask for a second chance only when you have "
    "something new to add."
)
HINT_REJECTED = (
    "They said no: x writes a gracious reply that keeps the door open, and b asks what would "
    "have made you stronger."
)
HINT_OFFER = "An offer: o thanks them for it, r tells your references how it went."


def hint_for(interview: Interview) -> str:
    """What to write next, by how the interview ended."""
    if interview.outcome == "rejected":
        return HINT_REJECTED
    if interview.outcome == "offer":
        return HINT_OFFER
    return HINT


def _day(date: dt.date, today: dt.date) -> str:
    """ "Sat 21 Nov", with the year only when it is not this year's."""
    text = f"{date:%a} {date.day} {date:%b}"
    return text if date.year == today.year else f"{text} {date.year}"


COMPACT_BELOW = 76  # columns: JournalApp's -tiny width, where the list has 54 cells
KIND_WIDTH = max(len(kind_label(kind)) for kind in FOLLOW_UP_KINDS) + 2
"""Every kind's name and a gap: no name runs into its due day ("Thanks for the offerdue")."""


def follow_up_line(follow_up: FollowUp, today: dt.date, *, compact: bool = False) -> Content:
    """One follow-up as one line that fits an 80-column terminal, ✎ when it has a text:
    "○ Thank-you note         due Sat 21 Nov (6 days ago)    overdue         ✎".
    `compact` (a terminal under 76 columns): 54 cells at most, without how long ago:
    "○ Thank-you note         due Sat 21 Nov  overdue ✎"."""
    if compact:
        return _compact_line(follow_up, today)
    parts: list[str | tuple[str, str]] = []
    if follow_up.done is not None:
        parts.append(("✔ ", "$text-success"))
    else:
        parts.append(("○ ", "dim"))
    parts.append((f"{kind_label(follow_up.kind):<{KIND_WIDTH}}", "bold"))
    if follow_up.due is not None:
        due = f"due {_day(follow_up.due, today)} ({describe_date(follow_up.due, today)})"
        parts.append(f"{due:<31}")
    else:
        parts.append((f"{'no due date':<31}", "dim"))
    if follow_up.done is not None:
        parts.append((f"{'done ' + _day(follow_up.done, today):<16}", "$text-success"))
    elif follow_up.overdue(today):
        parts.append((f"{'overdue':<16}", "bold $text-error"))
    else:
        parts.append(" " * 16)
    if follow_up.text.strip():
        parts.append(("✎", "dim"))  # written: the composer opens on the saved text
    return Content.assemble(*parts)


def _compact_line(follow_up: FollowUp, today: dt.date) -> Content:
    done = follow_up.done
    parts: list[str | tuple[str, str]] = [("✔ ", "$text-success") if done else ("○ ", "dim")]
    parts.append((f"{kind_label(follow_up.kind):<{KIND_WIDTH}}", "bold"))
    if follow_up.due is not None:
        parts.append(f"{'due ' + _day(follow_up.due, today):<16}")
    else:
        parts.append((f"{'no due date':<16}", "dim"))
    if done is not None:
        parts.append((f"done {done.day} {done:%b}", "$text-success"))
    elif follow_up.overdue(today):
        parts.append(("overdue", "bold $text-error"))
    if follow_up.text.strip():
        parts.append(("  ✎", "dim"))
    return Content.assemble(*parts)


class FollowUpsScreen(Dialog[None]):
    """Lists the follow-ups of an interview and opens the composer on them.

    `a`, `b`, `s`, `r`, `x`, `o` open the composer on a thank-you, feedback request,
    second-chance request, word to a reference, reply to a rejection or thank-you for an offer:
    on the one of that kind not yet sent when there is one (never a second), else on a new one,
    kept only when the user saves it (escape leaves nothing behind); enter opens it on the
    highlighted one; space marks it done or not; `d` deletes it after asking.
    The screen does no I/O: it tells the screen that opened it what to keep (`Saved`,
    `Deleted`), and that screen stores it and answers with a method call. What the journal
    refuses is shown without losing what the user wrote.
    """

    DEFAULT_CSS = """
    FollowUpsScreen > #dialog {
        width: 90;
    }
    FollowUpsScreen #hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    FollowUpsScreen #follow-ups {
        height: auto;
        max-height: 14;
        background: $panel;
    }
    FollowUpsScreen #no-follow-ups {
        color: $text-muted;
        text-style: italic;
    }
    """

    HELP_TITLE = "Follow-ups"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add('thank-you')", "Thanks", id="follow_ups.add_thank_you"),
        Binding("b", "add('feedback-request')", "Feedback", id="follow_ups.add_feedback"),
        Binding(
            "s", "add('second-chance-request')", "2nd chance", id="follow_ups.add_second_chance"
        ),
        Binding("r", "add('reference')", "Reference", id="follow_ups.add_reference"),
        # The rarer two, hidden from the footer to keep it on one 80-column line: the hint
        # names them when the outcome calls for them, and the help lists them.
        Binding(
            "x",
            "add('rejection-reply')",
            "Reply to a rejection",
            show=False,
            id="follow_ups.add_rejection_reply",
        ),
        Binding(
            "o",
            "add('acceptance')",
            "Thanks for an offer",
            show=False,
            id="follow_ups.add_acceptance",
        ),
        Binding("enter", "open", "Write", priority=True, id="follow_ups.open"),
        Binding("space", "toggle_done", "Done", id="follow_ups.toggle_done"),
        # Rare, and asked about first: in the help, leaving the footer room at 80 columns.
        Binding("d", "delete", "Delete", show=False, id="follow_ups.delete"),
        Binding("escape", "close", "Close", id="follow_ups.close"),
        Binding("j", "cursor_down", "Down", show=False, id="follow_ups.down"),
        Binding("k", "cursor_up", "Up", show=False, id="follow_ups.up"),
    ]

    @dataclass
    class Saved(Message):
        """Store `follow_up` over the version it was loaded from (its `updated`), or as new when
        it was never stored; then answer `saved`, `not_saved` or `changed_elsewhere` with this
        message. `letter`: the composer's text is in it, and must not be lost."""

        dialog: FollowUpsScreen
        follow_up: FollowUp
        letter: bool

        @property
        def control(self) -> FollowUpsScreen:
            return self.dialog

    @dataclass
    class Deleted(Message):
        """Delete `follow_up`, then answer `deleted` (or `not_deleted`)."""

        dialog: FollowUpsScreen
        follow_up: FollowUp

        @property
        def control(self) -> FollowUpsScreen:
            return self.dialog

    def __init__(
        self,
        interview: Interview,
        follow_ups: Sequence[FollowUp],
        material: Material,
        today: dt.date,
        *,
        save_letter: SaveLetter | None = None,
    ) -> None:
        """`save_letter`: handed to the composer, which saves a letter as a file with it."""
        super().__init__()
        self.save_letter = save_letter
        self.interview = interview
        self.follow_ups = list(follow_ups)
        self.material = material  # what the composer's drafts draw on
        self.today = today
        self._compact = False  # the list drawn with the short lines

    def compose(self) -> ComposeResult:
        interview = self.interview
        with Vertical(id="dialog") as dialog:
            dialog.border_title = "Follow-ups"
            dialog.border_subtitle = Content(title(interview))
            yield Static(Content(hint_for(interview)), id="hint")
            yield OptionList(id="follow-ups", compact=True)
            yield Static(
                Content("No follow-ups yet: press a to write a thank-you note."),
                id="no-follow-ups",
            )
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    def on_mount(self) -> None:
        self._refresh_list(highlight=0)

    # -- the list -----------------------------------------------------------------------------

    @property
    def options(self) -> OptionList:
        return self.query_one("#follow-ups", OptionList)

    def _refresh_list(self, highlight: int | None) -> None:
        options = self.options
        # Under 76 columns (the app's -tiny width): the short line, one line each all the same.
        compact = self._compact = self.app.size.width < COMPACT_BELOW
        options.clear_options()
        options.add_options(
            Option(follow_up_line(follow_up, self.today, compact=compact), id=follow_up.uuid)
            for follow_up in self.follow_ups
        )
        options.display = bool(self.follow_ups)
        self.query_one("#no-follow-ups").display = not self.follow_ups
        if self.follow_ups:
            options.highlighted = max(0, min(highlight or 0, len(self.follow_ups) - 1))
            options.focus()
        self.refresh_bindings()

    def on_resize(self, event: events.Resize) -> None:
        if (event.size.width < COMPACT_BELOW) != self._compact:
            self._refresh_list(highlight=self.options.highlighted)

    def _highlighted(self) -> int | None:
        index = self.options.highlighted
        return index if index is not None and index < len(self.follow_ups) else None

    def _index_of(self, uuid: str) -> int | None:
        return next((i for i, f in enumerate(self.follow_ups) if f.uuid == uuid), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open", "toggle_done", "delete") and not self.follow_ups:
            return None  # shown dimmed: nothing to act on yet
        return True

    # -- actions ------------------------------------------------------------------------------

    def action_add(self, kind: str) -> None:
        """The composer on the follow-up of `kind` not yet sent, with what was saved of it;
        without one, on a new one, stored (and listed) when it is saved."""
        waiting = next(
            (i for i, f in enumerate(self.follow_ups) if f.kind == kind and f.done is None), None
        )
        if waiting is not None:
            self.options.highlighted = waiting
            self._open_composer(self.follow_ups[waiting])
            return
        self._open_composer(follow_up_for(self.interview, kind, self.today))

    @on(OptionList.OptionSelected, "#follow-ups")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        index = self._highlighted()
        if index is not None:
            self._open_composer(self.follow_ups[index])

    def _open_composer(self, follow_up: FollowUp, *, unsaved: bool = False, said: str = "") -> None:
        self.app.push_screen(
            ComposerScreen(
                follow_up,
                self.interview,
                self.material,
                today=self.today,
                unsaved=unsaved,
                said=said,
                save_letter=self.save_letter,
            ),
            self._composed,
        )

    def _composed(self, result: FollowUp | None) -> None:
        if result is not None:
            self._save(result, letter=True)

    def _save(self, follow_up: FollowUp, *, letter: bool) -> None:
        kept = dataclasses.replace(follow_up, interview_uuid=self.interview.uuid)
        self.tell_opener(self.Saved(self, kept, letter))

    # -- the answers of the screen that stores them --------------------------------------------

    def saved(self, request: Saved, stored: FollowUp) -> None:
        before = self._index_of(stored.uuid)
        was_done = before is not None and self.follow_ups[before].done is not None
        self._replace(stored)
        if request.letter:
            sent = stored.done is not None and not was_done
            tell(self, "Saved and marked as sent." if sent else "Saved.")

    def not_saved(self, request: Saved, reason: str) -> None:
        """Refused (a read-only journal, say): said; a letter goes back to the composer."""
        if request.letter:  # nothing typed is lost; the reason is said in the composer
            self._open_composer(request.follow_up, unsaved=True, said=f"Not saved: {reason}")
        else:
            tell(self, reason, "error", "Not changed")

    def changed_elsewhere(self, request: Saved, theirs: FollowUp | None) -> None:
        """Changed (or deleted, `theirs` None) in another window since it was loaded here:
        nothing was written. The list shows what the journal holds now; a letter opens again
        in the composer, and saving it again keeps it (over theirs, or as new)."""
        mine = request.follow_up
        if theirs is None:
            self._drop(mine.uuid)
        else:
            self._replace(theirs)
        if not request.letter:  # space again acts on the version shown now
            where = "deleted" if theirs is None else "changed"
            tell(
                self,
                f"It was {where} in another window; it is shown as it is now.",
                "warning",
                "Not changed",
            )
            return
        if theirs is None:
            mine = dataclasses.replace(mine, created="", updated="")
            said = "It was deleted in another window. Save again to keep yours as new."
        else:
            mine = dataclasses.replace(mine, updated=theirs.updated)
            said = (
                "It was changed in another window: the list shows theirs. Save again to "
                "keep yours instead, or escape to keep theirs."
            )
        self._open_composer(mine, unsaved=True, said=f"Not saved: {said}")

    def _drop(self, uuid: str) -> None:
        index = self._index_of(uuid)
        if index is not None:
            del self.follow_ups[index]
            self._refresh_list(highlight=min(index, len(self.follow_ups) - 1))

    def _replace(self, saved: FollowUp) -> None:
        index = self._index_of(saved.uuid)
        if index is None:
            self.follow_ups.append(saved)
            index = len(self.follow_ups) - 1
        else:
            self.follow_ups[index] = saved
        self._refresh_list(highlight=index)

    def action_toggle_done(self) -> None:
        index = self._highlighted()
        if index is None:
            return
        follow_up = self.follow_ups[index]
        self._save(
            dataclasses.replace(follow_up, done=None if follow_up.done else self.today),
            letter=False,
        )

    def action_delete(self) -> None:
        index = self._highlighted()
        if index is None:
            return
        follow_up = self.follow_ups[index]
        question = f"Delete the {kind_label(follow_up.kind).lower()}" + (
            f" due {_day(follow_up.due, self.today)}?" if follow_up.due else "?"
        )

        def delete(yes: bool | None) -> None:
            if yes:
                self.tell_opener(self.Deleted(self, follow_up))

        self.app.push_screen(ConfirmScreen(question), delete)

    def deleted(self, follow_up: FollowUp) -> None:
        position = self._index_of(follow_up.uuid)
        if position is not None:
            del self.follow_ups[position]
            self._refresh_list(highlight=position)

    def not_deleted(self, reason: str) -> None:
        tell(self, reason, "error", "Not deleted")

    def action_cursor_down(self) -> None:
        self.options.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
