"""What the tests in a real terminal share."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .tmux import tmux_available


@pytest.fixture(autouse=True)
def needs_tmux() -> None:
    """Every test here runs in a real terminal: skipped without tmux, failed in CI (it has it)."""
    if tmux_available():
        return
    if os.environ.get("CI"):
        pytest.fail("tmux is not installed: CI must install it (apt-get install tmux)")
    pytest.skip("tmux is not installed")


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    return tmp_path / "journal" / "journal.db"
