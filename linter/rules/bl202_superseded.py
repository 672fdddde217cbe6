"""BL202 superseded: a newer version of the beta exists.

## What it does
Reports a name whose registry entry names a successor.

## Why is this bad?
Old versions stop receiving fixes and are retired later; the successor may change request or
response shapes, so moving is a decision, not a rename.

## Example
    betas=["mcp-client-2025-04-04"]  # → mcp-client-2025-11-20

## Fix safety
Unsafe: the successor can change behaviour. Applied with `--unsafe-fixes`.
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
    if verdict.kind == "superseded":
        yield from lifecycle_finding(file, c, verdict, RULE, rename_fix(c, verdict, safe=False))


RULE = Rule.documented(
    __doc__, "BL202", "superseded", "warning", "unsafe", "candidate", check, editor_tag="deprecated"
)
