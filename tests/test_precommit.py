"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit through `try-repo`.

pre-commit installs the hook environment from the hook repository's committed tree with pip,
so the hook repository here is a fresh clone of this checkout's HEAD (never the working tree,
which may hold other people's unfinished edits) with the working tree's
`.pre-commit-hooks.yaml` laid over it. pip installs from a local wheelhouse only: the
first run fills one in pytest's cache from the package index; to run offline from the start,
set BETALINT_WHEELHOUSE to a directory made with `pip wheel --wheel-dir DIR . setuptools wheel`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from _registries import EXTRA

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
GIT_ID = ["-c", "user.name=betalint tests", "-c", "user.email=tests@betalint.invalid"]

# A private registry layer (tests/data/registries/extra.toml) keeps the test independent of
# the shipped registry's lifecycles: its name stays active whatever betas.toml says.
STALE = 'client.beta.messages.create(betas=["private-2025-5-05"])\n'
FIXED = 'client.beta.messages.create(betas=["private-2025-05-05"])\n'


def _git(*args: str, cwd: Path) -> str:
    env = _clean_env()
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def _clean_env() -> dict[str, str]:
    # Variables an outer git hook may have set would point git at the wrong repository.
    drop = {"GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE", "GIT_OBJECT_DIRECTORY", "PRE_COMMIT"}
    return {k: v for k, v in os.environ.items() if k not in drop}


def _index_reachable() -> bool:
    url = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/") + "/pip/"
    try:
        with urllib.request.urlopen(url, timeout=5):
            return True
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clone of HEAD with the working tree's hooks file committed on top."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    try:
        top = _git("rev-parse", "--show-toplevel", cwd=REPO).strip()
    except subprocess.CalledProcessError:
        pytest.skip("not running from a git checkout of betalint")
    if Path(top).resolve() != REPO:
        pytest.skip("not running from a git checkout of betalint")
    clone = tmp_path_factory.mktemp("hook-repo") / "betalint"
    _git("clone", "--quiet", str(REPO), str(clone), cwd=REPO)
    shutil.copyfile(REPO / ".pre-commit-hooks.yaml", clone / ".pre-commit-hooks.yaml")
    if _git("status", "--porcelain", cwd=clone).strip():
        _git("add", ".pre-commit-hooks.yaml", cwd=clone)
        _git(*GIT_ID, "commit", "--quiet", "-m", "hooks from the working tree", cwd=clone)
    return clone


def wheelhouse_for(config: pytest.Config, hook_repo: Path, tmp: Path) -> str:
    """A directory with wheels of the hook's dependencies and build backend.

    Kept in pytest's cache, keyed by the requirements, Python and platform, so only the first
    run (or a dependency change) reaches the package index.
    """
    pyproject = tomllib.loads((hook_repo / "pyproject.toml").read_text(encoding="utf-8"))
    reqs = [*pyproject["build-system"]["requires"], *pyproject["project"]["dependencies"]]
    key = json.dumps([reqs, sys.version_info[:2], sysconfig.get_platform()])
    name = "betalint-wheelhouse-" + hashlib.sha256(key.encode()).hexdigest()[:16]
    cache = getattr(config, "cache", None)  # None under -p no:cacheprovider
    where = cache.mkdir(name) if cache is not None else tmp / name
    done = where / ".complete"
    if done.exists():
        return str(where)
    if not _index_reachable():
        pytest.skip(
            "pre-commit installs the hook with pip and the package index is unreachable; "
            "set BETALINT_WHEELHOUSE to a wheel directory to run offline"
        )
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(where), *reqs],
        env=_clean_env(),
        capture_output=True,
        check=True,
        timeout=300,
    )
    done.write_text("\n".join(reqs) + "\n")
    return str(where)


@pytest.fixture(scope="module")
def pc_env(
    hook_repo: Path, tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> dict[str, str]:
    """Environment for pre-commit with pip pointed at a local wheelhouse only.

    try-repo builds the hook environment in a throwaway store on every call, so each call
    pays a pip install; from a wheelhouse that is quick and needs no network.
    """
    env = _clean_env()
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env["BETALINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("betalint-cache"))
    wheelhouse = os.environ.get("BETALINT_WHEELHOUSE") or wheelhouse_for(
        request.config, hook_repo, tmp_path_factory.mktemp("wheels")
    )
    env["PIP_NO_INDEX"] = "1"
    env["PIP_FIND_LINKS"] = wheelhouse
    return env


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A git repository with one stale (malformed) beta name staged."""
    root = tmp_path / "project"
    root.mkdir()
    _git("init", "--quiet", cwd=root)
    shutil.copyfile(EXTRA, root / "private-betas.toml")
    (root / "betalint.toml").write_text('extra-registries = ["private-betas.toml"]\n')
    (root / "app.py").write_text(STALE)
    _git("add", ".", cwd=root)
    yield root


def _try_repo(
    hook_repo: Path, hook: str | None, project: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    hooks = [hook] if hook else []
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(hook_repo),
            *hooks,
            "--all-files",
            "--color",
            "never",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _has_fix() -> bool:
    """Whether this checkout's `betalint check` knows --fix (being added in parallel)."""
    helptext = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--help"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return "--fix" in helptext


NO_FIX = "`betalint check --fix` has not landed yet (linter/fixer.py); the fix half is skipped"


def test_hooks_fail_fix_then_pass(hook_repo: Path, pc_env: dict[str, str], project: Path) -> None:
    """First run: the check hook fails on the stale name and the fix hook rewrites it (which
    pre-commit also counts as a failure); second run: the check hook passes."""
    fix = _has_fix()
    # Without a hook id try-repo runs every hook of the repository, in file order.
    first = _try_repo(hook_repo, None if fix else "betalint", project, pc_env)
    out = first.stdout + first.stderr
    assert first.returncode == 1, out
    check_part = out.split("betalint (fix)")[0]
    assert "Failed" in check_part and "- hook id: betalint\n" in check_part, out
    assert "app.py:1:37: BL101" in check_part, out
    assert "private-2025-05-05" in check_part, out
    if not fix:
        assert (project / "app.py").read_text() == STALE  # the check hook never writes
        pytest.skip(NO_FIX)
    if "No such option: --fix" in out:  # the working tree has it, committed HEAD not yet
        pytest.skip(NO_FIX + " in the committed tree")

    assert "- hook id: betalint-fix" in out, out
    assert "files were modified by this hook" in out, out
    assert (project / "app.py").read_text() == FIXED

    again = _try_repo(hook_repo, "betalint", project, pc_env)
    out = again.stdout + again.stderr
    assert again.returncode == 0, out
    assert "Passed" in out, out


def test_one_summary_per_run_of_the_hook(
    hook_repo: Path, pc_env: dict[str, str], project: Path
) -> None:
    """pre-commit splits the files into one batch per CPU unless the hook is serial: each
    batch would print its own summary. Serial, a run is one report with one summary."""
    for i in range(8):
        (project / f"mod{i}.py").write_text(STALE)
    _git("add", ".", cwd=project)
    done = _try_repo(hook_repo, "betalint", project, pc_env)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert out.count("Found ") == 1, out
    assert "Found 9 findings" in out, out
