"""`--diff` and control characters: labels never carry a raw control; the lines keep the
file's bytes for patch, and are escaped when the diff goes to a terminal (a real pty)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from betalint.linter.files.reader import Source
from betalint.linter.fix.diff import unified_diff

# ESC[2J clears the screen; a lone CR rewinds the line so the rest overwrites what was shown.
BEFORE = 'x = 1\nBETAS = ["interleaved-thinking-2025-5-14"]  # \x1b[2J\rlooks fine\nend = 2\r\n'
AFTER = BEFORE.replace("2025-5-14", "2025-05-14")


def _source(path: str, text: str) -> Source:
    return Source(path, text.encode(), text, "utf-8")


def test_label_escapes_a_hostile_path() -> None:
    diff = unified_diff(_source("a\n+++ b\x1b[2J.py", BEFORE), AFTER).decode()
    assert diff.startswith("--- a\\n+++ b\\x1b[2J.py\n+++ a\\n+++ b\\x1b[2J.py\n@@ ")


def test_lines_are_exact_for_patch_by_default() -> None:
    diff = unified_diff(_source("a.py", BEFORE), AFTER)
    assert b"\x1b[2J\rlooks fine\n" in diff


def test_lines_escaped_for_a_terminal_crlf_kept() -> None:
    diff = unified_diff(_source("a.py", BEFORE), AFTER, escape_controls=True).decode()
    assert "\x1b" not in diff
    assert '-BETAS = ["interleaved-thinking-2025-5-14"]  # \\x1b[2J\\rlooks fine\n' in diff
    assert '+BETAS = ["interleaved-thinking-2025-05-14"]  # \\x1b[2J\\rlooks fine\n' in diff
    assert " end = 2\r\n" in diff  # the CR of a CRLF ending is the line's own


def test_a_real_terminal_gets_the_escaped_diff(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "app.py").write_bytes(BEFORE.encode())
    primary, secondary = pty.openpty()
    done = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--diff", "--today", "2026-11-01", "app.py"],
        cwd=tmp_path,
        stdout=secondary,
        stderr=subprocess.PIPE,
        timeout=60,
    )
    os.close(secondary)
    shown = b""
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the other end is closed and drained
            break
        if not chunk:
            break
        shown += chunk
    os.close(primary)
    assert done.returncode == 1, done.stderr
    assert b"\\x1b[2J\\rlooks fine" in shown and b"\x1b" not in shown
    assert (tmp_path / "app.py").read_bytes() == BEFORE.encode()  # --diff writes nothing
