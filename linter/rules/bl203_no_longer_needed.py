"""BL203 no-longer-needed: the feature is generally available; the header is not needed.

## What it does
Reports a name whose feature is generally available without the header.

## Why is this bad?
The header does nothing for most requests and hides real betas in the list; on some
endpoints a GA header still selects a legacy response shape (see the entry's notes).

## Example
    betas=["prompt-caching-2024-07-31"]  # remove it

## Fix safety
Unsafe (removal). When removal would leave an empty list or header, the fix is shown but
never applied.
"""

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


RULE = Rule.documented(
    __doc__,
    "BL203",
    "no-longer-needed",
    "warning",
    "unsafe",
    "candidate",
    check,
    editor_tag="unnecessary",
)
