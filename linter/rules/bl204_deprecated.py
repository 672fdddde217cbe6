"""BL204 deprecated: the beta is deprecated and will stop working.

## What it does
Reports a deprecated name, with the date it stops working when known.

## Why is this bad?
Deprecated betas are removed on a date; code that sends them breaks that day.

## Example
    betas=["token-efficient-tools-2025-02-19"]

## Fix safety
No fix: what to do instead needs a person.
"""

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


RULE = Rule.documented(
    __doc__, "BL204", "deprecated", "warning", "never", "candidate", check, editor_tag="deprecated"
)
