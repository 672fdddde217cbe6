"""BL103 header-syntax: an anthropic-beta value with an empty item, a `;` separator or stray quotes.

## What it does
Reports a header value that is not a clean comma-separated list of names.

## Why is this bad?
The API splits the value on commas; `a;b`, `a,,b` and quoted items are rejected or silently
misread.

## Example
    -H "anthropic-beta: files-api-2025-04-14;mcp-client-2025-11-20"

## Fix safety
Safe: only separators, spaces and quotes change.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import HeaderSyntaxIssue


def check(file: FileCheck, issue: HeaderSyntaxIssue) -> Iterator[Diagnostic]:
    fix = Fix(
        "safe",
        (Edit(issue.start, issue.end, issue.replacement),),
        issue.replacement,
        "rewrite the header value",
    )
    written = file.text[issue.start : issue.end]
    yield file.diagnostic(
        RULE, issue.start, issue.end, issue.message, written, None, "header-value", fix
    )


RULE = Rule.documented(
    __doc__,
    "BL103",
    "header-syntax",
    "error",
    "always",
    "syntax",
    check,
    breaks_text=True,
    whole_value=True,
)
