"""What the journal screen is to a dialog, kept in memory: a test app opens one dialog, keeps
what the dialog asks to keep (`InterviewForm.Submitted`, `PositivesScreen.Added`, ...) or
refuses it when told to, answers the dialog as the journal screen does, and records what the
dialog is dismissed with.

The dialog's messages go to the screen it was opened over, `Opener` here, as they go to the
journal screen in the app."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App
from textual.screen import Screen

from interview_journal.core.model import FollowUp, Interview, Positive
from interview_journal.tui.screens.follow_ups import FollowUpsScreen
from interview_journal.tui.screens.interview_form import InterviewForm
from interview_journal.tui.screens.positives import PositivesScreen

STORED_AT = "2026-11-27T10:00:00+00:00"


class MemoryJournal:
    """Keeps what the dialogs send, and refuses every write while `refuse` holds a reason."""

    def __init__(self, follow_ups: Sequence[FollowUp] = (), *, refuse: str | None = None) -> None:
        self.refuse = refuse
        self.interviews_sent: list[Interview] = []  # every save the form asked for
        self.positives_added: list[str] = []
        self.positives_removed: list[str] = []
        self.by_uuid = {follow_up.uuid: follow_up for follow_up in follow_ups}
        self.kinds_added: list[str] = []
        self.saved: list[str] = []  # the uuids of the follow-ups saved, in order
        self.deleted: list[str] = []

    def _check(self) -> None:
        if self.refuse:
            raise ValueError(self.refuse)

    def save_interview(self, interview: Interview) -> Interview:
        self.interviews_sent.append(interview)
        self._check()
        return interview if interview.created else dataclasses.replace(interview, created=STORED_AT)

    def add_positive(self, positive: Positive) -> Positive:
        self._check()
        self.positives_added.append(positive.text)
        return dataclasses.replace(positive, created=STORED_AT)

    def remove_positive(self, positive: Positive) -> None:
        self._check()
        self.positives_removed.append(positive.uuid)

    def add_follow_up(self, follow_up: FollowUp) -> FollowUp:
        self._check()
        self.kinds_added.append(follow_up.kind)
        follow_up = dataclasses.replace(follow_up, created=STORED_AT)
        self.by_uuid[follow_up.uuid] = follow_up
        return follow_up

    def save_follow_up(self, follow_up: FollowUp) -> FollowUp:
        """As the journal screen writes it: one never stored (a new letter) is added."""
        if follow_up.uuid not in self.by_uuid:
            return self.add_follow_up(follow_up)
        self._check()
        self.saved.append(follow_up.uuid)
        self.by_uuid[follow_up.uuid] = follow_up
        return follow_up

    def delete_follow_up(self, follow_up: FollowUp) -> None:
        self._check()
        self.deleted.append(follow_up.uuid)
        del self.by_uuid[follow_up.uuid]


class DialogHost(App[None]):
    """Opens one screen over `Opener`, and records what it is dismissed with."""

    def __init__(
        self, make_screen: Callable[[], Screen[Any]], journal: MemoryJournal | None = None
    ) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.journal = journal or MemoryJournal()
        self.results: list[Any] = []
        self.modal: Screen[Any] | None = None

    def on_mount(self) -> None:
        self.push_screen(Opener(self.journal))


class Opener(Screen[None]):
    """Opens the app's screen, and answers what it asks to keep from `journal`."""

    app: DialogHost

    def __init__(self, journal: MemoryJournal) -> None:
        super().__init__()
        self.journal = journal

    def on_mount(self) -> None:
        self.app.modal = self.app.make_screen()
        self.app.push_screen(self.app.modal, self.app.results.append)

    def on_interview_form_submitted(self, message: InterviewForm.Submitted) -> None:
        try:
            stored = self.journal.save_interview(message.interview)
        except ValueError as error:
            message.form.not_saved(str(error))
        else:
            message.form.saved(stored)

    def on_positives_screen_added(self, message: PositivesScreen.Added) -> None:
        try:
            stored = self.journal.add_positive(message.positive)
        except ValueError as error:
            message.dialog.not_added(str(error))
        else:
            message.dialog.added(stored)

    def on_positives_screen_removed(self, message: PositivesScreen.Removed) -> None:
        try:
            self.journal.remove_positive(message.positive)
        except ValueError as error:
            message.dialog.not_removed(str(error))
        else:
            message.dialog.removed(message.positive)

    def on_follow_ups_screen_saved(self, message: FollowUpsScreen.Saved) -> None:
        try:
            stored = self.journal.save_follow_up(message.follow_up)
        except ValueError as error:
            message.dialog.not_saved(message, str(error))
        else:
            message.dialog.saved(message, stored)

    def on_follow_ups_screen_deleted(self, message: FollowUpsScreen.Deleted) -> None:
        try:
            self.journal.delete_follow_up(message.follow_up)
        except ValueError as error:
            message.dialog.not_deleted(str(error))
        else:
            message.dialog.deleted(message.follow_up)
