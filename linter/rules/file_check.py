"""What a rule sees of one file: its text, the scan, the run's `Linter`, and the helpers every
rule shares (make a diagnostic, remove an item from its list, the file's platform targets)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from betalint.linter.diagnostic import Diagnostic, Edit, Fix, LineIndex
from betalint.linter.fix.edits import item_span, removal
from betalint.linter.scan.languages import language_for_path
from betalint.linter.scan.notebook import Cell, notebook_cells
from betalint.linter.scan.platform_pin import pinned_platform
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict

if TYPE_CHECKING:
    from betalint.linter.engine import Linter
    from betalint.linter.rules.call_view import CallView
    from betalint.linter.rules.rule import Rule

# The seam between two JSON strings of a notebook's source array: `",\n    "`.
# Matches `",\n  "` and `", "`; not `"\n"` (no comma) or `","` inside one string (no quote after).
_NEXT_JSON_STRING = re.compile(r'",[ \t]*\r?\n[ \t]*"')


@dataclass
class FileCheck:
    """One file being checked; rules read it and build their diagnostics through it."""

    text: str
    path: str
    linter: Linter
    candidates: tuple[Candidate, ...] = ()  # all of the scan: list removals need siblings
    index: LineIndex = field(init=False)
    _pinned: tuple[str | None] | None = field(default=None, repr=False)
    _groups: dict[int, list[Candidate]] | None = field(default=None, repr=False)
    _cells: list[Cell] | None = field(default=None, repr=False)
    # Calls read by BL403/BL404 (`rules.call_view`), by candidate group: read once per list.
    calls: dict[int, CallView | None] = field(default_factory=dict, repr=False)
    # Whether the text names a field or tool type some beta gates (None: not looked yet).
    names_gated: bool | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.index = LineIndex(self.text)

    def verdict(self, name: str) -> Verdict:
        return self.linter.verdict(name)

    def pinned_platform(self) -> str | None:
        """The platform this file's client construction pins (Bedrock, Vertex...), or None:
        explicit evidence of where its names go, even without configured targets."""
        if self._pinned is None:
            self._pinned = (pinned_platform(self.text, self.path),)
        return self._pinned[0]

    def diagnostic(
        self,
        rule: Rule,
        start: int,
        end: int,
        message: str,
        name: str,
        canonical: str | None,
        context: str,
        fix: Fix | None = None,
        docs_url: str | None = None,
    ) -> Diagnostic:
        line, column = self.index.position(start)
        end_line, end_column = self.index.position(end)
        if docs_url:
            message = f"{message}; see {docs_url}"
        return Diagnostic(
            self.path,
            rule.code,
            start,
            end,
            line,
            column,
            end_line,
            end_column,
            message,
            name,
            canonical,
            context,
            fix,
            docs_url,
            severity=rule.severity,
            rule=rule.name,
        )

    def at(
        self,
        rule: Rule,
        c: Candidate,
        message: str,
        canonical: str | None,
        fix: Fix | None = None,
        docs_url: str | None = None,
    ) -> Diagnostic:
        """A diagnostic on a candidate's span, naming it as written."""
        return self.diagnostic(
            rule, c.start, c.end, message, c.written, canonical, c.context, fix, docs_url
        )

    def groups(self) -> dict[int, list[Candidate]]:
        """Candidates by header value or list, in file order."""
        if self._groups is None:
            self._groups = {}
            for m in self.candidates:
                if m.group is not None:
                    self._groups.setdefault(m.group, []).append(m)
        return self._groups

    def removal(self, c: Candidate) -> Edit | None:
        """Remove `c` from its header or list; None when no sibling makes that sound."""
        if c.group is None or not c.strong:
            return None  # weak strings, comments and prose are not lists to edit
        members = [m for m in self.groups().get(c.group, ()) if m is not c]
        if not members:
            return None
        if language_for_path(self.path) == "notebook" and self.text.lstrip().startswith("{"):
            return self._notebook_removal(c, members)
        siblings = [
            item_span(self.text, m.start, m.end, constant=m.context == "sdk-constant")
            for m in members
        ]
        constant = c.context == "sdk-constant"
        return removal(self.text, c.start, c.end, constant=constant, siblings=siblings)

    def _notebook_removal(self, c: Candidate, members: list[Candidate]) -> Edit | None:
        """Remove in the cell's decoded source, then map back: JSON escapes stay intact."""
        if self._cells is None:
            self._cells = list(notebook_cells(self.text))
        for cell in self._cells:
            span = _decoded(cell, c.start, c.end)
            if span is None:
                continue
            siblings = []
            for m in members:
                found = _decoded(cell, m.start, m.end)
                if found is not None:
                    constant = m.context == "sdk-constant"
                    siblings.append(item_span(cell.text, *found, constant=constant))
            edit = removal(
                cell.text, *span, constant=c.context == "sdk-constant", siblings=siblings
            )
            if edit is None:
                return None
            start, end = cell.raw_span(edit.start, edit.end)
            # The edit emptied a whole JSON string of the source array: drop the string too.
            joint = _NEXT_JSON_STRING.match(self.text, end)
            if start > 0 and self.text[start - 1] == '"' and joint:
                return Edit(start - 1, joint.end() - 1, "")
            return Edit(start, end, "")
        return None


def _decoded(cell: Cell, start: int, end: int) -> tuple[int, int] | None:
    """The decoded span of a raw notebook span, if it lies in this cell."""
    if not cell.raw_starts or not cell.raw_starts[0] <= start < cell.raw_ends[-1]:
        return None
    i = bisect_left(cell.raw_starts, start)
    j = bisect_left(cell.raw_ends, end)
    if i >= len(cell.raw_starts) or cell.raw_starts[i] != start:
        return None
    if j >= len(cell.raw_ends) or cell.raw_ends[j] != end:
        return None
    return i, j + 1
