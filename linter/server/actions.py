"""Code actions: each finding's fix, "suppress on this line", and "fix all safe" for a file.

Fix edits are the engine's own (offsets into the checked text), turned into LSP ranges.
Safe fixes are the preferred action; unsafe and guessed ones are offered but labelled
"(unsafe)", because an editor user reviews them as `--unsafe-fixes` does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lsprotocol import types

from betalint.linter.diagnostic import Diagnostic, Edit
from betalint.linter.files.reader import Source
from betalint.linter.scan.languages import HASH_COMMENT_LANGS, Lang, language_for_path
from betalint.linter.server.diagnostics import Findings, findings_for, lsp_diagnostic
from betalint.linter.server.documents import Document, Encoding
from betalint.linter.server.workspace import WorkspaceState
from betalint.linter.suppressions import parse_suppressions

__all__ = ["FIX_ALL_KIND", "code_actions", "fix_all_edit", "suppression_edit"]

FIX_ALL_KIND = "source.fixAll.betalint"
_SLASH_LANGS: frozenset[Lang] = frozenset({"js", "go", "java", "rust"})
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# The tail of a notebook source line in the raw JSON: `...\n",` or `..."` (last line).
_JSON_LINE_TAIL = re.compile(r'(?:\\n)?",?[ \t]*$')


@dataclass(frozen=True)
class Request:
    """What one textDocument/codeAction asks about."""

    doc: Document
    findings: Findings
    start: int  # offsets of the requested range
    end: int
    encoding: Encoding
    only: tuple[str, ...] = ()

    def wants(self, kind: str) -> bool:
        """LSP kinds are hierarchical: `source.fixAll` asks for `source.fixAll.betalint`."""
        return not self.only or any(kind == k or kind.startswith(k + ".") for k in self.only)


def _text_edits(doc: Document, edits: Iterable[Edit], encoding: Encoding) -> list[types.TextEdit]:
    out = []
    for edit in edits:
        (sl, sc), (el, ec) = doc.position(edit.start, encoding), doc.position(edit.end, encoding)
        rng = types.Range(types.Position(sl, sc), types.Position(el, ec))
        out.append(types.TextEdit(range=rng, new_text=edit.content))
    return out


def _workspace_edit(
    doc: Document, edits: Iterable[Edit], encoding: Encoding
) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={doc.uri: _text_edits(doc, edits, encoding)})


def _title(d: Diagnostic) -> str:
    assert d.fix is not None
    message = d.fix.message[:1].upper() + d.fix.message[1:]
    label = "" if d.fix.applicability == "safe" else " (unsafe)"
    return f"{message} ({d.code}){label}"


def _fix_action(req: Request, d: Diagnostic) -> types.CodeAction | None:
    if d.fix is None or not d.fix.edits:
        return None  # "remove it by hand": nothing to apply
    return types.CodeAction(
        title=_title(d),
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic(d, req.doc, req.encoding)],
        is_preferred=d.fix.applicability == "safe",
        edit=_workspace_edit(req.doc, d.fix.edits, req.encoding),
    )


def _suppress_action(req: Request, d: Diagnostic) -> types.CodeAction | None:
    edit = suppression_edit(req.doc.text, d.path, d.start, d.code)
    if edit is None:
        return None
    return types.CodeAction(
        title=f"Suppress {d.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic(d, req.doc, req.encoding)],
        edit=_workspace_edit(req.doc, [edit], req.encoding),
    )


def code_actions(req: Request, state: WorkspaceState) -> list[types.CodeAction]:
    """The actions for the findings that touch the requested range, then "fix all safe"."""
    actions: list[types.CodeAction] = []
    if req.wants(types.CodeActionKind.QuickFix):
        for d in req.findings.diagnostics:
            if d.start <= req.end and d.end >= req.start:
                fix = _fix_action(req, d)
                actions += [fix] if fix else []
                suppress = _suppress_action(req, d)
                actions += [suppress] if suppress else []
    if req.wants(FIX_ALL_KIND):
        edit = fix_all_edit(req.doc, req.findings, state, req.encoding)
        if edit is not None:
            title = "Fix all safe betalint findings"
            actions.append(types.CodeAction(title=title, kind=FIX_ALL_KIND, edit=edit))
    return actions


def fix_all_edit(
    doc: Document, findings: Findings, state: WorkspaceState, encoding: Encoding
) -> types.WorkspaceEdit | None:
    """Every safe fix, applied as `check --fix` applies them (re-checked to a fixed point),
    as one edit over the span that changed; None when there is nothing safe to fix."""
    from betalint.linter.fix.fixer import applies, fix_source

    source = findings.source
    if source is None or not any(applies(d.fix, unsafe=False) for d in findings.diagnostics):
        return None

    def check(fixed: Source) -> list[Diagnostic]:
        return list(findings_for(fixed.text, fixed.path, state).diagnostics)

    result = fix_source(source, check, diagnostics=findings.diagnostics)
    if result.fixed.text == source.text:
        return None
    return _workspace_edit(doc, [_changed_span(source.text, result.fixed.text)], encoding)


def _changed_span(old: str, new: str) -> Edit:
    """One edit turning `old` into `new`: the span between their common prefix and suffix."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    return Edit(head, len(old) - tail, new[head : len(new) - tail])


# --------------------------------------------------------------------------- suppression


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start of the line holding `offset` and the offset of its line break (or the end)."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    found = _LINE_BREAK.search(text, offset)
    return start, found.start() if found else len(text)


def _comment_syntax(lang: Lang, path: str) -> tuple[str, str] | None:
    """(opener, closer) of a comment that suppressions.py recognises, for a language."""
    if lang in HASH_COMMENT_LANGS or lang == "generic":
        return "#", ""
    if lang in _SLASH_LANGS:
        return "//", ""
    if lang == "markdown":
        return "<!--", " -->"
    if lang == "json" and path.lower().endswith((".jsonc", ".json5")):
        return "//", ""
    return None  # plain JSON has no comments


def _lang_at(text: str, path: str, offset: int) -> tuple[Lang, bool]:
    """The language at `offset` (a Markdown fence's or a notebook cell's), and whether the
    line is a notebook's raw JSON string (the comment goes inside the string)."""
    lang = language_for_path(path)
    if lang == "markdown":
        from betalint.linter.scan.markdown import markdown_regions

        for start, end, region in markdown_regions(text, 0, len(text)):
            if start <= offset < end:
                return ("markdown" if region == "generic" else region), False
    if lang == "notebook":
        from betalint.linter.scan.notebook import notebook_cells

        for cell in notebook_cells(text):
            if cell.raw_starts and cell.raw_starts[0] <= offset < cell.raw_ends[-1]:
                return cell.lang, True
    return lang, False


def suppression_edit(text: str, path: str, offset: int, code: str) -> Edit | None:
    """The edit that suppresses `code` on the line holding `offset`: extend a
    `betalint: ignore[...]` already there, else add one in the line's comment syntax.
    None where a comment cannot go (plain JSON, a line continued with a backslash)."""
    start, end = _line_bounds(text, offset)
    existing = _existing_directive(text, start, end)
    if existing is not None:
        return _extended(existing, code)
    lang, in_json_string = _lang_at(text, path, offset)
    syntax = _comment_syntax(lang, path)
    line = text[start:end]
    if syntax is None or (line.rstrip().endswith("\\") and not in_json_string):
        return None
    opener, closer = syntax
    comment = f"  {opener} betalint: ignore[{code}]{closer}"
    if in_json_string:
        tail = _JSON_LINE_TAIL.search(line)
        if tail is None or opener != "#":
            return None
        at = start + tail.start()
        return Edit(at, at, comment)
    content_end = start + len(line.rstrip())
    return Edit(content_end, end, comment)


@dataclass(frozen=True)
class _Directive:
    start: int
    end: int
    codes: Sequence[str]


def _existing_directive(text: str, start: int, end: int) -> _Directive | None:
    if "betalint:" not in text[start:end]:
        return None
    for d in parse_suppressions(text).directives:
        if start <= d.start < end:
            return _Directive(d.start, d.end, d.codes)
    return None


def _extended(directive: _Directive, code: str) -> Edit | None:
    if not directive.codes:
        return None  # a blanket `betalint: ignore` already covers every code
    codes = ",".join([*directive.codes, code])
    return Edit(directive.start, directive.end, f"betalint: ignore[{codes}]")
