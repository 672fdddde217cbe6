"""BL403 on C# object initializers and Java/Kotlin builder chains, each positive beside its
look-alike negative (mini registry: mcp-client-2025-11-20 is the one current beta that gates
`mcp_servers`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _registries import MINI
from test_rule_bl403 import FILES, MCP, findings

from betalint.linter.cli import main
from betalint.linter.engine import Linter

CS = (
    "var message = await client.Beta.Messages.Create(new MessageCreateParams\n{{\n"
    "    Model = Model.ClaudeSonnet4_5,\n    MaxTokens = 1024,\n"
    '    Messages = [new() {{ Role = Role.User, Content = "Hello" }}],\n'
    '    {field} = [new() {{ Name = "docs", Url = url }}],\n'
    '    Betas = ["{beta}"],\n}});\n'
)
JAVA = (
    "MessageCreateParams params = MessageCreateParams.builder()\n"
    "    .model(Model.CLAUDE_SONNET_4_5)\n    .maxTokens(1024L)\n"
    '    .addUserMessage("Hello")\n'
    "    .{field}(listOf(server))\n"
    '    .betas(listOf("{beta}"))\n    .build()\n'
)
CASES = {
    "csharp": ("Agent.cs", CS, "McpServers", "Metadata"),
    "java": ("Agent.java", JAVA, "mcpServers", "metadata"),
    "kotlin": ("Agent.kt", JAVA, "mcpServers", "metadata"),
}


def text_of(lang: str, beta: str, gated: bool = True) -> tuple[str, str]:
    path, template, field, other = CASES[lang]
    return path, template.format(field=field if gated else other, beta=beta)


@pytest.mark.parametrize("lang", sorted(CASES))
def test_a_gated_field_without_its_beta_is_reported_and_fixed(
    mini_linter: Linter, lang: str
) -> None:
    path, text = text_of(lang, FILES)
    (found,) = findings(mini_linter, text, path)
    assert found.name == "mcp_servers" and f"accepted only with {MCP}" in found.message
    assert text[found.start : found.end] == CASES[lang][2]
    assert found.fix is not None and found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    fixed = text[: edit.start] + edit.content + text[edit.end :]
    assert f'"{FILES}", "{MCP}"' in fixed
    assert findings(mini_linter, fixed, path) == []


@pytest.mark.parametrize("lang", sorted(CASES))
def test_the_field_with_its_beta_or_an_ungated_field_is_silent(
    mini_linter: Linter, lang: str
) -> None:
    assert findings(mini_linter, *reversed(text_of(lang, MCP))) == []
    assert findings(mini_linter, *reversed(text_of(lang, FILES, gated=False))) == []


ADD_BETA = (
    JAVA.format(field="mcpServers", beta=FILES)
    .replace(".mcpServers(listOf(server))", ".addMcpServer(server)")
    .replace(f'.betas(listOf("{FILES}"))', f'.addBeta("{FILES}")')
)


def test_java_add_beta_and_add_mcp_server_are_read(mini_linter: Linter) -> None:
    (found,) = findings(mini_linter, ADD_BETA, "Agent.java")
    assert found.name == "mcp_servers"
    assert findings(mini_linter, ADD_BETA.replace(FILES, MCP), "Agent.java") == []
    # The fix is one more `.addBeta("…")` link: a second argument would not compile.
    assert found.fix is not None and found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    fixed = ADD_BETA[: edit.start] + edit.content + ADD_BETA[edit.end :]
    assert f'    .addBeta("{FILES}")\n    .addBeta("{MCP}")\n' in fixed
    assert findings(mini_linter, fixed, "Agent.java") == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # The key in a nested initializer or builder is that object's, not the request's.
        (
            "Agent.cs",
            CS.format(field="Metadata", beta=FILES)
            .replace("[new() {", "new() { McpServers = [new() {")
            .replace("}],\n    Betas", "}] },\n    Betas"),
        ),
        (
            "Agent.java",
            JAVA.format(field="metadata", beta=FILES).replace(
                "listOf(server)", "Meta.builder().mcpServers(servers).build()"
            ),
        ),
        # A betas list from a variable may hold the beta.
        ("Agent.cs", CS.format(field="McpServers", beta=FILES).replace('["', '[.. defaults, "')),
        (
            "Agent.kt",
            JAVA.format(field="mcpServers", beta=FILES).replace(
                f'.betas(listOf("{FILES}"))', f'.betas(defaults + "{FILES}")'
            ),
        ),
        # Headers from a map may send it.
        (
            "Agent.java",
            JAVA.format(field="mcpServers", beta=FILES).replace(
                "    .build()", "    .additionalHeaders(headers)\n    .build()"
            ),
        ),
        # A `with` copy of another request: its other keys are unseen.
        (
            "Agent.cs",
            CS.format(field="McpServers", beta=FILES).replace(
                "new MessageCreateParams\n", "baseline with\n"
            ),
        ),
        # Not a Messages request: an agent's `mcpServers` is another endpoint's field.
        (
            "Agent.java",
            'AgentCreateParams.builder().name("helper").mcpServers(servers)'
            f'.addBeta("{FILES}").build()\n',
        ),
    ],
)
def test_look_alikes_are_silent(mini_linter: Linter, path: str, text: str) -> None:
    assert findings(mini_linter, text, path) == []


@pytest.mark.parametrize("lang", sorted(CASES))
def test_the_cli_reports_and_fixes_it(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, text = text_of(lang, FILES)
    target = tmp_path / path
    target.write_text(text, encoding="utf-8")
    args = ["check", "--today", "2026-11-25", "--registry", str(MINI), "--select", "BL403"]
    assert main([*args, str(target)]) == 1
    out = capsys.readouterr().out
    assert "BL403" in out and "mcp_servers" in out
    assert main([*args, "--fix", "--unsafe-fixes", str(target)]) == 0
    assert f'"{FILES}", "{MCP}"' in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", sorted(CASES))
def test_bl404_reports_a_beta_the_call_does_not_use(mini_linter: Linter, lang: str) -> None:
    path, text = text_of(lang, MCP, gated=False)
    (found,) = mini_linter.check(text, path, frozenset({"BL404"}))
    assert found.code == "BL404" and MCP in found.message
    # A tools list betalint cannot read may hold the beta's tool: silent.
    tools = "    Tools = tools,\n" if lang == "csharp" else "    .addTool(tool)\n"
    anchor = "    Betas" if lang == "csharp" else "    .betas"
    with_tools = text.replace(anchor, tools + anchor)
    assert mini_linter.check(with_tools, path, frozenset({"BL404"})) == []
