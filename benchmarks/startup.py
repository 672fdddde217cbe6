"""Start-up cost, whole process: `betalint validate NAME` and `betalint check FILE` against
`codespell FILE`, `typos FILE` and a bare `python -c pass`, in one run.

    pip install -e '.[bench]'          # codespell and typos (benchmark-only dependencies)
    python benchmarks/startup.py [-n N] [--warmup W] [--wheel] [--baseline DIR] [--no-importtime]

Every command runs as a whole process, alternating, N times after W warm-ups (which also fill
betalint's cache and the bytecode caches); medians and minimums are printed with the ratios
to codespell, and written to benchmarks/results/startup.json. Goals (issue 19): validate
<= 0.4x codespell, check of one small file <= 0.5x codespell.

`--wheel` builds this checkout's wheel and installs it, codespell and typos into a fresh
virtualenv in the temporary directory (about 10 s; needs the package index), and times the
tools from there: what a user's install runs. Without it the current environment's are
timed; an editable install there adds its import hook to every process's start-up (about
8 ms, codespell's and `python -c pass`'s too).

`--baseline DIR` also times another betalint source tree (e.g. `git archive REF | tar -x -C
DIR`) in the same run, imported from DIR by the same interpreter, for before/after figures.
Unless `--no-importtime`, one extra run of each betalint command under `python -X importtime`
prints its import time and the costliest top-level imports.

`PYTHONDONTWRITEBYTECODE` is dropped from the children's environment: with it set, betalint
would compile every module from source on every run (an installed tool runs from .pyc files,
as codespell, whose .pyc pip wrote at install, does anyway). The sample sits in a fresh
temporary directory with no config file, as a file an editor hook checks usually does not.
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
import time
from collections.abc import Sequence
from pathlib import Path

GOALS = {"betalint validate": 0.4, "betalint check": 0.5}
PEER = "codespell"
RESULTS = Path(__file__).parent / "results" / "startup.json"
NAME = "computer-use-2025-01-24"
SAMPLE = '''"""A small module with a beta header."""

import anthropic

client = anthropic.Anthropic()
BETAS = ["computer-use-2025-01-24"]


def ask(prompt: str) -> str:
    """Send one prompt and return the text of the answer."""
    message = client.beta.messages.create(
        model="claude-sonnet-4-5", max_tokens=256, betas=BETAS,
        messages=[{"role": "user", "content": prompt}],
    )
    return message.content[0].text
'''
# What the console script does, for a source tree given with --baseline.
_LAUNCH = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); from betalint.__main__ import run; run()"
)


ROOT = Path(__file__).resolve().parent.parent


def _tool(python: Path, name: str) -> str | None:
    """An executable next to `python`, else on PATH, else None."""
    beside = python.with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def fresh_install(where: Path) -> Path:
    """This checkout's wheel, codespell and typos in a new virtualenv; its python."""
    dist = where / "dist"
    pip = [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)]
    subprocess.run(pip, check=True)
    subprocess.run([sys.executable, "-m", "venv", str(where / "venv")], check=True)
    python = where / "venv" / "bin" / "python"
    wheels = [str(w) for w in dist.glob("betalint-*.whl")]
    subprocess.run(
        [python, "-m", "pip", "install", "-q", *wheels, "codespell", "typos"], check=True
    )
    return python


def _time(argv: Sequence[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd, check=False
    )
    return time.perf_counter() - start


def commands(python: Path, sample: Path, baseline: Path | None) -> dict[str, list[str]]:
    """Every command timed, by label; a peer that is not installed is left out (codespell
    is required: the goals are ratios to it)."""
    betalint = _tool(python, "betalint") or "betalint"
    found: dict[str, list[str]] = {
        "python -c pass": [str(python), "-c", "pass"],
        "betalint validate": [betalint, "validate", NAME],
        "betalint check": [betalint, "check", str(sample)],
    }
    if baseline is not None:
        launch = [str(python), "-c", _LAUNCH, str(baseline)]
        found["baseline validate"] = [*launch, "validate", NAME]
        found["baseline check"] = [*launch, "check", str(sample)]
    codespell = _tool(python, PEER)
    if codespell is None:
        raise SystemExit("codespell is not installed: pip install -e '.[bench]'")
    found[PEER] = [codespell, str(sample)]
    typos = _tool(python, "typos")
    if typos is not None:
        found["typos"] = [typos, str(sample)]
    return found


def import_profile(
    python: Path, argv: Sequence[str], env: dict[str, str], cwd: Path, top: int = 8
) -> dict[str, object]:
    """One run of `python -X importtime -m betalint ARGS`: the total of every module's own
    import time, and the costliest top-level imports (cumulative, in ms)."""
    done = subprocess.run(
        [str(python), "-X", "importtime", "-m", "betalint", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    total_us = 0
    roots: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        total_us += int(own)
        if not name.startswith("  "):  # a top-level import (one space after the bar)
            roots.append((int(cumulative), name.strip()))
    roots.sort(reverse=True)
    return {
        "total_ms": total_us / 1000,
        "top_ms": {name: us / 1000 for us, name in roots[:top]},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Time everything, print medians and ratios, write the JSON; exit 1 if a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="timed runs per command (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    parser.add_argument("--wheel", action="store_true", help="time a fresh install of the wheel")
    parser.add_argument("--baseline", type=Path, help="another betalint source tree to time")
    parser.add_argument("--no-importtime", action="store_true", help="skip the import profile")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)  # every command runs here: no config file of the caller's tree applies
        sample = work / "sample.py"
        sample.write_text(SAMPLE, encoding="utf-8")
        env = dict(os.environ, BETALINT_CACHE_DIR=str(work / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        python = fresh_install(work / "install") if args.wheel else Path(sys.executable)
        timed = commands(python, sample, args.baseline.resolve() if args.baseline else None)
        for cmd in timed.values():
            for _ in range(args.warmup):
                _time(cmd, env, work)
        times: dict[str, list[float]] = {name: [] for name in timed}
        for _ in range(args.n):  # alternate so drifting machine load hits all alike
            for name, cmd in timed.items():
                times[name].append(_time(cmd, env, work))
        imports = {}
        if not args.no_importtime:
            imports = {
                "betalint validate": import_profile(python, ["validate", NAME], env, work),
                "betalint check": import_profile(python, ["check", str(sample)], env, work),
            }

    medians = {name: statistics.median(ts) for name, ts in times.items()}
    minimums = {name: min(ts) for name, ts in times.items()}
    ratios = {name: medians[name] / medians[PEER] for name in medians if name.startswith("b")}
    # On a shared machine load spikes inflate some runs; the fastest run of each is the
    # least disturbed, so the ratio of minimums is printed beside the goals' median ratio.
    min_ratios = {name: minimums[name] / minimums[PEER] for name in ratios}
    for name, median in medians.items():
        print(f"{name:<18} median {median * 1000:7.1f} ms  (min {min(times[name]) * 1000:.1f} ms)")
    for name, ratio in ratios.items():
        goal = GOALS.get(name)
        verdict = "" if goal is None else f" ({'meets' if ratio <= goal else 'misses'} <= {goal}x)"
        print(f"{name}/{PEER} = {ratio:.2f}x{verdict}; of minimums {min_ratios[name]:.2f}x")
    for name, profile in imports.items():
        top = ", ".join(f"{mod} {ms:.1f}" for mod, ms in profile["top_ms"].items())  # type: ignore[attr-defined]
        print(f"{name}: imports {profile['total_ms']:.1f} ms; top-level (cumulative ms): {top}")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    report = {
        "benchmark": "startup",
        "commands": timed,
        "install": "fresh wheel" if args.wheel else "current environment",
        "runs": args.n,
        "warmup": args.warmup,
        "median_s": medians,
        "min_s": minimums,
        "times_s": times,
        "ratios": ratios,
        "min_ratios": min_ratios,
        "goals": GOALS,
        "imports": imports,
        "python": sys.version.split()[0],
        "machine": platform.platform(),
        "cpus": os.cpu_count(),
        "load_avg": os.getloadavg(),
    }
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS}")
    return 0 if all(ratios[name] <= goal for name, goal in GOALS.items()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
