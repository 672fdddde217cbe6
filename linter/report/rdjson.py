"""reviewdog's rdjson (the Reviewdog Diagnostic Format's `DiagnosticResult`, as JSON), for
`reviewdog -f=rdjson`: a diagnostic per finding, suggestions from the fixes.

reviewdog counts columns in UTF-8 bytes (`a𐐀b`: `b` is at column 6) and takes end
positions as exclusive, while betalint's columns count code points. The CLI hands over the
byte column of every offset it reports (`byte_columns`); without them a column is the code
point one, which is the same on ASCII lines.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from betalint.linter.diagnostic import Diagnostic, LineIndex
from betalint.linter.project import rule_url
from betalint.linter.report.meta import ReportMeta

SEVERITY = {"error": "ERROR", "warning": "WARNING"}


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """One `DiagnosticResult` object."""
    return json.dumps(document(diagnostics, meta), indent=2, ensure_ascii=False) + "\n"


def document(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> dict[str, Any]:
    """The rdjson document as Python data."""
    return {
        "source": {"name": meta.tool_name, "url": meta.information_uri},
        "diagnostics": [diagnostic(d, meta) for d in diagnostics],
    }


def diagnostic(d: Diagnostic, meta: ReportMeta) -> dict[str, Any]:
    """One `reviewdog.rdf.Diagnostic`."""
    start = _position(meta, d, d.start, d.line, d.column)
    end = _position(meta, d, d.end, d.end_line, d.end_column)
    out: dict[str, Any] = {
        "message": d.message,
        "location": {"path": meta.path(d.path), "range": {"start": start, "end": end}},
        "severity": SEVERITY[d.severity],
        "code": {"value": d.code, "url": rule_url(d.code)},
    }
    suggestions = _suggestions(d, meta)
    if suggestions:
        out["suggestions"] = suggestions
    return out


def _position(
    meta: ReportMeta, d: Diagnostic, offset: int, line: int, column: int
) -> dict[str, int]:
    known = meta.byte_columns.get(d.path, {})
    return {"line": line, "column": known.get(offset, column)}


def _suggestions(d: Diagnostic, meta: ReportMeta) -> list[dict[str, Any]]:
    """The fix as reviewdog suggestions (GitHub suggested changes); display-only fixes and
    fixes with an edit of unknown position are left out."""
    if d.fix is None or d.fix.applicability == "display" or not d.fix.edits:
        return []
    out = []
    for edit in d.fix.edits:
        span = meta.edit_span(d, edit)
        if span is None:
            return []
        (line, column), (end_line, end_column) = span
        out.append(
            {
                "range": {
                    "start": _position(meta, d, edit.start, line, column),
                    "end": _position(meta, d, edit.end, end_line, end_column),
                },
                "text": edit.content,
            }
        )
    return out


def byte_columns(text: str, diagnostics: Sequence[Diagnostic]) -> dict[int, int]:
    """Every reported offset in `text` (findings and their fix edits) → its 1-based column
    in UTF-8 bytes."""
    offsets = {o for d in diagnostics for o in (d.start, d.end)}
    offsets.update(
        o for d in diagnostics if d.fix is not None for e in d.fix.edits for o in (e.start, e.end)
    )
    if not offsets:
        return {}
    index = LineIndex(text)
    out = {}
    for offset in offsets:
        _line, column = index.position(offset)
        prefix = text[offset - column + 1 : offset]
        out[offset] = 1 + len(prefix.encode("utf-8", errors="surrogatepass"))
    return out
