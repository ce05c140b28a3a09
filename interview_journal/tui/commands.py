"""The command palette (ctrl+p): find interviews and categories, and run the journal's actions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.message import Message

from ..store import Journal, JournalError
from .messages import OpenCategory, OpenInJournal, RunJournalAction

ACTIONS = (
    ("New interview", "new_interview", "Capture an interview while it is fresh"),
    ("New issue", "new_issue", "Write down something that went wrong"),
    ("Search", "search", "Full-text search over everything you wrote"),
    ("What went well", "went_well", "Note what went well in the selected interview"),
    ("Follow-ups", "follow_ups", "Thank-you note and other follow-ups"),
    ("Edit interview", "edit_interview", "Company, role, date, notes and feelings"),
    ("Feedback received", "feedback", "What they said when you asked; make issues of it"),
    (
        "Export this interview for a coach",
        "export_for_coach",
        "Markdown for a coach: what went wrong, what you should have done, what went well",
    ),
    ("Prep worksheet", "prepare", "Why them, what they do, your questions, who, getting there"),
    (
        "Import a calendar file",
        "import_calendar",
        "Your calendar's interviews (.ics) into the journal",
    ),
    ("Your profile", "profile", "Your name, strengths and achievements, for the letters"),
    ("Close or reopen interview", "toggle_closed", "Moved on from it, or back to it"),
    ("Delete", "delete", "The selected issue or interview, after asking"),
)
APP_ACTIONS = (
    ("Trends", "switch_mode('trends')", "Which mistakes keep coming back"),
    ("Review", "review", "The briefing and the drill before the next interview"),
    ("Journal", "switch_mode('journal')", "The interviews and their issues"),
    ("Keys", "help", "The keys of the screen on show"),
    (
        "Export the journal (JSON)",
        "export_json",
        "Everything into a new JSON file beside the journal (importable again)",
    ),
)
"""The app's own actions (its bindings t, r, ?, and the export): run by the app wherever the
palette was opened."""


def _highlight(matcher: Matcher, text: str) -> Content:
    """The matched letters underlined, the text taken as typed: `Matcher.highlight` reads markup,
    and a company named `[bold]x[/]` must show as written."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content


class JournalCommands(Provider):
    """Interviews by company and role, categories by name, and the journal's actions.

    What it finds is asked of the app by message (OpenInJournal, RunJournalAction,
    OpenCategory), which shows the journal first: the palette works from every screen."""

    journal: Journal  # set by `journal_commands`

    async def startup(self) -> None:
        # Every interview's name: read in a thread, on a connection of its own, so that the
        # palette opens at once on a large journal and typing in it never waits.
        from ..store.reads import palette_index  # not needed for the first frame

        try:
            self.interviews, self.categories = await asyncio.to_thread(
                palette_index, self.journal.path
            )
        except JournalError:
            self.interviews, self.categories = [], []

    def _tell(self, message: Message) -> None:
        self.app.post_message(message)

    def _run(self, action: str) -> None:
        self._tell(RunJournalAction(action))

    def _go_to(self, uuid: str) -> None:
        self._tell(OpenInJournal(uuid))

    def _category(self, slug: str) -> None:
        self._tell(OpenCategory(slug))

    def _commands(self) -> list[tuple[str, str, Callable[[], object], bool]]:
        """(name, help, what it runs, offered before anything is typed): the journal's actions,
        the app's, then Textual's own (theme, screenshot, quit ...), always in that order (two
        providers would show whichever answered first, and this one reads the journal first)."""
        return [
            *((name, text, partial(self._run, action), True) for name, action, text in ACTIONS),
            *(
                (name, text, partial(self.app.run_action, action), True)
                for name, action, text in APP_ACTIONS
            ),
            *sorted(self.app.get_system_commands(self.screen), key=lambda command: command.title),
        ]

    async def discover(self) -> Hits:
        for name, help_text, callback, offered in self._commands():
            if offered:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback, _ in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, _highlight(matcher, name), callback, help=help_text)
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


def journal_commands(journal: Journal) -> type[JournalCommands]:
    """The palette's provider for this journal (Textual makes providers from their class)."""
    return type("JournalCommands", (JournalCommands,), {"journal": journal})
