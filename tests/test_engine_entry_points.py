"""One engine for every entry point: the library and `betalint check` agree on the same text
and selection, suppressions included (the library used to ignore `betalint: ignore`)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import betalint

SUPPRESSED = """\
client.beta.messages.create(
    betas=["mcp-client-2025-04-04"],  # betalint: ignore[BL202]
)
client.beta.messages.create(betas=["output-128k-2025-02-19"])
x = 1  # betalint: ignore[BL205]
"""


def _cli(path: Path, *args: str) -> list[tuple[str, int, str]]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "betalint",
            "check",
            str(path),
            "--output-format",
            "json",
            "--today",
            "2026-11-25",
            "--exit-zero",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=path.parent,
    )
    return [(d["code"], d["line"], d["name"]) for d in json.loads(done.stdout)["diagnostics"]]


def test_library_and_cli_agree_on_a_suppressed_file(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "client.py"
    path.write_text(SUPPRESSED, encoding="utf-8")
    library = [
        (d.code, d.line, d.name)
        for d in betalint.scan_text(SUPPRESSED, "client.py", today=dt.date(2026, 11, 25))
    ]
    assert library == _cli(path)
    codes = [code for code, _, _ in library]
    assert "BL202" not in codes  # suppressed on its line
    assert codes == ["BL205", "BL901"]  # the second directive matched nothing


def test_library_selection_matches_cli_select(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "client.py"
    path.write_text(SUPPRESSED, encoding="utf-8")
    day = dt.date(2026, 11, 25)
    library = [
        (d.code, d.line, d.name)
        for d in betalint.scan_text(SUPPRESSED, "client.py", today=day, select=frozenset({"BL205"}))
    ]
    assert library == _cli(path, "--select", "BL205") == [("BL205", 4, "output-128k-2025-02-19")]
