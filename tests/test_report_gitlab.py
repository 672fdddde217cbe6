"""linter/report/gitlab.py against the schema GitLab validates Code Quality issues with."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
from _report_data import ALL, MALFORMED, SUPERSEDED, meta

from betalint.linter.report import render

# Per issue; see tests/data/README.md for where it comes from.
SCHEMA = json.loads((Path(__file__).parent / "data" / "gitlab-codeclimate.schema.json").read_text())
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}  # GitLab's docs


def _issues(diags: list[Any]) -> list[dict[str, Any]]:
    issues: list[dict[str, Any]] = json.loads(render("gitlab", diags, meta()))
    for issue in issues:
        jsonschema.Draft7Validator(SCHEMA).validate(issue)
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["check_name"], str)
    return issues


def test_valid_issues_one_per_finding() -> None:
    issues = _issues(ALL)
    assert [i["check_name"] for i in issues] == ["BL204", "BL202", "BL101", "BL203"]
    assert len({i["fingerprint"] for i in issues}) == 4


def test_snapshot() -> None:
    (issue,) = _issues([MALFORMED])
    fingerprint = issue.pop("fingerprint")
    assert len(fingerprint) == 32
    assert issue == {
        "type": "issue",
        "check_name": "BL101",
        "description": "BL101 files-api-2025-4-14: month and day take two digits",
        "categories": ["Compatibility"],
        "severity": "major",
        "location": {"path": "src/app.py", "lines": {"begin": 3, "end": 3}},
    }


def test_severity_map() -> None:
    assert [i["severity"] for i in _issues([MALFORMED, SUPERSEDED])] == ["minor", "major"]


def test_fingerprint_survives_a_move_and_duplicates_differ() -> None:
    fields = {n: getattr(SUPERSEDED, n) for n in SUPERSEDED.__slots__}
    moved = SUPERSEDED.__class__(**{**fields, "line": 90, "end_line": 90})
    assert _issues([SUPERSEDED])[0]["fingerprint"] == _issues([moved])[0]["fingerprint"]
    both = _issues([SUPERSEDED, moved])
    assert both[0]["fingerprint"] != both[1]["fingerprint"]


def test_empty_run_is_an_empty_array() -> None:
    assert json.loads(render("gitlab", [], meta())) == []
