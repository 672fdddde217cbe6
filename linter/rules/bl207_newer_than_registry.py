"""BL207 newer-than-registry: a well-formed name the registry lacks, dated after the registry.

## What it does
Reports a well-formed name the registry does not know whose date is later than the
registry's date (and not later than `--today`): most likely a beta released since.

## Why is this bad?
It may not be: betas ship every few weeks and a registry is cut at one date. Calling every
newer beta an unknown name (BL201, an error) would break every user's CI until the next
release, so this is a warning that never changes the exit code: the name gets a look (and a
registry entry) without failing the build.

## Example
    betas=["new-feature-2026-12-10"]  # newer than this registry (2026-12-04)

## Fix safety
No fix: a newer name is never rewritten to an older one by a did-you-mean. Upgrade betalint,
or add the name to an extra registry (`extra-registries`).
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
    # As BL201, a weak context (any string, prose) reports it only with a did-you-mean.
    if verdict.kind == "newer" and (c.strong or verdict.suggestions):
        yield from lifecycle_finding(file, c, verdict, RULE, None)


RULE = Rule.documented(
    __doc__, "BL207", "newer-than-registry", "warning", "never", "candidate", check, fails=False
)
