"""Wall time of the real pre-commit hook, `require_serial: true` against `false`.

    python benchmarks/precommit_serial.py [FILES] [RUNS]    (defaults: 2000 files, 10 runs)

Clones this checkout twice (the hooks file set serial in one, parallel in the other), makes
a git project of FILES small Python files (one in 50 holds a stale beta name), installs both
hook environments once, then times `pre-commit run --all-files betalint` RUNS times for each,
interleaved so that load on a shared machine hits both alike. Prints the median and minimum
wall time and how many summaries each run printed. pip installs the hooks from the package
index, or offline from BETALINT_WHEELHOUSE (see tests/test_precommit.py).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GIT_ID = ["-c", "user.name=bench", "-c", "user.email=bench@betalint.invalid"]
# A stale name on purpose: what the hook reports.
# betalint: ignore[BL101]
STALE = 'BETAS = ["interleaved-thinking-2025-5-14"]\n'
BODY = "import os\n" + "".join(f"def f{i}(x):\n    return x + {i}\n" for i in range(40))


def _env(work: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env["PRE_COMMIT_HOME"] = str(work / "home")
    env["BETALINT_CACHE_DIR"] = str(work / "cache")
    if os.environ.get("BETALINT_WHEELHOUSE"):
        env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=os.environ["BETALINT_WHEELHOUSE"])
    return env


def _git(env: dict[str, str], cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)
    return done.stdout.decode()


def _hook_repo(env: dict[str, str], work: Path, serial: bool) -> tuple[Path, str]:
    clone = work / f"hooks-serial-{serial}"
    _git(env, work, "clone", "--quiet", str(REPO), str(clone))
    hooks = clone / ".pre-commit-hooks.yaml"
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    hooks.write_text(text.replace("require_serial: true", f"require_serial: {str(serial).lower()}"))
    _git(env, clone, "add", ".")
    _git(env, clone, *GIT_ID, "commit", "--quiet", "--allow-empty", "-m", "bench")
    return clone, _git(env, clone, "rev-parse", "HEAD").strip()


def _project(env: dict[str, str], work: Path, files: int) -> Path:
    project = work / "project"
    project.mkdir()
    _git(env, project, "init", "--quiet")
    for i in range(files):
        directory = project / f"pkg{i % 40}"
        directory.mkdir(exist_ok=True)
        stale = STALE if i % 50 == 0 else ""
        (directory / f"m{i}.py").write_text(BODY + stale)
    return project


def main(files: int, runs: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="betalint-precommit-bench-"))
    try:
        env = _env(work)
        project = _project(env, work, files)
        configs = {}
        for serial in (True, False):
            clone, sha = _hook_repo(env, work, serial)
            config = project / f"serial-{serial}.yaml"
            config.write_text(
                f"repos:\n  - repo: {clone}\n    rev: {sha}\n    hooks:\n      - id: betalint\n"
            )
            configs[serial] = config
            pre_commit = [sys.executable, "-m", "pre_commit", "install-hooks", "-c", str(config)]
            subprocess.run(pre_commit, cwd=project, env=env, check=True, capture_output=True)
        _git(env, project, "add", ".")
        times: dict[bool, list[float]] = {True: [], False: []}
        summaries: dict[bool, int] = {}
        for _ in range(runs):
            for serial, config in configs.items():
                command = [sys.executable, "-m", "pre_commit", "run", "-c", str(config)]
                start = time.perf_counter()
                done = subprocess.run(
                    [*command, "--all-files", "betalint", "--color", "never"],
                    cwd=project, env=env, capture_output=True, text=True,
                )  # fmt: skip
                times[serial].append(time.perf_counter() - start)
                summaries[serial] = done.stdout.count("Found ")
        for serial, taken in times.items():
            print(
                f"files={files} require_serial={str(serial).lower()}: "
                f"median {statistics.median(taken):.2f} s, min {min(taken):.2f} s "
                f"({runs} runs), {summaries[serial]} summaries per run"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 2000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 10,
    )
