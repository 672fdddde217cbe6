"""BL104 foreign-character: a beta name holding a character outside a-z, 0-9 and '-'
(a look-alike, an invisible, `/`).

## What it does
Reports each character of a name that no name may hold, by code point, Unicode name and
column: a Cyrillic or Greek look-alike, a fullwidth digit, an en dash, a zero-width space or
joiner, a soft hyphen, a bidi override, a combining mark, a `/`; also when it sits at the
edge of the name or is written as an escape (`\\u200b`). Uppercase, `_` and `.` stay BL101.

## Why is this bad?
The API rejects the name, and the reader cannot see why: `files-\\u0430pi-2025-04-14` (a
Cyrillic a) looks right in every editor, and a zero-width space at its end is invisible.

## Example
    betas=["files-\\u0430pi-2025-04-14"]  # U+0430 CYRILLIC SMALL LETTER A → a

## Fix safety
Safe when every such character has one ASCII stand-in: a look-alike becomes its ASCII twin,
a dash `-`, an invisible character is removed. Otherwise (`/`, an ideograph) no fix.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.foreign import describe, fold, foreign_chars
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    found = foreign_chars(c.written) if c.canonical is None else []
    if not found:
        return
    where = ", ".join(
        f"{describe(f.char)} at column {file.index.position(c.start + f.offset)[1]}" for f in found
    )
    message = f"{c.written!r} holds {where}; a beta name holds only a-z, 0-9 and '-'"
    folded = fold(c.written, found)
    fix = None
    if folded is not None:
        message += f"; write {folded}"
        fix = Fix("safe", (Edit(c.start, c.end, folded),), folded, f"write {folded}")
    canonical = folded if folded in file.linter.registry.entries else None
    yield file.at(RULE, c, message, canonical, fix)


RULE = Rule.documented(
    __doc__,
    "BL104",
    "foreign-character",
    "error",
    "sometimes",
    "candidate",
    check,
    breaks_text=True,
)
