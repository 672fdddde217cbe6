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
betas, with one compiled regex pass that skips strings and comments.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from betalint.linter.scan.calls_builders import builder_chain
from betalint.linter.scan.languages import Lang, language_for_path
from betalint.linter.scan.markdown import markdown_regions
from betalint.linter.scan.notebook import notebook_cells
from betalint.linter.scan.sdk_names import (
    MODEL_CONSTANT,
    TOOL_CLASS,
    model_for_constant,
    tool_for_class,
)

__all__ = ["WINDOW", "CallLiterals", "call_literals"]

WINDOW = 8192  # characters read each side of the betas; a longer call stays unknown


@dataclass(frozen=True, slots=True)
class CallLiterals:
    """One call's span and the literals it writes. `model` is None unless exactly one model
    is the call's own (`model="claude-…"` at its top level); `tools` are the tool types
    written anywhere in the span, as (start, end, type) in text order. A span is where the
    value is written: the literal itself, or the SDK constant or tool class that stands for
    it (`Model.CLAUDE_SONNET_4_5`, `BetaToolBash20250124`)."""

    start: int
    end: int
    model: str | None
    model_span: tuple[int, int] | None
    tools: tuple[tuple[int, int, str], ...]


# Strings and comments, so brackets inside them do not count. One alternation per family;
# brackets are the last alternative. Single-line quotes stop at a newline, so an unclosed
# quote cannot swallow the rest of the window.
_QUOTES = r""""(?:\\.|[^"\\\n])*"?|'(?:\\.|[^'\\\n])*'?"""
_BRACKETS = r"[()\[\]{}]"
# Python/Ruby: `"""doc ( """`, `'''…'''`, `"a)"`, `# see (1`; not `#` inside `"a#b"`.
_HASH_LEXER = re.compile(
    r'"""[\s\S]*?(?:"""|$)|' + r"'''[\s\S]*?(?:'''|$)|" + _QUOTES + r"|#[^\n]*|" + _BRACKETS
)
# JS/TS, Go, Java/Kotlin/C#, Rust, JSON(C): `` `tpl ${x}` ``, `// (`, `/* { */`, `"a}"`.
_SLASH_LEXER = re.compile(
    r'"""[\s\S]*?(?:"""|$)|`(?:\\.|[^`\\])*`?|'
    + _QUOTES
    + r"|//[^\n]*|/\*[\s\S]*?(?:\*/|$)|"
    + _BRACKETS
)
# PHP: the C family's tokens and `#` comments: `# see (1`, `// (`, `'a)'`; not `#` in `"a#b"`.
_PHP_LEXER = re.compile(_SLASH_LEXER.pattern + r"|#[^\n]*")
_LEXERS: dict[Lang, re.Pattern[str]] = {
    "python": _HASH_LEXER,
    "ruby": _HASH_LEXER,
    "js": _SLASH_LEXER,
    "csharp": _SLASH_LEXER,
    "php": _PHP_LEXER,
    "go": _SLASH_LEXER,
    "java": _SLASH_LEXER,
    "rust": _SLASH_LEXER,
    "json": _SLASH_LEXER,
}
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

# The model key and one string literal as its value:
#   Python `model="claude-sonnet-4-5"`, TS `model: 'claude-haiku-4-5'`,
#   JSON `"model": "claude-opus-4-1"`, Bedrock `modelId="us.anthropic.claude-…-v1:0"`,
#   LangChain `model_name="claude-sonnet-4-5"` / `modelName: "claude-…"`,
#   Ruby `"model" => "claude-…"`, C# `Model = "claude-…"`;
# not `Model::CLAUDE_X` (a PHP constant, no key), `model=cfg.model`, `model: name`,
# `fallback_model="claude-…"` or `weak_model_name="claude-…"` (other keys), or a value that
# is not a Claude id (`model: "gpt-4o"`).
_MODEL_KEY = (
    r"""(?<![\w.-])["']?(?:[Mm]odel(?:Id|Name)?|model_(?:id|name))["']?\s*(?:=>|[:=](?![=:]))"""
)
# The key above with a Claude model literal: matches `model="claude-sonnet-4-5"`,
# `"model": "claude-opus-4-1"` or a Ruby symbol `model: :"claude-opus-4-6"`; not
# `model=cfg.model` or `model: "gpt-4o"`.
_MODEL = re.compile(
    _MODEL_KEY
    + r"""\s*:?(?P<q>["'])"""
    + r"""(?P<model>(?:[a-z]{2,4}\.)?(?:anthropic[./])?claude-[A-Za-z0-9.:@_-]+)(?P=q)"""
)
# The key above with an SDK model constant as its value: matches C#'s
# `Model = Model.ClaudeSonnet4_5` or `Model = Messages::Model.ClaudeOpus4_8`, Go's
# `Model: anthropic.F(anthropic.ModelClaudeSonnet4_0)` (the pre-v1 field wrapper); not
# `Model = MyModels.Default` or `Model = model`.
_MODEL_CONSTANT = re.compile(_MODEL_KEY + r"\s*(?:(?:[a-z]\w*\.)?F\(\s*)?" + MODEL_CONSTANT.pattern)
# Any model key, whatever its value: matches "model=" in `model=cfg.model` or "modelId:"; not
# `model == x` or `fallback_model=`.
_MODEL_KEYS = re.compile(_MODEL_KEY)
# What may follow a literal value: `,` `)` `}` `]`, a newline or a comment. Not `if` (a
# Python conditional), `+` (concatenation), `??`/`||` (a fallback), `.` (a method call).
_VALUE_END = re.compile(r"\s*(?:[,)}\]]|#|//|$)", re.M)

# A tool type: `"type": "computer_20251124"`, `type="text_editor_20250728"`,
# `type: 'code_execution_20250825'`; not `"type": "tool_use"` (no date),
# `"type": "computer"`, or `content_type="image_20250101x"` (another key, trailing text).
_TOOL_TYPE = re.compile(
    r"""(?<![\w.-])["']?[Tt]ype["']?\s*(?:=>|:|=)\s*(?P<q>["'])(?P<tool>[a-z][a-z0-9_]*_\d{8})(?P=q)"""
)


def call_literals(text: str, path: str, start: int, end: int) -> CallLiterals | None:
    """The call holding `text[start:end]` (a betas list or header value) and its literals;
    None when no call can be told for certain."""
    lang = language_for_path(path)
    if lang == "notebook" and text.lstrip().startswith("{"):
        return _in_cell(text, start, end)
    return _in_language(text, "python" if lang == "notebook" else lang, start, end)


def _in_language(text: str, lang: Lang, start: int, end: int) -> CallLiterals | None:
    if lang == "markdown":
        return _in_fence(text, start, end)
    if lang == "shell":
        return _curl_literals(text, start, end)
    if lang == "http":
        return _http_literals(text, start, end)
    if lang == "yaml":
        return _yaml_literals(text, start, end)
    if lang in ("java", "kotlin"):
        return _builder_literals(text, start, end)
    lexer = _LEXERS.get(lang)
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
            found = _literals(text, body, _lex(text, lexer, *body), spreads=True)
            return CallLiterals(call[0], call[1], found.model, found.model_span, found.tools)
    lexed = _lex(text, lexer, *span)
    # A spread after the model may replace it (`{model: "…", ...opts}`); Python's
    # `f(model=…, **kw)` may not (a repeated keyword is a TypeError).
    spreads = not (lang == "python" and text[span[0]] == "(")
    return _literals(text, span, lexed, spreads=spreads)


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
    depth = 0
    for m in lexer.finditer(text, brace, limit):
        token = m.group()
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
            if depth == 0:
                return m.end()
    return None


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
    for lo, hi, lang in markdown_regions(text, 0, len(text)):
        if hi < end:
            continue
        if lo > start or lang in ("markdown", "generic"):
            return None
        found = _in_language(text[lo:hi], lang, start - lo, end - lo)
        return found and _mapped(found, _shift(lo), text)
    return None


def _in_cell(text: str, start: int, end: int) -> CallLiterals | None:
    """The call inside the notebook cell holding [start, end) (raw offsets), read on the
    cell's decoded source in its language; spans map back to the raw JSON."""
    for cell in notebook_cells(text):
        if not cell.raw_starts or cell.raw_ends[-1] < end:
            continue
        if cell.raw_starts[0] > start:
            return None
        inner_start = bisect_left(cell.raw_starts, start)
        inner_end = bisect_left(cell.raw_ends, end) + 1
        if inner_start >= len(cell.raw_starts) or inner_end > len(cell.raw_ends):
            return None
        found = _in_language(cell.text, cell.lang, inner_start, inner_end)
        return found and _mapped(found, cell.raw_span, text)
    return None


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


@dataclass(frozen=True, slots=True)
class _Lexed:
    """The opaque tokens (strings, comments) of a window and the depth after each bracket."""

    opaque: list[tuple[int, int, bool]]  # (start, end, is_string), in order
    opaque_starts: list[int]
    bracket_at: list[int]
    depth_after: list[int]

    def depth(self, pos: int) -> int:
        i = bisect_right(self.bracket_at, pos - 1) - 1
        return self.depth_after[i] if i >= 0 else 0

    def is_code(self, pos: int) -> bool:
        """`pos` is outside strings and comments, or opens a string (a JSON key)."""
        i = bisect_right(self.opaque_starts, pos) - 1
        if i < 0:
            return True
        s, e, is_string = self.opaque[i]
        return pos >= e or (pos == s and is_string)


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


def _lex(text: str, lexer: re.Pattern[str], lo: int, hi: int) -> _Lexed:
    opaque: list[tuple[int, int, bool]] = []
    bracket_at: list[int] = []
    depth_after: list[int] = []
    depth = 0
    for m in lexer.finditer(text, lo, hi):
        token = m.group()
        if token in "([{":
            depth += 1
        elif token in ")]}":
            depth -= 1
        else:
            opaque.append((m.start(), m.end(), token[0] in "\"'`"))
            continue
        bracket_at.append(m.start())
        depth_after.append(depth)
    return _Lexed(opaque, [o[0] for o in opaque], bracket_at, depth_after)


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


def _literals(
    text: str, span: tuple[int, int], lexed: _Lexed, *, spreads: bool = False
) -> CallLiterals:
    """The call's own model (one literal or SDK constant at depth 1, in code) and every tool
    type literal or SDK tool class."""
    lo, hi = span
    models = {
        (m.start("model"), m.end("model"), m.group("model"))
        for m in _MODEL.finditer(text, lo, hi)
        if _own(text, lexed, m)
    }
    models |= {
        (m.start("const"), m.end("const"), model_for_constant(m.group("const")))
        for m in _MODEL_CONSTANT.finditer(text, lo, hi)
        if _own(text, lexed, m)
    }
    # Any other model key at this level (a variable, a second literal): not one literal.
    keys = [
        k
        for k in _MODEL_KEYS.finditer(text, lo, hi)
        if lexed.is_code(k.start()) and lexed.depth(k.start()) == 1
    ]
    model = span_of_model = None
    if len(models) == 1 and len(keys) == 1:
        s, e, model = next(iter(models))
        span_of_model = (s, e) if model is not None else None
        if spreads and _spread_after(text, lexed, e, hi):
            model = span_of_model = None
    tools = [
        (m.start("tool"), m.end("tool"), m.group("tool"))
        for m in _TOOL_TYPE.finditer(text, lo, hi)
        if lexed.is_code(m.start())
    ]
    tools += [
        (m.start(), m.end(), tool_for_class(m))
        for m in TOOL_CLASS.finditer(text, lo, hi)
        if lexed.is_code(m.start())
    ]
    return CallLiterals(lo, hi, model, span_of_model, tuple(sorted(tools)))


# A spread or splat of another object into this one: matches "..." in `...opts` and "**" in
# `**defaults`; not "**" in `2 ** 8` (a space after it) or "..." in `[...]` (a JS rest pattern
# is the same token: it is refused too, which only costs recall).
_SPREAD = re.compile(r"\.\.\.(?=[\w$({\[])|\*\*(?=[\w({])")


def _spread_after(text: str, lexed: _Lexed, pos: int, hi: int) -> bool:
    """A spread at the call's own level after `pos`, which may override the model."""
    return any(
        lexed.is_code(m.start()) and lexed.depth(m.start()) == 1
        for m in _SPREAD.finditer(text, pos, hi)
    )


def _own(text: str, lexed: _Lexed, m: re.Match[str]) -> bool:
    """A model key of the call itself: in code, at the call's level, its value ends there."""
    return bool(
        lexed.is_code(m.start()) and lexed.depth(m.start()) == 1 and _VALUE_END.match(text, m.end())
    )


# A curl command's lines: each ends in a backslash continuation, the last one does not
# (`curl … \⏎  -H "anthropic-beta: x" \⏎  -d '{…}'` is one command).
# A curl body: `-d '…'`, `--data '…'`, `--data-raw '…'`, `--json '…'` in single quotes (JSON
# bodies are single-quoted in shell); not `-d @body.json` or `-d "$BODY"` (not literal).
_CURL_BODY = re.compile(r"""(?:^|\s)(?:-d|--data(?:-raw|-binary)?|--json)\s+'(?P<body>[^']*)'""")


def _curl_literals(text: str, start: int, end: int) -> CallLiterals | None:
    """A curl command holding [start, end) and its single-quoted JSON body's literals."""
    lo = text.rfind("\n", 0, start) + 1
    while lo > 0 and lo > start - WINDOW:
        prev = text.rfind("\n", 0, lo - 1) + 1
        if not text[prev : lo - 1].rstrip().endswith("\\"):
            break
        lo = prev
    hi = _command_end(text, lo, min(len(text), end + WINDOW))
    if hi < end:
        return None
    command = text[lo:hi]
    if "curl" not in command:
        return None
    bodies = list(_CURL_BODY.finditer(text, lo, hi))
    if len(bodies) != 1:
        return None
    return _json_literals(text, bodies[0].start("body"), bodies[0].end("body"), (lo, hi))


def _command_end(text: str, lo: int, limit: int) -> int:
    """Where the shell command starting at `lo` ends: a line that neither ends in a backslash
    nor leaves a single quote open (`-d '{⏎ "model": …⏎ }'` spans lines); `limit` if none."""
    quotes = 0
    pos = lo
    while pos < limit:
        nl = text.find("\n", pos, limit)
        line = text[pos : nl if nl != -1 else limit]
        quotes += line.count("'")
        if nl == -1:
            return limit
        if quotes % 2 == 0 and not line.rstrip().endswith("\\"):
            return nl
        pos = nl + 1
    return limit


def _http_literals(text: str, start: int, end: int) -> CallLiterals | None:
    """An `.http` request (between `###` separators) holding [start, end), and its body's."""
    lo = max(0, start - WINDOW)
    sep = text.rfind("\n###", lo, start)
    lo = sep + 1 if sep != -1 else (0 if lo == 0 else -1)
    if lo < 0:
        return None
    nxt = text.find("\n###", end, end + WINDOW)
    hi = nxt if nxt != -1 else (len(text) if len(text) <= end + WINDOW else -1)
    if hi < 0:
        return None
    blank = re.search(r"\r?\n[ \t]*\r?\n", text[lo:hi])
    if blank is None:
        return None
    return _json_literals(text, lo + blank.end(), hi, (lo, hi))


def _json_literals(text: str, lo: int, hi: int, unit: tuple[int, int]) -> CallLiterals | None:
    """Literals of the JSON object that opens `text[lo:hi]`, reported over `unit`."""
    first = text.find("{", lo, hi)
    if first == -1 or text[lo:first].strip():
        return None
    lexed = _lex(text, _SLASH_LEXER, first, hi)
    found = _literals(text, (first, hi), lexed)
    return CallLiterals(unit[0], unit[1], found.model, found.model_span, found.tools)


# A YAML list item's model: `- name: anthropic/claude-sonnet-4-20250514` (aider's model
# settings) or `  model: "claude-haiku-4-5"` at the item's own level; not
# `weak_model_name: claude-…` (another key), `name: openrouter/anthropic/claude-…` or
# `name: bedrock/…` (another provider's route), nor `model: ${MODEL}`.
_YAML_MODEL = re.compile(
    r"""^(?P<indent>[ ]*(?:-[ ]+)?)(?:model|name):[ ]*(?P<q>["']?)"""
    r"""(?P<model>(?:anthropic/)?claude-[A-Za-z0-9.:@_-]+)(?P=q)[ ]*(?:#.*)?$""",
    re.M,
)
# Any model or name key, to tell one literal from several or from a non-literal value.
_YAML_KEY = re.compile(r"^(?P<indent>[ ]*(?:-[ ]+)?)(?:model|name):", re.M)
# A tool type in YAML: matches `type: computer_20251124` or `- type: "text_editor_20250728"`; not
# `type: tool_use` (no date) or `x.type: computer_20251124`.
_YAML_TOOL = re.compile(r"(?<![\w.-])type:[ ]*[\"']?(?P<tool>[a-z][a-z0-9_]*_\d{8})\b")


def _yaml_literals(text: str, start: int, end: int) -> CallLiterals | None:
    """The YAML list item (`- name: …` and its more-indented lines) holding [start, end), and
    the model of the innermost mapping around the header that names one."""
    item = _yaml_item(text, start)
    if item is None:
        return None
    lo, column = item
    hi = _yaml_item_end(text, end, column, min(len(text), end + WINDOW))
    model = span = None
    # The innermost mapping around the header that has a model key decides: LiteLLM's
    # `litellm_params: {model: …, extra_headers: …}`, else the item's own `name:`/`model:`.
    for block_lo, indent in _yaml_levels(text, start, lo, column + 2):
        block_hi = _yaml_item_end(text, end, indent - 1, hi)
        keys = [k for k in _YAML_KEY.finditer(text, block_lo, block_hi) if _at(k, indent)]
        if not keys:
            continue
        models = [m for m in _YAML_MODEL.finditer(text, block_lo, block_hi) if _at(m, indent)]
        if len(keys) == 1 and len(models) == 1:
            model, span = models[0].group("model"), models[0].span("model")
        break
    tools = tuple(
        (m.start("tool"), m.end("tool"), m.group("tool")) for m in _YAML_TOOL.finditer(text, lo, hi)
    )
    return CallLiterals(lo, hi, model, span, tools)


def _at(match: re.Match[str], indent: int) -> bool:
    return len(match.group("indent")) == indent


def _yaml_levels(text: str, start: int, item_lo: int, item_indent: int) -> list[tuple[int, int]]:
    """(block start, key indent) of each mapping around `start`, innermost first, up to the
    list item's own (`item_indent`, its keys beside the dash)."""
    pos = text.rfind("\n", 0, start) + 1
    line = text[pos : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    least = len(line) - len(line.lstrip(" "))
    levels: list[tuple[int, int]] = []
    while pos > item_lo and least > item_indent:
        pos = text.rfind("\n", 0, pos - 1) + 1
        line = text[pos : text.find("\n", pos)]
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if body and not body.startswith("#") and indent < least:
            levels.append((pos, least))  # the mapping at `least` starts below this key
            least = indent
    levels.append((item_lo, item_indent))
    return levels


def _yaml_item(text: str, start: int) -> tuple[int, int] | None:
    """(line start, dash column) of the list item above `start`; None at the top level."""
    pos = text.rfind("\n", 0, start) + 1
    line = text[pos : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    least = len(line) - len(line.lstrip(" "))
    floor = max(0, start - WINDOW)
    while pos > floor:
        pos = text.rfind("\n", 0, pos - 1) + 1
        line = text[pos : text.find("\n", pos)]
        body = line.lstrip(" ")
        if not body or body.startswith("#"):
            continue
        indent = len(line) - len(body)
        if indent < least and (body == "-" or body.startswith("- ")):
            return pos, indent
        if indent < least:
            least = indent
            if indent == 0:
                return None  # a top-level key: a document, not a list item
    return None


def _yaml_item_end(text: str, end: int, column: int, limit: int) -> int:
    """Where the item whose dash is at `column` ends: the next line indented no deeper."""
    pos = text.find("\n", end, limit)
    while pos != -1:
        nxt = text.find("\n", pos + 1, limit)
        line = text[pos + 1 : nxt if nxt != -1 else limit]
        body = line.lstrip(" ")
        if body and not body.startswith("#") and len(line) - len(body) <= column:
            return pos
        pos = nxt
    return limit
