"""Days as betalint reads them: strict `YYYY-MM-DD`, one parser and one message for all."""

from __future__ import annotations

import re
from datetime import date

from betalint.registry.errors import BetalintError

# `2026-11-25`; not `2026-1-5`, `20261125` or `2026-11-25T00:00` (fromisoformat takes those).
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str) -> date:
    """`"2026-11-25"` → date; ValueError for anything else, including impossible days."""
    if not _DAY.fullmatch(value):
        raise ValueError(value)
    return date.fromisoformat(value)


def today_flag(value: str | None) -> date | None:
    """`--today YYYY-MM-DD` (None: not given)."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except ValueError:
        raise BetalintError(f"--today {value!r} is not a date; write YYYY-MM-DD") from None
