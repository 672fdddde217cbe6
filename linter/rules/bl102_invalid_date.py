"""BL102 invalid-date: a beta name whose date is not a calendar date."""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.rules.bl101_malformed_name import reported
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if reported(c, verdict) and verdict.problem == "invalid-date":
        yield file.diagnostic(
            RULE,
            c.start,
            c.end,
            verdict.message,
            c.written,
            verdict.canonical,
            c.context,
            None,
            verdict.docs_url,
        )


RULE = Rule(
    code="BL102",
    name="invalid-date",
    severity="error",
    summary="a beta name whose date is not a calendar date",
    fix="never",
    what="Reports a name whose date cannot exist, such as `files-api-2025-02-30`.",
    why="No beta is dated on a day that does not exist: the name is a typo the API rejects.",
    example='betas=["files-api-2025-02-30"]',
    fix_safety="No fix: which digit slipped cannot be known.",
    scope="candidate",
    check=check,
)
