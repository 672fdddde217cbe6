"""linter/report/rdjson.py against reviewdog's published rdjson schema, with reviewdog's
column convention (UTF-8 bytes, exclusive ends)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
from _consumers import schema
from _report_data import ALL, MALFORMED, bare, meta

from betalint.linter.report import render
from betalint.linter.report.rdjson import byte_columns

VALIDATOR = jsonschema.Draft4Validator(schema("reviewdog-DiagnosticResult.schema.json"))


def _doc(diags: list[Any], **kw: object) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render("rdjson", diags, meta(**kw)))
    VALIDATOR.validate(doc)
    return doc


def test_one_diagnostic_per_finding_with_rule_code_and_url() -> None:
    doc = _doc(ALL)
    assert doc["source"]["name"] == "betalint"
    assert [d["code"]["value"] for d in doc["diagnostics"]] == ["BL204", "BL202", "BL101", "BL203"]
    assert {d["severity"] for d in doc["diagnostics"]} == {"ERROR", "WARNING"}
    assert all(
        d["code"]["url"].endswith("#" + d["code"]["value"].lower()) for d in doc["diagnostics"]
    )


def test_safe_fix_is_a_suggestion() -> None:
    (d,) = _doc([MALFORMED])["diagnostics"]
    assert d["location"] == {
        "path": "src/app.py",
        "range": {"start": {"line": 3, "column": 36}, "end": {"line": 3, "column": 55}},
    }
    assert d["suggestions"] == [
        {
            "range": {"start": {"line": 3, "column": 36}, "end": {"line": 3, "column": 55}},
            "text": "files-api-2025-04-14",
        }
    ]


def test_columns_count_utf8_bytes_as_reviewdog_does(tmp_path: Path) -> None:
    # 'é' and '€' before the name: 2 + 3 bytes, but 2 code points.
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.py").write_text('X = "é€"; BETAS = ["files-api-2025-4-14"]\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--output-format", "rdjson", "a.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    doc = json.loads(done.stdout)
    VALIDATOR.validate(doc)
    (d,) = doc["diagnostics"]
    code_point_column = 'X = "é€"; BETAS = ["'.__len__() + 1
    assert d["location"]["range"]["start"]["column"] == code_point_column + 3
    assert d["location"]["range"]["end"]["column"] == code_point_column + 3 + 19


def test_byte_columns_of_every_reported_offset() -> None:
    text = "ab\n€x files\n"
    start = text.index("files")
    d = bare("p", "BL102", name="files", start=start, end=start + 5, line=2, column=4)
    assert byte_columns(text, [d]) == {start: 6, start + 5: 11}
