"""Benchmark betalint against typos, codespell and ripgrep on a generated corpus, in one run.

    python benchmarks/run.py [--quick] [--runs N] [--scenarios a,b,c,d,e] [--name NAME]

Installs the peers if missing (typos and codespell from PyPI into this interpreter's
environment, ripgrep from Debian's packages), generates the corpus if missing or stale, then
times every tool in each scenario: a fresh process per run, one warm-up, then N runs
interleaved across tools; medians reported. Peak RSS is the kernel's ru_maxrss of the run
(wait4: the largest single process of the tree, as `/usr/bin/time -v` reports it), plus a
10 ms sampled sum over the whole process tree for tools that fan out. Results go to
benchmarks/results/<name>.json; the table and the ratios against the targets are printed.

Scenarios:
  a  tree scan of the scale-1 corpus
  b  one small file, whole process (start-up included)
  c  fix mode on a fresh copy of the corpus each run (copy excluded from the timing)
  d  machine-readable output (betalint SARIF; typos JSON; rg JSON; codespell has none)
  e  peak RSS of the tree scan at scale 1 vs scale 4 (growth %)

Exit status: 0 when the benchmark ran (whatever the targets say), 2 when it could not run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CORPUS_ROOT = HERE / "corpus"
RESULTS = HERE / "results"
BIN = Path(sys.executable).parent

# ripgrep's pass: the work betalint's prefilter does (header names, SDK constants, dated tails).
RG_PATTERN = (
    r"anthropic-beta|AnthropicBeta|ANTHROPIC_BETA"
    r"|[a-z0-9][-_]20[0-9]{2}[-_]?[0-9]{1,2}[-_]?[0-9]{1,2}"
)

# Flags that make every tool scan the same set of files: hidden files included (.env,
# .github/), the corpus' own .gitignore honoured (node_modules/ skipped), ignore files of the
# enclosing checkout not applied (this repo ignores benchmarks/corpus/ and *.pyc), binaries
# skipped (each tool's own detection).
TYPOS_FLAGS = ["--hidden", "--no-ignore-parent"]
RG_FLAGS = ["--hidden", "--no-require-git", "--no-ignore-parent"]
CODESPELL_FLAGS = ["--check-hidden", "--skip", "node_modules"]

TARGETS = {  # (scenario, peer, metric) -> max ratio betalint/peer
    ("a", "typos", "wall_s"): 1.0,
    ("a", "codespell", "wall_s"): 0.2,
    ("b", "codespell", "wall_s"): 0.5,
}
RSS_TARGET_MB = 60.0
RSS_GROWTH_TARGET_PCT = 10.0


# ---------------------------------------------------------------------------------------------
# Measuring one run.


@dataclass
class Run:
    """One process: wall and CPU seconds, peak RSS in KiB, exit code, output size."""

    wall_s: float
    cpu_s: float
    maxrss_kb: int
    tree_peak_kb: int
    processes: int
    rc: int
    out_lines: int
    out_bytes: int
    timed_out: bool = False


def _children(pid: int) -> list[int]:
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []
    kids: list[int] = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                kids.extend(int(k) for k in f.read().split())
        except OSError:
            pass
    return kids


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024
    except (OSError, IndexError, ValueError):
        return 0


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process and its descendants every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.01) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.seen: set[int] = set()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            # the root is GNU time (about 2 MB): count only the tool's process tree
            stack, total = _children(self.pid), 0
            self.seen.add(self.pid)
            while stack:
                pid = stack.pop()
                self.seen.add(pid)
                total += _rss_kb(pid)
                stack.extend(_children(pid))
            self.peak_kb = max(self.peak_kb, total)
            self.done.wait(self.interval)


GNU_TIME = "/usr/bin/time"


def measure(argv: Sequence[str], cwd: Path, env: dict[str, str], timeout: float) -> Run:
    """Run argv once in a fresh process; stdout to a temp file (counted), stderr discarded.

    The tool is started by GNU time, whose %M is the tool's own peak RSS: a child forked from
    this Python process would inherit its ~25 MB high-water mark into ru_maxrss.
    """
    with tempfile.TemporaryFile() as out, tempfile.NamedTemporaryFile("r") as rss:
        wrapped = [GNU_TIME, "-o", rss.name, "-f", "%M", *argv]
        start = time.perf_counter()
        proc = subprocess.Popen(
            wrapped,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timed_out = False

        def kill() -> None:
            nonlocal timed_out
            timed_out = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, 9)

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)  # CPU of time + the tool's reaped tree
        wall = time.perf_counter() - start
        timer.cancel()
        sampler.done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        # time writes "Command exited with non-zero status N" first when the tool fails
        lines_of_time = rss.read().split()
        maxrss = int(lines_of_time[-1]) if lines_of_time and lines_of_time[-1].isdigit() else 0
        out.seek(0)
        lines = nbytes = 0
        for chunk in iter(lambda: out.read(1 << 20), b""):
            lines += chunk.count(b"\n")
            nbytes += len(chunk)
    return Run(
        wall_s=wall,
        cpu_s=usage.ru_utime + usage.ru_stime,
        maxrss_kb=maxrss,
        tree_peak_kb=max(sampler.peak_kb, maxrss),
        processes=max(len(sampler.seen) - 1, 1),
        rc=proc.returncode,
        out_lines=lines,
        out_bytes=nbytes,
        timed_out=timed_out,
    )


# ---------------------------------------------------------------------------------------------
# Tools and the corpus.


@dataclass
class Tools:
    """Paths of the tools found; a missing tool is None and its rows say why."""

    betalint: list[str] | None
    typos: str | None
    codespell: str | None
    rg: str | None
    notes: list[str] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)


def _which(name: str) -> str | None:
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def _version(argv: list[str]) -> str:
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    except OSError as exc:
        return f"? ({exc})"
    return (
        (done.stdout or done.stderr).strip().splitlines()[0]
        if (done.stdout or done.stderr)
        else "?"
    )


def install_peers(install: bool) -> list[str]:
    """pip-install typos and codespell, apt-get install ripgrep, when missing. Returns notes."""
    notes: list[str] = []
    missing_py = [n for n in ("typos", "codespell") if _which(n) is None]
    if missing_py and install:
        print(f"run: installing {' '.join(missing_py)} from PyPI", flush=True)
        # typos ships as a binary wheel; refuse an sdist (it would need a Rust toolchain).
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "--only-binary", "typos", *missing_py],
            check=False,
        )
    debs = [deb for deb, exe in (("ripgrep", "rg"), ("time", GNU_TIME)) if not shutil.which(exe)]
    if debs and install:
        # PyPI's `ripgrep` is an sdist needing cargo and the network: use Debian's package.
        if shutil.which("apt-get") and os.geteuid() == 0:
            print(f"run: installing {' '.join(debs)} with apt-get", flush=True)
            env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
            apt = ["apt-get", "install", "-y", "-qq", *debs]
            if subprocess.run(apt, env=env, capture_output=True, check=False).returncode:
                subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
                subprocess.run(apt, env=env, capture_output=True, check=False)
        else:
            notes.append(f"missing {' '.join(debs)} and apt-get unavailable (or not root)")
    return notes


def find_tools(betalint_cmd: str | None, install: bool) -> Tools:
    """Locate every tool; betalint counts only when `betalint check --help` works."""
    notes = install_peers(install)
    base = shlex.split(betalint_cmd) if betalint_cmd else [_which("betalint") or "betalint"]
    betalint: list[str] | None = base
    try:
        probe = subprocess.run([*base, "check", "--help"], capture_output=True, timeout=60)
        if probe.returncode != 0:
            betalint = None
            notes.append(
                "betalint has no working `check` command yet: its rows are skipped "
                "(rerun once `betalint check --help` works)"
            )
    except OSError as exc:
        betalint = None
        notes.append(f"betalint not runnable ({exc}): its rows are skipped")
    tools = Tools(
        betalint=betalint,
        typos=_which("typos"),
        codespell=_which("codespell"),
        rg=_which("rg"),
        notes=notes,
    )
    if tools.betalint:
        tools.versions["betalint"] = _version([*tools.betalint, "--version"])
    for name in ("typos", "codespell", "rg"):
        path = getattr(tools, name)
        if path:
            tools.versions[name] = _version([path, "--version"])
        else:
            notes.append(f"{name} not found: its rows are skipped")
    return tools


def ensure_corpus(scale: int) -> tuple[Path, dict[str, Any]]:
    """The scale-N corpus, generated when missing or when the generator or registry changed."""
    sys.path.insert(0, str(HERE))
    import gen_corpus

    root = CORPUS_ROOT / f"scale{scale}"
    manifest_path = root.with_name(root.name + ".manifest.json")
    want = {
        "generator_version": gen_corpus.GENERATOR_VERSION,
        "scale": scale,
        "registry_sha256": _sha256(gen_corpus.REGISTRY),
    }
    if manifest_path.exists() and root.exists():
        manifest = json.loads(manifest_path.read_text())
        if all(manifest.get(k) == v for k, v in want.items()):
            return root, manifest
    print(f"run: generating the scale-{scale} corpus in {root}", flush=True)
    rc = gen_corpus.main([str(root), "--scale", str(scale), "--force"])
    if rc != 0:
        raise SystemExit(2)
    return root, json.loads(manifest_path.read_text())


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def small_file(root: Path, manifest: dict[str, Any]) -> str:
    """A 1-4 KB Python file holding a planted name: the pre-commit, one-file case."""
    for rel in sorted(manifest["planted_by_file"]):
        if rel.endswith(".py") and 1000 <= (root / rel).stat().st_size <= 4000:
            return str(rel)
    raise SystemExit("run: no small planted .py file in the corpus")


# ---------------------------------------------------------------------------------------------
# Scenarios.


@dataclass
class Scenario:
    """One row group of the table: argv per tool, run in `cwd`; `fresh_copy` for fix mode."""

    key: str
    title: str
    commands: dict[str, list[str]]
    cwd: Path
    runs: int
    warmup: int = 1
    fresh_copy: bool = False
    skipped: dict[str, str] = field(default_factory=dict)


def scenarios(tools: Tools, wanted: str, runs: int, e_runs: int) -> list[Scenario]:
    """The scenarios asked for, with each tool's command line."""
    s1, m1 = ensure_corpus(1)
    one = small_file(s1, m1)
    out: list[Scenario] = []

    def cmds(
        target: str, *, fix: bool = False, structured: bool = False
    ) -> tuple[dict[str, list[str]], dict[str, str]]:
        c: dict[str, list[str]] = {}
        skip: dict[str, str] = {}
        if tools.betalint:
            extra = ["--fix"] if fix else ["--output-format", "sarif"] if structured else []
            c["betalint"] = [*tools.betalint, "check", *extra, target]
        else:
            skip["betalint"] = "no `betalint check` yet"
        if tools.typos:
            extra = (
                ["--write-changes"]
                if fix
                else ["--format", "json"]
                if structured
                else ["--format", "brief"]
            )
            c["typos"] = [tools.typos, *TYPOS_FLAGS, *extra, target]
        if tools.codespell:
            if structured:
                skip["codespell"] = "no machine-readable output format"
            else:
                c["codespell"] = [
                    tools.codespell,
                    *CODESPELL_FLAGS,
                    *(["--write-changes"] if fix else []),
                    target,
                ]
        if tools.rg:
            if fix:
                skip["rg"] = "searches only; nothing to fix"
            else:
                c["rg"] = [
                    "rg",
                    *RG_FLAGS,
                    *(["--json"] if structured else ["-c"]),
                    RG_PATTERN,
                    target,
                ]
        return c, skip

    if "a" in wanted:
        c, skip = cmds(".")
        out.append(Scenario("a", "tree scan, scale 1", c, s1, runs, skipped=skip))
    if "b" in wanted:
        c, skip = cmds(one)
        out.append(
            Scenario("b", f"one small file ({one})", c, s1, max(runs, 10), warmup=2, skipped=skip)
        )
    if "c" in wanted:
        c, skip = cmds(".", fix=True)
        out.append(
            Scenario(
                "c",
                "fix mode on a fresh copy (copy not timed)",
                c,
                s1,
                runs,
                fresh_copy=True,
                skipped=skip,
            )
        )
    if "d" in wanted:
        c, skip = cmds(".", structured=True)
        out.append(Scenario("d", "structured output (SARIF / JSON)", c, s1, runs, skipped=skip))
    if "e" in wanted:
        s4, _ = ensure_corpus(4)
        c, skip = cmds(".")
        out.append(
            Scenario(
                "e", "tree scan, scale 4 (memory growth)", c, s4, e_runs, warmup=1, skipped=skip
            )
        )
    return out


def child_env() -> dict[str, str]:
    """The caller's environment, but Python may cache bytecode as an installed tool would."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_scenario(sc: Scenario, timeout: float) -> dict[str, list[Run]]:
    """Warm-up, then `runs` rounds, each round every tool once (interleaved against drift)."""
    env = child_env()
    results: dict[str, list[Run]] = {t: [] for t in sc.commands}
    copy_dir = CORPUS_ROOT / f"_copy_{sc.key}"
    for round_ in range(sc.warmup + sc.runs):
        for tool, argv in sc.commands.items():
            cwd = sc.cwd
            if sc.fresh_copy:
                shutil.rmtree(copy_dir, ignore_errors=True)
                shutil.copytree(sc.cwd, copy_dir, symlinks=True)
                cwd = copy_dir
            run = measure(argv, cwd, env, timeout)
            label = "warm-up" if round_ < sc.warmup else f"run {round_ - sc.warmup + 1}"
            print(
                f"  [{sc.key}] {tool:<9} {label:<7} {run.wall_s:8.2f}s "
                f"{run.maxrss_kb / 1024:7.1f} MB rc={run.rc}",
                flush=True,
            )
            if round_ >= sc.warmup:
                results[tool].append(run)
    shutil.rmtree(copy_dir, ignore_errors=True)
    return results


def summarize(runs: list[Run]) -> dict[str, Any]:
    """Medians (and spread) of one tool's runs in one scenario."""
    return {
        "n": len(runs),
        "wall_s": statistics.median(r.wall_s for r in runs),
        "wall_min_s": min(r.wall_s for r in runs),
        "wall_max_s": max(r.wall_s for r in runs),
        "cpu_s": statistics.median(r.cpu_s for r in runs),
        "maxrss_mb": statistics.median(r.maxrss_kb for r in runs) / 1024,
        "maxrss_max_mb": max(r.maxrss_kb for r in runs) / 1024,
        "tree_peak_mb": max(r.tree_peak_kb for r in runs) / 1024,
        "processes": max(r.processes for r in runs),
        "rc": sorted({r.rc for r in runs}),
        "out_lines": runs[-1].out_lines,
        "timed_out": any(r.timed_out for r in runs),
    }


# ---------------------------------------------------------------------------------------------
# Report.


def ratios(key: str, summary: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """betalint / peer for wall, CPU and memory, with the target where one exists."""
    if "betalint" not in summary:
        return []
    b = summary["betalint"]
    rows = []
    for peer in ("typos", "codespell", "rg"):
        if peer not in summary:
            continue
        p = summary[peer]
        for metric in ("wall_s", "cpu_s", "maxrss_mb"):
            ratio = b[metric] / p[metric] if p[metric] else float("inf")
            target = TARGETS.get((key, peer, metric))
            rows.append(
                {
                    "peer": peer,
                    "metric": metric,
                    "ratio": ratio,
                    "target": target,
                    "ok": None if target is None else ratio <= target,
                }
            )
    return rows


def memory_checks(summaries: dict[str, dict[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Peak RSS ≤ 60 MB in every scenario, and growth from scale 1 to scale 4 < 10%."""
    checks = []
    for key, summary in summaries.items():
        if "betalint" in summary:
            peak = summary["betalint"]["tree_peak_mb"]
            checks.append(
                {
                    "check": f"{key}: betalint peak RSS (whole tree) ≤ {RSS_TARGET_MB:g} MB",
                    "value": peak,
                    "ok": peak <= RSS_TARGET_MB,
                }
            )
    if "a" in summaries and "e" in summaries:
        for tool in summaries["e"]:
            if tool in summaries["a"]:
                one = summaries["a"][tool]["tree_peak_mb"]
                four = summaries["e"][tool]["tree_peak_mb"]
                growth = (four / one - 1) * 100 if one else float("inf")
                checks.append(
                    {
                        "check": f"{tool}: peak RSS growth scale 1 → 4 ({one:.1f} → {four:.1f} MB)",
                        "value": growth,
                        "ok": growth < RSS_GROWTH_TARGET_PCT if tool == "betalint" else None,
                    }
                )
    return checks


def _verdict(ok: bool | None) -> str:
    return "" if ok is None else "PASS" if ok else "FAIL"


def print_report(
    scs: list[Scenario],
    summaries: dict[str, dict[str, dict[str, Any]]],
    all_ratios: dict[str, list[dict[str, Any]]],
    checks: list[dict[str, Any]],
) -> None:
    """The table: per scenario, each tool's medians, then betalint's ratios and targets."""
    print()
    head = (
        f"{'tool':<10} {'wall s':>8} {'(min-max)':>15} {'cpu s':>7} {'peak MB':>8} "
        f"{'tree MB':>8} {'rc':>6} {'out lines':>9}"
    )
    for sc in scs:
        print(f"== {sc.key}: {sc.title}  [n={sc.runs}, warm-up {sc.warmup}]")
        print(head)
        for tool, s in summaries[sc.key].items():
            spread = f"({s['wall_min_s']:.2f}-{s['wall_max_s']:.2f})"
            print(
                f"{tool:<10} {s['wall_s']:8.3f} {spread:>15} {s['cpu_s']:7.2f} "
                f"{s['maxrss_mb']:8.1f} {s['tree_peak_mb']:8.1f} "
                f"{','.join(map(str, s['rc'])):>6} {s['out_lines']:9d}"
                + ("  TIMED OUT" if s["timed_out"] else "")
            )
        for tool, why in sc.skipped.items():
            print(f"{tool:<10} skipped: {why}")
        for r in all_ratios.get(sc.key, []):
            target = f"target ≤ {r['target']:.1f}x" if r["target"] is not None else ""
            print(
                f"  betalint/{r['peer']:<9} {r['metric']:<9} {r['ratio']:7.2f}x  "
                f"{target:<15} {_verdict(r['ok'])}"
            )
        print()
    if checks:
        print("== memory")
        for c in checks:
            unit = "%" if "growth" in c["check"] else " MB"
            print(f"  {c['check']:<62} {c['value']:7.1f}{unit}  {_verdict(c['ok'])}")


def machine() -> dict[str, Any]:
    """What the numbers were measured on (load average: the machine may be shared)."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "loadavg": os.getloadavg(),
    }


def profile(tools: Tools, name: str) -> Path | None:
    """cProfile of one betalint tree scan, sorted by cumulative time (top 40 kept)."""
    if not tools.betalint:
        return None
    root, _ = ensure_corpus(1)
    out = RESULTS / f"{name}.profile.txt"
    argv = [sys.executable, "-m", "cProfile", "-s", "cumtime", "-m", "betalint", "check", "."]
    done = subprocess.run(
        argv, cwd=root, env=child_env(), capture_output=True, text=True, check=False
    )
    lines = done.stdout.splitlines()
    start = next((i for i, ln in enumerate(lines) if "function calls" in ln), 0)
    out.write_text("\n".join(lines[start : start + 50]) + "\n")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; print the table; write results/<name>.json."""
    parser = argparse.ArgumentParser(description="betalint vs typos, codespell, ripgrep")
    parser.add_argument("--quick", action="store_true", help="2 runs a scenario, 1 at scale 4")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per tool (default 5)")
    parser.add_argument("--scenarios", default="abcde", help="subset of a,b,c,d,e")
    parser.add_argument("--name", default=None, help="results/<name>.json (default: timestamp)")
    parser.add_argument(
        "--betalint",
        default=None,
        help="betalint command prefix (default: the one beside this Python)",
    )
    parser.add_argument("--no-install", action="store_true", help="never install peers")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="also cProfile one betalint tree scan (results/<name>.profile.txt)",
    )
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 5)
    e_runs = 1 if args.quick else max(1, min(runs, 3))
    name = args.name or dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    RESULTS.mkdir(parents=True, exist_ok=True)

    tools = find_tools(args.betalint, install=not args.no_install)
    for note in tools.notes:
        print(f"run: note: {note}", flush=True)
    if not Path(GNU_TIME).exists():
        print(f"run: {GNU_TIME} (GNU time) is needed to measure peak RSS", file=sys.stderr)
        return 2
    if not any((tools.betalint, tools.typos, tools.codespell, tools.rg)):
        print("run: no tool to measure", file=sys.stderr)
        return 2
    scs = scenarios(tools, args.scenarios.replace(",", ""), runs, e_runs)
    result: dict[str, Any] = {
        "name": name,
        "started": dt.datetime.now().isoformat(),
        "machine": machine(),
        "versions": tools.versions,
        "notes": tools.notes,
        "targets": {
            "ratios": {f"{k[0]}:{k[1]}:{k[2]}": v for k, v in TARGETS.items()},
            "rss_mb": RSS_TARGET_MB,
            "rss_growth_pct": RSS_GROWTH_TARGET_PCT,
        },
        "scenarios": {},
    }
    summaries: dict[str, dict[str, dict[str, Any]]] = {}
    all_ratios: dict[str, list[dict[str, Any]]] = {}
    for sc in scs:
        load = os.getloadavg()[0]
        print(f"run: scenario {sc.key}: {sc.title} (load average {load:.2f})", flush=True)
        raw = run_scenario(sc, args.timeout)
        summaries[sc.key] = {t: summarize(rs) for t, rs in raw.items() if rs}
        all_ratios[sc.key] = ratios(sc.key, summaries[sc.key])
        result["scenarios"][sc.key] = {
            "title": sc.title,
            "cwd": str(sc.cwd.relative_to(REPO)),
            "commands": {
                t: [Path(a).name if i == 0 else a for i, a in enumerate(c)]
                for t, c in sc.commands.items()
            },
            "skipped": sc.skipped,
            "load_before": load,
            "load_after": os.getloadavg()[0],
            "summary": summaries[sc.key],
            "ratios": all_ratios[sc.key],
            "runs": {t: [asdict(r) for r in rs] for t, rs in raw.items()},
        }
    checks = memory_checks(summaries)
    result["memory_checks"] = checks
    for scale in (1, 4):
        mpath = CORPUS_ROOT / f"scale{scale}.manifest.json"
        if mpath.exists():
            m = json.loads(mpath.read_text())
            result.setdefault("corpus", {})[f"scale{scale}"] = {
                k: m[k]
                for k in (
                    "files",
                    "bytes",
                    "ignored_files",
                    "ignored_bytes",
                    "planted",
                    "seed",
                    "generator_version",
                )
            }
    print_report(scs, summaries, all_ratios, checks)
    if load_high := [
        s
        for s in result["scenarios"].values()
        if max(s["load_before"], s["load_after"]) > (os.cpu_count() or 1)
    ]:
        print(
            f"\nrun: warning: load average above the core count during {len(load_high)} "
            "scenario(s): wall times are inflated; CPU seconds are the steadier figure"
        )
    if args.profile and (prof := profile(tools, name)):
        print(f"run: profile written to {prof.relative_to(REPO)}")
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps(result, indent=1) + "\n")
    print(f"run: results written to {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
