"""The loaded registry: entries indexed by name and by feature, plus where they came from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from betalint.registry.grammar import feature_of
from betalint.registry.schema import BetaEntry, EvidenceAge


@dataclass(frozen=True, slots=True)
class RegistryLayer:
    """One registry file that contributed entries."""

    path: str
    version: str
    date: dt.date


@dataclass(frozen=True)
class Registry:
    """Every known beta name with its lifecycle; the single source the validator reads."""

    entries: Mapping[str, BetaEntry]
    layers: tuple[RegistryLayer, ...]
    platform_precedence: tuple[str, ...] = ()
    evidence_age: EvidenceAge | None = None
    _by_feature: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        by_feature: dict[str, list[str]] = {}
        for name in sorted(self.entries):
            by_feature.setdefault(feature_of(name), []).append(name)
        self._by_feature.update({k: tuple(v) for k, v in by_feature.items()})

    @property
    def version(self) -> str:
        """The version of the base layer (the shipped or pinned registry)."""
        return self.layers[0].version

    @property
    def date(self) -> dt.date:
        return self.layers[0].date

    def __contains__(self, name: object) -> bool:
        return name in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, name: str) -> BetaEntry | None:
        return self.entries.get(name)

    def features(self) -> frozenset[str]:
        return frozenset(self._by_feature)

    def versions_of(self, feature: str) -> tuple[str, ...]:
        """Every registry name of one feature, oldest date first."""
        return self._by_feature.get(feature, ())

    def known_to_sdk(self, sdk_version: str) -> tuple[str, ...]:
        """Names the `anthropic` release `sdk_version` knows: those whose `first_seen_sdk`
        (the first release whose type literal lists them) is at or before it.

        Raises `packaging.version.InvalidVersion` for a version string PEP 440 rejects.
        """
        from packaging.version import Version

        pinned = Version(sdk_version)
        return tuple(
            name
            for name, entry in sorted(self.entries.items())
            if entry.first_seen_sdk is not None and Version(entry.first_seen_sdk) <= pinned
        )
