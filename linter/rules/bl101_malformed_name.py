"""BL101 malformed-name: a beta name that breaks the `feature-YYYY-MM-DD` grammar.

## What it does
Reports a beta name that breaks the grammar: uppercase, spaces, `_` separators, a one-digit
month or day, a date without hyphens, empty parts, a missing date.

## Why is this bad?
The API matches names exactly. `files-api-2025-4-14` is rejected with
`invalid_request_error`, and only in production.

## Example
    betas=["files-api-2025-4-14"]  # → files-api-2025-04-14

## Fix safety
Safe when the corrected spelling is exactly one registry name that is valid today; unsafe
(and the message names where the chain ends) when that name is itself superseded, GA or
retired; otherwise no fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.foreign import is_foreign
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def reported(c: Candidate, verdict: Verdict) -> bool:
    """Grammar findings come from strong contexts (DESIGN §6), or from a certain correction
    in a bare string; never from prose or comments (a CHANGELOG's loose tool version
    `code-execution-20250825`). A constant is never malformed (its value is the registry's
    canonical name); a name holding a foreign character is BL104's."""
    weak_ok = verdict.certain and c.context == "string"
    return (
        verdict.kind == "malformed"
        and c.canonical is None
        and (c.strong or weak_ok)
        and not is_foreign(c.written)
    )


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if not reported(c, verdict) or verdict.problem == "invalid-date":
        return
    fix = None
    if verdict.replacement and verdict.certain:
        fix = _correction(file, c, verdict.replacement)
    yield file.at(RULE, c, verdict.message, verdict.canonical, fix, verdict.docs_url)


def _correction(file: FileCheck, c: Candidate, replacement: str) -> Fix:
    """Write the corrected spelling; unsafe when that name itself has a lifecycle finding
    (a safe fix must reach the name the user should write), naming where the chain ends."""
    after = file.verdict(replacement)
    end = _chain_end(file, replacement)
    if after.kind == "valid" or end is None:
        return Fix(
            "safe", (Edit(c.start, c.end, replacement),), replacement, f"write {replacement}"
        )
    note = f"write {replacement} ({after.kind}"
    note += f" → {end})" if end != replacement else ")"
    return Fix("unsafe", (Edit(c.start, c.end, replacement),), replacement, note)


def _chain_end(file: FileCheck, name: str) -> str | None:
    """Follow replacements from `name` to the name to write today; None if `name` is fine."""
    seen = {name}
    current = name
    while True:
        verdict = file.verdict(current)
        if verdict.kind == "valid":
            return current if current != name else None
        if verdict.replacement is None or verdict.replacement in seen:
            return current
        current = verdict.replacement
        seen.add(current)


RULE = Rule.documented(
    __doc__, "BL101", "malformed-name", "error", "sometimes", "candidate", check, breaks_text=True
)
