"""BL204 deprecated: the beta is deprecated and will stop working."""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.rules.common import lifecycle_finding
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if verdict.kind == "deprecated":  # what to write instead needs a person: no fix
        yield from lifecycle_finding(file, c, verdict, RULE, None)


RULE = Rule(
    code="BL204",
    name="deprecated",
    severity="warning",
    summary="the beta is deprecated and will stop working",
    fix="never",
    what="Reports a deprecated name, with the date it stops working when known.",
    why="Deprecated betas are removed on a date; code that sends them breaks that day.",
    example='betas=["token-efficient-tools-2025-02-19"]',
    fix_safety="No fix: what to do instead needs a person.",
    scope="candidate",
    check=check,
)
