"""Registry names past their prime: superseded, GA, deprecated, retired (BL202 to BL205)."""

from __future__ import annotations

from betalint.linter.rules import rule

SUPERSEDED = rule(
    "BL202",
    "superseded",
    "warning",
    "a newer version of the beta exists",
    fix="unsafe",
    what="Reports a name whose registry entry names a successor.",
    why="Old versions stop receiving fixes and are retired later; the successor may change "
    "request or response shapes, so moving is a decision, not a rename.",
    example='betas=["mcp-client-2025-04-04"]  # → mcp-client-2025-11-20',
    fix_safety="Unsafe: the successor can change behaviour. Applied with `--unsafe-fixes`.",
)

NO_LONGER_NEEDED = rule(
    "BL203",
    "no-longer-needed",
    "warning",
    "the feature is generally available; the header is not needed",
    fix="unsafe",
    what="Reports a name whose feature is generally available without the header.",
    why="The header does nothing for most requests and hides real betas in the list; on some "
    "endpoints a GA header still selects a legacy response shape (see the entry's notes).",
    example='betas=["prompt-caching-2024-07-31"]  # remove it',
    fix_safety="Unsafe (removal). When removal would leave an empty list or header, the fix "
    "is shown but never applied.",
)

DEPRECATED = rule(
    "BL204",
    "deprecated",
    "warning",
    "the beta is deprecated and will stop working",
    fix="never",
    what="Reports a deprecated name, with the date it stops working when known.",
    why="Deprecated betas are removed on a date; code that sends them breaks that day.",
    example='betas=["token-efficient-tools-2025-02-19"]',
    fix_safety="No fix: what to do instead needs a person.",
)

RETIRED = rule(
    "BL205",
    "retired",
    "error",
    "the beta is retired: the API rejects it or it does nothing",
    fix="unsafe",
    what="Reports a retired name.",
    why="The API answers an error, or the beta's only models are retired.",
    example='betas=["computer-use-2024-10-22"]  # → computer-use-2025-01-24',
    fix_safety="Unsafe when a successor exists (behaviour changes); otherwise no fix.",
)
