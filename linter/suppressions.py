"""Inline suppressions: `betalint: ignore` and `betalint: ignore[BL202,BL203]` in any comment.

A directive counts when a comment opener (`#`, `//`, `/*`, `<!--`, `--`, `;`, `%`) comes
before it on the same line. On a line with code it covers that line; on a line that is only
a comment it covers that line and the next one. Codes may be prefixes (`BL2`). Lines end at
`\\n`, `\\r\\n` or a lone `\\r`; line numbers are 1-based. Offsets are indices into the text
(code points), as `Source.text` holds it.

`Suppressions.unused()` feeds BL901 (unused-suppression) with the span to delete or rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Suppression", "Suppressions", "UnusedSuppression", "parse_suppressions"]

_DIRECTIVE = re.compile(r"betalint:[ \t]*ignore(?![\w-])(?:\[(?P<codes>[^\]\r\n]*)\])?")
_OPENERS = re.compile(r"<!--|/\*|//|--|#|;|%")
_CLOSERS = {"/*": "*/", "<!--": "-->"}
_CODE = re.compile(r"[A-Za-z]+[0-9]*")
_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class Suppression:
    """One directive. `codes` is empty for a blanket `betalint: ignore`."""

    line: int  # line the directive is on (1-based)
    column: int  # 1-based column of `betalint:`
    start: int  # offset of `betalint:` in the text
    end: int  # offset just past the directive (after `]`, if any)
    codes: tuple[str, ...]
    own_line: bool  # the line holds nothing but the comment: also covers the next line
    remove_start: int  # what deleting the whole directive should delete (see module doc)
    remove_end: int
    used: set[str] = field(default_factory=set)  # codes (or "*" for blanket) that matched

    def covers(self, line: int) -> bool:
        return line == self.line or (self.own_line and line == self.line + 1)

    def matches(self, code: str) -> str | None:
        if not self.codes:
            return "*"
        for sel in self.codes:
            if code.startswith(sel):
                return sel
        return None


@dataclass(frozen=True)
class UnusedSuppression:
    """A directive (or some of its codes) that suppressed nothing, for BL901.

    `codes` lists the unused codes; empty means the whole directive is unused (a blanket
    one, or every code unused). Applying the fix replaces `text[fix_start:fix_end]` with
    `replacement`: the whole comment (or line, if it becomes blank) when nothing else is in
    it, else just the directive, or a rewritten `betalint: ignore[...]` with the used codes.
    """

    line: int
    column: int
    start: int
    end: int
    codes: tuple[str, ...]
    fix_start: int
    fix_end: int
    replacement: str


class Suppressions:
    """The directives of one text; `is_suppressed` records which ones were used."""

    def __init__(self, directives: list[Suppression]) -> None:
        self.directives = directives
        self._by_line: dict[int, list[Suppression]] = {}
        for d in directives:
            self._by_line.setdefault(d.line, []).append(d)
            if d.own_line:
                self._by_line.setdefault(d.line + 1, []).append(d)

    def __bool__(self) -> bool:
        return bool(self.directives)

    def is_suppressed(self, line: int, code: str) -> bool:
        """Whether a finding `code` at `line` is suppressed; marks matching directives used."""
        hit = False
        for d in self._by_line.get(line, ()):
            sel = d.matches(code)
            if sel is not None:
                d.used.add(sel)
                hit = True
        return hit

    def unused(self) -> list[UnusedSuppression]:
        """Directives, or codes within them, that matched no finding (in text order)."""
        out: list[UnusedSuppression] = []
        for d in self.directives:
            if d.used and not d.codes:
                continue
            unused = tuple(c for c in d.codes if c not in d.used)
            if d.codes and not unused:
                continue
            if d.used:  # some codes used: keep those, drop the rest
                kept = ",".join(c for c in d.codes if c in d.used)
                span, replacement = (d.start, d.end), f"betalint: ignore[{kept}]"
            else:  # nothing used: the whole directive (or comment) goes
                span, replacement = (d.remove_start, d.remove_end), ""
                unused = unused if d.codes else ()
            out.append(
                UnusedSuppression(d.line, d.column, d.start, d.end, unused, *span, replacement)
            )
        return out


def parse_suppressions(text: str) -> Suppressions:
    """Find every `betalint: ignore` directive in `text`. Never raises."""
    if "betalint:" not in text:
        return Suppressions([])
    directives: list[Suppression] = []
    line = _Line(text)
    for m in _DIRECTIVE.finditer(text):
        pos = m.start()
        line.advance(pos)
        line_start, line_no = line.start, line.number
        opener = line.opener_before(pos)
        if opener is None:
            continue
        codes_text = m.group("codes")
        codes: tuple[str, ...] = ()
        if codes_text is not None and codes_text.strip():
            parts = [p.strip() for p in codes_text.split(",")]
            if not all(_CODE.fullmatch(p) for p in parts if p):
                continue  # not a directive we understand; leave it alone
            codes = tuple(dict.fromkeys(p.upper() for p in parts if p))
        comment_start = opener.start()
        own_line = not _has_text(text, line_start, comment_start)
        rm_start, rm_end = _removal_span(
            line,
            comment_start,
            opener.group(),
            m.start(),
            m.end(),
        )
        directives.append(
            Suppression(
                line=line_no,
                column=pos - line_start + 1,
                start=m.start(),
                end=m.end(),
                codes=codes,
                own_line=own_line,
                remove_start=rm_start,
                remove_end=rm_end,
            )
        )
    return Suppressions(directives)


def _count_newlines(text: str, start: int, end: int) -> int:
    chunk = text[start:end]
    return chunk.count("\n") + chunk.count("\r") - chunk.count("\r\n")


_NON_SPACE = re.compile(r"\S")


def _has_text(text: str, start: int, end: int) -> bool:
    """Anything but whitespace in text[start:end]? (stops at the first hit, copies nothing)"""
    return start < end and _NON_SPACE.search(text, start, end) is not None


class _Line:
    """The line of the directive being parsed. Directives come in text order, so the line's
    bounds, its number and the openers on it are found once per line, not once per
    directive: a line of many directives stays linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.end = self.after = -1
        self.number = 1
        self._counted_to = 0
        self._openers_to = 0  # openers are scanned up to here on this line
        self._opener: re.Match[str] | None = None
        self._closers: dict[str, int] = {}  # next closer at or after a position, per closer

    def advance(self, pos: int) -> None:
        if self.start <= pos < self.after or (pos == self.after == len(self.text)):
            return
        text = self.text
        self.start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
        nl = _NEWLINE.search(text, pos)
        self.end = nl.start() if nl else len(text)
        self.after = nl.end() if nl else len(text)
        self.number += _count_newlines(text, self._counted_to, self.start)
        self._counted_to = self.start
        self._openers_to, self._opener, self._closers = self.start, None, {}

    def opener_before(self, pos: int) -> re.Match[str] | None:
        """The rightmost comment opener on this line that ends by `pos`."""
        for found in _OPENERS.finditer(self.text, self._openers_to, pos):
            self._opener = found
        # Openers are at most 4 long: one starting 3 or fewer before `pos` may have been cut
        # off, so the next scan resumes there (or after the last opener, if that is later).
        last_end = self._opener.end() if self._opener is not None else self.start
        self._openers_to = max(self._openers_to, pos - 3, last_end)
        opener = self._opener
        return opener if opener is not None and opener.end() <= pos else None

    def closer_after(self, closer: str, pos: int) -> int:
        """Offset of the next `closer` on this line at or after `pos`, or -1."""
        known = self._closers.get(closer)
        if known is None or (known != -1 and known < pos):
            known = self._closers[closer] = self.text.find(closer, pos, self.end)
        return known


def _removal_span(
    line: _Line,
    comment_start: int,
    opener: str,
    start: int,
    end: int,
) -> tuple[int, int]:
    """What deleting a directive should delete: the comment if that is all it holds (and
    the line if it becomes blank), else the directive and the space that separates it."""
    text, line_start, line_end, after_line = line.text, line.start, line.end, line.after
    closer = _CLOSERS.get(opener)
    inner_end = comment_end = line_end
    if closer is not None:
        c = line.closer_after(closer, end)
        if c != -1:
            inner_end, comment_end = c, c + len(closer)
    inner_start = comment_start + len(opener)
    if not (_has_text(text, inner_start, start) or _has_text(text, end, inner_end)):
        # Only the directive in this comment: remove the comment and the space before it.
        s = comment_start
        while s > line_start and text[s - 1] in " \t":
            s -= 1
        if not (_has_text(text, line_start, s) or _has_text(text, comment_end, line_end)):
            return line_start, after_line  # the line would be blank: remove it
        e = comment_end
        if s == line_start:  # comment opened the line: also drop the space after it
            while e < line_end and text[e] in " \t":
                e += 1
        return s, e
    e = end
    while e < inner_end and text[e] in " \t":
        e += 1
    if e < inner_end and e > end:
        return start, e  # more comment text follows: take the directive and the space after
    s = start
    while s > inner_start and text[s - 1] in " \t":
        s -= 1
    return s, end
