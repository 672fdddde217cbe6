"""Spell a beta name the way the code around it spells names: a string or an SDK constant."""

from __future__ import annotations

import re

_GO_PREFIX = "AnthropicBeta"
# The Go SDK upper-cases these segments whole (AnthropicBetaFilesAPI…, AnthropicBetaMCPClient…).
_GO_ACRONYMS = frozenset({"api", "mcp", "pdfs", "pdf", "ce", "efs", "ccr", "byoc", "oidc", "ttl"})
# A name's date tail, for a Go constant's `YYYY_MM_DD`: matches "2025-04-14" at the end; not
# "20250414" or "2025-4-14".
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")


def spell_like(written: str, old: str, new: str) -> tuple[str, bool]:
    """`new` in the style of `written` (which spells `old`); and whether the spelling is certain.

    Strings are certain. Constants are certain when only the date changes (the feature's
    spelling is copied from `written`); a new feature's Go spelling is a guess.
    """
    if written.isupper() or (
        written[:1].isupper() and "_" in written and written.upper() == written
    ):
        return new.upper().replace("-", "_"), True
    if _looks_like_go(written):
        return _go_constant(written, old, new)
    return new, True


def _looks_like_go(written: str) -> bool:
    return written.startswith(_GO_PREFIX) and not written.isupper()


def _go_date(name: str) -> str:
    match = _DATE.search(name)
    return "_".join(match.groups()) if match else ""


def _go_constant(written: str, old: str, new: str) -> tuple[str, bool]:
    old_date, new_date = _go_date(old), _go_date(new)
    if old[: -len("YYYY-MM-DD")] == new[: -len("YYYY-MM-DD")] and written.endswith(old_date):
        return written[: -len(old_date)] + new_date, True
    feature = new[: -len("-YYYY-MM-DD")]
    camel = "".join(s.upper() if s in _GO_ACRONYMS else s.capitalize() for s in feature.split("-"))
    return f"{_GO_PREFIX}{camel}{new_date}", False
