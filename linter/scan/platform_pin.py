"""Which platform a source file talks to, when its client makes that unambiguous (BL206).

A file that constructs `AnthropicBedrock(...)` or imports `@anthropic-ai/vertex-sdk` sends its
betas to that platform whatever the run's `platforms` say. Two different platforms in one
file, or none, pin nothing. Prose files (Markdown, reST, text) never pin: docs compare
platforms side by side.
"""

from __future__ import annotations

import os
import re

# Each pattern names a client or package that only talks to one platform (target syntax of
# registry.platforms: "platform" or "platform:endpoint").
_PINS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bedrock:converse", re.compile(r"\bChatBedrockConverse\b")),  # langchain-aws, Converse API
    (
        "bedrock",
        re.compile(
            r"\b(?:Async)?AnthropicBedrock(?:Mantle)?\b"  # Python / TypeScript SDK clients
            r"|@anthropic-ai/bedrock-sdk"
            r"|\bbedrock\.With(?:LoadDefaultConfig|Config)\b"  # Go SDK options
            r"|\bBedrockBackend\b"  # Java / Kotlin SDK
            r"|\bAnthropic::(?:Bedrock|BedrockClient)\b"  # Ruby SDK
            r"|\bChatBedrock\b"  # langchain-aws (InvokeModel)
            r"|@ai-sdk/amazon-bedrock"
        ),
    ),
    (
        "vertex",
        re.compile(
            r"\b(?:Async)?AnthropicVertex\b"
            r"|@anthropic-ai/vertex-sdk"
            r"|\bvertex\.With(?:GoogleAuth|Credentials)\b"
            r"|\bVertexBackend\b"
            r"|\bAnthropic::(?:Vertex|VertexClient)\b"
            r"|\bChatAnthropicVertex\b"
            r"|\bcreateVertexAnthropic\b|@ai-sdk/google-vertex/anthropic"
        ),
    ),
    (
        "foundry",
        re.compile(
            r"\b(?:Async)?AnthropicFoundry\b"
            r"|@anthropic-ai/foundry-sdk"
            r"|\bFoundryBackend\b"
        ),
    ),
)

_PROSE = frozenset({".md", ".markdown", ".rst", ".txt", ".adoc"})
# Substrings every match of a target's pattern contains. The patterns start with `\b`, which
# `re` cannot skip ahead on, so on a large file (a bundle that mentions `bedrock-2023-05-31`)
# a plain `in` test first saves scanning every position with four regexes.
_LITERALS: dict[str, tuple[str, ...]] = {
    "bedrock:converse": ("ChatBedrockConverse",),
    "bedrock": (
        "AnthropicBedrock",
        "bedrock-sdk",
        "bedrock.With",
        "BedrockBackend",
        "Anthropic::Bedrock",
        "ChatBedrock",
        "amazon-bedrock",
    ),
    "vertex": (
        "AnthropicVertex",
        "vertex-sdk",
        "vertex.With",
        "VertexBackend",
        "Anthropic::Vertex",
        "createVertexAnthropic",
        "google-vertex/anthropic",
    ),
    "foundry": ("AnthropicFoundry", "foundry-sdk", "FoundryBackend"),
}


# A substring of every literal of a target, at a fixed offset in each: a file is searched
# for the stem alone, and each literal is checked only where the stem stands (most files name
# no platform at all, or only in a look-alike such as `bedrock-2023-05-31`).
_STEMS: dict[str, str] = {
    "bedrock:converse": "edrock",
    "bedrock": "edrock",
    "vertex": "ertex",
    "foundry": "oundry",
}
_AT_STEM: dict[str, tuple[tuple[str, int], ...]] = {
    target: tuple((literal, literal.index(_STEMS[target])) for literal in literals)
    for target, literals in _LITERALS.items()
}


def pinned_platform(text: str, path: str) -> str | None:
    """The platform target (`"bedrock"`, `"bedrock:converse"`, `"vertex"`, `"foundry"`) that
    `text` unambiguously talks to, or None."""
    if _suffix(path).lower() in _PROSE:
        return None
    found = {
        target for target, pattern in _PINS if _names_literal(text, target) and pattern.search(text)
    }
    platforms = {target.partition(":")[0] for target in found}
    if len(platforms) != 1:
        return None
    if len(found) == 1:
        return found.pop()
    return platforms.pop()  # InvokeModel and Converse clients together: the platform only


def _names_literal(text: str, target: str) -> bool:
    """`any(literal in text for literal in _LITERALS[target])`, one stem search."""
    stem, literals = _STEMS[target], _AT_STEM[target]
    at = text.find(stem)
    while at >= 0:
        if any(
            text.startswith(literal, at - offset) for literal, offset in literals if at >= offset
        ):
            return True
        at = text.find(stem, at + 1)
    return False


def _suffix(path: str) -> str:
    """`PurePath(path).suffix` without pathlib (which interns every path part it parses)."""
    name = os.path.basename(path)
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""
