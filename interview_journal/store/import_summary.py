"""What an import did: counts per kind of row. Apart from the merging itself (store/merge,
store/practice_merge), which is imported only when an import runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True)
class ImportCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    """Rows the file has an older copy of (or one of unknown age): the journal's was kept."""


@dataclass(slots=True)
class PracticeCounts:
    questions: ImportCounts = field(default_factory=ImportCounts)
    stories: ImportCounts = field(default_factory=ImportCounts)
    reviews: ImportCounts = field(default_factory=ImportCounts)


@dataclass(slots=True)
class ImportSummary:
    """What an import did, per kind of row."""

    categories: ImportCounts
    interviews: ImportCounts
    issues: ImportCounts
    positives: ImportCounts
    follow_ups: ImportCounts
    reviews: ImportCounts = field(default_factory=ImportCounts)
    practice: PracticeCounts = field(default_factory=PracticeCounts)
    """The questions, their answers (stories) and their practice grades."""
    kept: list[str] = field(default_factory=list)
    """The first few rows kept as the journal has them, as `interview 5b0c1c7e`."""
    backup: Path | None = None
    """Where the journal was copied before the import changed rows it already had."""
    profile: str = ""
    """What became of the file's profile: "" (the file has none), "added" (the journal had
    none), "unchanged" (the journal's is the same) or "kept" (the journal's, which differs, is
    kept: the profile is the user's, and this journal's is the one they last wrote)."""

    @classmethod
    def empty(cls) -> ImportSummary:
        return cls(ImportCounts(), ImportCounts(), ImportCounts(), ImportCounts(), ImportCounts())

    @property
    def total_kept(self) -> int:
        return sum(
            c.kept
            for c in (
                self.interviews,
                self.issues,
                self.positives,
                self.follow_ups,
                self.practice.questions,
                self.practice.stories,
            )
        )
