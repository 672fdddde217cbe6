"""The registry's integrity check (DESIGN §4): what the schema alone cannot say."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from betalint.registry.grammar import BetaNameError, parse

if TYPE_CHECKING:
    from betalint.registry.model import Registry
    from betalint.registry.schema import BetaEntry


class Problem(NamedTuple):
    """One integrity failure: which entry, which field, what is wrong."""

    name: str
    field: str
    message: str

    def __str__(self) -> str:
        return f'[betas."{self.name}"] {self.field}: {self.message}'


def check(registry: Registry) -> list[Problem]:
    """Every integrity problem of `registry`, in name order; empty when it is sound."""
    problems: list[Problem] = []
    for name in sorted(registry.entries):
        problems += _check_entry(registry, name, registry.entries[name])
    problems += _check_cycles(registry)
    return problems


def _check_entry(registry: Registry, name: str, entry: BetaEntry) -> list[Problem]:
    out: list[Problem] = []
    out += _check_name(name, entry)
    if not entry.sources or not all(s.strip() for s in entry.sources):
        out.append(Problem(name, "sources", "every entry needs at least one non-empty source"))
    if entry.status == "superseded" and not entry.superseded_by:
        out.append(Problem(name, "superseded_by", "status 'superseded' needs a successor"))
    if entry.removal_date and entry.status not in ("deprecated", "retired"):
        out.append(Problem(name, "removal_date", "only deprecated or retired betas have one"))
    if entry.docs_url and not entry.docs_url.startswith("https://"):
        out.append(Problem(name, "docs_url", "must be an https:// URL"))
    for successor in entry.superseded_by:
        out += _check_successor(registry, name, successor)
    for conflict in entry.conflicts_with:
        other = registry.get(conflict.name)
        if other is None:
            out.append(Problem(name, "conflicts_with", f"{conflict.name!r} is not in the registry"))
        elif not any(c.name == name for c in other.conflicts_with):
            out.append(
                Problem(name, "conflicts_with", f"{conflict.name!r} must list {name!r} back")
            )
    for platform, support in entry.platforms.items():
        if support.status != "unknown" and not support.sources:
            out.append(Problem(name, f"platforms.{platform}", "a platform claim needs sources"))
        if support.name is not None and support.name not in registry:
            out.append(
                Problem(name, f"platforms.{platform}.name", f"{support.name!r} is not in the registry")
            )
    return out


def _check_name(name: str, entry: BetaEntry) -> list[Problem]:
    try:
        parse(name)
    except BetaNameError as exc:
        if entry.pattern_exempt:
            return []
        return [Problem(name, "name", f"breaks the grammar ({exc.reason}); add pattern_exempt if real")]
    if entry.pattern_exempt:
        return [Problem(name, "pattern_exempt", "the name parses; the exemption is not needed")]
    return []


def _check_successor(registry: Registry, name: str, successor: str) -> list[Problem]:
    if successor not in registry:
        return [Problem(name, "superseded_by", f"{successor!r} is not in the registry")]
    try:
        older, newer = parse(name).date, parse(successor).date
    except BetaNameError:
        return []  # exempt names carry no comparable date
    if newer <= older:
        return [Problem(name, "superseded_by", f"{successor!r} is not dated later than {name!r}")]
    return []


def _check_cycles(registry: Registry) -> list[Problem]:
    """A superseded_by chain that returns to where it started."""
    problems: list[Problem] = []
    for start in sorted(registry.entries):
        seen = {start}
        stack = list(registry.entries[start].superseded_by)
        while stack:
            current = stack.pop()
            if current == start:
                problems.append(Problem(start, "superseded_by", "the successor chain is a cycle"))
                break
            entry = registry.get(current)
            if entry is not None and current not in seen:
                seen.add(current)
                stack += entry.superseded_by
    return problems
