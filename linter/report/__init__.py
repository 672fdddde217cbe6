"""Reporters: each formats one run's diagnostics and metadata as text, nothing more.

`render(fmt, diagnostics, meta)` is the single entry; `FORMATS` lists the names the CLI's
`--output-format` accepts. Diagnostics are sorted by (path, line, column, code) here, so
every format is deterministic whatever order files were checked in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.meta import ReportMeta
from betalint.registry.errors import BetalintError

Renderer = Callable[..., str]

# Format → (module, function). Only the chosen format's module is imported.
RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render"),
    "json": ("json", "render"),
    "sarif": ("sarif", "render"),
    "github": ("github", "render"),
    "gitlab": ("gitlab", "render"),
    "junit": ("junit", "render"),
    "rdjson": ("rdjson", "render"),
}
FORMATS = tuple(RENDERERS)
STATISTICS: dict[str, tuple[str, str]] = {
    "text": ("text", "render_statistics"),
    "json": ("json", "statistics"),
}

__all__ = ["FORMATS", "RENDERERS", "ReportMeta", "render"]


def render(
    fmt: str,
    diagnostics: Iterable[Diagnostic],
    meta: ReportMeta,
    *,
    color: bool = False,
    statistics: bool = False,
) -> str:
    """The whole report in format `fmt`; `color` applies to text only, `statistics` replaces
    the per-finding lines with counts per code (text and json only)."""
    ordered = sorted(diagnostics, key=lambda d: d.sort_key)
    table = STATISTICS if statistics else RENDERERS
    found = table.get(fmt)
    if found is None:
        what = "--statistics with --output-format" if statistics else "--output-format"
        raise BetalintError(f"{what} {fmt!r} is not supported; choose one of {', '.join(table)}")
    module, function = found
    renderer: Renderer = getattr(import_module(f"betalint.linter.report.{module}"), function)
    if fmt == "text":
        return renderer(ordered, meta, color=color)
    return renderer(ordered, meta)
