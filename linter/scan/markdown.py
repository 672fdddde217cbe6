"""Markdown and MDX: split a document into prose and fenced code blocks by fence language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from betalint.linter.scan.languages import Lang, fence_language

__all__ = ["markdown_regions"]

# A fence line: up to 3 spaces, then a run of 3+ backticks or tildes. Runs are found with
# str.find (fast on long documents); the line check is done on the few hits.
_RUN = re.compile(r"`+|~+", re.ASCII)


class _Runs:
    """Next "```" / "~~~" at or after a position. Each marker's next hit is cached: positions
    only move forward, so a document without `~~~` is searched for it once, not per fence
    (that made long documents quadratic)."""

    __slots__ = ("_end", "_line", "_next", "_text")

    def __init__(self, text: str, end: int) -> None:
        self._text = text
        self._end = end
        self._next = {"```": -2, "~~~": -2}  # -2: not searched yet; -1: none left
        self._line = (0, -1)  # (start, end) of the line of the last marker looked at

    def line(self, at: int) -> tuple[int, int]:
        """(start, end) of the line holding `at`, the end before its '\n'. Cached: many
        markers on one line share its bounds, so a long line is walked once, not per marker."""
        start, end = self._line
        if not start <= at <= end:
            floor = end + 1 if end >= 0 and at > end else 0
            start = self._text.rfind("\n", floor, at) + 1 or floor
            end = self._text.find("\n", at, self._end)
            self._line = (start, end if end >= 0 else self._end)
        return self._line

    def find(self, pos: int) -> int:
        best = -1
        for marker, at in self._next.items():
            if at == -2 or (at != -1 and at < pos):
                at = self._next[marker] = self._text.find(marker, pos, self._end)
            if at >= 0 and (best < 0 or at < best):
                best = at
        return best


def _find_fence(
    text: str, runs: _Runs, pos: int, end: int, char: str = "", length: int = 0
) -> re.Match[str] | None:
    """The next fence line from `pos`; with `char`, a closing fence of that char and length."""
    while True:
        at = runs.find(pos)
        if at < 0:
            return None
        match = _RUN.match(text, at, end)
        assert match is not None
        pos = match.end()
        line_start, line_end = runs.line(at)
        if at - line_start > 3 or text[line_start:at].strip(" \t"):
            continue
        if not char:
            return match
        rest = text[match.end() : min(end, line_end)]
        if match.group()[0] == char and len(match.group()) >= length and not rest.strip():
            return match


def markdown_regions(text: str, start: int, end: int) -> Iterator[tuple[int, int, Lang]]:
    """(start, end, lang) regions in order: prose is `markdown`, fences their own language.

    An unclosed fence runs to the end of the document, as CommonMark says.
    """
    pos = start
    runs = _Runs(text, end)
    while pos < end:
        fence = _find_fence(text, runs, pos, end)
        if fence is None:
            break
        line_start = max(pos, text.rfind("\n", 0, fence.start()) + 1)
        if line_start > pos:
            yield pos, line_start, "markdown"
        info_end = text.find("\n", fence.end(), end)
        info_end = end if info_end < 0 else info_end
        info = text[fence.end() : info_end]
        marker = fence.group()
        body_start = min(info_end + 1, end)
        if marker[0] == "`" and "`" in info:  # inline code such as ```x``` is not a fence
            yield line_start, body_start, "markdown"
            pos = body_start
            continue
        closing = _find_fence(text, runs, body_start, end, marker[0], len(marker))
        if closing is None:
            yield body_start, end, fence_language(info)
            return
        close_line = max(body_start, text.rfind("\n", 0, closing.start()) + 1)
        yield body_start, close_line, fence_language(info)
        after = text.find("\n", closing.end(), end)
        pos = end if after < 0 else after + 1
    if pos < end:
        yield pos, end, "markdown"
