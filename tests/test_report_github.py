"""linter/report/github.py: workflow-command annotations and their escaping."""

from __future__ import annotations

import pytest
from _report_data import ALL, DEPRECATED, MALFORMED, meta

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report import render
from betalint.linter.report.github import escape_data, escape_property
from betalint.linter.rules import RULES


@pytest.mark.parametrize(
    ("raw", "data", "prop"),
    (
        ("plain", "plain", "plain"),
        ("100%", "100%25", "100%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a,b", "a,b", "a%2Cb"),
        ("C:\\x", "C:\\x", "C%3A\\x"),
        ("%0A", "%250A", "%250A"),  # an already-escaped-looking value stays literal
        ("::error::", "::error::", "%3A%3Aerror%3A%3A"),
    ),
)
def test_escaping(raw: str, data: str, prop: str) -> None:
    assert escape_data(raw) == data
    assert escape_property(raw) == prop


def test_snapshot_errors_first() -> None:
    assert render("github", ALL, meta()).splitlines() == [
        "::error file=src/app.py,line=3,col=36,endLine=3,endColumn=55,"
        "title=BL101 (malformed-name)::BL101 files-api-2025-4-14: month and day take two digits",
        "::warning file=docs/guide.md,line=3,col=23,endLine=3,endColumn=55,"
        "title=BL204 (deprecated)::BL204 token-efficient-tools-2025-02-19 is deprecated",
        "::warning file=src/app.py,line=3,col=11,endLine=3,endColumn=32,"
        "title=BL202 (superseded)::BL202 mcp-client-2025-04-04 is superseded by "
        "mcp-client-2025-11-20",
        "::warning file=src/app.py,line=4,col=11,endLine=4,endColumn=36,"
        "title=BL203 (no-longer-needed)::BL203 prompt-caching-2024-07-31 is generally available; "
        "the header is not needed",
    ]


def test_hostile_path_and_message_stay_one_command() -> None:
    d = Diagnostic(
        "we,ird:dir/a\nb%.py",
        "BL204",
        0,
        1,
        1,
        1,
        1,
        2,
        "50% done\n::error::injected",
        "n",
        None,
        "string",
        severity=RULES["BL204"].severity,
        rule=RULES["BL204"].name,
    )
    (line,) = render("github", [d], meta()).splitlines()
    assert "file=we%2Cird%3Adir/a%0Ab%25.py," in line
    assert line.endswith("::BL204 50%25 done%0A::error::injected")
    assert line.startswith("::warning file=")


def test_empty_run_prints_nothing() -> None:
    assert render("github", [], meta()) == ""
    assert render("github", [DEPRECATED, MALFORMED], meta()).startswith("::error ")


def test_stderr_notice_is_one_annotation_naming_the_path_inertly() -> None:
    from _consumers import github_commands

    from betalint.linter.report.github import notice

    line = notice("warning", "skipped a\n::error file=x::forged%0A\x1b[2J.py")
    (command,) = github_commands(line)
    assert (command.name, command.properties) == ("warning", {"title": "betalint"})
    assert command.data == "skipped a\\n::error file=x::forged%0A\\x1b[2J.py"
