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
from typing import Literal, NamedTuple

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
# A header value's separators, skipping placeholders: finds "," and ";" in "a, b; c" and "${X}" as
# a mask; never a "," inside "${a,b}".
_SPLIT_HEADER = re.compile(rf"(?P<mask>{_MASK})|(?P<sep>[,;])")
# A list string's separators, as _SPLIT_HEADER without ";": finds "," in "a,b"; not ";" in "a;b".
_SPLIT_LIST = re.compile(rf"(?P<mask>{_MASK})|(?P<sep>,)")
# A list item (fullmatch): matches "files-api-2025-04-14" or "v1.2"; not "2025-04-14" (no letter),
# "a b" or "fïles".
_ITEM = re.compile(r"[A-Za-z0-9_.\-]*[A-Za-z][A-Za-z0-9_.\-]*")
# A header item may carry a made-up switch (`name=true`, `name=1`, seen in hand-written docs):
# the whole item is what the API receives and rejects, so it is one (malformed) candidate.
_HEADER_ITEM = re.compile(r"[A-Za-z0-9_.\-]*[A-Za-z][A-Za-z0-9_.\-]*(?:=[A-Za-z0-9_.\-]+)?")
_QUOTE_CHARS = "\"'`"
# An item with characters outside the token set (a Cyrillic letter, a zero-width space, an
# en dash, `/`, an escape such as `\u200b`): no ASCII space, quote, separator or bracket,
# which end or structure a value rather than sit inside a name.
_FOREIGN_RUN = re.compile(r"[^\x00-\x20\"'`,;=#()\[\]{}<>\x7f]+")
# An ASCII letter, which a foreign item must hold: found in "2025-x"; not in "2025-04" or "ï".
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


class _HeaderSplit(NamedTuple):
    """A header value cut at its separators, before any item is judged."""

    spans: list[tuple[int, int, bool]]  # each item's trimmed span; True: it holds a placeholder
    semicolon: bool  # a ';' separated two items
    stray: bool  # an item was wrapped in quotes, trimmed off


def _split_header(text: str, start: int, end: int) -> _HeaderSplit:
    """Cut text[start:end] at ',' and ';' (never inside a placeholder) and trim each item."""
    spans: list[tuple[int, int, bool]] = []
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
    return _HeaderSplit(spans, semicolon, stray)


def _drop_joining_edges(
    spans: list[tuple[int, int, bool]], open_start: bool, open_end: bool
) -> tuple[list[tuple[int, int, bool]], bool, bool]:
    """Drop the empty first/last item where a separator joins this literal to its neighbour;
    also say whether the lead and the trail were dropped."""
    lead = open_start and len(spans) > 1 and spans[0][0] == spans[0][1]
    trail = open_end and len(spans) > 1 and spans[-1][0] == spans[-1][1]
    return spans[int(lead) : len(spans) - int(trail)], lead, trail


def _header_pieces(text: str, spans: list[tuple[int, int, bool]]) -> tuple[list[Piece], bool]:
    """The items that may be names, and whether every non-empty item is a plain token."""
    pieces: list[Piece] = []
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
    return pieces, clean


def _header_problems(spans: list[tuple[int, int, bool]], semicolon: bool, stray: bool) -> list[str]:
    """What BL103 says about the value's syntax; none for a value with no item at all."""
    if all(s == e for s, e, _ in spans):
        return []
    problems = []
    if len(spans) > 1 and any(s == e for s, e, _ in spans):
        problems.append("empty item in header value")
    if semicolon:
        problems.append("header items are separated by ',' not ';'")
    if stray:
        problems.append("stray quotes inside header value")
    return problems


def _header_rewrite(
    text: str, start: int, end: int, spans: list[tuple[int, int, bool]], lead: bool, trail: bool
) -> str:
    """The value with its items joined by ',' (spaced if it was), keeping a joining edge."""
    value = text[start:end]
    joiner = ", " if (", " in value or "; " in value) else ","
    replacement = joiner.join(text[s:e] for s, e, _ in spans if s != e)
    return (joiner if lead else "") + replacement + (joiner.rstrip() if trail else "")


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
    split = _split_header(text, start, end)
    spans, lead, trail = _drop_joining_edges(split.spans, open_start, open_end)
    pieces, clean = _header_pieces(text, spans)
    if not check_syntax or not clean:
        return pieces, []
    problems = _header_problems(spans, split.semicolon, split.stray)
    if not problems:
        return pieces, []
    replacement = _header_rewrite(text, start, end, spans, lead, trail)
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
# The content group of each string form, one-line forms first: a match sets exactly one, and
# one-line strings are the common ones, so the loop that looks for it usually stops at once.
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
# One token of an expression in a `#`-comment language: matches "# note" (a comment), '"a"',
# "%w[", "foo" before "(" or "+"; "#{x}" (Ruby interpolation) and "#[attr]" (Rust) are no comment.
_EXPR_HASH = re.compile(r"(?P<com>#(?![{\[])[^\n]*)" + _EXPR_TAIL)
# An unclosed `/*` runs to the end of the read (`\Z` at the search's bound), so it is scanned
# once rather than retried at every later `/*` of a long line.
_EXPR_SLASH = re.compile(r"(?P<com>//[^\n]*|/\*[\s\S]*?(?:\*/|\Z))" + _EXPR_TAIL)
# CONSTANT with its groups, to find a constant token's span: matches
# "AnthropicBetaFilesAPI2025_04_14"; not "AnthropicBetaFilesAPI" (no date).
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


# A string opening the next line (join_lines): matches a line break then '  "' or '  u8"'; not
# '  x"' (no such prefix) or "  b".
_NEXT_LINE_STRING = re.compile(r"[ \t\r\n]*(?:[rRbBuUfFL]{1,2}|u8)?[\"']")


def _computes(kind: str | None, token: str) -> bool:
    """Does this token make a value computed: a call that builds more than a list, an
    operator (other than `+` joining strings), a condition word?"""
    if kind == "call":
        return token not in _LIST_CALLS
    if kind == "word":
        return token in _LOOSE_WORDS
    return kind == "op"


# What one token does to the expression: read on, end it there, or give it up (no value).
_Step = Literal["more", "end", "fail"]


class _ExpressionReader:
    """The state of one `read_expression` call, one method per kind of token."""

    __slots__ = (
        "depth",
        "inside_call",
        "join_lines",
        "joined",
        "last",
        "limit",
        "loose",
        "pieces",
        "plus",
        "pos",
        "seen",
        "strings",
        "text",
    )

    def __init__(
        self, text: str, pos: int, limit: int, *, inside_call: bool, join_lines: bool
    ) -> None:
        self.text = text
        self.pos = pos  # where the next token search starts
        self.limit = limit
        self.inside_call = inside_call
        self.join_lines = join_lines
        self.strings: list[tuple[int, int]] = []
        self.pieces: list[Piece] = []
        self.joined: set[int] = set()
        self.depth = 0  # brackets opened inside the value
        self.seen = False  # any token of the value yet
        self.loose = False
        self.last: str | None = None  # kind of the previous token, for "a" "b" and "a" + "b"
        self.plus = False  # a `+` right after a string: joined if a string follows

    def take(self, match: re.Match[str]) -> _Step:
        """Apply one token; `pos` is already past it."""
        kind = match.lastgroup
        if kind == "com":
            return "more"
        if kind == "sep":
            return self._separator(match.group())
        if self.plus and kind != "str":
            self.loose, self.plus = True, False
        if kind == "close":
            return self._close()
        self.seen = True
        return self._token(kind, match)

    def _token(self, kind: str | None, match: re.Match[str]) -> _Step:
        """A token of the value itself (not a separator, closer or comment)."""
        if kind == "pct":
            if not self._word_list(match.group()):
                return "fail"
        elif kind == "op" and match.group() == "+" and self.last == "str":
            self.plus = True
            return "more"  # keep `last`: the next string continues this one
        elif kind == "str":
            self._string(match)
        elif kind == "const":
            self._constant(match)
        elif kind == "open":
            self.depth += 1
        elif _computes(kind, match.group()):
            self.loose = True
        self.last = kind
        return "more"

    def _separator(self, sep: str) -> _Step:
        """A ',' ';' or newline: outside brackets it ends the value, except a ',' between a
        call's arguments, a newline before the value or inside a call, and a newline after
        which the string goes on (`"a," +`, or with `join_lines` a string on the next line)."""
        if sep == "\n" and (
            self.plus
            or (
                self.join_lines
                and self.last == "str"
                and _NEXT_LINE_STRING.match(self.text, self.pos)
            )
        ):
            return "more"  # `"a," +` or `"a,"` at the end of a line continues on the next
        if self.depth == 0 and not (self.inside_call and sep == ","):
            if sep == "\n" and (not self.seen or self.inside_call):
                return "more"
            return "end"
        if sep != "\n":
            self.last = None
        return "more"

    def _close(self) -> _Step:
        """A closing bracket: the value's end when it closes one opened before the value."""
        if self.depth == 0:
            return "end"
        self.depth -= 1
        self.last = "close"
        return "more"

    def _string(self, match: re.Match[str]) -> None:
        """A string literal: its content span; joined to the previous one when adjacent."""
        if self.last == "str":
            self.joined.add(len(self.strings))
        self.plus = False
        for group in _CONTENT_GROUPS:
            if match.start(group) != -1:
                self.strings.append((match.start(group), match.end(group)))
                break

    def _constant(self, match: re.Match[str]) -> None:
        """An SDK constant: the span of its identifier, as a constant piece."""
        const = _CONST_RE.match(self.text, match.start())
        if const is not None:
            self.pieces.append(Piece(*constant_span(const), True))

    def _word_list(self, opener: str) -> bool:
        """A Ruby `%w[...]`: each word a piece, reading on after its closer; False if unclosed."""
        text, pos = self.text, self.pos
        close_at = text.find(_CLOSERS[opener[-1]], pos, self.limit)
        if close_at < 0:
            return False
        for word in re.finditer(r"\S+", text[pos:close_at], re.ASCII):
            piece = _item_piece(text, pos + word.start(), pos + word.end())
            if piece is not None:
                self.pieces.append(piece)
        self.pos = close_at + 1
        return True

    def result(self) -> Expression:
        return Expression(
            self.strings, self.pieces, self.loose or self.plus, frozenset(self.joined)
        )


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
    reader = _ExpressionReader(text, pos, limit, inside_call=inside_call, join_lines=join_lines)
    tokens = 0
    while True:
        match = pattern.search(text, reader.pos, limit)
        if match is None and reader.depth == 0 and reader.seen and limit == end:
            break  # the text ends right after the value
        if match is None or tokens > _MAX_TOKENS:
            return None
        tokens += 1
        reader.pos = match.end()
        step = reader.take(match)
        if step == "end":
            break
        if step == "fail":
            return None
    return reader.result()


def _line_end(text: str, pos: int, end: int) -> int:
    newline = text.find("\n", pos, end)
    return end if newline < 0 else newline


# Where a plain YAML scalar ends: matches " #" in "a # c" or the line end; not "#" in "a#b".
_YAML_PLAIN_END = re.compile(r"[ \t]+#|\r?$", re.MULTILINE)
# A blank or comment-only YAML line, its line break included: matches "  # c" or an empty line;
# not "  a".
_YAML_BLANK = re.compile(r"[ \t]*(?:#[^\n]*)?(?:\r?\n|\Z)")
# A block list item's dash and its indent (group 1): matches "  - " in "  - a"; not "  -a".
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


# Where an unquoted shell word ends: matches " ", ";" or a quote; not "," (so "a,b" is one word).
_SHELL_WORD_END = re.compile(r"[\s;&|)<>`\"']|\Z", re.ASCII)
# An escaped line end inside a string, as written: matches `\n` or `\r` (backslash, letter); not
# `\t` or a real line break.
_ESCAPED_EOL = re.compile(r"\\[rn]")
# Whitespace that ends an unquoted shell argument: matches a space or a tab; not a no-break space.
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
# The next part of a split string: matches ' "', ' + "' or a backslash-newline then '"'; not
# ' + + "' (two `+`) or " b".
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
