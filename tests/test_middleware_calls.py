"""The call-level checks in betalint.guard / betalint.middleware, on the real anthropic SDK.

Each client sends through the SDK's own HTTP stack onto `httpx2.MockTransport` (nothing
leaves the process), with the registry tests/data/registries/request.toml (mcp-client gates
`mcp_servers` and Bedrock refuses it; computer-use versions; context-1m rejected on
claude-haiku-4-5). What is asserted is what the SDK puts on the wire, or that nothing left.
"""

from __future__ import annotations

import asyncio
import json
import warnings
from functools import lru_cache
from typing import Any

import anthropic
import httpx2
import pytest
from _registries import REGISTRIES
from _sdk_support import sigv4_valid
from test_middleware_sdk import (
    MESSAGES,
    MODELS,
    Wire,
    _fake_environment,  # noqa: F401  (autouse: fake credentials only)
    header_betas,
    make_client,
    passthrough,
    send,
    stable_headers,
)

import betalint
from betalint.registry.model import Registry

MCP = [{"type": "url", "url": "https://mcp.example.com/sse", "name": "example"}]
COMPUTER = {
    "type": "computer_20251124",
    "name": "computer",
    "display_width_px": 1024,
    "display_height_px": 768,
}
THINKING = "interleaved-thinking-2025-05-14"  # gates nothing, taken everywhere
HAIKU = {"anthropic": "claude-haiku-4-5", "bedrock": "us.anthropic.claude-haiku-4-5-v1:0"}


@lru_cache(maxsize=1)
def registry() -> Registry:
    return betalint.load_registry(base=REGISTRIES / "request.toml")


def guarded(kind: str, wire: Wire, *, asynchronous: bool = False, **options: Any) -> Any:
    client = make_client(kind, wire, asynchronous=asynchronous)
    return betalint.guard(client, registry=registry(), **options)


def body_of(wire: Wire, index: int = 0) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(wire.sent[index].content)
    return loaded


def problems_of(caught: list[warnings.WarningMessage]) -> list[tuple[str, str | None]]:
    found = [w.message for w in caught if isinstance(w.message, betalint.BetaCallWarning)]
    return [(m.problem.kind, m.problem.subject) for m in found]


@pytest.mark.parametrize("kind", ["anthropic", "bedrock"])
def test_mcp_servers_without_the_beta_warns_and_still_sends(kind: str) -> None:
    wire = Wire()
    with pytest.warns(betalint.BetaCallWarning) as caught:
        send(guarded(kind, wire), [THINKING], MODELS[kind], mcp_servers=MCP)
    assert problems_of(caught.list) == [("field-without-beta", "mcp_servers")]
    assert "mcp-client-2025-11-20" in str(caught.list[0].message)
    body = body_of(wire)
    assert body["mcp_servers"] == MCP  # what the user wrote goes out unchanged
    betas = body["anthropic_beta"] if kind == "bedrock" else header_betas(wire.sent[0])
    assert betas == [THINKING]


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("kind", ["anthropic", "bedrock"])
def test_raise_stops_the_request_before_it_leaves(kind: str, asynchronous: bool) -> None:
    wire = Wire()
    client = guarded(kind, wire, asynchronous=asynchronous, on_problem="raise")
    with pytest.raises(betalint.BetaCallError) as raised:
        send(client, [], MODELS[kind], mcp_servers=MCP)
    assert [(p.kind, p.subject) for p in raised.value.problems] == [
        ("field-without-beta", "mcp_servers")
    ]
    assert wire.sent == []


def test_on_bedrock_the_beta_the_platform_refuses_is_dropped_and_the_warning_says_so() -> None:
    wire = Wire()
    with pytest.warns(betalint.BetaCallWarning) as caught:
        send(
            guarded("bedrock", wire), ["mcp-client-2025-11-20"], MODELS["bedrock"], mcp_servers=MCP
        )
    assert problems_of(caught.list) == [("field-without-beta", "mcp_servers")]
    assert "mcp-client-2025-11-20 was dropped (" in str(caught.list[0].message)
    assert "anthropic_beta" not in body_of(wire)  # the filter's job is unchanged
    assert sigv4_valid(wire.sent[0])


def test_add_missing_adds_the_beta_on_the_claude_api_and_does_not_warn() -> None:
    wire = Wire()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        send(
            guarded("anthropic", wire, add_missing=True),
            ["interleaved-thinking-2025-05-14"],
            MODELS["anthropic"],
            mcp_servers=MCP,
        )
    assert header_betas(wire.sent[0]) == ["interleaved-thinking-2025-05-14,mcp-client-2025-11-20"]


def test_add_missing_never_adds_what_the_platform_refuses() -> None:
    wire = Wire()
    client = guarded("bedrock", wire, add_missing=True, on_problem="raise")
    with pytest.raises(betalint.BetaCallError):
        send(client, [], MODELS["bedrock"], mcp_servers=MCP)
    assert wire.sent == []


def test_add_missing_on_bedrock_goes_into_the_body_list_the_caller_set() -> None:
    """Bedrock reads only the body's `anthropic_beta` when the caller set one (extra_body)."""
    wire = Wire()
    client = guarded("bedrock", wire, add_missing=True)
    client.beta.messages.create(
        model=MODELS["bedrock"],
        max_tokens=16,
        messages=MESSAGES,
        tools=[COMPUTER],
        extra_body={"anthropic_beta": ["interleaved-thinking-2025-05-14"]},
    )
    assert body_of(wire)["anthropic_beta"] == [
        "interleaved-thinking-2025-05-14",
        "computer-use-2025-11-24",
    ]
    assert sigv4_valid(wire.sent[0])


@pytest.mark.parametrize("kind", ["anthropic", "bedrock"])
def test_a_tool_version_its_beta_does_not_match(kind: str) -> None:
    wire = Wire()
    with pytest.warns(betalint.BetaCallWarning) as caught:
        send(guarded(kind, wire), ["computer-use-2025-01-24"], MODELS[kind], tools=[COMPUTER])
    assert problems_of(caught.list) == [("tool-version-mismatch", "computer_20251124")]
    assert "computer_20251124 takes computer-use-2025-11-24" in str(caught.list[0].message)
    sent = wire.sent[0]
    betas = body_of(wire).get("anthropic_beta") if kind == "bedrock" else header_betas(sent)
    assert betas == ["computer-use-2025-01-24"]  # reported, not rewritten

    fixed = Wire()
    send(
        guarded(kind, fixed, add_missing=True),
        ["computer-use-2025-01-24"],
        MODELS[kind],
        tools=[COMPUTER],
    )
    added = ["computer-use-2025-01-24", "computer-use-2025-11-24"]
    if kind == "bedrock":
        assert body_of(fixed)["anthropic_beta"] == added
    else:
        assert header_betas(fixed.sent[0]) == [",".join(added)]


@pytest.mark.parametrize("kind", ["anthropic", "bedrock"])
def test_a_beta_the_model_rejects_is_dropped_and_reported(kind: str) -> None:
    wire = Wire()
    betas = ["context-1m-2025-08-07", "interleaved-thinking-2025-05-14"]
    with pytest.warns(betalint.BetaCallWarning) as caught:
        send(guarded(kind, wire), betas, HAIKU[kind])
    assert problems_of(caught.list) == [("model-rejected", HAIKU[kind])]
    assert str(caught.list[0].message).endswith("betalint's filter drops it [model-rejected]")
    if kind == "bedrock":
        assert body_of(wire)["anthropic_beta"] == ["interleaved-thinking-2025-05-14"]
    else:
        assert header_betas(wire.sent[0]) == ["interleaved-thinking-2025-05-14"]

    strict = Wire()
    with pytest.raises(betalint.BetaCallError, match="context-1m-2025-08-07"):
        send(guarded(kind, strict, on_problem="raise"), betas, HAIKU[kind])
    assert strict.sent == []


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("kind", ["anthropic", "bedrock", "vertex"])
def test_a_clean_request_leaves_byte_for_byte_as_without_betalint(
    kind: str, asynchronous: bool
) -> None:
    wire = Wire()
    client = make_client(kind, wire, asynchronous=asynchronous)
    call: dict[str, Any] = {
        "tools": [COMPUTER],
        "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
    }
    betas = ["computer-use-2025-11-24", "context-management-2025-06-27"]
    model = MODELS[kind]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        send(betalint.guard(client, registry=registry(), on_problem="raise"), betas, model, **call)
    by_hand = client.with_middleware(passthrough_for(asynchronous))
    send(by_hand, betas, model, **call)
    checked, baseline = wire.sent
    assert checked.content == baseline.content
    assert checked.url == baseline.url
    assert stable_headers(checked) == stable_headers(baseline)


def passthrough_for(asynchronous: bool) -> Any:
    if not asynchronous:
        return passthrough

    async def through(request: anthropic.APIRequest, call_next: anthropic.AsyncCallNext) -> Any:
        return await call_next(request)

    return through


def test_ignore_skips_the_checks() -> None:
    wire = Wire()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        send(
            guarded("anthropic", wire, on_problem="ignore"),
            [],
            MODELS["anthropic"],
            mcp_servers=MCP,
        )
    assert len(wire.sent) == 1


def test_the_middleware_constructor_takes_the_same_options() -> None:
    wire = Wire()
    client: Any = anthropic.AsyncAnthropic(
        api_key="k",
        http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(wire)),
        middleware=[betalint.middleware("anthropic", on_problem="raise", registry=registry())],
    )

    async def call() -> None:
        await client.beta.messages.create(
            model="claude-sonnet-4-5", max_tokens=16, messages=MESSAGES, mcp_servers=MCP
        )

    with pytest.raises(betalint.BetaCallError):
        asyncio.run(call())
    assert wire.sent == []


def test_a_bad_reaction_fails_at_set_up() -> None:
    with pytest.raises(ValueError, match="on_problem= takes one of warn, raise, ignore"):
        betalint.middleware("anthropic", on_problem="drop")  # type: ignore[arg-type]


def test_a_request_without_a_json_body_is_left_alone() -> None:
    """GET endpoints (models, files) have no body: no model, no fields, nothing to say."""
    sent: list[httpx2.Request] = []

    def reply(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        return httpx2.Response(200, json={"data": [], "has_more": False})

    http = httpx2.Client(transport=httpx2.MockTransport(reply))
    client = betalint.guard(
        anthropic.Anthropic(api_key="k", http_client=http), registry=registry(), on_problem="raise"
    )
    client.beta.models.list(betas=["context-1m-2025-08-07"])
    assert header_betas(sent[0]) == ["context-1m-2025-08-07"]


def test_with_the_shipped_registry_mcp_servers_without_a_beta_is_caught() -> None:
    """The issue's own case on the shipped data: the Claude API answers `Extra inputs are
    not permitted` for mcp_servers without an mcp-client beta."""
    wire = Wire()
    client = betalint.guard(make_client("anthropic", wire), on_problem="raise")
    with pytest.raises(betalint.BetaCallError) as raised:
        send(client, [THINKING], "claude-sonnet-4-5", mcp_servers=MCP)
    (problem,) = raised.value.problems
    assert (problem.kind, problem.subject) == ("field-without-beta", "mcp_servers")
    assert problem.options and all(o.startswith("mcp-client-") for o in problem.options)
    assert wire.sent == []
    send(client, [THINKING, problem.options[0]], "claude-sonnet-4-5", mcp_servers=MCP)
    assert len(wire.sent) == 1


def test_on_bedrock_a_body_list_is_what_counts() -> None:
    """The Bedrock client keeps the body's own `anthropic_beta` (extra_body) and puts the
    header's betas there only when it has none: the check reads what Bedrock reads."""
    wire = Wire()
    client = guarded("bedrock", wire)
    with pytest.warns(betalint.BetaCallWarning) as caught:
        client.beta.messages.create(
            model=MODELS["bedrock"],
            max_tokens=16,
            messages=MESSAGES,
            tools=[COMPUTER],
            betas=["computer-use-2025-11-24"],
            extra_body={"anthropic_beta": [THINKING]},
        )
    assert problems_of(caught.list) == [("tool-without-beta", "computer_20251124")]
    assert body_of(wire)["anthropic_beta"] == [THINKING]
