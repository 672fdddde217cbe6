"""docs/recipes/asgi_proxy.md, run as written: Starlette's TestClient in front, an in-process
ASGI upstream behind (httpx2's ASGITransport), nothing on the network."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.testclient import TestClient

RECIPE = Path(__file__).resolve().parent.parent / "docs" / "recipes" / "asgi_proxy.md"
BETAS = "files-api-2025-04-14, advanced-tool-use-2025-11-20, interleaved-thinkng-2025-05-14"
BODY = {
    "model": "claude-sonnet-4-5",
    "max_tokens": 16,
    "messages": [{"role": "user", "content": "Hello"}],
}


@pytest.fixture(scope="module")
def recipe(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The recipe's code block, imported as the module `beta_proxy` it tells you to save."""
    text = RECIPE.read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: asgi-proxy -->\n```python\n(.*?)```", text, re.DOTALL)
    assert found is not None
    path = tmp_path_factory.mktemp("recipe") / "beta_proxy.py"
    path.write_text(found.group(1), encoding="utf-8")
    spec = importlib.util.spec_from_file_location("beta_proxy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["beta_proxy"] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules["beta_proxy"]


class FakeUpstream:
    """Every platform at once: records each request; streams when the body asks to."""

    def __init__(self) -> None:
        self.seen: list[dict[str, Any]] = []
        self.app = Starlette(routes=[Route("/{path:path}", self.answer, methods=["GET", "POST"])])

    async def answer(self, request: Request) -> Response:
        body = await request.body()
        self.seen.append(
            {
                "method": request.method,
                "url": str(request.url),
                "headers": request.headers.getlist("anthropic-beta"),
                "all_headers": dict(request.headers),
                "body": body,
            }
        )
        if b'"stream": true' in body or b'"stream":true' in body:
            chunks = [b"event: message_start\ndata: {}\n\n", b"event: message_stop\ndata: {}\n\n"]

            async def events() -> Any:
                for chunk in chunks:
                    yield chunk

            return StreamingResponse(events(), media_type="text/event-stream")
        return JSONResponse({"type": "message", "id": "msg_01"}, headers={"x-upstream": "1"})


@pytest.fixture()
def upstream() -> FakeUpstream:
    return FakeUpstream()


def proxy(recipe: ModuleType, upstream: FakeUpstream, unknown: str = "drop") -> TestClient:
    client = httpx2.AsyncClient(transport=httpx2.ASGITransport(app=upstream.app))
    routes = {
        "claude": recipe.Upstream("anthropic", "http://anthropic.upstream"),
        "vertex": recipe.Upstream("vertex", "http://vertex.upstream/v1"),
        "foundry": recipe.Upstream("foundry", "http://foundry.upstream/anthropic"),
    }
    return TestClient(recipe.create_app(routes, client=client, unknown=unknown))


def test_each_route_gets_its_platform_s_betas(recipe: ModuleType, upstream: FakeUpstream) -> None:
    with proxy(recipe, upstream) as client:
        client.post("/claude/v1/messages", json=BODY, headers={"anthropic-beta": BETAS})
        client.post("/foundry/v1/messages", json=BODY, headers={"anthropic-beta": BETAS})
        path = (
            "/vertex/projects/p/locations/us-east5/publishers/anthropic/models/"
            "claude-sonnet-4-5@20250929:rawPredict"
        )
        vertex_body = {k: v for k, v in BODY.items() if k != "model"}
        answer = client.post(path, json=vertex_body, headers={"anthropic-beta": BETAS})
    assert answer.status_code == 200 and answer.headers["x-upstream"] == "1"
    claude, foundry, vertex = upstream.seen
    assert claude["url"] == "http://anthropic.upstream/v1/messages"
    assert claude["headers"] == ["files-api-2025-04-14,advanced-tool-use-2025-11-20"]
    assert foundry["url"] == "http://foundry.upstream/anthropic/v1/messages"
    assert foundry["headers"] == ["files-api-2025-04-14,advanced-tool-use-2025-11-20"]
    assert vertex["url"].startswith("http://vertex.upstream/v1/projects/p/")
    assert vertex["headers"] == ["tool-search-tool-2025-10-19"]


def test_the_body_and_other_headers_pass_untouched(
    recipe: ModuleType, upstream: FakeUpstream
) -> None:
    raw = json.dumps(BODY, indent=1).encode()  # not how the proxy would serialise it
    with proxy(recipe, upstream) as client:
        client.post(
            "/claude/v1/messages?beta=true",
            content=raw,
            headers={
                "anthropic-beta": BETAS,
                "x-api-key": "sk-ant-test",
                "content-type": "application/json",
            },
        )
    (seen,) = upstream.seen
    assert seen["body"] == raw
    assert seen["url"].endswith("/v1/messages?beta=true")
    assert seen["all_headers"]["x-api-key"] == "sk-ant-test"


def test_several_header_lines_and_the_body_field(
    recipe: ModuleType, upstream: FakeUpstream
) -> None:
    body = {
        **BODY,
        "model": "claude-opus-4-7",
        "anthropic_beta": ["effort-2025-11-24", "files-api-2025-04-14"],
    }
    headers = [
        ("anthropic-beta", "files-api-2025-04-14"),
        ("anthropic-beta", "files-api-2025-04-14,context-management-2025-06-27"),
    ]
    with proxy(recipe, upstream) as client:
        client.post("/vertex/v1/messages", content=json.dumps(body).encode(), headers=headers)
    (seen,) = upstream.seen
    assert seen["headers"] == ["context-management-2025-06-27"]
    assert json.loads(seen["body"])["anthropic_beta"] == ["effort-2025-11-24"]  # no Files API


def test_vertex_count_tokens(recipe: ModuleType, upstream: FakeUpstream) -> None:
    with proxy(recipe, upstream) as client:
        client.post(
            "/vertex/projects/p/locations/l/publishers/anthropic/models/count-tokens:rawPredict",
            json=BODY,
            headers={"anthropic-beta": "token-counting-2024-11-01,files-api-2025-04-14"},
        )
    (seen,) = upstream.seen
    import betalint

    expected = betalint.filter_betas(
        ["token-counting-2024-11-01", "files-api-2025-04-14"],
        platform="vertex:count_tokens",
        model=BODY["model"],
    )
    assert seen["headers"] == [expected.header] and expected.header


def test_a_stream_is_passed_back(recipe: ModuleType, upstream: FakeUpstream) -> None:
    with (
        proxy(recipe, upstream) as client,
        client.stream(
            "POST",
            "/claude/v1/messages",
            json={**BODY, "stream": True},
            headers={"anthropic-beta": BETAS},
        ) as answer,
    ):
        text = b"".join(answer.iter_raw())
    assert answer.headers["content-type"].startswith("text/event-stream")
    assert text.count(b"event: ") == 2


def test_raise_answers_400_and_forwards_nothing(recipe: ModuleType, upstream: FakeUpstream) -> None:
    with proxy(recipe, upstream, unknown="raise") as client:
        answer = client.post("/claude/v1/messages", json=BODY, headers={"anthropic-beta": BETAS})
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert "interleaved-thinkng-2025-05-14" in error["message"]
    assert upstream.seen == []


def test_non_json_and_unknown_routes(recipe: ModuleType, upstream: FakeUpstream) -> None:
    with proxy(recipe, upstream) as client:
        assert client.post("/bedrock/v1/messages", content=b"{}").status_code == 404
        client.post("/claude/v1/files", content=b"\x00binary", headers={"anthropic-beta": BETAS})
    (seen,) = upstream.seen
    assert seen["body"] == b"\x00binary"
    assert seen["headers"] == ["files-api-2025-04-14,advanced-tool-use-2025-11-20"]


# --- the call-level checks (betalint.check_request) ------------------------------------------

COMPUTER = {"type": "computer_20251124", "name": "computer", "display_width_px": 1024}
MCP = [{"type": "url", "url": "https://mcp.example.com/sse", "name": "example"}]


def checking(recipe: ModuleType, upstream: FakeUpstream, calls: str) -> TestClient:
    client = httpx2.AsyncClient(transport=httpx2.ASGITransport(app=upstream.app))
    routes = {"claude": recipe.Upstream("anthropic", "http://anthropic.upstream")}
    return TestClient(recipe.create_app(routes, client=client, calls=calls))


@pytest.fixture()
def request_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """The recipe uses the shipped registry; these tests give it the request-time test one
    (tests/data/registries/request.toml: mcp-client gates mcp_servers)."""
    from _registries import REGISTRIES

    from betalint.registry import loader

    fixed = loader.load_registry(base=REGISTRIES / "request.toml")
    monkeypatch.setattr(loader, "shipped_registry", lambda: fixed)


def test_a_tool_version_mismatch_is_logged_and_forwarded(
    recipe: ModuleType, upstream: FakeUpstream, caplog: pytest.LogCaptureFixture
) -> None:
    body = {**BODY, "tools": [COMPUTER]}
    with checking(recipe, upstream, "log") as client, caplog.at_level("WARNING", "beta_proxy"):
        answer = client.post(
            "/claude/v1/messages", json=body, headers={"anthropic-beta": "computer-use-2025-01-24"}
        )
    assert answer.status_code == 200
    (seen,) = upstream.seen
    assert json.loads(seen["body"]) == body and seen["headers"] == ["computer-use-2025-01-24"]
    (record,) = caplog.records
    assert record.getMessage().startswith("tool-version-mismatch on anthropic: ")
    assert "computer_20251124 takes computer-use-2025-11-24" in record.getMessage()


def test_reject_answers_400_before_the_platform_sees_it(
    recipe: ModuleType, upstream: FakeUpstream
) -> None:
    body = {**BODY, "tools": [COMPUTER]}
    with checking(recipe, upstream, "reject") as client:
        answer = client.post(
            "/claude/v1/messages", json=body, headers={"anthropic-beta": "computer-use-2025-01-24"}
        )
    assert answer.status_code == 400
    assert answer.json()["error"]["type"] == "invalid_request_error"
    assert "computer_20251124" in answer.json()["error"]["message"]
    assert upstream.seen == []


@pytest.mark.usefixtures("request_registry")
def test_a_field_without_its_beta(recipe: ModuleType, upstream: FakeUpstream) -> None:
    body = {**BODY, "mcp_servers": MCP}
    with checking(recipe, upstream, "reject") as client:
        refused = client.post("/claude/v1/messages", json=body)
        taken = client.post(
            "/claude/v1/messages", json=body, headers={"anthropic-beta": "mcp-client-2025-11-20"}
        )
    assert refused.status_code == 400
    assert "mcp_servers" in refused.json()["error"]["message"]
    assert taken.status_code == 200 and len(upstream.seen) == 1


def test_a_clean_call_and_off_log_nothing(
    recipe: ModuleType, upstream: FakeUpstream, caplog: pytest.LogCaptureFixture
) -> None:
    # computer_20251124 works only on the newer models (registry): Opus 4.5 is one.
    raw = json.dumps({**BODY, "model": "claude-opus-4-5", "tools": [COMPUTER]}).encode()
    with caplog.at_level("WARNING", "beta_proxy"):
        with checking(recipe, upstream, "reject") as client:
            client.post(
                "/claude/v1/messages",
                content=raw,
                headers={"anthropic-beta": "computer-use-2025-11-24"},
            )
        with checking(recipe, upstream, "off") as client:
            client.post(
                "/claude/v1/messages",
                content=raw,
                headers={"anthropic-beta": "computer-use-2025-01-24"},
            )
    assert [seen["body"] for seen in upstream.seen] == [raw, raw]
    assert caplog.records == []
