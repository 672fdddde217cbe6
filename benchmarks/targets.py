"""Every speed target of issue 19 in one command, judged in one run:

    python3 -m pip install -e '.[dev,bench]' && python3 benchmarks/targets.py [--quick]

Runs `startup.py --wheel` (one small file and `validate NAME` against codespell, from a fresh
install of this checkout's wheel) and then `trees.py --scales 1,4` (the generated corpus at
scales 1 and 4, betalint at 1 and 2 jobs against ripgrep and typos; the corpus is generated on
first use), reads the JSON each writes, and prints one line per target with its figure and
verdict. `--quick` times 1 tree run per tool and 7 start-up runs instead of 3 and 21.
Exit 0 when every target holds, 1 when one is missed, 2 when a measurement failed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"


def _run(script: str, *args: str) -> bool:
    """Run a sibling benchmark; True when it measured (its own exit 1 only means a miss)."""
    done = subprocess.run([sys.executable, str(HERE / script), *args], check=False)
    return done.returncode in (0, 1)


def startup_lines(report: dict[str, Any]) -> list[tuple[str, float, float, bool]]:
    """(target, figure, goal, met) for the two start-up ratios."""
    return [
        (f"{name} / codespell, whole process", ratio, goal, ratio <= goal)
        for name, goal in report["goals"].items()
        if (ratio := report["ratios"].get(name)) is not None
    ]


def tree_lines(
    report: dict[str, Any], targets: dict[str, float]
) -> list[tuple[str, float, float, bool]]:
    """(target, figure, goal, met) for scan vs rg, the 1 → 2 jobs speed-up and RSS growth."""
    out: list[tuple[str, float, float, bool]] = []
    s1, s4 = report["targets"].get("corpus scale 1"), report["targets"].get("corpus scale 4")
    if s4:
        ratios = s4["ratios"]
        if "wall_vs_rg" in ratios:
            goal = targets["scan_vs_rg"]
            value = ratios["wall_vs_rg"]
            out.append(("tree scan -j2 / ripgrep, wall, scale 4", value, goal, value <= goal))
        if "speedup_1_to_2" in ratios:
            goal = targets["speedup_1_to_2"]
            value = ratios["speedup_1_to_2"]
            out.append(("speed-up 1 -> 2 jobs, scale 4", value, goal, value >= goal))
        same = all(s4["same_output"].values())
        out.append(
            ("-j1 and -j2 print the same report (1 = json and text alike)", float(same), 1.0, same)
        )
    if s1 and s4:
        goal = targets["rss_growth_pct"]
        for tool in ("betalint -j1", "betalint -j2"):
            one, four = s1["summary"][tool]["rss_mb"], s4["summary"][tool]["rss_mb"]
            growth = (four / one - 1) * 100
            out.append((f"{tool} peak RSS growth % scale 1 -> 4", growth, goal, growth < goal))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="issue 19's speed targets in one run")
    parser.add_argument("--quick", action="store_true", help="fewer runs (1 tree run, 7 starts)")
    args = parser.parse_args(argv)
    starts = ["--wheel", "-n", "7" if args.quick else "21"]
    tree_args = ["--scales", "1,4", "--runs", "1" if args.quick else "3", "--name", "targets"]
    if not _run("startup.py", *starts) or not _run("trees.py", *tree_args):
        print("targets: a benchmark failed; see above", file=sys.stderr)
        return 2
    sys.path.insert(0, str(HERE))
    import trees  # the sibling script: its TARGETS are the goals

    startup = json.loads((RESULTS / "startup.json").read_text(encoding="utf-8"))
    tree = json.loads((RESULTS / "trees-targets.json").read_text(encoding="utf-8"))
    lines = startup_lines(startup) + tree_lines(tree, trees.TARGETS)
    print("\nissue 19 targets, this run:")
    for label, value, goal, met in lines:
        print(f"  {'PASS' if met else 'MISS'}  {label}: {value:.2f} (goal {goal:g})")
    return 0 if all(met for *_, met in lines) else 1


if __name__ == "__main__":
    raise SystemExit(main())
