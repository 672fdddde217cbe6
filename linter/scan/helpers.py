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

# A helper definition with its name and parameters: matches "def send(model, betas)" or
# "func (c *Client) Send(ctx, betas []string)"; not "undef send(x)" or "mydef send(x)".
# The look-behind sits after each keyword's first letter, so `re` can skip ahead to a `d` or
# an `f` instead of trying the whole pattern at every position (half the time on large files).
_DEF = re.compile(
    r"(?:d(?<![A-Za-z0-9_]d)ef|f(?<![A-Za-z0-9_]f)(?:unction|unc|n|un))"
    r"[ \t]+(?:\([^()\n]{0,80}\)[ \t]*)?"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"[ \t]*(?:<[^<>()\n]{0,80}>)?\((?P<params>[^()]{0,600})\)",
    re.ASCII,
)
# The keyword just before a call's name (that call is the definition): matches "def " or
# "func (c *C) " at the end; not "undef " or "def x".
_DEF_KEYWORD = re.compile(
    r"(?<![A-Za-z0-9_])(?:def|function|func|fn|fun)[ \t]+(?:\([^()\n]{0,80}\)[ \t]*)?\Z", re.ASCII
)
# A parameter's name after blanks and pointer/splat marks: matches "betas" in " *betas" or
# " betas: list" (after a line break too); not an empty parameter.
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


def _may_name_betas(text: str) -> bool:
    """False only when no parameter name in `text` can be a betas parameter: each of
    `_BETA_PARAMS` and each `_betas`/`Betas` name holds `beta` or `Beta`."""
    return "beta" in text or "Beta" in text


_MAX_PARAMS = 600  # as `params` in _DEF


def _betas_parameter_lists(text: str, start: int, end: int) -> bool:
    """False only when no `_DEF` match in text[start:end] can have a betas parameter.

    Such a match's parameters hold a `beta` or `Beta`, and are exactly the text between the
    nearest paren before it (a `(`, at most `_MAX_PARAMS` back) and the nearest after it (a
    `)`), as `[^()]` allows no other. So each `beta` decides alone: the parameter list
    around it either names a betas parameter or no definition can have one there.
    """
    for word in ("beta", "Beta"):
        at = text.find(word, start, end)
        while at >= 0:
            around = _parens_around(text, at, start, end)
            if around is not None and _beta_position(text[around[0] + 1 : around[1]]) is not None:
                return True
            at = text.find(word, at + 1, end)
    return False


def _parens_around(text: str, at: int, start: int, end: int) -> tuple[int, int] | None:
    """The `(` and `)` around `at` with no paren between and at most `_MAX_PARAMS` inside."""
    low = max(start, at - _MAX_PARAMS - 1)
    opened = max(text.rfind("(", low, at), text.rfind(")", low, at))
    if opened < 0 or text[opened] != "(":
        return None
    high = min(end, opened + _MAX_PARAMS + 2)
    closed = text.find(")", at, high)
    if closed < 0 or text.find("(", at, closed) >= 0:
        return None
    return opened, closed


# A definition starts with its keyword and a blank: `str.find` jumps between these far faster
# than the regex engine tries every `d` and `f` of a minified bundle.
_KEYWORD_BLANKS = tuple(
    f"{kw}{blank}" for kw in ("def", "function", "func", "fn", "fun") for blank in " \t"
)


def _definitions(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """`_DEF.finditer(text, start, end)`, trying the pattern only where a keyword and a
    blank stand (everywhere else it cannot match), left to right, never inside a match."""
    positions: set[int] = set()
    for needle in _KEYWORD_BLANKS:
        at = text.find(needle, start, end)
        while at >= 0:
            positions.add(at)
            at = text.find(needle, at + 1, end)
    resume = start
    for at in sorted(positions):
        if at < resume:
            continue
        found = _DEF.match(text, at, end)
        if found is not None:
            resume = found.end()
            yield found


def helper_arguments(text: str, start: int, end: int) -> Iterator[int]:
    """Where each positional argument in a visible helper's betas position starts."""
    # Most files define no helper with a betas parameter: ask each `beta` first.
    if not _betas_parameter_lists(text, start, end):
        return
    helpers: dict[str, int] = {}
    for found in _definitions(text, start, end):
        params = found.group("params")
        if not _may_name_betas(params):
            continue  # saves splitting every other definition's parameters
        index = _beta_position(params)
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
