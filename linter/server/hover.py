"""Hover on a beta name or SDK constant: what the registry says about it, today.

The name under the cursor is one of the scanner's candidates (so hovering works exactly
where findings can appear, constants included), judged by the validator with the same
registry, date and platforms as the file's diagnostics.
"""

from __future__ import annotations

from lsprotocol import types

from betalint.linter.engine import Linter
from betalint.linter.scan.scanner import Candidate, scan_text
from betalint.linter.server.documents import Document, Encoding
from betalint.linter.server.workspace import WorkspaceState
from betalint.registry.errors import BetalintError
from betalint.registry.schema import BetaEntry
from betalint.registry.validator import Verdict, effective_status

__all__ = ["hover_at"]


def _candidate_at(text: str, path: str, offset: int, ctx: Linter) -> Candidate | None:
    for c in scan_text(text, path, ctx.vocab).candidates:
        if c.start <= offset <= c.end:
            return c
    return None


def hover_at(
    doc: Document, path: str, offset: int, state: WorkspaceState, encoding: Encoding
) -> types.Hover | None:
    """The hover for the candidate at `offset`, or None when there is none."""
    try:
        settings = state.settings_for(path)
        ctx = state.linters_for(settings).linter(settings)
    except BetalintError:
        return None  # the file's diagnostics already say what is wrong with the config
    candidate = _candidate_at(doc.text, path, offset, ctx)
    if candidate is None:
        return None
    name = candidate.canonical or candidate.written
    verdict = ctx.verdict(name)
    (sl, sc), (el, ec) = (
        doc.position(candidate.start, encoding),
        doc.position(candidate.end, encoding),
    )
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown, value=describe(candidate, verdict, ctx)
        ),
        range=types.Range(types.Position(sl, sc), types.Position(el, ec)),
    )


def describe(candidate: Candidate, verdict: Verdict, ctx: Linter) -> str:
    """The hover text (Markdown): verdict, lifecycle dates, platforms, docs link."""
    name = verdict.canonical or candidate.canonical or candidate.written
    title = f"**`{name}`**"
    if candidate.canonical is not None:
        title += f" (the SDK constant `{candidate.written}`)"
    lines = [f"{title}: {verdict.kind}", "", verdict.message]
    entry = ctx.registry.get(name)
    if entry is not None:
        lines += ["", *_lifecycle(entry, ctx), *_platforms(name, entry, ctx)]
    if verdict.docs_url:
        lines += ["", f"[Documentation]({verdict.docs_url})"]
    return "\n".join(lines)


def _lifecycle(entry: BetaEntry, ctx: Linter) -> list[str]:
    status = effective_status(entry, ctx.today)
    since = f" since {entry.status_date}" if entry.status_date else ""
    rows = [f"- status: {status}{since} (as of {ctx.today})"]
    if entry.removal_date:
        rows.append(f"- removal: {entry.removal_date}")
    if entry.superseded_by:
        rows.append("- superseded by: " + ", ".join(f"`{s}`" for s in entry.superseded_by))
    if entry.first_seen_sdk:
        rows.append(f"- in the `anthropic` SDK since {entry.first_seen_sdk}")
    if entry.confidence == "low":
        rows.append("- confidence: low (few or weak sources)")
    return rows


def _platforms(name: str, entry: BetaEntry, ctx: Linter) -> list[str]:
    from betalint.registry.platforms import PLATFORMS, platform_verdict

    shown = []
    for key, support in entry.platforms.items():
        display = PLATFORMS[key].display if key in PLATFORMS else key
        mapped = f" as `{support.name}`" if support.status == "mapped" and support.name else ""
        shown.append(f"{display}: {support.status}{mapped}")
    rows = ["- platforms: " + "; ".join(shown)] if shown else []
    for target in ctx.platforms:  # the workspace's targets: the verdict BL206 uses
        rows.append(f"- {platform_verdict(name, target, ctx.registry).message}")
    return rows
