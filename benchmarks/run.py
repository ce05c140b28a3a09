"""Measure the budgets of DESIGN.md §9 in one run, print a table, write results/latest.json.

Every number is the median of several runs of a whole process (or, for key presses, of the
per-run percentiles), on a generated journal of 10,000 interviews kept in `results/` (git-ignored)
between runs. Run from the project's root: `uv run python -m benchmarks`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path

from . import probes

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
PYTHON = sys.executable
PROGRAM = Path(sys.executable).parent / "interview-journal"
INTERVIEWS = 10_000
KEY_TIME_LIMIT = 120.0
"""Seconds the key-press runs may take together: past it, fewer runs are made (and said so)."""

_A_ROW = re.compile(r"\d{4}-\d{2}-\d{2} ")


@dataclass
class Result:
    """One line of the table."""

    name: str
    value: float | None = None
    unit: str = ""
    budget: float | None = None  # the largest value within budget
    note: str = ""
    samples: list[float] = field(default_factory=list)
    indent: bool = False

    @property
    def verdict(self) -> str:
        if self.value is None:
            return self.note or "failed"
        if self.budget is None:
            return ""
        return "ok" if self.value <= self.budget else "OVER"


@dataclass
class Run:
    """A finished process: wall time from spawn to exit, and its own peak memory."""

    seconds: float
    returncode: int
    max_rss_mb: float
    stdout: str
    stderr: str


class ProbeFailed(RuntimeError):
    pass


# -- running things --------------------------------------------------------------------------


def environment(home: Path) -> dict[str, str]:
    """The user's own folders and journal never come into it. Bytecode may be written (some
    machines set PYTHONDONTWRITEBYTECODE): the warm-up run caches it, for the bare app and ours
    alike, as it is on any machine after a program's first start."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEXTUAL", "INTERVIEW_JOURNAL", "XDG_"))
        and key != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        TERM="xterm-256color",
    )
    return env


def run_process(argv: Sequence[str | os.PathLike[str]], env: dict[str, str]) -> Run:
    """Run a process to its end; its rusage comes from `wait4`, so it is this child's alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        began = time.perf_counter()
        process = subprocess.Popen(
            [str(arg) for arg in argv], stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        # ru_maxrss is in kilobytes on Linux, bytes on macOS.
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        return Run(
            seconds,
            process.returncode,
            usage.ru_maxrss / scale,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )


def run_ok(argv: Sequence[str | os.PathLike[str]], env: dict[str, str]) -> Run:
    run = run_process(argv, env)
    if run.returncode != 0:
        tail = (run.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise ProbeFailed(f"exit {run.returncode}: {tail}")
    return run


def repeat(argv: Sequence[str | os.PathLike[str]], env: dict[str, str], runs: int) -> list[Run]:
    """`runs` timed runs after one untimed warm-up (bytecode written, files in the page cache)."""
    run_ok(argv, env)
    return [run_ok(argv, env) for _ in range(runs)]


# -- the journal -------------------------------------------------------------------------------


def counts(path: Path) -> tuple[int, int] | None:
    """(interviews, issues) of a journal, read-only; None if it cannot be read."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            interviews = connection.execute("SELECT count(*) FROM interviews").fetchone()[0]
            issues = connection.execute("SELECT count(*) FROM issues").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return interviews, issues


def sample_journal(env: dict[str, str]) -> Path:
    """The 10,000-interview journal, generated once by the app's own `demo --out`."""
    path = RESULTS / f"journal-{INTERVIEWS}.db"
    found = counts(path) if path.exists() else None
    if found is not None and found[0] == INTERVIEWS:
        return path
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"generating {path.relative_to(ROOT)} ({INTERVIEWS:,} interviews) ...", flush=True)
    run_ok([PROGRAM, "demo", "--out", path, "--interviews", str(INTERVIEWS)], env)
    return path


# -- the measurements ------------------------------------------------------------------------


def first_frame_headless(journal: Path, env: dict[str, str], runs: int) -> list[Result]:
    bare = repeat([PYTHON, "-c", probes.BARE_FIRST_FRAME], env, runs)
    ours = repeat([PYTHON, "-c", probes.APP_FIRST_FRAME, journal], env, runs)
    bare_s = statistics.median(r.seconds for r in bare)
    ours_s = statistics.median(r.seconds for r in ours)
    return [
        Result(
            "first frame, headless: bare Textual app",
            bare_s,
            "s",
            samples=[r.seconds for r in bare],
        ),
        Result(
            "first frame, headless: interview-journal",
            ours_s,
            "s",
            samples=[r.seconds for r in ours],
        ),
        Result("ratio, ours / bare", ours_s / bare_s, "×", budget=1.5, indent=True),
        Result(
            "memory after the first frame (peak RSS)",
            max(r.max_rss_mb for r in ours),
            "MB",
            budget=150,
            samples=[r.max_rss_mb for r in ours],
        ),
    ]


def _tmux_first_frame(argv: Sequence[str | os.PathLike[str]], home: Path, shown) -> float:
    from tests.e2e.tmux import Terminal

    terminal = Terminal(argv, home=home, env=_tmux_env())
    began = time.perf_counter()
    with terminal:
        deadline = began + 30
        while True:
            screen = terminal.screen()
            if shown(screen):
                return time.perf_counter() - began
            if time.perf_counter() > deadline or not terminal.alive():
                raise ProbeFailed(f"first frame never showed:\n{screen}")
            time.sleep(0.005)


def first_frame_tmux(journal: Path, home: Path, runs: int) -> list[Result]:
    def app_ready(screen: str) -> bool:
        return "Interviews" in screen and _A_ROW.search(screen) is not None

    def bare_ready(screen: str) -> bool:
        return probes.BARE_WORD in screen

    bare_argv = [PYTHON, "-c", probes.BARE_FIRST_FRAME, "--stay"]
    ours_argv = [PROGRAM, "--db", journal]
    bare, ours = [], []
    for index in range(runs + 1):  # the first of each is a warm-up
        b = _tmux_first_frame(bare_argv, home / f"tmux-bare-{index}", bare_ready)
        o = _tmux_first_frame(ours_argv, home / f"tmux-app-{index}", app_ready)
        if index:
            bare.append(b)
            ours.append(o)
    bare_s, ours_s = statistics.median(bare), statistics.median(ours)
    return [
        Result("first frame in tmux: bare Textual app", bare_s, "s", samples=bare),
        Result("first frame in tmux: interview-journal (first row)", ours_s, "s", samples=ours),
        Result("ratio, ours / bare", ours_s / bare_s, "×", budget=1.2, indent=True),
    ]


def _tmux_env() -> dict[str, str]:
    """A PYTHONPATH given to the benchmark reaches the programs in tmux too (to measure another
    checkout of the app with this one's benchmark)."""
    return {"PYTHONPATH": os.environ["PYTHONPATH"]} if os.environ.get("PYTHONPATH") else {}


def _still(terminal, quiet: float = 0.15, limit: float = 5.0) -> str:  # noqa: ANN001
    """Wait until the screen has not changed for `quiet` seconds; return it."""
    began = last_change = time.perf_counter()
    screen = terminal.styled_screen()
    while time.perf_counter() - last_change < quiet:
        if time.perf_counter() - began > limit:
            break
        time.sleep(0.01)
        now = terminal.styled_screen()
        if now != screen:
            screen, last_change = now, time.perf_counter()
    return screen


def _tmux_key_times(
    argv: Sequence[str | os.PathLike[str]], home: Path, ready, key: str, presses: int
) -> list[float]:
    """Seconds from `tmux send-keys` to the first change on screen, for each press; each press
    starts from a still screen (a delayed detail load after the last is not taken as this one's
    repaint)."""
    from tests.e2e.tmux import Terminal

    with Terminal(argv, home=home, env=_tmux_env()) as terminal:
        deadline = time.perf_counter() + 30
        while not ready(terminal.screen()):
            if time.perf_counter() > deadline or not terminal.alive():
                raise ProbeFailed(f"never ready:\n{terminal.screen()}")
            time.sleep(0.01)
        time.sleep(1.0)  # start-up's own work after the first frame (panes, warm-up) is done
        seconds = []
        for _ in range(presses):
            before = _still(terminal)
            began = time.perf_counter()
            terminal.send(key)
            while terminal.styled_screen() == before:
                if time.perf_counter() - began > 5:
                    raise ProbeFailed(f"{key!r} changed nothing on screen")
            seconds.append(time.perf_counter() - began)
    return seconds


def key_to_repaint_tmux(journal: Path, home: Path, runs: int, presses: int) -> list[Result]:
    """A key press seen from outside, in tmux, as a user sees it: ours (`j` in the interview
    list) against a bare Textual OptionList of 10,000 rows (`down`), in the same run."""

    def app_ready(screen: str) -> bool:
        return "Interviews" in screen and _A_ROW.search(screen) is not None

    def bare_ready(screen: str) -> bool:
        return "Interview 0" in screen

    bare_argv = [PYTHON, "-c", probes.BARE_OPTION_LIST]
    ours_argv = [PROGRAM, "--db", journal]
    bare, ours = [], []
    for index in range(runs):
        bare += _tmux_key_times(
            bare_argv, home / f"tmux-keys-bare-{index}", bare_ready, "down", presses
        )
        ours += _tmux_key_times(ours_argv, home / f"tmux-keys-app-{index}", app_ready, "j", presses)
    bare_p95 = _percentile(bare, 0.95) * 1000
    ours_p95 = _percentile(ours, 0.95) * 1000
    return [
        Result(
            f"key to repaint in tmux, {runs} × {presses} presses: bare OptionList p95",
            bare_p95,
            "ms",
        ),
        Result("key to repaint in tmux: interview-journal j p95", ours_p95, "ms"),
        Result("ratio, ours / bare", ours_p95 / bare_p95, "×", budget=1.2, indent=True),
    ]


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def key_to_repaint(
    journal: Path, env: dict[str, str], runs: int, presses: int
) -> tuple[list[Result], float | None]:
    """p50 and p95 from key to repaint, medians over runs; and the peak memory meanwhile."""
    p50s, p95s, memory = [], [], []
    began = time.perf_counter()
    for _ in range(runs):
        run = run_ok([PYTHON, "-c", probes.KEY_TO_REPAINT, journal, str(presses)], env)
        report = json.loads(run.stdout)
        if report["end"] == report["start"]:
            raise ProbeFailed(f"j moved nothing (focus: {report['focused']})")
        p50s.append(_percentile(report["seconds"], 0.50) * 1000)
        p95s.append(_percentile(report["seconds"], 0.95) * 1000)
        memory.append(run.max_rss_mb)
        if time.perf_counter() - began > KEY_TIME_LIMIT:
            break
    note = f"{len(p95s)} run{'s' if len(p95s) != 1 else ''}" if len(p95s) < runs else ""
    floor = run_ok([PYTHON, "-c", probes.KEY_TO_REPAINT, "bare", str(presses)], env)
    floor_p95 = _percentile(json.loads(floor.stdout)["seconds"], 0.95) * 1000
    results = [
        Result(
            f"key to repaint, j × {presses} in the list: p50",
            statistics.median(p50s),
            "ms",
            samples=p50s,
            note=note,
        ),
        Result(
            f"key to repaint, j × {presses} in the list: p95",
            statistics.median(p95s),
            "ms",
            budget=50,
            samples=p95s,
            note=note,
        ),
        Result("floor: bare OptionList of 10,000, p95 (1 run)", floor_p95, "ms", indent=True),
    ]
    return results, max(memory)


def stats_command(journal: Path, env: dict[str, str], runs: int) -> list[Result]:
    name = "`interview-journal stats` vs `import sqlite_utils`"
    probe = run_process([PROGRAM, "stats", "--help"], env)
    if probe.returncode != 0:
        return [Result(name, note="not built yet")]
    stats = repeat([PROGRAM, "--db", journal, "stats"], env, runs)
    baseline = repeat([PYTHON, "-c", probes.IMPORT_SQLITE_UTILS], env, runs)
    stats_s = statistics.median(r.seconds for r in stats)
    baseline_s = statistics.median(r.seconds for r in baseline)
    return [
        Result(
            "python -c 'import sqlite_utils'",
            baseline_s,
            "s",
            samples=[r.seconds for r in baseline],
        ),
        Result("interview-journal stats", stats_s, "s", samples=[r.seconds for r in stats]),
        Result("ratio, stats / import", stats_s / baseline_s, "×", budget=1.5, indent=True),
    ]


def screens_ready(journal: Path, env: dict[str, str], runs: int) -> list[Result]:
    """From `t`, `r` or `p` to the screen on show, and to it filled: what it reads in a thread (on
    a connection of its own) is in and repainted. Each run is a first visit, the hardest."""

    def timed(key: str, mode: str) -> tuple[list[float], list[float]]:
        argv = [PYTHON, "-c", probes.SCREEN_READY, journal, key, mode]
        read = [json.loads(run_ok(argv, env).stdout) for _ in range(runs)]
        return [one["shown"] for one in read], [one["seconds"] for one in read]

    results = []
    for key, mode, name in (
        ("t", "warm", "trends after t (charts imported after the first frame)"),
        ("t", "cold", "trends after t, charts not yet imported"),
        ("r", "warm", "review after r"),
        ("p", "warm", "practice after p"),
    ):
        shown, filled = timed(key, mode)
        results += [
            Result(
                f"{name}: on show",
                statistics.median(shown),
                "s",
                budget=0.15 if mode == "warm" else None,
                samples=shown,
            ),
            Result(
                f"{name}: filled",
                statistics.median(filled),
                "s",
                budget=0.3 if key == "t" and mode == "warm" else None,
                samples=filled,
                indent=True,
            ),
        ]
    return results


# -- reporting -------------------------------------------------------------------------------


def machine() -> dict[str, object]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from interview_journal.store.driver import sqlite3 as driver

    try:
        tmux = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout.strip()
    except OSError:
        tmux = "not installed"
    return {
        "platform": platform.platform(),
        "cpu": cpu,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "textual": version("textual"),
        "sqlite": f"{driver.sqlite_version} (the app's: SQLCipher's)"
        f", {sqlite3.sqlite_version} (the floors')",
        "tmux": tmux,
    }


def _value(result: Result) -> str:
    if result.value is None:
        return "—"
    if result.unit == "s":
        return f"{result.value:.3f} s"
    if result.unit == "×":
        return f"{result.value:.2f} ×"
    return f"{result.value:.1f} {result.unit}"


def _budget(result: Result) -> str:
    if result.budget is None:
        return ""
    return f"≤ {result.budget:g} {result.unit}"


def table(results: Sequence[Result]) -> str:
    rows = [("measure", "result", "budget", "verdict")]
    for result in results:
        name = ("  " if result.indent else "") + result.name
        verdict = result.verdict
        if result.note and result.value is not None:
            verdict = f"{verdict} ({result.note})".strip()
        if len(verdict) > 72:  # a failure's whole story is in latest.json
            verdict = verdict[:71] + "…"
        rows.append((name, _value(result), _budget(result), verdict.replace("\n", " ")))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for index, row in enumerate(rows):
        lines.append(
            "  ".join(
                [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].ljust(widths[2]), row[3]]
            ).rstrip()
        )
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measure (default 5)")
    parser.add_argument("--presses", type=int, default=200, help="j presses per run (default 200)")
    parser.add_argument(
        "--tmux-presses",
        type=int,
        default=30,
        help="presses per run seen from tmux, where each waits for a still screen (default 30)",
    )
    parser.add_argument(
        "--only",
        choices=["speed", "trust", "encryption"],
        help="only the speed budgets, only the reliability figures, or only what encryption "
        "costs (default: all)",
    )
    options = parser.parse_args(argv)
    if not PROGRAM.exists():
        sys.exit(f"{PROGRAM} is missing: run `uv sync` first.")

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ij-bench-") as folder:
        home = Path(folder)
        env = environment(home)
        journal = sample_journal(env)
        interviews, issues = counts(journal) or (0, 0)
        results: list[Result] = []
        steps = [
            ("first frame, headless", lambda: first_frame_headless(journal, env, options.runs)),
            ("first frame in tmux", lambda: first_frame_tmux(journal, home, options.runs)),
            (
                "key to repaint in tmux",
                lambda: key_to_repaint_tmux(journal, home, options.runs, options.tmux_presses),
            ),
            ("stats", lambda: stats_command(journal, env, options.runs)),
            ("screens ready", lambda: screens_ready(journal, env, options.runs)),
            ("import speed", lambda: exchange.import_speed(journal, env, options.runs)),
            (
                "encryption",
                lambda: encrypted.encryption_cost(journal, home, env, options.runs),
            ),
        ]
        from . import encrypted, exchange, trust

        reliability = [
            ("export memory", lambda: trust.export_memory(journal, env, options.runs)),
            ("import memory", lambda: trust.import_memory(journal, env)),
            ("absurd input", lambda: trust.absurd_input(env)),
            ("first writers", lambda: trust.first_writers(env)),
        ]
        steps = {
            None: steps + reliability,
            "speed": steps,
            "trust": reliability,
            "encryption": steps[-1:],
        }[options.only]
        for label, step in steps:
            print(f"measuring {label} ...", flush=True)
            try:
                results.extend(step())
            except (ProbeFailed, RuntimeError, OSError, subprocess.SubprocessError) as error:
                results.append(Result(label, note=f"failed: {error}"))
        if options.only in (None, "speed"):
            print("measuring key to repaint ...", flush=True)
            try:
                keys, memory = key_to_repaint(journal, env, options.runs, options.presses)
                results.extend(keys)
                results.append(
                    Result(
                        "memory while moving through the list (peak RSS)", memory, "MB", budget=150
                    )
                )
            except (
                ProbeFailed,
                RuntimeError,
                OSError,
                subprocess.SubprocessError,
                ValueError,
            ) as error:
                results.append(Result("key to repaint", note=f"failed: {error}"))

    info = machine()
    elapsed = time.perf_counter() - started
    size_mb = journal.stat().st_size / 1e6
    header = [
        f"Interview Journal benchmarks, {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
        f"machine: {info['cpu']}, {info['cpu_count']} CPUs, {info['platform']}",
        f"python {info['python']}, textual {info['textual']}, sqlite {info['sqlite']}, "
        f"{info['tmux']}",
        f"journal: {journal.relative_to(ROOT)} ({interviews:,} interviews, {issues:,} issues, "
        f"{size_mb:.1f} MB)",
        f"each result: median of {options.runs} runs after a warm-up; took {elapsed:.0f} s",
    ]
    print()
    print("\n".join(header))
    print()
    print(table(results))

    RESULTS.mkdir(parents=True, exist_ok=True)
    document = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": info,
        "journal": {"interviews": interviews, "issues": issues, "megabytes": round(size_mb, 1)},
        "runs": options.runs,
        "presses": options.presses,
        "seconds": round(elapsed, 1),
        "results": [
            {
                **{key: value for key, value in asdict(result).items() if key != "indent"},
                "verdict": result.verdict,
            }
            for result in results
        ],
    }
    latest = RESULTS / "latest.json"
    latest.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten: {latest.relative_to(ROOT)}")
