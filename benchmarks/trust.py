"""The figures of the README's reliability section (issue 10), measured on the real program:
memory on absurd input, export memory on the 10,000-interview journal, twenty first writers."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .run import PROGRAM, Result, run_process

MB = 1024 * 1024


def _peak_mb(argv: list[str], env: dict[str, str], stdin: str | None = None) -> tuple[float, int]:
    """Peak RSS (MB) and exit status of one run, its standard input from `stdin` if given."""
    with open(stdin or os.devnull, "rb") as source:
        process = subprocess.Popen(
            argv, stdin=source, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = usage.ru_maxrss / MB if sys.platform == "darwin" else usage.ru_maxrss / 1024
    return peak, os.waitstatus_to_exitcode(status)


def export_memory(journal: Path, env: dict[str, str], runs: int) -> list[Result]:
    """Peak memory of `export -o` in each format, against the budget of DESIGN §9."""
    results = []
    floor = run_process([sys.executable, "-c", "import sqlite_utils"], env).max_rss_mb
    results.append(Result("floor: python -c 'import sqlite_utils', peak RSS", floor, "MB"))
    with tempfile.TemporaryDirectory(prefix="ij-export-") as folder:
        for fmt in ("json", "md", "csv"):
            peaks, seconds = [], []
            for run in range(runs):
                out = Path(folder) / f"out-{run}.{fmt}"
                began = time.perf_counter()
                peak, code = _peak_mb(
                    [str(PROGRAM), "--db", str(journal), "export", "-f", fmt, "-o", str(out)], env
                )
                seconds.append(time.perf_counter() - began)
                if code != 0:
                    return [*results, Result(f"export --format {fmt}", note=f"exit {code}")]
                peaks.append(peak)
                out.unlink()
            results.append(
                Result(
                    f"export --format {fmt} of the journal, peak RSS",
                    max(peaks),
                    "MB",
                    budget=100,
                    note=f"{min(seconds):.2f} s",
                    samples=peaks,
                )
            )
    return results


def import_memory(journal: Path, env: dict[str, str]) -> list[Result]:
    """Peak memory of importing the journal's own JSON export into a new journal."""
    with tempfile.TemporaryDirectory(prefix="ij-import-") as folder:
        export = Path(folder) / "export.json"
        target = Path(folder) / "new.db"
        _peak_mb([str(PROGRAM), "--db", str(journal), "export", "-o", str(export)], env)
        began = time.perf_counter()
        peak, code = _peak_mb([str(PROGRAM), "--db", str(target), "import", str(export)], env)
        seconds = time.perf_counter() - began
        size = export.stat().st_size / 1e6
    note = f"{seconds:.1f} s, a {size:.0f} MB file" if code == 0 else f"exit {code}"
    return [Result("import of that export into a new journal, peak RSS", peak, "MB", 300, note)]


def absurd_input(env: dict[str, str]) -> list[Result]:
    """Endless input is refused with bounded memory: `import /dev/zero`, notes from /dev/zero."""
    results = []
    with tempfile.TemporaryDirectory(prefix="ij-absurd-") as folder:
        journal = str(Path(folder) / "journal.db")
        cases: list[tuple[str, list[str], str | None]] = [
            ("import /dev/zero", ["import", "/dev/zero"], None),
            ("import - < /dev/zero", ["import", "-"], "/dev/zero"),
            ("add -n - < /dev/zero", ["add", "Acme", "-n", "-"], "/dev/zero"),
        ]
        for label, args, stdin in cases:
            peak, code = _peak_mb([str(PROGRAM), "--db", journal, *args], env, stdin)
            note = "refused" if code == 1 else f"exit {code}"
            results.append(Result(f"{label}, peak RSS", peak, "MB", budget=300, note=note))
    return results


def first_writers(env: dict[str, str], writers: int = 20) -> list[Result]:
    """`writers` processes run their first `add` on the same new journal at once."""
    with tempfile.TemporaryDirectory(prefix="ij-writers-") as folder:
        journal = str(Path(folder) / "journal.db")
        began = time.perf_counter()
        processes = [
            subprocess.Popen(
                [str(PROGRAM), "--db", journal, "add", f"Company {n}"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
            )
            for n in range(writers)
        ]
        codes = [process.wait() for process in processes]
        seconds = time.perf_counter() - began
        landed = sum(code == 0 for code in codes)
    verdict = "all landed" if landed == writers else f"{writers - landed} FAILED"
    return [
        Result(
            f"{writers} first writers on one new journal at once",
            seconds,
            "s",
            note=f"{landed} of {writers} landed: {verdict}",
        )
    ]
