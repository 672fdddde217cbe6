"""The body fields and betas of a Java/Kotlin builder chain (issue 16, BL403/BL404).

anthropic-sdk-java writes a request as one chain (`calls_builders` finds it as the call):
`MessageCreateParams.builder().model(…).addUserMessage(…).mcpServers(listOf(…)).addBeta(…)
.build()`. Each link at the chain's own level sets one body field, named as the SDK's
builder names it: `mcpServers`/`addMcpServer` → `mcp_servers`, `addUserMessage` →
`messages`, `systemOfBetaTextBlockParams` → `system`. `addBeta`/`betas` are the betas list,
`putAdditionalHeader("anthropic-beta", "…")` a header. Links of a nested builder (a server's
`.name(…)`) are not the request's. A link that may add keys unseen
(`additionalBodyProperties(map)`, `putAdditionalBodyProperty(key, …)` with a key from a
variable, `body(…)`) makes the fields unknown; any other header link makes the betas unknown.

Linear: one pass of the Java lexer over the chain's span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from betalint.linter.scan.call_fields_shape import UNKNOWN, CallShape
from betalint.linter.scan.calls_literals import LEXERS, CallLiterals

__all__ = ["beta_insertion", "chain_shape", "field_name"]

# The name of a link right before its `(`: matches ".mcpServers" in ".mcpServers(" (group
# `name`) and ". addBeta "; not "listOf" (no dot) or ".build" inside a string (lexed away).
_LINK_NAME = re.compile(r"\.\s*(?P<name>[A-Za-z_]\w*)\s*$")
# A camelCase word boundary: before an upper case letter after a lower one or a digit.
# Matches between "mcp" and "Servers" in "mcpServers"; none in "model".
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# An SDK overload's type suffix: "OfBetaTextBlockParams" in "systemOfBetaTextBlockParams",
# "OfFallbackParams"; not "Of" alone or "Offset" (no capital after "Of").
_OF_SUFFIX = re.compile(r"(?<=[a-z])Of[A-Z]\w*$")
# A list built in place as the whole argument of `betas(…)`: matches `listOf(` and
# `List.of(`, `Arrays.asList(`, `mutableListOf(`; not `betasFrom(` or `base.plus(`.
_LIST_OF = re.compile(r"\s*(?:listOf|mutableListOf|List\.of|Arrays\.asList)\s*$")

# Links that say how to send the request, not what it holds.
_NOT_FIELDS = frozenset(
    {"builder", "build", "removeAdditionalBodyProperty", "removeAllAdditionalBodyProperties"}
)
# Links that may write any keys at all: the fields are unknown.
_ANY_KEYS = frozenset(
    {"additionalBodyProperties", "putAllAdditionalBodyProperties", "body", "from"}
)
# The SDK's convenience links whose field is not their name (anthropic-sdk-java's
# MessageCreateParams.Builder).
_FIELD_OF = {
    "addUserMessage": "messages",
    "addAssistantMessage": "messages",
    "enabledThinking": "thinking",
    "fallbacksDefault": "fallbacks",
}
_BETA_LINKS = frozenset({"addBeta", "betas"})
# The receiver of a nested builder up to the dot before `builder`: matches
# "  BetaOutputConfig." and "com.anthropic.models.X ."; not "make(x)." or "".
_RECEIVER = re.compile(r"\s*[A-Za-z_][\w.]*?\s*\.\s*")
# What lies between two links of one chain: the dot. Matches "\n    ." and "."; not ") + y.".
_DOT = re.compile(r"\s*\.\s*")


@dataclass(frozen=True, slots=True)
class _Link:
    name: str
    start: int  # the name's span
    end: int
    arg_lo: int  # inside the parentheses
    arg_hi: int


def chain_shape(text: str, call: CallLiterals) -> CallShape:
    """Fields and betas of the builder chain `text[call.start:call.end]`."""
    links = _links(text, call.start, call.end)
    fields: set[str] = set()
    keys: list[tuple[int, int, str]] = []
    items: list[tuple[int, int, bool]] | None = []
    known = True
    tool_args: list[tuple[int, int]] = []
    for link in links:
        if link.name in _BETA_LINKS:
            found = _beta_args(text, link)
            items = None if found is None or items is None else items + found
        elif "Header" in link.name:
            header = _beta_header(text, link)
            items = None if header is None or items is None else items + header
        elif link.name in _ANY_KEYS:
            known = False
        elif link.name == "putAdditionalBodyProperty":
            parts = _split(text, link.arg_lo, link.arg_hi)
            key = _string_args(text, *parts[0]) if parts else None
            if key is None:
                known = False  # `putAdditionalBodyProperty(name, …)`: which field?
            else:
                fields.add(key[0][2])
                keys.append((key[0][0] + 1, key[0][1] - 1, key[0][2]))
        elif link.name not in _NOT_FIELDS and "QueryParam" not in link.name:
            name = field_name(link.name)
            fields.add(name)
            keys.append((link.start, link.end, name))
            for sub in _nested(text, link.arg_lo, link.arg_hi):
                fields.add(f"{name}.{field_name(sub.name)}")
                keys.append((sub.start, sub.end, f"{name}.{field_name(sub.name)}"))
            if name == "tools":
                tool_args.append((link.arg_lo, link.arg_hi))
    if "messages" not in fields:
        return UNKNOWN  # a batch, an agent, a count: not a Messages request's body
    seen = tuple(t for t in call.tools if any(lo <= t[0] < hi for lo, hi in tool_args))
    return CallShape(
        frozenset(fields) if known else None,
        None if tool_args else (),  # tool classes are not all mapped to a type
        seen,
        None if items is None else tuple(items),
        tuple(keys),
    )


def beta_insertion(text: str, call: CallLiterals, beta: str) -> tuple[int, str] | None:
    """Where and what to insert so the chain also sends `beta`: one more `.addBeta("…")`
    link after the chain's last `addBeta`, or one more item of its `betas(listOf(…))`; None
    when it has neither (a comma after an `addBeta` item would not compile)."""
    last = None
    for link in _links(text, call.start, call.end):
        if link.name in _BETA_LINKS:
            last = link
    if last is None:
        return None
    if last.name == "addBeta":
        line = text.rfind("\n", call.start, last.start)
        lead = text[line + 1 : last.start - 1] if line != -1 else ""
        indent = lead if line != -1 and not lead.strip() else None
        sep = f"\n{indent}" if indent is not None else ""
        return last.arg_hi + 1, f'{sep}.addBeta("{beta}")'
    items = _beta_args(text, last)
    if not items:
        return None
    return items[-1][1], f', "{beta}"'


def field_name(link: str) -> str:
    """The body field a builder link sets: `mcpServers`/`addMcpServer` → `mcp_servers`,
    `maxTokens` → `max_tokens`, `systemOfBetaTextBlockParams` → `system`."""
    name = _OF_SUFFIX.sub("", link)
    if name in _FIELD_OF:
        return _FIELD_OF[name]
    if len(name) > 3 and name.startswith("add") and name[3].isupper():
        name = name[3].lower() + name[4:]
        name = name if name.endswith("s") else name + "s"  # `addTool` adds to `tools`
    return _HUMP.sub("_", name).lower()


def _links(text: str, lo: int, hi: int) -> list[_Link]:
    """The links at the chain's own level: `.name(` … `)` outside every other bracket."""
    links: list[_Link] = []
    depth = 0
    code_from = lo
    opened: tuple[str, int, int, int] | None = None  # name, its span, the `(` end
    for m in LEXERS["java"].finditer(text, lo, hi):
        token = m.group()
        if token in "([{":
            if depth == 0 and token == "(":
                name = _LINK_NAME.search(text, code_from, m.start())
                if name is not None:
                    opened = (name["name"], name.start("name"), name.end("name"), m.end())
            depth += 1
        elif token in ")]}":
            depth -= 1
            if depth == 0 and opened is not None:
                links.append(_Link(opened[0], opened[1], opened[2], opened[3], m.start()))
                opened = None
        if depth == 0:
            code_from = m.end()
    return links


def _nested(text: str, lo: int, hi: int) -> list[_Link]:
    """The field links of a whole nested builder chain `text[lo:hi]`
    (`BetaOutputConfig.builder().taskBudget(…).build()`); [] for anything else."""
    links = _links(text, lo, hi)
    if len(links) < 2 or links[0].name != "builder" or links[-1].name != "build":
        return []
    if not _RECEIVER.fullmatch(text, lo, links[0].start) or text[links[-1].arg_hi + 1 : hi].strip():
        return []
    for before, after in pairwise(links):
        if not _DOT.fullmatch(text, before.arg_hi + 1, after.start):
            return []  # `a.builder().x() + b`: not one chain
    inner = links[1:-1]
    if any(link.name in _ANY_KEYS or "AdditionalProperty" in link.name for link in inner):
        return []
    return inner


def _string_args(text: str, lo: int, hi: int) -> list[tuple[int, int, str]] | None:
    """Each comma-separated argument in `text[lo:hi]` as one string literal (span with its
    quotes, and its text); None when one is anything else."""
    found: list[tuple[int, int, str]] = []
    for part in _split(text, lo, hi):
        s, e = _strip(text, *part)
        if e - s < 2 or text[s] != '"' or text[e - 1] != '"' or '"' in text[s + 1 : e - 1]:
            return None
        found.append((s, e, text[s + 1 : e - 1]))
    return found or None


def _beta_args(text: str, link: _Link) -> list[tuple[int, int, bool]] | None:
    """The items of `addBeta(x)` (one) or `betas(listOf(a, b))`; None for a list from a
    variable. An item that is not a string (an `AnthropicBeta` constant) is its own span."""
    lo, hi = link.arg_lo, link.arg_hi
    if link.name == "betas":
        s, e = _strip(text, lo, hi)
        opener = text.find("(", s, e)
        if opener == -1 or text[e - 1] != ")" or not _LIST_OF.fullmatch(text, s, opener):
            return None
        lo, hi = opener + 1, e - 1
    parts = [_strip(text, *p) for p in _split(text, lo, hi)]
    if link.name == "addBeta" and len(parts) != 1:
        return None
    return [(s, e, False) for s, e in parts if e > s]


def _beta_header(text: str, link: _Link) -> list[tuple[int, int, bool]] | None:
    """`putAdditionalHeader("anthropic-beta", "a,b")`: its value; another header name: no
    items; any other header link (a map, a name from a variable): None."""
    if link.name != "putAdditionalHeader":
        return None
    args = _string_args(text, link.arg_lo, link.arg_hi)
    if args is None or len(args) != 2:
        return None
    if args[0][2].lower() != "anthropic-beta":
        return []
    return [(args[1][0], args[1][1], True)]


def _split(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The top-level comma-separated parts of `text[lo:hi]` (strings and brackets skipped)."""
    parts: list[tuple[int, int]] = []
    depth = 0
    start = lo
    pos = lo
    for m in LEXERS["java"].finditer(text, lo, hi):
        start, depth = _commas(text, pos, m.start(), start, depth, parts)
        token = m.group()
        depth += 1 if token in "([{" else -1 if token in ")]}" else 0
        pos = m.end()
    start, _ = _commas(text, pos, hi, start, depth, parts)
    if text[start:hi].strip() or parts:
        parts.append((start, hi))
    return parts


def _commas(
    text: str, lo: int, hi: int, start: int, depth: int, parts: list[tuple[int, int]]
) -> tuple[int, int]:
    """Record the parts ended by commas in code `text[lo:hi]` at depth 0."""
    if depth == 0:
        at = text.find(",", lo, hi)
        while at != -1:
            parts.append((start, at))
            start = at + 1
            at = text.find(",", start, hi)
    return start, depth


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo].isspace():
        lo += 1
    while hi > lo and text[hi - 1].isspace():
        hi -= 1
    return lo, hi
