"""action.yml and the CI examples in docs/: they parse, agree with each other, and the
action's check step behaves as `betalint check` (run here with this checkout's betalint)."""

from __future__ import annotations

import importlib.metadata
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

import pytest

yaml = pytest.importorskip("yaml")  # PyYAML comes with pre-commit, a dev dependency

REPO = Path(__file__).resolve().parents[1]


def _load(name: str) -> Any:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


def _step(action: Any, name: str) -> dict[str, Any]:
    steps = [s for s in action["runs"]["steps"] if s.get("name") == name]
    assert len(steps) == 1, name
    step: dict[str, Any] = steps[0]
    return step


def test_action_inputs() -> None:
    action = _load("action.yml")
    assert action["runs"]["using"] == "composite"
    defaults = {k: v.get("default") for k, v in action["inputs"].items()}
    assert defaults == {"args": ".", "version": "", "output-format": "github", "cache": "true"}
    install = _step(action, "Install betalint")["run"]
    assert '"$GITHUB_ACTION_PATH"' in install  # installs the action's own checkout
    assert '"betalint==$BETALINT_VERSION"' in install  # or the release asked for
    # Every ${{ }} expression sits in `env:`, none is pasted into a script.
    assert all("${{" not in s.get("run", "") for s in action["runs"]["steps"])


def test_action_keeps_pips_cache_where_pip_writes_it() -> None:
    action = _load("action.yml")
    cache = _step(action, "Restore pip's cache")
    assert cache["uses"].startswith("actions/cache@")
    assert cache["if"] == "inputs.cache == 'true'"
    install = _step(action, "Install betalint")
    where = "${{ steps.python.outputs.pip-cache }}"
    assert cache["with"]["path"] == install["env"]["PIP_CACHE_DIR"] == where
    # The key changes with the release, the action's ref and its dependencies.
    key = cache["with"]["key"]
    assert "inputs.version" in key and "github.action_ref" in key
    assert "steps.python.outputs.pyproject" in key


def _run_step(action: Any, name: str, env: dict[str, str], cwd: Path) -> dict[str, str]:
    """Run one step's script as the runner does (bash -e), returning what it wrote to
    $GITHUB_OUTPUT."""
    output = Path(env["GITHUB_OUTPUT"])
    output.write_text("")
    step = _step(action, name)
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = output.read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if "=" in line)


@pytest.mark.slow
@pytest.mark.parametrize("version", ["", "release"])
def test_action_installs_from_its_own_ref_or_from_the_index(
    tmp_path: Path, request: pytest.FixtureRequest, version: str
) -> None:
    """The composite action's own steps run by hand: with no `version` pip installs the
    action's checkout (no release on any index needed); with one, that release from the
    index (here a local one holding a wheel of this checkout), pip's cache where the cache
    step keeps it."""
    from test_precommit import wheelhouse_for

    wheels = Path(wheelhouse_for(request.config, REPO, tmp_path))
    index = tmp_path / "index"
    index.mkdir()
    for wheel in wheels.iterdir():
        (index / wheel.name).symlink_to(wheel)
    # The action's checkout: a clone of HEAD (pip builds in the tree it is given).
    checkout = tmp_path / "action"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(checkout)], check=True)
    installed = importlib.metadata.version("betalint")
    if version:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir",
             str(index), str(checkout)],
            env=dict(os.environ, PIP_NO_INDEX="1", PIP_FIND_LINKS=str(index)),
            capture_output=True, check=True, timeout=300,
        )  # fmt: skip
    action = _load("action.yml")
    env = dict(os.environ, RUNNER_TEMP=str(tmp_path / "runner"), GITHUB_ACTION_PATH=str(checkout))
    env.update(GITHUB_OUTPUT=str(tmp_path / "output"), PIP_NO_INDEX="1", PIP_FIND_LINKS=str(index))
    (tmp_path / "runner").mkdir()
    found = _run_step(action, "Find Python 3.11+", env, tmp_path)
    assert found["path"] and found["pyproject"].isdigit()
    env.update(
        PYTHON=found["path"],
        BETALINT_VERSION=installed if version else "",
        PIP_CACHE_DIR=found["pip-cache"],
    )
    _run_step(action, "Install betalint", env, tmp_path)
    betalint = tmp_path / "runner" / "betalint-venv" / "bin" / "betalint"
    shown = subprocess.run([str(betalint), "--version"], capture_output=True, text=True)
    assert shown.stdout.startswith(f"betalint {installed},"), shown.stdout + shown.stderr
    # pip reads and writes its cache where actions/cache saves and restores it (offline,
    # from local wheels, pip has nothing to download into it here).
    pip = tmp_path / "runner" / "betalint-venv" / "bin" / "python"
    cache_dir = subprocess.run(
        [str(pip), "-m", "pip", "cache", "dir"], env=env, capture_output=True, text=True
    )
    assert cache_dir.stdout.strip() == found["pip-cache"], cache_dir.stderr


@pytest.fixture
def runner(tmp_path: Path) -> dict[str, str]:
    """A fake runner: $RUNNER_TEMP/betalint-venv/bin/betalint is this checkout's betalint."""
    betalint = shutil.which("betalint", path=sysconfig.get_path("scripts"))
    if betalint is None:
        pytest.skip("betalint is not installed as a script of the test interpreter")
    bindir = tmp_path / "runner" / "betalint-venv" / "bin"
    bindir.mkdir(parents=True)
    (bindir / "betalint").symlink_to(betalint)
    env = dict(os.environ, RUNNER_TEMP=str(tmp_path / "runner"))
    env["BETALINT_CACHE_DIR"] = str(tmp_path / "cache")
    return env


@pytest.mark.parametrize(
    ("args", "fmt", "code", "expected"),
    (
        ("app.py", "github", 1, "::error file=app.py,line=1,"),
        ("app.py --exit-zero", "github", 0, "::error file=app.py,line=1,"),
        ("*.py", "github", 2, ""),  # no globbing: `*.py` is a missing path, an error
        ("app.py", "text", 1, "app.py:1:11: BL101"),
    ),
)
def test_action_check_step(
    runner: dict[str, str], tmp_path: Path, args: str, fmt: str, code: int, expected: str
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text('BETAS = ["context-1m-2025-8-07"]\n')
    script = _step(_load("action.yml"), "betalint check")["run"]
    env = dict(runner, BETALINT_ARGS=args, BETALINT_FORMAT=fmt)
    done = subprocess.run(
        ["bash", "-e", "-c", script], cwd=project, env=env, capture_output=True, text=True
    )
    assert done.returncode == code, done.stdout + done.stderr
    assert expected in done.stdout


def test_github_workflow_uploads_the_sarif_it_writes() -> None:
    workflow = _load("docs/github-actions.yml")
    steps = workflow["jobs"]["code-scanning"]["steps"]
    ours = next(s for s in steps if s.get("with", {}).get("output-format") == "sarif")
    args = shlex.split(ours["with"]["args"])
    written = args[args.index("-o") + 1]
    upload = next(s for s in steps if s["uses"].startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == written
    assert workflow["jobs"]["code-scanning"]["permissions"]["security-events"] == "write"
    assert "--exit-zero" in args  # the upload must run even when there are findings
    assert steps.index(ours) < steps.index(upload)


def test_gitlab_job_reports_the_file_it_writes() -> None:
    job = _load("docs/gitlab-ci.yml")["betalint"]
    check = shlex.split(next(line for line in job["script"] if "betalint check" in line))
    assert check[check.index("--output-format") + 1] == "gitlab"
    assert job["artifacts"]["reports"]["codequality"] == check[check.index("-o") + 1]
    assert job["artifacts"]["when"] == "always"
