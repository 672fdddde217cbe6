"""gitignore-style patterns matched in time linear in the path, whatever the pattern.

A regex made the usual way (`*a*b` → `[^/]*a[^/]*b`) backtracks: `*a*a*a*a*a*a*a*a*a*a*b`
against a name of 50 `a`s took minutes. Here a pattern is split at `/` into segments and
matched segment by segment (a set of reachable pattern positions per path segment, so `**`
costs no backtracking either). Inside a segment, the pieces between `*`s have a fixed length,
so taking each piece at its leftmost occurrence is always right: each is compiled into an
atomic group (`(?>[^/]*?piece)`) that never gives back what it matched. A segment of n
characters then costs O(n · pattern length), a path the sum over its segments.

Semantics are git's (gitignore(5)): blank lines and `#` comments are skipped, `!` negates,
a trailing `/` matches directories only, a `/` at the start or in the middle anchors the
pattern to its base (else it matches at any depth), `**/`, `/**/` and `/**` span
directories, other `**` are `*`, `?` and `[...]` (`[!...]`) match one character but `/`,
and `\\` escapes; trailing spaces are dropped unless escaped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["GitPattern", "parse_line"]

# A segment is a compiled glob, `_ANY` (a `**`: zero or more path segments) or `_SOME` (a
# trailing `/**`: one or more, everything inside a directory but not the directory itself).
_ANY = None
_SOME = "**+"
Segment = re.Pattern[str] | str | None
# Stands in for a glob git cannot use either (`[z-a]`): matches nothing, not even "".
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class GitPattern:
    """One gitignore line: whether it re-includes (`!`), is for directories only, and its
    segments (compiled regexes, `_ANY` for `**`, `_SOME` for a trailing `/**`)."""

    text: str
    include: bool
    dir_only: bool
    segments: tuple[Segment, ...]
    # Shapes that need no state sets (every path of a tree is matched against every line):
    # `**/glob` (an unanchored line such as `*.log`) matches on the last segment alone, and a
    # line without `**` only a path of exactly as many segments.
    _last_only: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _depth: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        segs = self.segments
        last_only = segs[1] if len(segs) == 2 and segs[0] is _ANY and _is_glob(segs[1]) else None
        depth = len(segs) if all(_is_glob(s) for s in segs) else -1
        object.__setattr__(self, "_last_only", last_only)
        object.__setattr__(self, "_depth", depth)

    def matches(self, path: str, is_dir: bool) -> bool:
        """Whether `path` (`/`-separated, relative to the pattern's base) itself matches."""
        if self.dir_only and not is_dir:
            return False
        if self._last_only is not None:
            return self._last_only.fullmatch(path, path.rfind("/") + 1) is not None
        if self._depth >= 0 and path.count("/") + 1 != self._depth:
            return False
        return self._matches_parts(path.split("/"))

    def matches_or_inside(self, path: str) -> bool:
        """Whether the file `path` or one of its parent directories matches, in one pass."""
        parts = path.split("/")
        states = self._closure({0})
        for k, part in enumerate(parts):
            states = self._closure(self._step(states, part))
            if not states:
                return False
            is_dir = k < len(parts) - 1
            if len(self.segments) in states and (is_dir or not self.dir_only):
                return True
        return False

    def _matches_parts(self, parts: list[str]) -> bool:
        states = self._closure({0})
        for part in parts:
            states = self._closure(self._step(states, part))
            if not states:
                return False
        return len(self.segments) in states

    def _step(self, states: set[int], part: str) -> set[int]:
        after: set[int] = set()
        for i in states:
            if i == len(self.segments):
                continue
            seg = self.segments[i]
            if seg is None or isinstance(seg, str):  # `**`: takes this segment, may take more
                after.add(i)
                if isinstance(seg, str):
                    after.add(i + 1)
            elif seg.fullmatch(part):
                after.add(i + 1)
        return after

    def _closure(self, states: set[int]) -> set[int]:
        """Add the positions reachable by letting `**` take zero segments."""
        out = set(states)
        for i in sorted(states):
            j = i
            while j < len(self.segments) and self.segments[j] is _ANY:
                j += 1
                out.add(j)
        return out


def _is_glob(segment: Segment) -> bool:
    return isinstance(segment, re.Pattern)


def parse_line(line: str) -> GitPattern | None:
    """The pattern of one gitignore line, or None for a blank line or a comment."""
    text = _strip_trailing_spaces(line.rstrip("\r\n"))
    if not text or text.startswith("#"):
        return None
    include = True
    if text.startswith("!"):
        include, text = False, text[1:]
    elif text.startswith(("\\!", "\\#")):
        text = text[1:]
    dir_only = text.endswith("/") and not text.endswith("\\/")
    body = text[:-1] if dir_only else text
    if not body:
        return None
    anchored = "/" in body
    raw = body.removeprefix("/").split("/")
    if not anchored:
        raw = ["**", *raw]
    segments: list[Segment] = []
    for i, seg in enumerate(raw):
        if seg == "**":
            last = i == len(raw) - 1
            segments.append(_SOME if last and len(raw) > 1 and not dir_only else _ANY)
        else:
            segments.append(_segment(seg))
    return GitPattern(line, include, dir_only, tuple(_squeeze(segments)))


def _squeeze(segments: list[Segment]) -> list[Segment]:
    """`**/**` is `**`: consecutive any-depth segments would only add states."""
    out: list[Segment] = []
    for seg in segments:
        if seg is _ANY and out and out[-1] is _ANY:
            continue
        out.append(seg)
    return out


def _strip_trailing_spaces(text: str) -> str:
    stripped = text.rstrip(" ")
    if len(stripped) < len(text) and stripped.endswith("\\") and not stripped.endswith("\\\\"):
        return stripped[:-1] + " "  # `\ ` keeps one escaped space
    return stripped


def _segment(glob: str) -> re.Pattern[str]:
    """One segment's glob as an anchored regex whose `*`s cannot backtrack into each other."""
    pieces: list[list[str]] = [[]]  # the one-character regexes between `*`s
    i = 0
    while i < len(glob):
        c = glob[i]
        if c == "*":
            pieces.append([])
            while i < len(glob) and glob[i] == "*":
                i += 1
            continue
        if c == "?":
            pieces[-1].append("[^/]")
        elif c == "[":
            klass, i = _char_class(glob, i)
            pieces[-1].append(klass)
            continue
        elif c == "\\" and i + 1 < len(glob):
            i += 1
            pieces[-1].append(re.escape(glob[i]))
        else:
            pieces[-1].append(re.escape(c))
        i += 1
    if len(pieces) == 1:
        body = "".join(pieces[0])
    else:
        first, *middle, last = ("".join(p) for p in pieces)
        body = first + "".join(f"(?>[^/]*?{p})" for p in middle if p) + "[^/]*" + last
    try:
        return re.compile(body, re.DOTALL)
    except re.error:  # a class git cannot use either, such as [z-a]: matches nothing
        return _NEVER


def _char_class(glob: str, start: int) -> tuple[str, int]:
    """`[...]` at `start` as a regex class and the index after it; an unclosed `[` is literal."""
    i = start + 1
    negate = i < len(glob) and glob[i] in "!^"
    if negate:
        i += 1
    items: list[str] = []
    first = True
    while i < len(glob) and (glob[i] != "]" or first):
        c = glob[i]
        if c == "\\" and i + 1 < len(glob):
            i += 1
            c = glob[i]
        if i + 2 < len(glob) and glob[i + 1] == "-" and glob[i + 2] != "]":
            items.append(f"{re.escape(c)}-{re.escape(glob[i + 2])}")
            i += 3
        else:
            items.append(re.escape(c))
            i += 1
        first = False
    if i >= len(glob):
        return re.escape("["), start + 1
    body = "".join(items)
    return (f"[^/{body}]" if negate else f"[{body}]"), i + 1
