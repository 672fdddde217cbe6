"""A header value or list as a whole: syntax (BL103), duplicates (BL301), conflicts (BL302)."""

from __future__ import annotations

from betalint.linter.rules import rule

HEADER_SYNTAX = rule(
    "BL103",
    "header-syntax",
    "error",
    "an anthropic-beta value with an empty item, a `;` separator or stray quotes",
    fix="always",
    what="Reports a header value that is not a clean comma-separated list of names.",
    why="The API splits the value on commas; `a;b`, `a,,b` and quoted items are rejected or "
    "silently misread.",
    example='-H "anthropic-beta: files-api-2025-04-14;mcp-client-2025-11-20"',
    fix_safety="Safe: only separators, spaces and quotes change.",
)

DUPLICATE = rule(
    "BL301",
    "duplicate",
    "warning",
    "the same name twice in one header value or list",
    fix="always",
    what="Reports the second and later occurrences of a name in one header value or list.",
    why="A duplicate does nothing and usually marks a merge that went wrong.",
    example='betas=["files-api-2025-04-14", "files-api-2025-04-14"]',
    fix_safety="Safe: the later copy is removed.",
)

CONFLICTING = rule(
    "BL302",
    "conflicting",
    "error",
    "two versions of one feature, or two betas the registry says conflict, sent together",
    fix="never",
    what="Reports two dated versions of one feature in one header or list, and pairs the "
    "registry marks as conflicting (with the endpoint scope where the conflict is scoped).",
    why="The API picks one version or answers 400; either way the code does not say what it means.",
    example='betas=["mcp-client-2025-04-04", "mcp-client-2025-11-20"]',
    fix_safety="No fix: which one is meant needs a person.",
)
