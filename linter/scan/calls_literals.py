"""The literals of one call's span: its own model, its tool types, and the lexers that read it.

`linter.scan.calls` finds the span (brackets, a builder chain, a curl command, a YAML item);
this reads what the span writes. A model counts only as one string literal, or one SDK
model constant (`sdk_names`), at the call's own level, with nothing after it that could
replace it (a spread); tool types are every `type` literal or SDK tool class in the span.
One compiled regex pass over the span skips strings and comments.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from betalint.linter.scan.languages import Lang
from betalint.linter.scan.sdk_names import (
    MODEL_CONSTANT,
    TOOL_CLASS,
    model_for_constant,
    tool_for_class,
)

__all__ = ["LEXERS", "WINDOW", "CallLiterals", "Lexed", "json_literals", "lex", "literals"]

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
LEXERS: dict[Lang, re.Pattern[str]] = {
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
# What may follow a literal value: `,` `)` `}` `]`, after blanks and comments that may span
# lines (inside brackets a line break ends nothing: `model="claude-…"⏎ if big else m` is one
# conditional). Matches `,` in `"…"  # old⏎    ,`; not `if` (a Python conditional), `+`
# (concatenation), `??`/`||` (a fallback, here or on the next line), `.` (a method call).
# Possessive, so a long run of blanks or `#`s cannot backtrack.
_VALUE_END = re.compile(r"(?:\s|#[^\n]*+|//[^\n]*+|/\*[\s\S]*?\*/)*+[,)}\]]")

# A tool type: `"type": "computer_20251124"`, `type="text_editor_20250728"`,
# `type: 'code_execution_20250825'`; not `"type": "tool_use"` (no date),
# `"type": "computer"`, or `content_type="image_20250101x"` (another key, trailing text).
_TOOL_TYPE = re.compile(
    r"""(?<![\w.-])["']?[Tt]ype["']?\s*(?:=>|:|=)\s*(?P<q>["'])(?P<tool>[a-z][a-z0-9_]*_\d{8})(?P=q)"""
)


@dataclass(frozen=True, slots=True)
class Lexed:
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


def lex(text: str, lexer: re.Pattern[str], lo: int, hi: int) -> Lexed:
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
    return Lexed(opaque, [o[0] for o in opaque], bracket_at, depth_after)


def literals(
    text: str, span: tuple[int, int], lexed: Lexed, *, spreads: bool = False
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


def _spread_after(text: str, lexed: Lexed, pos: int, hi: int) -> bool:
    """A spread at the call's own level after `pos`, which may override the model."""
    return any(
        lexed.is_code(m.start()) and lexed.depth(m.start()) == 1
        for m in _SPREAD.finditer(text, pos, hi)
    )


def _own(text: str, lexed: Lexed, m: re.Match[str]) -> bool:
    """A model key of the call itself: in code, at the call's level, its value ends there."""
    return bool(
        lexed.is_code(m.start()) and lexed.depth(m.start()) == 1 and _VALUE_END.match(text, m.end())
    )


def json_literals(text: str, lo: int, hi: int, unit: tuple[int, int]) -> CallLiterals | None:
    """Literals of the JSON object that opens `text[lo:hi]`, reported over `unit`."""
    first = text.find("{", lo, hi)
    if first == -1 or text[lo:first].strip():
        return None
    lexed = lex(text, _SLASH_LEXER, first, hi)
    found = literals(text, (first, hi), lexed)
    return CallLiterals(unit[0], unit[1], found.model, found.model_span, found.tools)
