"""End-to-end tests of `betalint check` configuration (DESIGN §7), through `main([...])`.

Every test builds its own tree in tmp_path and runs from there; config errors must be one
line on stderr naming the file (and key), with exit 2.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from _registries import EXTRA, MINI, REGISTRIES

from betalint.linter.cli import main

TODAY = ("--today", "2026-11-25", "--registry", str(MINI))
GA = "prompt-caching-2024-07-31"  # BL203
RETIRED = "computer-use-2024-10-22"  # BL205
ACTIVE = "computer-use-2025-01-24"
GA_LATE = "future-ga-2025-01-01"  # lifecycle.toml: GA from 2026-06-01
LIFECYCLE = ("--registry", str(REGISTRIES / "lifecycle.toml"))
APP = f'betas = ["{GA}", "{RETIRED}"]\n'  # BL203 at 1:11, BL205 at 1:40


@pytest.fixture(autouse=True)
def _fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(tmp_path)
    yield


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def found(out: str) -> list[tuple[str, str]]:
    """(path:line:col, code) of each finding line of a text report."""
    return [
        (line.split(": ")[0], line.split(": ")[1].split()[0])
        for line in out.splitlines()
        if ": BL" in line
    ]


def table(file: str, body: str) -> str:
    """`body` as the config table of `file`."""
    return f"[tool.betalint]\n{body}" if file == "pyproject.toml" else body


CONFIG_FILES = ["pyproject.toml", "betalint.toml", ".betalint.toml"]


# --------------------------------------------------------------------------- finding config


@pytest.mark.parametrize("file", CONFIG_FILES)
def test_config_found_walking_up_from_a_nested_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, file: str
) -> None:
    write(tmp_path / "proj" / file, table(file, 'select = ["BL205"]\n'))
    write(tmp_path / "proj" / "src" / "pkg" / "deep" / "app.py", APP)
    write(tmp_path / "other" / "app.py", APP)  # no config above: every rule
    code, out, err = check(capsys, *TODAY, "proj/src/pkg/deep/app.py", "other/app.py")
    assert (code, err) == (1, "")
    assert found(out) == [
        ("other/app.py:1:11", "BL203"),
        ("other/app.py:1:40", "BL205"),
        ("proj/src/pkg/deep/app.py:1:40", "BL205"),
    ]


@pytest.mark.parametrize("file", CONFIG_FILES)
def test_config_applies_when_run_from_inside_the_tree(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    file: str,
) -> None:
    write(tmp_path / file, table(file, 'ignore = ["BL203"]\n'))
    write(tmp_path / "src" / "app.py", APP)
    monkeypatch.chdir(tmp_path / "src")
    code, out, _ = check(capsys, *TODAY)
    assert code == 1
    assert found(out) == [("app.py:1:40", "BL205")]


def test_pyproject_without_our_table_is_passed_over(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "betalint.toml", 'select = ["BL205"]\n')
    # a nearer pyproject.toml without [tool.betalint] (even a broken one) is not our config
    write(tmp_path / "sub" / "pyproject.toml", "[tool.ruff\nline-length = 1\n")
    write(tmp_path / "sub" / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "sub/app.py")
    assert (code, err) == (1, "")
    assert found(out) == [("sub/app.py:1:40", "BL205")]


def test_closest_config_wins_and_is_not_merged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "pyproject.toml", '[tool.betalint]\nselect = ["BL205"]\n')
    write(tmp_path / "inner" / ".betalint.toml", 'ignore = ["BL205"]\n')
    write(tmp_path / "app.py", APP)
    write(tmp_path / "inner" / "app.py", APP)
    code, out, _ = check(capsys, *TODAY)
    assert code == 1
    assert found(out) == [("app.py:1:40", "BL205"), ("inner/app.py:1:11", "BL203")]


# --------------------------------------------------------------------------- rule keys


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('select = ["BL205"]\n', ["BL205"]),
        ('select = ["BL2"]\nignore = ["BL205"]\n', ["BL203"]),
        ('ignore = ["BL2"]\n', []),
        ('select = ["BL1"]\nextend-select = ["BL203"]\n', ["BL203"]),
        ('ignore = ["BL2"]\nextend-select = ["BL205"]\n', ["BL205"]),
    ],
)
def test_select_ignore_extend_select_keys(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, expected: list[str]
) -> None:
    write(tmp_path / "pyproject.toml", table("pyproject.toml", body))
    write(tmp_path / "app.py", APP)
    code, out, _ = check(capsys, *TODAY, "app.py")
    assert [c for _, c in found(out)] == expected
    assert code == (1 if expected else 0)


def test_cli_select_replaces_config_select(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "betalint.toml", 'select = ["BL205"]\n')
    write(tmp_path / "app.py", APP)
    _, out, _ = check(capsys, *TODAY, "--select", "BL203", "app.py")
    assert found(out) == [("app.py:1:11", "BL203")]
    _, out, _ = check(capsys, *TODAY, "--extend-select", "BL203", "app.py")
    assert found(out) == [("app.py:1:11", "BL203"), ("app.py:1:40", "BL205")]


def test_per_file_ignores(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(
        tmp_path / "pyproject.toml",
        '[tool.betalint.per-file-ignores]\n"docs/*" = ["BL203"]\n"tests/**/*.py" = ["BL2"]\n',
    )
    for rel in ("src/app.py", "docs/app.py", "tests/unit/app.py"):
        write(tmp_path / rel, APP)
    code, out, _ = check(capsys, *TODAY)
    assert code == 1
    assert found(out) == [
        ("docs/app.py:1:40", "BL205"),
        ("src/app.py:1:11", "BL203"),
        ("src/app.py:1:40", "BL205"),
    ]


def test_per_file_ignores_relative_to_the_config_not_the_cwd(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "betalint.toml", '[per-file-ignores]\n"docs/*" = ["BL2"]\n')
    write(tmp_path / "docs" / "app.py", APP)
    monkeypatch.chdir(tmp_path / "docs")
    assert check(capsys, *TODAY, "app.py") == (0, "All checks passed!\n", "")


@pytest.mark.parametrize(
    ("body", "bad"),
    [
        ('select = ["BL999"]\n', "BL999"),
        ('ignore = ["XX"]\n', "XX"),
        ('extend-select = ["BL77"]\n', "BL77"),
    ],
)
def test_unknown_rule_code_in_config_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, bad: str
) -> None:
    cfg = write(tmp_path / "pyproject.toml", table("pyproject.toml", body))
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "app.py")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert f"unknown rule code {bad} in " in err
    assert f"{cfg}:2" in err


# --------------------------------------------------------------------------- file keys


def test_exclude_and_extend_exclude(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.betalint]\nextend-exclude = ["gen", "*.md"]\n')
    for rel in ("src/app.py", "gen/app.py", "README.md", "node_modules/x.py"):
        write(tmp_path / rel, APP)
    code, out, _ = check(capsys, *TODAY)
    assert code == 1
    assert {p.split(":")[0] for p, _ in found(out)} == {"src/app.py"}


def test_exclude_replaces_the_defaults(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write(tmp_path / "betalint.toml", 'exclude = ["gen"]\n')
    for rel in ("src/app.py", "gen/app.py", "node_modules/x.py"):
        write(tmp_path / rel, APP)
    code, out, _ = check(capsys, *TODAY)
    assert code == 1
    # node_modules is only excluded by the defaults, which `exclude` replaced
    assert {p.split(":")[0] for p, _ in found(out)} == {"node_modules/x.py", "src/app.py"}


def test_extra_registries_make_a_private_name_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "p.py", 'betas = ["private-2025-05-05"]\n')
    code, out, _ = check(capsys, *TODAY, "p.py")
    assert code == 1
    assert found(out) == [("p.py:1:11", "BL201")]
    write(tmp_path / "registries" / "private.toml", EXTRA.read_text(encoding="utf-8"))
    write(tmp_path / ".betalint.toml", 'extra-registries = ["registries/private.toml"]\n')
    assert check(capsys, *TODAY, "p.py") == (0, "All checks passed!\n", "")
    # on top of, not instead of, the shipped registry
    write(tmp_path / "q.py", f'betas = ["{GA}"]\n')
    assert found(check(capsys, *TODAY, "q.py")[1]) == [("q.py:1:11", "BL203")]


def test_extra_registries_paths_are_relative_to_the_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "private.toml", EXTRA.read_text(encoding="utf-8"))
    write(tmp_path / "pyproject.toml", '[tool.betalint]\nextra-registries = ["private.toml"]\n')
    write(tmp_path / "src" / "p.py", 'betas = ["private-2025-05-05"]\n')
    monkeypatch.chdir(tmp_path / "src")
    assert check(capsys, *TODAY, "p.py") == (0, "All checks passed!\n", "")


def test_extra_registries_missing_file_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cfg = write(tmp_path / "pyproject.toml", '[tool.betalint]\nextra-registries = ["nope.toml"]\n')
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "app.py")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"betalint: error: {cfg}:2: `extra-registries` entry 'nope.toml'")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_respect_gitignore(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / ".gitignore", "generated/\nstale.py\n")
    write(tmp_path / "generated" / "client.py", APP)
    write(tmp_path / "stale.py", APP)
    write(tmp_path / "ok.py", f'betas = ["{ACTIVE}"]\n')
    assert check(capsys, *TODAY) == (0, "All checks passed!\n", "")
    # the flag turns it off for one run …
    code, out, _ = check(capsys, *TODAY, "--no-respect-gitignore")
    assert code == 1
    assert {p.split(":")[0] for p, _ in found(out)} == {"generated/client.py", "stale.py"}
    # … and so does the config key
    write(tmp_path / "pyproject.toml", "[tool.betalint]\nrespect-gitignore = false\n")
    code, out, _ = check(capsys, *TODAY)
    assert code == 1
    assert found(out) == [
        ("generated/client.py:1:11", "BL203"),
        ("generated/client.py:1:40", "BL205"),
        ("stale.py:1:11", "BL203"),
        ("stale.py:1:40", "BL205"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2026-05-31", []), ('"2026-05-31"', []), ("2026-06-01", ["BL203"])],
)
def test_today_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str, expected: list[str]
) -> None:
    write(tmp_path / "betalint.toml", f"today = {value}\n")
    write(tmp_path / "f.py", f'betas = ["{GA_LATE}"]\n')
    code, out, _ = check(capsys, *LIFECYCLE, "f.py")
    assert [c for _, c in found(out)] == expected
    assert code == (1 if expected else 0)


def test_cli_today_overrides_config_today(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "betalint.toml", "today = 2026-01-01\n")
    write(tmp_path / "f.py", f'betas = ["{GA_LATE}"]\n')
    code, out, _ = check(capsys, *TODAY, *LIFECYCLE, "f.py")
    assert code == 1
    assert found(out) == [("f.py:1:11", "BL203")]


@pytest.mark.parametrize("spec", [">=0.0.1", ">=0.1", "<99"])
def test_required_version_satisfied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, spec: str
) -> None:
    write(tmp_path / "pyproject.toml", f'[tool.betalint]\nrequired-version = "{spec}"\n')
    write(tmp_path / "ok.py", f'betas = ["{ACTIVE}"]\n')
    assert check(capsys, *TODAY, "ok.py") == (0, "All checks passed!\n", "")


def test_required_version_too_new_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cfg = write(tmp_path / "pyproject.toml", '[tool.betalint]\nrequired-version = ">=99"\n')
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "app.py")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"betalint: error: {cfg}:2: this project requires betalint >=99 but ")


def test_required_version_not_a_specifier_is_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "betalint.toml", 'required-version = "soon"\n')
    write(tmp_path / "app.py", APP)
    code, _, err = check(capsys, *TODAY, "app.py")
    assert code == 2
    assert err.count("\n") == 1
    assert "`required-version` 'soon' is not a version specifier" in err


# --------------------------------------------------------------------------- config errors


@pytest.mark.parametrize("file", CONFIG_FILES)
def test_unknown_key_names_the_key_and_the_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, file: str
) -> None:
    cfg = write(tmp_path / file, table(file, 'select = ["BL2"]\nexclude-dirs = ["x"]\n'))
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "app.py")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    line = 3 if file == "pyproject.toml" else 2
    assert err.startswith(f"betalint: error: {cfg}:{line}: unknown key `exclude-dirs`")


def test_unknown_key_suggests_the_close_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    write(tmp_path / "betalint.toml", 'extend_exclude = ["x"]\n')
    write(tmp_path / "app.py", APP)
    code, _, err = check(capsys, *TODAY, "app.py")
    assert code == 2
    assert "unknown key `extend_exclude`" in err
    assert "did you mean `extend-exclude`?" in err


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ('select = "BL205"\n', "`select` must be a list of strings, got string 'BL205'"),
        ("ignore = [203]\n", "`ignore` must be a list of strings"),
        ('respect-gitignore = "no"\n', "`respect-gitignore` must be true or false"),
        ("today = 20261125\n", "`today` must be a date YYYY-MM-DD"),
        ('today = "2026-13-01"\n', "`today` must be a date YYYY-MM-DD"),
        ('per-file-ignores = ["x"]\n', "`per-file-ignores` must be a table"),
        ('per-file-ignores = { "x" = "BL2" }\n', "entry 'x' must be a list of rule codes"),
        ("extra-registries = 1\n", "`extra-registries` must be a list of strings"),
        ("required-version = 99\n", "`required-version` must be a version specifier"),
    ],
)
def test_wrong_type_is_exit_2_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, body: str, fragment: str
) -> None:
    cfg = write(tmp_path / "pyproject.toml", table("pyproject.toml", body))
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "app.py")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"betalint: error: {cfg}:2: ")
    assert fragment in err


@pytest.mark.parametrize(
    ("file", "text", "where"),
    [
        ("pyproject.toml", '[tool.betalint]\nselect = ["BL2"\n', ":3:1: invalid TOML"),
        ("betalint.toml", 'select = ["BL2"]\nignore = = 1\n', ":2:10: invalid TOML"),
        (".betalint.toml", "select = [BL2]\n", ":1:11: invalid TOML"),
    ],
)
def test_toml_syntax_error_is_exit_2_with_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, file: str, text: str, where: str
) -> None:
    cfg = write(tmp_path / file, text)
    write(tmp_path / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "app.py")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert err.startswith(f"betalint: error: {cfg}{where}")
    assert "Traceback" not in err


def test_config_error_stops_before_any_report(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A broken config under one path fails the run; nothing half-done goes to stdout."""
    write(tmp_path / "a" / "app.py", APP)
    write(tmp_path / "b" / "betalint.toml", "bogus = true\n")
    write(tmp_path / "b" / "app.py", APP)
    code, out, err = check(capsys, *TODAY, "a", "b")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "unknown key `bogus`" in err
