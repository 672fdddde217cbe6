"""`--output-format json` (DESIGN §8, a contract; `linter/schemas/output.schema.json`)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.meta import ReportMeta, url_of

FORMAT_VERSION = 1


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """One JSON object: `{"version": 1, "tool", "registry", "diagnostics"}`."""
    return json.dumps(document(diagnostics, meta), indent=2, ensure_ascii=False) + "\n"


def document(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> dict[str, Any]:
    """The JSON document as Python data."""
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": meta.tool_name, "version": meta.tool_version},
        "registry": {"version": meta.registry_version, "date": meta.registry_date},
        "diagnostics": [diagnostic(d, meta) for d in diagnostics],
    }


def diagnostic(d: Diagnostic, meta: ReportMeta) -> dict[str, Any]:
    """One diagnostic as the contract spells it."""
    return {
        "path": meta.path(d.path),
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "code": d.code,
        "rule": d.rule,
        "severity": d.severity,
        "message": d.message,
        "name": d.name,
        "canonical": d.canonical,
        "context": d.context,
        "fix": _fix(d, meta),
        "url": url_of(d),
    }


def _fix(d: Diagnostic, meta: ReportMeta) -> dict[str, Any] | None:
    if d.fix is None:
        return None
    edits = []
    for edit in d.fix.edits:
        span = meta.edit_span(d, edit)
        # Unknown only when the caller dropped the file's text; say so rather than guess.
        start, end = span if span is not None else (None, None)
        edits.append(
            {
                "content": edit.content,
                "location": _location(start),
                "end_location": _location(end),
            }
        )
    return {
        "applicability": d.fix.applicability,
        "edits": edits,
        "replacement": d.fix.replacement,
        "message": d.fix.message,
    }


def _location(pos: tuple[int, int] | None) -> dict[str, int] | None:
    return None if pos is None else {"line": pos[0], "column": pos[1]}


def statistics(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """`--statistics --output-format json`: a list of {code, name, count, fixable}."""
    from betalint.linter.report.text import statistics as rows

    return json.dumps(rows(diagnostics, meta), indent=2) + "\n"
