"""linter.platform_pin: a file's client pins the platform its betas go to."""

from __future__ import annotations

from pathlib import PurePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan import platform_pin
from betalint.linter.scan.platform_pin import pinned_platform


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    (
        ("a.py", "from anthropic import AnthropicBedrock\nc = AnthropicBedrock()\n", "bedrock"),
        ("a.py", "client = AsyncAnthropicVertex(region='us-east5')", "vertex"),
        ("a.py", "client = AnthropicFoundry(api_key=k)", "foundry"),
        ("a.ts", "import AnthropicBedrock from '@anthropic-ai/bedrock-sdk';", "bedrock"),
        ("a.ts", "import { AnthropicVertex } from '@anthropic-ai/vertex-sdk';", "vertex"),
        ("a.ts", "import AnthropicFoundry from '@anthropic-ai/foundry-sdk';", "foundry"),
        ("a.go", "anthropic.NewClient(bedrock.WithLoadDefaultConfig(ctx))", "bedrock"),
        ("a.go", 'anthropic.NewClient(vertex.WithGoogleAuth(ctx, "us-east5", "p"))', "vertex"),
        ("A.java", "AnthropicOkHttpClient.builder().backend(BedrockBackend.fromEnv())", "bedrock"),
        ("a.rb", "client = Anthropic::BedrockClient.new", "bedrock"),
        ("a.py", "llm = ChatBedrockConverse(model=m)", "bedrock:converse"),
        ("a.py", "llm = ChatAnthropicVertex(model_name=m)", "vertex"),
        # both Bedrock clients: the platform is pinned, the endpoint is not
        ("a.py", "ChatBedrock(model_id=m)\nChatBedrockConverse(model=m)", "bedrock"),
    ),
)
def test_pins(path: str, text: str, expected: str) -> None:
    assert pinned_platform(text, path) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    (
        ("a.py", "client = anthropic.Anthropic()"),
        ("a.py", "AnthropicBedrock()\nAnthropicVertex()"),  # two platforms: ambiguous
        ("README.md", "Use `AnthropicBedrock()` on AWS."),  # prose never pins
        ("a.py", "# bedrock-2023-05-31 is an anthropic_version value"),
        ("a.py", "MyAnthropicBedrockWrapper = 1"),  # not the SDK identifier
        ("a.py", "vertexes = []"),
    ),
)
def test_no_pin(path: str, text: str) -> None:
    assert pinned_platform(text, path) is None


def plain_pinned_platform(text: str, path: str) -> str | None:
    """pinned_platform without its literal shortcuts: every pattern searched, pathlib."""
    if PurePath(path).suffix.lower() in platform_pin._PROSE:
        return None
    found = {target for target, pattern in platform_pin._PINS if pattern.search(text)}
    platforms = {target.partition(":")[0] for target in found}
    if len(platforms) != 1:
        return None
    return found.pop() if len(found) == 1 else platforms.pop()


PIN_FRAGMENTS = [
    literal for literals in platform_pin._LITERALS.values() for literal in literals
] + ["Async", "Mantle", "My", "Converse", "bedrock-2023-05-31", "vertex", "x", " ", "(", "\n"]
PATHS = ["a.py", "a.ts", "README.md", "notes.TXT", ".md", "..md", "a.", "dir.md/a.go", "x"]


@given(st.lists(st.sampled_from(PIN_FRAGMENTS), max_size=12).map("".join), st.sampled_from(PATHS))
def test_shortcuts_agree_with_plain_search(text: str, path: str) -> None:
    assert pinned_platform(text, path) == plain_pinned_platform(text, path)


def test_every_literal_holds_its_stem() -> None:
    for target, literals in platform_pin._LITERALS.items():
        assert all(platform_pin._STEMS[target] in literal for literal in literals), target
