"""The schema of `betas.toml`: stdlib dataclasses that pydantic validates.

They are plain dataclasses (not `BaseModel`) so the linter's hot path and a cached registry
never import pydantic; `registry.loader` validates them through `pydantic.TypeAdapter`, with
`extra="forbid"` so a misspelt key is an error, not a silently ignored field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["active", "ga", "superseded", "deprecated", "retired"]
Confidence = Literal["high", "low"]
PlatformStatus = Literal["supported", "unsupported", "mapped", "unknown"]
# Kinds of platform evidence; `RegistryFile.platform_precedence` orders them, strongest first.
SourceKind = Literal[
    "official-doc", "release-note", "sdk-code", "gateway-config", "issue-report", "third-party"
]

STATUSES: tuple[Status, ...] = ("active", "ga", "superseded", "deprecated", "retired")

# pydantic reads this attribute on stdlib dataclasses; a plain dict keeps pydantic unimported.
_STRICT: dict[str, Any] = {"extra": "forbid"}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Another beta that cannot be sent together with this one (optionally only on `scope`)."""

    __pydantic_config__ = _STRICT

    name: str
    reason: str
    scope: str | None = None


@dataclass(frozen=True, slots=True)
class ModelSpan:
    """One model in a `models` list, with the dates between which the claim holds for it.

    `since` is the first day it holds, `until` the first day it no longer does (a removal
    date); either may be open. A plain string in a `models` list is a span with no dates.
    """

    __pydantic_config__ = _STRICT

    id: str
    since: dt.date | None = None
    until: dt.date | None = None
    note: str | None = None

    def holds_on(self, today: dt.date) -> bool:
        return (self.since is None or self.since <= today) and (
            self.until is None or today < self.until
        )


# A `models` list: model ids, or tables with dates (`{ id = "…", until = 2026-11-30 }`).
Models = tuple[str | ModelSpan, ...]


def span_of(item: str | ModelSpan) -> ModelSpan:
    """`item` as a span (a plain id holds on every day)."""
    return ModelSpan(item) if isinstance(item, str) else item


def models_on(models: Models, today: dt.date | None) -> tuple[str, ...]:
    """The ids of `models` whose span holds on `today` (every id when `today` is None)."""
    spans = (span_of(m) for m in models)
    return tuple(s.id for s in spans if today is None or s.holds_on(today))


@dataclass(frozen=True, slots=True)
class PlatformSupport:
    """Whether one platform accepts a beta, under which name, for which models, on what evidence.

    `status` is the verdict for the platform's main endpoint (Bedrock InvokeModel, Vertex
    rawPredict); `endpoints` lists only the endpoints whose verdict differs from it. "mapped"
    means the platform rejects this name but takes `name` for the same feature. `models`
    limits the claim to those models; `no_effect_models` are accepted but do nothing;
    `rejected_models` answered 400 although the platform takes the name elsewhere. Each list
    item is a model id or a dated `ModelSpan`, so a removal takes effect on its date.
    `evidence` and `as_of` say which source decided (see `RegistryFile.platform_precedence`);
    `conflict` states what disagreeing sources say, so a verdict never hides a contradiction.
    """

    __pydantic_config__ = _STRICT

    status: PlatformStatus
    sources: tuple[str, ...] = ()
    name: str | None = None
    confidence: Confidence = "high"
    evidence: SourceKind | None = None
    as_of: dt.date | None = None
    endpoints: dict[str, PlatformStatus] = field(default_factory=dict)
    models: Models = ()
    no_effect_models: Models = ()
    rejected_models: Models = ()
    conflict: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class BetaEntry:
    """One beta name and its sourced lifecycle."""

    __pydantic_config__ = _STRICT

    status: Status
    confidence: Confidence
    in_sdk_literal: bool
    sources: tuple[str, ...]
    notes: str
    status_date: dt.date | None = None
    removal_date: dt.date | None = None
    superseded_by: tuple[str, ...] = ()
    conflicts_with: tuple[Conflict, ...] = ()
    models: Models = ()
    first_seen_sdk: str | None = None
    sdk_deprecated: str | None = None
    pattern_exempt: str | None = None
    docs_url: str | None = None
    platforms: dict[str, PlatformSupport] = field(default_factory=dict)
    # Tool `type` values this beta enables (`computer_20251124`), only where its docs say so.
    tools: tuple[str, ...] = ()
    # Request body fields the API accepts only with this beta, as dotted paths from the body's
    # top level (`mcp_servers`, `context_management`, `container.skills`), where docs say so.
    fields: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AgeException:
    """Platform verdicts (`"name/platform"`) whose evidence is older than the limit, and why
    they are kept as they are."""

    __pydantic_config__ = _STRICT

    reason: str
    verdicts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EvidenceAge:
    """The evidence-age check of `registry check`: a platform verdict whose deciding source
    (`as_of`) is more than `max_days` older than `registry_date` is reported, unless listed
    in an exception with its reason."""

    __pydantic_config__ = _STRICT

    max_days: int
    exceptions: tuple[AgeException, ...] = ()


@dataclass(frozen=True, slots=True)
class RegistryFile:
    """The top level of a registry file."""

    __pydantic_config__ = _STRICT

    schema_version: Literal[1]
    registry_version: str
    registry_date: dt.date
    # A dict once validated; the shipped registry's decodes each entry on first use.
    betas: Mapping[str, BetaEntry]
    platform_precedence: tuple[SourceKind, ...] = ()
    evidence_age: EvidenceAge | None = None
