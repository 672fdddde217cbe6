"""BL102 invalid-date: a beta name whose date is not a calendar date.

## What it does
Reports a name whose date cannot exist, such as `files-api-2025-02-30`.

## Why is this bad?
No beta is dated on a day that does not exist: the name is a typo the API rejects.

## Example
    betas=["files-api-2025-02-30"]

## Fix safety
No fix: which digit slipped cannot be known.
"""

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
        yield file.at(RULE, c, verdict.message, verdict.canonical, None, verdict.docs_url)


RULE = Rule.documented(
    __doc__, "BL102", "invalid-date", "error", "never", "candidate", check, breaks_text=True
)
