"""docs/recipes/litellm.md, run as written, in the installed LiteLLM, against a loopback upstream.

The recipe's code block is saved as `beta_filter.py` beside the recipe's `config.yaml` and
loaded the way the LiteLLM proxy loads a `callbacks:` entry (`get_instance_fn`). Requests go
through `litellm.Router` (what the proxy routes with, given the proxy's
`provider_specific_header` shape) and the SDK calls, to a server on 127.0.0.1 that records
what arrives. Fake credentials only.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

# Before litellm is imported: its model cost map and beta map from the package, not the network.
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
os.environ.setdefault("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True")

import litellm
import yaml
from _sdk_support import ACCESS_KEY, REPLY, SECRET_KEY
from litellm.proxy.types_utils.utils import get_instance_fn

pytestmark = pytest.mark.filterwarnings("ignore:Item.*ReadOnly:UserWarning")

RECIPE = Path(__file__).resolve().parent.parent / "docs" / "recipes" / "litellm.md"
OPUS_47 = "bedrock/us.anthropic.claude-opus-4-7-v1:0"
SENT = (
    "effort-2025-11-24,files-api-2025-04-14,interleaved-thinkng-2025-05-14,"
    "context-management-2025-06-27"
)


def block(marker: str) -> str:
    text = RECIPE.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {re.escape(marker)} -->\n```[a-z]*\n(.*?)```", text, re.DOTALL)
    assert found is not None, marker
    return found.group(1)


@dataclass
class Upstream:
    """An Anthropic / Bedrock look-alike on 127.0.0.1 that records each request."""

    server: ThreadingHTTPServer
    seen: list[tuple[str, dict[str, str], dict[str, Any]]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def last(self) -> tuple[str, dict[str, str], dict[str, Any]]:
        return self.seen[-1]


@pytest.fixture()
def upstream() -> Iterator[Upstream]:
    recorded: list[tuple[str, dict[str, str], dict[str, Any]]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            headers = {k.lower(): v for k, v in self.headers.items()}
            recorded.append((self.path, headers, json.loads(body)))
            reply = json.dumps(REPLY).encode()
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Upstream(server, recorded)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture()
def callback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The recipe's callback, loaded from beta_filter.py as the proxy's config names it."""
    (tmp_path / "beta_filter.py").write_text(block("recipe: litellm"), encoding="utf-8")
    config = tmp_path / "config.yaml"
    config.write_text(block("recipe: litellm-config"), encoding="utf-8")
    name = yaml.safe_load(config.read_text())["litellm_settings"]["callbacks"]
    instance = get_instance_fn(name, config_file_path=str(config))
    monkeypatch.setattr(litellm, "callbacks", [instance])
    for var in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "ANTHROPIC_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    return instance


def bedrock_params(upstream: Upstream, model: str = OPUS_47) -> dict[str, Any]:
    return {
        "model": model,
        "aws_access_key_id": ACCESS_KEY,
        "aws_secret_access_key": SECRET_KEY,
        "aws_region_name": "us-east-1",
        "api_base": upstream.url,
    }


MESSAGES = [{"role": "user", "content": "Hello"}]


def test_proxy_routing_filters_the_client_header_per_deployment(
    callback: Any, upstream: Upstream
) -> None:
    router = litellm.Router(
        model_list=[
            {"model_name": "claude-opus", "litellm_params": bedrock_params(upstream)},
        ]
    )
    # How the proxy hands a client's anthropic-beta header to Bedrock/Vertex/Anthropic routes.
    scoped = {
        "custom_llm_provider": "anthropic,bedrock,bedrock_mantle,vertex_ai",
        "extra_headers": {"anthropic-beta": SENT, "anthropic-version": "2023-06-01"},
    }
    asyncio.run(
        router.aanthropic_messages(
            model="claude-opus", messages=MESSAGES, max_tokens=16, provider_specific_header=scoped
        )
    )
    path, headers, body = upstream.last()
    assert path == "/model/us.anthropic.claude-opus-4-7-v1:0/invoke"
    assert headers["anthropic-beta"] == "context-management-2025-06-27"
    assert body["anthropic_beta"] == ["context-management-2025-06-27"]


def test_without_the_callback_litellm_forwards_the_model_rejected_beta(
    callback: Any, upstream: Upstream, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The baseline: LiteLLM's own map keeps effort-2025-11-24 for Opus 4.7 on Bedrock."""
    monkeypatch.setattr(litellm, "callbacks", [])
    asyncio.run(
        litellm.anthropic_messages(
            messages=MESSAGES,
            max_tokens=16,
            extra_headers={"anthropic-beta": SENT},
            **bedrock_params(upstream),
        )
    )
    assert "effort-2025-11-24" in upstream.last()[2]["anthropic_beta"]


def test_sdk_chat_completion_on_bedrock(callback: Any, upstream: Upstream) -> None:
    asyncio.run(
        litellm.acompletion(
            messages=MESSAGES,
            max_tokens=16,
            extra_headers={"anthropic-beta": SENT},
            **bedrock_params(upstream),
        )
    )
    _, headers, body = upstream.last()
    assert body["anthropic_beta"] == ["context-management-2025-06-27"]
    assert headers["anthropic-beta"] == "context-management-2025-06-27"


def test_first_party_traffic_loses_the_typo_the_duplicate_and_what_the_model_ignores(
    callback: Any, upstream: Upstream
) -> None:
    asyncio.run(
        litellm.anthropic_messages(
            model="anthropic/claude-sonnet-4-5",
            messages=MESSAGES,
            max_tokens=16,
            api_key="sk-ant-test",
            api_base=upstream.url,
            extra_headers={"anthropic-beta": SENT + ",files-api-2025-04-14"},
        )
    )
    path, headers, _ = upstream.last()
    assert path == "/v1/messages"
    # effort-2025-11-24 does nothing on Sonnet 4.5 (registry); LiteLLM sorts what it forwards
    assert sorted(headers["anthropic-beta"].split(",")) == [
        "context-management-2025-06-27",
        "files-api-2025-04-14",
    ]


def test_other_providers_and_calls_without_betas_are_left_alone(callback: Any) -> None:
    kwargs: dict[str, Any] = {"model": "openai/gpt-4o", "extra_headers": {"anthropic-beta": "x"}}
    assert asyncio.run(callback.async_pre_call_deployment_hook(kwargs, None)) is None
    assert kwargs["extra_headers"] == {"anthropic-beta": "x"}
    plain: dict[str, Any] = {"model": OPUS_47, "extra_headers": {"x-other": "1"}}
    assert asyncio.run(callback.async_pre_call_deployment_hook(plain, None)) == {
        "model": OPUS_47,
        "extra_headers": {"x-other": "1"},
    }


def test_converse_route_is_its_own_platform(callback: Any) -> None:
    kwargs: dict[str, Any] = {
        "model": "bedrock/converse/us.anthropic.claude-sonnet-4-5-v1:0",
        "headers": {"Anthropic-Beta": "advanced-tool-use-2025-11-20"},
    }
    asyncio.run(callback.async_pre_call_deployment_hook(kwargs, None))
    assert kwargs["headers"] == {}  # mapped on InvokeModel, and Converse lacks the mapped name
