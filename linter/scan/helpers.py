"""Helpers whose parameter holds the betas: `def send(model, betas)` then `send(m, ["a"])`.

A list passed by position carries no key, so the scanner cannot see it is a betas list
unless the helper's definition is visible in the same text. This module finds such
definitions (Python `def`, JS/TS `function`, Go `func` and methods, Rust `fn`, Kotlin
`fun`) and, for each call of one, where the argument in the betas position starts. The
scanner reads that argument as it reads the value after `betas=`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["helper_arguments"]

_DEF = re.compile(
    r"(?<![A-Za-z0-9_])(?:def|function|func|fn|fun)[ \t]+(?:\([^()\n]{0,80}\)[ \t]*)?"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"[ \t]*(?:<[^<>()\n]{0,80}>)?\((?P<params>[^()]{0,600})\)",
    re.ASCII,
)
_DEF_KEYWORD = re.compile(
    r"(?<![A-Za-z0-9_])(?:def|function|func|fn|fun)[ \t]+(?:\([^()\n]{0,80}\)[ \t]*)?\Z", re.ASCII
)
_PARAM_NAME = re.compile(r"[ \t\r\n*&]*(?P<name>[A-Za-z_][A-Za-z0-9_]*)", re.ASCII)
_BETA_PARAMS = frozenset(
    {"betas", "beta_headers", "betaHeaders", "anthropic_beta", "anthropicBeta"}
)
_RECEIVERS = frozenset({"self", "cls", "this"})
_OPEN, _CLOSE = "([{", ")]}"
_MAX_ARGS_SPAN = 2000
_MAX_CALLS = 200


def _top_level_commas(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets of the commas at bracket depth 0 in text[start:end], skipping quoted strings;
    stops at a closing bracket that was not opened (the end of a call's arguments)."""
    depth = 0
    quote = ""
    i = start
    while i < end:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'`":
            quote = ch
        elif ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                return
            depth -= 1
        elif ch == "," and depth == 0:
            yield i
        i += 1


def _beta_position(params: str) -> int | None:
    """Index of the betas parameter among the call's arguments (a receiver is not passed)."""
    names = []
    pos = 0
    for comma in [*_top_level_commas(params, 0, len(params)), len(params)]:
        found = _PARAM_NAME.match(params, pos, comma)
        names.append(found.group("name") if found else "")
        pos = comma + 1
    if names and names[0] in _RECEIVERS:
        names = names[1:]
    for i, name in enumerate(names):
        if name in _BETA_PARAMS or name.endswith(("_betas", "Betas")):
            return i
    return None


def helper_arguments(text: str, start: int, end: int) -> Iterator[int]:
    """Where each positional argument in a visible helper's betas position starts."""
    if "(" not in text[start:end]:
        return
    helpers: dict[str, int] = {}
    for found in _DEF.finditer(text, start, end):
        index = _beta_position(found.group("params"))
        if index is not None:
            helpers.setdefault(found.group("name"), index)
    for name, index in helpers.items():
        call = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}[ \t]*\(", re.ASCII)
        for n, match in enumerate(call.finditer(text, start, end)):
            if n >= _MAX_CALLS:
                break
            if _DEF_KEYWORD.search(text, max(start, match.start() - 120), match.start()):
                continue  # the definition itself
            limit = min(end, match.end() + _MAX_ARGS_SPAN)
            commas = [match.end() - 1, *_top_level_commas(text, match.end(), limit)]
            if index < len(commas):
                yield commas[index] + 1
