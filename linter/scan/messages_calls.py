"""Messages calls found from their own keys, not from a beta name (issue 16, BL403).

A call that sends no beta at all has no name for the scanner to find, so `linter.scan.calls`
is never asked about it. This module starts from the keys instead: every place a given key
(`mcp_servers`, `context_management`, `tools`...) is written, the call around it
(`call_literals`) and its top-level keys (`call_shape`), kept only when, for certain, it is a
Messages request that sends no beta in any form:

- the key is one of the call's own top-level keys (the parser saw it: not in a string, a
  comment, or a nested object), and the call's keys are all known (no `**kwargs`, spread or
  computed key);
- `model` and `messages` are among them, and the callee is a Messages method (`messages.create`,
  `.stream`, `.count_tokens`; Go's `…MessageNewParams{`; a curl or `.http` request to
  `/v1/messages`): an OpenAI or LiteLLM call with the same keys is not one;
- no `betas`, `anthropic_beta`, headers or `extra_headers` key, and (JS, Go) no request
  options after the body that could carry headers.

Client default headers are the rule's to check (the whole file). Plain JSON files are not
read: a saved body says nothing of the headers it is sent with.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from betalint.linter.scan.call_fields import CallShape, call_shape
from betalint.linter.scan.calls import CallLiterals, call_literals
from betalint.linter.scan.languages import language_for_path

__all__ = ["MessagesCall", "unsent_calls"]

MessagesCall = tuple[CallLiterals, CallShape]

# Keys that send betas, or may: the SDKs' lists, Bedrock's body list, any headers object.
_BETA_KEYS = frozenset(
    {"betas", "anthropic_beta", "extra_headers", "default_headers", "headers", "extra_body"}
)
_LANGS = frozenset({"python", "ruby", "js", "go", "shell", "http"})

# The callee right before a Python/Ruby call's `(` or a JS call's `({`: a Messages method.
# Matches `client.beta.messages.create(`, `anthropic.messages.stream(`,
# `client.messages.count_tokens(`, `client.messages.countTokens({`; not
# `client.chat.completions.create(`, `litellm.completion(` or `messages.append(`.
_CALLEE = re.compile(
    r"""\bmessages\s*\.\s*(?:create|stream|count_tokens|countTokens)\s*\(\s*$""", re.I
)
# The Go params type right before a struct literal's `{`: matches
# `anthropic.BetaMessageNewParams{`, `sdk.MessageCountTokensParams{`; not
# `anthropic.BetaMessageBatchNewParams{` or `MessageParam{` (a message, not a request).
_GO_PARAMS = re.compile(r"\b(?:\w+\.)?(?:Beta)?Message(?:New|CountTokens)Params\s*$")
# A Messages endpoint in a curl command or an `.http` request line: matches
# `https://api.anthropic.com/v1/messages` and `{{host}}/v1/messages/count_tokens`;
# not `/v1/messages/batches` or `/v1/complete`.
_ENDPOINT = re.compile(r"/v1/messages(?:/count_tokens)?(?![\w/-])")
# Somewhere in the lowered text, what `_is_messages` needs before any call can count, per
# language: a Messages method (`messages.create(`, `messages.counttokens(`), a Go params type
# (`messagenewparams`) or the endpoint (`/v1/messages`). Each starts with a literal, which
# keeps the search fast. Matches `client.beta.messages.stream (`; not `messages.append(`.
_METHOD = re.compile(r"messages\s*\.\s*(?:create|stream|count_?tokens)\s*\(")
# Matches `betamessagenewparams`, `messagecounttokensparams`; not `messagebatchnewparams`.
_GO_TYPE = re.compile(r"message(?:new|counttokens)params")
_ANY_MESSAGES = {"python": _METHOD, "ruby": _METHOD, "js": _METHOD, "go": _GO_TYPE}
# A curl command's name: matches `curl` in `curl -s https://…`; not `curly` or `libcurl`.
_CURL = re.compile(r"(?<![\w.-])curl(?![\w.-])")
# A curl header whose name comes from a variable (it may be the beta header): matches
# `-H "$BETA_HEADER"`, `--header "${H}"`, `-H $H`; not `-H "x-api-key: $KEY"` (a named header).
_VARIABLE_HEADER = re.compile(r"""(?:-H|--header)\s+["']?\$""")
# What follows a JS call's object when it is the only argument: matches `)` and ` )`; not
# `, { headers }` (request options, which may carry the beta header).
_ONLY_ARGUMENT = re.compile(r"\s*\)")


def unsent_calls(text: str, path: str, keys: Iterable[str]) -> Iterator[MessagesCall]:
    """Each Messages call of `text` that writes one of `keys` at its top level (Go's
    CamelCase too) and sends no beta at all; once per call, in text order."""
    lang = language_for_path(path)
    if lang not in _LANGS:
        return
    lowered = text.lower()
    method = _ANY_MESSAGES.get(lang)
    if ("/v1/messages" not in lowered) if method is None else method.search(lowered) is None:
        return  # no Messages call can be here: skip reading every call that writes a key
    wanted = frozenset(keys)
    # A curl body may span lines the command's start is not found from: start at `curl`.
    anchors = (
        _curls(text)
        if lang == "shell"
        else sorted(a for a in _occurrences(lowered, wanted) if _keyed(text, a[1], lang))
    )
    seen: set[tuple[int, int]] = set()
    for start, end, key in anchors:
        call = call_literals(text, path, start, end)
        if call is None or (call.start, call.end) in seen:
            continue
        shape = call_shape(text, path, call)
        if not _is_key(shape, start, end, key, wanted):
            continue
        seen.add((call.start, call.end))
        if _sends_no_beta(shape) and _is_messages(text, lang, call):
            yield call, shape


def _occurrences(lowered: str, keys: Iterable[str]) -> Iterator[tuple[int, int, str]]:
    """(start, end, key) of every place a key is written, snake_case or Go's CamelCase."""
    for key in keys:
        for needle in dict.fromkeys((key, key.replace("_", ""))):
            pos = lowered.find(needle)
            while pos != -1:
                end = pos + len(needle)
                before = lowered[pos - 1] if pos else " "
                after = lowered[end] if end < len(lowered) else " "
                if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
                    yield pos, end, key
                pos = lowered.find(needle, end)


# What follows a word written as a key, after its closing quote if any: `=` (a keyword
# argument, Ruby's `=>`) or `:` (an object key). Matches ` =` in `mcp_servers =[`, `":` in
# `"mcp_servers": [`; not `==` or a value's `",` in `"type": "thinking",`.
_KEY_END = re.compile(r"""["']?\s*(?:=(?!=)|:)""")
# A JS shorthand property (`{ model, messages, mcp_servers }`) ends at `,` or `}`.
_SHORTHAND_END = re.compile(r"\s*[,}]")


def _keyed(text: str, end: int, lang: str) -> bool:
    """The word ending at `end` is written as a key (only a key can be a call's field): a
    cheap test before the call around it is read, since most words are values or prose."""
    if _KEY_END.match(text, end):
        return True
    quoted = end < len(text) and text[end] in "\"'"
    return lang == "js" and not quoted and _SHORTHAND_END.match(text, end) is not None


def _curls(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, None) of each `curl` word: a shell command's start."""
    for m in _CURL.finditer(text):
        yield m.start(), m.end(), None


def _is_key(shape: CallShape, start: int, end: int, key: str | None, keys: frozenset[str]) -> bool:
    """The text at [start, end) is the call's own top-level `key` (a JSON key's quotes too);
    for a curl command (`key` None), its body writes one of `keys` at its top level."""
    if key is None:
        return any(path in keys for _, _, path in shape.keys)
    return any(path == key and s <= start and end <= e for s, e, path in shape.keys)


def _sends_no_beta(shape: CallShape) -> bool:
    fields = shape.fields
    return (
        fields is not None
        and "model" in fields
        and "messages" in fields
        and not fields & _BETA_KEYS
        and shape.beta_items == ()
    )


def _is_messages(text: str, lang: str, call: CallLiterals) -> bool:
    """The call is a Messages request by its callee or endpoint (see the module's list)."""
    if lang in ("shell", "http"):
        return (
            _ENDPOINT.search(text, call.start, call.end) is not None
            and _VARIABLE_HEADER.search(text, call.start, call.end) is None
        )
    before = text[max(0, call.start - 120) : call.start]
    # The object must be the call's last argument (`create({ ... })`, `New(ctx, P{ ... })`):
    # request options after it may carry the header.
    if lang == "go":
        return (
            _GO_PARAMS.search(before) is not None
            and _ONLY_ARGUMENT.match(text, call.end) is not None
        )
    if lang == "js":
        return (
            text[call.start] == "{"
            and _CALLEE.search(before) is not None
            and _ONLY_ARGUMENT.match(text, call.end) is not None
        )
    return text[call.start] == "(" and _CALLEE.search(before + "(") is not None
