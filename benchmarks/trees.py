"""Tree scans on real repositories and on large generated corpora: betalint at 1 and 2 jobs
against ripgrep and typos, in one run.

    python benchmarks/trees.py                          # generated corpus, scales 1, 4, 10
    python benchmarks/trees.py --scales 4 --tree /tmp/trees/ai --tree /tmp/trees/langchainjs
    python benchmarks/trees.py --quick                  # 1 run per tool, scales 1 and 4

Real trees are never part of this repository. Get them with a shallow clone (a checkout, so
every tool applies its `.gitignore`), anywhere outside the repository:

    git clone --depth 1 https://github.com/vercel/ai /tmp/trees/ai
    git clone --depth 1 https://github.com/langchain-ai/langchainjs /tmp/trees/langchainjs
    git clone --depth 1 https://github.com/anthropics/anthropic-sdk-python /tmp/trees/sdk-python

and pass each directory with `--tree DIR`. Without network, any local directory works; if it
is not a git checkout, `git init -q DIR` first (betalint applies `.gitignore` only inside a
repository, as git does, while rg and typos are run as in run.py, which honours it anywhere).

Per target and tool: median wall and CPU seconds (user + sys of the whole process tree),
peak RSS of the largest single process (GNU time `%M`: the per-process figure) and of the
whole tree (sampled), and the 1-minute load average when each run started: this machine may
be shared, and a wall time means little without it. Then betalint's ratios to rg and typos
(at 2 jobs), the speed-up from 1 to 2 jobs, whether `--jobs 1` and `--jobs 2` print the same
(JSON and text, compared byte for byte), and per-process RSS growth between scales. Results
go to benchmarks/results/trees-<name>.json; the table is printed (markdown).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import statistics
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # the sibling harness: measure(), tools, corpus

TARGETS = {
    "scan_vs_rg": 2.5,  # betalint at 2 jobs / rg, wall, generated corpus scale 4
    "speedup_1_to_2": 1.6,  # betalint wall at 1 job / at 2 jobs, scale 4
    "rss_growth_pct": 10.0,  # per-process peak RSS, scale 1 -> 4
}


@dataclass
class Target:
    """A tree to scan: its label, directory, and whether it is a git checkout."""

    label: str
    root: Path
    git: bool


def commands(tools: bench.Tools, target: Target) -> dict[str, list[str]]:
    """Each tool's tree-scan command line (run in the target's root)."""
    cmds: dict[str, list[str]] = {}
    if tools.betalint:
        for jobs in (1, 2):
            cmds[f"betalint -j{jobs}"] = [*tools.betalint, "check", "--jobs", str(jobs), "."]
    if tools.typos:
        cmds["typos"] = [tools.typos, *bench.TYPOS_FLAGS, "--format", "brief", "."]
    if tools.rg:
        cmds["rg"] = [tools.rg, *bench.RG_FLAGS, "-c", bench.RG_PATTERN, "."]
    return cmds


def same_output(tools: bench.Tools, target: Target) -> dict[str, bool]:
    """Do `--jobs 1` and `--jobs 2` print the same report? (json and text, byte for byte)"""
    if not tools.betalint:
        return {}
    found: dict[str, bool] = {}
    for fmt in ("json", "text"):
        digests = set()
        for jobs in (1, 2):
            argv = [*tools.betalint, "check", "--jobs", str(jobs), "--output-format", fmt, "."]
            done = subprocess.run(
                argv, cwd=target.root, env=bench.child_env(), capture_output=True, check=False
            )
            digests.add(hashlib.sha256(done.stdout + done.stderr).hexdigest())
        found[fmt] = len(digests) == 1
    return found


def run_target(
    tools: bench.Tools, target: Target, runs: int, timeout: float
) -> dict[str, list[tuple[bench.Run, float]]]:
    """One warm-up, then `runs` rounds, the tools interleaved; each run with its load."""
    cmds = commands(tools, target)
    env = bench.child_env()
    results: dict[str, list[tuple[bench.Run, float]]] = {t: [] for t in cmds}
    for round_ in range(1 + runs):
        for tool, argv in cmds.items():
            load = os.getloadavg()[0]
            one = bench.measure(argv, target.root, env, timeout)
            label = "warm-up" if round_ == 0 else f"run {round_}"
            print(
                f"  [{target.label}] {tool:<12} {label:<7} {one.wall_s:7.2f}s wall "
                f"{one.cpu_s:6.2f}s cpu {one.maxrss_kb / 1024:6.1f} MB load {load:.2f}",
                flush=True,
            )
            if round_:
                results[tool].append((one, load))
    return results


def summary(runs: list[tuple[bench.Run, float]]) -> dict[str, Any]:
    """Medians of one tool's runs on one target, with the load they ran under."""
    return {
        "n": len(runs),
        "wall_s": statistics.median(r.wall_s for r, _ in runs),
        "cpu_s": statistics.median(r.cpu_s for r, _ in runs),
        "rss_mb": statistics.median(r.maxrss_kb for r, _ in runs) / 1024,
        "tree_mb": max(r.tree_peak_kb for r, _ in runs) / 1024,
        "processes": max(r.processes for r, _ in runs),
        "load": statistics.median(load for _, load in runs),
        "out_lines": runs[-1][0].out_lines,
    }


def ratios(s: dict[str, dict[str, Any]]) -> dict[str, float]:
    """betalint (2 jobs) against rg and typos, and betalint's own 1 → 2 jobs speed-up."""
    out: dict[str, float] = {}
    b1, b2 = s.get("betalint -j1"), s.get("betalint -j2")
    if b1 and b2:
        out["speedup_1_to_2"] = b1["wall_s"] / b2["wall_s"]
        out["cpu_1_to_2"] = b2["cpu_s"] / b1["cpu_s"]
    for peer in ("rg", "typos"):
        if b2 and peer in s:
            out[f"wall_vs_{peer}"] = b2["wall_s"] / s[peer]["wall_s"]
            out[f"cpu_vs_{peer}"] = b2["cpu_s"] / s[peer]["cpu_s"]
    return out


def markdown(results: dict[str, Any]) -> str:
    """The README table: one row per target and tool, then the ratios per target."""
    lines = [
        "| target | tool | wall s | CPU s | peak RSS MB (per process / tree) | load |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, t in results["targets"].items():
        for tool, s in t["summary"].items():
            lines.append(
                f"| {label} | {tool} | {s['wall_s']:.2f} | {s['cpu_s']:.2f} | "
                f"{s['rss_mb']:.1f} / {s['tree_mb']:.1f} | {s['load']:.1f} |"
            )
    lines += [
        "",
        "| target | files | 1→2 jobs speed-up | betalint/rg wall (CPU) | "
        "betalint/typos wall (CPU) | same output -j1/-j2 |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for label, t in results["targets"].items():
        r = t["ratios"]
        same = ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in t["same_output"].items())
        lines.append(
            f"| {label} | {t.get('files', '?')} | {r.get('speedup_1_to_2', 0):.2f}x | "
            f"{r.get('wall_vs_rg', 0):.2f}x ({r.get('cpu_vs_rg', 0):.2f}x) | "
            f"{r.get('wall_vs_typos', 0):.2f}x ({r.get('cpu_vs_typos', 0):.2f}x) | {same} |"
        )
    for check in results["checks"]:
        lines.append(f"\n- {check}")
    return "\n".join(lines)


def checks(results: dict[str, Any]) -> list[str]:
    """The targets of issue 19 that this run can judge, each with its verdict."""
    out: list[str] = []
    t = results["targets"]
    s4 = t.get("corpus scale 4")
    if s4:
        for key, value in (
            ("scan_vs_rg", s4["ratios"].get("wall_vs_rg")),
            ("speedup_1_to_2", s4["ratios"].get("speedup_1_to_2")),
        ):
            if value is not None:
                ok = value <= TARGETS[key] if key == "scan_vs_rg" else value >= TARGETS[key]
                out.append(
                    f"{key} at scale 4: {value:.2f}x (target {TARGETS[key]}x): "
                    f"{'PASS' if ok else 'FAIL'}"
                )
    s1 = t.get("corpus scale 1")
    if s1 and s4:
        for tool in ("betalint -j1", "betalint -j2"):
            if tool in s1["summary"] and tool in s4["summary"]:
                one, four = s1["summary"][tool]["rss_mb"], s4["summary"][tool]["rss_mb"]
                growth = (four / one - 1) * 100
                verdict = "PASS" if growth < TARGETS["rss_growth_pct"] else "FAIL"
                out.append(
                    f"{tool} per-process peak RSS scale 1 → 4: {one:.1f} → {four:.1f} MB "
                    f"({growth:+.1f}%, target < {TARGETS['rss_growth_pct']:g}%): {verdict}"
                )
    return out


def file_count(root: Path) -> int:
    return sum(len(files) for _, _, files in os.walk(root))


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every target; print the markdown table; write results/trees-<name>.json."""
    parser = argparse.ArgumentParser(description="betalint tree scans vs rg and typos")
    parser.add_argument("--tree", action="append", default=[], metavar="DIR", help="a real tree")
    parser.add_argument("--scales", default="1,4,10", help="generated corpus scales ('' none)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool (default 3)")
    parser.add_argument("--quick", action="store_true", help="1 run per tool, scales 1 and 4")
    parser.add_argument("--name", default=None, help="results/trees-<name>.json")
    parser.add_argument("--betalint", default=None, help="betalint command prefix")
    parser.add_argument("--no-install", action="store_true", help="never install peers")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    args = parser.parse_args(argv)
    runs = 1 if args.quick else args.runs
    scales = [int(s) for s in ("1,4" if args.quick else args.scales).split(",") if s]
    tools = bench.find_tools(args.betalint, install=not args.no_install)
    for note in tools.notes:
        print(f"trees: note: {note}", flush=True)
    if not Path(bench.GNU_TIME).exists():
        print(f"trees: {bench.GNU_TIME} (GNU time) is needed to measure peak RSS", file=sys.stderr)
        return 2
    targets = [Target(f"corpus scale {s}", bench.ensure_corpus(s)[0], False) for s in scales]
    for tree in args.tree:
        root = Path(tree).resolve()
        if not root.is_dir():
            print(f"trees: {tree}: not a directory", file=sys.stderr)
            return 2
        targets.append(Target(root.name, root, (root / ".git").exists()))
    name = args.name or dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    results: dict[str, Any] = {
        "name": name,
        "started": dt.datetime.now().isoformat(),
        "machine": bench.machine(),
        "versions": tools.versions,
        "targets": {},
    }
    for target in targets:
        print(f"trees: {target.label} ({target.root})", flush=True)
        raw = run_target(tools, target, runs, args.timeout)
        summ = {tool: summary(rs) for tool, rs in raw.items() if rs}
        results["targets"][target.label] = {
            "root": str(target.root),
            "git": target.git,
            "files": file_count(target.root),
            "summary": summ,
            "ratios": ratios(summ),
            "same_output": same_output(tools, target),
            "runs": {t: [asdict(r) | {"load": load} for r, load in rs] for t, rs in raw.items()},
        }
    results["checks"] = checks(results)
    table = markdown(results)
    print("\n" + table)
    bench.RESULTS.mkdir(parents=True, exist_ok=True)
    path = bench.RESULTS / f"trees-{name}.json"
    path.write_text(json.dumps(results, indent=1) + "\n")
    print(f"\ntrees: results written to {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
