"""Names that are not registry names: malformed (BL101), not a date (BL102), unknown (BL201)."""

from __future__ import annotations

from betalint.linter.rules import rule

MALFORMED = rule(
    "BL101",
    "malformed-name",
    "error",
    "a beta name that breaks the `feature-YYYY-MM-DD` grammar",
    fix="sometimes",
    what="Reports a beta name that breaks the grammar: uppercase, spaces, `_` separators, "
    "a one-digit month or day, a date without hyphens, empty parts, a missing date.",
    why="The API matches names exactly. `files-api-2025-4-14` is rejected with "
    "`invalid_request_error`, and only in production.",
    example='betas=["files-api-2025-4-14"]  # → files-api-2025-04-14',
    fix_safety="Safe when the corrected spelling is exactly one registry name; otherwise no fix.",
)

INVALID_DATE = rule(
    "BL102",
    "invalid-date",
    "error",
    "a beta name whose date is not a calendar date",
    fix="never",
    what="Reports a name whose date cannot exist, such as `files-api-2025-02-30`.",
    why="No beta is dated on a day that does not exist: the name is a typo the API rejects.",
    example='betas=["files-api-2025-02-30"]',
    fix_safety="No fix: which digit slipped cannot be known.",
)

FOREIGN = rule(
    "BL104",
    "foreign-character",
    "error",
    "a beta name holding a character outside a-z, 0-9 and '-' (look-alike, invisible, `/`)",
    fix="sometimes",
    what="Reports each character of a name that no name may hold, by code point, Unicode name "
    "and column: a Cyrillic or Greek look-alike, a fullwidth digit, an en dash, a zero-width "
    "space or joiner, a soft hyphen, a bidi override, a combining mark, a `/`; also when it "
    "sits at the edge of the name or is written as an escape (`\\u200b`).",
    why="The API rejects the name, and the reader cannot see why: `files-\u0430pi-2025-04-14` "
    "(a Cyrillic a) looks right in every editor.",
    example='betas=["files-\u0430pi-2025-04-14"]  # U+0430 CYRILLIC SMALL LETTER A → a',
    fix_safety="Safe when every such character has one ASCII stand-in: a look-alike becomes its "
    "ASCII twin, a dash `-`, an invisible character is removed. Otherwise (`/`, an ideograph) "
    "no fix.",
)

UNKNOWN = rule(
    "BL201",
    "unknown-name",
    "error",
    "a well-formed name that is not in the registry",
    fix="sometimes",
    what="Reports a well-formed name the registry does not know, with a did-you-mean.",
    why="Unknown names are typos or invented dates; the API answers "
    "``Unexpected value(s) `…` for the `anthropic-beta` header``.",
    example='betas=["prompt-cacheing-2024-07-31"]  # did you mean prompt-caching-2024-07-31?',
    fix_safety="Safe only when there is exactly one candidate: the same feature with a "
    "one-character date slip, or a one-edit feature typo with the same date. A private beta "
    "belongs in an extra registry (`extra-registries`).",
)
