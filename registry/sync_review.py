"""What a person reviews after `registry sync`: new names, status signals, disagreements.

Every finding names its source (package and version, the module or column it came from).
Nothing here changes the registry: new names can be written as a proposal layer
(`proposal_toml`) that `registry check --extra` validates and a maintainer copies from;
lifecycle and platform signals are only ever printed (and written as comments).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Literal

from betalint.registry.export import LITELLM_COLUMNS, litellm_column
from betalint.registry.grammar import is_well_formed
from betalint.registry.model import Registry
from betalint.registry.platforms import PLATFORMS, platform_verdict
from betalint.registry.sync import SdkLiteral, compare
from betalint.registry.sync_sources import PLATFORM_SEGMENTS, LiteLLMScan, SdkScan

if TYPE_CHECKING:
    from betalint.registry.schema import PlatformSupport

Kind = Literal["new-name", "status", "platform", "literal"]
KINDS: dict[Kind, str] = {
    "new-name": "new names (the registry lacks them)",
    "status": "status signals (for review; never applied)",
    "platform": "platform disagreements",
    "literal": "literal disagreements",
}
HEADER_ONLY = "_header_only"


@dataclass(frozen=True)
class Finding:
    """One thing to review. `recorded`: the registry already cites this source version for
    it (a disagreement weighed before, shown so nothing is hidden)."""

    kind: Kind
    name: str
    message: str
    source: str
    recorded: bool = False


@dataclass(frozen=True)
class Sources:
    """The scans one sync compares with (any may be missing)."""

    python: SdkScan | None = None
    node: SdkScan | None = None
    litellm: LiteLLMScan | None = None

    def labels(self) -> list[str]:
        found = [s.label for s in (self.python, self.node) if s is not None]
        return found + ([self.litellm.label] if self.litellm else [])


@dataclass(frozen=True)
class Review:
    registry: Registry
    sources: Sources
    findings: tuple[Finding, ...]
    proposed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name → source URLs

    @property
    def lags(self) -> bool:
        return any(f.kind == "new-name" for f in self.findings)


def review(registry: Registry, sources: Sources) -> Review:
    """Compare `registry` with every scan in `sources`."""
    wheres: dict[str, list[str]] = {}
    proposed: dict[str, list[str]] = {}
    for name, where, url in _sightings(sources):
        if name in registry:
            continue
        wheres.setdefault(name, []).append(where)
        if url and url not in proposed.setdefault(name, []):
            proposed[name].append(url)
    findings = [
        Finding("new-name", name, "not in the registry", "; ".join(seen))
        for name, seen in wheres.items()
    ]
    for scan in (sources.python, sources.node):
        if scan is not None:
            findings += _status_signals(registry, scan)
            findings += _sdk_platforms(registry, scan)
    findings += _literals(registry, sources)
    if sources.litellm is not None:
        findings += _litellm(registry, sources.litellm)
    chosen = {n: tuple(u) for n, u in proposed.items() if u}
    return Review(registry, sources, tuple(findings), chosen)


# --------------------------------------------------------------------------- new names


def package_url(package: str, version: str | None) -> str | None:
    """The registry page of one release, the citable source of what it lists."""
    if version is None:
        return None
    if package.startswith("@"):
        return f"https://www.npmjs.com/package/{package}/v/{version}"
    return f"https://pypi.org/project/{package}/{version}/"


def _sightings(sources: Sources) -> Iterator[tuple[str, str, str | None]]:
    """(name, where it was seen, source URL or None when it only appears as dropped)."""
    for scan in (sources.python, sources.node):
        if scan is None:
            continue
        url = package_url(scan.package, scan.version)
        for name in scan.literal:
            yield name, f"{scan.label} (type literal)", url
        for pin in scan.pins:
            yield pin.name, f"{scan.label} ({pin.module} sends it)", url
    lite = sources.litellm
    if lite is not None:
        url = package_url("litellm", lite.version)
        seen: dict[str, list[str]] = {}
        for column, values in lite.columns.items():
            for name, value in values.items():
                if is_well_formed(name):
                    seen.setdefault(name, []).append(column + ("" if value else " null"))
        for name, columns in seen.items():
            forwarded = any(not c.endswith(" null") for c in columns)
            where = f"{lite.label} ({', '.join(columns)})"
            yield name, where, url if forwarded else None


# --------------------------------------------------------------------------- SDK signals


def _status_signals(registry: Registry, scan: SdkScan) -> Iterator[Finding]:
    for name in sorted(scan.deprecated):
        entry = registry.get(name)
        if entry is not None and entry.status not in ("deprecated", "retired"):
            yield Finding(
                "status",
                name,
                f"the literal marks it deprecated; registry: {entry.status}",
                f"{scan.label} (type literal)",
            )
    for wording in scan.wording:
        entry = registry.get(wording.name)
        if entry is None or entry.status in ("deprecated", "retired"):
            continue
        if wording.kind == "legacy" and entry.status != "active":
            continue
        quote = wording.sentence if len(wording.sentence) <= 160 else wording.sentence[:157] + "..."
        yield Finding(
            "status",
            wording.name,
            f'called {wording.kind}: "{quote}"; registry: {entry.status}',
            f"{scan.label} ({wording.module})",
        )
    for pin in scan.pins:
        entry = registry.get(pin.name)
        twin = scan.ga_modules.get(pin.module)
        if entry is None:
            continue
        if twin is not None and entry.status == "active":
            yield Finding(
                "status",
                pin.name,
                f"sent by {pin.module}, whose twin {twin} exists outside the beta namespace "
                "(a GA candidate); registry: active",
                scan.label,
            )
        if entry.status == "retired":
            yield Finding(
                "status",
                pin.name,
                f"still sent by {pin.count} methods of {pin.module}; registry: retired",
                scan.label,
            )


def _sdk_platforms(registry: Registry, scan: SdkScan) -> Iterator[Finding]:
    """Pins under a platform's resource folder (`resources/beta/bedrock/`) against the
    registry's verdict for that platform."""
    grouped: dict[tuple[str, str, str], int] = {}
    for pin in scan.pins:
        parts = PurePosixPath(pin.module).parts
        for i, part in enumerate(parts[:-1]):
            platform = PLATFORM_SEGMENTS.get(part)
            if platform is not None and pin.name in registry:
                key = (pin.name, platform, "/".join(parts[: i + 1]))
                grouped[key] = grouped.get(key, 0) + pin.count
                break
    for (name, platform, folder), count in sorted(grouped.items()):
        verdict = platform_verdict(name, platform, registry)
        if verdict.status in ("supported", "mapped"):
            continue
        yield Finding(
            "platform",
            name,
            f"sent by {count} methods under {folder}/ ({PLATFORMS[platform].display}); "
            f"registry: {platform} = {verdict.status}"
            f"{_basis(registry.entries[name].platforms.get(platform))}",
            scan.label,
        )


def _basis(support: PlatformSupport | None) -> str:
    """` (evidence, as_of)` of the platform table that decided a verdict."""
    if support is None:
        return ""
    parts = [p for p in (support.evidence, str(support.as_of) if support.as_of else "") if p]
    return f" ({', '.join(parts)})" if parts else ""


def _literals(registry: Registry, sources: Sources) -> Iterator[Finding]:
    python, node = sources.python, sources.node
    if python is not None:
        literal = SdkLiteral(python.origin, python.version, (), python.literal)
        report = compare(literal, registry)
        for name in report.dropped:
            yield Finding(
                "literal", name, "in_sdk_literal = true, but the literal lacks it", python.label
            )
        for name in report.unflagged:
            yield Finding(
                "literal", name, "in the literal, but in_sdk_literal = false", python.label
            )
    if python is not None and node is not None:
        for one, other in ((python, node), (node, python)):
            for name in sorted(set(one.literal) - set(other.literal)):
                yield Finding(
                    "literal", name, f"in {one.label}'s literal, not in {other.label}'s", one.label
                )


# --------------------------------------------------------------------------- LiteLLM


def _litellm(registry: Registry, lite: LiteLLMScan) -> Iterator[Finding]:
    """Each provider column (with its `_header_only` column, as LiteLLM applies them to the
    header) against the registry's verdict for the matching target."""
    cited = package_url("litellm", lite.version) or "\0"
    for column, target in LITELLM_COLUMNS.items():
        values = lite.columns.get(column)
        if values is None:
            continue
        merged = {**values, **lite.columns.get(column + HEADER_ONLY, {})}
        ours = litellm_column(registry, target)  # what the export would say
        platform = target.partition(":")[0]
        for name, theirs in sorted(merged.items()):
            if name not in registry or not is_well_formed(name):
                continue
            mine = ours.get(name, "unknown")
            if mine == theirs:
                continue
            entry = registry.entries[name]
            support = entry.platforms.get(platform)
            recorded = support is not None and any(cited in s for s in support.sources)
            said = f"forwards it as {theirs}" if theirs else "drops it (null)"
            if theirs == name:
                said = "forwards it"
            yield Finding(
                "platform",
                name,
                f"{column} {said}; registry: {target} = {_shown(mine, name)}{_basis(support)}",
                f"{lite.label} ({column})",
                recorded,
            )


def _shown(value: str | None, name: str) -> str:
    if value == "unknown":
        return "unknown"
    if value is None:
        return "unsupported"
    return "supported" if value == name else f"mapped to {value}"


# --------------------------------------------------------------------------- output


def review_lines(result: Review) -> list[str]:
    """The text a person reads: sources, then each kind of finding with its source."""
    reg = result.registry
    lines = [f"registry {reg.version} ({reg.date}): {len(reg)} names"]
    lines += [f"source: {line}" for line in _source_lines(result.sources)]
    lines += [f"note: {line}" for line in _notes(result.sources)]
    for kind, title in KINDS.items():
        items = [f for f in result.findings if f.kind == kind]
        if not items:
            continue
        recorded = sum(f.recorded for f in items)
        note = f", {recorded} already cited by the registry [recorded]" if recorded else ""
        lines.append(f"{title} ({len(items)}{note}):")
        for f in items:
            mark = " [recorded]" if f.recorded else ""
            lines.append(f"  {f.name}: {f.message}  <- {f.source}{mark}")
    if result.lags:
        count = len({f.name for f in result.findings if f.kind == "new-name"})
        lines.append(f"the registry lags its sources: {count} names to add")
    else:
        lines.append("the registry knows every name its sources list")
    return lines


def _source_lines(sources: Sources) -> Iterator[str]:
    for scan in (sources.python, sources.node):
        if scan is not None:
            sent = len({p.name for p in scan.pins})
            yield (
                f"{scan.label}: {len(scan.literal)} names in the literal, {sent} sent by "
                f"resource methods ({scan.origin})"
            )
    if sources.litellm is not None:
        lite = sources.litellm
        sizes = ", ".join(f"{k} {len(v)}" for k, v in lite.columns.items())
        yield f"{lite.label}: {sizes} ({lite.origin})"


def _notes(sources: Sources) -> Iterator[str]:
    if sources.litellm is not None:
        yield from _copied_columns(sources.litellm)


def _copied_columns(lite: LiteLLMScan) -> Iterator[str]:
    """A provider column that repeats another one is no independent evidence: say so
    (LiteLLM's `azure_ai` has been a copy of `anthropic`)."""
    names = list(lite.columns)
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            a, b = lite.columns[first], lite.columns[second]
            same = sum(1 for name, value in a.items() if name in b and b[name] == value)
            if len(a) >= 10 and same >= 0.9 * max(len(a), len(b)):
                yield (
                    f"{lite.label}: {second} repeats {first} for {same} of {max(len(a), len(b))} "
                    "names (not independent evidence)"
                )


def review_json(result: Review) -> dict[str, object]:
    """`registry sync --format json`."""
    reg = result.registry
    return {
        "registry": {"version": reg.version, "date": reg.date.isoformat(), "names": len(reg)},
        "sources": list(_source_lines(result.sources)),
        "notes": list(_notes(result.sources)),
        "lags": result.lags,
        "findings": [
            {
                "kind": f.kind,
                "name": f.name,
                "message": f.message,
                "source": f.source,
                "recorded": f.recorded,
            }
            for f in result.findings
        ],
        "proposed": {name: list(urls) for name, urls in result.proposed.items()},
    }


def proposal_toml(result: Review) -> str:
    """A registry layer with the proposed new names (active, low confidence), and every
    other finding as a comment. It changes no existing entry."""
    reg = result.registry
    dates = [s.released for s in (result.sources.python, result.sources.node) if s and s.released]
    day = max([reg.date, *dates])
    labels = ", ".join(result.sources.labels()) or "no source"
    out = [
        "# betalint registry sync proposal: review every entry before copying it into betas.toml.",
        f"# Sources: {labels}. Check it with: betalint registry check --extra THIS_FILE",
        "# It only adds names; status and platform signals below are comments, never applied.",
        f"schema_version = {_schema_version(reg)}",
        f"registry_version = {_toml(reg.version + '+sync')}",
        f"registry_date = {day.isoformat()}",
        "",
        "[betas]",
    ]
    seen = {f.name: f.source for f in result.findings if f.kind == "new-name"}
    in_literal = set(result.sources.python.literal) if result.sources.python else set()
    for name, urls in sorted(result.proposed.items()):
        out += [
            "",
            f"[betas.{_toml(name)}]",
            'status = "active"',
            'confidence = "low"',
            f"in_sdk_literal = {'true' if name in in_literal else 'false'}",
            f"sources = [{', '.join(_toml(u) for u in urls)}]",
            f"notes = {_toml(_proposal_note(seen[name]))}",
        ]
    others = [f for f in result.findings if f.kind != "new-name" or f.name not in result.proposed]
    if others:
        out += ["", "# For review (not applied):"]
        out += [f"# [{f.kind}] {f.name}: {f.message} <- {f.source}" for f in others]
    return "\n".join(out) + "\n"


def _proposal_note(listed: str) -> str:
    return (
        f"Proposed by `betalint registry sync`: listed by {listed}. Lifecycle, models and "
        "platforms "
        "are not reviewed yet."
    )


def _toml(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a TOML basic string uses JSON's escapes


def _schema_version(registry: Registry) -> int:
    """The base file's schema_version, so the proposal loads with the same schema."""
    import tomllib

    try:
        with Path(registry.layers[0].path).open("rb") as f:
            value = tomllib.load(f).get("schema_version", 1)
    except (OSError, tomllib.TOMLDecodeError):
        return 1
    return value if isinstance(value, int) else 1
