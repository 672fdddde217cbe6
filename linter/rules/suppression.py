"""Suppression comments that suppress nothing (BL901)."""

from __future__ import annotations

from betalint.linter.rules import rule

UNUSED_SUPPRESSION = rule(
    "BL901",
    "unused-suppression",
    "warning",
    "a `betalint: ignore` comment that matched no finding",
    fix="always",
    what="Reports `betalint: ignore[...]` comments (or codes in them) that suppressed nothing.",
    why="Stale suppressions hide the next real finding on that line.",
    example="x = 1  # betalint: ignore[BL202]",
    fix_safety="Safe: only the directive (or the whole comment, when it holds nothing else) goes.",
)
