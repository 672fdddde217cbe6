"""BL202 superseded: a newer version of the beta exists."""

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


RULE = Rule(
    code="BL202",
    name="superseded",
    severity="warning",
    summary="a newer version of the beta exists",
    fix="unsafe",
    what="Reports a name whose registry entry names a successor.",
    why="Old versions stop receiving fixes and are retired later; the successor may change "
    "request or response shapes, so moving is a decision, not a rename.",
    example='betas=["mcp-client-2025-04-04"]  # → mcp-client-2025-11-20',
    fix_safety="Unsafe: the successor can change behaviour. Applied with `--unsafe-fixes`.",
    scope="candidate",
    check=check,
)
