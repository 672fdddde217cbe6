"""linter/scan/sdk_names.py: SDK model constants and tool classes to API ids.

The tables are checked against ids the SDKs ship (anthropic-sdk-java `Model.kt`,
anthropic-sdk-csharp `Model.cs`, the tool classes' `type` defaults); names the rule would
get wrong are refused, not guessed.
"""

from __future__ import annotations

import pytest

from betalint.linter.scan.sdk_names import (
    MODEL_CONSTANT,
    TOOL_CLASS,
    model_for_constant,
    tool_for_class,
)


@pytest.mark.parametrize(
    ("constant", "model"),
    [
        # Java/Kotlin (anthropic-sdk-java `Model.kt`).
        ("CLAUDE_SONNET_4_5_20250929", "claude-sonnet-4-5-20250929"),
        ("CLAUDE_OPUS_4_7", "claude-opus-4-7"),
        ("CLAUDE_3_7_SONNET_LATEST", "claude-3-7-sonnet-latest"),
        ("CLAUDE_MYTHOS_PREVIEW", "claude-mythos-preview"),
        # C# (anthropic-sdk-csharp `Model.cs`).
        ("ClaudeOpus4_8", "claude-opus-4-8"),
        ("ClaudeHaiku4_5_20251001", "claude-haiku-4-5-20251001"),
        ("Claude3OpusLatest", "claude-3-opus-latest"),
        ("ClaudeSonnet5", "claude-sonnet-5"),
        # Go (anthropic-sdk-go `Model` constants, `Model` prefix stripped by the pattern).
        ("Claude_3_5_Sonnet_20240620", "claude-3-5-sonnet-20240620"),
        ("Claude4Sonnet20250514", "claude-4-sonnet-20250514"),
        ("Claude3_7SonnetLatest", "claude-3-7-sonnet-latest"),
        # The rule is wrong for these (`claude-2.1`): refused.
        ("CLAUDE_2_1", None),
        ("CLAUDE_INSTANT_1_2", None),
        ("Claude2_1", None),
    ],
)
def test_model_for_constant(constant: str, model: str | None) -> None:
    assert model_for_constant(constant) == model


@pytest.mark.parametrize(
    ("text", "constant"),
    [
        ("Model.CLAUDE_SONNET_4_5", "CLAUDE_SONNET_4_5"),
        ("com.anthropic.models.messages.Model.CLAUDE_HAIKU_4_5", "CLAUDE_HAIKU_4_5"),
        ("Messages::Model.ClaudeOpus4_8", "ClaudeOpus4_8"),
        ("anthropic.ModelClaudeSonnet4_5_20250929", "ClaudeSonnet4_5_20250929"),
        ("Model: anthropic.ModelClaude_3_Opus_20240229,", "Claude_3_Opus_20240229"),
        ("model: Model::CLAUDE_SONNET_4_5,", "CLAUDE_SONNET_4_5"),  # PHP
        ("\\Anthropic\\Messages\\Model::CLAUDE_OPUS_4_7", "CLAUDE_OPUS_4_7"),
        ("MyModel.CLAUDE_SONNET_4_5", None),  # another class
        ("anthropic.MyModelClaudeSonnet4_5", None),
        ('Model.of("claude-x")', None),
        ("Model.CLAUDE", None),  # no version
        ("Model.ClaudeOpus4_8Fast(", None),  # a method, not the constant
    ],
)
def test_model_constant_pattern(text: str, constant: str | None) -> None:
    found = MODEL_CONSTANT.search(text)
    assert (found.group("const") if found else None) == constant


@pytest.mark.parametrize(
    ("name", "tool"),
    [
        ("BetaToolComputerUse20250124", "computer_20250124"),
        ("BetaToolComputerUse20251124", "computer_20251124"),
        ("BetaToolBash20250124Param", "bash_20250124"),
        ("BetaToolComputerUse20241022TypeComputer20241022", "computer_20241022"),
        ("ToolTextEditor20250728", "text_editor_20250728"),
        ("BetaCodeExecutionTool20250825", "code_execution_20250825"),
        ("BetaMemoryTool20250818", "memory_20250818"),
        ("BetaWebSearchTool20250305", "web_search_20250305"),
        ("BetaToolSearchToolRegex20251119", None),  # no mechanical type
        ("BetaToolResultBlockParam", None),
        ("MyBetaToolBash20250124", None),
    ],
)
def test_tool_for_class(name: str, tool: str | None) -> None:
    found = TOOL_CLASS.fullmatch(name)
    assert (tool_for_class(found) if found else None) == tool
