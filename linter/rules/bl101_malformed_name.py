"""BL101 malformed-name: a beta name that breaks the `feature-YYYY-MM-DD` grammar."""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def reported(c: Candidate, verdict: Verdict) -> bool:
    """Grammar findings come from strong contexts, or from a certain correction elsewhere;
    a constant is never malformed (its value is the registry's canonical name)."""
    return verdict.kind == "malformed" and c.canonical is None and (c.strong or verdict.certain)


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if not reported(c, verdict) or verdict.problem == "invalid-date":
        return
    fix = None
    if verdict.replacement and verdict.certain:
        fix = _correction(file, c, verdict.replacement)
    yield file.diagnostic(
        RULE,
        c.start,
        c.end,
        verdict.message,
        c.written,
        verdict.canonical,
        c.context,
        fix,
        verdict.docs_url,
    )


def _correction(file: FileCheck, c: Candidate, replacement: str) -> Fix:
    return Fix("safe", (Edit(c.start, c.end, replacement),), replacement, f"write {replacement}")


RULE = Rule(
    code="BL101",
    name="malformed-name",
    severity="error",
    summary="a beta name that breaks the `feature-YYYY-MM-DD` grammar",
    fix="sometimes",
    what="Reports a beta name that breaks the grammar: uppercase, spaces, `_` separators, "
    "a one-digit month or day, a date without hyphens, empty parts, a missing date.",
    why="The API matches names exactly. `files-api-2025-4-14` is rejected with "
    "`invalid_request_error`, and only in production.",
    example='betas=["files-api-2025-4-14"]  # → files-api-2025-04-14',
    fix_safety="Safe when the corrected spelling is exactly one registry name; otherwise no fix.",
    scope="candidate",
    check=check,
)
