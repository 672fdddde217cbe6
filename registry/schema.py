"""The schema of `betas.toml`: stdlib dataclasses that pydantic validates.

They are plain dataclasses (not `BaseModel`) so the linter's hot path and a cached registry
never import pydantic; `registry.loader` validates them through `pydantic.TypeAdapter`, with
`extra="forbid"` so a misspelt key is an error, not a silently ignored field.
"""

from __future__ import annotations

import datetime as dt
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
class PlatformSupport:
    """Whether one platform accepts a beta, under which name, for which models, on what evidence.

    `status` is the verdict for the platform's main endpoint (Bedrock InvokeModel, Vertex
    rawPredict); `endpoints` lists only the endpoints whose verdict differs from it. "mapped"
    means the platform rejects this name but takes `name` for the same feature. `models`
    limits the claim to those models; `no_effect_models` are accepted but do nothing;
    `rejected_models` answered 400 although the platform takes the name elsewhere.
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
    models: tuple[str, ...] = ()
    no_effect_models: tuple[str, ...] = ()
    rejected_models: tuple[str, ...] = ()
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
    models: tuple[str, ...] = ()
    first_seen_sdk: str | None = None
    sdk_deprecated: str | None = None
    pattern_exempt: str | None = None
    docs_url: str | None = None
    platforms: dict[str, PlatformSupport] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RegistryFile:
    """The top level of a registry file."""

    __pydantic_config__ = _STRICT

    schema_version: Literal[1]
    registry_version: str
    registry_date: dt.date
    betas: dict[str, BetaEntry]
    platform_precedence: tuple[SourceKind, ...] = ()
