"""The few settings, in one small typed object that environment variables can override."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import locations

_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True, slots=True)
class Settings:
    journal: Path
    dayfirst: bool = True  # 03/04/2026 is 3 April unless the user says otherwise

    @classmethod
    def from_environment(
        cls, environ: Mapping[str, str] | None = None, *, journal: Path | None = None
    ) -> Settings:
        """The settings from the environment; `journal`, when given (`--db`), wins over it."""
        environ = os.environ if environ is None else environ
        named = journal or environ.get("INTERVIEW_JOURNAL_DB") or locations.default_journal()
        dayfirst = environ.get("INTERVIEW_JOURNAL_DAYFIRST", "1").strip().lower() not in _FALSE
        return cls(journal=Path(named).expanduser(), dayfirst=dayfirst)
