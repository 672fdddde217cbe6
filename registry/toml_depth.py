"""A bound on TOML nesting, checked before `tomllib` (which recurses once per level and so
dies with RecursionError on `x = [[[[…` a few hundred deep).

`too_deep` scans the text once with a regex that skips strings and comments and counts the
brackets and braces left open; real configs and registries nest fewer than ten levels.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

__all__ = ["MAX_DEPTH", "TooDeep", "loads_bounded", "too_deep"]

MAX_DEPTH = 64
# Strings (multi-line first) and comments are skipped whole; brackets and braces are counted.
_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # multi-line basic string; no nested quantifiers
    r"|'''(?:[^']|'(?!''))*'''"  # multi-line literal string
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]",
    re.DOTALL,
)


def too_deep(text: str, limit: int = MAX_DEPTH) -> str | None:
    """A one-line reason when `text` nests arrays or inline tables deeper than `limit`."""
    depth = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            depth += 1
            if depth > limit:
                line = text.count("\n", 0, m.start()) + 1
                return f"line {line}: arrays or tables nested deeper than {limit} levels"
        elif token in ("]", "}"):
            depth = max(0, depth - 1)
    return None


class TooDeep(ValueError):
    """TOML nested past the bound: the message is the one-line reason."""


def loads_bounded(text: str) -> dict[str, Any]:
    """`tomllib.loads` behind the depth bound: TooDeep instead of RecursionError, never an
    internal error; `tomllib.TOMLDecodeError` passes through for the caller to word."""
    deep = too_deep(text)
    if deep is not None:
        raise TooDeep(deep)
    try:
        return tomllib.loads(text)
    except RecursionError:  # too_deep should have caught it
        raise TooDeep("nested too deeply") from None
