"""Practice: rehearse the questions interviews are made of, aloud, against a countdown.

The front of a card is the question (with the bank's hint, quietly) and a countdown: two
minutes unless the user says otherwise (`-` / `+`, kept in the journal). It takes the warning
colour in its last 20 seconds and, at the end, says so and counts the time over: it never stops
the user. `space` shows the user's own answers, each with its outline as a hint line, and where
the question came up in real interviews; `1`-`4` grade the answer (fsrs schedules the question's
next practice) and the next question comes. A question without an answer asks for one first,
right there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static, TextArea

from ...core import practice, review
from ...core.clock import Clock
from ...core.model import MOST_STORIES, Question, Story
from ...core.rehearse import how_often
from ...store import Journal, JournalError
from ...store.rehearsal import PracticeData, load_practice
from ..reading import read_in_thread
from ..text import hanging
from ..theme import theme_style
from ..widgets.footer import Footer
from ..widgets.line_input import LineInput
from ..widgets.status_line import StatusLine, tell
from ..widgets.title_bar import TitleBar
from .practice_editing import GROUP_NAMES, NO_ANSWER, OUTLINE, PracticeEditing, outline_text

TICK_SECONDS = 0.2
"""How often the countdown looks at the clock (it repaints only when the shown second changes)."""


class PracticeScreen(PracticeEditing, Screen[None]):
    """One question at a time, the countdown beside it; the answers and history on reveal."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show answers", id="practice.reveal"),
        Binding("space", "write_first", "Write answer", id="practice.write_first"),
        Binding("1", "grade(1)", "Again", id="practice.again"),
        Binding("2", "grade(2)", "Hard", id="practice.hard"),
        Binding("3", "grade(3)", "Good", id="practice.good"),
        Binding("4", "grade(4)", "Easy", id="practice.easy"),
        Binding("s", "skip", "Skip", id="practice.skip", tooltip="Next question, no grade"),
        Binding("w", "write", "New answer", id="practice.write", tooltip="Write an answer"),
        Binding("c", "change", "Change answer", id="practice.change"),
        Binding("a", "add_question", "Add question", id="practice.add"),
        Binding("e", "reword", "Reword", id="practice.reword", tooltip="Reword the question"),
        Binding("h", "hide", "Hide", id="practice.hide", tooltip="Leave it out of practice"),
        Binding("u", "hidden", "Hidden…", id="practice.hidden", tooltip="Show hidden ones again"),
        Binding("minus", "length(-1)", "Shorter", id="practice.shorter"),
        Binding("plus,equals_sign", "length(1)", "Longer", id="practice.longer"),
        Binding("ctrl+s", "save_answer", "Save", id="practice.save"),
        Binding("escape", "leave_editor", "Leave", id="practice.leave_editor"),
        Binding("escape", "back", "Journal", id="practice.back"),
    ]

    class Loaded(Message):
        """The deck and the countdown's length, read in a thread (None: unreadable)."""

        def __init__(self, data: PracticeData | None) -> None:
            super().__init__()
            self.data = data

    def __init__(
        self,
        journal: Journal,
        *,
        clock: Clock,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.journal = journal  # the app's own connection: grades and answers go through it
        self.clock = clock
        self.monotonic = monotonic
        """The countdown's clock (seconds, only ever forward): tests move it by hand."""
        self.loaded = False
        self.deck: list[practice.PracticeCard] = []
        self.position = 0
        self.revealed = False
        self.seconds = practice.DEFAULT_SECONDS
        self.started = 0.0  # when the countdown of the card on show began (self.monotonic)
        self.stopped: float | None = None  # seconds it had run when the answer was revealed
        self.graded = 0
        self.editing: Story | None = None  # the answer being written (a new one: no uuid kept)
        self.editing_new = False
        self._editor_text = ""  # what the editor held when opened: changed text asks first
        self._face = ""
        self._ticker: Timer | None = None
        self._left = True  # suspended for another mode (not for a dialog over it)
        self._waiting: list[tuple[str, tuple[int, ...]]] = []  # keys pressed while reading

    # -- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="practice", classes="pane") as pane:
            pane.border_title = "Practice"
            yield Static(id="practice-where")
            yield Static(id="practice-question")
            yield Static(id="practice-hint")
            yield Static(id="practice-timer")
            with VerticalScroll(id="practice-back"):
                yield Static(id="practice-answers")
                yield Static(id="practice-history")
            with Vertical(id="story-editor"):
                yield Static(id="story-title")
                yield TextArea(
                    soft_wrap=True,
                    tab_behavior="focus",
                    placeholder="Your answer, as you would say it…",
                    id="story-text",
                    compact=True,
                )
                with Horizontal(id="story-outline"):
                    for name, label in OUTLINE:
                        yield LineInput(
                            placeholder=f"{label} (optional)",
                            id=f"story-{name}",
                            compact=True,
                        )
                yield Static(
                    Text("ctrl+s saves · tab: the outline · escape leaves it", style="dim"),
                    id="story-keys",
                )
        yield StatusLine(id="practice-status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#story-editor").display = False

    def on_screen_resume(self) -> None:
        if self._left:  # opened from another screen: read the journal as it is now
            self._left = False
            if self.editing is None:  # (an answer half written, left by the palette, stays)
                self.load()
        self._start_ticking()

    def on_screen_suspend(self) -> None:
        # A dialog over this screen leaves the countdown running; another screen stops it.
        if self not in self.app.screen_stack:
            self._left = True
            if self._ticker is not None:
                self._ticker.stop()
                self._ticker = None

    def _start_ticking(self) -> None:
        if self._ticker is None:
            self._ticker = self.set_interval(TICK_SECONDS, self.tick)

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> None:
        """Read the deck in a thread: the screen is on show at once and fills in when read."""
        self.loaded = False
        self._waiting = []
        self.close_editor()
        self.deck = []
        self.position = 0
        self.graded = 0
        self.query_one("#practice-status", StatusLine).clear()  # said on the last visit
        self.query_one("#practice-question", Static).update(
            Text("Reading your questions…", style="dim")
        )
        for name in ("where", "hint", "timer", "answers", "history"):
            self.query_one(f"#practice-{name}", Static).update("")
        self.refresh_bindings()
        self._read()

    @work(thread=True, exclusive=True, group="practice", exit_on_error=False)
    def _read(self) -> None:
        data: PracticeData | None = read_in_thread(
            self, self.journal, self.clock, load_practice, None
        )
        self.post_message(self.Loaded(data))

    def on_practice_screen_loaded(self, message: PracticeScreen.Loaded) -> None:
        data = message.data
        if data is not None:
            self.deck = list(data.deck)
            self.seconds = data.seconds
        self.position = 0
        self.loaded = True
        self.show_card()
        waiting, self._waiting = self._waiting, []
        for action, parameters in waiting:  # space, 3 typed while the deck was read
            getattr(self, f"action_{action}")(*parameters)

    # -- the card --------------------------------------------------------------------------

    @property
    def card(self) -> practice.PracticeCard | None:
        if not self.loaded or self.position >= len(self.deck):
            return None
        return self.deck[self.position]

    def show_card(self) -> None:
        """The front of the card on show, its countdown started afresh."""
        self.revealed = False
        self.close_editor()
        self.query_one("#practice-answers", Static).update("")
        self.query_one("#practice-history", Static).update("")
        card = self.card
        pane = self.query_one("#practice")
        if card is None:
            pane.border_subtitle = ""
            self.query_one("#practice-where", Static).update("")
            self.query_one("#practice-question", Static).update(self._done_text())
            self.query_one("#practice-hint", Static).update(
                Text("a adds a question · u shows hidden ones · escape: the journal", style="dim")
            )
            self.stopped = None
            self._paint_timer(force=True, blank=True)
            self.refresh_bindings()
            return
        self._paint_front(card)
        self.restart_timer()
        self.refresh_bindings()

    def _paint_front(self, card: practice.PracticeCard) -> None:
        """Where the card is, the question, the bank's hint, and whether it has an answer."""
        question = card.question
        self.query_one(
            "#practice"
        ).border_subtitle = f"{self.position + 1} of {len(self.deck)} · {card.section_name}"
        where = Text(GROUP_NAMES.get(question.group, question.group), style="dim")
        if card.asked:
            where.append(f" · asked {how_often(len(card.asked))}", style="dim")
        if card.recurring:
            warning = theme_style(self.app, "text-warning")
            where.append(" · tied to a mistake you keep making", style=warning)
        self.query_one("#practice-where", Static).update(where)
        self.query_one("#practice-question", Static).update(Text(question.text))
        hint = Text(card.hint, style="dim italic") if card.hint else Text("")
        if not question.stories:
            hint.append(("\n" if card.hint else "") + NO_ANSWER, style="dim")
        self.query_one("#practice-hint", Static).update(hint)

    def _done_text(self) -> Text:
        if not self.deck:
            return Text(
                "No question to practise: every one is hidden. a adds one of your own, "
                "u shows hidden ones again."
            )
        text = Text("That was every question.\n\n", style="bold")
        text.append(f"Graded {self.graded} this time. ")
        text.append("escape goes back to the journal; p again starts over.", style="dim")
        return text

    # -- the countdown ---------------------------------------------------------------------

    def restart_timer(self) -> None:
        """The countdown from its full length, from now (on the screen's clock)."""
        self.started = self.monotonic()
        self.stopped = None
        self._paint_timer(force=True)

    @property
    def remaining(self) -> float:
        """Seconds left on the countdown (below zero: the time over)."""
        ran = self.stopped if self.stopped is not None else self.monotonic() - self.started
        return self.seconds - ran

    def tick(self) -> None:
        if self.card is not None:
            self._paint_timer()

    def _paint_timer(self, *, force: bool = False, blank: bool = False) -> None:
        timer = self.query_one("#practice-timer", Static)
        if blank:
            self._face = ""
            timer.update("")
            timer.set_class(False, "-warning")
            timer.set_class(False, "-over")
            return
        remaining = self.remaining
        face = practice.clock_face(remaining)
        if face == self._face and not force:
            return
        self._face = face
        length = practice.clock_face(self.seconds)
        over = remaining <= 0
        if self.stopped is not None:
            text = Text(f"You took {practice.took_face(self.stopped)} of {length}")
        elif over:
            text = Text(f"Time is up  {face}", style="bold")
            text.append("  (carry on: nothing stops you)", style="dim")
        else:
            text = Text(f"{face}", style="bold")
            text.append(f" left of {length}", style="")
            text.append("  (- / + change it)", style="dim")
        timer.update(text)
        timer.set_class(
            self.stopped is None and not over and remaining <= practice.WARNING_SECONDS, "-warning"
        )
        timer.set_class(self.stopped is None and over, "-over")

    def action_length(self, step: int) -> None:
        """Shorter or longer by 30 s (30 s to 10 min), kept in the journal for next time."""
        seconds = practice.clamp_seconds(self.seconds + step * practice.STEP_SECONDS)
        if seconds == self.seconds:
            edge = "shortest" if step < 0 else "longest"
            tell(self, f"{practice.clock_face(seconds)} is the {edge} the countdown goes.")
            return
        self.seconds = seconds
        if self.card is not None:
            self._paint_timer(force=True)
        face = practice.clock_face(seconds)
        try:
            self.journal.set_setting(practice.SECONDS_SETTING, str(seconds))
        except JournalError as error:
            tell(self, f"{face} for now; not kept for next time: {error}", "warning")
            return
        tell(self, f"Answers get {face} from now on.")

    # -- reveal and grade -----------------------------------------------------------------

    def _wait_for_the_deck(self, action: str, *parameters: int) -> bool:
        """A key pressed while the deck is read is kept, and acted on once it is shown."""
        if self.loaded:
            return False
        self._waiting.append((action, parameters))
        return True

    def action_reveal(self) -> None:
        if self._wait_for_the_deck("reveal"):
            return
        card = self.card
        if card is None or self.revealed or self.editing is not None:
            return
        if not card.question.stories:
            self.open_editor(None)  # no answer to show: it asks for one, right there
            return
        self._show_back(card)

    def action_write_first(self) -> None:
        self.action_reveal()

    def _show_back(self, card: practice.PracticeCard) -> None:
        self.revealed = True
        if self.stopped is None:
            self.stopped = max(0.0, self.monotonic() - self.started)
        self._paint_timer(force=True)
        self.query_one("#practice-answers", Static).update(self._answers_text(card.question))
        self.query_one("#practice-history", Static).update(self._history_text(card))
        self.query_one("#practice-back", VerticalScroll).scroll_home(animate=False)
        self.refresh_bindings()

    def _answers_text(self, question: Question) -> RenderableType:
        success = theme_style(self.app, "text-success", bold=True)
        parts: list[RenderableType] = []
        count = len(question.stories)
        title = "Your answer" if count == 1 else f"Your {count} answers"
        parts.append(Text(title, style=success))
        for number, story in enumerate(question.stories, start=1):
            mark = f"{number}. " if count > 1 else "  "
            parts.append(hanging(mark, success, Text(story.text.strip())))
            outline = outline_text(story)
            if outline:
                parts.append(hanging("   ", success, Text(outline, style="dim")))
        keys = "1 again · 2 hard · 3 good · 4 easy"
        extra = " · w another answer" if count < MOST_STORIES else ""
        parts.append(Text(f"\nHow did it go?  {keys}{extra} · c change one", style="dim"))
        return Group(*parts)

    def _history_text(self, card: practice.PracticeCard) -> RenderableType:
        parts: list[RenderableType] = [Text("\nWhere you were asked it", style="bold")]
        if not card.asked:
            parts.append(Text("Not linked to any of your interviews yet.", style="dim"))
            return Group(*parts)
        stories = {story.uuid: n for n, story in enumerate(card.question.stories, start=1)}
        for asked in card.asked:
            line = Text(f"{asked.date:%d %b %Y} · {asked.company} · {asked.stage} · ")
            if asked.went == "well":
                line.append("went well", style=theme_style(self.app, "text-success"))
            else:
                line.append("went wrong", style=theme_style(self.app, "text-error"))
            line.append(f": {' '.join(asked.text.split())}", style="dim")
            if asked.story_uuid in stories:
                line.append(f" (answer {stories[asked.story_uuid]})", style="dim")
            parts.append(hanging("  ", theme_style(self.app, "text-accent"), line))
        return Group(*parts)

    def action_grade(self, rating: int) -> None:
        if self._wait_for_the_deck("grade", rating):
            return
        card = self.card
        if card is None or not self.revealed or self.editing is not None:
            return
        question = card.question
        now = self.clock.now()
        state, due = review.grade(question.card, rating, now)
        try:
            self.journal.record_question_review(question.uuid, state, rating, now, due)
        except JournalError as error:
            tell(self, str(error), "error", "Not saved")
            return
        self.deck[self.position] = replace(card, question=replace(question, card=state), due=due)
        self.graded += 1
        grade = review.GRADES[rating].capitalize()
        tell(self, f"{grade}: next practice {due.astimezone():%a %d %b}.")
        self.position += 1
        self.show_card()

    def action_skip(self) -> None:
        if self._wait_for_the_deck("skip"):
            return
        if self.card is None or self.editing is not None:
            return
        self.position += 1
        self.show_card()

    # -- which keys work now ---------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.loaded and action in {"reveal", "grade", "skip"}:
            return True  # taken, and done once the deck is read
        editing = self.editing is not None
        if action in {"save_answer", "leave_editor"}:
            return editing
        if action == "back":
            return not editing
        if editing:
            return False  # the editor's keys only (and the text typed)
        card = self.card
        if action == "grade":
            return card is not None and self.revealed
        if action == "reveal":  # space: the answers; on a question with none, `write_first`
            if card is not None and not card.question.stories:
                return False
            if self.revealed:
                return False  # shown: the grades take its place in the footer
            return None if card is None else True
        if action == "write_first":
            return card is not None and not card.question.stories
        if action in {"skip", "reword", "hide", "write", "change"}:
            return card is not None
        if action == "length":
            return self.loaded
        return True
