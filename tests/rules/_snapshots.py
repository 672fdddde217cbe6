"""Per-rule snapshots: tests/rules/snapshots/<CODE>.<ext> is one realistic input per rule
(the positive case and a look-alike that must stay silent); <CODE>.expected.json is what the
engine reports for it on the mini registry with today fixed.

`python scripts/update_snapshots.py` rewrites every expected file from the engine's output;
review the diff before committing it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from _registries import MINI, TODAY

from betalint.linter.diagnostic import Diagnostic, LineIndex
from betalint.linter.engine import DEFAULT_CODES, Linter
from betalint.registry.loader import load_registry

SNAPSHOTS = Path(__file__).parent / "snapshots"
EXPECTED_SUFFIX = ".expected.json"
UPDATE_COMMAND = "python scripts/update_snapshots.py"


def inputs() -> dict[str, Path]:
    """Rule code -> its input file (`BL101.py`); two inputs for one code is an error."""
    found: dict[str, Path] = {}
    for path in sorted(SNAPSHOTS.iterdir()):
        if path.name.endswith(EXPECTED_SUFFIX) or not path.is_file():
            continue
        code = path.name.split(".", 1)[0]
        if code in found:
            raise ValueError(f"{code} has two snapshot inputs: {found[code].name}, {path.name}")
        found[code] = path
    return found


def expected_path(code: str) -> Path:
    return SNAPSHOTS / f"{code}{EXPECTED_SUFFIX}"


def linter() -> Linter:
    return Linter.create(load_registry(base=MINI), today=TODAY)


def render(path: Path, engine: Linter) -> str:
    """The engine's findings for one input as the JSON text the expected file holds: the
    default rules, and the input's own rule even when it is off by default (BL404)."""
    text = path.read_text(encoding="utf-8")
    index = LineIndex(text)
    enabled = DEFAULT_CODES | {path.name.split(".", 1)[0]}
    rows = [_row(d, index) for d in engine.check(text, path.name, enabled)]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


def _row(d: Diagnostic, index: LineIndex) -> dict[str, Any]:
    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability,
            "replacement": d.fix.replacement,
            "message": d.fix.message,
            "edits": [
                {"start": _at(index, e.start), "end": _at(index, e.end), "content": e.content}
                for e in d.fix.edits
            ],
        }
    return {
        "code": d.code,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "name": d.name,
        "message": d.message,
        "fix": fix,
    }


def _at(index: LineIndex, offset: int) -> str:
    """`line:column` (1-based) of an offset: an edit's place reads like a report's."""
    line, column = index.position(offset)
    return f"{line}:{column}"


def update() -> list[Path]:
    """Rewrite every expected file whose content changed; return those written."""
    engine = linter()
    written: list[Path] = []
    for code, path in inputs().items():
        target = expected_path(code)
        content = render(path, engine)
        if not target.exists() or target.read_text(encoding="utf-8") != content:
            target.write_text(content, encoding="utf-8")
            written.append(target)
    return written
