"""The library calls that need the registry: validate a name, check a header, scan a text."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING

from betalint.registry.loader import shipped_registry
from betalint.registry.model import Registry
from betalint.registry.validator import classify

if TYPE_CHECKING:  # the linter loads on first use: `validate` needs only the registry
    from betalint.linter.diagnostic import Diagnostic
    from betalint.linter.engine import Linter


def _linter(registry: Registry | None, today: dt.date | None) -> Linter:
    from betalint.linter.engine import Linter

    if registry is not None:  # the caller's registry: the caller owns its lifetime
        return Linter.create(registry, today=today)
    return _shipped_linter(today)


@lru_cache(maxsize=8)
def _shipped_linter(today: dt.date | None) -> Linter:
    """One Linter per day over the shipped registry: vocabulary and verdicts built once."""
    from betalint.linter.engine import Linter

    return Linter.create(shipped_registry(), today=today)


# What `name` is as an anthropic-beta name today (valid, malformed, unknown, superseded,
# ga, deprecated, retired, newer), with `platform=` and `model=` verdicts: the registry's own
# function, over the shipped registry (loaded once) unless given another.
validate = classify


def check_header(
    value: str, *, today: dt.date | None = None, registry: Registry | None = None
) -> list[Diagnostic]:
    """Diagnostics for one anthropic-beta header value (`"a-2025-01-01, b-2025-02-02"`):
    each name's verdict, header syntax, duplicates and conflicts. Offsets index `value`."""
    text = f"anthropic-beta: {value}"
    found = _linter(registry, today).check(text, "<header>.http")
    shift = len("anthropic-beta: ")
    return [_shifted(d, shift) for d in found]


def scan_text(
    text: str,
    path: str = "<text>",
    *,
    today: dt.date | None = None,
    registry: Registry | None = None,
    select: frozenset[str] | None = None,
) -> list[Diagnostic]:
    """Diagnostics for one source text, as `betalint check` reports them: `path` picks the
    language by its suffix; `# betalint: ignore[...]` comments apply; `select` limits the
    rule codes (default: every rule but those off by default, BL404)."""
    linter = _linter(registry, today)
    if select is None:
        return linter.check(text, path)
    return linter.check(text, path, frozenset(select))


def _shifted(d: Diagnostic, shift: int) -> Diagnostic:
    from dataclasses import replace

    from betalint.linter.diagnostic import Edit, Fix

    fix = d.fix
    if fix is not None:
        edits = tuple(Edit(e.start - shift, e.end - shift, e.content) for e in fix.edits)
        fix = Fix(fix.applicability, edits, fix.replacement, fix.message)
    return replace(
        d,
        path="<header>",
        start=d.start - shift,
        end=d.end - shift,
        column=d.column - shift,
        end_column=d.end_column - shift,
        fix=fix,
    )
