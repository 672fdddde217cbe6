"""linter/edits.py (through the engine): removals leave a non-empty list in valid syntax."""

from __future__ import annotations

import pytest
from _fix_support import applicability, fixed_by

F = "files-api-2025-04-14"  # GA in the test registry: BL203 removes it
P = "pdfs-2024-09-25"  # GA too
IT = "interleaved-thinking-2025-05-14"  # active
C = "context-management-2025-06-27"  # active

# (path, before, name to remove, after)
REMOVALS = (
    ("a.py", f'c(betas=["{F}", "{IT}"])\n', F, f'c(betas=["{IT}"])\n'),
    ("a.py", f'c(betas=["{IT}", "{F}"])\n', F, f'c(betas=["{IT}"])\n'),
    ("a.py", f'c(betas=["{IT}", "{F}", "{C}"])\n', F, f'c(betas=["{IT}", "{C}"])\n'),
    ("a.py", f"c(betas=['{IT}', '{F}',])\n", F, f"c(betas=['{IT}',])\n"),
    (
        "a.py",
        f'c(\n    betas=[\n        "{F}",  # uploads\n        "{IT}",\n    ],\n)\n',
        F,
        f'c(\n    betas=[\n        "{IT}",\n    ],\n)\n',
    ),
    (
        "a.py",
        f'c(\n    betas=[\n        "{IT}",\n        "{F}",\n    ],\n)\n',
        F,
        f'c(\n    betas=[\n        "{IT}",\n    ],\n)\n',
    ),
    (
        "a.py",
        f'c(\r\n    betas=[\r\n        "{F}",\r\n        "{IT}",\r\n    ],\r\n)\r\n',
        F,
        f'c(\r\n    betas=[\r\n        "{IT}",\r\n    ],\r\n)\r\n',
    ),
    ("a.py", f'h = {{"anthropic-beta": "{F}, {IT}"}}\n', F, f'h = {{"anthropic-beta": "{IT}"}}\n'),
    ("a.py", f'h = {{"anthropic-beta": "{IT},{F}"}}\n', F, f'h = {{"anthropic-beta": "{IT}"}}\n'),
    (
        "a.ts",
        f"const b = {{ betas: ['{F}', '{IT}'] }};\n",
        F,
        f"const b = {{ betas: ['{IT}'] }};\n",
    ),
    (
        "a.json",
        f'{{"betas": [\n  "{IT}",\n  "{F}"\n]}}\n',
        F,
        f'{{"betas": [\n  "{IT}"\n]}}\n',
    ),
    (
        "a.json",
        f'{{"betas": [\n  "{F}",\n  "{IT}"\n]}}\n',
        F,
        f'{{"betas": [\n  "{IT}"\n]}}\n',
    ),
    ("a.yaml", f"betas:\n  - {F}\n  - {IT}\n", F, f"betas:\n  - {IT}\n"),
    ("a.yaml", f"betas:\n  - {IT}\n  - {F}", F, f"betas:\n  - {IT}"),
    ("a.yaml", f"betas:\r\n  - {IT}\r\n  - {F}", F, f"betas:\r\n  - {IT}"),
    ("a.yaml", f"betas:\n  - '{F}'  # old\n  - {IT}\n", F, f"betas:\n  - {IT}\n"),
    ("a.yaml", f"betas: [{F}, {IT}]\n", F, f"betas: [{IT}]\n"),
    ("a.yaml", f"anthropic-beta:\n- {F},{IT}\n", F, f"anthropic-beta:\n- {IT}\n"),
    ("a.rb", f"c(betas: %w[{F} {IT}])\n", F, f"c(betas: %w[{IT}])\n"),
    ("a.rb", f"c(betas: %w[{IT} {F}])\n", F, f"c(betas: %w[{IT}])\n"),
    ("a.rb", f'c(betas: [:"{IT}", :"{F}"])\n', F, f'c(betas: [:"{IT}"])\n'),
    (
        "a.go",
        "Betas: []anthropic.AnthropicBeta{\n"
        "\tanthropic.AnthropicBetaFilesAPI2025_04_14,\n"
        "\tanthropic.AnthropicBetaInterleavedThinking2025_05_14,\n},\n",
        F,
        "Betas: []anthropic.AnthropicBeta{\n"
        "\tanthropic.AnthropicBetaInterleavedThinking2025_05_14,\n},\n",
    ),
    (
        "a.go",
        "Betas: []anthropic.AnthropicBeta{anthropic.AnthropicBetaInterleavedThinking2025_05_14, "
        "anthropic.AnthropicBetaFilesAPI2025_04_14},\n",
        F,
        "Betas: []anthropic.AnthropicBeta{anthropic.AnthropicBetaInterleavedThinking2025_05_14},\n",
    ),
    (
        "A.java",
        "b.betas(List.of(AnthropicBeta.FILES_API_2025_04_14, AnthropicBeta.PDFS_2024_09_25));\n",
        F,
        "b.betas(List.of(AnthropicBeta.PDFS_2024_09_25));\n",
    ),
    (
        "A.kt",
        "b.betas(listOf(AnthropicBeta.CONTEXT_MANAGEMENT_2025_06_27, "
        "AnthropicBeta.FILES_API_2025_04_14))\n",
        F,
        "b.betas(listOf(AnthropicBeta.CONTEXT_MANAGEMENT_2025_06_27))\n",
    ),
    ("run.sh", f"curl -H 'anthropic-beta: {F},{IT}' x\n", F, f"curl -H 'anthropic-beta: {IT}' x\n"),
    (
        "run.sh",
        f'curl -H "anthropic-beta: {IT}, {F}" x\n',
        F,
        f'curl -H "anthropic-beta: {IT}" x\n',
    ),
    (".env", f"ANTHROPIC_BETA={F},{IT}\n", F, f"ANTHROPIC_BETA={IT}\n"),
    ("a.http", f"anthropic-beta: {IT}, {F}\n", F, f"anthropic-beta: {IT}\n"),
)


@pytest.mark.parametrize(("path", "before", "name", "after"), REMOVALS)
def test_removal(path: str, before: str, name: str, after: str) -> None:
    assert fixed_by(path, before, "BL203", name) == after
    assert applicability(path, before, "BL203", name) == "unsafe"


# Removing the name here would leave an empty list or header, or break the syntax around it:
# the fix is shown, never applied.
DISPLAY_ONLY = (
    ("a.py", f'c(betas=["{F}"])\n'),
    ("a.py", f'c(betas=["{F}",])\n'),
    ("a.py", f'h = {{"anthropic-beta": "{F}", "x-other": "y"}}\n'),
    ("a.py", f'req.headers.set("anthropic-beta", "{F}")\n'),
    ("a.py", f'BETA = "{F}"\n'),  # a bare string constant: not a list
    ("a.py", f"# we used {F}, {IT} before\n"),  # a comment is prose
    ("a.md", f"The {F}, {IT} pair.\n"),
    ("a.yaml", f"betas:\n  - {F}\nother: 1\n"),
    ("a.yaml", f"anthropic-beta: {F}\n"),
    ("a.rb", f"c(betas: %w[{F}])\n"),
    ("a.go", "x := anthropic.AnthropicBetaFilesAPI2025_04_14\n"),
    ("A.java", "b.addBeta(AnthropicBeta.FILES_API_2025_04_14);\n"),
    ("run.sh", f"curl -H 'anthropic-beta: {F}' x\n"),
    (".env", f"ANTHROPIC_BETA={F}\n"),
)


@pytest.mark.parametrize(("path", "text"), DISPLAY_ONLY)
def test_display_only(path: str, text: str) -> None:
    assert applicability(path, text, "BL203", F) == "display"
    assert fixed_by(path, text, "BL203", F) is None


DUPLICATES = (
    ("a.py", f'c(betas=["{IT}", "{IT}"])\n', f'c(betas=["{IT}"])\n'),
    ("a.yaml", f"betas:\n  - {IT}\n  - {C}\n  - {IT}\n", f"betas:\n  - {IT}\n  - {C}\n"),
    (
        "a.ts",
        f"const h = {{'anthropic-beta': '{IT},{C},{IT}'}};\n",
        f"const h = {{'anthropic-beta': '{IT},{C}'}};\n",
    ),
)


@pytest.mark.parametrize(("path", "before", "after"), DUPLICATES)
def test_duplicate_removal_is_safe(path: str, before: str, after: str) -> None:
    assert fixed_by(path, before, "BL301", IT) == after
    assert applicability(path, before, "BL301", IT) == "safe"


# SDK constants are replaced in their own language's spelling.
SPELLINGS = (
    (
        "a.go",
        "x := anthropic.AnthropicBetaMCPClient2025_04_04\n",
        "BL202",
        "mcp-client-2025-04-04",
        "x := anthropic.AnthropicBetaMCPClient2025_11_20\n",
        "unsafe",
    ),
    (
        "A.java",
        "b.addBeta(AnthropicBeta.MCP_CLIENT_2025_04_04);\n",
        "BL202",
        "mcp-client-2025-04-04",
        "b.addBeta(AnthropicBeta.MCP_CLIENT_2025_11_20);\n",
        "unsafe",
    ),
    (
        "a.rb",
        "b = Anthropic::AnthropicBeta::COMPUTER_USE_2024_10_22\n",
        "BL205",
        "computer-use-2024-10-22",
        "b = Anthropic::AnthropicBeta::COMPUTER_USE_2025_01_24\n",
        "unsafe",
    ),
    (
        "a.py",
        'c(betas=["mcp-client-2025-04-04"])\n',
        "BL202",
        "mcp-client-2025-04-04",
        'c(betas=["mcp-client-2025-11-20"])\n',
        "unsafe",
    ),
    (
        "a.py",
        'c(betas=["fils-api-2025-04-14"])\n',
        "BL201",
        "fils-api-2025-04-14",
        'c(betas=["files-api-2025-04-14"])\n',
        "safe",
    ),
    (
        "a.py",
        'c(betas=["computer-use-2025-1-24"])\n',
        "BL101",
        "computer-use-2025-1-24",
        'c(betas=["computer-use-2025-01-24"])\n',
        "safe",
    ),
    # The corrected spelling is itself GA (its next finding would be BL203): unsafe.
    (
        "a.py",
        'c(betas=["files-api-2025-4-14"])\n',
        "BL101",
        "files-api-2025-4-14",
        'c(betas=["files-api-2025-04-14"])\n',
        "unsafe",
    ),
)


@pytest.mark.parametrize(("path", "before", "code", "name", "after", "kind"), SPELLINGS)
def test_replacement_spelling(
    path: str, before: str, code: str, name: str, after: str, kind: str
) -> None:
    assert fixed_by(path, before, code, name) == after
    assert applicability(path, before, code, name) == kind


def test_go_constant_same_feature_is_certain_new_feature_is_a_guess() -> None:
    same = "x := anthropic.AnthropicBetaComputerUse2024_10_22\n"
    assert fixed_by("a.go", same, "BL205", "computer-use-2024-10-22") == (
        "x := anthropic.AnthropicBetaComputerUse2025_01_24\n"
    )
    renamed = "x := anthropic.AnthropicBetaTools2024_04_04\n"
    assert applicability("a.go", renamed, "BL202", "tools-2024-04-04") == "display"
    # Java's spelling follows from the name alone: certain even for a new feature.
    java = "b.addBeta(AnthropicBeta.TOOLS_2024_04_04);\n"
    assert fixed_by("A.java", java, "BL202", "tools-2024-04-04") == (
        "b.addBeta(AnthropicBeta.TOOL_USE_2024_05_16);\n"
    )


def test_lifecycle_replacement_in_prose_is_display_only() -> None:
    text = "The old name computer-use-2024-10-22 no longer works.\n"
    assert applicability("a.md", text, "BL205", "computer-use-2024-10-22") == "display"
    assert (
        applicability("a.py", "# see computer-use-2024-10-22\n", "BL205", "computer-use-2024-10-22")
        == "display"
    )
    assert (
        applicability("a.py", 'X = "computer-use-2024-10-22"\n', "BL205", "computer-use-2024-10-22")
        == "unsafe"
    )
