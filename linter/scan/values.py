"""Reading the value that follows a strong key: the pieces of text that are beta names.

Four readers, one per way a value is written after `anthropic-beta`, `betas` or
`ANTHROPIC_BETA`:

- `read_expression`: a program expression (`["a", "b"]`, `List.of(...)`, `"a,b"`, `%w[a b]`);
- `read_yaml_value`: a YAML scalar, flow list `[a, b]` or block list `- a`;
- `read_shell_word`: a shell or .env word (`"a,b"`, `a,b`);
- `read_header_line`: the rest of an HTTP header line (`anthropic-beta: a, b`).

They return offsets into the text, never copies, so the scanner can report exact spans.
The scanner decides what the pieces mean; nothing here knows the registry.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = [
    "CONSTANT",
    "Expression",
    "Piece",
    "RawIssue",
    "constant_span",
    "header_items",
    "list_items",
    "read_expression",
    "read_header_line",
    "read_header_strings",
    "read_shell_word",
    "read_yaml_value",
]

# SDK constants: Go `AnthropicBetaFilesAPI2025_04_14`; Java/Kotlin/Ruby/PHP
# `AnthropicBeta.FILES_API_2025_04_14` / `AnthropicBeta::FILES_API_2025_04_14`; C# enum
# members `AnthropicBeta.FilesApi2025_04_14` and generated `AnthropicBetaEnum.FilesApi20250414`;
# Rust `AnthropicBetaKnown::FilesApi20250414`.
_DATE_TAIL = r"(?:\d{4}_\d{2}_\d{2}|\d{8})"
# The literal comes first so the regex engine can skip ahead fast; the lookbehind after it
# checks that `AnthropicBeta` starts an identifier. Go's identifier includes the prefix.
CONSTANT = (
    r"AnthropicBeta(?<![A-Za-z0-9_]AnthropicBeta)"
    rf"(?:(?P<go>(?!Enum\.|Known::)[A-Z][A-Za-z0-9]*?{_DATE_TAIL})"
    rf"|(?:Enum|Known)?(?:\.|::)(?:Known\.)?(?P<java>[A-Z][A-Za-z0-9_]*?{_DATE_TAIL}))"
    r"(?![A-Za-z0-9_])"
)


def constant_span(match: re.Match[str]) -> tuple[int, int]:
    """The identifier span of a CONSTANT match: Go keeps the prefix, Java the field only."""
    if match.start("go") != -1:
        return match.start(), match.end("go")
    return match.start("java"), match.end("java")


_LIMIT = 4000  # a value longer than this is not a literal list of names
_MAX_TOKENS = 400


class Piece(NamedTuple):
    """A span that may be a beta name; `constant` marks an SDK constant identifier, `foreign`
    an item holding characters no name may hold (BL104: the scanner checks it is name-like)."""

    start: int
    end: int
    constant: bool = False
    foreign: bool = False


class RawIssue(NamedTuple):
    """A header-syntax problem: the span of the value and its corrected text."""

    start: int
    end: int
    message: str
    replacement: str


# Placeholders and interpolations inside a value: `${x}`, `#{x}`, `{x}`, `{{x}}`, `$X`, `%s`, `<x>`.
_MASK = (
    r"\$\{[^}\n]*\}?|#\{[^}\n]*\}?|\{\{[^}\n]*\}\}|\{[^}\n]*\}"
    r"|\$[A-Za-z_][A-Za-z0-9_]*|%[sdrv]|<[^>\n]*>"
)
_SPLIT_HEADER = re.compile(rf"(?P<mask>{_MASK})|(?P<sep>[,;])")
_SPLIT_LIST = re.compile(rf"(?P<mask>{_MASK})|(?P<sep>,)")
_ITEM = re.compile(r"[A-Za-z0-9_.\-]*[A-Za-z][A-Za-z0-9_.\-]*")
# A header item may carry a made-up switch (`name=true`, `name=1`, seen in hand-written docs):
# the whole item is what the API receives and rejects, so it is one (malformed) candidate.
_HEADER_ITEM = re.compile(r"[A-Za-z0-9_.\-]*[A-Za-z][A-Za-z0-9_.\-]*(?:=[A-Za-z0-9_.\-]+)?")
_QUOTE_CHARS = "\"'`"
# An item with characters outside the token set (a Cyrillic letter, a zero-width space, an
# en dash, `/`, an escape such as `\u200b`): no ASCII space, quote, separator or bracket,
# which end or structure a value rather than sit inside a name.
_FOREIGN_RUN = re.compile(r"[^\x00-\x20\"'`,;=#()\[\]{}<>\x7f]+")
_LETTER = re.compile(r"[A-Za-z]")
_MAX_ITEM = 200  # longer is data, not a name


def _foreign_item(text: str, start: int, end: int) -> bool:
    """Could text[start:end] be a name holding foreign characters? (linear: no backtracking)"""
    return (
        end - start <= _MAX_ITEM
        and _FOREIGN_RUN.fullmatch(text, start, end) is not None
        and _LETTER.search(text, start, end) is not None
    )


_ASCII_SPACE = " \t\r\n\f\v"


def _trim(text: str, start: int, end: int, quotes: bool) -> tuple[int, int, bool]:
    """Trim whitespace (and with `quotes`, stray quotes and their backslashes) from a span."""
    had_quote = False
    while True:
        # ASCII whitespace only: a no-break or zero-width space at an edge is part of the
        # item, and reported (BL104), never trimmed away unseen.
        while start < end and text[start] in _ASCII_SPACE:
            start += 1
        while end > start and text[end - 1] in _ASCII_SPACE:
            end -= 1
        if not quotes or start >= end:
            return start, end, had_quote
        changed = False
        if text[start] == "\\" and start + 1 < end and text[start + 1] in _QUOTE_CHARS:
            start += 2
            changed = True
        elif text[start] in _QUOTE_CHARS:
            start += 1
            changed = True
        if end > start and text[end - 1] in _QUOTE_CHARS:
            end -= 1
            if end > start and text[end - 1] == "\\":
                end -= 1
            changed = True
        if not changed:
            return start, end, had_quote
        had_quote = True


def header_items(
    text: str,
    start: int,
    end: int,
    *,
    check_syntax: bool,
    open_start: bool = False,
    open_end: bool = False,
) -> tuple[list[Piece], list[RawIssue]]:
    """Split a header value `a, b` into items; with `check_syntax`, report BL103 problems.

    Items are separated by ',' (a ';' is accepted and reported); whitespace around items is
    optional whitespace; quotes inside the value are stray. Interpolations and placeholders
    are never items. `open_start`/`open_end` say the value continues in the string literal
    before/after this one (`"a," "b"`): an empty item at that edge is the separator between
    the literals, not an empty item, and a rewrite keeps it.
    """
    pieces: list[Piece] = []
    spans: list[tuple[int, int, bool]] = []  # trimmed span, masked
    semicolon = stray = False
    piece_start = start
    masked = False
    for match in _SPLIT_HEADER.finditer(text, start, end):
        if match.lastgroup == "mask":
            masked = True
            continue
        semicolon = semicolon or match.group() == ";"
        s, e, quoted = _trim(text, piece_start, match.start(), True)
        stray = stray or quoted
        spans.append((s, e, masked))
        piece_start, masked = match.end(), False
    s, e, quoted = _trim(text, piece_start, end, True)
    stray = stray or quoted
    spans.append((s, e, masked))

    # A separator at a literal edge joins this literal to its neighbour: no item there.
    lead = open_start and len(spans) > 1 and spans[0][0] == spans[0][1]
    trail = open_end and len(spans) > 1 and spans[-1][0] == spans[-1][1]
    spans = spans[int(lead) : len(spans) - int(trail)]

    clean = True
    for s, e, is_masked in spans:
        if s == e or is_masked:
            continue
        if _HEADER_ITEM.fullmatch(text, s, e):
            pieces.append(Piece(s, e))
        else:
            clean = False
            if _foreign_item(text, s, e):
                pieces.append(Piece(s, e, foreign=True))
    if not check_syntax or not clean:
        return pieces, []
    empty = len(spans) > 1 and any(s == e for s, e, _ in spans)
    if not (empty or semicolon or stray) or all(s == e for s, e, _ in spans):
        return pieces, []
    problems = []
    if empty:
        problems.append("empty item in header value")
    if semicolon:
        problems.append("header items are separated by ',' not ';'")
    if stray:
        problems.append("stray quotes inside header value")
    value = text[start:end]
    joiner = ", " if (", " in value or "; " in value) else ","
    replacement = joiner.join(text[s:e] for s, e, _ in spans if s != e)
    replacement = (joiner if lead else "") + replacement + (joiner.rstrip() if trail else "")
    vs, ve, _ = _trim(text, start, end, False)
    return pieces, [RawIssue(vs, ve, "; ".join(problems), replacement)]


def _item_piece(text: str, start: int, end: int) -> Piece | None:
    """A list item's piece: a plain token, or one with foreign characters; None otherwise."""
    if _ITEM.fullmatch(text, start, end):
        return Piece(start, end)
    if _foreign_item(text, start, end):
        return Piece(start, end, foreign=True)
    return None


def list_items(text: str, start: int, end: int) -> list[Piece]:
    """Items of one string in a betas list: usually one, split on ',' if the string has commas."""
    pieces: list[Piece] = []
    piece_start = start
    masked = False
    bounds: list[tuple[int, int, bool]] = []
    for match in _SPLIT_LIST.finditer(text, start, end):
        if match.lastgroup == "mask":
            masked = True
            continue
        bounds.append((piece_start, match.start(), masked))
        piece_start, masked = match.end(), False
    bounds.append((piece_start, end, masked))
    for s0, e0, is_masked in bounds:
        s, e, _ = _trim(text, s0, e0, False)
        if s < e and not is_masked:
            piece = _item_piece(text, s, e)
            if piece is not None:
                pieces.append(piece)
    return pieces


_STRING = (
    r"(?P<str>(?:[rRbBuUfF]{1,2}|:)?"
    r'(?:"""(?P<c1>[\s\S]*?)"""'
    r"|'''(?P<c2>[\s\S]*?)'''"
    r'|"(?P<c3>(?:[^"\\\n]|\\.)*)"'
    r"|'(?P<c4>(?:[^'\\\n]|\\.)*)'"
    r"|`(?P<c5>(?:[^`\\]|\\.)*)`))"
)
_UNNAMED_CONSTANT = re.sub(r"\?P<(?:go|java)>", "?:", CONSTANT)
_CONTENT_GROUPS = ("c3", "c4", "c5", "c1", "c2")
_EXPR_TAIL = (
    rf"|{_STRING}"
    rf"|(?P<const>{_UNNAMED_CONSTANT})"
    r"|(?P<pct>%[wWiI][\[({<])"
    r"|(?P<open>[\[({])"
    r"|(?P<close>[\])}])"
    r"|(?P<sep>[,;\n])"
    r"|(?P<call>[A-Za-z_][A-Za-z0-9_]*!?(?=[ \t]*\())"
    r"|(?P<op>\+(?![+=])|\|\||\?\?|&&|\.join\b|\.concat\b)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
)
_EXPR_HASH = re.compile(r"(?P<com>#(?![{\[])[^\n]*)" + _EXPR_TAIL)
# An unclosed `/*` runs to the end of the read (`\Z` at the search's bound), so it is scanned
# once rather than retried at every later `/*` of a long line.
_EXPR_SLASH = re.compile(r"(?P<com>//[^\n]*|/\*[\s\S]*?(?:\*/|\Z))" + _EXPR_TAIL)
_CONST_RE = re.compile(CONSTANT)

# Calls that only build a list or wrap a literal; any other call makes the value computed.
_LIST_CALLS = frozenset(
    {
        "of",
        "listOf",
        "setOf",
        "arrayOf",
        "mutableListOf",
        "mutableSetOf",
        "asList",
        "copyOf",
        "vec!",
        "List",
        "Set",
        "Array",
        "ImmutableList",
        "ImmutableSet",
        "list",
        "tuple",
        "set",
        "frozenset",
        "from_static",
        "from_str",
        "from",
        "Some",
        "String",
        "string",
        "str",
        "to_string",
        "to_owned",
        "into",
        "freeze",
        "AnthropicBeta",
        "cast",
    }
)
_LOOSE_WORDS = frozenset({"or", "and", "if", "else", "unless", "not"})
_CLOSERS = {"[": "]", "(": ")", "{": "}", "<": ">"}


class Expression(NamedTuple):
    """What `read_expression` found in one value."""

    strings: list[tuple[int, int]]  # content spans of string literals, in order
    pieces: list[Piece]  # words of %w[...] lists and SDK constants
    loose: bool  # computed (calls, operators, conditions): not every string is an item
    joined: frozenset[int]  # i in joined: strings[i] continues strings[i - 1] ("a" "b", "a" + "b")


_NEXT_LINE_STRING = re.compile(r"[ \t\r\n]*(?:[rRbBuUfFL]{1,2}|u8)?[\"']")


def read_expression(
    text: str,
    pos: int,
    end: int,
    *,
    hash_comments: bool,
    inside_call: bool = False,
    join_lines: bool = False,
) -> Expression | None:
    """Read a program expression from `pos`; None when it does not end within bounds.

    The expression ends at a ',' ';' or newline outside brackets, or at a closing bracket
    that it did not open. With `inside_call`, `pos` is just after `(` and the value runs to
    the matching `)`, commas included. Adjacent string literals and literals joined by `+`
    are one string split in parts (`joined`), not a computed value. With `join_lines`
    (Python, C), a string on the next line continues a string that ends a line, as it does
    inside the brackets around a dict or call (`{"k": "a,"` / `"b"}`).
    """
    limit = min(end, pos + _LIMIT)
    pattern = _EXPR_HASH if hash_comments else _EXPR_SLASH
    strings: list[tuple[int, int]] = []
    pieces: list[Piece] = []
    joined: set[int] = set()
    depth = 0
    seen = loose = False
    last: str | None = None  # kind of the previous token, for "a" "b" and "a" + "b"
    plus = False  # a `+` right after a string: joined if a string follows
    tokens = 0
    while True:
        match = pattern.search(text, pos, limit)
        if match is None and depth == 0 and seen and limit == end:
            break  # the text ends right after the value
        if match is None or tokens > _MAX_TOKENS:
            return None
        tokens += 1
        kind = match.lastgroup
        pos = match.end()
        if kind == "com":
            continue
        if kind == "sep":
            if match.group() == "\n" and (
                plus or (join_lines and last == "str" and _NEXT_LINE_STRING.match(text, pos))
            ):
                continue  # `"a," +` or `"a,"` at the end of a line continues on the next
            if depth == 0 and not (inside_call and match.group() == ","):
                if match.group() == "\n" and (not seen or inside_call):
                    continue
                break
            if match.group() != "\n":
                last = None
            continue
        if plus and kind != "str":
            loose, plus = True, False
        if kind == "close":
            if depth == 0:
                break
            depth -= 1
            last = kind
            continue
        seen = True
        if kind == "str":
            if last == "str":
                joined.add(len(strings))
            plus = False
            for group in _CONTENT_GROUPS:
                if match.start(group) != -1:
                    strings.append((match.start(group), match.end(group)))
                    break
        elif kind == "const":
            const = _CONST_RE.match(text, match.start())
            if const is not None:
                pieces.append(Piece(*constant_span(const), True))
        elif kind == "pct":
            closer = _CLOSERS[match.group()[-1]]
            close_at = text.find(closer, pos, limit)
            if close_at < 0:
                return None
            for word in re.finditer(r"\S+", text[pos:close_at], re.ASCII):
                piece = _item_piece(text, pos + word.start(), pos + word.end())
                if piece is not None:
                    pieces.append(piece)
            pos = close_at + 1
        elif kind == "open":
            depth += 1
        elif kind == "call":
            name = match.group()
            if name not in _LIST_CALLS:
                loose = True
        elif kind == "op":
            if match.group() == "+" and last == "str":
                plus = True
                continue  # keep `last`: the next string continues this one
            loose = True
        elif kind == "word" and match.group() in _LOOSE_WORDS:
            loose = True
        last = kind
    return Expression(strings, pieces, loose or plus, frozenset(joined))


def _line_end(text: str, pos: int, end: int) -> int:
    newline = text.find("\n", pos, end)
    return end if newline < 0 else newline


_YAML_PLAIN_END = re.compile(r"[ \t]+#|\r?$", re.MULTILINE)
_YAML_BLANK = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
_YAML_ITEM = re.compile(r"([ \t]*)-[ \t]+")


def _yaml_scalar(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Content span of the YAML scalar at `pos` (quoted or plain), None for block scalars."""
    if pos >= end:
        return None
    ch = text[pos]
    if ch in "|>&*!":
        return None
    if ch in "\"'":
        close = pos + 1
        while True:
            close = text.find(ch, close, _line_end(text, pos, end))
            if close < 0:
                return None
            if ch == '"' and text[close - 1] == "\\":
                close += 1
                continue
            if ch == "'" and text.startswith("''", close):
                close += 2
                continue
            return pos + 1, close
    stop = _YAML_PLAIN_END.search(text, pos, end)
    return pos, (stop.start() if stop else end)


def read_yaml_value(text: str, pos: int, end: int, indent: int) -> list[tuple[int, int]]:
    """Scalars of the YAML value after `key:` at `pos`: one scalar, a flow list or a block list.

    `indent` is the key's indentation; block list items may sit at the same indentation.
    """
    while pos < end and text[pos] in " \t":
        pos += 1
    if pos >= end or text[pos] in "\r\n#":
        return _yaml_block_list(text, _line_end(text, pos, end) + 1, end, indent)
    if text[pos] == "[":
        close = text.find("]", pos, min(end, pos + _LIMIT))
        if close < 0:
            return []
        scalars = []
        item_start = pos + 1
        for item in re.finditer(r"[^,]+", text[pos + 1 : close]):
            s, e = item_start + item.start(), item_start + item.end()
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and text[s] in "\"'" and text[e - 1] == text[s] and e - s >= 2:
                s, e = s + 1, e - 1
            if s < e:
                scalars.append((s, e))
        return scalars
    scalar = _yaml_scalar(text, pos, end)
    return [scalar] if scalar else []


def _yaml_block_list(text: str, pos: int, end: int, indent: int) -> list[tuple[int, int]]:
    scalars: list[tuple[int, int]] = []
    while pos < end and len(scalars) < 200:
        blank = _YAML_BLANK.match(text, pos, end)
        if blank is not None and blank.end() > pos:
            pos = blank.end()
            continue
        item = _YAML_ITEM.match(text, pos, end)
        if item is None or len(item.group(1).expandtabs()) < indent:
            break
        scalar = _yaml_scalar(text, item.end(), _line_end(text, item.end(), end))
        if scalar is not None:
            scalars.append(scalar)
        pos = _line_end(text, item.end(), end) + 1
    return scalars


_SHELL_WORD_END = re.compile(r"[\s;&|)<>`\"']|\Z", re.ASCII)
_ESCAPED_EOL = re.compile(r"\\[rn]")
_WHITESPACE = re.compile(r"\s", re.ASCII)


def read_shell_word(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """Content span of the shell / .env word at `pos`: quoted, or up to whitespace."""
    if pos >= end:
        return None
    ch = text[pos]
    if ch in "\"'":
        close = pos + 1
        line_end = _line_end(text, pos, end)
        while True:
            close = text.find(ch, close, line_end)
            if close < 0:
                return None
            if ch == '"' and text[close - 1] == "\\":
                close += 1
                continue
            return pos + 1, close
    stop = _SHELL_WORD_END.search(text, pos, end)
    stop_at = stop.start() if stop else end
    return (pos, stop_at) if stop_at > pos else None


def _header_literal(text: str, pos: int, end: int, quote: str) -> tuple[int, int, bool]:
    """The value part of one string literal from `pos`: (start, stop, closed), where `closed`
    says the value ran to the literal's closing quote (not to an escaped line end)."""
    while pos < end and text[pos] in " \t":
        pos += 1
    stop = _line_end(text, pos, end)
    closed = False
    i = pos
    while True:
        close = text.find(quote, i, stop)
        if close < 0:
            break
        if text[close - 1] == "\\" and quote != "`":
            i = close + 1
            continue
        stop, closed = close, True
        break
    escape = _ESCAPED_EOL.search(text, pos, stop)
    if escape is not None:
        stop, closed = escape.start(), False
    return pos, stop, closed


def read_header_line(
    text: str, pos: int, end: int, quote: str | None, *, word: bool
) -> tuple[int, int] | None:
    """Span of the header value after `anthropic-beta:` at `pos`.

    Inside a string (`quote` is its quote char) the value ends at the closing quote or at a
    `\\r`/`\\n` escape; otherwise at the end of the line (or, with `word`, at whitespace, as
    an unquoted shell argument).
    """
    if quote is not None:
        pos, stop, _ = _header_literal(text, pos, end, quote)
    else:
        while pos < end and text[pos] in " \t":
            pos += 1
        stop = _line_end(text, pos, end)
        if word:
            ws = _WHITESPACE.search(text, pos, stop)
            if ws is not None:
                stop = ws.start()
    while stop > pos and text[stop - 1] in " \t\r":
        stop -= 1
    return (pos, stop) if stop > pos else None


# Between two parts of one string: whitespace, line continuations, at most one `+`; then the
# next literal's (optional) prefix and its quote.
_GAP = r"(?:[ \t\r\n]|\\\r?\n){0,200}"
_NEXT_LITERAL = re.compile(rf"{_GAP}(?:\+{_GAP})?(?:[rRbBuUfFL]{{1,2}}|u8)?(?P<q>[\"'`])")
_MAX_LITERALS = 20


def read_header_strings(text: str, pos: int, end: int, quote: str) -> list[tuple[int, int]]:
    """Spans of a header value written inside string literals, one span per literal.

    The value after `anthropic-beta:` runs to its literal's closing quote and continues in
    an adjacent literal or one joined by `+` (`"anthropic-beta: a,"` `"b"`), as C, C++,
    Python and JS concatenate them. A span may be empty; spans[i > 0] continue spans[i - 1].
    """
    spans: list[tuple[int, int]] = []
    while True:
        start, stop, closed = _header_literal(text, pos, end, quote)
        close = stop
        while stop > start and text[stop - 1] in " \t\r":
            stop -= 1
        spans.append((start, stop))
        if not closed or len(spans) >= _MAX_LITERALS:
            return spans
        following = _NEXT_LITERAL.match(text, close + 1, end)
        if following is None:
            return spans
        quote, pos = following.group("q"), following.end()
