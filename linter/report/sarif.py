"""SARIF 2.1.0 (GitHub code scanning and other SARIF viewers)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from betalint.linter.baseline import occurrence_fingerprints
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.meta import ReportMeta

if TYPE_CHECKING:
    from betalint.linter.rules import Rule

SCHEMA_URI = (
    "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
)
FINGERPRINT_KEY = "betalintFingerprint/v1"
SRCROOT = "%SRCROOT%"


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """One SARIF log with one run."""
    return dump_json(document(diagnostics, meta), compact_from=6) + "\n"


def document(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> dict[str, Any]:
    """The SARIF log as Python data."""
    index = meta.rule_index()
    prints = occurrence_fingerprints(diagnostics)
    driver: dict[str, Any] = {
        "name": meta.tool_name,
        "version": meta.tool_version,
        "semanticVersion": meta.tool_version,
        "informationUri": meta.information_uri,
        "rules": [_rule(r) for r in meta.rules],
    }
    run: dict[str, Any] = {
        "tool": {"driver": driver},
        # Our columns count code points; SARIF's default unit is UTF-16 code units.
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: _base(meta)},
        "results": [_result(d, meta, index, fp) for d, fp in zip(diagnostics, prints, strict=True)],
    }
    if meta.registry_version is not None:
        run["properties"] = {
            "registryVersion": meta.registry_version,
            "registryDate": meta.registry_date,
        }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _rule(r: Rule) -> dict[str, Any]:
    full = f"{r.what}\n\n{r.why}"
    help_md = (
        f"## What it does\n{r.what}\n\n## Why is this bad?\n{r.why}\n\n"
        f"## Example\n```\n{r.example}\n```\n\n## Fix safety\n{r.fix_safety}\n"
    )
    return {
        "id": r.code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": full},
        "help": {"text": full, "markdown": help_md},
        "helpUri": r.url,
        "defaultConfiguration": {"level": r.severity},
        "properties": {"tags": ["anthropic-beta"], "fix": r.fix},
    }


def _result(d: Diagnostic, meta: ReportMeta, index: dict[str, int], fp: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": d.severity,
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact(meta.path(d.path)),
                    "region": _region((d.line, d.column), (d.end_line, d.end_column)),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
    }
    if d.code in index:  # only rules listed in the driver may be pointed at
        result["ruleIndex"] = index[d.code]
    fix = _fix(d, meta)
    if fix is not None:
        result["fixes"] = [fix]
    return result


def _region(start: tuple[int, int], end: tuple[int, int]) -> dict[str, int]:
    return {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}


def _fix(d: Diagnostic, meta: ReportMeta) -> dict[str, Any] | None:
    if d.fix is None or d.fix.applicability == "display" or not d.fix.edits:
        return None
    replacements = []
    for edit in d.fix.edits:
        span = meta.edit_span(d, edit)
        if span is None:  # a fix with a missing edit would be wrong; leave it out
            return None
        replacements.append(
            {"deletedRegion": _region(*span), "insertedContent": {"text": edit.content}}
        )
    return {
        "description": {"text": f"{d.fix.message} ({d.fix.applicability} fix)"},
        "artifactChanges": [
            {"artifactLocation": artifact(meta.path(d.path)), "replacements": replacements}
        ],
    }


def artifact(path: str) -> dict[str, str]:
    """An artifactLocation for a path as `ReportMeta.path` writes it: a relative URI against
    %SRCROOT% (`:` and `%` percent-encoded, so no segment reads as a scheme), or a file: URI
    for a path outside the project root."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(path), "uriBaseId": SRCROOT}


def _base(meta: ReportMeta) -> dict[str, Any]:
    """%SRCROOT%: the project root, as a file: URI ending in `/` (SARIF §3.14.14) when known."""
    what = "The project root: the betalint config's directory, else the git root, else the cwd."
    base: dict[str, Any] = {"description": {"text": what}}
    if meta.root is not None:
        base["uri"] = Path(meta.root).as_uri().rstrip("/") + "/"
    return base


def dump_json(value: object, compact_from: int, _depth: int = 0) -> str:
    """JSON indented by two spaces down to depth `compact_from`, one line per value below
    (for SARIF at 6: a rule per line, a result's locations, fixes, fingerprints a line each).

    json.dumps with `indent` runs the pure-Python encoder; compact values go through the C
    one, so a large report renders several times faster and still reads and diffs well.
    """
    if _depth >= compact_from or not isinstance(value, dict | list) or not value:
        return _encode(value)
    pad = "  " * (_depth + 1)
    if isinstance(value, dict):
        items = [
            f"{pad}{_encode(k)}: {dump_json(v, compact_from, _depth + 1)}" for k, v in value.items()
        ]
        open_, close = "{", "}"
    else:
        items = [f"{pad}{dump_json(v, compact_from, _depth + 1)}" for v in value]
        open_, close = "[", "]"
    return open_ + "\n" + ",\n".join(items) + "\n" + "  " * _depth + close


# One encoder for every call: building a JSONEncoder costs more than encoding a small value.
_encode = json.JSONEncoder(ensure_ascii=False).encode
