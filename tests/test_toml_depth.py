"""Deeply nested TOML (issue 17, Why 7) is one line naming the file and exit 2, never a
RecursionError: in a pyproject.toml that mentions betalint, a `--registry`, an extra registry."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.registry.toml_depth import MAX_DEPTH, too_deep

DEEP = "x = " + "[" * 600 + "\n"


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "betalint", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("where", ["config", "registry", "extra-registry"])
def test_deep_nesting_is_one_line_and_exit_2(tmp_path: Path, where: str) -> None:
    (tmp_path / "a.py").write_text('B = ["files-api-2025-04-14"]\n')
    deep = tmp_path / "deep.toml"
    deep.write_text(DEEP)
    args: tuple[str, ...] = ("a.py",)
    if where == "config":
        deep = tmp_path / "pyproject.toml"
        deep.write_text("[tool.betalint]\n" + DEEP)
    elif where == "registry":
        args = ("--registry", str(deep), "a.py")
    else:
        (tmp_path / "pyproject.toml").write_text(
            f'[tool.betalint]\nextra-registries = ["{deep}"]\n'
        )
    done = _run(tmp_path, *args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert str(deep.name) in done.stderr
    assert f"nested deeper than {MAX_DEPTH} levels" in done.stderr
    assert "Recursion" not in done.stderr and "internal error" not in done.stderr


def test_the_limit_is_exact_and_strings_and_comments_do_not_count() -> None:
    assert too_deep("x = " + "[" * MAX_DEPTH + "]" * MAX_DEPTH) is None
    assert too_deep("x = " + "[" * (MAX_DEPTH + 1)) is not None
    assert too_deep("x = {a = " * (MAX_DEPTH + 1)) is not None
    brackets = "[" * 200
    for text in (
        f'x = "{brackets}"',
        f"x = '{brackets}'",
        f'x = """\n{brackets}\n"""',
        f"x = '''\n{brackets}'''",
        f"# {brackets}",
        f'x = "\\"{brackets}"',
        "[[table]]\n" * 200,
    ):
        assert too_deep(text) is None, text
        tomllib.loads(text)  # and they are valid TOML


def _nested(depth: int) -> str:
    return "x = " + "[" * depth + "1" + "]" * depth + "\n"


@given(st.integers(1, MAX_DEPTH))
def test_everything_within_the_limit_still_parses(depth: int) -> None:
    assert too_deep(_nested(depth)) is None
    assert tomllib.loads(_nested(depth))["x"] is not None
