"""The registry as the scanner sees it: names and features, nothing of lifecycles.

The scanner runs on every file, so this module stays small and import-cheap: no pydantic,
no registry loader. Rules build a `Vocabulary` from the registry once per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

# Pure string helpers shared with the validator's did-you-mean (no lifecycle, no loader).
from betalint.registry.grammar import feature_of
from betalint.registry.suggest import within_one_edit

__all__ = ["Vocabulary", "compact_form", "feature_of", "within_one_edit"]

# What compact_form drops from a lowered text: matches "-" and "_" in "files-api_2025"; not "a"
# or "7".
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def compact_form(text: str) -> str:
    """Lowercase, letters and digits only: how SDK constants and names meet."""
    return _NOT_ALNUM.sub("", text.lower())


def _deletions(word: str) -> Iterable[str]:
    return (word[:i] + word[i + 1 :] for i in range(len(word)))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """What the scanner needs to know of the registry: names only."""

    names: frozenset[str]
    features: frozenset[str]
    compact: Mapping[str, str]
    # Symmetric-deletion index: the feature itself and each one-deletion variant -> features.
    _neighbours: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, compare=False
    )

    @classmethod
    def from_names(cls, names: Iterable[str]) -> Vocabulary:
        """Build the vocabulary (features, compact forms, typo index) from registry names."""
        name_set = frozenset(names)
        features = frozenset(feature_of(name) for name in name_set)
        compact: dict[str, str] = {}
        for name in sorted(name_set):
            compact.setdefault(compact_form(name), name)
        neighbours: dict[str, list[str]] = {}
        for feature in sorted(features):
            for key in {feature, *_deletions(feature)}:
                neighbours.setdefault(key, []).append(feature)
        return cls(
            names=name_set,
            features=features,
            compact=MappingProxyType(compact),
            _neighbours=MappingProxyType({k: tuple(v) for k, v in neighbours.items()}),
        )

    def near_feature(self, feature: str) -> bool:
        """True for a registry feature or a string one edit away from one.

        Edits are insert, delete, substitute and adjacent transpose. Lookups go through the
        precomputed deletion neighbourhoods, so the cost is len(feature) dict probes.
        """
        if feature in self.features:
            return True
        neighbours = self._neighbours
        for key in (feature, *_deletions(feature)):
            for candidate in neighbours.get(key, ()):
                if within_one_edit(feature, candidate):
                    return True
        return False

    def nearest_features(self, feature: str) -> tuple[str, ...]:
        """The registry features within one edit of `feature`, sorted (exact match alone if any)."""
        if feature in self.features:
            return (feature,)
        found: set[str] = set()
        for key in (feature, *_deletions(feature)):
            for candidate in self._neighbours.get(key, ()):
                if within_one_edit(feature, candidate):
                    found.add(candidate)
        return tuple(sorted(found))
