"""Span lookups in O(log n) for the fixer, so a round of k fixes costs O(k log k), not O(k²).

`Taken` holds disjoint spans (the edits chosen so far in a round) and answers "does this
span touch any of them?". `SpanIndex` holds arbitrary, possibly overlapping spans (each fix's
region in the new text) and lists those that meet a query span.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

__all__ = ["SpanIndex", "Taken"]

_T = TypeVar("_T")


class Taken:
    """Disjoint closed spans [start, end]; a new one is added only if it touches none."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []  # sorted too, because the spans are disjoint

    def touches(self, start: int, end: int) -> bool:
        """Whether [start, end] meets a taken span (sharing an end point counts)."""
        i = bisect.bisect_right(self._starts, end)  # spans before i start at or before `end`
        return i > 0 and self._ends[i - 1] >= start

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_right(self._starts, end)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


class SpanIndex(Generic[_T]):
    """Spans with a value each; `meeting(lo, hi)` yields the values whose span meets [lo, hi]."""

    def __init__(self, spans: Sequence[tuple[int, int, _T]]) -> None:
        ordered = sorted(spans, key=lambda s: (s[0], s[1]))
        self._starts = [s for s, _, _ in ordered]
        self._spans = ordered
        # reach[i]: the furthest end among spans 0..i, so a backward walk knows when to stop.
        self._reach: list[int] = []
        furthest = -1
        for _, end, _ in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def meeting(self, lo: int, hi: int, *, touching: bool) -> Iterator[_T]:
        """Values of spans overlapping [lo, hi); with `touching`, sharing an end point counts."""
        i = (bisect.bisect_right if touching else bisect.bisect_left)(self._starts, hi) - 1
        while i >= 0 and (self._reach[i] >= lo if touching else self._reach[i] > lo):
            start, end, value = self._spans[i]
            if (end >= lo and start <= hi) if touching else (end > lo and start < hi):
                yield value
            i -= 1
