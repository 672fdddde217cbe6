"""Start-up cost: `betalint validate NAME` and `betalint check FILE` against `codespell FILE`.

    python benchmarks/validate_startup.py [-n N] [--warmup W]

All three run as whole processes in the same run, alternating, N times each after W
warm-ups (which also fill betalint's registry cache and bytecode caches); the medians and
the ratios to codespell are printed and written to benchmarks/results/validate_startup.json.
Goals (issue 19): validate <= 0.4x codespell, check of one small file <= 0.5x codespell.
`PYTHONDONTWRITEBYTECODE` is dropped from the children's environment: with it set, betalint
would compile every module from source on every run (an installed tool runs from .pyc files,
as codespell, whose .pyc pip wrote at install, does anyway). codespell is installed into the
current environment with pip when it is missing.
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
RESULTS = Path(__file__).parent / "results" / "validate_startup.json"
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


def _codespell() -> str:
    """The codespell executable next to this interpreter, installed with pip if missing."""
    exe = Path(sys.executable).with_name("codespell")
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "codespell"], check=True)
    return str(exe) if exe.exists() else shutil.which("codespell") or "codespell"


def _betalint() -> str:
    exe = Path(sys.executable).with_name("betalint")
    return str(exe) if exe.exists() else shutil.which("betalint") or "betalint"


def _time(argv: Sequence[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    """Time the three, print medians and ratios, write the JSON; exit 1 if a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20, help="timed runs per tool (default 20)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed runs first (default 2)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.py"
        sample.write_text(SAMPLE, encoding="utf-8")
        env = dict(os.environ, BETALINT_CACHE_DIR=str(Path(tmp) / "cache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        commands = {
            "betalint validate": [_betalint(), "validate", "computer-use-2025-01-24"],
            "betalint check": [_betalint(), "check", str(sample)],
            "codespell": [_codespell(), str(sample)],
        }
        for cmd in commands.values():
            for _ in range(args.warmup):
                _time(cmd, env)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.n):  # alternate so drifting machine load hits both alike
            for name, cmd in commands.items():
                times[name].append(_time(cmd, env))

    medians = {name: statistics.median(ts) for name, ts in times.items()}
    ratios = {name: medians[name] / medians["codespell"] for name in GOALS}
    for name, median in medians.items():
        print(f"{name:<18} median {median * 1000:7.1f} ms  (min {min(times[name]) * 1000:.1f} ms)")
    for name, ratio in ratios.items():
        verdict = "meets" if ratio <= GOALS[name] else "misses"
        print(f"{name}/codespell = {ratio:.2f}x ({verdict} the goal of <= {GOALS[name]}x)")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "benchmark": "validate_startup",
                "commands": commands,
                "runs": args.n,
                "warmup": args.warmup,
                "median_s": medians,
                "min_s": {name: min(ts) for name, ts in times.items()},
                "times_s": times,
                "ratios": ratios,
                "goals": GOALS,
                "python": sys.version.split()[0],
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
                "load_avg": os.getloadavg(),
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {RESULTS}")
    return 0 if all(ratios[name] <= goal for name, goal in GOALS.items()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
