"""Signals and pipes against a real `python -m betalint` process.

Ctrl-C (SIGINT) and a CI cancel (SIGTERM) arrive while `--fix` is writing: the process stops
with one line (SIGINT) or quietly (SIGTERM), no traceback, no temporary file, and every file
either as it was or completely fixed. A reader that goes away (`| head -1`) ends the run
quietly with exit 0, as ruff does. The slow spot is injected with a `sitecustomize` module
on PYTHONPATH: it signals readiness through a file and then sleeps, so no timing is guessed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and pipes")

BAD = 'c(betas=["fils-api-2025-04-14"])\n'  # BL201 with a safe fix → files-api-2025-04-14
FIXED = BAD.replace("fils", "files")

# Sleeps in the writer's fsync of the temporary file (`fsync`), or before decoding a file's
# bytes (`scan`), after touching $BETALINT_TEST_READY.
SITECUSTOMIZE = """
import os, time
from betalint.linter.files import reader

def _ready():
    open(os.environ["BETALINT_TEST_READY"], "w").close()

if os.environ.get("BETALINT_TEST_SLOW") == "fsync":
    _fsync = os.fsync
    def _slow_fsync(fd):
        _ready()
        time.sleep(60)
        _fsync(fd)
    os.fsync = _slow_fsync
elif os.environ.get("BETALINT_TEST_SLOW") == "scan":
    _decode = reader.decode_bytes
    def _slow_decode(data, path="-"):
        _ready()
        time.sleep(60)
        return _decode(data, path)
    reader.decode_bytes = _slow_decode
"""


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    for name in ("a.py", "b.py", "c.py"):
        (root / name).write_text(BAD)
        (root / name).chmod(0o640)
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE)
    return root


def _start(
    tmp_path: Path, root: Path, slow: str, *args: str
) -> tuple[subprocess.Popen[bytes], Path]:
    ready = tmp_path / "ready"
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(tmp_path / "site"),
        BETALINT_TEST_SLOW=slow,
        BETALINT_TEST_READY=str(ready),
        NO_COLOR="1",
    )
    cmd = [sys.executable, "-m", "betalint", "check", "--today", "2026-11-25", *args]
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not ready.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"never reached the slow spot: {proc.returncode} {out!r} {err!r}")
        time.sleep(0.02)
    return proc, ready


def _leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name not in ("a.py", "b.py", "c.py"))


@pytest.mark.slow
def test_ctrl_c_during_fix_exits_130_one_line_nothing_half_written(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    proc, _ = _start(tmp_path, root, "fsync", "--fix", ".")
    assert any(".betalint-tmp" in name for name in _leftovers(root))  # caught mid-write
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode() == "betalint: interrupted\n"
    assert out == b""
    assert _leftovers(root) == []  # the temporary file is gone
    for name in ("a.py", "b.py", "c.py"):
        f = root / name
        assert f.read_text() in (BAD, FIXED)  # never half-written
        assert f.stat().st_mode & 0o777 == 0o640
    # Interrupted while writing the first file: nothing was replaced yet.
    assert [(root / n).read_text() for n in ("a.py", "b.py", "c.py")] == [BAD, BAD, BAD]


@pytest.mark.slow
def test_ctrl_c_during_the_scan_exits_130_one_line(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    proc, _ = _start(tmp_path, root, "scan", ".")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, err.decode(), out) == (130, "betalint: interrupted\n", b"")


@pytest.mark.slow
def test_sigterm_during_fix_exits_143_quietly_and_cleans_up(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    proc, _ = _start(tmp_path, root, "fsync", "--fix", ".")
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    assert (proc.returncode, err, out) == (143, b"", b"")
    assert _leftovers(root) == []
    assert [(root / n).read_text() for n in ("a.py", "b.py", "c.py")] == [BAD, BAD, BAD]


def _closed_pipe_run(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run betalint with stdout a pipe whose reader is already gone: the first write fails."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "betalint", *args],
            cwd=cwd,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("check", "--today", "2026-11-25", "."),
        ("check", "--today", "2026-11-25", "--output-format", "json", "."),
        ("check", "--today", "2026-11-25", "--diff", "."),
        ("check", "--today", "2026-11-25", "--statistics", "."),
        ("registry", "list"),
        ("validate", "fils-api-2025-04-14"),
        ("--version",),
        ("--help",),
        ("check", "--help"),
    ],
    ids=lambda a: " ".join(a),
)
def test_closed_pipe_exits_0_quietly(tmp_path: Path, args: tuple[str, ...]) -> None:
    """ruff (after ripgrep) exits 0 when stdout's reader is gone; so does betalint."""
    root = _tree(tmp_path)
    done = _closed_pipe_run(root, *args)
    assert (done.returncode, done.stderr) == (0, b"")


@pytest.mark.slow
def test_pipe_into_head_is_quiet(tmp_path: Path) -> None:
    """`betalint check . | head -1`: the first finding, nothing on stderr; exit 0 when the
    closed pipe was noticed, 1 when the whole report fit into the pipe before head left."""
    root = tmp_path / "big"
    root.mkdir()
    for i in range(300):
        (root / f"m{i:03}.py").write_text(BAD * 20)
    script = (
        f"{sys.executable} -m betalint check --today 2026-11-25 . | head -1; "
        'echo "rc=${PIPESTATUS[0]}" >&2'
    )
    done = subprocess.run(
        ["bash", "-c", script], cwd=root, capture_output=True, timeout=120, check=False
    )
    assert done.stdout.decode().startswith("m000.py:1:11: BL201 ")
    assert done.stdout.count(b"\n") == 1
    assert done.stderr.decode() in ("rc=0\n", "rc=1\n")
