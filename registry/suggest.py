"""Did-you-mean for names the registry does not know."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # the scanner imports within_one_edit: keep this module light
    from betalint.registry.grammar import BetaName
    from betalint.registry.model import Registry


class Suggestions(NamedTuple):
    """Candidate names, and the one to write when exactly one is certain enough to fix."""

    names: tuple[str, ...]
    certain: str | None


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` are equal or one insert, delete, substitute or adjacent swap apart."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if abs(la - lb) != 1:
        return False
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


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
