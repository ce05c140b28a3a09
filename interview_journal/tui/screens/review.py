"""Review, before the next interview: a briefing from your own answers, then a drill.

The briefing names the next interview and lists the mistakes to watch, each with what you wrote
you should have done. The drill shows a problem, you recall your answer, `space` shows it, and
`1`-`4` grade the recall; fsrs schedules the next time (`core.review`), the journal keeps it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from ...core import review
from ...store.briefing import load_briefing
from ..text import hanging
from ..theme import theme_style
from ..widgets.footer import Footer

if TYPE_CHECKING:
    from ..app import JournalApp

GRADES = {1: "again", 2: "hard", 3: "good", 4: "easy"}
LABEL_COLOURS = {"recurring": "text-error", "improving": "text-warning", "fixed": "text-success"}
"""The trend labels in the theme's colours, as on the trends screen; `once` is dim."""


def briefing_text(briefing: review.Briefing, today, app: App[Any]) -> Group:  # noqa: ANN001
    """The briefing as the user reads it: their own words as typed, a long answer wrapped under
    its own start (a hanging indent), colours from the app's theme."""
    parts: list[RenderableType] = []
    text = Text()
    upcoming = briefing.upcoming
    if upcoming is not None:
        text.append("Next: ", style="bold")
        text.append(upcoming.company, style="bold")
        if upcoming.role:
            text.append(f" — {upcoming.role}")
        when = upcoming.date.strftime("%a %d %b")
        if upcoming.time:
            when += upcoming.time.strftime(" %H:%M")
        days = briefing.days_until
        text.append(f"\n{when}, " + ("tomorrow" if days == 1 else f"in {days} days") + "\n")
    else:
        text.append("No interview ahead in the journal: a general briefing.\n", style="bold")
    if briefing.focus:
        text.append("\nWatch for", style="bold underline")
    parts.append(text)
    flag = theme_style(app, "text-error", bold=True)
    for item in briefing.focus:
        heading = Text(f"\n{item.name}", style="bold")
        if item.label:
            variable = LABEL_COLOURS.get(item.label)
            style = theme_style(app, variable) if variable else Style(dim=True)
            heading.append(f"  {item.label}", style=style)
        if item.indefensible:
            heading.append("  indefensible", style=flag)
        parts.append(heading)
        for answer in item.answers:
            line = Text(" ".join(answer.should_have.split()))
            line.append(f"  ({answer.company}, {answer.date:%b %Y})", style="dim")
            parts.append(hanging("  → ", theme_style(app, "text-success"), line))
        for action in item.actions:
            parts.append(
                hanging("  ☐ ", theme_style(app, "text-accent"), Text(" ".join(action.split())))
            )
    parts.append(Text("\nOn the day", style="bold underline"))
    for entry in briefing.checklist:
        line = Text(entry.text)
        if entry.indefensible:
            line.append("  (indefensible)", style=flag)
        parts.append(hanging("  ☐ ", Style(), line))
    return Group(*parts)


class ReviewScreen(Screen[None]):
    """The briefing on the left, the drill on the right."""

    app: JournalApp  # type: ignore[assignment]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "reveal", "Show my answer", id="review.reveal"),
        Binding("1", "grade(1)", "Again", id="review.again"),
        Binding("2", "grade(2)", "Hard", id="review.hard"),
        Binding("3", "grade(3)", "Good", id="review.good"),
        Binding("4", "grade(4)", "Easy", id="review.easy"),
        Binding("escape", "app.switch_mode('journal')", "Journal", id="review.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[review.DrillCard] = []
        self.position = 0
        self.revealed = False
        self.results: list[tuple[review.DrillCard, int]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-main"):
            with VerticalScroll(id="briefing", classes="pane") as briefing:
                briefing.border_title = "Briefing"
                yield Static(id="briefing-text")
            with Vertical(id="drill", classes="pane") as drill:
                drill.border_title = "Drill"
                yield Static(id="card-where")
                yield Static(id="card-problem")
                yield Static(id="card-answer")
                yield Static(id="card-hint")
        yield Footer()

    def on_screen_resume(self) -> None:
        self.load()

    def load(self) -> None:
        journal = self.app.journal
        now = journal.clock.now()
        read = self.app.reading(
            lambda: (load_briefing(journal, self.app.today()), journal.drill_cards()), None
        )
        if read is None:  # a journal that cannot be read: said; nothing to brief or drill
            self.query_one("#briefing-text", Static).update("")
            self.cards = []
        else:
            briefing, cards = read
            text = briefing_text(briefing, self.app.today(), self.app)
            self.query_one("#briefing-text", Static).update(text)
            self.cards = [
                card for card in review.order_for_drill(cards, now) if review.is_due(card.card, now)
            ]
        self.position = 0
        self.results = []
        self.show_card()

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
        self.query_one("#drill").border_subtitle = f"{self.position + 1} of {len(self.cards)}"
        where.update(
            Text(
                f"{card.category_name or 'uncategorised'} · {card.company} · {card.date:%d %b %Y}",
                style="dim",
            )
        )
        problem.update(Text(card.problem))
        hint.update(Text("Recall what you should have done, then space to check.", style="dim"))

    def _summary_text(self) -> Text:
        if not self.results:
            text = Text("Nothing is due: your answers are fresh.\n\n")
            cards = self.app.reading(self.app.journal.drill_cards, [])
            upcoming = [c.due for c in cards if c.due is not None]
            if upcoming:
                text.append(f"Next card due {min(upcoming):%a %d %b %H:%M} (UTC).", style="dim")
            else:
                text.append(
                    "Cards are made from issues that have a 'what I should have done'.",
                    style="dim",
                )
            return text
        cards = self.app.reading(self.app.journal.drill_cards, [])
        next_due = min((c.due for c in cards if c.due), default=None)
        summary = review.summarize(self.results, next_due)
        text = Text("Drill done.\n\n", style="bold")
        text.append(f"Reviewed {summary.reviewed}, {summary.again} to see again soon.\n")
        if summary.due_next:
            text.append(f"Next due {summary.due_next:%a %d %b %H:%M} (UTC).\n")
        if summary.weakest:
            text.append(f"Weakest: {summary.weakest}. ", style="bold")
            text.append("Read your answers there once more before the day.")
        return text

    def action_reveal(self) -> None:
        card = self.card
        if card is None or self.revealed:
            return
        self.revealed = True
        answer = Text("Your answer\n", style=theme_style(self.app, "text-success", bold=True))
        answer.append(card.should_have)
        self.query_one("#card-answer", Static).update(answer)
        self.query_one("#card-hint", Static).update(
            Text("How well did you recall it?  1 again · 2 hard · 3 good · 4 easy", style="dim")
        )
        self.refresh_bindings()

    def action_grade(self, rating: int) -> None:
        card = self.card
        if card is None or not self.revealed:
            return
        journal = self.app.journal
        now = journal.clock.now()
        state, due = review.grade(card.card, rating, now)
        try:
            journal.record_review(card.issue_uuid, state, rating, now, due)
        except Exception as error:  # a JournalError: said plainly, the card stays
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        self.results.append((card, rating))
        self.position += 1
        self.show_card()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reveal":
            return self.card is not None and not self.revealed
        if action == "grade":
            if self.card is None:
                return False  # no card (none due, or the drill is done): no grades offered
            return None if not self.revealed else True
        return True
