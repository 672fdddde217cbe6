"""BL201 unknown-name: a well-formed name that is not in the registry.

## What it does
Reports a well-formed name the registry does not know, with a did-you-mean.

## Why is this bad?
Unknown names are typos or invented dates; the API answers ``Unexpected value(s) `…` for the
`anthropic-beta` header``.

## Example
    betas=["prompt-cacheing-2024-07-31"]  # did you mean prompt-caching-2024-07-31?

## Fix safety
Safe only when there is exactly one candidate: the same feature with a one-character date
slip, or a one-edit feature typo with the same date. A private beta belongs in an extra
registry (`extra-registries`).
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
    # A weak context (any string, prose) reports an unknown name only with a did-you-mean.
    if verdict.kind != "unknown" or not (c.strong or verdict.suggestions):
        return
    yield from lifecycle_finding(
        file, c, verdict, RULE, rename_fix(c, verdict, safe=verdict.certain)
    )


RULE = Rule.documented(__doc__, "BL201", "unknown-name", "error", "sometimes", "candidate", check)
