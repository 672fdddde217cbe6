"""The body fields, tool types and betas lists a call writes as literals (issue 16, BL403/BL404).

Given a call found by `linter.scan.calls.call_literals`, this reads the call's own top-level
keys: Python keyword arguments (`mcp_servers=[...]`) or dict keys, Ruby keyword arguments and
hashes (`mcp_servers: [...]`, `"type" => "url"`), TS/JS/Go/JSON object keys (`mcp_servers:`,
`"mcp_servers":`, Go's `MCPServers:` as `mcp_servers`), C# object initializers
(`new MessageCreateParams { McpServers = [...] }`: PascalCase to snake_case, `..` a spread;
an initializer not right after `new`, as after `with`, is not read), Java/Kotlin builder
chains (`call_fields_builders`), one level down where
the value is a literal object (`container={"skills": [...]}` → `container.skills`), and the
keys of a literal `extra_body`. Anything that could add keys unseen (`**kwargs`, `...spread`,
a non-literal `extra_body`, a computed key) makes the fields unknown (None): precision over
recall, as for the model.

Bounded and linear: one pass of the lexer of `linter.scan.calls` over the call's span (at
most its `WINDOW` each side), then one pass over the atoms; nesting deeper than `_MAX_DEPTH`
is skipped, not recursed into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from betalint.linter.scan.call_fields_builders import chain_shape
from betalint.linter.scan.call_fields_shape import UNKNOWN, CallShape
from betalint.linter.scan.calls import _CURL_BODY, _LEXERS, CallLiterals
from betalint.linter.scan.languages import language_for_path

__all__ = ["CallShape", "call_fields", "call_shape"]


_MAX_DEPTH = 24  # deeper values are skipped whole: a request body is never this deep


def call_fields(text: str, path: str, call: CallLiterals) -> frozenset[str] | None:
    """The field paths of the call's body, or None when they cannot all be known."""
    return call_shape(text, path, call).fields


def call_shape(text: str, path: str, call: CallLiterals) -> CallShape:
    """Fields, tools and betas lists of `call` (a `call_literals` result over `text`)."""
    lang = language_for_path(path)
    if lang in ("shell", "http"):
        return _body_shape(text, lang, call)
    if lang in ("java", "kotlin"):
        return chain_shape(text, call)
    lexer = _LEXERS.get(lang)
    if lexer is None or lang not in _KEYS:
        return UNKNOWN  # YAML settings, PHP, notebooks...: keys not read yet
    if lang == "csharp" and not _CS_NEW.search(text, max(0, call.start - 200), call.start):
        return UNKNOWN  # `request with { … }`: a copy whose other keys are unseen
    if lang == "js" and _LATER_ARGUMENT.search(text, max(0, call.start - 80), call.start):
        return UNKNOWN  # `create(body, { headers })`: the span is the options, not the body
    value = _Parser(text, lexer, call.start, call.end, lang).top()
    return _shape(value, lang) if value is not None else UNKNOWN


# The text before an object that is not a call's first argument: `create(body, ` or `x,\n  `;
# matches ", " at the end; not "create(" or "= ".
_LATER_ARGUMENT = re.compile(r",\s*$")

# How each language writes a key inside `(...)` and inside `{...}`.
_KEYS: dict[str, tuple[str | None, str]] = {
    "python": ("=", ":"),
    "js": (None, ":"),
    "go": (None, ":"),
    "json": (None, ":"),
    # Ruby keyword arguments and symbol-key hashes: `create(mcp_servers: [...])`,
    # `{type: "url"}`; a string key with `=>` is read too (`{"type" => "url"}`).
    "ruby": (":", ":"),
    # C# object initializers: `new MessageCreateParams { McpServers = [...] }`.
    "csharp": (None, "="),
}
# Languages whose `(...)` names its arguments: keys, not positional items.
_KEYWORD_CALLS = frozenset({"python", "ruby"})

# An atom of code between strings and comments: a multi-character operator, a (dotted)
# identifier, or any other character. Matches `**`, `...`, `anthropic.F`, `mcp_servers`, `,`;
# never splits `==` into `=` (a Python key) and `=`, nor `=>` or `:=` into a key separator.
_ATOM = re.compile(r"==|=>|:=|::|\*\*|\.\.\.|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*|\S")
# A key betalint can name: a plain identifier. Matches `mcp_servers`, `MCPServers`; not
# `anthropic-beta` (a header) or `a.b`.
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Where Go's CamelCase field names break into the API's snake_case words: before an upper
# case letter after a lower one or digit (`ContextManagement`), and before the last capital of
# a run followed by a lower one (`MCPServers` → MCP|Servers). Not inside `Betas`.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# What comes right before a C# object initializer's `{`: its `new` expression. Matches
# `new MessageCreateParams`, `new()`, `new Beta.MessageCreateParams() `; not `request with `
# (a copy of another request) or `Create(` (no initializer).
_CS_NEW = re.compile(r"\bnew(?:\s+[A-Za-z_][\w.]*(?:<[\w.<>, ?]*>)?)?\s*(?:\(\s*\))?\s*$")
# The element type of a Go slice or array before its `{`: `anthropic.BetaToolUnionParam` in
# `[]anthropic.BetaToolUnionParam{`, `*Param`; not `map[string]any` or `func()` (no match whole).
_GO_SLICE_WORD = re.compile(r"\*?[A-Za-z_][\w.]*")


@dataclass(frozen=True, slots=True)
class _Atom:
    kind: Literal["open", "close", "str", "word", "punct"]
    text: str
    start: int
    end: int


@dataclass(slots=True)
class _Value:
    """One value: an object (keyed entries), a list (items), a string, or anything else."""

    kind: Literal["object", "list", "string", "other"]
    start: int
    end: int
    entries: list[tuple[str, int, int, _Value]] | None = None  # None: keys not all known
    items: list[_Value] | None = None  # None: not a literal list
    text: str = ""
    words: list[str] = field(default_factory=list)  # a single word's text, for shorthand


@dataclass(slots=True)
class _Element:
    key: str | None
    key_span: tuple[int, int]
    value: _Value
    spread: bool = False


class _Parser:
    """Atoms of `text[lo:hi]` and a recursive reading of the bracket at `lo`."""

    def __init__(self, text: str, lexer: re.Pattern[str], lo: int, hi: int, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.atoms = _atoms(text, lexer, lo, hi)
        self.k = 0

    def top(self) -> _Value | None:
        if not self.atoms or self.atoms[0].kind != "open":
            return None
        return self._container(0)

    def _peek(self, offset: int = 0) -> _Atom | None:
        i = self.k + offset
        return self.atoms[i] if i < len(self.atoms) else None

    def _container(self, depth: int) -> _Value:
        """Read the bracket at `self.k` through its closer."""
        opener = self.atoms[self.k]
        self.k += 1
        if depth >= _MAX_DEPTH:
            return self._skip(opener)
        elements: list[_Element] = []
        while (a := self._peek()) is not None and a.kind != "close":
            elements.append(self._element(opener.text, depth))
            if (a := self._peek()) is not None and a.text == ",":
                self.k += 1
        end = a.end if a is not None else len(self.text)
        self.k += 1
        return _container_value(opener, end, elements, self.lang)

    def _skip(self, opener: _Atom) -> _Value:
        level = 1
        while (a := self._peek()) is not None:
            self.k += 1
            level += {"open": 1, "close": -1}.get(a.kind, 0)
            if level == 0:
                return _Value("other", opener.start, a.end)
        return _Value("other", opener.start, len(self.text))

    def _element(self, bracket: str, depth: int) -> _Element:
        a = self._peek()
        assert a is not None
        if a.text in ("**", "...", "*") or self._cs_spread(a):
            self.k += 1
            return _Element(None, (a.start, a.end), self._value(depth), spread=True)
        sep = _KEYS[self.lang][0 if bracket == "(" else 1] if bracket != "[" else None
        nxt = self._peek(1)
        rocket = self.lang == "ruby" and a.kind == "str" and nxt is not None and nxt.text == "=>"
        if rocket or (sep and a.kind in ("word", "str") and nxt is not None and nxt.text == sep):
            self.k += 2
            key = a.text if a.kind == "word" else a.text[1:-1]
            if a.kind == "word" and self.lang == "python" and bracket == "{":
                key = "*"  # a variable as a dict key: unknown, like a spread
            return _Element(key, (a.start, a.end), self._value(depth))
        return _Element(None, (a.start, a.end), self._value(depth))

    def _cs_spread(self, a: _Atom) -> bool:
        """C#'s `..` spread of a collection expression (`[.. defaults, "x"]`), two atoms."""
        nxt = self._peek(1)
        if self.lang != "csharp" or a.text != "." or nxt is None or nxt.text != ".":
            return False
        self.k += 1
        return True

    def _value(self, depth: int) -> _Value:
        """Atoms up to the next `,` or closer of the enclosing bracket."""
        parts: list[_Value | _Atom] = []
        while (a := self._peek()) is not None and a.kind != "close" and a.text != ",":
            if a.kind == "open":
                parts.append(self._container(depth + 1))
            else:
                parts.append(a)
                self.k += 1
        return _value_of(parts, self.lang)


def _atoms(text: str, lexer: re.Pattern[str], lo: int, hi: int) -> list[_Atom]:
    """Strings and brackets from the lexer, code between them as `_ATOM`s, comments dropped."""
    atoms: list[_Atom] = []
    pos = lo
    for m in lexer.finditer(text, lo, hi):
        _code(text, pos, m.start(), atoms)
        token = m.group()
        if token in "([{":
            atoms.append(_Atom("open", token, m.start(), m.end()))
        elif token in ")]}":
            atoms.append(_Atom("close", token, m.start(), m.end()))
        elif token[0] in "\"'`":
            atoms.append(_Atom("str", token, m.start(), m.end()))
        pos = m.end()
    _code(text, pos, hi, atoms)
    return atoms


def _code(text: str, lo: int, hi: int, atoms: list[_Atom]) -> None:
    for m in _ATOM.finditer(text, lo, hi):
        kind: Literal["word", "punct"] = "word" if _IDENT.match(m.group()) else "punct"
        atoms.append(_Atom(kind, m.group(), m.start(), m.end()))


def _container_value(opener: _Atom, end: int, elements: list[_Element], lang: str) -> _Value:
    """A bracket's value: `[...]` a list; `{...}` an object (or, in Go, a list of items when
    none has a key); `(...)` the keyword arguments of a call."""
    if (
        opener.text == "["
        or (opener.text == "(" and lang not in _KEYWORD_CALLS)  # arguments: items, not keys
        or (
            lang in ("go", "csharp")
            and opener.text == "{"
            and elements
            and all(e.key is None for e in elements)
        )
    ):
        items = None if any(e.spread for e in elements) else [e.value for e in elements]
        return _Value("list", opener.start, end, items=items)
    return _Value("object", opener.start, end, entries=_entries(elements, opener.text, lang))


def _entries(
    elements: list[_Element], bracket: str, lang: str
) -> list[tuple[str, int, int, _Value]] | None:
    """(key, key start, key end, value) of each keyed element; None when a key is unknown."""
    entries: list[tuple[str, int, int, _Value]] = []
    for e in elements:
        if e.spread or e.key == "*":
            return None
        if e.key is not None:
            entries.append((e.key, *e.key_span, e.value))
        elif bracket == "{" and lang == "js" and e.value.words:
            entries.append((e.value.words[0], *e.key_span, e.value))  # JS `{ model }`
        elif bracket == "{":
            return None  # a computed key or a method: keys not all known
    return entries


def _value_of(parts: list[_Value | _Atom], lang: str) -> _Value:
    if not parts:
        return _Value("other", 0, 0)
    start = parts[0].start
    end = parts[-1].end
    if len(parts) == 1:
        p = parts[0]
        if isinstance(p, _Value):
            return p
        if p.kind == "str" and p.text[0] in "\"'" and len(p.text) >= 2:
            return _Value("string", start, end, text=p.text[1:-1])
        return _Value("other", start, end, words=[p.text] if p.kind == "word" else [])
    last = parts[-1]
    head = [p for p in parts[:-1] if not (isinstance(p, _Atom) and p.text == "&")]
    if lang == "csharp":
        return _cs_new(parts, start, end)
    if isinstance(last, _Value) and head:
        # Python `dict(type="x")`; Go `anthropic.Params{...}`, `&Params{...}`, `[]T{...}`.
        if lang == "python" and len(head) == 1 and _word(head[0], "dict"):
            return _Value("object", start, end, entries=last.entries)
        if lang == "go" and _go_wrapper(head) and last.items and len(last.items) == 1:
            return last.items[0]  # `anthropic.F(x)`: the old SDK's field wrapper
        if lang == "go" and _go_type(head):
            kind = "list" if isinstance(head[0], _Value) else last.kind
            items = last.items if last.kind == "list" else None
            return _Value(kind, start, end, entries=last.entries, items=items)
    return _Value("other", start, end)


def _cs_new(parts: list[_Value | _Atom], start: int, end: int) -> _Value:
    """A C# `new T { … }`, `new() { … }`, `new List<T> { … }` or `new T[] { … }`: the
    initializer's object or collection; anything else (a call, `x with { … }`) is opaque."""
    last = parts[-1]
    if not (isinstance(last, _Value) and _word(parts[0], "new")) or last.kind == "other":
        return _Value("other", start, end)
    for p in parts[1:-1]:
        if isinstance(p, _Value):
            if p.kind == "object" or (p.items or []) != []:
                return _Value("other", start, end)  # `new T(args) { … }`: args may set keys
        elif p.kind != "word" and p.text not in "<>,?.":
            return _Value("other", start, end)
    return last


def _word(p: _Value | _Atom, text: str) -> bool:
    return isinstance(p, _Atom) and p.kind == "word" and p.text == text


def _go_wrapper(head: list[_Value | _Atom]) -> bool:
    """`anthropic.F` / `F` before `(`: the Go SDK's field wrapper, transparent for keys."""
    return len(head) == 1 and isinstance(head[0], _Atom) and head[0].text.split(".")[-1] == "F"


def _go_type(head: list[_Value | _Atom]) -> bool:
    """`Params`, `anthropic.Params`, `[]anthropic.BetaToolUnionParam` before a Go `{`."""
    if isinstance(head[0], _Value):  # `[]` or `[2]` of a slice type
        return (
            head[0].kind == "list"
            and len(head) == 2
            and _GO_SLICE_WORD.fullmatch(getattr(head[1], "text", "")) is not None
        )
    return len(head) == 1 and isinstance(head[0], _Atom) and head[0].kind == "word"


def _snake(key: str, lang: str) -> str:
    return _CAMEL.sub("_", key).lower() if lang in ("go", "csharp") else key


def _shape(call: _Value, lang: str) -> CallShape:
    """Fields, tools and betas of the call whose arguments or object `call` is."""
    body, options = _body_of(call)
    if body is None or body.entries is None:
        return UNKNOWN
    fields: set[str] = set()
    keys: list[tuple[int, int, str]] = []
    known = True
    entries = list(body.entries)
    for key, _, _, value in body.entries:
        if key == "extra_body" and lang == "python":
            if value.kind != "object" or value.entries is None:
                known = False
            else:
                entries.extend(value.entries)
    top: dict[str, _Value] = {}
    for key, s, e, value in entries:
        name = _snake(key, lang)
        if not _IDENT.fullmatch(name) or name == "extra_body":
            continue
        top[name] = value
        fields.add(name)
        keys.append((s, e, name))
        if value.kind == "object" and value.entries is not None:
            for sub, ss, se, _ in value.entries:
                sub_name = _snake(sub, lang)
                if _IDENT.fullmatch(sub_name):
                    fields.add(f"{name}.{sub_name}")
                    keys.append((ss, se, f"{name}.{sub_name}"))
    if options is not None:  # TS/JS `create(body, { headers: {...} })`
        for key in _HEADER_KEYS:
            if key in options:
                top.setdefault(key, options[key])
    tools, seen = _tools(top.get("tools"), lang)
    return CallShape(
        frozenset(fields) if known else None,
        tools if known else None,
        seen,
        _beta_items(top),
        tuple(keys),
    )


def _body_of(call: _Value) -> tuple[_Value | None, dict[str, _Value] | None]:
    """The body object of a call and its request options: the object itself, or a TS/JS
    call's first argument and the entries of its second (None when not literal objects)."""
    if call.kind == "object":
        return call, None
    if call.kind != "list" or not call.items or len(call.items) > 2:
        return None, None
    body = call.items[0]
    options: dict[str, _Value] = {}
    if len(call.items) == 2:
        second = call.items[1]
        if second.kind != "object" or second.entries is None:
            return None, None  # options from a variable may carry headers
        options = {k: v for k, _, _, v in second.entries}
    return (body if body.kind == "object" else None), options


def _tools(
    value: _Value | None, lang: str
) -> tuple[tuple[str, ...] | None, tuple[tuple[int, int, str], ...]]:
    """(every tool type when the list is all literal objects, the literal types seen)."""
    if value is None:
        return (), ()
    if value.kind != "list" or value.items is None:
        return None, ()
    # Go's tool unions and C#'s tool classes name the type by a type, not a string.
    complete = lang not in ("go", "csharp")
    seen: list[tuple[int, int, str]] = []
    for item in value.items:
        if item.kind != "object" or item.entries is None:
            complete = False
            continue
        types = [v for k, _, _, v in item.entries if k == "type"]
        if types and types[0].kind == "string":
            seen.append((types[0].start + 1, types[0].end - 1, types[0].text))
        elif types:
            complete = False  # a type from a variable
    return (tuple(t for _, _, t in seen) if complete else None), tuple(seen)


_HEADER_KEYS = ("extra_headers", "default_headers", "headers")
# The body keys of a betas list: the SDKs' `betas`, Bedrock InvokeModel's `anthropic_beta`.
_BETAS_KEYS = ("betas", "anthropic_beta")


def _beta_items(top: dict[str, _Value]) -> tuple[tuple[int, int, bool], ...] | None:
    """Spans of every item of the call's betas lists and beta headers; None when one is not
    literal (a list from a variable, headers from a variable, a spread)."""
    items: list[tuple[int, int, bool]] = []
    for key in _BETAS_KEYS:
        betas = top.get(key)
        if betas is None:
            continue
        if betas.kind != "list" or betas.items is None:
            return None
        items.extend((i.start, i.end, False) for i in betas.items)
    for key in _HEADER_KEYS:
        headers = top.get(key)
        if headers is None:
            continue
        if headers.kind != "object" or headers.entries is None:
            return None
        for name, _, _, value in headers.entries:
            if name.lower() == "anthropic-beta":
                if value.kind != "string":
                    return None
                items.append((value.start, value.end, True))
    return tuple(items)


# An `anthropic-beta` header line of a curl command or `.http` request and its value: matches
# `-H "anthropic-beta: a,b"` (the value `a,b`) and `anthropic-beta: x`; not `x-anthropic-beta:`.
_BETA_HEADER = re.compile(r"""(?<![\w-])anthropic-beta:[ \t]*(?P<value>[^"'\r\n]*)""", re.I)
# A blank line: where an `.http` request's headers end and its body begins.
_BLANK = re.compile(r"\r?\n[ \t]*\r?\n")


def _body_shape(text: str, lang: str, call: CallLiterals) -> CallShape:
    """A curl command's single-quoted JSON body, or an `.http` request's body."""
    if lang == "shell":
        bodies = list(_CURL_BODY.finditer(text, call.start, call.end))
        if len(bodies) != 1:
            return UNKNOWN
        lo, hi = bodies[0].span("body")
    else:
        blank = _BLANK.search(text, call.start, call.end)
        if blank is None:
            return UNKNOWN
        lo, hi = blank.end(), call.end
    first = text.find("{", lo, hi)
    if first == -1 or text[lo:first].strip():
        return UNKNOWN
    value = _Parser(text, _LEXERS["json"], first, hi, "json").top()
    if value is None:
        return UNKNOWN
    shape = _shape(value, "json")
    items: list[tuple[int, int, bool]] = []
    for m in _BETA_HEADER.finditer(text, call.start, lo):
        written = m.group("value").rstrip()
        if "$" in written or "{{" in written:
            return CallShape(shape.fields, shape.tools, shape.tools_seen, None, shape.keys)
        items.append((m.start("value"), m.start("value") + len(written), True))
    return CallShape(shape.fields, shape.tools, shape.tools_seen, tuple(items), shape.keys)
