"""From a document's text to its findings (the one engine path) and on to LSP diagnostics.

`findings_for` is the only place the server asks the engine for findings: the same
`runner.check_source` that `betalint check` runs per file, with the same config walk-up,
rule selection, per-file-ignores and suppressions, so the editor and the CLI agree.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from lsprotocol import types

from betalint.linter.config import Settings
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.files.reader import Source
from betalint.linter.rules import RULES
from betalint.linter.runner import check_source
from betalint.linter.server.documents import Document, Encoding
from betalint.linter.server.workspace import WorkspaceState
from betalint.registry.errors import BetalintError

__all__ = ["SOURCE", "Findings", "findings_for", "to_lsp"]

SOURCE = "betalint"
ProblemLevel = Literal["error", "warning", "info"]

_SEVERITY: dict[str, types.DiagnosticSeverity] = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
# Editors draw these struck through (stale names) or faded (text that can go).
_TAG = {
    "deprecated": types.DiagnosticTag.Deprecated,
    "unnecessary": types.DiagnosticTag.Unnecessary,
}
_TAGS: dict[str, list[types.DiagnosticTag]] = {
    code: [_TAG[rule.editor_tag]] for code, rule in RULES.items() if rule.editor_tag
}


@dataclass(frozen=True)
class Findings:
    """One document's findings, or the one reason it could not be checked (`problem`)."""

    diagnostics: tuple[Diagnostic, ...] = ()
    source: Source | None = None  # what was checked (fix-all re-checks from it)
    problem: str | None = None
    level: ProblemLevel = "warning"


def _undecodable(text: str) -> tuple[str | None, bytes]:
    """Why the editor's text is not text betalint can check (None if it is), and its bytes."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"holds an unpaired surrogate at offset {exc.start}: not valid Unicode", b""
    if "\x00" in text:
        return (
            "holds NUL characters: a binary file, or UTF-16/UTF-32 text opened with the "
            "wrong encoding (reopen it with its encoding)",
            data,
        )
    return None, data


def findings_for(text: str, path: str, state: WorkspaceState) -> Findings:
    """The findings `betalint check` reports for `text` saved as `path` (never raises for
    bad input: a broken config is the one problem reported)."""
    why, data = _undecodable(text)
    name = os.path.basename(path)
    if why is not None:
        return Findings(problem=f"{name} cannot be decoded as text: it {why}; not checked")
    try:
        settings = state.settings_for(path)
        if _excluded(path, settings):
            return Findings()
        if settings.max_file_size and len(data) > settings.max_file_size:
            limit = settings.max_file_size
            return Findings(
                problem=f"{name} is larger than the max-file-size limit ({limit} bytes); "
                "not checked",
                level="info",
            )
        source = Source(path, data, text, "utf-8")
        outcome = check_source(source, settings, state.linters_for(settings))
    except BetalintError as exc:
        return Findings(problem=f"betalint: {exc}", level="error")
    return Findings(tuple(outcome.diagnostics), source)


def _excluded(path: str, settings: Settings) -> bool:
    """Excluded by config, as `check --force-exclude` (pre-commit) and `check .` skip it."""
    from betalint.linter.files.discovery import is_excluded

    return is_excluded(path, settings)


def _range(doc: Document, start: int, end: int, encoding: Encoding) -> types.Range:
    (sl, sc), (el, ec) = doc.position(start, encoding), doc.position(end, encoding)
    return types.Range(types.Position(sl, sc), types.Position(el, ec))


def lsp_diagnostic(d: Diagnostic, doc: Document, encoding: Encoding) -> types.Diagnostic:
    """One finding as an LSP diagnostic: code, rule link, severity, source."""
    from betalint.linter.rules import RULES

    rule = RULES[d.code]
    return types.Diagnostic(
        range=_range(doc, d.start, d.end, encoding),
        message=d.message,
        severity=_SEVERITY.get(d.severity, types.DiagnosticSeverity.Information),
        code=d.code,
        code_description=types.CodeDescription(href=rule.url),
        source=SOURCE,
        tags=_TAGS.get(d.code),
    )


def to_lsp(findings: Findings, doc: Document, encoding: Encoding) -> list[types.Diagnostic]:
    """Every LSP diagnostic to publish for the document."""
    if findings.problem is not None:
        _, end = doc.line_span(0)
        return [
            types.Diagnostic(
                range=_range(doc, 0, end, encoding),
                message=findings.problem,
                severity=_SEVERITY[findings.level],
                source=SOURCE,
            )
        ]
    return [lsp_diagnostic(d, doc, encoding) for d in findings.diagnostics]
