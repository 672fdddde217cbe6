"""`check PATH...` without click (linter/cli/check_fast.py) prints, writes and exits exactly as
click's `check` does, and leaves every other argv to click."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from betalint.linter.cli import main
from betalint.linter.cli.check_fast import FLAGS, VERBOSE, parse
from betalint.linter.cli.check_run import CheckOptions
from betalint.linter.exit_codes import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK
from betalint.linter.fast import fast_main

FILES = {
    "app.py": 'BETAS = ["computer-use-2025-01-23", "files-api-2025-04-14"]\n',
    "ok.py": 'client.beta.messages.create(betas=["computer-use-2025-01-24"])\n',
    "old.ts": 'const h = { "anthropic-beta": "computer-use-2024-10-22" };\n',
    "unused.py": "x = 1  # betalint: ignore[BL201]\n",
    "docs/guide.md": "Send `anthropic-beta: prompt-caching-2024-07-31`.\n",
    "vendor/lib.py": 'B = "computer-use-2025-01-23"\n',
    "clean.txt": "nothing to see\n",
    "pyproject.toml": '[tool.betalint]\nextend-exclude = ["vendor"]\n',
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("BETALINT_NO_SDK_LAYER", "1")  # the interpreter's SDK is not the point
    return root


def _run(entry: object, argv: list[str]) -> tuple[int | None, bytes, bytes]:
    """Exit code, stdout and stderr bytes (real text streams over buffers: `--fix -` and the
    diff write bytes to stdout's buffer)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = entry(argv)  # type: ignore[operator]
    out.flush()
    err.flush()
    return code, out.buffer.getvalue(), err.buffer.getvalue()  # type: ignore[attr-defined]


ARGVS = [
    ["app.py"],
    ["ok.py"],
    ["clean.txt"],
    ["app.py", "ok.py", "old.ts", "docs/guide.md"],
    ["app.py", "--exit-zero"],
    ["--statistics", "app.py", "old.ts"],
    ["missing.py"],
    ["app.py", "missing.py"],
    ["docs"],
    [],
    ["--diff", "app.py"],
    ["--diff", "--unsafe-fixes", "old.ts"],
    ["-v", "app.py"],
    ["app.py", "--verbose"],
    ["vendor/lib.py"],
    ["--force-exclude", "vendor/lib.py"],
    ["--no-respect-gitignore", "--no-registry-age-notice", "unused.py"],
    ["--exit-zero", "--exit-zero", "app.py"],
]


@pytest.mark.parametrize("args", ARGVS)
def test_the_fast_path_matches_click(args: list[str], project: Path) -> None:
    fast = _run(fast_main, ["check", *args])
    assert fast[0] is not None, "this argv is the fast path's to answer"
    assert fast == _run(main, ["check", *args])


def test_the_table_covers_every_exit_code(project: Path) -> None:
    codes = {_run(main, ["check", *args])[0] for args in ARGVS}
    assert codes == {EXIT_OK, EXIT_FINDINGS, EXIT_ERROR}


@pytest.mark.parametrize("args", [["--fix", "app.py", "old.ts"], ["--fix", "--unsafe-fixes", "."]])
def test_fix_writes_the_same_files(
    args: list[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    twin = project.parent / "twin"
    shutil.copytree(project, twin)
    fast = _run(fast_main, ["check", *args])
    monkeypatch.chdir(twin)
    slow = _run(main, ["check", *args])
    assert fast == slow
    for name in FILES:
        assert (project / name).read_bytes() == (twin / name).read_bytes(), name
    assert (project / "app.py").read_text() != FILES["app.py"]  # something was fixed


@pytest.mark.parametrize(
    "args",
    [
        ["-"],
        ["--output-format", "json", "app.py"],
        ["--output-format=json", "app.py"],
        ["--", "app.py"],
        ["--help"],
        ["-j", "2", "."],
        ["--select", "BL201", "app.py"],
        ["--color", "never", "app.py"],
        ["-x", "app.py"],
    ],
)
def test_anything_else_is_left_to_click(args: list[str]) -> None:
    assert parse(args) is None
    assert fast_main(["check", *args]) is None


def test_shell_completion_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_BETALINT_COMPLETE", "bash_complete")
    assert fast_main(["check", "app.py"]) is None
    assert fast_main(["validate", "computer-use-2025-01-24"]) is None


def test_the_flags_are_check_s_own() -> None:
    from betalint.linter.cli.check import check

    click_flags = {o for p in check.params if getattr(p, "is_flag", False) for o in p.opts}
    assert set(FLAGS) <= click_flags
    assert set(FLAGS.values()) <= set(CheckOptions.__dataclass_fields__)
    for flag, field in FLAGS.items():  # click stores each flag under the field it sets
        (param,) = [p for p in check.params if flag in p.opts]
        assert param.name == field


# Tokens of argv: the flags the fast path knows (less --fix, which writes), paths that
# exist, do not, or are directories, and options it must leave to click.
KNOWN = [f for f in FLAGS if f != "--fix"] + list(VERBOSE) + ["app.py", "ok.py", "old.ts", "docs"]
KNOWN += ["missing.py", "unused.py", "vendor"]
UNKNOWN = ["-", "--", "--nope", "-j1", "--select=BL201", "--output-format", "-h"]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(args=st.lists(st.sampled_from(KNOWN + UNKNOWN), max_size=5))
def test_any_argv_matches_click_or_is_left_to_it(args: list[str], project: Path) -> None:
    fast = _run(fast_main, ["check", *args])
    if any(a in UNKNOWN for a in args):
        assert fast[0] is None
    else:
        assert fast[0] is not None
        assert fast == _run(main, ["check", *args])


# What a one-file check must not load: the CLI framework, the validator of registry files,
# the SDK reader (its parse is cached), the worker pool, slow metadata lookups.
HEAVY = ("click", "pydantic", "betalint.registry.sync", "multiprocessing", "importlib.metadata")


def test_the_console_script_checks_a_file_without_importing_click(project: Path) -> None:
    code = (
        "import sys; sys.argv = ['betalint', 'check', 'app.py']\n"
        "from betalint.__main__ import run\n"
        "try:\n    run()\nexcept SystemExit as e:\n"
        f"    print([m for m in {HEAVY!r} if m in sys.modules], e.code, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stderr.splitlines()[-1] == f"[] {EXIT_FINDINGS}"
    assert "app.py:1:11: BL201" in done.stdout
