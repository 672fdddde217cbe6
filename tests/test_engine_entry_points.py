"""One engine for every entry point: the library and `betalint check` agree on the same text
and selection, suppressions included (the library used to ignore `betalint: ignore`). Both
run on the mini registry with today fixed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from _registries import MINI, TODAY

import betalint
from betalint.registry.model import Registry

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
            TODAY.isoformat(),
            "--registry",
            str(MINI),
            "--exit-zero",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=path.parent,
    )
    return [(d["code"], d["line"], d["name"]) for d in json.loads(done.stdout)["diagnostics"]]


def test_library_and_cli_agree_on_a_suppressed_file(
    tmp_path: Path, mini_registry: Registry
) -> None:
    path = tmp_path / "client.py"
    path.write_text(SUPPRESSED, encoding="utf-8")
    library = [
        (d.code, d.line, d.name)
        for d in betalint.scan_text(SUPPRESSED, "client.py", today=TODAY, registry=mini_registry)
    ]
    assert library == _cli(path)
    codes = [code for code, _, _ in library]
    assert "BL202" not in codes  # suppressed on its line
    assert codes == ["BL205", "BL901"]  # the second directive matched nothing


def test_library_selection_matches_cli_select(tmp_path: Path, mini_registry: Registry) -> None:
    path = tmp_path / "client.py"
    path.write_text(SUPPRESSED, encoding="utf-8")
    library = [
        (d.code, d.line, d.name)
        for d in betalint.scan_text(
            SUPPRESSED,
            "client.py",
            today=TODAY,
            registry=mini_registry,
            select=frozenset({"BL205"}),
        )
    ]
    assert library == _cli(path, "--select", "BL205") == [("BL205", 4, "output-128k-2025-02-19")]
