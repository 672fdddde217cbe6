"""Java/Kotlin builder chains as calls: `X.builder()` … `.build()` around a betas argument.

anthropic-sdk-java builds each request as one chain
(`MessageCreateParams.builder().model(Model.CLAUDE_SONNET_4_5).addBeta("…").build()`), so
the chain is the call: its links are the request's fields. The chain is read on a
skeleton of the window, where strings and comments are blanked and every argument of a
link is emptied, so a chain is a plain run of `.name()` links from `builder()` to
`.build()`; a `;`, an assignment, a nested builder or a `toBuilder()` (an earlier request
copied, fields unknown) is no part of it, and only a request's builder
(`…Params.builder()`, as every request class of the SDK is named) starts a call. The model
is the one `.model(…)` link whose argument is one string literal or one SDK model constant;
tools are the SDK tool classes and `type` literals anywhere in the chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from betalint.linter.scan.sdk_names import (
    MODEL_CONSTANT,
    TOOL_CLASS,
    model_for_constant,
    tool_for_class,
)

__all__ = ["ChainLiterals", "builder_chain"]

# Strings, comments and brackets of Java/Kotlin: `"a)"`, `"""text ( block"""`, `'('`,
# `// (`, `/* { */`, `(`; a `"` left open stops at the line end, so it cannot swallow the
# window. Not `x` or `.` (code, kept as it is).
_TOKENS = re.compile(
    r'"""[\s\S]*?(?:"""|$)|"(?:\\.|[^"\\\n])*"?|\'(?:\\.|[^\'\\\n])*\'?'
    r"|//[^\n]*|/\*[\s\S]*?(?:\*/|$)|[()\[\]{}]"
)
_PAIRS = {")": "(", "]": "[", "}": "{"}
# A chain's start in the skeleton: matches "builder()" in "MessageCreateParams.builder()" and
# "builder( )"; not "toBuilder()" (a copy of an earlier request) or "builderFor()".
_BUILDER = re.compile(r"(?<![\w$])builder\s*\(\s*\)")
# The links of a chain up to its `.build()`, on the skeleton (arguments emptied): matches
# ".model()\n    .addBeta()\n    .build()"; not ".model(); x.build()" (a statement ends) or
# ".model() + y.build()".
_LINKS = re.compile(
    r"(?:\s*\.\s*(?!build\s*\()[A-Za-z_]\w*\s*(?:<[^<>()]*>\s*)?\(\s*\))*\s*\.\s*build\s*\(\s*\)"
)
# One link name and its emptied argument on the skeleton: matches ".model(   )" with the name
# "model"; not "model" without its dot.
_LINK = re.compile(r"\.\s*(?P<name>[A-Za-z_]\w*)\s*(?:<[^<>()]*>\s*)?\((?P<arg>\s*)\)")
# A receiver before `.builder()`: matches "com.anthropic.models.messages.MessageCreateParams." —
# back over names and dots; not over "(" or " ".
_RECEIVER = re.compile(r"(?:[A-Za-z_$][\w$]*\s*\.\s*)+$")
# The receiver of a request's builder: the SDK's request classes are all `…Params`
# (`MessageCreateParams.`, `com.anthropic.models.beta.messages.MessageCreateParams .`,
# `BatchCreateParams.`); not `Headers.`, `BetaToolBash20250124.` or `RequestOptions.`.
_PARAMS = re.compile(r"Params\s*\.\s*$")
# A model link's whole argument as one literal: matches `"claude-sonnet-4-5"` with the id in
# group `model`; not `"claude-" + size` or `name`.
_MODEL_LITERAL = re.compile(r'\s*"(?P<model>claude-[A-Za-z0-9.:@_-]+)"\s*')
# A tool `type` literal inside a chain (`JsonValue.from("computer_20250124")` or a raw JSON
# string's `"type": "bash_20250124"`): matches `"computer_20250124"`; not `"computer"`.
_TYPE_LITERAL = re.compile(r'"(?P<tool>(?:computer|bash|text_editor)_\d{8})"')
_MAX_LINKS_BACK = 4  # how many enclosing brackets may hold the betas inside one link


@dataclass(frozen=True, slots=True)
class ChainLiterals:
    """A builder chain's span and what its links write (see `calls.CallLiterals`)."""

    start: int
    end: int
    model: str | None
    model_span: tuple[int, int] | None
    tools: tuple[tuple[int, int, str], ...]


def builder_chain(text: str, lo: int, hi: int, start: int, end: int) -> ChainLiterals | None:
    """The builder chain in `text[lo:hi]` one of whose links holds [start, end), or None."""
    openers, skeleton = _skeleton(text, lo, hi, start)
    if openers is None:
        return None
    for depth in range(len(openers) - 1, max(-1, len(openers) - 1 - _MAX_LINKS_BACK), -1):
        flat = _flatten(skeleton, lo, openers[depth])
        chain = _chain_around(flat, lo, openers[depth])
        if chain is not None and chain[1] >= end:
            return _literals(text, flat, lo, chain)
    return None


def _skeleton(text: str, lo: int, hi: int, start: int) -> tuple[list[int] | None, list[str]]:
    """The window with strings and comments blanked (brackets and code kept), and the `(`
    openers that enclose `start`, outermost first; None when the window does not balance.
    A closer of a bracket opened before the window starts it afresh there (the text before
    is blanked); one after `start` ends it (the chain ends before any such closer)."""
    chars = list(text[lo:hi])
    stack: list[tuple[str, int]] = []
    openers: list[int] | None = None
    base = cut = 0  # window offsets: blank before `base`, drop from `cut`
    for m in _TOKENS.finditer(text, lo, hi):
        if openers is None and m.start() >= start:
            openers = [pos for kind, pos in stack if kind == "("]
        token = m.group()
        if token in "([{":
            stack.append((token, m.start()))
        elif token in ")]}":
            if stack and stack[-1][0] == _PAIRS[token]:
                stack.pop()
            elif stack:
                return None, chars  # `(]`: the window cannot be read for certain
            elif openers is None:
                base = m.end() - lo
            else:
                cut = m.start() - lo
                break
        else:  # a string or comment: blank it, keeping its line breaks
            for i in range(m.start() - lo, m.end() - lo):
                if chars[i] != "\n":
                    chars[i] = " "
    if openers is None:
        openers = [pos for kind, pos in stack if kind == "("]
    if cut:
        del chars[cut:]
    chars[:base] = [ch if ch == "\n" else " " for ch in chars[:base]]
    return (openers or None), chars


def _flatten(chars: list[str], lo: int, opener: int) -> str:
    """The skeleton with every bracket's contents emptied at the level of `opener`'s chain:
    brackets that open at the depth `opener` opens at keep only their own `(` and `)`."""
    depth_of_opener = _depth_before(chars, opener - lo)
    out = chars[:]
    depth = 0
    for i, ch in enumerate(chars):
        if ch in "([{":
            if depth > depth_of_opener:
                out[i] = " "
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth > depth_of_opener:
                out[i] = " "
        elif depth > depth_of_opener and ch != "\n":
            out[i] = " "
    return "".join(out)


def _depth_before(chars: list[str], index: int) -> int:
    depth = 0
    for ch in chars[:index]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
    return depth


def _chain_around(flat: str, lo: int, opener: int) -> tuple[int, int] | None:
    """(start, end) in text of the chain one of whose links opens at `opener`: the nearest
    `builder()` before it whose run of links reaches `.build()` past it."""
    at = opener - lo
    builders = list(_BUILDER.finditer(flat, 0, at))
    if not builders:
        return None
    builder = builders[-1]  # a farther one's links would have to run through this one
    links = _LINKS.match(flat, builder.end())
    if links is None or links.end() <= at:
        return None
    receiver = _RECEIVER.search(flat, max(0, builder.start() - 200), builder.start())
    if receiver is None or not _PARAMS.search(receiver.group()):
        return None  # `Headers.builder()`, `builder()` alone: not a request's parameters
    return lo + receiver.start(), lo + links.end()


def _literals(text: str, flat: str, lo: int, chain: tuple[int, int]) -> ChainLiterals:
    start, end = chain
    models: list[tuple[int, int, str | None]] = []
    for link in _LINK.finditer(flat, start - lo, end - lo):
        if link.group("name") == "model":
            models.append(_model_of(text, lo + link.start("arg"), lo + link.end("arg")))
    model = span = None
    if len(models) == 1 and models[0][2] is not None:
        model, span = models[0][2], (models[0][0], models[0][1])
    tools = [(m.start(), m.end(), tool_for_class(m)) for m in TOOL_CLASS.finditer(text, start, end)]
    tools += [
        (m.start("tool"), m.end("tool"), m.group("tool"))
        for m in _TYPE_LITERAL.finditer(text, start, end)
    ]
    return ChainLiterals(start, end, model, span, tuple(sorted(tools)))


def _model_of(text: str, lo: int, hi: int) -> tuple[int, int, str | None]:
    """The model a `.model(…)` argument writes: one literal, or one SDK constant."""
    literal = _MODEL_LITERAL.fullmatch(text, lo, hi)
    if literal is not None:
        return literal.start("model"), literal.end("model"), literal.group("model")
    arg = text[lo:hi]
    lead = len(arg) - len(arg.lstrip())
    constant = MODEL_CONSTANT.fullmatch(text, lo + lead, lo + len(arg.rstrip()))
    if constant is not None:
        return constant.start("const"), constant.end("const"), model_for_constant(constant["const"])
    return lo, hi, None
