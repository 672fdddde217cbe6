"""BL203 no-longer-needed: the feature is generally available; the header is not needed."""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Fix
from betalint.linter.rules.common import lifecycle_finding
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if verdict.kind != "ga":
        return
    edit = file.removal(c)
    if edit is None:
        # Alone in its list, or not in a list at all: removing it is a person's edit.
        fix = Fix("display", (), None, f"remove {c.written} by hand")
    else:
        fix = Fix("unsafe", (edit,), None, f"remove {c.written}")
    yield from lifecycle_finding(file, c, verdict, RULE, fix)


RULE = Rule(
    code="BL203",
    name="no-longer-needed",
    severity="warning",
    summary="the feature is generally available; the header is not needed",
    fix="unsafe",
    what="Reports a name whose feature is generally available without the header.",
    why="The header does nothing for most requests and hides real betas in the list; on some "
    "endpoints a GA header still selects a legacy response shape (see the entry's notes).",
    example='betas=["prompt-caching-2024-07-31"]  # remove it',
    fix_safety="Unsafe (removal). When removal would leave an empty list or header, the fix "
    "is shown but never applied.",
    scope="candidate",
    check=check,
)
