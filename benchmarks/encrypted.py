"""What encryption costs (issue 15): the 10,000-interview journal encrypted with SQLCipher,
measured beside the same journal plain and beside the bare floors, in the same run. The
passphrase comes from INTERVIEW_JOURNAL_PASSPHRASE, as a user's would in a script."""

from __future__ import annotations

import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from . import probes
from .run import (
    PROGRAM,
    PYTHON,
    RESULTS,
    Result,
    _percentile,
    _tmux_first_frame,
    _tmux_key_times,
    repeat,
    run_ok,
    screens_ready,
)

PASSPHRASE = "benchmark passphrase"
VARIABLE = "INTERVIEW_JOURNAL_PASSPHRASE"


def encrypted_copy(plain: Path, env: dict[str, str]) -> tuple[Path, float]:
    """The journal's encrypted copy, made anew by `encrypt`; the seconds that took."""
    path = RESULTS / f"{plain.stem}-encrypted.db"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    shutil.copyfile(plain, path)
    began = time.perf_counter()
    run_ok([PROGRAM, "--db", path, "encrypt"], env | {VARIABLE: PASSPHRASE})
    return path, time.perf_counter() - began


def encryption_cost(plain: Path, home: Path, env: dict[str, str], runs: int) -> list[Result]:
    path, took = encrypted_copy(plain, env)
    keyed = env | {VARIABLE: PASSPHRASE}
    results = [Result("encrypt the 10,000-interview journal (`encrypt`, once)", took, "s")]

    def side_by_side(what: str, argv: Callable[[Path], list[str | Path]]) -> list[Result]:
        """The command `argv(journal)` on the plain journal and on the encrypted one."""
        plain_s = statistics.median(r.seconds for r in repeat(argv(plain), env, runs))
        keyed_s = statistics.median(r.seconds for r in repeat(argv(path), keyed, runs))
        return [
            Result(f"{what}: plain journal", plain_s, "s"),
            Result(f"{what}: encrypted journal", keyed_s, "s"),
            Result("ratio, encrypted / plain", keyed_s / plain_s, "×", indent=True),
        ]

    results += side_by_side(
        "first frame, headless", lambda journal: [PYTHON, "-c", probes.APP_FIRST_FRAME, journal]
    )

    def app_ready(screen: str) -> bool:
        return "Interviews" in screen and any(c.isdigit() for c in screen)

    def bare_ready(screen: str) -> bool:
        return probes.BARE_WORD in screen

    keyed_argv = ["env", f"{VARIABLE}={PASSPHRASE}", PROGRAM, "--db", path]
    plain_argv = [PROGRAM, "--db", plain]
    bare_argv = [PYTHON, "-c", probes.BARE_FIRST_FRAME, "--stay"]
    bare, unkeyed, ours = [], [], []
    for index in range(runs + 1):  # the first of each is a warm-up
        b = _tmux_first_frame(bare_argv, home / f"enc-bare-{index}", bare_ready)
        p = _tmux_first_frame(plain_argv, home / f"enc-plain-{index}", app_ready)
        o = _tmux_first_frame(keyed_argv, home / f"enc-app-{index}", app_ready)
        if index:
            bare.append(b)
            unkeyed.append(p)
            ours.append(o)
    results += [
        Result("first frame in tmux: bare Textual app", statistics.median(bare), "s"),
        Result("first frame in tmux: plain journal", statistics.median(unkeyed), "s"),
        Result(
            "ratio, plain / bare",
            statistics.median(unkeyed) / statistics.median(bare),
            "×",
            indent=True,
        ),
        Result("first frame in tmux: encrypted journal", statistics.median(ours), "s"),
        Result(
            "ratio, encrypted / bare",
            statistics.median(ours) / statistics.median(bare),
            "×",
            budget=1.2,
            indent=True,
        ),
    ]

    bare_keys, ours_keys = [], []
    list_argv = [PYTHON, "-c", probes.BARE_OPTION_LIST]
    for index in range(runs):
        bare_keys += _tmux_key_times(
            list_argv,
            home / f"enc-keys-bare-{index}",
            lambda screen: "Interview 0" in screen,
            "down",
            30,
        )
        ours_keys += _tmux_key_times(keyed_argv, home / f"enc-keys-app-{index}", app_ready, "j", 30)
    bare_p95 = _percentile(bare_keys, 0.95) * 1000
    ours_p95 = _percentile(ours_keys, 0.95) * 1000
    results += [
        Result("key to repaint in tmux: bare OptionList p95", bare_p95, "ms"),
        Result("key to repaint in tmux: encrypted journal j p95", ours_p95, "ms"),
        Result("ratio, encrypted / bare", ours_p95 / bare_p95, "×", budget=1.2, indent=True),
    ]

    results += side_by_side("stats", lambda journal: [PROGRAM, "--db", journal, "stats"])
    review = [r for r in screens_ready(path, keyed, runs) if "review" in r.name]
    for result in review:
        result.name = f"encrypted: {result.name}"
    return results + review
