"""linter/report/paths.py: the project root (config dir, else git root, else cwd) and paths
written relative to it, end to end through `check` for every machine format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from betalint.linter.report.paths import project_root, relative_path

FINDING = 'BETAS = ["files-api-2025-4-14"]\n'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """repo/.git, repo/pkg/betalint.toml, repo/pkg/src/client.py, repo/other/x.py."""
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "pkg" / "src").mkdir(parents=True)
    (repo / "pkg" / "betalint.toml").write_text("")
    (repo / "pkg" / "src" / "client.py").write_text(FINDING)
    (repo / "other").mkdir()
    return repo


def test_root_is_the_config_directory_first(tree: Path) -> None:
    assert project_root(str(tree / "pkg" / "src")) == str(tree / "pkg")


def test_root_is_the_git_root_without_config(tree: Path) -> None:
    assert project_root(str(tree / "other")) == str(tree)


def test_root_is_the_cwd_without_either(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    assert project_root(str(tmp_path / "plain")) == str(tmp_path / "plain")


def test_a_pyproject_without_tool_table_is_not_a_config(tree: Path) -> None:
    (tree / "other" / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert project_root(str(tree / "other")) == str(tree)


def test_relative_path_forms(tmp_path: Path) -> None:
    root = str(tmp_path)
    assert relative_path(os.path.join(root, "a", "b.py"), root) == "a/b.py"
    assert relative_path("-", root) == "-"
    outside = str(tmp_path.parent / "elsewhere.py")
    assert relative_path(outside, root) == outside  # outside the root: absolute
    assert relative_path("./x/../y.py", None) == "./x/../y.py"  # no root: as given


def _check(cwd: Path, fmt: str, *paths: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--output-format", fmt, *paths],
        cwd=cwd,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1, done.stderr
    return done.stdout


def _paths(fmt: str, out: str) -> list[str]:
    if fmt == "json":
        return [d["path"] for d in json.loads(out)["diagnostics"]]
    if fmt == "gitlab":
        return [i["location"]["path"] for i in json.loads(out)]
    if fmt == "rdjson":
        return [d["location"]["path"] for d in json.loads(out)["diagnostics"]]
    if fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        return [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    if fmt == "github":
        return [line.split("file=")[1].split(",")[0] for line in out.splitlines()]
    assert fmt == "junit"
    return [
        line.split('file="')[1].split('"')[0] for line in out.splitlines() if "<testcase" in line
    ]


@pytest.mark.parametrize("fmt", ["json", "gitlab", "rdjson", "sarif", "github", "junit"])
@pytest.mark.parametrize("form", ["./src/client.py", "absolute", "src/../src/client.py"])
def test_every_machine_format_writes_root_relative_paths(tree: Path, fmt: str, form: str) -> None:
    cwd = tree / "pkg"
    arg = str(cwd / "src" / "client.py") if form == "absolute" else form
    assert _paths(fmt, _check(cwd, fmt, arg)) == ["src/client.py"]


def test_from_a_subdirectory_paths_stay_relative_to_the_root(tree: Path) -> None:
    assert _paths("gitlab", _check(tree / "pkg" / "src", "gitlab", "client.py")) == [
        "src/client.py"
    ]


def test_sarif_names_the_root(tree: Path) -> None:
    run = json.loads(_check(tree / "pkg", "sarif", "."))["runs"][0]
    base = run["originalUriBaseIds"]["%SRCROOT%"]
    assert base["uri"] == (tree / "pkg").as_uri() + "/"
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "src/client.py", "uriBaseId": "%SRCROOT%"}


def test_text_keeps_the_path_as_given(tree: Path) -> None:
    assert _check(tree / "pkg", "text", "./src/client.py").startswith("./src/client.py:1:11:")
