"""Pathological inputs (issue 17): time (and peak memory) per input size, sizes doubling.

    python benchmarks/pathological.py [--cases a,b] [--steps N] [--cap SECONDS] [--runs R]

Each case is an adversarial input from issue 17 (Why 4, 5, 7, 8) grown by doubling; each size
runs `betalint` as a whole process (the median of R runs) in a temp dir. Printed: the wall
time, the net CPU time (user + system, minus that of a run on an empty file, measured
alternately: CPU time does not grow with the machine's load as wall time does) and its
ratio to the size before: ~2 per doubling is linear, ~4 quadratic. A case stops growing once
a run takes longer than the cap (a run past twice the cap is killed and shown as ">"). The
glob case runs in-process, since one match is far below a process start-up. Results go to
benchmarks/results/pathological.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

RESULTS = Path(__file__).parent / "results" / "pathological.json"
KB = 1024


@dataclass(frozen=True)
class Case:
    """One adversarial input: a file name, its content at size n, the betalint arguments."""

    name: str
    why: str
    filename: str
    make: Callable[[int], bytes]
    args: tuple[str, ...]
    sizes: tuple[int, ...]  # n for each step (bytes, fixes or nesting levels)
    unit: str = "bytes"
    config: str | None = None  # a pyproject.toml to write beside the file


def _repeat(piece: str) -> Callable[[int], bytes]:
    return lambda n: (piece * (n // len(piece) + 1))[:n].encode() + b"\n"


def _fix_lines(n: int) -> bytes:
    return "".join(f'B{i} = ["fils-api-2025-04-14"]\n' for i in range(n)).encode()


def _big_python(n: int) -> bytes:
    """n bytes of dense Python (what made the ast.parse guard cost gigabytes), one fix; the
    sizes start above the guard's 512 KiB bound (below it the guard runs: ~120 MB at 320 KiB)."""
    line = "x = (a, b, c, 1, 2, 3, d.e.f, g(h), [i, j], {k: l})\n"
    return b'B = ["fils-api-2025-04-14"]\n' + (line * (n // len(line) + 1)).encode()[:n]


def _doubling(start: int, steps: int) -> tuple[int, ...]:
    return tuple(start << i for i in range(steps))


def cases(steps: int) -> list[Case]:
    check = ("check",)
    return [
        Case(
            "txt-header-keys",
            "4",
            "a.txt",
            _repeat("anthropic-beta:"),
            check,
            _doubling(25 * KB, steps),
        ),
        Case(
            "yaml-header-values",
            "4",
            "a.yaml",
            _repeat('"anthropic-beta: x " '),
            check,
            _doubling(25 * KB, steps),
        ),
        Case(
            "markdown-fences-one-line",
            "4",
            "a.md",
            _repeat("``` ~~~ "),
            check,
            _doubling(100 * KB, steps),
        ),
        Case(
            "suppression-comments",
            "4",
            "a.py",
            _repeat("# betalint: ignore "),
            check,
            _doubling(25 * KB, steps),
        ),
        Case(
            "js-betas-comment-opener",
            "4",
            "a.js",
            _repeat(";betas=[/*x"),
            check,
            _doubling(25 * KB, steps),
        ),
        Case(
            "fix-many-fixes",
            "5",
            "a.py",
            _fix_lines,
            ("check", "--fix"),
            _doubling(2000, steps),
            unit="fixes",
        ),
        Case(
            "diff-many-fixes",
            "5",
            "a.py",
            _fix_lines,
            ("check", "--diff"),
            _doubling(2000, steps),
            unit="fixes",
        ),
        Case(
            "fix-big-python-file",
            "5",
            "a.py",
            _big_python,
            ("check", "--fix"),
            _doubling(600 * KB, steps),
        ),
        Case(
            "toml-nesting-in-config",
            "7",
            "a.py",
            lambda n: b"x = 1\n",
            check,
            _doubling(100, steps),
            unit="levels",
            config="nested",
        ),
    ]


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # user + system seconds: what the input costs, whatever the machine's load
    rss_kib: int  # peak resident memory
    code: int


def _run(argv: Sequence[str], cwd: Path, cap: float) -> Run:
    """One process, timed; killed after twice the cap (wall clock)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    timer = threading.Timer(2 * cap, proc.kill)
    timer.start()
    try:
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(time.perf_counter() - start, cpu, usage.ru_maxrss, proc.returncode)


def _betalint() -> list[str]:
    exe = Path(sys.executable).with_name("betalint")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "betalint"]


def _prepare(case: Case, n: int, work: Path) -> None:
    for old in work.iterdir():
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    if case.config == "nested":
        (work / "pyproject.toml").write_text("[tool.betalint]\nx = " + "[" * n + "\n")
    (work / case.filename).write_bytes(case.make(n))


def measure(case: Case, runs: int, cap: float) -> list[dict[str, float | int]]:
    """Each size: R runs of the case alternating with R runs on an empty file, so "net"
    (the difference of the medians) is not skewed by a machine whose load drifts."""
    rows: list[dict[str, float | int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work, empty = Path(tmp) / "case", Path(tmp) / "empty"
        work.mkdir()
        empty.mkdir()
        (empty / "empty.txt").write_text("")
        for n in case.sizes:
            done: list[Run] = []
            starts: list[Run] = []
            for _ in range(runs):
                _prepare(case, n, work)
                done.append(_run([*_betalint(), *case.args, case.filename], work, cap))
                starts.append(_run([*_betalint(), "check", "empty.txt"], empty, cap))
                if done[-1].wall > cap:
                    break
            median = statistics.median(r.wall for r in done)
            cpu = statistics.median(r.cpu for r in done) - statistics.median(r.cpu for r in starts)
            rows.append(
                {
                    "n": n,
                    "seconds": median,
                    "net": max(cpu, 1e-3),
                    "peak_rss_kib": max(r.rss_kib for r in done),
                    "exit": done[-1].code,
                    "killed": int(median >= 2 * cap),  # killed: the time is a lower bound
                }
            )
            _print_row(case, rows)
            if median > cap:
                break
    return rows


def glob_case(steps: int, runs: int) -> list[dict[str, float | int]]:
    """`*a*a*a*a*a*a*a*a*a*a*b` against names of n `a`s, through discovery's matcher."""
    from betalint.linter.files.discovery import _Patterns

    patterns = _Patterns(["*a*a*a*a*a*a*a*a*a*a*b"])
    rows: list[dict[str, float | int]] = []
    case = Case("glob-catastrophic", "8", "", _repeat("a"), (), _doubling(1024, steps), "chars")
    for n in case.sizes:
        name = "a" * n
        times = []
        for _ in range(runs):
            count, start = 0, time.perf_counter()
            while time.perf_counter() - start < 0.2:  # enough matches to rise above the clock
                patterns.match(name, name, False)
                count += 1
            times.append((time.perf_counter() - start) / count)
        median = statistics.median(times)
        rows.append({"n": n, "seconds": median, "net": median, "peak_rss_kib": 0, "exit": 0})
        _print_row(case, rows)
    return rows


def _fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.1f} µs"
    return f"{seconds * 1e3:8.1f} ms"


def _print_row(case: Case, rows: list[dict[str, float | int]]) -> None:
    row = rows[-1]
    ratio = f"{row['net'] / rows[-2]['net']:5.2f}" if len(rows) > 1 else "    -"
    if row.get("killed"):  # the time is a lower bound, and so is the ratio
        ratio = ">" + ratio.strip()
    rss = f"{int(row['peak_rss_kib']) // 1024:6d} MB" if row["peak_rss_kib"] else "       -"
    print(
        f"  {case.name:<26} n={int(row['n']):>9} {case.unit:<6} "
        f"wall {_fmt(float(row['seconds']))}  net cpu {_fmt(float(row['net']))}  "
        f"x{ratio} per doubling  {rss}",
        flush=True,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--steps", type=int, default=6, help="sizes per case (default 6)")
    parser.add_argument("--cap", type=float, default=10.0, help="stop growing past (s)")
    parser.add_argument("--runs", type=int, default=3, help="runs per size (median)")
    args = parser.parse_args(argv)
    wanted = set(args.cases.split(",")) if args.cases else None

    print("net cpu: user+system time minus a run on an empty file's (start-up), alternately")

    results: dict[str, object] = {}
    for case in cases(args.steps):
        if wanted is None or case.name in wanted:
            print(f"Why {case.why}: {case.name}")
            results[case.name] = measure(case, args.runs, args.cap)
    if wanted is None or "glob-catastrophic" in wanted:
        print("Why 8: glob-catastrophic (in-process, per match)")
        results["glob-catastrophic"] = glob_case(args.steps, args.runs)

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "benchmark": "pathological",
        "cap_s": args.cap,
        "runs": args.runs,
        "cases": results,
        "python": sys.version.split()[0],
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
    }
    RESULTS.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
