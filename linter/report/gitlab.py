"""GitLab Code Quality (a subset of the Code Climate issue format), for `codequality` reports."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from betalint.linter.baseline import occurrence_fingerprints
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.meta import ReportMeta

# GitLab's scale is info < minor < major < critical < blocker.
SEVERITY = {"error": "major", "warning": "minor"}


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """A JSON array of issues; fingerprints leave out line numbers so alerts survive moves."""
    prints = occurrence_fingerprints(diagnostics)
    issues = [issue(d, fp, meta) for d, fp in zip(diagnostics, prints, strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def issue(d: Diagnostic, fingerprint: str, meta: ReportMeta) -> dict[str, Any]:
    """One Code Quality issue."""
    return {
        "type": "issue",
        "check_name": d.code,
        "description": f"{d.code} {d.message}",
        "categories": ["Compatibility"],
        "fingerprint": fingerprint,
        "severity": SEVERITY[d.severity],
        "location": {
            "path": meta.path(d.path),
            "lines": {"begin": d.line, "end": d.end_line},
        },
    }
