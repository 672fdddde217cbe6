"""linter/report/json.py against DESIGN §8 and the shipped schema."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema
import pytest
from _report_data import ALL, APP, GA, MALFORMED, SUPERSEDED, meta
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report import render
from betalint.linter.report.sarif import dump_json
from betalint.linter.rules import RULES


def _schema() -> dict[str, Any]:
    text = resources.files("betalint.linter").joinpath("schemas/output.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


def _validate(doc: object) -> None:
    validator = jsonschema.Draft202012Validator(
        _schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(doc)


def test_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(_schema())


def test_document_shape_and_schema() -> None:
    doc = json.loads(render("json", ALL, meta()))
    _validate(doc)
    assert list(doc) == ["version", "tool", "registry", "diagnostics"]
    assert doc["version"] == 1
    assert doc["tool"] == {"name": "betalint", "version": "0.1.0"}
    assert doc["registry"] == {"version": "2026.11.24", "date": "2026-11-24"}
    assert [d["code"] for d in doc["diagnostics"]] == ["BL204", "BL202", "BL101", "BL203"]


def test_one_diagnostic_snapshot() -> None:
    (entry,) = json.loads(render("json", [MALFORMED], meta()))["diagnostics"]
    assert entry == {
        "path": "src/app.py",
        "line": 3,
        "column": 36,
        "end_line": 3,
        "end_column": 55,
        "code": "BL101",
        "rule": "malformed-name",
        "severity": "error",
        "message": "files-api-2025-4-14: month and day take two digits",
        "name": "files-api-2025-4-14",
        "canonical": "files-api-2025-04-14",
        "context": "betas-list",
        "fix": {
            "applicability": "safe",
            "edits": [
                {
                    "content": "files-api-2025-04-14",
                    "location": {"line": 3, "column": 36},
                    "end_location": {"line": 3, "column": 55},
                }
            ],
            "replacement": "files-api-2025-04-14",
            "message": "Replace with files-api-2025-04-14",
        },
        "url": "https://github.com/betalint-dev/betalint/blob/main/docs/rules.md#bl101",
    }


def test_registry_docs_url_wins_over_rule_url() -> None:
    (entry,) = json.loads(render("json", [SUPERSEDED], meta()))["diagnostics"]
    assert entry["url"] == "https://docs.anthropic.com/mcp"


def test_multiline_edit_positions_come_from_the_text() -> None:
    (entry,) = json.loads(render("json", [GA], meta()))["diagnostics"]
    (edit,) = entry["fix"]["edits"]
    assert (edit["location"], edit["end_location"]) == (
        {"line": 3, "column": 56},
        {"line": 4, "column": 37},
    )


def test_without_text_in_span_edits_are_derived_others_are_null() -> None:
    doc = json.loads(render("json", [MALFORMED, GA], meta(texts={})))
    _validate(doc)
    by_code = {d["code"]: d for d in doc["diagnostics"]}
    assert by_code["BL101"]["fix"]["edits"][0]["location"] == {"line": 3, "column": 36}
    assert by_code["BL203"]["fix"]["edits"][0]["location"] is None


def test_columns_count_code_points() -> None:
    text = 'x = "ü🙂 files-api-2025-4-14"\n'
    start = text.index("files")
    d = Diagnostic(
        APP,
        "BL101",
        start,
        start + 19,
        1,
        start + 1,
        1,
        start + 20,
        "m",
        "files-api-2025-4-14",
        None,
        "string",
        severity=RULES["BL101"].severity,
        rule=RULES["BL101"].name,
    )
    (entry,) = json.loads(render("json", [d], meta()))["diagnostics"]
    assert entry["column"] == 9  # `x = "` + ü + 🙂 + space: 8 code points before it


@pytest.mark.parametrize("path", ["src/app.py", "ü/a b.py", "-"])
def test_path_is_kept_as_given(path: str) -> None:
    d = Diagnostic(
        path,
        "BL204",
        0,
        1,
        1,
        1,
        1,
        2,
        "m",
        "n",
        None,
        "string",
        severity=RULES["BL204"].severity,
        rule=RULES["BL204"].name,
    )
    (entry,) = json.loads(render("json", [d], meta()))["diagnostics"]
    assert entry["path"] == path


def test_empty_run_is_valid() -> None:
    doc = json.loads(render("json", [], meta(registry_version=None, registry_date=None)))
    _validate(doc)
    assert doc["diagnostics"] == []


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=60)
@given(_JSON, st.integers(min_value=0, max_value=4))
def test_dump_json_round_trips(value: object, compact_from: int) -> None:
    assert json.loads(dump_json(value, compact_from)) == value
