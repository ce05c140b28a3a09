"""The command palette (ctrl+p): find interviews and categories, and run the journal's actions."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

if TYPE_CHECKING:
    from .app import JournalApp
    from .screens.journal import JournalScreen

ACTIONS = (
    ("New interview", "new_interview", "Capture an interview while it is fresh"),
    ("New issue", "new_issue", "Write down something that went wrong"),
    ("Search", "search", "Full-text search over everything you wrote"),
    ("What went well", "went_well", "Note what went well in the selected interview"),
    ("Follow-ups", "follow_ups", "Thank-you note and other follow-ups"),
    ("Edit interview", "edit_interview", "Company, role, date, notes and feelings"),
)


def _highlight(matcher: Matcher, text: str) -> Content:
    """The matched letters underlined, the text taken as typed: `Matcher.highlight` reads markup,
    and a company named `[bold]x[/]` must show as written."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content


class JournalCommands(Provider):
    """Interviews by company and role, categories by name, and the journal's actions."""

    async def startup(self) -> None:
        app: JournalApp = self.app  # type: ignore[assignment]
        self.interviews = app.journal.interview_index()
        self.categories = app.journal.categories()

    def _screen(self) -> JournalScreen | None:
        """The journal screen, brought to the front: the palette acts there from every screen."""
        from .screens.journal import JournalScreen

        if self.app.current_mode != "journal":
            self.app.switch_mode("journal")
        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, JournalScreen):
                return screen
        return None

    def _run(self, action: str) -> None:
        screen = self._screen()
        if screen is not None:
            self.app.call_later(screen.run_action, action)

    def _go_to(self, uuid: str) -> None:
        screen = self._screen()
        if screen is not None:
            screen.go_to(uuid)

    def _category(self, slug: str) -> None:
        screen = self._screen()
        if screen is not None:
            screen.go_to_category(slug)

    async def discover(self) -> Hits:
        for name, action, help_text in ACTIONS:
            yield DiscoveryHit(name, partial(self._run, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, action, help_text in ACTIONS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score, _highlight(matcher, name), partial(self._run, action), help=help_text
                )
        for category in self.categories:
            label = f"Category: {category.name}"
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, label),
                    partial(self._category, category.slug),
                    help="The latest interview where this came up",
                )
        shown = 0
        for uuid, date, company, role in self.interviews:
            label = f"{company} — {role}" if role else company
            score = matcher.match(label)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, label),
                    partial(self._go_to, uuid),
                    text=label,
                    help=f"Interview on {date.isoformat()}",
                )
                shown += 1
                if shown >= 50:
                    break
