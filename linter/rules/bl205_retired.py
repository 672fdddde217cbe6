"""BL205 retired: the beta is retired: the API rejects it or it does nothing.

## What it does
Reports a retired name.

## Why is this bad?
The API answers an error, or the beta's only models are retired.

## Example
    betas=["computer-use-2024-10-22"]  # → computer-use-2025-01-24

## Fix safety
Unsafe when a successor exists (behaviour changes); otherwise no fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.rules.common import lifecycle_finding, rename_fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if verdict.kind == "retired":
        yield from lifecycle_finding(file, c, verdict, RULE, rename_fix(c, verdict, safe=False))


RULE = Rule.documented(
    __doc__, "BL205", "retired", "error", "unsafe", "candidate", check, editor_tag="deprecated"
)
