"""Find the beta names a file writes, and where (DESIGN §6).

A candidate is a maximal token `[A-Za-z0-9_.-]+`. Strong contexts report every item,
malformed ones too: `anthropic-beta` header values, `betas` lists, `ANTHROPIC_BETA`
assignments and SDK constants. Elsewhere a token is a (weak) candidate only when it looks
like `feature-<date>` for a registry feature or a one-edit typo of one.

The scanner knows names, never lifecycles; rules join candidates to verdicts. Speed: a few
compiled-regex passes per file, and Python work only on hits (§11).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from betalint.linter.scan.foreign import is_foreign, skeleton, weak_joinable
from betalint.linter.scan.helpers import helper_arguments
from betalint.linter.scan.languages import (
    C_FAMILY,
    CODE_LANGS,
    HASH_COMMENT_LANGS,
    CommentIndex,
    Lang,
    language_for_path,
)
from betalint.linter.scan.markdown import markdown_regions
from betalint.linter.scan.notebook import notebook_cells
from betalint.linter.scan.prefilter import might_contain_beta
from betalint.linter.scan.values import (
    CONSTANT,
    Piece,
    RawIssue,
    constant_span,
    header_items,
    list_items,
    read_expression,
    read_header_line,
    read_header_strings,
    read_shell_word,
    read_yaml_value,
)
from betalint.linter.scan.vocabulary import Vocabulary, compact_form

__all__ = [
    "Candidate",
    "Context",
    "HeaderSyntaxIssue",
    "ScanResult",
    "canonical_for_constant",
    "might_contain_beta",
    "scan_text",
]

Context = Literal[
    "header-value", "betas-list", "env", "sdk-constant", "string", "comment", "markdown"
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token that is (or may be) a beta name, with where and how it was written."""

    start: int  # offset (str index) into the scanned text
    end: int  # text[start:end] == written
    written: str  # the token as written; for a constant, its identifier
    canonical: str | None  # for SDK constants: the beta name it maps to; else None
    context: Context
    strong: bool  # strong context: malformed items are reported too
    group: int | None  # items of one header value or one betas list share a group


@dataclass(frozen=True, slots=True)
class HeaderSyntaxIssue:
    """BL103: empty item, ';' separator or stray quotes inside a header value."""

    start: int
    end: int  # span of the header value text to replace
    message: str
    replacement: str  # the corrected header value for that span


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Everything one scan found, in text order."""

    candidates: tuple[Candidate, ...]
    syntax_issues: tuple[HeaderSyntaxIssue, ...]


# The byte prefilter lives in its own module so files it rejects never load the scanner.


# --------------------------------------------------------------------------- patterns

_A = re.ASCII
_TOKEN_STR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-"
_TOKEN_CHARS = frozenset(_TOKEN_STR)
_IDENT_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")
_QUOTES = frozenset("\"'`")
_SHELL_LANGS = frozenset({"shell", "env", "dockerfile"})
# Languages where a string literal on the next line can continue one (Python inside brackets,
# C/C++ anywhere); elsewhere a string starting a line is a new statement or key (TOML, JS).
_ADJACENT_LINES_LANGS = frozenset({"python", "notebook"}) | C_FAMILY
_MAX_TOKEN = 200  # longer runs of token characters are data (hashes, base64), not names
# Key patterns start with a literal so the regex engine skips ahead fast; what a lookbehind
# would check is checked in Python on the (rare) hits. `anthropic-beta` (any case) is found
# from its "-beta" and checked backwards by a fixed-width lookbehind.
_HEADER_KEY = re.compile(r"-(?i:beta)(?<=(?i:anthropic-beta))(?![A-Za-z0-9_\-])", _A)
# The environment variable: matches "ANTHROPIC_BETA" or "ANTHROPIC_BETAS"; not "ANTHROPIC_BETA_X".
_ENV_KEY = re.compile(r"ANTHROPIC_BETAS?(?![A-Za-z0-9_])", _A)
_BETAS_TAIL = r"(?P<q>[\"'`]?)\??[ \t]*(?P<sep>=>|:=|\+=|=(?!=)|:(?!:)|\()"
# `betas`, `Betas`, `BETAS` (so `DEFAULT_BETAS`, `defaultBetas`, Go's `Betas:` too): three
# literal-first passes are several times faster than one case-insensitive one.
_BETAS_KEYS = tuple(
    re.compile(f"(?P<w>{word})" + _BETAS_TAIL, _A) for word in ("betas", "Betas", "BETAS")
)
# Other keys whose value is a list of beta names: Bedrock's body field `anthropic_beta`,
# the `beta_headers` lists of client libraries (Elixir, Python wrappers), an Elixir client's
# `beta: [...]` option. Only the exact identifier counts (no `my_beta_headers`), and as for
# `betas`, only a value holding something name-like (not Adam's `beta=0.9`).
_LIST_WORDS = ("anthropic_beta", "anthropicBeta", "beta_headers", "betaHeaders", "beta")
# One pattern per list key, then Elixir's attribute: matches "anthropic_beta=" or "beta_headers:";
# not "anthropic_beta ==" (a comparison).
_LIST_KEYS = (
    *(re.compile(f"(?P<w>{word})" + _BETAS_TAIL, _A) for word in _LIST_WORDS),
    # An Elixir module attribute: `@beta_headers ["a", "b"]` (no separator).
    re.compile(r"@(?P<w>beta_headers)(?P<q>)[ \t]+(?P<sep>)(?=\[)", _A),
)
# Every key pattern above starts with its word, and each word holds one stem exactly once:
# the patterns are tried only where a stem stands (`str.find` jumps between those far faster
# than nine regex passes over the text), at the stem's offset in the word.
_KEY_PATTERNS = (*_BETAS_KEYS, *_LIST_KEYS)
_KEY_WORDS = ("betas", "Betas", "BETAS", *_LIST_WORDS, "@beta_headers")
_KEY_STEMS = ("beta", "Beta", "BETA")
_KEY_TRIES = tuple(
    (stem, tuple((i, word.index(stem)) for i, word in enumerate(_KEY_WORDS) if stem in word))
    for stem in _KEY_STEMS
)


def _key_matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    """`pattern.finditer(text, start, end)` for each of `_KEY_PATTERNS`, pattern after
    pattern. A match is its word and a tail of quotes, blanks and separators, so no other
    match of its pattern can start inside it: trying each stem's place is the whole scan."""
    found: list[list[re.Match[str]]] = [[] for _ in _KEY_PATTERNS]
    for stem, tries in _KEY_TRIES:
        at = text.find(stem, start, end)
        while at >= 0:
            for index, offset in tries:
                if at - offset >= start:
                    match = _KEY_PATTERNS[index].match(text, at - offset, end)
                    if match is not None:
                        found[index].append(match)
            at = text.find(stem, at + 1, end)
    return [match for matches in found for match in matches]


# A builder call's tail, its `add`/`with`/`Anthropic` prefix checked in Python: matches "Beta(",
# "Betas (" or "Beta.of("; not "Beta.with(" or "Beta ,".
_ADD_BETA = re.compile(r"Beta(?:s?[ \t]*\(|\.of[ \t]*\()", _A)
# An SDK constant: matches "AnthropicBetaFilesAPI2025_04_14" (Go) or
# "AnthropicBeta.FILES_API_2025_04_14" (Java); not "MyAnthropicBetaFiles2025_04_14" (a longer
# identifier) or "AnthropicBetaFiles" (no date).
_CONSTANT = re.compile(CONSTANT, _A)
# From inside one builder call to the next `.addBeta(` of the same chain: no statement end,
# no block, and every line break followed by a `.` call (Java/Kotlin chain layout).
_CHAIN_GAP = re.compile(r"[^;{}\n]*(?:\n[ \t]*\.[^;{}\n]*)*", _A)
_MAX_CHAIN_GAP = 2000
# Claude model ids (`claude-3-5-sonnet-20241022`, `claude-opus-4-1-20250805`) are the most
# common `-20YYMMDD` tokens; the lookbehinds drop them here, before any Python work.
_WEAK_TAIL = re.compile(
    r"-20\d\d(?:-\d{1,2}-\d{1,2}|\d{4}(?<!-\d-20\d{6})(?<!sonnet-20\d{6})(?<!haiku-20\d{6})"
    r"(?<!opus-20\d{6}))(?=\.*(?![A-Za-z0-9_.\-]))",
    _A,
)
# A weak token's feature, after any leading dots or hyphens (fullmatch): matches
# "--files-api-2025-04-14" or "files-api-20250414"; not "files_api-2025-04-14" or "2025-04-14".
_WEAK_SHAPE = re.compile(
    r"[.\-]*(?P<feature>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)-20\d\d(?:-\d{1,2}-\d{1,2}|\d{4})",
    _A,
)
# Families that share the feature-date shape but are never betas (model ids, platform
# version strings, docs anchors); a one-edit typo match must not turn them into one.
_NEVER_FEATURE = re.compile(
    r"claude-(?:\d|instant|opus|sonnet|haiku|v\d)|gpt-|chatgpt|o\d(?:-|$)|gemini|text-|davinci"
    r"|babbage|bedrock$|vertex$|anthropic-version|deprecated-version",
    _A,
)
# After a quoted key: `=>` (PHP, Ruby, Elixir), `:=`, `=`, `:`, `,` (a call or tuple pair),
# Kotlin's `"anthropic-beta" to "…"`.
_SEP_AFTER_QUOTED_KEY = re.compile(
    r"[ \t]*(?:\][ \t]*)?(?P<sep>=>|:=|=(?!=)|:(?!:)|,|(?<=[ \t])to(?=[ \t]))[ \t]*", _A
)
# The colon after an unquoted header key: matches " :" in "anthropic-beta : x"; not "::" (a path).
_COLON_AFTER_KEY = re.compile(r"[ \t]*:(?!:)", _A)
# The separator after an env key, spaces included: matches " = " or ": "; not "==" or "::".
_EQ_AFTER_KEY = re.compile(r"[ \t]*(?P<sep>=(?!=)|:(?!:))[ \t]*", _A)
# The blank between an env key and its value word (`ENV KEY value`): matches "  " before "a";
# not blanks that end the line.
_ENV_WORD_SEP = re.compile(r"[ \t]+(?=\S)", _A)
# What may precede a space-separated env key on its line: matches "ENV ", "export " or
# "  setenv -x "; not "echo ".
_ENV_LINE_PREFIX = re.compile(
    r"[ \t]*(?:ENV|(?:set|export|setenv)(?:[ \t]+-[A-Za-z]+)*)[ \t]+$", _A
)
# A Go definition `AnthropicBetaX [AnthropicBeta] = "x-…"`: the string is the name as sent.
_GO_DEFINITION = re.compile(
    r'(?:[ \t]+[A-Za-z_][A-Za-z0-9_.]*)?[ \t]*:?=(?!=)[ \t]*"(?P<value>[A-Za-z0-9_.\-]{1,200})"', _A
)
# A date-like tail in a lowered name: matches "-2025-04-14" in "files-api-2025-04-14" or
# "_20250414"; not "1999" (not 20xx).
_DATEISH = re.compile(r"[-_]?20\d\d(?:[-_]?\d{1,2}[-_]?\d{1,2})?", _A)
# A Go constant's date tail: matches "2025_04_14" or "20250414" at the end; not "2025_4_14".
_GO_DATE = re.compile(r"(?P<y>\d{4})_(?P<m>\d{2})_(?P<d>\d{2})$|(?P<n>\d{8})$", _A)
# The words of a CamelCase Go constant: finds "Files", "API" in "FilesAPI" and "MCP", "Client" in
# "MCPClient"; never an underscore.
_GO_WORDS = re.compile(r"[A-Z]+(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|\d+[a-z]*|[A-Z]+", _A)


# --------------------------------------------------------------------------- constants


def canonical_for_constant(identifier: str, vocab: Vocabulary) -> str:
    """The beta name an SDK constant stands for; derived from its spelling when unknown.

    `AnthropicBetaFilesAPI2025_04_14` (Go) and `FILES_API_2025_04_14` (Java) both map to
    `files-api-2025-04-14`.
    """
    body = identifier.removeprefix("AnthropicBeta")
    known = vocab.compact.get(compact_form(body))
    if known is not None:
        return known
    if "_" in body and body.upper() == body:  # Java / Kotlin / Ruby constant
        return body.lower().replace("_", "-")
    date = _GO_DATE.search(body)
    if date is None:
        return "-".join(w.lower() for w in _GO_WORDS.findall(body))
    tail = date.group("n") or f"{date.group('y')}-{date.group('m')}-{date.group('d')}"
    words = [w.lower() for w in _GO_WORDS.findall(body[: date.start()])]
    return "-".join([*words, tail])


# --------------------------------------------------------------------------- collection


class _Collector:
    """Candidates and issues of one scan; offsets may be mapped (notebooks)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.strong: dict[tuple[int, int], Candidate] = {}
        self.weak: list[Candidate] = []
        self.issues: dict[tuple[int, int], HeaderSyntaxIssue] = {}
        self.next_group = 0
        self.weak_cache: dict[str, int] = {}

    def group(self) -> int:
        self.next_group += 1
        return self.next_group - 1

    def name_like(self, item: str, *, near: bool = True) -> bool:
        """Does a string look like a beta name (date tail, or a registry feature nearby)?
        With `near=False` a dateless string must be a registry feature itself."""
        if is_foreign(item):  # name-shaped around its foreign characters?
            item = skeleton(item, stand_ins=False)
        lower = item.lower().replace("_", "-")
        date = _DATEISH.search(lower)
        feature = (lower[: date.start()] if date else lower).strip("-")
        if date is not None and date.start() > 0 and feature and feature[0].isalpha():
            return True
        return bool(feature) and (
            feature in self.vocab.features
            or (near and len(feature) >= 4 and self.vocab.near_feature(feature))
        )


class _Region:
    """One stretch of text in one language (a whole file, a fence, a notebook cell)."""

    __slots__ = ("comments", "end", "lang", "prose", "start", "text")

    def __init__(self, text: str, start: int, end: int, lang: Lang, prose: bool = False) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lang = lang
        self.prose = prose
        self.comments: CommentIndex | None = None

    def bounded(self, pos: int, bound: int) -> _Region:
        """This region, ending at `bound` (the next key) when that is on the line of `pos`:
        a value never runs into the next key on its line, so a line of many keys is read
        once, not once per key. A key on a later line may sit in a comment inside a
        multi-line value, so it bounds nothing."""
        if bound >= self.end or self.text.find("\n", pos, bound) >= 0:
            return self
        return self.cut(bound)

    def cut(self, end: int) -> _Region:
        """This region up to `end` (same text, language and comment index)."""
        if end >= self.end:
            return self
        view = _Region(self.text, self.start, end, self.lang, self.prose)
        view.comments = self.comments
        return view


_MAX_LINE_BACK = 4000  # how far back a key's line start is looked for (minified code)


def _line_start(text: str, pos: int, width: int = _MAX_LINE_BACK) -> int:
    """Start of the line holding `pos`, or -1 when it is more than `width` back."""
    newline = text.rfind("\n", max(0, pos - width), pos)
    if newline < 0 and pos > width:
        return -1
    return newline + 1


def _line_indent(text: str, pos: int) -> int:
    line_start = _line_start(text, pos)
    if line_start < 0:
        return _MAX_LINE_BACK  # a key deep in a long line heads no block list
    i = line_start
    while i < pos and text[i] in " \t":
        i += 1
    return len(text[line_start:i].expandtabs())


# Header names, which a table of header spellings holds as values; never beta names.
_HEADER_NAME = re.compile(r"(?i:(?:x-)?anthropic-(?:beta|version))", _A)


def _emit(
    out: _Collector,
    region: _Region,
    pieces: list[Piece],
    context: Context,
    *,
    filter_names: bool = False,
    group: int | None = None,
) -> None:
    if not pieces:
        return
    text = region.text
    if filter_names or any(p.foreign for p in pieces):
        # An item with foreign characters is a name only when it is name-shaped around them.
        pieces = [
            p
            for p in pieces
            if p.constant
            or not (filter_names or p.foreign)
            # In a computed value (a call that builds more than a list: `Agent(model=M(["tool"]))`)
            # a dateless word near a feature is some other string, not a misspelt beta.
            or out.name_like(text[p.start : p.end], near=not filter_names)
        ]
        if not pieces:
            return
    if group is None:
        group = out.group()
    for piece in pieces:
        key = (piece.start, piece.end)
        if key in out.strong:
            continue
        if not piece.constant and _HEADER_NAME.fullmatch(text, piece.start, piece.end):
            continue  # a header name as a value (a header-casing table), not a beta
        written = text[piece.start : piece.end]
        if piece.constant:
            out.strong[key] = Candidate(
                piece.start,
                piece.end,
                written,
                canonical_for_constant(written, out.vocab),
                "sdk-constant",
                True,
                group,
            )
        else:
            out.strong[key] = Candidate(piece.start, piece.end, written, None, context, True, group)


def _emit_issues(out: _Collector, issues: list[RawIssue]) -> None:
    for issue in issues:
        out.issues.setdefault(
            (issue.start, issue.end),
            HeaderSyntaxIssue(issue.start, issue.end, issue.message, issue.replacement),
        )


def _header_scalars(
    out: _Collector,
    region: _Region,
    spans: list[tuple[int, int]],
    context: Context,
    joined: frozenset[int] | range = frozenset(),
) -> None:
    """Items of header-like scalars (header values, env values), with BL103 checks."""
    _emit(out, region, _header_strings(out, region.text, spans, joined, True), context)


def _header_strings(
    out: _Collector,
    text: str,
    spans: list[tuple[int, int]],
    joined: frozenset[int] | range,
    check_syntax: bool,
) -> list[Piece]:
    """Items of the header value in `spans`; spans[i] for i in `joined` continues spans[i - 1]
    (`"a," "b"`, `"a," + "b"`), so a separator at that edge is no empty item."""
    pieces: list[Piece] = []
    for i, (start, end) in enumerate(spans):
        items, issues = header_items(
            text,
            start,
            end,
            check_syntax=check_syntax,
            open_start=i in joined,
            open_end=i + 1 in joined,
        )
        if i in joined and _split_across(text, spans[i - 1], (start, end)):
            # One item cut in two literals ("files-" "api-…"): neither half is a name.
            if pieces and pieces[-1].end == _trimmed_end(text, *spans[i - 1]):
                pieces.pop()
            if items and items[0].start == _trimmed_start(text, start, end):
                items = items[1:]
        pieces.extend(items)
        _emit_issues(out, issues)
    return pieces


def _trimmed_start(text: str, start: int, end: int) -> int:
    return end - len(text[start:end].lstrip())


def _trimmed_end(text: str, start: int, end: int) -> int:
    return start + len(text[start:end].rstrip())


def _split_across(text: str, before: tuple[int, int], after: tuple[int, int]) -> bool:
    """Does an item run on from the literal `before` into `after` (no separator between)?"""
    last = _trimmed_end(text, *before)
    first = _trimmed_start(text, *after)
    return (
        last > before[0]
        and first < after[1]
        and text[last - 1] in _TOKEN_CHARS
        and text[first] in _TOKEN_CHARS
    )


def _expression_value(
    out: _Collector,
    region: _Region,
    pos: int,
    context: Context,
    *,
    header: bool,
    inside_call: bool = False,
    pair: bool = False,
    group: int | None = None,
) -> None:
    """Read a program expression after a key and emit its items."""
    found = read_expression(
        region.text,
        pos,
        region.end,
        hash_comments=region.lang in HASH_COMMENT_LANGS,
        inside_call=inside_call,
        join_lines=region.lang in _ADJACENT_LINES_LANGS,
    )
    if found is None:
        return
    strings, pieces, loose, joined = found
    text = region.text
    if header and not loose:
        pieces.extend(_header_strings(out, text, strings, joined, not pair))
    else:
        for start, end in strings:
            pieces.extend(list_items(text, start, end))
    pieces.sort()
    if context == "betas-list":
        # A `betas` list that holds nothing name-like is some other `betas` (Adam, stats).
        if not any(p.constant or out.name_like(text[p.start : p.end]) for p in pieces):
            return
        _emit(out, region, pieces, context, filter_names=loose, group=group)
    else:
        _emit(out, region, pieces, context, filter_names=loose or pair, group=group)


def _quoted_key_value(
    out: _Collector, region: _Region, key_start: int, key_end: int, context: Context
) -> None:
    """`"anthropic-beta": v`, `"ANTHROPIC_BETA" => v`, `headers["anthropic-beta"] = v`,
    and call pairs `set("anthropic-beta", v)`."""
    text = region.text
    if _in_code_span(text, key_start, region):
        return  # prose quoting code (a docstring, a comment): its names are weak tokens
    sep = _SEP_AFTER_QUOTED_KEY.match(text, key_end, region.end)
    header = context in ("header-value", "env")
    if sep is None:
        _value_before_key(out, region, key_start, context)
        return
    kind = sep.group("sep")
    if kind == ",":
        before = text[max(region.start, key_start - 40) : key_start].rstrip()
        # A call pair `add("anthropic-beta", v)`, a list pair, or a tuple in a keyword list
        # (Elixir `{"anthropic-beta", v}`, C++ `{"anthropic-beta", v}` initialisers).
        if not before.endswith(("(", "[", "{")):
            return
        _expression_value(out, region, sep.end(), context, header=header, pair=True)
        return
    if kind == ":" and region.lang == "yaml":
        spans = read_yaml_value(text, sep.end(), region.end, _line_indent(text, key_start))
        _header_scalars(out, region, spans, context)
        return
    _expression_value(out, region, sep.end(), context, header=header)


# Swift and Objective-C name the header after its value:
# `request.setValue("a,b", forHTTPHeaderField: "anthropic-beta")`, `[r setValue:@"a"
# forHTTPHeaderField:@"anthropic-beta"]`.
_HEADER_FIELD_LABEL = re.compile(r"forHTTPHeaderField[ \t]*:[ \t]*@?\Z", _A)
# The value call before `forHTTPHeaderField:` (Swift, ObjC): matches "setValue(" or "addValue: @";
# not "setValue " (no argument).
_VALUE_CALL = re.compile(r"(?:setValue|addValue)[ \t]*[(:][ \t]*@?", _A)
_MAX_CALL_BACK = 400


def _value_before_key(out: _Collector, region: _Region, key_start: int, context: Context) -> None:
    """The value argument of a call that names the header after it (Swift, ObjC)."""
    text = region.text
    low = max(region.start, key_start - _MAX_CALL_BACK)
    if _HEADER_FIELD_LABEL.search(text, max(low, key_start - 30), key_start) is None:
        return
    calls = list(_VALUE_CALL.finditer(text, low, key_start))
    if not calls:
        return
    view = region.bounded(calls[-1].end(), key_start)
    _expression_value(out, view, calls[-1].end(), context, header=context != "betas-list")


# Languages where a backtick opens a string, so it never marks prose quoting code.
_BACKTICK_STRINGS = frozenset({"js", "go"})


def _in_code_span(text: str, pos: int, region: _Region) -> bool:
    """Is `pos` inside a `code span` on its line (an odd number of backticks before it)?"""
    if region.lang in _BACKTICK_STRINGS:
        return False
    line_start = max(region.start, text.rfind("\n", 0, pos) + 1, pos - 4000)
    return text.count("`", line_start, pos) % 2 == 1


def _key_quote(
    text: str, start: int, end: int, floor: int, joined: frozenset[str] = _TOKEN_CHARS
) -> tuple[str, int] | None:
    """The quote around a key at [start, end) ('' if bare) and where the key token starts;
    None when a `joined` character before it makes the key part of a longer word."""
    before = text[start - 1] if start > floor else ""
    if before in _QUOTES and before and end < len(text) and text[end] == before:
        outer = text[start - 2] if start - 1 > floor else ""
        if outer and outer in joined:
            return None
        return before, start - 1
    if before and before in joined:
        return None
    return "", start


def _key_regions(
    region: _Region, keys: list[re.Match[str]], back: int = 0
) -> Iterator[tuple[re.Match[str], _Region]]:
    """Each key with the region its value is read in (bounded by the next key on its line;
    `back` is how far before its match a key starts)."""
    for i, key in enumerate(keys):
        bound = keys[i + 1].start() - back if i + 1 < len(keys) else region.end
        view = region.bounded(key.end(), bound)
        span_end = _prose_value_end(view, key.start() - back, key.end())
        yield key, view if span_end is None else view.cut(span_end)


def _prose_value_end(region: _Region, key_start: int, key_end: int) -> int | None:
    """Where a value in prose ends: at the closing backtick of the code span holding its key,
    else at the end of its line (prose never continues a value on the next line). None for
    code outside code spans, whose values may span lines."""
    text = region.text
    in_span = _in_code_span(text, max(region.start, key_start), region)
    if not (region.prose or in_span):
        return None
    line_end = text.find("\n", key_end, region.end)
    line_end = region.end if line_end < 0 else line_end
    if in_span:
        close = text.find("`", key_end, line_end)
        if close >= 0:
            return close
    return line_end


# Other header names that carry the same values: OpenRouter's `x-anthropic-beta`, gateway
# prefixes (`x-portkey-anthropic-beta`), `header:anthropic-beta` keys of proxy configs.
_HEADER_PREFIX = re.compile(r"(?:[A-Za-z][A-Za-z0-9]*[-:])+\Z", re.ASCII)
_MAX_PREFIX = 40


def _header_prefix_start(text: str, start: int, floor: int) -> int:
    """Where a prefixed header key starts (`x-` of `x-anthropic-beta`), else `start`."""
    if start <= floor or text[start - 1] not in "-:":
        return start
    low = max(floor, start - _MAX_PREFIX)
    found = _HEADER_PREFIX.search(text, low, start)
    if found is None:
        return start
    first = found.start()
    if first > floor and (text[first - 1] in _TOKEN_CHARS or text[first - 1] == ":"):
        return start  # part of a longer word or path: not a header name
    return first


def _open_end(region: _Region, whole: _Region, spans: list[tuple[int, int]]) -> frozenset[int]:
    """`joined` marking the last span as open when it runs into the next key (the region
    was cut there, and only separators lie between)."""
    if region is whole or not spans or region.end - spans[-1][1] > 200:
        return frozenset()
    between = region.text[spans[-1][1] : region.end]
    return frozenset({len(spans)}) if not between.strip(" \t,;") else frozenset()


def _scan_header_keys(out: _Collector, whole: _Region) -> None:
    text = whole.text
    keys = list(_HEADER_KEY.finditer(text, whole.start, whole.end))
    for found, region in _key_regions(whole, keys, len("anthropic")):
        start, end = found.start() - len("anthropic"), found.end()
        if start < region.start:
            continue
        start = _header_prefix_start(text, start, region.start)
        quoted = _key_quote(text, start, end, region.start)
        if quoted is None:
            continue
        quote, key_start = quoted
        if quote:
            _quoted_key_value(out, region, key_start, end + 1, "header-value")
            continue
        colon = _COLON_AFTER_KEY.match(text, end, region.end)
        if colon is None:
            continue
        before = text[start - 1] if start > region.start else ""
        enclosing = before if before in _QUOTES and before else None
        # A value cut at the next key on its line (`a, anthropic-beta: b` in prose) ends
        # open: the separator before that key is no empty item.
        if enclosing is None and region.lang == "yaml":
            spans = read_yaml_value(text, colon.end(), region.end, _line_indent(text, start))
            _header_scalars(out, region, spans, "header-value", _open_end(region, whole, spans))
            continue
        if enclosing is not None and region.lang not in _SHELL_LANGS:
            spans = read_header_strings(text, colon.end(), region.end, enclosing)
            joined = frozenset(range(1, len(spans))) | _open_end(region, whole, spans)
            _header_scalars(out, region, spans, "header-value", joined)
            continue
        # Shell words next to each other are separate arguments, never one value.
        word = region.lang == "shell" and enclosing is None
        span = read_header_line(text, colon.end(), region.end, enclosing, word=word)
        if span is not None:
            _header_scalars(out, region, [span], "header-value", _open_end(region, whole, [span]))


def _scan_env_keys(out: _Collector, whole: _Region) -> None:
    text = whole.text
    keys = list(_ENV_KEY.finditer(text, whole.start, whole.end))
    for match, region in _key_regions(whole, keys):
        quoted = _key_quote(text, match.start(), match.end(), region.start, _IDENT_CHARS)
        if quoted is None:
            continue
        quote, key_start = quoted
        if not quote and text[max(region.start, key_start - 2) : key_start].endswith(("$", "${")):
            continue  # a read ($ANTHROPIC_BETA, ${ANTHROPIC_BETA:-...}), not an assignment
        if quote:
            _quoted_key_value(out, region, key_start, match.end() + 1, "env")
            continue
        before = text[match.start() - 1] if match.start() > region.start else ""
        enclosed = bool(before) and before in _QUOTES
        sep = _EQ_AFTER_KEY.match(text, match.end(), region.end)
        if sep is None:
            word_sep = _ENV_WORD_SEP.match(text, match.end(), region.end)
            line_start = _line_start(text, match.start(), 200)
            if (
                word_sep is not None
                and line_start >= 0
                and _ENV_LINE_PREFIX.match(text, line_start, match.start())
            ):
                span = read_shell_word(text, word_sep.end(), region.end)
                if span is not None:
                    _header_scalars(out, region, [span], "env")
            continue
        if region.lang in CODE_LANGS and not enclosed:
            _expression_value(out, region, sep.end(), "env", header=True)
        elif sep.group("sep") == ":":
            indent = _line_indent(text, match.start())
            spans = read_yaml_value(text, sep.end(), region.end, indent)
            _header_scalars(out, region, spans, "env")
        else:
            span = read_shell_word(text, sep.end(), region.end)
            if span is not None:
                _header_scalars(out, region, [span], "env")


def _identifier_start(text: str, end: int, floor: int) -> int:
    start = end
    low = max(floor, end - 64)
    while start > low and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return start


# What must follow a betas key in prose: matches " [", ' "a', " %w[" or " AnthropicBeta";
# not " files and".
_PROSE_LIST_START = re.compile(r"[ \t]*(?:[\[\"'({]|%[wWiI]|AnthropicBeta)", _A)


def _scan_betas_keys(out: _Collector, whole: _Region) -> None:
    text = whole.text
    matches = _key_matches(text, whole.start, whole.end)
    matches.sort(key=lambda m: m.start())
    # `beta` inside `anthropic_beta` is no key of its own (nor a bound for that key's value).
    kept: list[re.Match[str]] = []
    for match in matches:
        if not kept or match.start() >= kept[-1].end():
            kept.append(match)
    for match, region in _key_regions(whole, kept):
        name_end = match.end("w")
        ident_start = _identifier_start(text, match.start(), region.start)
        ident = text[ident_start:name_end]
        if match.group("w") in _LIST_WORDS:
            if ident_start != match.start():
                continue
        elif not (
            ident.lower() == "betas"
            or text[match.start() - 1] == "_"
            or (text[match.start()] == "B" and text[match.start() - 1].islower())
        ):
            continue
        quote = match.group("q")
        before = text[ident_start - 1] if ident_start > 0 else ""
        if quote and before != quote:
            continue
        if before == "-" or (before.isalnum() and before.isascii()):
            continue
        sep = match.group("sep")
        if region.prose and not _PROSE_LIST_START.match(text, match.end(), region.end):
            continue  # prose (`the betas: files and pdfs`): only a literal list or string
        if sep == "(":
            if ident == "betas" and before == ".":
                _expression_value(
                    out, region, match.end(), "betas-list", header=False, inside_call=True
                )
            continue
        if sep == ":" and region.lang == "yaml":
            spans = read_yaml_value(text, match.end(), region.end, _line_indent(text, ident_start))
            pieces: list[Piece] = []
            for start, end in spans:
                pieces.extend(list_items(text, start, end))
            if any(out.name_like(text[p.start : p.end]) for p in pieces):
                _emit(out, region, pieces, "betas-list")
            continue
        _expression_value(out, region, match.end(), "betas-list", header=False)


def _scan_add_beta(out: _Collector, whole: _Region) -> None:
    """Java/Kotlin builders: `.addBeta(...)`, `.addBetas(...)`, `AnthropicBeta.of(...)`.

    The calls of one builder chain (`.addBeta(a)` `.model(m)` `.addBeta(b)`) build one list,
    so their items share a group and a repeated name is a duplicate (BL301).
    """
    text = whole.text
    chain_end = -1  # where the previous builder call's argument starts
    chain_group: int | None = None
    keys = list(_ADD_BETA.finditer(text, whole.start, whole.end))
    for match, region in _key_regions(whole, keys):
        start = match.start()
        if match.group().startswith("Beta."):
            prefix = "Anthropic"
        elif text.startswith("add", start - 3):
            prefix = "add"
        elif text.startswith("with", start - 4):
            prefix = "with"
        else:
            continue
        ident_start = start - len(prefix)
        if not text.startswith(prefix, ident_start):
            continue
        if ident_start > region.start and text[ident_start - 1] in _IDENT_CHARS:
            continue
        group = None
        if prefix != "Anthropic":
            chained = (
                0 <= chain_end < ident_start <= chain_end + _MAX_CHAIN_GAP
                and text[chain_end:ident_start].rstrip(" \t").endswith(".")
                and _CHAIN_GAP.fullmatch(text, chain_end, ident_start) is not None
            )
            if not chained:
                chain_group = out.group()
            group, chain_end = chain_group, match.end()
        _expression_value(
            out, region, match.end(), "betas-list", header=False, inside_call=True, group=group
        )


# A converter arm after a constant: matches ' => "x' in `AnthropicBeta.X => "x-…"`; not " => x".
_MAPPED_AFTER = re.compile(r"[ \t]*=>[ \t\r\n]*\"", _A)
# A converter arm before a constant (searched up to it): matches '" => ' in
# `"x-…" => AnthropicBeta.X`; not "x => ".
_MAPPED_BEFORE = re.compile(r"\"[ \t]*=>[ \t\r\n]*\Z", _A)


# A collection typed by the SDK's beta enum (C# `new List<AnthropicBeta> { … }`,
# `AnthropicBeta[] x = { … }`, `List<ApiEnum<string, AnthropicBeta>>`, Kotlin
# `listOf<AnthropicBeta>(…)`) is one list: its items share a group, so BL301 sees repeats.
_TYPED_LIST = re.compile(
    r"AnthropicBeta(?:Enum)?(?:>[ \t]*)+(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*)?(?:new[ \t]*)?"
    r"(?:\([ \t]*\))?[ \t\r\n]*[\[{(]"
    r"|AnthropicBeta(?:Enum)?\[\][ \t]*(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*)?"
    r"(?:new[ \t]*\[\][ \t]*)?\{",
    _A,
)


def _scan_typed_lists(out: _Collector, region: _Region) -> None:
    text = region.text
    for match in _TYPED_LIST.finditer(text, region.start, region.end):
        _expression_value(out, region, match.end(), "betas-list", header=False, inside_call=True)


def _scan_constants(out: _Collector, region: _Region) -> None:
    text = region.text
    for match in _CONSTANT.finditer(text, region.start, region.end):
        key = constant_span(match)
        if key in out.strong:
            continue
        definition = _GO_DEFINITION.match(text, key[1], region.end) if match["go"] else None
        if definition is not None:
            # A definition (vendored SDK) names its beta once: report the string, which is
            # what is sent, so a typo in the value is caught and a fix edits the value. It
            # keeps weak-string semantics: the SDK's own names are never called malformed.
            s, e = definition.span("value")
            context: Context = "comment" if _in_comment(region, s) else "string"
            if region.prose:
                context = "markdown"
            # Stored with the claimed spans so the weak pass does not add it a second time.
            out.strong[(s, e)] = Candidate(s, e, text[s:e], None, context, False, None)
            continue
        if _MAPPED_AFTER.match(text, key[1], region.end) or _MAPPED_BEFORE.search(
            text, max(region.start, match.start() - 200), match.start()
        ):
            # A converter's switch arm (`"x-…" => AnthropicBeta.X`, `AnthropicBeta.X => "x-…"`,
            # C# SDKs) maps the constant to its string: the string, reported as a weak
            # token, is the one finding, as for a Go definition.
            continue
        written = text[key[0] : key[1]]
        out.strong[key] = Candidate(
            key[0],
            key[1],
            written,
            canonical_for_constant(written, out.vocab),
            "sdk-constant",
            True,
            None,
        )


def _weak_feature_ok(token: str, vocab: Vocabulary) -> int:
    """Offset of the name inside a `feature-date` token whose feature is (nearly) a registry
    feature, or -1. Leading dots and hyphens (`--flag-...`, `...name`) are not part of it."""
    shape = _WEAK_SHAPE.fullmatch(token)
    if shape is None:
        return -1
    feature = shape.group("feature").lower()
    if _NEVER_FEATURE.match(feature):
        return -1
    if feature in vocab.features or (len(feature) >= 4 and vocab.near_feature(feature)):
        return shape.start("feature")
    return -1


def _token_start(text: str, pos: int, floor: int) -> int:
    """Start of the token that ends at `pos` (str.rstrip does the walk in C); -1 if overlong."""
    for width in (64, _MAX_TOKEN):
        low = max(floor, pos - width)
        window = text[low:pos]
        run = len(window) - len(window.rstrip(_TOKEN_STR))
        if run < len(window) or low == floor:
            return pos - run
    return -1  # an overlong token (data, hashes): not a name


def _in_comment(region: _Region, offset: int) -> bool:
    if region.comments is None:
        region.comments = CommentIndex(region.text, region.start, region.end, region.lang)
    return region.comments.in_comment(offset)


_MAX_WIDEN = 64


def _widen(
    text: str, start: int, end: int, region: _Region, vocab: Vocabulary
) -> tuple[int, int, int]:
    """A weak token grown over the invisible or look-alike characters next to it (and the
    token characters beyond them), so `fils-api-2025-04-14` + U+200B or `files-` + Cyrillic
    U+0430 + `pi-…` is one candidate holding them (BL104), never a clean name beside a hidden
    character. Returns (start, end, offset of the name or -1) like the plain path."""
    s = start
    low = max(region.start, start - _MAX_WIDEN)
    while s > low and (text[s - 1] in _TOKEN_CHARS or weak_joinable(text[s - 1])):
        s -= 1
    e = end
    high = min(region.end, end + _MAX_WIDEN)
    while e < high and weak_joinable(text[e]):
        e += 1
    if (s, e) != (start, end) and _weak_feature_ok(skeleton(text[s:e]), vocab) == 0:
        return s, e, 0
    return start, end, _weak_feature_ok(text[start:end], vocab)


def _scan_weak(out: _Collector, region: _Region) -> None:
    text = region.text
    vocab = out.vocab
    cache = out.weak_cache
    for match in _WEAK_TAIL.finditer(text, region.start, region.end):
        end = match.end()
        start = _token_start(text, match.start(), region.start)
        if start < 0:
            continue
        if (start > region.start and not text[start - 1].isascii()) or (
            end < region.end and not text[end].isascii()
        ):
            start, end, skip = _widen(text, start, end, region, vocab)
        else:
            token = text[start:end]
            cached = cache.get(token)
            if cached is None:
                cached = cache[token] = _weak_feature_ok(token, vocab)
            skip = cached
        if skip < 0:
            continue
        start += skip
        context: Context
        if region.prose:
            context = "markdown"
        else:
            context = "comment" if _in_comment(region, start) else "string"
        out.weak.append(Candidate(start, end, text[start:end], None, context, False, None))


# A positional argument that is a literal list (Python/JS `[`, Go `[]string{`, Ruby `%w[`,
# Kotlin `listOf(`), not a variable: only a literal is known to hold names.
_LITERAL_LIST = re.compile(r"[ \t\r\n]*(?:\[|%[wW][\[(]|(?:List\.of|listOf|arrayOf|vec!)[\[(])", _A)


def _scan_helper_calls(out: _Collector, region: _Region) -> None:
    """Lists passed by position to a helper whose betas parameter is visible in the file."""
    text = region.text
    for pos in helper_arguments(text, region.start, region.end):
        if _LITERAL_LIST.match(text, pos, region.end):
            _expression_value(out, region, pos, "betas-list", header=False)


def _scan_region(out: _Collector, region: _Region) -> None:
    if _may_hold_keys(region.text, region.start, region.end):
        _scan_header_keys(out, region)
        _scan_env_keys(out, region)
        _scan_betas_keys(out, region)
        _scan_add_beta(out, region)
        _scan_typed_lists(out, region)
        _scan_constants(out, region)
        if region.lang in CODE_LANGS:
            _scan_helper_calls(out, region)
    _scan_weak(out, region)


_CHUNK = 1 << 16  # lowered a slice at a time: no copy of a whole large file


def _may_hold_keys(text: str, start: int, end: int) -> bool:
    """False only when no strong pass can match in text[start:end]: every key, constant and
    helper pattern holds `beta` in some ASCII case (`anthropic-beta`, `ANTHROPIC_BETA`,
    `betas`, `addBeta`, `AnthropicBeta…`). Most files that pass the byte prefilter hold only
    dates; for them one lowered `in` test replaces seven passes (`str.lower` lowers each
    ASCII letter alone, so every ASCII-case `beta` reads `beta`)."""
    overlap = len("beta") - 1
    return any(
        "beta" in text[at : min(end, at + _CHUNK + overlap)].lower()
        for at in range(start, end, _CHUNK)
    )


def _scan_into(out: _Collector, text: str, lang: Lang) -> None:
    if lang != "markdown":
        _scan_region(out, _Region(text, 0, len(text), lang))
        return
    for start, end, region_lang in markdown_regions(text, 0, len(text)):
        if region_lang == "markdown":
            _scan_region(out, _Region(text, start, end, "generic", prose=True))
        else:
            _scan_region(out, _Region(text, start, end, region_lang))


def _finish(out: _Collector) -> tuple[list[Candidate], list[HeaderSyntaxIssue]]:
    strong = sorted(out.strong.values(), key=lambda c: (c.start, c.end))
    starts = [c.start for c in strong]
    result = list(strong)
    for cand in out.weak:
        i = bisect_right(starts, cand.start) - 1
        if i >= 0 and strong[i].end > cand.start:
            continue
        if i + 1 < len(strong) and strong[i + 1].start < cand.end:
            continue
        result.append(cand)
    result.sort(key=lambda c: (c.start, c.end))
    issues = sorted(out.issues.values(), key=lambda s: (s.start, s.end))
    return result, issues


def _scan_notebook(text: str, vocab: Vocabulary) -> ScanResult:
    candidates: list[Candidate] = []
    issues: list[HeaderSyntaxIssue] = []
    next_group = 0
    for cell in notebook_cells(text):
        out = _Collector(vocab)
        out.next_group = next_group
        _scan_into(out, cell.text, cell.lang)
        next_group = out.next_group
        found, found_issues = _finish(out)
        for cand in found:
            start, end = cell.raw_span(cand.start, cand.end)
            candidates.append(
                Candidate(
                    start,
                    end,
                    text[start:end],
                    cand.canonical,
                    cand.context,
                    cand.strong,
                    cand.group,
                )
            )
        for issue in found_issues:
            start, end = cell.raw_span(issue.start, issue.end)
            replacement = json.dumps(issue.replacement, ensure_ascii=False)[1:-1]
            issues.append(HeaderSyntaxIssue(start, end, issue.message, replacement))
    return ScanResult(tuple(candidates), tuple(issues))


def scan_text(text: str, path: str, vocab: Vocabulary) -> ScanResult:
    """Scan one file's text; `path` picks the language (unknown suffix: generic scanning)."""
    lang = language_for_path(path)
    if lang == "notebook" and text.lstrip().startswith("{"):
        return _scan_notebook(text, vocab)
    out = _Collector(vocab)
    _scan_into(out, text, "python" if lang == "notebook" else lang)
    candidates, issues = _finish(out)
    return ScanResult(tuple(candidates), tuple(issues))
