"""`betalint check --fix / --unsafe-fixes / --diff / --exit-non-zero-on-fix` end to end."""

from __future__ import annotations

import ast
import codecs
import json
import os
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from _fix_support import FIXTURES, REGISTRY, TODAY

BASE = ["check", "--registry", str(REGISTRY), "--today", TODAY, "--no-respect-gitignore"]
INPUT = FIXTURES / "input"
BETALINT = [sys.executable, "-m", "betalint"]


def run(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [*BETALINT, *BASE, *args], cwd=cwd, input=stdin, capture_output=True, timeout=120
    )


def _git(*args: str, cwd: Path) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, check=True)
    return done.stdout.decode()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the multi-language fixtures."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    root = tmp_path / "repo"
    shutil.copytree(INPUT, root)
    _git("init", "--quiet", cwd=root)
    _git("add", ".", cwd=root)
    _git("commit", "--quiet", "-m", "fixtures", cwd=root)
    return root


def _json_report(cwd: Path, *args: str) -> list[dict[str, object]]:
    done = run("--output-format", "json", *args, ".", cwd=cwd)
    diagnostics: list[dict[str, object]] = json.loads(done.stdout)["diagnostics"]
    return diagnostics


@pytest.mark.parametrize("mode", ["safe", "unsafe"])
def test_fix_then_check_leaves_only_unfixable_and_diff_is_exactly_the_intended(
    repo: Path, mode: str
) -> None:
    extra = ["--unsafe-fixes"] if mode == "unsafe" else []
    done = run("--fix", *extra, ".", cwd=repo)
    assert done.returncode == 1, done.stderr  # unfixable findings remain
    assert b"warning" not in done.stderr  # no fix was refused
    remaining = _json_report(repo, *extra)
    applicable = {"safe", "unsafe"} if extra else {"safe"}
    left = [d for d in remaining if d["fix"] and d["fix"]["applicability"] in applicable]  # type: ignore[index]
    assert left == []
    # Every changed file equals its reviewed expectation; nothing else changed.
    expected = FIXTURES / "expected" / mode
    changed = set(_git("diff", "--name-only", cwd=repo).split())
    differing = {
        p.name for p in INPUT.iterdir() if p.read_bytes() != (expected / p.name).read_bytes()
    }
    assert changed == differing and changed
    for name in sorted(changed):
        assert (repo / name).read_bytes() == (expected / name).read_bytes(), name
    assert "??" not in _git("status", "--porcelain", "--untracked-files=all", cwd=repo)
    # git records mode changes too: the script stays executable.
    assert "old mode" not in _git("diff", cwd=repo)
    # The fixed files still parse.
    ast.parse((repo / "client.py").read_text())
    json.loads((repo / "request.json").read_text())
    nb = json.loads((repo / "analysis.ipynb").read_text(encoding="utf-8"))
    ast.parse("".join(nb["cells"][1]["source"]))
    tomllib.loads((repo / "settings.toml").read_text())
    # A second --fix finds nothing more to do.
    again = run("--fix", *extra, ".", cwd=repo)
    assert b"fixed" not in again.stdout
    assert set(_git("diff", "--name-only", cwd=repo).split()) == changed


def test_diff_writes_nothing_and_patch_applies_it_to_the_fix_result(repo: Path) -> None:
    if shutil.which("patch") is None:
        pytest.skip("the `patch` binary is not installed (apt-get install -y patch)")
    done = run("--diff", "--unsafe-fixes", ".", cwd=repo)
    assert done.returncode == 1
    assert done.stderr.decode().startswith("Would fix ")
    assert _git("status", "--porcelain", cwd=repo) == ""  # nothing written
    patched = subprocess.run(
        ["patch", "-p0", "--batch", "--quiet"], cwd=repo, input=done.stdout, capture_output=True
    )
    assert patched.returncode == 0, patched.stdout + patched.stderr
    for p in INPUT.iterdir():
        assert (repo / p.name).read_bytes() == (
            FIXTURES / "expected" / "unsafe" / p.name
        ).read_bytes()
    # Nothing left to change: empty diff, exit 0.
    clean = run("--diff", ".", cwd=repo)
    assert clean.returncode == 0 and clean.stdout == b""
    assert clean.stderr == b"No fixes to apply.\n"


def test_text_output_marks_fixable_and_counts_unsafe(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text(
        'c(betas=["fils-api-2025-04-14", "mcp-client-2025-04-04", "pdfs-2024-09-25"])\n'
    )
    out = run("a.py", cwd=tmp_path).stdout.decode()
    assert "BL201 [*] fils-api" in out and "BL202 mcp-client" in out
    assert out.endswith("Found 3 findings (1 fixable with --fix; 2 more with --unsafe-fixes).\n")
    unsafe = run("--unsafe-fixes", "a.py", cwd=tmp_path).stdout.decode()
    assert "BL202 [*] mcp-client" in unsafe
    assert (tmp_path / "a.py").read_text().startswith('c(betas=["fils')  # flags alone never write


def test_fix_summary_and_exit_codes(tmp_path: Path) -> None:
    f = tmp_path / "a.py"
    f.write_text('c(betas=["fils-api-2025-04-14", "mcp-client-2025-11-20"])\n')
    done = run("--fix", "a.py", cwd=tmp_path)
    assert done.returncode == 1  # files-api is GA: one finding remains
    assert done.stdout.decode().endswith(
        "Found 2 findings (1 fixed, 1 remaining; 1 more with --unsafe-fixes).\n"
    )
    f.write_text('c(betas=["code-executon-2025-08-25"])\n')
    done = run("--fix", "a.py", cwd=tmp_path)
    assert done.returncode == 0 and f.read_text() == 'c(betas=["code-execution-2025-08-25"])\n'
    f.write_text('c(betas=["code-executon-2025-08-25"])\n')
    flagged = run("--fix", "--exit-non-zero-on-fix", "a.py", cwd=tmp_path)
    assert flagged.returncode == 1
    assert flagged.stdout.decode().endswith("Found 1 finding (1 fixed, 0 remaining).\n")
    nothing = run("--fix", "--exit-non-zero-on-fix", "a.py", cwd=tmp_path)
    assert nothing.returncode == 0


def test_stdin_fix_writes_fixed_text_to_stdout_and_report_to_stderr(tmp_path: Path) -> None:
    text = b'c(betas=["fils-api-2025-04-14", "mcp-client-2025-04-04"])\r\n'
    done = run("--fix", "--stdin-filename", "app.py", "-", cwd=tmp_path, stdin=text)
    assert done.stdout == text.replace(b"fils", b"files")
    assert b"BL202 mcp-client-2025-04-04" in done.stderr and b"1 fixed" in done.stderr
    assert done.returncode == 1
    clean = b"x = 1\n"
    passed = run("--fix", "--stdin-filename", "app.py", "-", cwd=tmp_path, stdin=clean)
    assert passed.stdout == clean and passed.returncode == 0
    diff = run("--diff", "--stdin-filename", "app.py", "-", cwd=tmp_path, stdin=text)
    assert diff.returncode == 1 and diff.stdout.startswith(b"--- app.py\n+++ app.py\n")


def test_read_only_file_is_one_error_and_the_others_are_still_fixed(tmp_path: Path) -> None:
    bad = 'c(betas=["fils-api-2025-04-14"])\n'
    (tmp_path / "a.py").write_text(bad)
    (tmp_path / "b.py").write_text(bad)
    (tmp_path / "c.py").write_text(bad)
    (tmp_path / "b.py").chmod(0o444)
    done = run("--fix", ".", cwd=tmp_path)
    assert done.returncode == 2
    errors = [line for line in done.stderr.decode().splitlines() if "error" in line]
    assert errors == ["betalint: error: b.py: cannot fix: the file is read-only"]
    assert (tmp_path / "a.py").read_text() == bad.replace("fils", "files")
    assert (tmp_path / "c.py").read_text() == bad.replace("fils", "files")
    assert (tmp_path / "b.py").read_text() == bad
    assert "b.py:1:11: BL201" in done.stdout.decode()  # reported as it still is


ENCODINGS = (
    ("crlf", b'c(betas=["fils-api-2025-04-14"])\r\nx = 1\r\n'),
    ("bom", codecs.BOM_UTF8 + b'c(betas=["fils-api-2025-04-14"])\n# caf\xc3\xa9\n'),
    ("utf16le", codecs.BOM_UTF16_LE + 'c(betas=["fils-api-2025-04-14"])\r\n'.encode("utf-16-le")),
    ("utf16be", codecs.BOM_UTF16_BE + 'c(betas=["fils-api-2025-04-14"])\n'.encode("utf-16-be")),
    ("latin1", b'c(betas=["fils-api-2025-04-14"])  # caf\xe9\n'),
    ("no-final-newline", b'c(betas=["fils-api-2025-04-14"])'),
)


@pytest.mark.parametrize(("label", "data"), ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encoding_bom_and_line_endings_survive(tmp_path: Path, label: str, data: bytes) -> None:
    f = tmp_path / "a.py"
    f.write_bytes(data)
    f.chmod(0o640)
    done = run("--fix", "a.py", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # files-api is GA
    expected = data.replace(b"fils", b"files")
    if label.startswith("utf16"):
        codec = "utf-16-le" if label == "utf16le" else "utf-16-be"
        old = "fils".encode(codec)
        expected = data.replace(old, "files".encode(codec))
    assert f.read_bytes() == expected
    assert stat.S_IMODE(f.stat().st_mode) == 0o640


def test_symlink_is_fixed_through_and_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.py").write_text('c(betas=["fils-api-2025-04-14"])\n')
    (tmp_path / "link.py").symlink_to("real.py")
    run("--fix", "link.py", cwd=tmp_path)
    assert (tmp_path / "link.py").is_symlink()
    assert (tmp_path / "real.py").read_text() == 'c(betas=["files-api-2025-04-14"])\n'
