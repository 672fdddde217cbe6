"""The registry's integrity check (DESIGN §4): what the schema alone cannot say."""

from __future__ import annotations

import re
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
    for key, value in (
        ("first_seen_sdk", entry.first_seen_sdk),
        ("sdk_deprecated", entry.sdk_deprecated),
    ):
        if value is not None and not _is_version(value):
            out.append(Problem(name, key, f"{value!r} is not a PEP 440 version (e.g. '0.52.0')"))
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
    out += _check_platforms(registry, name, entry)
    return out


_MODEL_ID = re.compile(r"claude-[a-z0-9]+(?:-[a-z0-9]+)*")


def _check_platforms(registry: Registry, name: str, entry: BetaEntry) -> list[Problem]:
    """Platform tables: known keys, sourced claims, mappings to names the platform takes."""
    from betalint.registry.platforms import CUSTOM_PLATFORM, PLATFORMS

    out: list[Problem] = []
    for platform, support in entry.platforms.items():
        where = f"platforms.{platform}"
        info = PLATFORMS.get(platform)
        if info is None and not CUSTOM_PLATFORM.fullmatch(platform):
            known = ", ".join(PLATFORMS)
            out.append(Problem(name, where, f"unknown platform; use one of {known} or x-NAME"))
        if not support.sources or not all(s.strip() for s in support.sources):
            out.append(Problem(name, f"{where}.sources", "every platform claim needs a source"))
        for endpoint, status in support.endpoints.items():
            if info is not None and endpoint not in info.endpoints:
                out.append(
                    Problem(
                        name,
                        f"{where}.endpoints",
                        f"{platform} has no endpoint "
                        f"{endpoint!r} (known: {', '.join(info.endpoints) or 'none'})",
                    )
                )
            if status == "mapped" and support.name is None:
                out.append(Problem(name, f"{where}.endpoints", f"{endpoint} is mapped: set name"))
        mapped = support.status == "mapped" or "mapped" in support.endpoints.values()
        if mapped != (support.name is not None):
            out.append(Problem(name, f"{where}.name", "status 'mapped' and name go together"))
        if support.name is not None:
            out += _check_mapping(registry, name, platform, support.name)
        precedence = registry.platform_precedence
        if support.evidence and precedence and support.evidence not in precedence:
            out.append(
                Problem(
                    name, f"{where}.evidence", f"{support.evidence!r} is not in platform_precedence"
                )
            )
        if support.as_of and support.as_of > registry.date:
            out.append(Problem(name, f"{where}.as_of", "is later than the registry's date"))
        lists = (support.models, support.no_effect_models, support.rejected_models)
        for model in (m for group in lists for m in group):
            if not _MODEL_ID.fullmatch(model):
                out.append(Problem(name, f"{where}.models", f"{model!r} is not a model id"))
    return out


def _check_mapping(registry: Registry, name: str, platform: str, target: str) -> list[Problem]:
    """A platform's own name must exist and be taken as is by that platform (no chains)."""
    where = f"platforms.{platform}.name"
    other = registry.get(target)
    if other is None:
        return [Problem(name, where, f"{target!r} is not in the registry")]
    if target == name:
        return [Problem(name, where, "maps the name to itself")]
    theirs = other.platforms.get(platform)
    if theirs is not None and theirs.status in ("unsupported", "mapped"):
        return [Problem(name, where, f"{target!r} is itself {theirs.status} on {platform}")]
    return []


def _is_version(text: str) -> bool:
    from packaging.version import InvalidVersion, Version

    try:
        Version(text)
    except InvalidVersion:
        return False
    return True


def _check_name(name: str, entry: BetaEntry) -> list[Problem]:
    try:
        parse(name)
    except BetaNameError as exc:
        if entry.pattern_exempt:
            return []
        return [
            Problem(name, "name", f"breaks the grammar ({exc.reason}); add pattern_exempt if real")
        ]
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
