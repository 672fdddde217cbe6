"""BL901 unused-suppression: a `betalint: ignore` comment that matched no finding.

## What it does
Reports `betalint: ignore[...]` comments (or codes in them) that suppressed nothing.

## Why is this bad?
Stale suppressions hide the next real finding on that line.

## Example
    x = 1  # betalint: ignore[BL202]

## Fix safety
Safe: only the directive (or the whole comment, when it holds nothing else) goes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule

if TYPE_CHECKING:  # the engine loads suppressions only for a file that has one
    from betalint.linter.suppressions import Suppressions


def check(file: FileCheck, suppressions: Suppressions) -> Iterator[Diagnostic]:
    for unused in suppressions.unused():
        what = f"[{','.join(unused.codes)}]" if unused.codes else ""
        directive = file.text[unused.start : unused.end]
        fix = Fix(
            "safe",
            (Edit(unused.fix_start, unused.fix_end, unused.replacement),),
            None,
            "remove the unused suppression",
        )
        yield file.diagnostic(
            RULE,
            unused.start,
            unused.end,
            f"unused suppression {what or directive!r}: it matched no finding; remove it",
            directive,
            None,
            "comment",
            fix,
        )


RULE = Rule.documented(
    __doc__,
    "BL901",
    "unused-suppression",
    "warning",
    "always",
    "suppressions",
    check,
    editor_tag="unnecessary",
)
