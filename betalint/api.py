"""The library calls that need the registry: validate a name, check a header, scan a text."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from betalint.registry.model import Registry
from betalint.registry.validator import Verdict, classify

if TYPE_CHECKING:  # the linter loads on first use: `validate` needs only the registry
    from betalint.linter.diagnostic import Diagnostic
    from betalint.linter.engine import CheckContext

_default: dict[tuple[dt.date | None], CheckContext] = {}


def _context(registry: Registry | None, today: dt.date | None) -> CheckContext:
    from betalint.linter.engine import CheckContext

    if registry is not None:
        return CheckContext.create(registry, today=today)
    if (today,) not in _default:  # the shipped registry's context is built once per process
        _default[(today,)] = CheckContext.create(today=today)
    return _default[(today,)]


def _shipped() -> Registry:
    """The shipped registry, loaded once; validating a name never loads the linter."""
    if not _registry:
        from betalint.registry.loader import load_registry

        _registry.append(load_registry())
    return _registry[0]


_registry: list[Registry] = []


def validate(
    name: str,
    *,
    today: dt.date | None = None,
    registry: Registry | None = None,
    platform: str | None = None,
    model: str | None = None,
) -> Verdict:
    """What `name` is as an anthropic-beta name today: valid, malformed, unknown, superseded,
    ga, deprecated or retired, with a message and the name to write instead.

    With `platform` (`"bedrock"`, `"vertex"`, …) and/or `model`, `Verdict.platform` also says
    whether that platform takes the name (or another name for it) and whether it has an
    effect on that model; `Verdict.ok` is False when either says no.
    """
    return classify(
        name,
        today=today,
        registry=registry or _shipped(),
        platform=platform,
        model=model,
    )


def check_header(
    value: str, *, today: dt.date | None = None, registry: Registry | None = None
) -> list[Diagnostic]:
    """Diagnostics for one anthropic-beta header value (`"a-2025-01-01, b-2025-02-02"`):
    each name's verdict, header syntax, duplicates and conflicts. Offsets index `value`."""
    text = f"anthropic-beta: {value}"
    from betalint.linter.engine import check_text

    found = check_text(text, "<header>.http", _context(registry, today))
    shift = len("anthropic-beta: ")
    return [_shifted(d, shift) for d in found]


def scan_text(
    text: str,
    path: str = "<text>",
    *,
    today: dt.date | None = None,
    registry: Registry | None = None,
) -> list[Diagnostic]:
    """Diagnostics for one source text; `path` picks the language by its suffix."""
    from betalint.linter.engine import check_text

    return check_text(text, path, _context(registry, today))


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
