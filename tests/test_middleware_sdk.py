"""betalint.guard / betalint.middleware on the real anthropic SDK, through its own HTTP stack.

Every client kind, sync and async, sends through `httpx2.MockTransport` (nothing leaves the
process). Each guarded request is compared with the same call made by hand with the betas a
careful user would send to that platform: the wire request must be identical but for the
values that differ per send (signature, date, idempotency key), so nothing but the betas
changes. On Bedrock the SigV4 signature of what leaves is checked by re-signing it with
botocore, and the body field `anthropic_beta` (what InvokeModel reads) is checked too.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import re
import subprocess
import sys
from typing import Any

import anthropic
import httpx2
import pytest
from _sdk_support import ACCESS_KEY, REGION, REPLY, SECRET_KEY, sigv4_valid

import betalint
from betalint.sdk_middleware import BetaFilter, platform_of

# What a client such as Claude Code might send: a name Bedrock and Vertex AI reject, one they
# take under another name, a duplicate, a typo, and names every platform takes.
BETAS = [
    "files-api-2025-04-14",
    "advanced-tool-use-2025-11-20",
    "interleaved-thinking-2025-05-14",
    "interleaved-thinking-2025-05-14",
    "interleaved-thinkng-2025-05-14",
    "fine-grained-tool-streaming-2025-05-14",
]
EVERYWHERE = ["interleaved-thinking-2025-05-14", "fine-grained-tool-streaming-2025-05-14"]
EXPECTED = {
    "anthropic": ["files-api-2025-04-14", "advanced-tool-use-2025-11-20", *EVERYWHERE],
    "foundry": ["files-api-2025-04-14", "advanced-tool-use-2025-11-20", *EVERYWHERE],
    "bedrock": ["tool-search-tool-2025-10-19", *EVERYWHERE],
    "vertex": ["tool-search-tool-2025-10-19", *EVERYWHERE],
}
MODELS = {
    "anthropic": "claude-sonnet-4-5-20250929",
    "foundry": "claude-sonnet-4-5",
    "bedrock": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "vertex": "claude-sonnet-4-5@20250929",
}
MESSAGES = [{"role": "user", "content": "Hello"}]
# Differ between two sends of the same call: when, and what is signed over the body.
PER_SEND = {"authorization", "x-amz-date", "idempotency-key", "x-stainless-idempotency-key"}


@pytest.fixture(autouse=True)
def _fake_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    """Fake credentials only: nothing from the user's AWS or Anthropic set-up is read."""
    for name in (
        "AWS_PROFILE",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "ANTHROPIC_API_KEY",
        "ANTHROPIC_AUTH_TOKEN",
        "ANTHROPIC_BASE_URL",
        "ANTHROPIC_BEDROCK_BASE_URL",
        "ANTHROPIC_VERTEX_BASE_URL",
        "ANTHROPIC_FOUNDRY_API_KEY",
        "ANTHROPIC_FOUNDRY_RESOURCE",
        "ANTHROPIC_FOUNDRY_BASE_URL",
        "CLOUD_ML_REGION",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))


class Wire:
    """The SDK's own transport, mocked: records each request that would leave."""

    def __init__(self, reply: dict[str, Any] = REPLY) -> None:
        self.sent: list[httpx2.Request] = []
        self.reply = reply

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        request.read()
        self.sent.append(request)
        return httpx2.Response(200, json=self.reply)

    def client(self, asynchronous: bool) -> httpx2.Client | httpx2.AsyncClient:
        transport = httpx2.MockTransport(self)
        if asynchronous:
            return httpx2.AsyncClient(transport=transport)
        return httpx2.Client(transport=transport)


def make_client(kind: str, wire: Wire, *, asynchronous: bool = False) -> Any:
    """One real SDK client of `kind` on the mocked transport, with fake credentials."""
    http = wire.client(asynchronous)
    prefix = "Async" if asynchronous else ""
    if kind == "anthropic":
        cls = getattr(anthropic, f"{prefix}Anthropic")
        return cls(api_key="sk-ant-test", http_client=http)
    if kind == "bedrock":
        cls = getattr(anthropic, f"{prefix}AnthropicBedrock")
        return cls(
            aws_access_key=ACCESS_KEY,
            aws_secret_key=SECRET_KEY,
            aws_region=REGION,
            http_client=http,
        )
    if kind == "vertex":
        cls = getattr(anthropic, f"{prefix}AnthropicVertex")
        return cls(
            region="us-east5", project_id="test-project", access_token="ya29.test", http_client=http
        )
    cls = getattr(anthropic, f"{prefix}AnthropicFoundry")
    return cls(api_key="test-key", resource="test-resource", http_client=http)


def passthrough(request: anthropic.APIRequest, call_next: anthropic.CallNext) -> Any:
    """A no-op middleware: the baseline takes the same path through the SDK as the guard."""
    return call_next(request)


async def passthrough_async(
    request: anthropic.APIRequest, call_next: anthropic.AsyncCallNext
) -> Any:
    return await call_next(request)


def send(client: Any, betas: list[str], model: str, **extra: Any) -> None:
    """One beta Messages call, awaited when the client is async."""
    call = client.beta.messages.create(
        model=model, max_tokens=16, messages=MESSAGES, betas=betas, **extra
    )
    if inspect.isawaitable(call):

        async def wait() -> None:
            await call

        asyncio.run(wait())


def header_betas(request: httpx2.Request) -> list[str]:
    return request.headers.get_list("anthropic-beta")


def stable_headers(request: httpx2.Request) -> dict[str, str]:
    return {k: v for k, v in request.headers.items() if k not in PER_SEND}


KINDS = ("anthropic", "bedrock", "vertex", "foundry")


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("kind", KINDS)
def test_guard_sends_only_what_the_platform_takes(kind: str, asynchronous: bool) -> None:
    wire = Wire()
    client = make_client(kind, wire, asynchronous=asynchronous)
    send(betalint.guard(client), BETAS, MODELS[kind])
    (guarded,) = wire.sent
    assert header_betas(guarded) == [",".join(EXPECTED[kind])]

    by_hand = client.with_middleware(passthrough_async if asynchronous else passthrough)
    send(by_hand, EXPECTED[kind], MODELS[kind])
    baseline = wire.sent[1]
    assert guarded.method == baseline.method and guarded.url == baseline.url
    assert stable_headers(guarded) == stable_headers(baseline)
    assert json.loads(guarded.content) == json.loads(baseline.content)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_bedrock_body_is_filtered_and_the_signature_holds(asynchronous: bool) -> None:
    wire = Wire()
    client = make_client("bedrock", wire, asynchronous=asynchronous)
    send(betalint.guard(client), BETAS, MODELS["bedrock"])
    (sent,) = wire.sent
    assert sent.url.path == "/model/us.anthropic.claude-sonnet-4-5-20250929-v1:0/invoke"
    body = json.loads(sent.content)
    assert body == {
        "max_tokens": 16,
        "messages": MESSAGES,
        "anthropic_version": body["anthropic_version"],
        "anthropic_beta": EXPECTED["bedrock"],
    }
    assert "anthropic-beta" in re.sub(
        r".*SignedHeaders=([^,]+).*", r"\1", sent.headers["authorization"]
    ).split(";")
    assert sigv4_valid(sent)


def test_the_signature_check_can_fail() -> None:
    """A body changed after signing (what a transport hook did) fails the re-signing check."""
    wire = Wire()
    send(make_client("bedrock", wire), ["files-api-2025-04-14"], MODELS["bedrock"])
    (sent,) = wire.sent
    body = json.loads(sent.content)
    body["anthropic_beta"] = []
    tampered = httpx2.Request(
        sent.method, sent.url, headers=sent.headers, content=json.dumps(body).encode()
    )
    assert sigv4_valid(sent) and not sigv4_valid(tampered)


def test_bedrock_body_field_set_by_the_caller_is_filtered() -> None:
    wire = Wire()
    client = betalint.guard(make_client("bedrock", wire))
    client.beta.messages.create(
        model=MODELS["bedrock"],
        max_tokens=16,
        messages=MESSAGES,
        extra_body={"anthropic_beta": BETAS},
    )
    (sent,) = wire.sent
    assert json.loads(sent.content)["anthropic_beta"] == EXPECTED["bedrock"]
    assert header_betas(sent) == []
    assert sigv4_valid(sent)


def test_all_dropped_sends_no_header_and_no_body_field() -> None:
    wire = Wire()
    send(betalint.guard(make_client("bedrock", wire)), ["files-api-2025-04-14"], MODELS["bedrock"])
    (sent,) = wire.sent
    assert header_betas(sent) == []
    assert "anthropic_beta" not in json.loads(sent.content)
    assert sigv4_valid(sent)


def test_client_default_header_is_filtered_too() -> None:
    wire = Wire()
    client = anthropic.AnthropicVertex(
        region="us-east5",
        project_id="p",
        access_token="t",
        http_client=wire.client(False),
        default_headers={"anthropic-beta": "files-api-2025-04-14,context-management-2025-06-27"},
    )
    betalint.guard(client).messages.create(model=MODELS["vertex"], max_tokens=16, messages=MESSAGES)
    (sent,) = wire.sent
    assert header_betas(sent) == ["context-management-2025-06-27"]


def test_the_request_model_decides() -> None:
    """Bedrock answers 400 for effort-2025-11-24 on Opus 4.7 (registry: issue report)."""
    wire = Wire()
    guarded = betalint.guard(make_client("bedrock", wire))
    with pytest.warns(betalint.BetaCallWarning, match=r"effort-2025-11-24 .*filter drops it"):
        send(guarded, ["effort-2025-11-24"], "us.anthropic.claude-opus-4-7-v1:0")
    send(guarded, ["effort-2025-11-24"], "us.anthropic.claude-opus-4-5-20251101-v1:0")
    on_47, on_45 = wire.sent
    assert "anthropic_beta" not in json.loads(on_47.content)
    assert json.loads(on_45.content)["anthropic_beta"] == ["effort-2025-11-24"]


def test_vertex_count_tokens_uses_that_endpoint() -> None:
    wire = Wire(reply={"input_tokens": 3})
    client = betalint.guard(make_client("vertex", wire))
    client.beta.messages.count_tokens(model=MODELS["vertex"], messages=MESSAGES, betas=BETAS)
    (sent,) = wire.sent
    assert sent.url.path.endswith("/count-tokens:rawPredict")
    expected = betalint.filter_betas(
        [*BETAS, "token-counting-2024-11-01"],
        platform="vertex:count_tokens",
        model=MODELS["vertex"],
    )
    assert header_betas(sent) == [expected.header]
    assert "token-counting-2024-11-01" in expected.names


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_unknown_policies(asynchronous: bool) -> None:
    wire = Wire()
    client = make_client("vertex", wire, asynchronous=asynchronous)
    send(betalint.guard(client, unknown="keep"), BETAS, MODELS["vertex"])
    assert header_betas(wire.sent[0]) == [
        ",".join(
            [
                "tool-search-tool-2025-10-19",
                "interleaved-thinking-2025-05-14",
                "interleaved-thinkng-2025-05-14",
                "fine-grained-tool-streaming-2025-05-14",
            ]
        )
    ]
    with pytest.raises(betalint.UnknownBetaError) as raised:
        send(betalint.guard(client, unknown="raise"), BETAS, MODELS["vertex"])
    assert raised.value.names == ("interleaved-thinkng-2025-05-14",)
    assert "did you mean interleaved-thinking-2025-05-14" in str(raised.value)
    assert len(wire.sent) == 1  # nothing left for the raising call


def test_middleware_in_the_constructor_and_an_explicit_platform() -> None:
    wire = Wire()
    client = anthropic.Anthropic(
        api_key="k", http_client=wire.client(False), middleware=[betalint.middleware("vertex_ai")]
    )
    send(client, BETAS, "claude-sonnet-4-5")
    assert header_betas(wire.sent[0]) == [",".join(EXPECTED["vertex"])]
    gateway = betalint.guard(
        anthropic.Anthropic(api_key="k", http_client=wire.client(False)), platform="bedrock"
    )
    send(gateway, BETAS, "claude-sonnet-4-5")
    assert header_betas(wire.sent[1]) == [",".join(EXPECTED["bedrock"])]


def test_no_betas_no_change() -> None:
    wire = Wire()
    betalint.guard(make_client("anthropic", wire)).messages.create(
        model="claude-sonnet-4-5", max_tokens=16, messages=MESSAGES
    )
    assert header_betas(wire.sent[0]) == []


CLIENT_PLATFORMS = {
    "Anthropic": "anthropic",
    "AnthropicAWS": "anthropic",
    "AnthropicGoogleCloud": "anthropic",
    "AnthropicBedrock": "bedrock",
    "AnthropicBedrockMantle": "bedrock:mantle",
    "AnthropicVertex": "vertex",
    "AnthropicFoundry": "foundry",
}


@pytest.mark.parametrize("prefix", ["", "Async"])
@pytest.mark.parametrize(("name", "platform"), CLIENT_PLATFORMS.items())
def test_platform_of_every_client_kind(prefix: str, name: str, platform: str) -> None:
    cls = getattr(anthropic, prefix + name)
    assert platform_of(cls.__new__(cls)) == platform


def test_guard_refuses_other_objects() -> None:
    with pytest.raises(TypeError, match=r"betalint\.guard takes an anthropic client"):
        betalint.guard(object())


def test_bad_policy_and_platform_fail_at_set_up() -> None:
    with pytest.raises(ValueError, match="unknown= takes one of drop, keep, raise"):
        betalint.middleware("bedrock", unknown="ignore")  # type: ignore[arg-type]
    with pytest.raises(betalint.BetalintError, match="unknown platform 'bedrok'"):
        betalint.middleware("bedrok")


# --- the extension point this is built on: if a later SDK changes it, these fail loudly ------


def test_the_sdk_extension_point_is_there() -> None:
    assert issubclass(BetaFilter, anthropic.Middleware)
    copy = inspect.signature(anthropic.APIRequest.copy).parameters
    assert {"headers", "body"} <= set(copy)
    for cls in (
        anthropic.Anthropic,
        anthropic.AsyncAnthropic,
        anthropic.AnthropicBedrock,
        anthropic.AsyncAnthropicBedrock,
        anthropic.AnthropicVertex,
        anthropic.AsyncAnthropicVertex,
        anthropic.AnthropicFoundry,
        anthropic.AsyncAnthropicFoundry,
    ):
        assert callable(getattr(cls, "with_middleware", None)), cls
        assert "middleware" in inspect.signature(cls.__init__).parameters, cls
    assert inspect.iscoroutinefunction(BetaFilter.handle_async)
    assert not inspect.iscoroutinefunction(BetaFilter.handle)


def test_the_chain_runs_once_per_attempt() -> None:
    """The SDK retries inside the chain: a retried attempt is filtered again."""
    seen: list[httpx2.Request] = []

    def flaky(request: httpx2.Request) -> httpx2.Response:
        seen.append(request)
        if len(seen) == 1:
            error = {"type": "overloaded_error", "message": "busy"}
            return httpx2.Response(
                529, json={"type": "error", "error": error}, headers={"retry-after-ms": "1"}
            )
        return httpx2.Response(200, json=REPLY)

    http = httpx2.Client(transport=httpx2.MockTransport(flaky))
    client = anthropic.AnthropicVertex(
        region="us-east5", project_id="p", access_token="t", http_client=http, max_retries=1
    )
    send(betalint.guard(client), BETAS, MODELS["vertex"])
    assert [header_betas(r) for r in seen] == [[",".join(EXPECTED["vertex"])]] * 2


def test_import_betalint_does_not_import_anthropic() -> None:
    code = (
        "import sys, betalint; betalint.filter_betas(['files-api-2025-04-14'], "
        "platform='bedrock'); assert 'anthropic' not in sys.modules, 'anthropic imported'; "
        "betalint.guard; assert 'anthropic' in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_without_the_sdk_the_error_says_what_to_install() -> None:
    code = (
        "import sys\nsys.modules['anthropic'] = None\nimport betalint\n"
        "try:\n    betalint.guard\nexcept ImportError as error:\n    print(error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'betalint[anthropic]'" in done.stdout


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_streamed_call_is_filtered(asynchronous: bool) -> None:
    sent: list[httpx2.Request] = []

    def events(request: httpx2.Request) -> httpx2.Response:
        sent.append(request)
        stop = b'event: message_stop\ndata: {"type": "message_stop"}\n\n'
        return httpx2.Response(200, content=stop, headers={"content-type": "text/event-stream"})

    transport = httpx2.MockTransport(events)
    if asynchronous:
        client: Any = anthropic.AsyncAnthropic(
            api_key="k", http_client=httpx2.AsyncClient(transport=transport)
        )
    else:
        client = anthropic.Anthropic(api_key="k", http_client=httpx2.Client(transport=transport))
    guarded = betalint.guard(client, platform="vertex")
    kwargs: dict[str, Any] = {"model": "claude-sonnet-4-5", "max_tokens": 16, "stream": True}
    if asynchronous:

        async def consume() -> list[Any]:
            stream = await guarded.beta.messages.create(messages=MESSAGES, betas=BETAS, **kwargs)
            return [event async for event in stream]

        received = asyncio.run(consume())
    else:
        stream = guarded.beta.messages.create(messages=MESSAGES, betas=BETAS, **kwargs)
        received = list(stream)
    assert [event.type for event in received] == ["message_stop"]
    assert header_betas(sent[0]) == [",".join(EXPECTED["vertex"])]
    assert json.loads(sent[0].content)["stream"] is True
