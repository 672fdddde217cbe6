"""Filter the betas of every request an `anthropic` SDK client sends, for its platform.

Built on the SDK's own extension point (anthropic >= 2.17): `middleware=[...]` on every client
and `client.with_middleware(...)`. The chain sees each attempt's `APIRequest` before the client
prepares, builds and signs it, so what it changes is what gets signed (SigV4 on Bedrock). At
that point every client kind still carries the betas in the `anthropic-beta` header; the
Bedrock client copies them into the body field `anthropic_beta` later, and a body that sets
`anthropic_beta` itself (`extra_body=`) is filtered too. The model comes from the JSON body.

With the body at hand, each request is also checked as a call (`request_check`): a beta its
model rejects, a tool version its beta does not match, a body field or tool whose beta is
missing. `on_problem` says what happens then: "warn" (the default: a `BetaCallWarning`, and
the request goes out as it would without the check), "raise" (`BetaCallError` before
anything is sent) or "ignore". `add_missing=True` (off by default: it changes what the
caller wrote) adds the one beta a gated field or tool needs when the platform takes it.
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

from betalint.registry.header import split_header
from betalint.registry.loader import load_registry
from betalint.registry.platforms import parse_target
from betalint.registry.request_check import (
    OnProblem,
    additions,
    check_on_problem,
    check_request,
    react,
)
from betalint.registry.request_filter import UnknownPolicy, check_policy, filter_betas

if TYPE_CHECKING:
    from anthropic import APIResponse, AsyncAPIResponse, AsyncCallNext, CallNext

    from betalint.registry.call_check import CallProblem
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
    nothing is sent). `on_problem` is what a call-level problem does ("warn", "raise":
    `BetaCallError`, "ignore"); `add_missing=True` adds the beta a gated field or tool needs.
    """

    def __init__(
        self,
        platform: str,
        *,
        unknown: UnknownPolicy = "drop",
        on_problem: OnProblem = "warn",
        add_missing: bool = False,
        registry: Registry | None = None,
    ) -> None:
        self.target = parse_target(platform)  # an unknown platform fails here, not per request
        self.unknown = check_policy(unknown)
        self.on_problem = check_on_problem(on_problem)
        self.add_missing = add_missing
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
        sent = request.copy(**changes) if changes else request
        if self.on_problem == "ignore" and not self.add_missing:
            return sent
        problems = self._problems(request, model)
        if self.add_missing and (added := self._additions(problems, request.url, model)):
            sent = _with_betas(sent, tuple(dict.fromkeys(added.values())))
            problems = [p for p in problems if p.suggested not in added]
        react(problems, self.on_problem)
        return sent

    def _problems(self, request: APIRequest, model: str | None) -> list[CallProblem]:
        """The call-level problems of `request` as the caller wrote it (before filtering)."""
        body = request.json
        headers = _header_values(request)
        invoke = self.target.platform == "bedrock" and self.target.endpoint is None
        if invoke and isinstance(body, Mapping) and isinstance(body.get(_BODY_FIELD), list):
            headers = []  # AnthropicBedrock sends the body's own list alone then (setdefault)
        return check_request(
            body,
            headers,
            platform=self._target(request.url),
            model=model,
            unknown=self.unknown,
            registry=self.registry,
        )

    def _additions(
        self, problems: list[CallProblem], url: str, model: str | None
    ) -> dict[str, str]:
        target = self._target(url)
        return additions(problems, platform=target, model=model, registry=self.registry)

    def _headers(self, request: APIRequest, model: str | None) -> dict[str, Any] | None:
        """The request's headers with `anthropic-beta` filtered (`omit`: none left), or None."""
        headers = request.headers
        values = _header_values(request)
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
        return filter_betas(
            betas,
            platform=self._target(url),
            model=model,
            unknown=self.unknown,
            registry=self.registry,
        )

    def _target(self, url: str) -> str:
        """The target a request to `url` goes to (the endpoint where it decides)."""
        if (
            self.target.platform == "vertex"
            and self.target.endpoint is None
            and ("/count_tokens" in url)
        ):
            return "vertex:count_tokens"  # Vertex's count-tokens endpoint takes fewer betas
        return str(self.target)


def _header_values(request: APIRequest) -> list[str]:
    """The request's `anthropic-beta` header values (an `omit` is none)."""
    return [v for k, v in request.headers.items() if k.lower() == _HEADER and isinstance(v, str)]


def _with_betas(request: APIRequest, added: tuple[str, ...]) -> APIRequest:
    """`request` with `added` appended where its betas travel: the body's own
    `anthropic_beta` list when it has one (Bedrock reads only that then), else the header."""
    body = request.json
    if isinstance(body, Mapping) and isinstance(listed := body.get(_BODY_FIELD), list):
        extra = [name for name in added if name not in listed]
        return request.copy(body={**body, _BODY_FIELD: [*listed, *extra]})
    current = [name for value in _header_values(request) for name in split_header(value)]
    names = [*current, *(name for name in added if name not in current)]
    kept = {k: v for k, v in request.headers.items() if k.lower() != _HEADER}
    return request.copy(headers={**kept, _HEADER: ",".join(names)})


def middleware(
    platform: str,
    *,
    unknown: UnknownPolicy = "drop",
    on_problem: OnProblem = "warn",
    add_missing: bool = False,
    registry: Registry | None = None,
) -> BetaFilter:
    """Middleware for any anthropic client: `Anthropic(middleware=[betalint.middleware("x")])`.

    The request does not say which platform it is for, so `platform` does ("bedrock",
    "vertex:count_tokens", "foundry", a LiteLLM-style alias such as "vertex_ai", or "x-NAME").
    """
    return BetaFilter(
        platform,
        unknown=unknown,
        on_problem=on_problem,
        add_missing=add_missing,
        registry=registry,
    )


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
    on_problem: OnProblem = "warn",
    add_missing: bool = False,
    registry: Registry | None = None,
) -> ClientT:
    """A copy of `client` that sends only the betas its platform takes (`with_middleware`).

    The platform comes from the client's kind (AnthropicBedrock → bedrock, …); pass
    `platform` when the client points elsewhere, e.g. an `Anthropic` client whose
    `base_url` is a gateway in front of Vertex AI. Each request is also checked as a call
    (`on_problem`: "warn", "raise" or "ignore"; `add_missing`: see `BetaFilter`).
    """
    target = platform or platform_of(client)
    with_middleware = getattr(client, "with_middleware", None)
    if with_middleware is None:
        raise TypeError(f"{type(client).__name__} has no with_middleware(); anthropic>=2.17 has")
    checked = BetaFilter(
        target,
        unknown=unknown,
        on_problem=on_problem,
        add_missing=add_missing,
        registry=registry,
    )
    guarded: ClientT = with_middleware(checked)
    return guarded
