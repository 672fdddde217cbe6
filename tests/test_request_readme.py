"""The README's request-time examples, run verbatim (extracted from README.md by marker).

Each fenced block after `<!-- readme-test: request-time -->` runs as written. The SDK's own
HTTP transport (httpx2's) is replaced by a recorder, so the examples "send" without any
network, and this test checks what would have left; credentials are fake, from the env.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx2
import pytest
from _sdk_support import ACCESS_KEY, REPLY, SECRET_KEY, sigv4_valid

README = Path(__file__).resolve().parent.parent / "README.md"


def blocks(marker: str) -> list[str]:
    """The fenced code blocks that directly follow `<!-- marker -->` in the README."""
    text = README.read_text(encoding="utf-8")
    pattern = rf"<!-- {re.escape(marker)} -->\n```[a-z]*\n(.*?)```"
    return re.findall(pattern, text, flags=re.DOTALL)


@pytest.fixture()
def wire(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[httpx2.Request]:
    """Every request the SDK's default transports would send, answered in-process."""
    sent: list[httpx2.Request] = []

    def record(request: httpx2.Request) -> httpx2.Response:
        request.read()
        sent.append(request)
        return httpx2.Response(200, json=REPLY)

    def handle(self: object, request: httpx2.Request) -> httpx2.Response:
        return record(request)

    async def handle_async(self: object, request: httpx2.Request) -> httpx2.Response:
        return record(request)

    monkeypatch.setattr(httpx2.HTTPTransport, "handle_request", handle)
    monkeypatch.setattr(httpx2.AsyncHTTPTransport, "handle_async_request", handle_async)
    for name in (
        "AWS_PROFILE",
        "AWS_SESSION_TOKEN",
        "ANTHROPIC_BASE_URL",
        "ANTHROPIC_BEDROCK_BASE_URL",
        "ANTHROPIC_AUTH_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ACCESS_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    monkeypatch.setenv("ANTHROPIC_API_KEY", "sk-ant-test")
    return sent


def test_the_readme_has_the_examples() -> None:
    assert len(blocks("readme-test: request-time")) == 3
    assert len(blocks("readme-output: request-time")) == 1
    assert "event_hooks" not in README.read_text(encoding="utf-8")  # the old httpx hook is gone


def test_filter_betas_example_prints_what_the_readme_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = blocks("readme-test: request-time")[0]
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out == blocks("readme-output: request-time")[0]


def test_guard_example_sends_filtered_signed_betas(wire: list[httpx2.Request]) -> None:
    exec(compile(blocks("readme-test: request-time")[1], "README.md", "exec"), {})
    (sent,) = wire
    assert sent.url.host == "bedrock-runtime.us-east-1.amazonaws.com"
    assert json.loads(sent.content)["anthropic_beta"] == ["interleaved-thinking-2025-05-14"]
    assert sent.headers.get_list("anthropic-beta") == ["interleaved-thinking-2025-05-14"]
    assert sigv4_valid(sent)


def test_middleware_example_maps_for_vertex(wire: list[httpx2.Request]) -> None:
    exec(compile(blocks("readme-test: request-time")[2], "README.md", "exec"), {})
    (sent,) = wire
    assert sent.url.host == "gateway.example.internal"
    assert sent.headers.get_list("anthropic-beta") == ["tool-search-tool-2025-10-19"]


def test_the_readme_has_the_call_check_examples() -> None:
    assert len(blocks("readme-test: call-checks")) == 2
    assert len(blocks("readme-output: call-checks")) == 1


def test_check_request_example_prints_what_the_readme_says(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = blocks("readme-test: call-checks")[0]
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert capsys.readouterr().out == blocks("readme-output: call-checks")[0]


def test_on_problem_raise_example_sends_nothing(
    wire: list[httpx2.Request], capsys: pytest.CaptureFixture[str]
) -> None:
    exec(compile(blocks("readme-test: call-checks")[1], "README.md", "exec"), {})
    assert wire == []
    assert "computer_20251124 takes computer-use-2025-11-24" in capsys.readouterr().out
