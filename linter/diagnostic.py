"""What a rule reports: one finding, where it is, and how to fix it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

Applicability = Literal["safe", "unsafe", "display"]
Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace text[start:end] (str offsets into the decoded file) with `content`."""

    start: int
    end: int
    content: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve one diagnostic, and how safe they are to apply unreviewed."""

    applicability: Applicability
    edits: tuple[Edit, ...]
    replacement: str | None
    message: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding. Offsets index the decoded text; lines and columns are 1-based."""

    path: str
    code: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    name: str
    canonical: str | None
    context: str
    fix: Fix | None = None
    docs_url: str | None = None
    # From the rule that reported it: a diagnostic is self-contained for every reporter.
    severity: Severity = field(kw_only=True)
    rule: str = field(kw_only=True)

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class LineIndex:
    """Offsets to (line, column) for one text, columns counting code points.

    The line starts are found on first use: most checked files yield no diagnostic, and
    the index is built for every one of them (it was a third of a tree scan's CPU time).
    """

    def __init__(self, text: str) -> None:
        self._text: str | None = text
        self._line_starts: list[int] = []

    @property
    def _starts(self) -> list[int]:
        if self._text is not None:
            # split and accumulate run in C: about twice as fast as a str.find loop
            lengths = map((1).__add__, map(len, self._text.split("\n")))
            self._line_starts = list(accumulate(lengths, initial=0))
            self._line_starts.pop()  # past the end: not a line start
            self._text = None
        return self._line_starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a str offset."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of the start and the end (past '\\n') of a 1-based line."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else -1
        return start, end
