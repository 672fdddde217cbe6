"""The API ids that the official SDKs' model constants and tool classes stand for.

Issue 16's call rules need the model and tool types of a call; typed SDKs write them as
constants (`Model.CLAUDE_SONNET_4_5_20250929` in anthropic-sdk-java, `Model.ClaudeOpus4_8`
in anthropic-sdk-csharp, `anthropic.ModelClaudeSonnet4_5` in anthropic-sdk-go,
`Model::CLAUDE_SONNET_4_5` in anthropic-sdk-php) and classes
(`BetaToolComputerUse20250124`). Only names whose id follows from the name by one
mechanical rule are mapped, checked against every constant the SDKs have shipped (the
histories of Java's `Model.kt` and C#'s `Model.cs`, Go's and PHP's `Model` constants): all
but Java's
`CLAUDE_2_0`/`CLAUDE_2_1`, which read `claude-2.0` and are refused here. Anything else is
None, and the rules stay silent."""

from __future__ import annotations

import re

__all__ = ["MODEL_CONSTANT", "TOOL_CLASS", "model_for_constant", "tool_for_class"]

# A model constant of the SDK's `Model` class, optionally qualified: matches
# `Model.CLAUDE_SONNET_4_5_20250929` (Java/Kotlin), `Messages::Model.ClaudeOpus4_8` and
# `Anthropic.Models.Messages.Model.ClaudeSonnet5` (C#), `anthropic.ModelClaudeSonnet4_5` and
# `anthropic.ModelClaude_3_5_Sonnet_20240620` (Go), `Model::CLAUDE_SONNET_4_5` and
# `\Anthropic\Messages\Model::CLAUDE_OPUS_4_7` (PHP), with the constant in group `const`;
# not `MyModel.CLAUDE_X` (another class), `Model.of("…")` or `Model.CLAUDE` (no version).
# Possessive runs: `Claude` + 30 digits + `x` must fail at once, not try every split of them.
MODEL_CONSTANT = re.compile(
    r"(?<![\w.:])(?:(?:[A-Za-z_]\w*(?:\.|::|\\))*Model\s*(?:\.|::)\s*"
    r"|(?:[A-Za-z_]\w*\.)?Model(?=Claude))"
    r"(?P<const>CLAUDE(?:_[A-Z0-9]++)++|Claude(?:_?[A-Z][a-z]++|_?\d++)++)(?![\w(])"
)
# A Java constant's words: `CLAUDE_SONNET_4_5` → claude-sonnet-4-5.
# A C# constant's words, split at case and digit edges: `ClaudeSonnet4_5_20250929` →
# Claude, Sonnet, 4, 5, 20250929; `Claude3OpusLatest` → Claude, 3, Opus, Latest.
_CS_WORD = re.compile(r"[A-Z][a-z]+|\d+")
# The ids the mechanical rule gets wrong (Java's `CLAUDE_2_1` is `claude-2.1`): matches
# "claude-2-1" and "claude-instant-1-2"; not "claude-3-5-sonnet" or "claude-sonnet-4-5".
_IRREGULAR = re.compile(r"^claude-(?:2|instant)\b")


def model_for_constant(constant: str) -> str | None:
    """`CLAUDE_OPUS_4_5_20251101` / `ClaudeOpus4_5_20251101` → `claude-opus-4-5-20251101`."""
    if constant == constant.upper():
        model = constant.lower().replace("_", "-")
    else:
        words = _CS_WORD.findall(constant)
        if "".join(words) != constant.replace("_", ""):
            return None
        model = "-".join(words).lower()
    return None if _IRREGULAR.match(model) else model


# The SDK tool classes whose name gives the tool type: `BetaToolComputerUse20250124`
# (Java/Kotlin/C#), `BetaToolBash20250124Param` and the pre-v1
# `BetaToolComputerUse20241022TypeComputer20241022` (Go) → stem and date groups; not
# `BetaToolResultBlock` (no date), `MyBetaToolBash20250124` (a longer name) or
# `BetaToolSearchToolRegex20251119` (a stem without a mechanical type).
TOOL_CLASS = re.compile(
    r"(?<![\w])(?:Beta)?(?P<stem>ToolBash|ToolComputerUse|ToolTextEditor|CodeExecutionTool"
    r"|MemoryTool|WebSearchTool|WebFetchTool)(?P<date>20\d{6})(?:Param|Type[A-Z]\w*)?(?!\w)"
)
# Stem → type prefix, as each class's `type` default reads in anthropic-sdk-java's models
# (`BetaToolComputerUse20250124` sends `computer_20250124`).
_TOOL_STEMS = {
    "ToolBash": "bash",
    "ToolComputerUse": "computer",
    "ToolTextEditor": "text_editor",
    "CodeExecutionTool": "code_execution",
    "MemoryTool": "memory",
    "WebSearchTool": "web_search",
    "WebFetchTool": "web_fetch",
}


def tool_for_class(match: re.Match[str]) -> str:
    """The tool type a `TOOL_CLASS` match sends: `BetaToolBash20250124` → bash_20250124."""
    return f"{_TOOL_STEMS[match.group('stem')]}_{match.group('date')}"
