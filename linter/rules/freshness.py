"""Names the registry cannot know yet: dated after the registry was cut (BL207)."""

from __future__ import annotations

from betalint.linter.rules import rule

NEWER = rule(
    "BL207",
    "newer-than-registry",
    "warning",
    "a well-formed name the registry lacks, dated after the registry",
    fix="never",
    what="Reports a well-formed name the registry does not know whose date is later than the "
    "registry's date (and not later than `--today`): most likely a beta released since.",
    why="Betas ship every few weeks and a registry is cut at one date; calling every newer "
    "beta an unknown name (BL201, an error) would break every user's CI until the next "
    "release. It is a warning that never changes the exit code, so the name gets a look (and "
    "a registry entry) without failing the build.",
    example='betas=["new-feature-2026-12-01"]  # newer than this registry (2026-11-25)',
    fix_safety="No fix: a newer name is never rewritten to an older one by a did-you-mean. "
    "Upgrade betalint, or add the name to an extra registry (`extra-registries`).",
    fails=False,
)
