"""The registry's integrity check (DESIGN §4): what the schema alone cannot say.

`check` is structural and runs on every load; `stale_evidence` (the evidence-age check) runs
in `betalint registry check` only, because evidence ages while a file stays sound.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, NamedTuple

from betalint.registry.grammar import BetaNameError, parse
from betalint.registry.schema import Models, span_of

if TYPE_CHECKING:
    from betalint.registry.model import Registry
    from betalint.registry.schema import BetaEntry

# The source rule, in one line: no claim may cite an unofficial copy of proprietary code
# (leaked, extracted or decompiled client source, or a port of one); a source naming one of
# these hosts or repositories, or calling itself a leak, is rejected.
DENIED_SOURCES: tuple[str, ...] = (
    "tangled.org/nonbinary.computer/claude-code",  # a copy of leaked Claude Code sources
    "DroxKiwi/claude-code-leak-packaged",  # the same, repackaged
    "pub.dev/documentation/neomage",  # a Dart port of those sources' constants
)
# Words naming leaked or reverse-engineered code in a source: matches "leaked", "Leaks", "-leak" or
# "decompiled"; not "leakage" or "bleak".
_LEAK_WORDS = re.compile(r"\bleak(?:ed|s)?\b|-leak\b|decompil|deobfuscat", re.IGNORECASE)


def denied_source(source: str) -> str | None:
    """Why `source` may not be cited (None: it may)."""
    lowered = source.lower()
    for denied in DENIED_SOURCES:
        if denied.lower() in lowered:
            return f"{denied} is an unofficial copy of proprietary code"
    if _LEAK_WORDS.search(source):
        return "it names leaked, extracted or decompiled code"
    return None


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
    out += _check_citable(name, "sources", entry.sources)
    out += _check_models(name, "models", entry.models)
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
    out += _check_call_keys(name, entry)
    out += _check_platforms(registry, name, entry)
    return out


# A tool `type` in `tools` (fullmatch): snake_case words, optionally ending in a `_YYYYMMDD`
# version: matches "computer_20251124", "tool_search_tool_bm25_20251119" or "mcp_toolset";
# not "Computer_20251124", "computer-20251124", "bash__20250124" or "computer_2025112".
_TOOL_TYPE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*(?P<date>_\d{8})?")
# A request body field path in `fields` (fullmatch): dotted snake_case names from the body's
# top level: matches "mcp_servers" or "output_config.task_budget"; not "container.", "Thread",
# "tools[0].type" or "context-management".
_FIELD_PATH = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*")


def _check_call_keys(name: str, entry: BetaEntry) -> list[Problem]:
    """`tools` are tool types with real dates, `fields` dotted body paths, neither listed twice;
    a GA beta gates nothing (its header is no longer needed, so no tool or field needs it)."""
    out: list[Problem] = []
    for key, items in (("tools", entry.tools), ("fields", entry.fields)):
        if items and entry.status == "ga":
            why = "a GA beta gates nothing; list a tool or field only where the header is needed"
            out.append(Problem(name, key, why))
        for item in sorted({i for i in items if items.count(i) > 1}):
            out.append(Problem(name, key, f"{item} is listed twice"))
    for tool in entry.tools:
        found = _TOOL_TYPE.fullmatch(tool)
        if found is None:
            want = "snake_case words with an optional _YYYYMMDD version, e.g. 'computer_20251124'"
            out.append(Problem(name, "tools", f"{tool!r} is not a tool type ({want})"))
        elif found["date"] and not _is_date(found["date"][1:]):
            out.append(Problem(name, "tools", f"{tool!r}: {found['date'][1:]} is not a real date"))
    for path in entry.fields:
        if not _FIELD_PATH.fullmatch(path):
            want = "dotted snake_case names from the body's top level, e.g. 'container.skills'"
            out.append(Problem(name, "fields", f"{path!r} is not a request field path ({want})"))
    return out


def _is_date(digits: str) -> bool:
    try:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


# A Claude model id in a platform table (fullmatch): matches "claude-sonnet-4-5" or
# "claude-3-5-sonnet-20241022"; not "claude-Sonnet", "claude-" or "gpt-4o".
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
        out += _check_citable(name, f"{where}.sources", support.sources)
        out += _check_citable(name, f"{where}.conflict", (support.conflict or "",))
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
        for key in ("models", "no_effect_models", "rejected_models"):
            out += _check_models(name, f"{where}.{key}", getattr(support, key))
    return out


def _check_citable(name: str, where: str, sources: tuple[str, ...]) -> list[Problem]:
    """The source rule (DENIED_SOURCES) for one list of sources."""
    out: list[Problem] = []
    for source in sources:
        why = denied_source(source)
        if why is not None:
            out.append(Problem(name, where, f"{source!r} cannot be cited: {why}"))
    return out


def _check_models(name: str, where: str, models: Models) -> list[Problem]:
    """Model ids are ids; a dated span ends after it starts; no model is listed twice."""
    out: list[Problem] = []
    seen: set[str] = set()
    for span in map(span_of, models):
        if not _MODEL_ID.fullmatch(span.id):
            out.append(Problem(name, where, f"{span.id!r} is not a model id"))
        if span.since and span.until and span.until <= span.since:
            out.append(Problem(name, where, f"{span.id}: until must be later than since"))
        if span.id in seen:
            out.append(Problem(name, where, f"{span.id} is listed twice"))
        seen.add(span.id)
    return out


def stale_evidence(registry: Registry, max_days: int | None = None) -> list[Problem]:
    """The evidence-age check: every platform verdict whose deciding source (`as_of`) is more
    than `max_days` (default: the registry's `evidence_age.max_days`) older than the registry
    date and not listed as an exception; and exceptions that are not needed or name nothing.
    """
    policy = registry.evidence_age
    limit = max_days if max_days is not None else (policy.max_days if policy else None)
    if limit is None or limit <= 0:
        return []
    excepted = {v for e in policy.exceptions for v in e.verdicts} if policy else set()
    cutoff = registry.date - dt.timedelta(days=limit)
    out: list[Problem] = []
    known: set[str] = set()
    for name in sorted(registry.entries):
        for platform, support in sorted(registry.entries[name].platforms.items()):
            key = f"{name}/{platform}"
            known.add(key)
            old = support.as_of is None or support.as_of < cutoff
            if old and key not in excepted:
                age = f"from {support.as_of}" if support.as_of else "undated"
                why = (
                    f"the deciding source is {age}, more than {limit} days before the "
                    f"registry date {registry.date}; re-source it or list {key!r} in an "
                    "evidence_age exception with the reason"
                )
                out.append(Problem(name, f"platforms.{platform}.as_of", why))
            elif not old and key in excepted and max_days is None:
                why = f"{key!r} has recent evidence ({support.as_of}): drop its age exception"
                out.append(Problem(name, f"platforms.{platform}", why))
    for key in sorted(excepted - known):
        out.append(Problem(key.partition("/")[0], "evidence_age", f"{key!r} is no verdict"))
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
