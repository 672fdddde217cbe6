"""Reporters: each formats one run's diagnostics and metadata as text, nothing more.

`render(fmt, diagnostics, meta)` is the single entry; `FORMATS` lists the names the CLI's
`--output-format` accepts. Diagnostics are sorted by (path, line, column, code) here, so
every format is deterministic whatever order files were checked in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report import github, gitlab, junit, sarif, text
from betalint.linter.report import json as json_report
from betalint.linter.report.meta import ReportMeta

from betalint.errors import BetalintError

Renderer = Callable[[list[Diagnostic], ReportMeta], str]

RENDERERS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "gitlab": gitlab.render,
    "junit": junit.render,
}
FORMATS = tuple(RENDERERS)
STATISTICS: dict[str, Renderer] = {"text": text.render_statistics, "json": json_report.statistics}

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
    renderer = table.get(fmt)
    if renderer is None:
        what = "--statistics with --output-format" if statistics else "--output-format"
        raise BetalintError(f"{what} {fmt!r} is not supported; choose one of {', '.join(table)}")
    if fmt == "text":
        chosen = text.render_statistics if statistics else text.render
        return chosen(ordered, meta, color=color)
    return renderer(ordered, meta)
