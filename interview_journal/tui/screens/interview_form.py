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

from ...core.dates import DateParseError, When, describe_when
from ...core.model import NEGATIVE_FEELINGS, Interview
from ...core.validate import InvalidValue, prepare_interview
from ..widgets.fields import Look, field_of, shown, value_of, when_input, when_of, widget_for
from ..widgets.footer import Footer
from ..widgets.status_line import StatusLine
from .confirm import ConfirmScreen
from .dialog import Dialog


def _feeling(feeling: str) -> Content:
    if feeling in NEGATIVE_FEELINGS:
        return Content(feeling)
    return Content.assemble(feeling, ("  (positive)", "$text-success"))


def _rating(n: int) -> str:
    return f"{n} of {field_of(Interview, 'rating').spec.high}"


LOOKS = {
    "company": Look("Company", "Who was it with?"),
    "role": Look("Role", "The job you interviewed for"),
    "date": Look("Date", "today, 3 days ago, last friday, next tue 14:00, Nov 20"),
    "stage": Look("Stage"),
    "interviewers": Look("Interviewers", "Names, separated by commas"),
    "outcome": Look("Outcome"),
    "rating": Look("Rating", option=_rating, blank="none"),
    "feelings": Look("Feelings", option=_feeling),
    "notes": Look("Brain dump", "Everything you remember, while it is fresh."),
    "location": Look("Where", "The address, building and room"),
    "link": Look("Video link", "The call's link, if it is on video"),
}
"""How the form shows each field it edits, in the order tab walks through them. What a field
holds (its widget, its choices, its limits) comes from its Spec on Interview (core/model.py)."""

FIELDS = tuple(LOOKS)

NOT_IN_FORM = {
    "time": "typed in the date field, after the date",
    "closed": "closing an interview is its own command in the journal, kept as it was",
    "feedback": "what the company said has its own dialog in the journal (F), kept as it was",
    "calendar_uid": "the calendar event it was imported from, kept as it was",
    "checklist": "ticked in the briefing (r), kept as it was",
    "prep_why": "the prep worksheet has its own dialog, kept as it was",
    "prep_company": "the prep worksheet has its own dialog, kept as it was",
    "prep_questions": "the prep worksheet has its own dialog, kept as it was",
    "prep_people": "the prep worksheet has its own dialog, kept as it was",
    "prep_logistics": "the prep worksheet has its own dialog, kept as it was",
    "uuid": "the record's id, kept by an edit",
    "created": "kept by the store",
    "updated": "kept by the store",
}
"""The fields of Interview the form does not show, and why."""

# The fields after which a blank line separates one group of the form from the next.
_GROUP_ENDS = {"date", "rating", "feelings", "notes", "link"}

# The fields with a hint below them, saying how what is typed reads (errors are told there too).
_HINTED = {"date"}

# Validation names a few things differently from the form: a time is typed in the date field.
_FIELD_OF = {"time": "date"}


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
        record = interview or Interview(company="")  # a new one: the defaults of Interview
        with VerticalScroll(id="dialog") as dialog:
            dialog.border_title = "New interview" if interview is None else "Edit interview"
            for name in FIELDS:
                if name == "date":  # and the time after it, in one line (see _FIELD_OF)
                    date, time = (None, None) if interview is None else (record.date, record.time)
                    widget: Widget = when_input(name, date, time, LOOKS[name])
                else:
                    widget = widget_for(
                        field_of(Interview, name), getattr(record, name), LOOKS[name]
                    )
                yield self._field(name, widget)
            with Horizontal(id="buttons"):
                yield Button(Content("Cancel"), id="cancel", compact=True)
                yield Button(Content("Save"), id="save", variant="primary", compact=True)
            yield StatusLine(id="said", wraps=True)
        yield Footer()

    @staticmethod
    def _field(name: str, widget: Widget) -> Horizontal:
        """A labelled row: the label, the widget, and below it a hint or a hidden error line."""
        if name in _HINTED:
            below = Static("", id=f"{name}-hint", classes="hint")
        else:
            below = Static("", id=f"{name}-error", classes="field-error error")
        return Horizontal(
            Label(LOOKS[name].label, classes="field-label"),
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

    def _when_typed(self) -> When:
        return when_of(self.query_one("#date", Input), today=self.today, dayfirst=self.dayfirst)

    def _snapshot(self) -> tuple[object, ...]:
        return tuple(shown(self.query_one(f"#{name}")) for name in FIELDS)

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
            when = self._when_typed()
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
            when = self._when_typed()
        except DateParseError as error:
            self._show_error("date", str(error))
            return None
        values = {
            name: value_of(field_of(Interview, name), self.query_one(f"#{name}"))
            for name in FIELDS
            if name != "date"
        }
        candidate = Interview(**{**values, "date": when.date, "time": when.time})
        if self.interview is not None:  # an edit: the same interview, still closed or open
            original = self.interview
            kept = {name: getattr(original, name) for name in NOT_IN_FORM if name != "time"}
            candidate = replace(candidate, **kept)
        try:
            return prepare_interview(candidate)
        except InvalidValue as invalid:
            name = _FIELD_OF.get(invalid.field.split("[")[0], invalid.field.split("[")[0])
            if name not in FIELDS:  # not a field of the form: say so rather than hide it
                self._say(f"Not saved: {invalid}")
                return None
            self._show_error(name, f"{LOOKS[name].label} {invalid.message}.")
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
