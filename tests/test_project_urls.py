"""One canonical project URL: pyproject `[project.urls]`, linter/project.py, the installed
metadata, README, docs, action and examples agree, no placeholder remains, and the release
tag the examples pin is the version pyproject and CHANGELOG name."""

from __future__ import annotations

import re
import subprocess
import tomllib
from importlib.metadata import metadata
from pathlib import Path

import pytest

from betalint.linter.project import PROJECT_URL, rule_url
from betalint.linter.rules import RULES

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# Split so that this file does not match itself.
PLACEHOLDERS = ("OWNER" + "/", "github.com/" + "betalint/betalint")
EXAMPLES = ("README.md", "action.yml", "docs/github-actions.yml", "docs/gitlab-ci.yml")


def _tracked_text_files() -> list[Path]:
    try:
        listed = (
            subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True)
            .stdout.decode()
            .split("\0")
        )
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    files = [REPO / name for name in listed if name and (REPO / name).is_file()]
    return [f for f in files if b"\0" not in f.read_bytes()[:8192]]


def test_pyproject_urls_are_the_project_url() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert urls["Repository"] == urls["Homepage"] == PROJECT_URL
    assert all(u.startswith(PROJECT_URL) for u in urls.values())


def test_installed_metadata_carries_project_url() -> None:
    project_urls = metadata("betalint").get_all("Project-URL") or []
    assert f"Repository, {PROJECT_URL}" in project_urls


def test_rule_urls_point_into_the_repository() -> None:
    for code, rule in RULES.items():
        assert rule.url == rule_url(code) == f"{PROJECT_URL}/blob/main/docs/rules.md#{code.lower()}"
    headings = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    for code in RULES:
        assert re.search(rf"^#+ {code}\b", headings, re.MULTILINE), code  # the anchor exists


def test_no_placeholder_anywhere_in_the_repository() -> None:
    found = [
        f"{path.relative_to(REPO)}: {marker}"
        for path in _tracked_text_files()
        for marker in PLACEHOLDERS
        if marker in path.read_text(encoding="utf-8", errors="replace")
    ]
    assert found == []


def test_examples_use_the_project_url_and_a_real_tag() -> None:
    version = PYPROJECT["project"]["version"]
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## {re.escape(version)}\b", changelog, re.MULTILINE)
    slug = PROJECT_URL.removeprefix("https://github.com/")
    for name in EXAMPLES:
        text = (REPO / name).read_text(encoding="utf-8")
        for ref in re.findall(rf"{re.escape(slug)}@(\S+?)[\s\"]", text):
            assert ref == f"v{version}", (name, ref)
        for other in re.findall(r"github\.com/([\w.-]+/[\w.-]+)", text):
            assert other.removesuffix(".git") == slug or not other.endswith("/betalint"), name
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"  - repo: {PROJECT_URL}\n    rev: v{version}\n" in readme
