"""Text edits that fixes are made of: remove one item from a list or a header value.

A removal is offered only when it provably leaves a non-empty list in valid syntax: the item
must sit next to a sibling of the same list (as the scanner grouped them) with nothing but a
separator between them. Shapes handled, in every language the scanner reads:

- comma lists: `["a", "b"]`, `("a", "b",)`, Go `{anthropic.A, anthropic.B}`, Java
  `List.of(AnthropicBeta.A, …)`, YAML flow `[a, b]`, one per line with trailing commas and
  end-of-line comments, and comma lists inside one header string (`"a, b"`, `a,b`);
- YAML block sequences (`- a` lines);
- whitespace lists: Ruby `%w[a b]`, `%i[a b]`.

Anything else (the only item, a dict value, a call argument pair) returns None: the fix is
shown, never applied.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from betalint.linter.diagnostic import Edit

__all__ = ["item_span", "removal"]

_QUOTES = "\"'`"
# A constant's package before it (searched up to it): matches "anthropic.types." or
# "Anthropic::Beta::"; not "x = foo" (no trailing `.` or `::`).
_QUALIFIER = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*(?:\.|::))+$")
_COMMENT = r"(?:(?:#|//)[^\r\n]*)?"
# A comma and what follows it up to the next item: spaces, one end-of-line comment, newline.
_AFTER = re.compile(rf"[ \t]*,[ \t]*{_COMMENT}(?:\r?\n[ \t]*)?")
# Blanks between words of a `%w[...]` list: matches "  ", or one line break and the blanks around
# it; not two line breaks (with fullmatch).
_SPACES = re.compile(r"[ \t]+|[ \t]*\r?\n[ \t]*")
# The rest of a line after an item: matches ",  # c" then the line break, or the end of the text;
# not " x" (another item follows).
_LINE_ITEM = re.compile(rf"[ \t]*,?[ \t]*{_COMMENT}(?:\r?\n|$)")
# What precedes a YAML block item on its line (fullmatch): matches "  - "; not "  -" or "a - ".
_YAML_DASH = re.compile(r"[ \t]*-[ \t]+$")
# A Ruby word list opener: matches "%w[", "%W{" or "%i("; not "%q[" or "%w " (no bracket).
_WORD_LIST = re.compile(r"%[wWiI][\[\(\{<]")
_WORD_CLOSERS = "])}>"

Span = tuple[int, int]


def item_span(text: str, start: int, end: int, *, constant: bool = False) -> Span:
    """Widen a name's span to the whole list item: its quotes, a Ruby `:`, a constant's package.

    Quotes are taken only when they enclose exactly the name, so an item inside a header
    string (`"a, b"`) keeps its span and the string keeps its quotes.
    """
    if constant:
        qualifier = _QUALIFIER.search(text, max(0, start - 200), start)
        if qualifier:
            start = qualifier.start()
    if (
        start > 0
        and end < len(text)
        and text[start - 1] in _QUOTES
        and text[end] == text[start - 1]
    ):
        start, end = start - 1, end + 1
        if start > 0 and text[start - 1] == ":":  # Ruby symbol :"name"
            start -= 1
    return start, end


def removal(
    text: str,
    start: int,
    end: int,
    *,
    constant: bool = False,
    siblings: Sequence[Span] = (),
) -> Edit | None:
    """An edit that removes the item at [start, end) and one separator next to it.

    `siblings` are the item spans (already widened with `item_span`) of the other members of
    the same list or header. None when no sibling is adjacent: the item is alone, or the
    syntax around it is not a list this module knows; removing it is for a person to do.
    """
    if not siblings:
        return None
    start, end = item_span(text, start, end, constant=constant)
    starts = {s for s, _ in siblings}
    ends = {e for _, e in siblings}
    whole_line = _whole_line(text, start, end, starts, ends)
    if whole_line is not None:
        return whole_line
    after = _AFTER.match(text, end)
    if after and after.end() in starts:
        return Edit(start, after.end(), "")
    for prev_end in sorted((e for e in ends if e <= start), reverse=True)[:1]:
        gap = text[prev_end:start]
        if re.fullmatch(r"[ \t]*,[ \t]*(?:\r?\n[ \t]*)?", gap):
            return Edit(prev_end, end, "")
    if _in_word_list(text, start):
        spaces = _SPACES.match(text, end)
        if spaces and spaces.end() in starts:
            return Edit(start, spaces.end(), "")
        for prev_end in ends:
            if prev_end < start and _SPACES.fullmatch(text, prev_end, start):
                return Edit(prev_end, end, "")
    return None


_NEAR = 256  # how far back a line start is looked for before the prefix is read first


def _line_start(text: str, start: int) -> int | None:
    """The start of `start`'s line; None when a long prefix already holds a character that
    is neither blank nor a YAML dash (the item is not alone on its line). Bounded, so each
    item of a megabyte one-line file does not scan back to the file's start."""
    lo = max(0, start - _NEAR)
    nl = text.rfind("\n", lo, start)
    if nl != -1 or lo == 0:
        return nl + 1
    if text[lo:start].strip(" \t-"):
        return None
    return text.rfind("\n", 0, lo) + 1


def _whole_line(text: str, start: int, end: int, starts: set[int], ends: set[int]) -> Edit | None:
    """Remove the item's whole line when it is alone on it (a multi-line list, a YAML `- a`)."""
    line_start = _line_start(text, start)
    if line_start is None:
        return None
    prefix = text[line_start:start]
    yaml_item = _YAML_DASH.fullmatch(prefix) is not None
    if prefix.strip(" \t") and not yaml_item:
        return None
    rest = _LINE_ITEM.match(text, end)
    if rest is None:
        return None
    has_comma = "," in text[end : rest.end()].split("#")[0].split("//")[0]
    siblings_before = any(e <= line_start for e in ends)
    siblings_after = any(s >= rest.end() for s in starts)
    if yaml_item:
        if not (siblings_before or siblings_after):
            return None
        if rest.end() == len(text) and not text.endswith("\n"):
            # The last line has no newline of its own: take the one before it (and its \r).
            cut = line_start - 2 if text.startswith("\r\n", line_start - 2) else line_start - 1
            return Edit(max(0, cut), rest.end(), "")
        return Edit(line_start, rest.end(), "")
    # A comma list one item per line: the line may go whole when it carries its own comma
    # and a sibling follows, or when it is the last item and keeps the list's trailing comma.
    if has_comma and (siblings_after or siblings_before) and rest.end() < len(text):
        if siblings_after and not _next_line_starts_sibling(text, rest.end(), starts):
            return None
        return Edit(line_start, rest.end(), "")
    return None


def _next_line_starts_sibling(text: str, pos: int, starts: set[int]) -> bool:
    i = pos
    while i < len(text) and text[i] in " \t":
        i += 1
    return i in starts


def _in_word_list(text: str, start: int) -> bool:
    """Inside a Ruby `%w[...]` / `%i[...]` word list (no closer between its opener and here)?"""
    window = text[max(0, start - 400) : start]
    openers = list(_WORD_LIST.finditer(window))
    if not openers:
        return False
    return not any(c in window[openers[-1].end() :] for c in _WORD_CLOSERS)
