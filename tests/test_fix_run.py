"""linter/fix/run.py: what `check --fix` / `--diff` does with each checked file and with
stdin (mini registry, today fixed)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from _registries import MINI, TODAY

from betalint.linter.config import Settings
from betalint.linter.fix.run import FixRun
from betalint.linter.runner import FileOutcome, Linters, RunOptions, check_path, check_stdin

MALFORMED = b'betas = ["files-api-2025-4-14"]\n'  # BL101, a safe fix
FIXED = b'betas = ["files-api-2025-04-14"]\n'
SUPERSEDED = b'betas = ["mcp-client-2025-04-04"]\n'  # BL202, an unsafe fix
DEPRECATED = b'betas = ["token-efficient-tools-2025-02-19"]\n'  # BL204, no fix


@pytest.fixture()
def linters() -> Linters:
    return Linters(RunOptions(registry_path=str(MINI), today=TODAY))


def checked(path: Path, data: bytes, linters: Linters) -> tuple[FileOutcome, Settings]:
    path.write_bytes(data)
    settings = Settings(root=path.parent)
    found = check_path(str(path), settings, linters)
    assert isinstance(found, FileOutcome)
    return found, settings


def test_fix_writes_the_file_and_reports_what_remains(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "app.py"
    outcome, settings = checked(path, MALFORMED + DEPRECATED, linters)
    run = FixRun(linters, io.BytesIO())
    left = run.file(outcome, settings)
    assert path.read_bytes() == FIXED + DEPRECATED
    assert [d.code for d in left.diagnostics] == ["BL204"]
    assert (run.fixed, run.changed_files, run.errors) == (1, 1, [])
    assert left.source is None  # what remains has no fix: the text is not kept


def test_unsafe_fixes_need_asking(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "app.py"
    outcome, settings = checked(path, SUPERSEDED, linters)
    safe_only = FixRun(linters, io.BytesIO())
    assert safe_only.file(outcome, settings) is outcome
    assert path.read_bytes() == SUPERSEDED and safe_only.fixed == 0
    unsafe = FixRun(linters, io.BytesIO(), unsafe=True)
    assert unsafe.file(outcome, settings).diagnostics == []
    assert path.read_bytes() == b'betas = ["mcp-client-2025-11-20"]\n'


def test_diff_shows_and_writes_nothing(tmp_path: Path, linters: Linters) -> None:
    path = tmp_path / "app.py"
    outcome, settings = checked(path, MALFORMED, linters)
    out = io.BytesIO()
    run = FixRun(linters, out, diff=True)
    assert run.file(outcome, settings) is outcome  # still reported as found
    assert path.read_bytes() == MALFORMED
    diff = out.getvalue().decode()
    assert '-betas = ["files-api-2025-4-14"]\n+betas = ["files-api-2025-04-14"]\n' in diff
    assert run.summary() == "Would fix 1 finding in 1 file."


def test_summary_without_fixes(linters: Linters) -> None:
    assert FixRun(linters, io.BytesIO(), diff=True).summary() == "No fixes to apply."


def test_a_file_changed_on_disk_is_left_alone_and_is_an_error(
    tmp_path: Path, linters: Linters, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "app.py"
    outcome, settings = checked(path, MALFORMED, linters)
    path.write_bytes(MALFORMED + b"# edited meanwhile\n")
    run = FixRun(linters, io.BytesIO())
    assert run.file(outcome, settings) is outcome
    assert path.read_bytes() == MALFORMED + b"# edited meanwhile\n"
    message = f"{path}: not fixed: the file changed on disk while betalint was checking it"
    assert run.errors == [message]
    assert capsys.readouterr().err == f"betalint: error: {message}\n"
    assert (run.fixed, run.changed_files) == (0, 0)


@pytest.mark.parametrize(
    ("data", "written", "fixed"),
    ((MALFORMED, FIXED, 1), (DEPRECATED, DEPRECATED, 0), (b"nothing\n", b"nothing\n", 0)),
)
def test_stdin_writes_the_fixed_text_or_the_input_as_it_came(
    linters: Linters, tmp_path: Path, data: bytes, written: bytes, fixed: int
) -> None:
    settings = Settings(root=tmp_path)
    outcome = check_stdin(data, "app.py", settings, linters)
    out = io.BytesIO()
    run = FixRun(linters, out)
    run.stdin(outcome, data, settings)
    assert out.getvalue() == written
    assert run.fixed == fixed


def test_stdin_diff(linters: Linters, tmp_path: Path) -> None:
    settings = Settings(root=tmp_path)
    outcome = check_stdin(MALFORMED, "app.py", settings, linters)
    out = io.BytesIO()
    FixRun(linters, out, diff=True).stdin(outcome, MALFORMED, settings)
    assert b'+betas = ["files-api-2025-04-14"]' in out.getvalue()
