"""BL301 duplicate: the same name twice in one header value or list.

## What it does
Reports the second and later occurrences of a name in one header value or list.

## Why is this bad?
A duplicate does nothing and usually marks a merge that went wrong.

## Example
    betas=["files-api-2025-04-14", "files-api-2025-04-14"]

## Fix safety
Safe: the later copy is removed.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate


def check(file: FileCheck, group: list[Candidate]) -> Iterator[Diagnostic]:
    seen: set[str] = set()
    for c in group:
        name = c.canonical or c.written
        if name in seen:
            edit = file.removal(c)
            fix = (
                Fix("safe", (edit,), None, "remove the duplicate")
                if edit
                else Fix("display", (), None, "remove the duplicate by hand")
            )
            message = f"{name} appears twice in one list; remove the duplicate"
            known = name if name in file.linter.registry else None
            yield file.at(RULE, c, message, known, fix)
        seen.add(name)


RULE = Rule.documented(
    __doc__, "BL301", "duplicate", "warning", "always", "group", check, editor_tag="unnecessary"
)
