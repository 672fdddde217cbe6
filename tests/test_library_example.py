"""docs/library_example.py (the README's library example) runs and prints what it should."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "docs" / "library_example.py"


def _code_without_docstring(source: str) -> str:
    """The example as the README shows it: everything after the module docstring."""
    first = ast.parse(source).body[0]
    assert isinstance(first, ast.Expr) and first.end_lineno is not None
    return "\n".join(source.splitlines()[first.end_lineno :]).strip() + "\n"


def test_example_output(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE)],
        capture_output=True,
        text=True,
        env={"BETALINT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    lines = done.stdout.splitlines()
    assert len(lines) == 5, done.stdout
    valid, malformed, ga, header, scanned = lines
    assert valid.startswith("valid      interleaved-thinking-2025-05-14 ")
    assert malformed.startswith("malformed  'files-api-2025-4-14' is malformed")
    assert "write files-api-2025-04-14" in malformed
    assert ga.startswith("ga         prompt-caching-2024-07-31 is generally available")
    # The second name of the header starts at column 34 of the header value.
    assert header.startswith("header column 34: BL301 interleaved-thinking-2025-05-14")
    assert scanned == (
        "app.py:3:13: BL101 interleaved-thinking-2025-5-14 -> interleaved-thinking-2025-05-14"
    )
    assert done.stderr == ""


def test_readme_names_the_example_and_copies_it_exactly() -> None:
    """The README points at the runnable file; a copy of it in the README (a python block
    that starts as the file does) must be identical, so the two never drift apart."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/library_example.py" in readme
    code = _code_without_docstring(EXAMPLE.read_text(encoding="utf-8"))
    first_line = code.splitlines()[0] + "\n"
    for block in re.findall(r"```python\n(.*?)```", readme, re.DOTALL):
        if block.startswith(first_line):
            assert block == code
