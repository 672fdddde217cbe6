"""What a Messages request body uses, read the way an SDK middleware or a gateway holds it.

The body is whatever the caller has at hand: a JSON object as a `Mapping` (the anthropic SDK's
`APIRequest.json`, a proxy's parsed body), or anything else. Nothing here raises on odd input:
a part that cannot be read is unknown (`None`), and a check that needs it stays silent. "No
tools" (`()`) and "tools not readable" (`None`) are different answers: only the first lets a
check say that a beta is used by nothing in the call.

- `model`: the body's `model` when it is a string.
- `tools`: each `tools[*].type` (`computer_20251124`, `mcp_toolset`); a custom tool without a
  `type` uses no beta and adds nothing. Unknown when `tools` is not a list, or an item is not
  an object or has a `type` that is not a string; `tools_seen` then still holds the types
  that could be read (enough to see a tool version that does not match its beta).
- `fields`: the keys present at the top level, and one level down inside objects, as dotted
  paths (`mcp_servers`, `container`, `container.skills`), in body order. Unknown when the body
  is not an object or has a key that is not a string.
- `betas`: the body's own `anthropic_beta` list (Bedrock and Vertex AI read it there); see
  `betas_complete` for whether every item could be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from betalint.registry.header import split_header

__all__ = ["BODY_BETAS", "BodyFacts", "read_body", "request_betas"]

# The body field that carries betas where the header does not (Bedrock InvokeModel, Vertex AI).
BODY_BETAS = "anthropic_beta"


@dataclass(frozen=True, slots=True)
class BodyFacts:
    """What one request body says about its call; `None` where the body cannot tell."""

    model: str | None
    tools: tuple[str, ...] | None
    fields: tuple[str, ...] | None
    betas: tuple[str, ...]
    betas_complete: bool
    tools_seen: tuple[str, ...] = ()


def read_body(body: object) -> BodyFacts:
    """The facts of one Messages request body; never raises, whatever `body` is."""
    if not isinstance(body, Mapping):
        return BodyFacts(None, None, None, (), True, ())
    model = _get(body, "model")
    tools, tools_complete = _tool_types(_get(body, "tools"))
    betas, betas_complete = _body_betas(_get(body, BODY_BETAS))
    return BodyFacts(
        _plain(model),
        tools if tools_complete else None,
        _field_paths(body),
        betas,
        betas_complete,
        tools,
    )


def request_betas(headers: Iterable[object], facts: BodyFacts) -> tuple[str, ...]:
    """Every beta name a request carries: its `anthropic-beta` header values, then the body's.

    `headers` are the header values as sent (each may be comma-joined); items that are not
    strings are skipped. Duplicates stay out, order stays.
    """
    names: list[str] = []
    for value in headers:
        if isinstance(value, str):
            names += split_header(str.__str__(value))
    names += facts.betas
    return tuple(dict.fromkeys(names))


def _plain(value: object) -> str | None:
    """`value` as a plain `str` when it is a string: a caller's `str` subclass may override
    `__hash__`, `__eq__` or `__format__`, and the checks hash and format what they read."""
    return str.__str__(value) if isinstance(value, str) else None


def _items(listed: list[object] | tuple[object, ...]) -> tuple[object, ...] | None:
    """The items of a JSON array as Python holds it; None when a subclass fails to iterate."""
    try:
        return tuple(listed)
    except Exception:  # a caller's odd list: its failure must not fail the request
        return None


def _get(body: Mapping[object, object], key: str) -> object:
    """`body[key]`, or None when absent; a Mapping whose lookup fails counts as absent."""
    try:
        return body.get(key)
    except Exception:  # a caller's odd Mapping: its failure must not fail the request
        return None


def _tool_types(tools: object) -> tuple[tuple[str, ...], bool]:
    """The readable `tools[*].type` values, and whether the whole list could be read."""
    if tools is None:
        return (), True
    items = _items(tools) if isinstance(tools, list | tuple) else None  # a JSON array
    if items is None:
        return (), False
    found: list[str] = []
    complete = True
    for tool in items:
        kind = _get(tool, "type") if isinstance(tool, Mapping) else None
        if isinstance(kind, str):
            found.append(str.__str__(kind))
        elif not isinstance(tool, Mapping) or kind is not None:
            complete = False  # not an object, or a `type` that is not a string
        # else: a custom tool, whose `type` is optional
    return tuple(dict.fromkeys(found)), complete


def _field_paths(body: Mapping[object, object]) -> tuple[str, ...] | None:
    paths: list[str] = []
    try:
        items = list(body.items())
    except Exception:  # a caller's odd Mapping
        return None
    for key, value in items:
        if not isinstance(key, str):
            return None
        key = str.__str__(key)
        paths.append(key)
        if isinstance(value, Mapping):  # one level down: `container.skills`
            inner = _keys(value)
            if inner is None:
                return None
            paths += (f"{key}.{sub}" for sub in inner)
    return tuple(dict.fromkeys(paths))


def _keys(value: Mapping[object, object]) -> list[str] | None:
    try:
        keys = list(value)
    except Exception:  # a caller's odd Mapping
        return None
    if not all(isinstance(k, str) for k in keys):
        return None
    return [str.__str__(k) for k in keys]


def _body_betas(listed: object) -> tuple[tuple[str, ...], bool]:
    """The names in the body's `anthropic_beta` and whether every item was a string.

    A list (or tuple) of names is what the platforms read; a single string is read as one
    header value, so `"a,b"` counts as two names.
    """
    if listed is None:
        return (), True
    if isinstance(listed, str):
        return tuple(split_header(str.__str__(listed))), True
    items = _items(listed) if isinstance(listed, list | tuple) else None
    if items is None:
        return (), False
    names: list[str] = []
    complete = True
    for item in items:
        if isinstance(item, str):
            names += split_header(str.__str__(item))
        else:
            complete = False
    return tuple(names), complete
