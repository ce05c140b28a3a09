"""Long work on the command line shows a bar on standard error, only where a person watches
it (issue 15): with standard error a terminal; a pipe or a log gets only the final line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_journal.cli.main import cli

from .conftest import on_a_terminal


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample journal of 40 interviews and its JSON export, made once; read, never changed."""
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    made = run("--db", path.with_name("unused.db"), "demo", "--out", path, "--interviews", "40")
    assert made.exit_code == 0, made.output
    exported = run("--db", path, "export", "-o", path.with_name("demo.json"))
    assert exported.exit_code == 0, exported.output
    return path


def test_export_to_a_pipe_or_log_says_only_its_last_line(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = run("--db", demo, "export", "-o", out)
    assert result.exit_code == 0
    assert result.stderr == f"Exported 40 interviews to {out} (json).\n"
    assert out.stat().st_size > 0


def test_import_to_a_pipe_or_log_shows_no_bar(demo: Path, tmp_path: Path) -> None:
    result = run("--db", tmp_path / "new.db", "import", demo.with_name("demo.json"))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "interviews: 40 added" in result.stdout


def test_export_on_a_terminal_shows_a_bar_then_its_last_line(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    code, shown, printed = on_a_terminal("--db", demo, "export", "-o", out)
    assert code == 0, shown
    assert "Exporting" in shown
    assert "100%" in shown and "####" in shown
    assert shown.rstrip().endswith(f"Exported 40 interviews to {out} (json).")
    assert printed == ""
    assert out.read_bytes() == demo.with_name("demo.json").read_bytes()


def test_import_on_a_terminal_shows_a_bar_by_the_bytes_read(demo: Path, tmp_path: Path) -> None:
    code, shown, printed = on_a_terminal(
        "--db", tmp_path / "new.db", "import", demo.with_name("demo.json")
    )
    assert code == 0, shown
    assert "Importing" in shown and "100%" in shown
    assert "interviews: 40 added" in printed


def test_no_bar_is_drawn_into_an_export_to_the_same_terminal(demo: Path) -> None:
    """Standard output on the terminal too: the export is the text there, never a bar in it."""
    code, shown, errors = on_a_terminal("--db", demo, "export", "-f", "csv", output_too=True)
    assert code == 0
    assert errors == ""
    assert "Exporting" not in shown and "%" not in shown
    assert shown.startswith("interview_uuid,company,role")
    assert "####" not in shown and "\r\r" not in shown
