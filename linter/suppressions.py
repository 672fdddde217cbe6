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
    line_no = 1
    counted_to = 0
    for m in _DIRECTIVE.finditer(text):
        pos = m.start()
        line_start = max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1
        nl = _NEWLINE.search(text, pos)
        line_end = nl.start() if nl else len(text)
        after_line = nl.end() if nl else len(text)
        line_no += _count_newlines(text, counted_to, line_start)
        counted_to = line_start
        before = text[line_start:pos]
        opener = None
        for om in _OPENERS.finditer(before):
            opener = om  # the rightmost opener before the directive starts its comment
        if opener is None:
            continue
        codes_text = m.group("codes")
        codes: tuple[str, ...] = ()
        if codes_text is not None and codes_text.strip():
            parts = [p.strip() for p in codes_text.split(",")]
            if not all(_CODE.fullmatch(p) for p in parts if p):
                continue  # not a directive we understand; leave it alone
            codes = tuple(dict.fromkeys(p.upper() for p in parts if p))
        comment_start = line_start + opener.start()
        own_line = not text[line_start:comment_start].strip()
        rm_start, rm_end = _removal_span(
            text,
            line_start,
            line_end,
            after_line,
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


def _removal_span(
    text: str,
    line_start: int,
    line_end: int,
    after_line: int,
    comment_start: int,
    opener: str,
    start: int,
    end: int,
) -> tuple[int, int]:
    """What deleting a directive should delete: the comment if that is all it holds (and
    the line if it becomes blank), else the directive and the space that separates it."""
    closer = _CLOSERS.get(opener)
    inner_end = comment_end = line_end
    if closer is not None:
        c = text.find(closer, end, line_end)
        if c != -1:
            inner_end, comment_end = c, c + len(closer)
    inner_start = comment_start + len(opener)
    rest = (text[inner_start:start] + text[end:inner_end]).strip()
    if not rest:
        # Only the directive in this comment: remove the comment and the space before it.
        s = comment_start
        while s > line_start and text[s - 1] in " \t":
            s -= 1
        if not (text[line_start:s] + text[comment_end:line_end]).strip():
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
