"""Text edits that fixes are made of: replace a name, remove an item from a list or header."""

from __future__ import annotations

import re

from betalint.linter.diagnostic import Edit

_QUOTES = "\"'`"
_QUALIFIER = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*\.)+$")
_AFTER = re.compile(r"[ \t]*,[ \t]*(?:\r?\n[ \t]*)?")
_BEFORE = re.compile(r"[ \t]*,[ \t]*(?:\r?\n[ \t]*)?$")


def item_span(text: str, start: int, end: int, *, constant: bool = False) -> tuple[int, int]:
    """Widen a name's span to the whole list item: its quotes, a Ruby `:`, a constant's package."""
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


def removal(text: str, start: int, end: int, *, constant: bool = False) -> Edit | None:
    """An edit that removes the item at [start, end) and one adjoining comma.

    None when the item has no comma on either side: it is alone, and removing it would
    leave an empty list or header (a change for a person to make).
    """
    start, end = item_span(text, start, end, constant=constant)
    after = _AFTER.match(text, end)
    if after and _next_is_item(text, after.end()):
        return Edit(start, after.end(), "")
    before = _BEFORE.search(text, max(0, start - 200), start)
    if before:
        return Edit(before.start(), end, "")
    return None


def _next_is_item(text: str, pos: int) -> bool:
    """After a comma, is there another item (not a closing bracket: a trailing comma)?"""
    return pos < len(text) and text[pos] not in ")]}>\r\n"
