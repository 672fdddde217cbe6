"""linter/report/text.py and the format table in linter/report/__init__.py."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import click
import pytest
from _report_data import ALL, DEPRECATED, MALFORMED, SUPERSEDED, bare, meta

from betalint.linter.report import FORMATS, render
from betalint.linter.rules import RULES
from betalint.registry.errors import BetalintError

SNAPSHOT = """\
docs/guide.md:3:23: BL204 token-efficient-tools-2025-02-19 is deprecated
src/app.py:3:11: BL202 mcp-client-2025-04-04 is superseded by mcp-client-2025-11-20
src/app.py:3:36: BL101 [*] files-api-2025-4-14: month and day take two digits
src/app.py:4:11: BL203 prompt-caching-2024-07-31 is generally available; the header is not needed
Found 4 findings (1 fixable with --fix; 2 more with --unsafe-fixes).
"""


def test_snapshot_sorted_whatever_the_input_order() -> None:
    assert render("text", list(reversed(ALL)), meta()) == SNAPSHOT


def test_unsafe_fixes_mark_and_count_unsafe_ones() -> None:
    out = render("text", ALL, meta(unsafe_fixes=True))
    assert "BL202 [*] mcp-client" in out
    assert "BL204 token-efficient" in out  # no fix: never marked
    assert out.endswith("Found 4 findings (3 fixable with --fix).\n")


@pytest.mark.parametrize(
    ("diags", "fixed", "summary"),
    (
        ([], 0, "All checks passed!"),
        ([DEPRECATED], 0, "Found 1 finding."),
        ([MALFORMED], 0, "Found 1 finding (1 fixable with --fix)."),
        ([SUPERSEDED], 0, "Found 1 finding (1 more with --unsafe-fixes)."),
        ([], 2, "Found 2 findings (2 fixed, 0 remaining)."),
        ([DEPRECATED], 3, "Found 4 findings (3 fixed, 1 remaining)."),
    ),
)
def test_summary_line(diags: list, fixed: int, summary: str) -> None:  # type: ignore[type-arg]
    assert render("text", diags, meta(fixed=fixed)).splitlines()[-1] == summary


def test_color_only_when_asked() -> None:
    plain = render("text", ALL, meta())
    colored = render("text", ALL, meta(), color=True)
    assert "\x1b[" not in plain
    assert "\x1b[" in colored
    assert click.unstyle(colored) == plain


def test_statistics_counts_per_code_most_frequent_first() -> None:
    out = render("text", [*ALL, MALFORMED], meta(), statistics=True)
    assert out.splitlines() == [
        "2\tBL101\t[*] malformed-name",
        "1\tBL202\t    superseded",
        "1\tBL203\t    no-longer-needed",
        "1\tBL204\t    deprecated",
    ]


def test_statistics_json() -> None:
    rows = json.loads(render("json", [MALFORMED, MALFORMED], meta(), statistics=True))
    assert rows == [{"code": "BL101", "name": "malformed-name", "count": 2, "fixable": 2}]


def test_every_format_renders_an_empty_run() -> None:
    out = {fmt: render(fmt, [], meta()) for fmt in FORMATS}
    # A new format adds its own empty-run expectation here.
    assert set(out) == {"text", "json", "sarif", "github", "gitlab", "junit", "rdjson"}
    assert out["text"] == "All checks passed!\n"
    assert out["github"] == ""  # no annotations
    assert json.loads(out["gitlab"]) == []
    assert json.loads(out["json"]) == {
        "version": 1,
        "tool": {"name": "betalint", "version": "0.1.0"},
        "registry": {"version": "2026.11.24", "date": "2026-11-24"},
        "diagnostics": [],
    }
    (run,) = json.loads(out["sarif"])["runs"]
    assert run["results"] == []
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == sorted(RULES)
    # One passing case, so CI shows the check ran.
    suites = ElementTree.fromstring(out["junit"])
    assert (suites.get("tests"), suites.get("failures"), suites.get("errors")) == ("1", "0", "0")
    (case,) = suites.iter("testcase")
    assert list(case) == [] and case.get("classname") == "betalint"  # no <failure>
    rdjson = json.loads(out["rdjson"])
    assert rdjson["diagnostics"] == [] and rdjson["source"]["name"] == "betalint"


@pytest.mark.parametrize(("fmt", "statistics"), (("xml", False), ("sarif", True)))
def test_unknown_format_is_a_user_error(fmt: str, statistics: bool) -> None:
    with pytest.raises(BetalintError, match="choose one of"):
        render(fmt, ALL, meta(), statistics=statistics)


@pytest.mark.parametrize("color", [False, True])
def test_controls_in_path_and_message_are_escaped(color: bool) -> None:
    d = bare("a\n::error::x\x1b]0;t\x07\u202e.py", message="m\rn\x1b[2J")
    out = render("text", [d], meta(), color=color)
    finding, summary = click.unstyle(out).splitlines()
    assert finding == "a\\n::error::x\\x1b]0;t\\x07\\u202e.py:1:1: BL204 m\\rn\\x1b[2J"
    assert summary == "Found 1 finding."
    assert out.count("\n") == 2
