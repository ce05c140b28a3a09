"""Long work on the command line shows a bar on standard error, only where a person watches
it (issue 15): with standard error a terminal; a pipe or a log gets only the final line."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from interview_journal.cli.main import cli


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


def on_a_terminal(*args: str | Path, output_too: bool = False) -> tuple[int, str, str]:
    """Run the command line with standard error on a pseudo-terminal and standard output on a
    pipe (`output_too`: the other way round, both the same terminal as far as a bar goes): the
    exit code, what the terminal showed and what went to the pipe."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "interview_journal", *map(str, args)],
        stdin=subprocess.DEVNULL,
        stdout=follower if output_too else subprocess.PIPE,
        stderr=subprocess.PIPE if output_too else follower,
        env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            piece = os.read(leader, 4096)
        except OSError:  # the terminal's other side is closed: the program has ended
            break
        if not piece:
            break
        shown += piece
    os.close(leader)
    piped = process.stderr if output_too else process.stdout
    assert piped is not None
    out = piped.read().decode()
    piped.close()
    return process.wait(timeout=60), shown.decode(errors="replace"), out


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
