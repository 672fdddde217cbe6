"""linter/report/sarif.py, validated against the OASIS SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from _report_data import ALL, APP_TEXT, DEPRECATED, GA, MALFORMED, SUPERSEDED, meta

from betalint.linter.report import render

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def _sarif(diags: list[Any], **kw: object) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(render("sarif", diags, meta(**kw)))
    jsonschema.Draft7Validator(SCHEMA).validate(doc)
    return doc


def test_valid_against_oasis_schema() -> None:
    doc = _sarif(ALL)
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert len(run["results"]) == 4


def test_driver_lists_every_rule_with_docs() -> None:
    driver = _sarif([])["runs"][0]["tool"]["driver"]
    assert driver["name"] == "betalint"
    assert driver["version"] == "0.1.0"
    assert driver["informationUri"].startswith("https://")
    rules = {r["id"]: r for r in driver["rules"]}
    assert "BL202" in rules and "BL901" in rules
    bl202 = rules["BL202"]
    assert bl202["name"] == "superseded"
    assert bl202["shortDescription"]["text"] == "a newer version of the beta exists"
    assert "successor" in bl202["fullDescription"]["text"]
    assert bl202["helpUri"].endswith("#bl202")
    assert bl202["defaultConfiguration"] == {"level": "warning"}
    assert rules["BL205"]["defaultConfiguration"] == {"level": "error"}
    assert "## Fix safety" in bl202["help"]["markdown"]


def test_result_snapshot() -> None:
    doc = _sarif([MALFORMED])
    (result,) = doc["runs"][0]["results"]
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["id"] == "BL101"
    result.pop("ruleIndex")
    fingerprint = result.pop("partialFingerprints")["betalintFingerprint/v1"]
    assert len(fingerprint) == 32
    assert result == {
        "ruleId": "BL101",
        "level": "error",
        "message": {"text": "files-api-2025-4-14: month and day take two digits"},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "src/app.py", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": 3, "startColumn": 36, "endLine": 3, "endColumn": 55},
                }
            }
        ],
        "fixes": [
            {
                "description": {"text": "Replace with files-api-2025-04-14 (safe fix)"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": "src/app.py", "uriBaseId": "%SRCROOT%"},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": 3,
                                    "startColumn": 36,
                                    "endLine": 3,
                                    "endColumn": 55,
                                },
                                "insertedContent": {"text": "files-api-2025-04-14"},
                            }
                        ],
                    }
                ],
            }
        ],
    }


def test_fix_regions_apply_to_the_text() -> None:
    # Applying the SARIF replacement by line/column gives the same text as the byte edit.
    (result,) = _sarif([GA])["runs"][0]["results"]
    (change,) = result["fixes"][0]["artifactChanges"]
    (rep,) = change["replacements"]
    region = rep["deletedRegion"]
    lines = APP_TEXT.splitlines(keepends=True)

    def offset(line: int, column: int) -> int:
        return sum(len(x) for x in lines[: line - 1]) + column - 1

    start = offset(region["startLine"], region["startColumn"])
    end = offset(region["endLine"], region["endColumn"])
    fixed = APP_TEXT[:start] + rep["insertedContent"]["text"] + APP_TEXT[end:]
    assert fixed == 'import anthropic\n\nBETAS = ["mcp-client-2025-04-04", "files-api-2025-4-14"]\n'


def test_no_fix_when_unknown_or_absent() -> None:
    results = _sarif([GA, DEPRECATED], texts={})["runs"][0]["results"]
    assert all("fixes" not in r for r in results)


def test_fingerprints_ignore_lines_but_keep_duplicates_apart() -> None:
    moved = SUPERSEDED.__class__(**{**_fields(SUPERSEDED), "line": 40, "end_line": 40})
    first = _sarif([SUPERSEDED])["runs"][0]["results"][0]["partialFingerprints"]
    again = _sarif([moved])["runs"][0]["results"][0]["partialFingerprints"]
    assert first == again
    twice = _sarif([SUPERSEDED, moved])["runs"][0]["results"]
    assert twice[0]["partialFingerprints"] != twice[1]["partialFingerprints"]


def _fields(d: Any) -> dict[str, Any]:
    return {name: getattr(d, name) for name in d.__slots__}


def test_absolute_paths_become_file_uris() -> None:
    d = MALFORMED.__class__(**{**_fields(MALFORMED), "path": "/tmp/a b/x.py"})
    (result,) = _sarif([d], texts={})["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "file:///tmp/a%20b/x.py"}


def test_relative_uri_is_percent_encoded() -> None:
    d = MALFORMED.__class__(**{**_fields(MALFORMED), "path": "dir with space/ü.py"})
    (result,) = _sarif([d], texts={})["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "dir%20with%20space/%C3%BC.py"
