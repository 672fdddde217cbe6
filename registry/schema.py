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
PlatformStatus = Literal["supported", "unsupported", "unknown"]

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
    """Whether a platform accepts a beta, under which name, and on what evidence."""

    __pydantic_config__ = _STRICT

    status: PlatformStatus
    sources: tuple[str, ...] = ()
    name: str | None = None
    confidence: Confidence = "high"
    endpoints: dict[str, PlatformStatus] = field(default_factory=dict)
    models: tuple[str, ...] = ()
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
    platform_precedence: tuple[str, ...] = ()
