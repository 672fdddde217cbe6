"""Did-you-mean for names the registry does not know."""

from __future__ import annotations

from typing import NamedTuple

from betalint.registry.grammar import BetaName
from betalint.registry.model import Registry


class Suggestions(NamedTuple):
    """Candidate names, and the one to write when exactly one is certain enough to fix."""

    names: tuple[str, ...]
    certain: str | None


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` becomes `b` by one insertion, deletion, substitution or adjacent swap."""
    if a == b:
        return False
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        swapped = i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
        return swapped or a[i + 1 :] == b[i + 1 :]
    return a[i + 1 :] == b[i:] if la > lb else a[i:] == b[i + 1 :]


def suggest(name: BetaName, registry: Registry) -> Suggestions:
    """Registry names a well-formed but unknown name was probably meant to be.

    Certain (safe to fix): the same feature with a one-character date slip, or a one-edit
    feature typo with the same date. Otherwise the feature's other versions are offered.
    """
    date = name.date.isoformat()
    same_feature = registry.versions_of(name.feature)
    date_slips = [n for n in same_feature if within_one_edit(n[-10:], date)]
    typos = [
        n
        for n in registry.entries
        if n.endswith(date) and within_one_edit(n[: -len(date) - 1], name.feature)
    ]
    certain = date_slips + typos
    if len(certain) == 1:
        return Suggestions((certain[0],), certain[0])
    if certain:
        return Suggestions(tuple(sorted(certain)), None)
    return Suggestions(tuple(reversed(same_feature)), None)
