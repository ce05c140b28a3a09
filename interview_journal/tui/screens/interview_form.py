"""The interview form: capture a new interview, or edit one.

The form never touches the journal. Save posts the checked interview to the screen that opened
the form (`InterviewForm.Submitted`); that screen stores it and answers: `saved` closes the form
with the interview as stored, `not_saved` and `conflicted` keep it open with everything typed.
Nothing half-valid ever leaves the form.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, SelectionList, Static, TextArea

from ...core.dates import DateParseError, describe_when, format_date, format_time, parse_when
from ...core.model import (
    FEELINGS,
    NEGATIVE_FEELINGS,
    OUTCOMES,
    RATINGS,
    STAGES,
    Interview,
)
from ...core.validate import InvalidValue, prepare_interview
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from ..widgets.status_line import StatusLine
from .confirm import ConfirmScreen
from .dialog import Dialog

FIELDS = (
    "company",
    "role",
    "date",
    "stage",
    "interviewers",
    "outcome",
    "rating",
    "feelings",
    "notes",
)
"""The fields, in the order tab walks through them."""

LABELS = {
    "company": "Company",
    "role": "Role",
    "date": "Date",
    "stage": "Stage",
    "interviewers": "Interviewers",
    "outcome": "Outcome",
    "rating": "Rating",
    "feelings": "Feelings",
    "notes": "Notes",
}

# The fields after which a blank line separates one group of the form from the next.
_GROUP_ENDS = {"date", "rating", "feelings", "notes"}

# Validation names a few things differently from the form: a time is typed in the date field.
_FIELD_OF = {"time": "date"}


def _split_names(text: str) -> list[str]:
    return [name.strip() for name in text.split(",") if name.strip()]


class InterviewForm(Dialog[Interview | None]):
    """A new interview (`interview=None`) or an edit of one, returned checked and cleaned."""

    DEFAULT_CSS = """
    InterviewForm > #dialog {
        width: 80;
        max-height: 100%;
        padding: 1 2 0 2;
        scrollbar-size-vertical: 1;
    }
    InterviewForm .field {
        height: auto;
    }
    InterviewForm .field.-last-of-group {
        margin-bottom: 1;
    }
    InterviewForm .field-label {
        width: 14;
        color: $text-muted;
    }
    /* The row itself must match :focus-within for Textual to restyle its label on focus. */
    InterviewForm .field:focus-within {
        background: $boost;
    }
    InterviewForm .field:focus-within > .field-label {
        color: $accent;
        text-style: bold;
    }
    InterviewForm .field-body {
        width: 1fr;
        height: auto;
    }
    InterviewForm .field-body > Input, InterviewForm .field-body > Select {
        width: 1fr;
    }
    InterviewForm #stage, InterviewForm #outcome, InterviewForm #rating {
        width: 24;
    }
    InterviewForm #feelings {
        height: auto;
        max-height: 8;
        background: $surface;
    }
    InterviewForm #notes {
        height: 6;
    }
    InterviewForm .hint {
        color: $text-muted;
    }
    InterviewForm .error {
        color: $text-error;
    }
    InterviewForm .field-error {
        display: none;
    }
    InterviewForm .field-error.-shown {
        display: block;
    }
    InterviewForm #buttons {
        height: auto;
        align-horizontal: right;
        margin-bottom: 1;
    }
    InterviewForm #buttons Button {
        margin-left: 2;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
    ]

    @dataclass
    class Submitted(Message):
        """The user saved: store `interview` (a new one, or over the version it carries), then
        answer the form with `saved`, `not_saved` or `conflicted`."""

        form: InterviewForm
        interview: Interview

        @property
        def control(self) -> InterviewForm:
            return self.form

    def __init__(
        self, interview: Interview | None = None, *, today: dt.date, dayfirst: bool = True
    ) -> None:
        super().__init__()
        self.interview = interview
        self.today = today
        self.dayfirst = dayfirst
        self._initial: tuple[object, ...] | None = None

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        interview = self.interview
        if interview is None:
            date_text = "today"
        else:
            date_text = format_date(interview.date)
            if interview.time is not None:
                date_text += " " + format_time(interview.time)
        with VerticalScroll(id="dialog") as dialog:
            dialog.border_title = "New interview" if interview is None else "Edit interview"
            yield self._field(
                "company",
                LineInput(
                    interview.company if interview else "",
                    placeholder="Who was it with?",
                    id="company",
                    compact=True,
                ),
            )
            yield self._field(
                "role",
                LineInput(
                    interview.role if interview else "",
                    placeholder="The job you interviewed for",
                    id="role",
                    compact=True,
                ),
            )
            yield self._field(
                "date",
                LineInput(
                    date_text,
                    placeholder="today, 3 days ago, last friday, next tue 14:00, Nov 20",
                    id="date",
                    compact=True,
                ),
                hint=Static("", id="date-hint", classes="hint"),
            )
            yield self._field(
                "stage",
                Select(
                    [(stage, stage) for stage in STAGES],
                    allow_blank=False,
                    value=interview.stage if interview else "other",
                    id="stage",
                    compact=True,
                ),
            )
            yield self._field(
                "interviewers",
                LineInput(
                    ", ".join(interview.interviewers) if interview else "",
                    placeholder="Names, separated by commas",
                    joiner=", ",
                    id="interviewers",
                    compact=True,
                ),
            )
            yield self._field(
                "outcome",
                Select(
                    [(outcome, outcome) for outcome in OUTCOMES],
                    allow_blank=False,
                    value=interview.outcome if interview else "pending",
                    id="outcome",
                    compact=True,
                ),
            )
            rating = interview.rating if interview else None
            yield self._field(
                "rating",
                Select(
                    [(f"{n} of 5", n) for n in RATINGS],
                    prompt="none",
                    allow_blank=True,
                    value=Select.NULL if rating is None else rating,
                    id="rating",
                    compact=True,
                ),
            )
            chosen = set(interview.feelings) if interview else set()
            yield self._field(
                "feelings",
                SelectionList[str](
                    *(
                        (
                            Content(feeling)
                            if feeling in NEGATIVE_FEELINGS
                            else Content.assemble(feeling, ("  (positive)", "$text-success")),
                            feeling,
                            feeling in chosen,
                        )
                        for feeling in FEELINGS
                    ),
                    id="feelings",
                    compact=True,
                ),
            )
            yield self._field(
                "notes",
                TextArea(
                    interview.notes if interview else "",
                    soft_wrap=True,
                    tab_behavior="focus",
                    placeholder="The brain dump: everything you remember, while it is fresh.",
                    id="notes",
                    compact=True,
                ),
            )
            with Horizontal(id="buttons"):
                yield Button(Content("Cancel"), id="cancel", compact=True)
                yield Button(Content("Save"), id="save", variant="primary", compact=True)
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    @staticmethod
    def _field(name: str, widget: Widget, *, hint: Static | None = None) -> Horizontal:
        """A labelled row: the label, the widget, and below it a hint or a hidden error line."""
        below = hint or Static("", id=f"{name}-error", classes="field-error error")
        return Horizontal(
            Label(LABELS[name], classes="field-label"),
            Vertical(widget, below, classes="field-body"),
            classes="field -last-of-group" if name in _GROUP_ENDS else "field",
            id=f"{name}-field",
        )

    def on_mount(self) -> None:
        self._update_date_hint()
        self.query_one("#company", Input).focus()
        # Taken once every widget holds its starting value, to tell whether anything was typed.
        self.call_after_refresh(self._remember_initial)

    def _remember_initial(self) -> None:
        self._initial = self._snapshot()

    # -- reading the widgets -----------------------------------------------------------------

    def _input(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self._input("company"),
            self._input("role"),
            self._input("date"),
            self.query_one("#stage", Select).value,
            self._input("interviewers"),
            self.query_one("#outcome", Select).value,
            self.query_one("#rating", Select).value,
            tuple(sorted(self.query_one("#feelings", SelectionList).selected)),
            self.query_one("#notes", TextArea).text,
        )

    @property
    def changed(self) -> bool:
        """Whether the user has changed anything since the form opened."""
        return self._initial is not None and self._snapshot() != self._initial

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return self.changed

    # -- live feedback -----------------------------------------------------------------------

    def _update_date_hint(self) -> None:
        hint = self.query_one("#date-hint", Static)
        try:
            when = parse_when(self._input("date"), today=self.today, dayfirst=self.dayfirst)
        except DateParseError as error:
            hint.update(Content(str(error)))
            hint.set_class(True, "error")
            return
        hint.update(Content(describe_when(when.date, when.time, self.today)))
        hint.set_class(False, "error")

    @on(Input.Changed, "#date")
    def _date_changed(self) -> None:
        self._update_date_hint()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(TextArea.Changed)
    def _field_changed(
        self,
        event: Input.Changed | Select.Changed | SelectionList.SelectedChanged | TextArea.Changed,
    ) -> None:
        """Editing a field clears the complaint about it."""
        name = event.control.id if event.control is not None else None
        if name is not None and name in FIELDS and name != "date":
            self._clear_error(name)

    def _show_error(self, name: str, message: str) -> None:
        """The message beside the field, and the cursor in it."""
        name = _FIELD_OF.get(name, name)
        if name == "date":
            hint = self.query_one("#date-hint", Static)
            hint.update(Content(message))
            hint.set_class(True, "error")
        else:
            error = self.query_one(f"#{name}-error", Static)
            error.update(Content(message))
            error.add_class("-shown")
        widget = self.query_one(f"#{name}")
        widget.focus()
        self.call_after_refresh(widget.scroll_visible)

    def _clear_error(self, name: str) -> None:
        self.query_one(f"#{name}-error", Static).remove_class("-shown")

    # -- the result --------------------------------------------------------------------------

    def _build(self) -> Interview | None:
        """The interview the form describes, checked; None after showing what is wrong."""
        company = self._input("company")
        if not company.strip():
            self._show_error("company", "Company is required: who was the interview with?")
            return None
        try:
            when = parse_when(self._input("date"), today=self.today, dayfirst=self.dayfirst)
        except DateParseError as error:
            self._show_error("date", str(error))
            return None
        rating = self.query_one("#rating", Select).value
        selected = set(self.query_one("#feelings", SelectionList).selected)
        candidate = Interview(
            company=company,
            role=self._input("role"),
            date=when.date,
            time=when.time,
            stage=str(self.query_one("#stage", Select).value),
            interviewers=_split_names(self._input("interviewers")),
            outcome=str(self.query_one("#outcome", Select).value),
            rating=rating if isinstance(rating, int) else None,
            feelings=[feeling for feeling in FEELINGS if feeling in selected],
            notes=self.query_one("#notes", TextArea).text,
        )
        if self.interview is not None:  # an edit: the same interview, still closed or open
            original = self.interview
            candidate = replace(
                candidate,
                uuid=original.uuid,
                created=original.created,
                updated=original.updated,
                closed=original.closed,
            )
        try:
            return prepare_interview(candidate)
        except InvalidValue as invalid:
            name = _FIELD_OF.get(invalid.field.split("[")[0], invalid.field.split("[")[0])
            if name not in FIELDS:  # not a field of the form: say so rather than hide it
                self._say(f"Not saved: {invalid}")
                return None
            self._show_error(name, f"{LABELS[name]} {invalid.message}.")
            return None

    def action_save(self) -> None:
        interview = self._build()
        if interview is not None:
            self.tell_opener(self.Submitted(self, interview))

    # -- the answers of the screen that stores the interview ---------------------------------

    def saved(self, interview: Interview) -> None:
        """Stored: the form closes with the interview as the journal holds it."""
        self.dismiss(interview)

    def not_saved(self, reason: str) -> None:
        """Refused (a read-only or locked journal): said, and the form stays as it is."""
        self._say(f"Not saved: {reason}")

    def _say(self, text: str) -> None:
        """Below the buttons, scrolled into view: a toast would cover the fields."""
        line = self.query_one("#said", StatusLine)
        line.say(text, "error")
        self.call_after_refresh(line.scroll_visible)

    def conflicted(self, mine: Interview, theirs: Interview | None) -> None:
        """Changed (or deleted, `theirs` None) in another window since the form opened: both
        versions side by side; the form stays open, with what was typed, until the user
        chooses."""
        from .conflict import ConflictScreen, interview_text

        def chosen(choice: str | None) -> None:
            if self.interview is None:
                return
            if choice == "mine" and theirs is not None:
                self.interview = replace(self.interview, updated=theirs.updated)
                self.action_save()  # over theirs, which the user has seen
            elif choice == "new":
                self.interview = replace(self.interview, created="", updated="")
                self.action_save()  # added again, as a new interview
            elif choice == "theirs":
                self.dismiss(theirs)
            elif choice == "drop":
                self.dismiss(None)

        self.app.push_screen(
            ConflictScreen(
                "interview",
                interview_text(mine),
                None if theirs is None else interview_text(theirs),
            ),
            chosen,
        )

    def unsaved(self) -> Interview | None:
        """The interview typed but not saved, checked; None when nothing was changed or the
        form does not make one. For a stop that cannot ask (SIGTERM, the terminal closed)."""
        return self._build() if self.changed else None

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return

        def discard(confirmed: bool | None) -> None:
            if confirmed:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen("Discard what you typed?", confirm_label="Discard"), discard
        )

    @on(Button.Pressed, "#save")
    def _save_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()
