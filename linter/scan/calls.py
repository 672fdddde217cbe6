"""The call around a betas list: its span, and the model and tool types it writes as literals.

Issue 16's rules compare a beta with the call that sends it. Precision over recall: a call is
the innermost bracket-balanced `(...)` or `{...}` that holds the betas list or header (one
level up when that is a `headers` object; Python, TS/JS, Go, Ruby, C# object initializers,
Rust, JSON), a Java/Kotlin builder chain (`calls_builders`), a curl command, an `.http`
request, or a YAML list item (model settings: `- name: claude-…` with its `extra_headers`).
Notebook cells and Markdown fences are read in their own language and a call never crosses
their edge. Its model counts only as one string literal, or one SDK model constant
(`sdk_names`), at the call's own level. Anything else (a variable, a conditional, a model in
a nested object or another call) gives no model, and rules stay silent.

Bounded and linear: the bracket walk reads at most `WINDOW` characters each side of the
betas, with one compiled regex pass that skips strings and comments. What a span writes is
read by `calls_literals`; line-based units (curl, `.http`, YAML) live in `calls_text`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

from betalint.linter.scan.calls_builders import builder_chain
from betalint.linter.scan.calls_literals import LEXERS, WINDOW, CallLiterals, lex, literals
from betalint.linter.scan.calls_text import CURL_BODY, curl_call, http_call, yaml_call
from betalint.linter.scan.languages import Lang, language_for_path
from betalint.linter.scan.markdown import markdown_regions
from betalint.linter.scan.notebook import Cell, notebook_cells
from betalint.linter.scan.sdk_names import model_for_constant

__all__ = ["WINDOW", "CallLiterals", "call_literals"]

# The lexers and the curl body pattern under their former names (`call_fields` reads them).
_LEXERS = LEXERS
_CURL_BODY = CURL_BODY

_PAIRS = {")": "(", "]": "[", "}": "{"}
# Between a TS/JS call's body and its request options: matches " ,\n  " (a comma in blanks);
# not ", extra, " (a third argument).
_COMMA = re.compile(r"\s*,\s*")
# After the request options, up to the call's `)`: matches "\n)" or ", )" (a trailing
# comma); not ", signal)" (more arguments).
_CLOSE_CALL = re.compile(r"\s*,?\s*\)")
# Languages whose calls name their arguments (`create(model=…, betas=[…])`, PHP 8's
# `create(model: Model::CLAUDE_SONNET_4_5, betas: […])`); elsewhere a
# request is an object literal and a `(…)` around the betas is some helper's arguments.
_KEYWORD_CALLS: frozenset[Lang] = frozenset({"python", "ruby", "php"})
# The text before a Go slice or array literal's brace, which is a list like `[`: `[]string`,
# `[]anthropic.AnthropicBeta`, `[2]string`; not `Params` or `map[string]string` (objects).
_SLICE = re.compile(r"\[\d*\]\s*\*?[A-Za-z_][\w.]*\s*$")
# The field wrapper of anthropic-sdk-go before v1, which holds a value, not a call: the text
# before its `(`: matches `anthropic.F` in `Betas: anthropic.F([]anthropic.AnthropicBeta{…})`
# and `F`; not `anthropic.New` or `fmt.Sprintf`.
_GO_FIELD = re.compile(r"(?<![\w.])(?:[a-z]\w*\.)?F\s*$")

# A headers object the betas header sits in; the call is one level up. Matches the text just
# before its `{`: `extra_headers=`, `headers: `, `"headers": `, `default_headers = `,
# `defaultHeaders: ` (a client's or a LangChain model's: the call then is the constructor,
# with a model only when it names one, `ChatAnthropic(model="claude-…", default_headers=…)`);
# not `my_headers_list(` (no `=`/`:` right before the brace) or `headers_for(`.
_HEADERS_KEY = re.compile(r"""(?:\b|["'])(?:extra_?|default_?)?headers["']?\s*[:=]\s*$""", re.I)
# The header as a key of the object around the betas: `"anthropic-beta": `, `'anthropic-beta'
# => `, `"Anthropic-Beta" = ` (an object of headers); not `anthropic_beta: [` (Bedrock's body
# field) or `"anthropic-beta-x": `.
_HEADER_ENTRY = re.compile(r"""["']anthropic-beta["']\s*(?::|=>|=)""", re.I)
# The request options a headers object may sit in, one more level below the request: the
# text before their `{`: matches `request_options: ` (anthropic-sdk-ruby), `"requestOptions": `
# (Continue's model settings), `extra_params:`, LangChain.js's `clientOptions: `; not
# `retry: ` or `options = ` (whose?).
_OPTIONS_KEY = re.compile(
    r"""(?:\b|["'])(?:request_?options|requestOptions|clientOptions|extra_?params|extraParams)"""
    r"""["']?\s*[:=]\s*$"""
)
# A call whose own arguments start with the header name sets a header, it is not the request:
# matches `("anthropic-beta", ` in `option.WithHeader("anthropic-beta", "…")` or
# `headers.Add("Anthropic-Beta", `; not `(model="claude-…", ` (a request's own fields).
_HEADER_SETTER = re.compile(r"""\(\s*["']anthropic-beta["']\s*,\s*["'`]?$""", re.I)


def call_literals(text: str, path: str, start: int, end: int) -> CallLiterals | None:
    """The call holding `text[start:end]` (a betas list or header value) and its literals;
    None when no call can be told for certain."""
    memo = _answers(text, path)
    if (start, end) not in memo:
        memo[start, end] = _call_literals(text, path, start, end)
    return memo[start, end]


# Every name of a list, and each call-level rule, asks about the same group's call: answers
# are kept for the last two documents only (an editor's texts of megabytes must not pile
# up). A str caches its hash; CallLiterals is frozen, so sharing an answer is safe.
@lru_cache(maxsize=2)
def _answers(text: str, path: str) -> dict[tuple[int, int], CallLiterals | None]:
    return {}


def _call_literals(text: str, path: str, start: int, end: int) -> CallLiterals | None:
    lang = language_for_path(path)
    if lang == "notebook" and text.lstrip().startswith("{"):
        return _in_cell(text, start, end)
    return _in_language(text, "python" if lang == "notebook" else lang, start, end)


def _in_language(text: str, lang: Lang, start: int, end: int) -> CallLiterals | None:
    if lang == "markdown":
        return _in_fence(text, start, end)
    if lang == "shell":
        return curl_call(text, start, end)
    if lang == "http":
        return http_call(text, start, end)
    if lang == "yaml":
        return yaml_call(text, start, end)
    if lang in ("java", "kotlin"):
        return _builder_literals(text, start, end)
    lexer = LEXERS.get(lang)
    if lexer is None:
        return None  # no call shape known for this language
    span = _enclosing(text, lexer, start, end)
    if span is None or (lang not in ("python", "json") and not _is_object(text, span[0])):
        return None
    if text[span[0]] == "(" and lang not in _KEYWORD_CALLS:
        return None  # positional arguments (`new Set([…])`, `WithHeader(…)`): no request
    if lang == "js":
        request = _body_and_options(text, lexer, span)
        if request is not None:  # `create({ model, … }, { headers: {…} })`: the body's
            body, call = request
            found = literals(text, body, lex(text, lexer, *body), spreads=True)
            return CallLiterals(call[0], call[1], found.model, found.model_span, found.tools)
    lexed = lex(text, lexer, *span)
    # A spread after the model may replace it (`{model: "…", ...opts}`); Python's
    # `f(model=…, **kw)` may not (a repeated keyword is a TypeError).
    spreads = not (lang == "python" and text[span[0]] == "(")
    return literals(text, span, lexed, spreads=spreads)


def _body_and_options(
    text: str, lexer: re.Pattern[str], options: tuple[int, int]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(body, call) when `options` is the second argument of a TS/JS SDK call whose first is
    an object literal: `create({ model: …, … }, { headers: {…} })`; else None."""
    if not text[: options[0]].rstrip().endswith(","):
        return None
    call = _enclosing(text, lexer, options[0], options[1])
    if call is None or text[call[0]] != "(":
        return None
    body_lo = call[0] + 1 + _blank(text, call[0] + 1, options[0])
    if text[body_lo] != "{":
        return None
    body_hi = _closing(text, lexer, body_lo, options[0])
    if body_hi is None or _COMMA.fullmatch(text, body_hi, options[0]) is None:
        return None
    if _CLOSE_CALL.fullmatch(text, options[1], call[1]) is None:
        return None
    return (body_lo, body_hi), call


def _blank(text: str, lo: int, hi: int) -> int:
    """How many blanks start text[lo:hi]."""
    return len(text[lo:hi]) - len(text[lo:hi].lstrip())


def _closing(text: str, lexer: re.Pattern[str], brace: int, limit: int) -> int | None:
    """Just past the bracket that closes the one at `brace`, before `limit`; else None."""
    lexed = lex(text, lexer, brace, limit)
    closers = (
        at for at, depth in zip(lexed.bracket_at, lexed.depth_after, strict=True) if depth == 0
    )
    at = next(closers, None)
    return None if at is None else at + 1


def _builder_literals(text: str, start: int, end: int) -> CallLiterals | None:
    lo = max(0, start - WINDOW)
    if lo:
        lo = text.find("\n", lo, start) + 1 or start  # begin at a line, not mid-token
    chain = builder_chain(text, lo, min(len(text), end + WINDOW), start, end)
    if chain is None:
        return None
    return CallLiterals(chain.start, chain.end, chain.model, chain.model_span, chain.tools)


def _in_fence(text: str, start: int, end: int) -> CallLiterals | None:
    """The call inside the fenced code block holding [start, end), read in the fence's
    language; never one that crosses the fence (prose has no calls)."""
    regions, his = _regions(text)
    i = bisect_left(his, end)  # the first region reaching `end` (regions are in order)
    if i == len(regions):
        return None
    lo, hi, lang = regions[i]
    if lo > start or lang in ("markdown", "generic"):
        return None
    found = _in_language(_fence_text(text, lo, hi), lang, start - lo, end - lo)
    return found and _mapped(found, _shift(lo), text)


# Every betas list of a file asks for its fence or cell: reading the whole document once
# per list made a Markdown file of n fences, or a notebook of n cells, cost n^2. The last few
# documents' regions are kept (a str caches its hash, and a hit compares by identity first);
# only two, as a notebook's decoded cells cost about 17 bytes per character.
@lru_cache(maxsize=2)
def _regions(text: str) -> tuple[tuple[tuple[int, int, Lang], ...], tuple[int, ...]]:
    regions = tuple(markdown_regions(text, 0, len(text)))
    return regions, tuple(hi for _, hi, _ in regions)


@lru_cache(maxsize=4)
def _fence_text(text: str, lo: int, hi: int) -> str:
    """One fence's text, sliced once for all the lists inside it."""
    return text[lo:hi]


@lru_cache(maxsize=2)
def _cells(text: str) -> tuple[tuple[Cell, ...], tuple[int, ...]]:
    """The notebook's non-empty cells, and the raw end of each (cells are in text order)."""
    cells = tuple(cell for cell in notebook_cells(text) if cell.raw_starts)
    return cells, tuple(cell.raw_ends[-1] for cell in cells)


def _in_cell(text: str, start: int, end: int) -> CallLiterals | None:
    """The call inside the notebook cell holding [start, end) (raw offsets), read on the
    cell's decoded source in its language; spans map back to the raw JSON."""
    cells, ends = _cells(text)
    i = bisect_left(ends, end)
    if i == len(cells):
        return None
    cell = cells[i]
    if cell.raw_starts[0] > start:
        return None
    inner_start = bisect_left(cell.raw_starts, start)
    inner_end = bisect_left(cell.raw_ends, end) + 1
    if inner_start >= len(cell.raw_starts) or inner_end > len(cell.raw_ends):
        return None
    found = _in_language(cell.text, cell.lang, inner_start, inner_end)
    return found and _mapped(found, cell.raw_span, text)


def _shift(by: int) -> Callable[[int, int], tuple[int, int]]:
    return lambda start, end: (start + by, end + by)


def _mapped(
    found: CallLiterals, to_outer: Callable[[int, int], tuple[int, int]], text: str
) -> CallLiterals:
    """`found` with its spans in the outer text; a model or tool whose outer text is not
    what was read (an escape in a notebook's JSON string) is dropped, not misplaced."""
    start, end = to_outer(found.start, found.end)
    model, model_span = found.model, found.model_span
    if model_span is not None:
        model_span = to_outer(*model_span)
        if model is not None and text[model_span[0] : model_span[1]] != model:
            model, model_span = _constant_or_none(text, model, model_span)
    tools = tuple((*to_outer(s, e), tool) for s, e, tool in found.tools)
    return CallLiterals(start, end, model, model_span, tools)


def _constant_or_none(
    text: str, model: str, span: tuple[int, int]
) -> tuple[str | None, tuple[int, int] | None]:
    """Keep a model written as an SDK constant (its span holds the constant, not the id)."""
    written = text[span[0] : span[1]]
    return (model, span) if model_for_constant(written) == model else (None, None)


def _slice(text: str, brace: int) -> bool:
    """A list-like opener (a Go slice literal's brace) or a value wrapper (`anthropic.F(`):
    the call is further out."""
    if text[brace] == "(":
        return bool(_GO_FIELD.search(text, max(0, brace - 40), brace))
    return bool(_SLICE.search(text, max(0, brace - 80), brace))


def _enclosing(text: str, lexer: re.Pattern[str], start: int, end: int) -> tuple[int, int] | None:
    """The innermost `(...)`/`{...}` around [start, end), stepping out of a headers object."""
    lo = max(0, start - WINDOW)
    if lo:
        lo = text.find("\n", lo, start) + 1 or start  # begin at a line, not mid-token
    hi = min(len(text), end + WINDOW)
    stack: list[tuple[str, int]] = []
    outer: list[tuple[str, int]] | None = None  # the stack at `start`
    for m in lexer.finditer(text, lo, hi):
        if outer is None and m.end() > start:
            outer = [o for o in stack if o[0] != "[" and not _slice(text, o[1])]
            if not outer:
                return None
            key = _HEADERS_KEY.search(text, max(lo, outer[-1][1] - 40), outer[-1][1])
            if key is not None:
                outer.pop()  # `{"anthropic-beta": …}` is a headers object: take its call
                if outer and _OPTIONS_KEY.search(text, max(lo, outer[-1][1] - 40), outer[-1][1]):
                    outer.pop()  # `request_options: {extra_headers: …}`: the request's options
                if not outer:
                    return None
            elif _headers_object(text, lexer, outer[-1][1], start):
                return None  # a headers object passed on (`buildHeaders([{…}])`): whose call?
            if _HEADER_SETTER.search(text, outer[-1][1], start):
                return None
        token = m.group()
        if token in "([{":
            stack.append((token, m.start()))
        elif token in ")]}":
            if not stack or stack[-1][0] != _PAIRS[token]:
                return None  # unbalanced: the window cannot be read for certain
            opener = stack.pop()
            if outer is not None and opener == outer[-1]:
                return (opener[1], m.end()) if m.start() >= end else None
    return None


def _headers_object(text: str, lexer: re.Pattern[str], brace: int, start: int) -> bool:
    """Whether the `{` at `brace` has an `anthropic-beta` key of its own before `start` (not
    one inside a nested object, such as a call's `extra_headers={…}`)."""
    if text[brace] != "{":
        return False
    for entry in _HEADER_ENTRY.finditer(text, brace, start):
        depth = 0
        for m in lexer.finditer(text, brace + 1, entry.start()):
            token = m.group()
            depth += token in "([{"
            depth -= token in ")]}"
        if depth == 0 and lexer.match(text, entry.start()) is not None:
            return True
    return False


# What may stand before a `{` that opens an object, not a block: `(`, `,`, `=`, `:`, `[`, `?`,
# `&`, `!`, `return`, or a type name after one of them (Go/Rust struct literals:
# `New(ctx, anthropic.BetaMessageNewParams{`, `x := Params{`), or `new` with a type (C#
# object initializers: `new MessageCreateParams {`, `new() {`). Not `) {` (a function or `if`
# body), `=> {`, `else {`, `fn run() -> Value {`, `items.each {` (a Ruby block).
_OBJECT_BEFORE = re.compile(
    r"""(?:[(,=:\[?&!]|\breturn|(?:[(,=:\[&]|\breturn)\s*[A-Za-z_][\w.]*(?:<[^<>{}]*>)?"""
    r"""|\bnew\b(?:\s*[A-Za-z_][\w.]*(?:<[^<>{}]*>)?)?\s*(?:\(\s*\))?)\s*$"""
)
# A keyword right before a `{` that opens a block: matches "else " in "} else " or "struct ";
# not "iffy " or "items.each ".
_BLOCK_WORDS = re.compile(r"\b(?:if|for|while|switch|else|try|do|func|fn|impl|struct|class)\s*$")


def _is_object(text: str, brace: int) -> bool:
    """Whether the bracket at `brace` opens a call, or an object rather than a code block."""
    if text[brace] != "{":
        return True
    before = text[max(0, brace - 120) : brace]
    if before.endswith("=>") or before.rstrip().endswith("=>"):
        return False
    return bool(_OBJECT_BEFORE.search(before)) and not _BLOCK_WORDS.search(before)
