"""Pieces several rules share: the lifecycle finding (BL201-BL205) and its fix."""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Applicability, Diagnostic, Edit, Fix
from betalint.linter.fix.spelling import spell_like
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def lifecycle_finding(
    file: FileCheck, c: Candidate, verdict: Verdict, rule: Rule, fix: Fix | None
) -> Iterator[Diagnostic]:
    """The verdict's message on the name as written (a constant is named, then its value)."""
    message = verdict.message
    if c.canonical is not None:
        message = message.replace(c.canonical, f"{c.written} ({c.canonical})", 1)
    yield file.at(rule, c, message, verdict.canonical, fix, verdict.docs_url)


def rename_fix(c: Candidate, verdict: Verdict, *, safe: bool) -> Fix | None:
    """Write the verdict's replacement in the candidate's own spelling (a constant stays one)."""
    if verdict.replacement is None:
        return None
    name = c.canonical or c.written
    spelled, certain = spell_like(c.written, name, verdict.replacement)
    applicability: Applicability = "safe" if safe else "unsafe"
    if not certain or (not safe and c.context in ("comment", "markdown")):
        # A guessed spelling, or prose that may be about the old name: a person decides.
        applicability = "display"
    return Fix(
        applicability,
        (Edit(c.start, c.end, spelled),),
        verdict.replacement,
        f"write {spelled}",
    )
