"""What the screens tell the app. Screens never import the app: they post these, and the app
(which imports the screens) decides. Messages bubble from any widget up to the app."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from textual.message import Message


@dataclass
class OpenInJournal(Message):
    """Show this interview (and one of its issues) on the journal screen."""

    interview_uuid: str
    issue_uuid: str | None = None


@dataclass
class RunJournalAction(Message):
    """Run one of the journal screen's actions (the command palette, from any screen)."""

    action: str


@dataclass
class OpenCategory(Message):
    """Show the latest issue filed under this category on the journal screen."""

    slug: str


@dataclass
class JournalDamaged(Message):
    """A read met a damaged part of the journal: the app says so, once."""

    tables: Sequence[str] = field(default_factory=tuple)


@dataclass
class JournalReady(Message):
    """The journal screen's panes are mounted: keys typed during start-up can act now."""
