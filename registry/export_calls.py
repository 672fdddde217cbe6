"""The call-level data for gateways in other languages: which betas a body field or tool needs.

`registry export --format json` (every target) carries it under `calls`, so a gateway
written in Go or TypeScript can run the same field and tool checks as `check_request`:

- `fields`: body field path (`mcp_servers`, `output_config.task_budget`: top-level keys, and
  keys one level down inside objects) → `{"betas": [...], "suggested": name | null,
  "options": [...]}`: the request is accepted only if it sends one of `betas`; `suggested`
  is the one current beta to add, when exactly one fits; `options` the betas to name in a
  message (the current ones).
- `tools`: `tools[*].type` → the same. A tool whose family (its type without the `_YYYYMMDD`
  suffix) has a beta of another version in the request is a version mismatch instead; the
  `enables` table says which beta goes with which type.
- `enables`: beta → the tool types and field paths it enables (every status).

Only what still needs a beta on the export's day is listed: a field whose beta is GA, or
whose only betas are retired, is left out. Each decision is `call_check.check_call`'s own,
asked about a call that uses just that field or tool, so the export cannot disagree with it.
Model support is in each platform's `models` (see `platforms.export_platform`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from betalint.registry.call_check import CallFacts, CallProblem, check_call, enablers

if TYPE_CHECKING:
    from betalint.registry.model import Registry

_MISSING = frozenset({"field-without-beta", "tool-without-beta"})


def export_calls(registry: Registry, *, today: dt.date | None = None) -> dict[str, Any]:
    """The `calls` part of the all-targets JSON export, as of `today` (default: today)."""
    day = today or dt.date.today()
    tools = sorted({t for e in registry.entries.values() for t in e.tools})
    fields = sorted({f for e in registry.entries.values() for f in e.fields})
    return {
        "as_of": day.isoformat(),
        "fields": _gates(registry, day, fields, tool=False),
        "tools": _gates(registry, day, tools, tool=True),
        "enables": {
            name: {"tools": list(entry.tools), "fields": list(entry.fields)}
            for name, entry in sorted(registry.entries.items())
            if entry.tools or entry.fields
        },
    }


def _gates(
    registry: Registry, day: dt.date, subjects: list[str], *, tool: bool
) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for subject in subjects:
        missing = _lacking(registry, day, subject, (), tool=tool)
        if missing is None:
            continue  # needs no beta (any more)
        candidates = enablers(registry, tool=subject) if tool else enablers(registry, field=subject)
        betas = [n for n in candidates if _lacking(registry, day, subject, (n,), tool=tool) is None]
        found[subject] = {
            "betas": betas,
            "suggested": missing.suggested,
            "options": list(missing.options),
        }
    return found


def _lacking(
    registry: Registry, day: dt.date, subject: str, betas: tuple[str, ...], *, tool: bool
) -> CallProblem | None:
    """check_call's problem for a call that uses only `subject` and sends `betas`, when it
    still lacks a beta; None when it lacks none."""
    facts = CallFacts(
        None,
        betas,
        tools=(subject,) if tool else (),
        fields=frozenset() if tool else frozenset({subject}),
    )
    for problem in check_call(facts, registry, today=day):
        if problem.kind in _MISSING:
            return problem
    return None
