"""linter/report/junit.py: parsed back with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from _report_data import ALL, meta

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report import render
from betalint.linter.rules import RULES


def _parse(diags: list[Diagnostic]) -> ET.Element:
    out = render("junit", diags, meta())
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(out.encode("utf-8"))


def test_one_suite_a_case_per_file_a_failure_per_finding() -> None:
    root = _parse(ALL)
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "4", "0")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert list(cases) == ["docs/guide.md", "src/app.py"]
    failures = cases["src/app.py"].findall("failure")
    assert [f.get("type") for f in failures] == ["BL202", "BL101", "BL203"]
    assert failures[1].get("message") == "BL101 files-api-2025-4-14: month and day take two digits"
    assert (failures[1].text or "").startswith("src/app.py:3:36: BL101 ")


def test_clean_run_is_one_passing_case() -> None:
    (suite,) = _parse([]).findall("testsuite")
    (case,) = suite.findall("testcase")
    assert suite.get("failures") == "0"
    assert case.findall("failure") == []


def test_markup_and_control_characters_stay_well_formed() -> None:
    d = Diagnostic(
        'a<&>"\x01.py',
        "BL204",
        0,
        1,
        1,
        1,
        1,
        2,
        'x < y & "z"\x00',
        "n",
        None,
        "string",
        severity=RULES["BL204"].severity,
        rule=RULES["BL204"].name,
    )
    (suite,) = _parse([d]).findall("testsuite")
    (case,) = suite.findall("testcase")
    assert case.get("name") == 'a<&>"\ufffd.py'
    assert case.find("failure").get("message") == 'BL204 x < y & "z"\ufffd'  # type: ignore[union-attr]
