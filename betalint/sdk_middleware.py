"""Filter the betas of every request an `anthropic` SDK client sends, for its platform.

Built on the SDK's own extension point (anthropic >= 2.17): `middleware=[...]` on every client
and `client.with_middleware(...)`. The chain sees each attempt's `APIRequest` before the client
prepares, builds and signs it, so what it changes is what gets signed (SigV4 on Bedrock). At
that point every client kind still carries the betas in the `anthropic-beta` header; the
Bedrock client copies them into the body field `anthropic_beta` later, and a body that sets
`anthropic_beta` itself (`extra_body=`) is filtered too. The model comes from the JSON body.
Nothing else in the request changes. Needs the extra `betalint[anthropic]`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

try:
    from anthropic import APIRequest, Middleware, omit
except ImportError as exc:  # an SDK without the extension point, or none at all
    raise ImportError(
        "betalint.middleware and betalint.guard need anthropic>=2.17 (its `middleware=` "
        "extension point): pip install 'betalint[anthropic]'"
    ) from exc

from betalint.registry.loader import load_registry
from betalint.registry.platforms import parse_target
from betalint.registry.request_filter import UnknownPolicy, check_policy, filter_betas

if TYPE_CHECKING:
    from anthropic import APIResponse, AsyncAPIResponse, AsyncCallNext, CallNext

    from betalint.registry.model import Registry
    from betalint.registry.request_filter import FilterResult

__all__ = ["BetaFilter", "guard", "middleware", "platform_of"]

_HEADER = "anthropic-beta"
_BODY_FIELD = "anthropic_beta"

# Client class → platform target; looked up along the client's MRO, so the most specific class
# wins (AnthropicFoundry and AnthropicAWS subclass Anthropic) and user subclasses work.
# AnthropicAWS and AnthropicGoogleCloud are the Claude API served through a cloud account.
_PLATFORM_OF_CLIENT = {
    "AnthropicBedrock": "bedrock",
    "AsyncAnthropicBedrock": "bedrock",
    "AnthropicBedrockMantle": "bedrock:mantle",
    "AsyncAnthropicBedrockMantle": "bedrock:mantle",
    "AnthropicVertex": "vertex",
    "AsyncAnthropicVertex": "vertex",
    "AnthropicFoundry": "foundry",
    "AsyncAnthropicFoundry": "foundry",
    "AnthropicAWS": "anthropic",
    "AsyncAnthropicAWS": "anthropic",
    "AnthropicGoogleCloud": "anthropic",
    "AsyncAnthropicGoogleCloud": "anthropic",
    "Anthropic": "anthropic",
    "AsyncAnthropic": "anthropic",
}

ClientT = TypeVar("ClientT")


class BetaFilter(Middleware):
    """SDK middleware that sends only the betas `platform` (and the request's model) takes.

    Works on sync and async clients alike. `unknown` is the policy for names the registry
    does not know ("drop", "keep", "raise": `UnknownBetaError` reaches the caller and
    nothing is sent).
    """

    def __init__(
        self, platform: str, *, unknown: UnknownPolicy = "drop", registry: Registry | None = None
    ) -> None:
        self.target = parse_target(platform)  # an unknown platform fails here, not per request
        self.unknown = check_policy(unknown)
        self.registry = registry if registry is not None else load_registry()

    def handle(self, request: APIRequest, call_next: CallNext) -> APIResponse[Any]:
        return call_next(self.filter(request))

    async def handle_async(
        self, request: APIRequest, call_next: AsyncCallNext
    ) -> AsyncAPIResponse[Any]:
        return await call_next(self.filter(request))

    def filter(self, request: APIRequest) -> APIRequest:
        """`request` with its betas filtered (the same request when nothing changes)."""
        body = request.json if isinstance(request.json, Mapping) else None
        model = body.get("model") if body is not None else None
        model = model if isinstance(model, str) else None
        changes: dict[str, Any] = {}
        headers = self._headers(request, model)
        if headers is not None:
            changes["headers"] = headers
        if body is not None and (new_body := self._body(body, request.url, model)) is not None:
            changes["body"] = new_body
        return request.copy(**changes) if changes else request

    def _headers(self, request: APIRequest, model: str | None) -> dict[str, Any] | None:
        """The request's headers with `anthropic-beta` filtered (`omit`: none left), or None."""
        headers = request.headers
        values = [v for k, v in headers.items() if k.lower() == _HEADER and isinstance(v, str)]
        if not values:
            return None
        sent = self._filter(values, request.url, model).header
        if sent == ",".join(values):
            return None
        kept = {k: v for k, v in headers.items() if k.lower() != _HEADER}
        return {**kept, _HEADER: sent or omit}

    def _body(self, body: Mapping[str, Any], url: str, model: str | None) -> dict[str, Any] | None:
        """The body with its own `anthropic_beta` list filtered (dropped when empty), or None."""
        listed = body.get(_BODY_FIELD)
        if not isinstance(listed, list) or not all(isinstance(b, str) for b in listed):
            return None
        names = list(self._filter(listed, url, model).names)
        if names == listed:
            return None
        rest = {k: v for k, v in body.items() if k != _BODY_FIELD}
        return {**rest, _BODY_FIELD: names} if names else rest

    def _filter(self, betas: list[str], url: str, model: str | None) -> FilterResult:
        target = str(self.target)
        if (
            self.target.platform == "vertex"
            and self.target.endpoint is None
            and ("/count_tokens" in url)
        ):
            target = "vertex:count_tokens"  # Vertex's count-tokens endpoint takes fewer betas
        return filter_betas(
            betas, platform=target, model=model, unknown=self.unknown, registry=self.registry
        )


def middleware(
    platform: str, *, unknown: UnknownPolicy = "drop", registry: Registry | None = None
) -> BetaFilter:
    """Middleware for any anthropic client: `Anthropic(middleware=[betalint.middleware("x")])`.

    The request does not say which platform it is for, so `platform` does ("bedrock",
    "vertex:count_tokens", "foundry", a LiteLLM-style alias such as "vertex_ai", or "x-NAME").
    """
    return BetaFilter(platform, unknown=unknown, registry=registry)


def platform_of(client: object) -> str:
    """The platform target of an anthropic client, from its class; TypeError for others."""
    for cls in type(client).__mro__:
        found = _PLATFORM_OF_CLIENT.get(cls.__name__)
        if found is not None and cls.__module__.split(".")[0] == "anthropic":
            return found
    kinds = ", ".join(sorted({k.removeprefix("Async") for k in _PLATFORM_OF_CLIENT}))
    raise TypeError(
        f"betalint.guard takes an anthropic client ({kinds} or their Async forms), "
        f"not {type(client).__name__}; for others use betalint.middleware(platform)"
    )


def guard(
    client: ClientT,
    *,
    unknown: UnknownPolicy = "drop",
    platform: str | None = None,
    registry: Registry | None = None,
) -> ClientT:
    """A copy of `client` that sends only the betas its platform takes (`with_middleware`).

    The platform comes from the client's kind (AnthropicBedrock → bedrock, …); pass
    `platform` when the client points elsewhere, e.g. an `Anthropic` client whose
    `base_url` is a gateway in front of Vertex AI.
    """
    target = platform or platform_of(client)
    with_middleware = getattr(client, "with_middleware", None)
    if with_middleware is None:
        raise TypeError(f"{type(client).__name__} has no with_middleware(); anthropic>=2.17 has")
    guarded: ClientT = with_middleware(BetaFilter(target, unknown=unknown, registry=registry))
    return guarded
