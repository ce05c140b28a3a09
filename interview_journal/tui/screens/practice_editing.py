"""The practice screen's writing: the user's answers (written, or changed, right there in
place of the answers shown) and the bank's questions (added, reworded, hidden, shown again).
A part of PracticeScreen, kept apart so that each file holds one job."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static, TextArea

from ...core import practice, review
from ...core.model import MOST_STORIES, Story
from ...core.questions import GROUPS
from ...core.validate import InvalidValue
from ...store import Journal, JournalError
from ..widgets.line_input import LineInput
from ..widgets.status_line import tell
from .confirm import ConfirmScreen
from .practice_dialogs import AnswerChoiceDialog, HiddenQuestionsDialog, QuestionDialog

GROUP_NAMES = {group.key: group.name for group in GROUPS}
OUTLINE = (("situation", "Situation"), ("task", "Task"), ("action", "Action"), ("result", "Result"))
NO_ANSWER = "You have no answer to this one yet: space to write one (say it aloud first)."


def outline_text(story: Story) -> str:
    """A story's outline as one hint line: "Situation: … · Action: …" ("" without one)."""
    said = ((label, " ".join(getattr(story, name).split())) for name, label in OUTLINE)
    return " · ".join(f"{label}: {words}" for label, words in said if words)


class PracticeEditing(Screen[None]):
    """Writing answers and editing the bank, for PracticeScreen (which holds the deck)."""

    journal: Journal
    deck: list[practice.PracticeCard]
    position: int
    revealed: bool
    started: float
    stopped: float | None
    monotonic: Callable[[], float]
    editing: Story | None
    editing_new: bool
    _editor_text: str

    if TYPE_CHECKING:

        @property
        def card(self) -> practice.PracticeCard | None: ...

        def show_card(self) -> None: ...

        def _show_back(self, card: practice.PracticeCard) -> None: ...

        def _paint_front(self, card: practice.PracticeCard) -> None: ...

        def _paint_timer(self, *, force: bool = False, blank: bool = False) -> None: ...

    # -- writing an answer -----------------------------------------------------------------

    def action_write(self) -> None:
        card = self.card
        if card is None or self.editing is not None:
            return
        if len(card.question.stories) >= MOST_STORIES:
            tell(
                self,
                f"A question holds at most {MOST_STORIES} answers: c changes one of them.",
                "warning",
            )
            return
        self.open_editor(None)

    def action_change(self) -> None:
        card = self.card
        if card is None or self.editing is not None:
            return
        stories = card.question.stories
        if not stories:
            tell(self, "No answer to change yet: w writes one.", "warning")
        elif len(stories) == 1:
            self.open_editor(stories[0])
        else:

            def chosen(index: int | None) -> None:
                if index is not None and self.card is card:
                    self.open_editor(stories[index])

            self.app.push_screen(AnswerChoiceDialog(stories), chosen)

    def open_editor(self, story: Story | None) -> None:
        """The editor in place of the answers: empty for a new answer, or holding `story`."""
        card = self.card
        if card is None:
            return
        self.editing_new = story is None
        self.editing = story or Story(text="", question_uuid=card.question.uuid)
        if self.stopped is None:
            self.stopped = max(0.0, self.monotonic() - self.started)
            self._paint_timer(force=True)
        area = self.query_one("#story-text", TextArea)
        area.load_text(self.editing.text)
        for name, _ in OUTLINE:
            self.query_one(f"#story-{name}", LineInput).value = getattr(self.editing, name)
        self._editor_text = self._typed_key()
        title = "Write your answer" if self.editing_new else "Change your answer"
        if self.editing_new and card.question.stories:
            title = f"Another answer ({len(card.question.stories) + 1} of at most {MOST_STORIES})"
        self.query_one("#story-title", Static).update(Text(title, style="bold"))
        self.query_one("#practice-back").display = False
        self.query_one("#story-editor").display = True
        area.focus()
        self.refresh_bindings()

    def _typed(self) -> Story | None:
        if self.editing is None:
            return None

        def typed(name: str) -> str:
            return self.query_one(f"#story-{name}", LineInput).value

        return replace(
            self.editing,
            text=self.query_one("#story-text", TextArea).text,
            situation=typed("situation"),
            task=typed("task"),
            action=typed("action"),
            result=typed("result"),
        )

    def _typed_key(self) -> str:
        typed = self._typed()
        if typed is None:
            return ""
        return "\x00".join([typed.text, *(getattr(typed, name) for name, _ in OUTLINE)])

    @property
    def unsaved_text(self) -> bool:
        """What quitting the app asks about (JournalApp.action_quit)."""
        return self.editing is not None and self._typed_key() != self._editor_text

    def save_now(self) -> None:
        """A stop that cannot ask (SIGTERM, a closed terminal): an answer typed and not saved
        is kept if it can be (JournalApp._stop_on_signal)."""
        typed = self._typed()
        if typed is None or not typed.text.strip() or not self.unsaved_text:
            return
        try:
            if self.editing_new:
                self.journal.add_story(typed)
            else:
                self.journal.update_story(typed, expected_updated=typed.updated)
        except (JournalError, InvalidValue):
            return  # nothing to say it on: the app is stopping

    def close_editor(self) -> None:
        self.editing = None
        editor = self.query_one("#story-editor")
        if editor.display:
            editor.display = False
            self.query_one("#practice-back").display = True
            self.set_focus(None)
        self.refresh_bindings()

    def action_save_answer(self) -> None:
        typed = self._typed()
        card = self.card
        if typed is None or card is None:
            return
        if not typed.text.strip():
            tell(self, "Write the answer first (the outline alone is only a hint).", "warning")
            return
        try:
            if self.editing_new:
                saved = self.journal.add_story(typed)
            else:
                saved = self.journal.update_story(typed, expected_updated=typed.updated)
        except (JournalError, InvalidValue) as error:  # TooManyStories among them: said plainly
            tell(self, str(error), "error", "Not saved")
            return
        stories = [s for s in card.question.stories if s.uuid != saved.uuid]
        stories.insert(min(saved.position, len(stories)), saved)
        card = replace(card, question=replace(card.question, stories=stories))
        self.deck[self.position] = card
        self.close_editor()
        self._paint_front(card)
        tell(self, "Answer saved." + (" Now grade how it went: 1-4." if self.stopped else ""))
        self._show_back(card)

    def action_back(self) -> None:
        """Escape: back to the journal (from the editor, `action_leave_editor`)."""
        if self.editing is not None:
            self.action_leave_editor()
            return
        self.app.switch_mode("journal")

    def action_leave_editor(self) -> None:
        """Escape in the editor: leave it, asking first if something was typed."""
        if self.editing is None:
            return
        if not self.unsaved_text:
            self._leave_editor()
            return

        def discard(confirmed: bool | None) -> None:
            if confirmed:
                self._leave_editor()

        self.app.push_screen(
            ConfirmScreen("Discard the answer you typed?", confirm_label="Discard"), discard
        )

    def _leave_editor(self) -> None:
        self.close_editor()
        card = self.card
        if card is not None and card.question.stories and self.revealed:
            self._show_back(card)

    # -- the bank --------------------------------------------------------------------------

    def action_add_question(self) -> None:
        card = self.card
        group = card.question.group if card is not None else GROUPS[0].key

        def add(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            text, group = result
            try:
                question = self.journal.add_question(text, group)
            except (JournalError, InvalidValue) as error:
                tell(self, str(error), "error", "Not added")
                return
            new = practice.PracticeCard(question=question, section=practice.REST, due=None)
            at = self.position + 1 if self.card is not None else self.position
            self.deck.insert(min(at, len(self.deck)), new)
            tell(self, f"Added to {GROUP_NAMES.get(group, group)}: it comes next.")
            self._refresh_position()

        self.app.push_screen(QuestionDialog("A question of your own", group=group), add)

    def action_reword(self) -> None:
        card = self.card
        if card is None or self.editing is not None:
            return

        def reword(result: tuple[str, str] | None) -> None:
            if result is None or self.card is not card:
                return
            text, group = result
            try:
                question = self.journal.update_question(
                    replace(card.question, text=text, group=group),
                    expected_updated=card.question.updated,
                )
            except (JournalError, InvalidValue) as error:
                tell(self, str(error), "error", "Not saved")
                return
            self.deck[self.position] = replace(card, question=question)
            self.query_one("#practice-question", Static).update(Text(question.text))
            self._refresh_position()
            tell(self, "Reworded.")

        dialog = QuestionDialog("Reword the question", card.question.text, card.question.group)
        self.app.push_screen(dialog, reword)

    def action_hide(self) -> None:
        card = self.card
        if card is None or self.editing is not None:
            return
        try:
            self.journal.hide_question(card.question.uuid)
        except JournalError as error:
            tell(self, str(error), "error", "Not hidden")
            return
        del self.deck[self.position]
        text = card.question.text
        short = text if len(text) <= 50 else text[:49] + "…"
        self.show_card()
        tell(self, f"Hidden from practice: “{short}” (u shows hidden questions again)")

    def action_hidden(self) -> None:
        if self.editing is not None:
            return
        try:
            hidden = self.journal.questions(hidden=True)
        except JournalError as error:
            tell(self, str(error), "error", "Cannot read the journal")
            return

        def unhide(uuid: str | None) -> None:
            if uuid is None:
                return
            try:
                question = self.journal.hide_question(uuid, hidden=False)
            except JournalError as error:
                tell(self, str(error), "error", "Not shown again")
                return
            new = practice.PracticeCard(
                question=question,
                section=practice.REST,
                due=review.card_due(question.card) if question.card else None,
            )
            at = self.position + 1 if self.card is not None else self.position
            self.deck.insert(min(at, len(self.deck)), new)
            tell(self, "Back in practice: it comes next.")
            self._refresh_position()

        self.app.push_screen(HiddenQuestionsDialog(hidden), unhide)

    def _refresh_position(self) -> None:
        """The deck changed around the card on show: its place said again (or, with none on
        show, the next card shown)."""
        card = self.card
        if card is None:
            self.show_card()
            return
        self.query_one(
            "#practice"
        ).border_subtitle = f"{self.position + 1} of {len(self.deck)} · {card.section_name}"
