"""linter/report/junit.py, read back with junitparser (what CI plugins and viewers use):
a testsuite per file, a failing testcase per finding, a passing one per clean file, and
counts that add up however they are derived."""

from __future__ import annotations

from pathlib import Path

import pytest
from _report_data import ALL, APP, GUIDE, bare, meta

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report import render

junitparser = pytest.importorskip("junitparser")


def _parse(diags: list[Diagnostic], **kw: object) -> junitparser.JUnitXml:
    out = render("junit", diags, meta(**kw))
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    xml = junitparser.JUnitXml.fromstring(out.encode("utf-8"))
    assert isinstance(xml, junitparser.JUnitXml)  # <testsuites>, not a bare suite
    return xml


def _counts_add_up(xml: junitparser.JUnitXml) -> tuple[int, int, int]:
    """(tests, failures, passed) as written, checked against junitparser's own recount."""
    written = (xml.tests, xml.failures, xml.errors, xml.skipped)
    cases = [case for suite in xml for case in suite]
    passed = sum(1 for case in cases if case.is_passed)
    assert passed == xml.tests - xml.failures - xml.errors - xml.skipped >= 0
    for suite in xml:
        suite_cases = list(suite)
        assert suite.tests == len(suite_cases)
        assert suite.failures == sum(1 for c in suite_cases if c.is_failure)
    xml.update_statistics()  # junitparser recomputes every count from the cases
    assert (xml.tests, xml.failures, xml.errors, xml.skipped) == written
    return xml.tests, xml.failures, passed


def test_a_testcase_per_finding_and_a_passing_one_per_clean_file() -> None:
    xml = _parse(ALL, checked=(APP, GUIDE, "src/clean.py", "README.md"))
    assert _counts_add_up(xml) == (6, 4, 2)
    suites = {s.name: list(s) for s in xml}
    assert list(suites) == ["README.md", GUIDE, APP, "src/clean.py"]
    app = suites[APP]
    assert [c.name for c in app] == [
        "BL202 mcp-client-2025-04-04",
        "BL101 files-api-2025-4-14",
        "BL203 prompt-caching-2024-07-31",
    ]
    assert all(c.classname == "src/app" for c in app)  # no dot: viewers split there
    (failure,) = app[1].result
    assert failure.type == "BL101"
    assert failure.message == "BL101 files-api-2025-4-14: month and day take two digits"
    assert (failure.text or "").startswith("src/app.py:3:36: BL101 ")
    (clean,) = suites["src/clean.py"]
    assert clean.is_passed and clean.name == "no findings"


def test_the_count_the_issue_saw_adds_up() -> None:
    """Many findings in few files once gave tests=7 failures=26 (-19 passed)."""
    many = [d for d in ALL for _ in range(7)]
    tests, failures, passed = _counts_add_up(_parse(many, checked=(APP, GUIDE)))
    assert (tests, failures, passed) == (28, 28, 0)
    names = [c.name for s in _parse(many) for c in s]
    assert len(set(names)) == len(names)  # repeated findings get distinct names


def test_clean_run_is_one_passing_case() -> None:
    assert _counts_add_up(_parse([])) == (1, 0, 1)
    assert _counts_add_up(_parse([], checked=("a.py", "b.py"))) == (2, 0, 2)


def test_paths_relative_to_the_project_root(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    d = bare(str(root / "src" / "x.py"))
    (suite,) = _parse([d], root=str(root))
    assert suite.name == "src/x.py"


def test_markup_and_control_characters_stay_well_formed() -> None:
    d = bare('a<&>"\x01\x1b[2J.py', "BL204", 'x < y & "z"\x00')
    (suite,) = _parse([d])
    (case,) = suite
    assert suite.name == 'a<&>"\\x01\\x1b[2J.py'
    (failure,) = case.result
    assert failure.message == 'BL204 x < y & "z"\\0'
