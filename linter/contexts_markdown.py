"""Markdown and MDX: split a document into prose and fenced code blocks by fence language."""

from __future__ import annotations

import re
from collections.abc import Iterator

from betalint.linter.contexts_lang import Lang, fence_language

__all__ = ["markdown_regions"]

_FENCE_OPEN = re.compile(
    r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$", re.MULTILINE | re.ASCII
)


def markdown_regions(text: str, start: int, end: int) -> Iterator[tuple[int, int, Lang]]:
    """(start, end, lang) regions in order: prose is `markdown`, fences their own language.

    An unclosed fence runs to the end of the document, as CommonMark says.
    """
    pos = start
    while pos < end:
        fence = _FENCE_OPEN.search(text, pos, end)
        if fence is None:
            break
        if fence.start() > pos:
            yield pos, fence.start(), "markdown"
        marker = fence.group("fence")
        body_start = min(fence.end() + 1, end)
        closing = re.compile(
            rf"^[ \t]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.MULTILINE
        ).search(text, body_start, end)
        body_end = closing.start() if closing else end
        yield body_start, body_end, fence_language(fence.group("info"))
        pos = closing.end() if closing else end
    if pos < end:
        yield pos, end, "markdown"
