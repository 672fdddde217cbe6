"""`validate` of shipped names from a table generated with the package (`verdicts.json`).

Classifying needs the registry's schema, model and validator, whose dataclasses cost about
15 ms to import: more than the rest of the run. A shipped name's verdict depends on the
day only through the dates in the registry (a status that begins, a removal that comes), so
`scripts/gen_shipped_registry.py` runs the real `classify` once per name and per span
between those dates and stores the printed line; `answers` reads it back. Anything the
table cannot answer exactly (a name it lacks, a `betas.toml` edited since, an age notice
due, a missing file) returns None, and the caller classifies as before. Both give the same
text on every day (tests/test_quick_verdicts.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import betalint.registry
from betalint.linter.registry_age import DEFAULT_REGISTRY_AGE_NOTICE
from betalint.registry.digest import source_digest

if TYPE_CHECKING:
    from betalint.registry.model import Registry

PATH = os.path.join(os.path.dirname(__file__), "verdicts.json")
_FORMAT = 1


def answers(names: Sequence[str], today: dt.date | None = None) -> list[tuple[str, bool]] | None:
    """`validate`'s line and whether it passes, per name, on `today`; None when the table
    cannot say (the caller then classifies)."""
    day = today or dt.date.today()
    table = _table()
    if table is None or day > _notice_from(table["registry_date"]):
        return None
    verdicts = table["verdicts"]
    if not all(name in verdicts for name in names):
        return None
    return [_on(verdicts[name], day.isoformat()) for name in names]


def _table() -> dict[str, Any] | None:
    """The table, if it was made from the installed `betas.toml` exactly."""
    shipped = os.path.join(os.path.dirname(betalint.registry.__file__), "betas.toml")
    try:
        with open(shipped, "rb") as file:
            digest = source_digest(file.read())
        with open(PATH, "rb") as file:
            document = json.loads(file.read())
    except (OSError, ValueError):
        return None
    ok = isinstance(document, dict) and document.get("format") == _FORMAT
    return document if ok and document.get("source_digest") == digest else None


def _notice_from(registry_date: str) -> dt.date:
    """The last day without the registry's age notice (`linter/registry_age.py`)."""
    return dt.date.fromisoformat(registry_date) + dt.timedelta(days=DEFAULT_REGISTRY_AGE_NOTICE)


def _on(segments: list[list[Any]], day: str) -> tuple[str, bool]:
    """The segment in force on `day` (ISO dates sort as text; the first starts at "")."""
    line, ok = segments[0][1:]
    for start, seg_line, seg_ok in segments:
        if start <= day:
            line, ok = seg_line, seg_ok
    return str(line), bool(ok)


def build(registry: Registry, source: bytes) -> dict[str, Any]:
    """The table for `registry` (the shipped one, validated from `source`): each name's
    line on every span between the registry's dates, from the real `classify`."""
    from betalint.linter.verdict_text import verdict_lines
    from betalint.registry.validator import classify

    starts = [dt.date.min, *boundaries(registry)]
    verdicts: dict[str, list[list[Any]]] = {}
    for name in sorted(registry):
        segments: list[list[Any]] = []
        for start in starts:
            verdict = classify(name, today=start, registry=registry)
            shown = [verdict_lines([verdict])[0], verdict.ok]
            if not segments or segments[-1][1:] != shown:
                segments.append(["" if start == dt.date.min else start.isoformat(), *shown])
        verdicts[name] = segments
    return {
        "format": _FORMAT,
        "generated_by": "scripts/gen_shipped_registry.py from betas.toml; do not edit",
        "source_digest": source_digest(source),
        "registry_date": registry.date.isoformat(),
        "verdicts": verdicts,
    }


def boundaries(registry: Registry) -> list[dt.date]:
    """Every day on which some entry's lifecycle changes (a status begins, a removal comes)."""
    days: set[dt.date] = set()
    for name in registry:
        entry = registry.entries[name]
        days.update(d for d in (entry.status_date, entry.removal_date) if d is not None)
    return sorted(days)


def render(registry: Registry, source: bytes) -> str:
    """The JSON text of the table (`scripts/gen_shipped_registry.py` writes it)."""
    return json.dumps(build(registry, source), indent=1, ensure_ascii=False) + "\n"
