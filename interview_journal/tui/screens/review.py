"""Review, before the next interview: a briefing from your own answers, then a drill.

The briefing names the next interview, lists the mistakes to watch, each with what you wrote
you should have done, and the questions to rehearse. The drill shows the situation (the question
you were asked, or the kind of mistake and where), you recall your answer, `space` shows what
went wrong and your answer, and `1`-`4` grade the recall; fsrs schedules the next time
(`core.review`), the journal keeps it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from ...core import review
from ...core.checklists import ticked
from ...core.clock import Clock
from ...core.model import Interview
from ...core.validate import InvalidValue
from ...store import Journal, JournalError
from ...store.drill import PAGE
from ...store.reads import ReviewData, drill_page, load_review
from ..reading import read_in_thread
from ..theme import theme_style
from ..widgets.footer import Footer
from ..widgets.stage_checklist import StageChecklist
from ..widgets.status_line import tell
from ..widgets.title_bar import TitleBar
from .briefing_text import briefing_text

GRADES = {1: "again", 2: "hard", 3: "good", 4: "easy"}


class ReviewScreen(Screen[None]):
    """The briefing on the left, the drill on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show my answer", id="review.reveal"),
        Binding("1", "grade(1)", "Again", id="review.again"),
        Binding("2", "grade(2)", "Hard", id="review.hard"),
        Binding("3", "grade(3)", "Good", id="review.good"),
        Binding("4", "grade(4)", "Easy", id="review.easy"),
        Binding("c", "checklist", "Checklist", id="review.checklist"),
        Binding("escape", "app.switch_mode('journal')", "Journal", id="review.back"),
    ]

    class Loaded(Message):
        """The briefing and the drill, read in a thread (None: the journal could not be read)."""

        def __init__(self, data: ReviewData | None) -> None:
            super().__init__()
            self.data = data

    class PageLoaded(Message):
        """The drill's next cards, read in a thread (empty: none left, or unreadable)."""

        def __init__(self, cards: list[review.DrillCard], visit: int) -> None:
            super().__init__()
            self.cards = cards
            self.visit = visit

    PAGE: ClassVar[int] = PAGE
    """Cards read at a time: the next ones are read when these are done."""

    def __init__(
        self, journal: Journal, *, clock: Clock, chosen: Callable[[], str | None] = lambda: None
    ) -> None:
        super().__init__()
        self.journal = journal  # the app's own connection: the grades are written through it
        self.clock = clock
        self.chosen = chosen  # the interview to brief for (its uuid), or None: the next one
        self.upcoming: Interview | None = None  # the interview briefed for, as last kept
        self.loaded = False  # True once the briefing and the drill of this visit are shown
        self.visit = 0  # counts the visits: a page read for an earlier one is not shown
        self._waiting: list[tuple[str, tuple[int, ...]]] = []  # keys pressed before that
        self.next_due: dt.datetime | None = None
        self.cards: list[review.DrillCard] = []  # the cards read so far, in drill order
        self.total = 0  # the cards due when the drill was read, read or not yet
        self.drill_time: dt.datetime | None = None  # when: the next pages are read as of then
        self.position = 0
        self.revealed = False
        self.results: list[tuple[review.DrillCard, int]] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="review-main"):
            with VerticalScroll(id="briefing", classes="pane") as briefing:
                briefing.border_title = "Briefing"
                yield Static(id="briefing-text")
                checklist = StageChecklist(id="stage-checklist")
                checklist.display = False
                yield checklist
            with Vertical(id="drill", classes="pane") as drill:
                drill.border_title = "Drill"
                yield Static(id="card-where")
                yield Static(id="card-problem")
                yield Static(id="card-answer")
                yield Static(id="card-hint")
        yield Footer()

    def on_screen_resume(self) -> None:
        # Each visit starts at the top of the briefing, the keys on the drill (space checks an
        # answer): not in the checklist a visit before left them in.
        self.set_focus(None)
        self.query_one("#briefing", VerticalScroll).scroll_home(animate=False)
        self.load()

    def load(self) -> None:
        """Read the briefing and the drill in a thread: the screen is on show at once, and
        fills in when they are read (a large journal takes a moment)."""
        self.loaded = False
        self._waiting = []
        self.visit += 1
        self.query_one("#briefing-text", Static).update(Text("Reading your journal…", style="dim"))
        self._read()

    @work(thread=True, exclusive=True, group="review", exit_on_error=False)
    def _read(self) -> None:
        read = partial(load_review, page=self.PAGE, interview_uuid=self.chosen())
        data: ReviewData | None = read_in_thread(self, self.journal, self.clock, read, None)
        self.post_message(self.Loaded(data))

    @work(thread=True, exclusive=True, group="review-page", exit_on_error=False)
    def _read_page(self, now: dt.datetime, shown: list[str], visit: int) -> None:
        read = partial(drill_page, now=now, shown=shown, page=self.PAGE)
        cards: list[review.DrillCard] = read_in_thread(self, self.journal, self.clock, read, [])
        self.post_message(self.PageLoaded(cards, visit))

    def on_review_screen_loaded(self, message: ReviewScreen.Loaded) -> None:
        data = message.data
        if data is None:  # a journal that cannot be read: said; nothing to brief or drill
            self.query_one("#briefing-text", Static).update("")
            self.cards, self.total, self.next_due, self.drill_time = [], 0, None, None
        else:
            text = briefing_text(data.briefing, self.clock.today(), self.app)
            self.query_one("#briefing-text", Static).update(text)
            self.upcoming = data.briefing.upcoming
            self.query_one(StageChecklist).show(data.briefing.stage_checklist)
            self.cards, self.next_due = list(data.due), data.next_due
            self.total, self.drill_time = data.due_count, data.now
        self.position = 0
        self.results = []
        self._ready()

    def on_review_screen_page_loaded(self, message: ReviewScreen.PageLoaded) -> None:
        if message.visit != self.visit:
            return  # read for an earlier visit: this one has read its own drill
        if not message.cards:
            self.total = len(self.cards)  # fewer than counted: the journal changed meanwhile
        self.cards.extend(message.cards)
        self._ready()

    def _ready(self) -> None:
        """The drill is read (as far as the card on show): show it, then act on the keys
        pressed while it was read."""
        self.loaded = True
        self.show_card()
        waiting, self._waiting = self._waiting, []
        for action, parameters in waiting:  # space, 3 typed before the drill was read
            if action == "reveal":
                self.action_reveal()
            else:
                self.action_grade(*parameters)

    @property
    def card(self) -> review.DrillCard | None:
        return self.cards[self.position] if self.position < len(self.cards) else None

    def show_card(self) -> None:
        self.revealed = False
        card = self.card
        where = self.query_one("#card-where", Static)
        problem = self.query_one("#card-problem", Static)
        answer = self.query_one("#card-answer", Static)
        hint = self.query_one("#card-hint", Static)
        answer.update("")
        self.refresh_bindings()
        if card is None:
            where.update("")
            problem.update(self._summary_text())
            hint.update(Text("escape: back to the journal", style="dim"))
            return
        self.query_one("#drill").border_subtitle = f"{self.position + 1} of {self.total}"
        heading, situation = card.situation
        where.update(Text(heading, style="bold"))
        problem.update(Text(situation))
        hint.update(Text("What would you do or say now? Then space to check.", style="dim"))

    def _summary_text(self) -> Text:
        if not self.results:
            text = Text("Nothing is due: your answers are fresh.\n\n")
            if self.next_due is not None:
                text.append(
                    f"Next card due {self.next_due.astimezone():%a %d %b %H:%M}.", style="dim"
                )
            else:
                text.append(
                    "Cards are made from issues that have a 'what I should have done'.",
                    style="dim",
                )
            return text
        summary = review.summarize(self.results, self.next_due)
        text = Text("Drill done.\n\n", style="bold")
        text.append(f"Reviewed {summary.reviewed}, {summary.again} to see again soon.\n")
        if summary.due_next:
            text.append(f"Next due {summary.due_next.astimezone():%a %d %b %H:%M}.\n")
        if summary.weakest:
            text.append(f"Weakest: {summary.weakest}. ", style="bold")
            text.append("Read your answers there once more before the day.")
        return text

    def action_reveal(self) -> None:
        if not self.loaded:
            self._waiting.append(("reveal", ()))
            return
        card = self.card
        if card is None or self.revealed:
            return
        self.revealed = True
        answer = Text()  # a style given to Text() itself would colour all of it
        answer.append("What went wrong", style=theme_style(self.app, "text-error", bold=True))
        if card.question:  # the front named the question: say where, and what kind of mistake
            answer.append(f"  {card.category_name} · {card.company} · {card.date:%d %b %Y}", "dim")
        answer.append(f"\n{card.problem}\n\n")
        answer.append("Your answer\n", style=theme_style(self.app, "text-success", bold=True))
        answer.append(card.should_have)
        self.query_one("#card-answer", Static).update(answer)
        self.query_one("#card-hint", Static).update(
            Text("How well did you recall it?  1 again · 2 hard · 3 good · 4 easy", style="dim")
        )
        self.refresh_bindings()

    def action_grade(self, rating: int) -> None:
        if not self.loaded:
            self._waiting.append(("grade", (rating,)))
            return
        card = self.card
        if card is None or not self.revealed:
            return
        now = self.clock.now()
        state, due = review.grade(card.card, rating, now)
        try:
            self.journal.record_review(card.issue_uuid, state, rating, now, due)
        except Exception as error:  # a JournalError: said plainly, the card stays
            tell(self, str(error), "error", "Not saved")
            return
        self.results.append((card, rating))
        # The drill's summary names the next card due: the earliest of those not due today
        # (read once on entering) and of those just graded.
        self.next_due = min((d for d in (self.next_due, due) if d is not None), default=None)
        self.position += 1
        if self.position == len(self.cards) < self.total and self.drill_time is not None:
            # This page is done and more are due: read the next, keys wait meanwhile.
            self.loaded = False
            self.query_one("#card-answer", Static).update("")
            reading = Text("Reading the next cards…", style="dim")
            self.query_one("#card-hint", Static).update(reading)
            shown = [card.issue_uuid for card in self.cards]
            self._read_page(self.drill_time, shown, self.visit)
            return
        self.show_card()

    # -- the stage's checklist --------------------------------------------------------------

    def action_checklist(self) -> None:
        checklist = self.query_one(StageChecklist)
        checklist.focus()
        checklist.scroll_visible()

    @on(StageChecklist.Ticked)
    def _ticked(self, event: StageChecklist.Ticked) -> None:
        """Kept at once on the interview: one small write, refused plainly if it cannot be."""
        if self.upcoming is None:
            return
        interview, keys = self.upcoming, event.keys
        try:
            self.upcoming, _ = self.journal.change_interview(
                interview, lambda it: dataclasses.replace(it, checklist=ticked(it, keys))
            )
        except (JournalError, InvalidValue) as error:
            tell(self, str(error), "error", "Not saved")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "checklist":
            return self.query_one(StageChecklist).display
        if not self.loaded and action in {"reveal", "grade"}:
            return True  # taken, and done once the drill is read
        if action == "reveal":
            return self.card is not None and not self.revealed
        if action == "grade":
            if self.card is None:
                return False  # no card (none due, or the drill is done): no grades offered
            return None if not self.revealed else True
        return True
