"""BL404 unused-beta per language, each positive beside its look-alike negative (on the mini
registry: mcp-client-2025-11-20 enables the field `mcp_servers` and the tool `mcp_toolset`),
and its being off by default: only a selector that names it turns it on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _registries import MINI

from betalint.linter.cli import main
from betalint.linter.config import RuleSelector, Settings
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.engine import Linter
from betalint.linter.rules import RULES

MCP = "mcp-client-2025-11-20"
ONLY = frozenset({"BL404"})

# {extra} is the rest of the body; the beta is always sent.
CASES = {
    "python": (
        "agent.py",
        'client.beta.messages.create(\n    model="claude-sonnet-4-5",\n    max_tokens=1024,\n'
        f'    messages=msgs,\n{{extra}}    betas=["{MCP}"],\n)\n',
    ),
    "typescript": (
        "agent.ts",
        "await client.beta.messages.create({\n  model: 'claude-sonnet-4-5',\n  messages,\n"
        f"{{extra}}  betas: ['{MCP}'],\n}});\n",
    ),
    "ruby": (
        "agent.rb",
        'client.beta.messages.create(\n  model: "claude-sonnet-4-5",\n  messages: msgs,\n'
        f'{{extra}}  betas: ["{MCP}"]\n)\n',
    ),
    "go": (
        "agent.go",
        "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel: anthropic.ModelClaudeSonnet4_5,\n\tMessages: msgs,\n"
        f'{{extra}}\tBetas: []anthropic.AnthropicBeta{{"{MCP}"}},\n}})\n',
    ),
    "json": (
        "request.json",
        '{"model": "claude-sonnet-4-5", "messages": [], {extra}' + f'"betas": ["{MCP}"]}}\n',
    ),
    "curl": (
        "ask.sh",
        "curl https://api.anthropic.com/v1/messages \\\n"
        f'  -H "anthropic-beta: {MCP}" \\\n'
        """  -d '{"model": "claude-sonnet-4-5", {extra}"messages": []}'\n""",
    ),
}
# What uses the beta, per language: the gated field.
USES = {
    "python": "    mcp_servers=[SERVER],\n",
    "typescript": "  mcp_servers: [server],\n",
    "go": "\tMCPServers: servers,\n",
    "ruby": "  mcp_servers: servers,\n",
    "json": '"mcp_servers": [], ',
    "curl": '"mcp_servers": [], ',
}
# What might use it, unseen: a spread or a tools list from a variable.
UNKNOWNS = {
    "python": "    **options,\n",
    "typescript": "  ...options,\n",
    "go": "\tTools: tools,\n",
    "ruby": "  **options,\n",
    "json": '"tools": [{"type": "mcp_toolset", "mcp_server_name": "x"}], ',
    "curl": '"tools": [{"type": "mcp_toolset", "mcp_server_name": "x"}], ',
}


def text_of(shape: str, extra: str = "") -> tuple[str, str]:
    path, template = CASES[shape]
    return path, template.replace("{extra}", extra)


def findings(linter: Linter, text: str, path: str) -> list[Diagnostic]:
    return linter.check(text, path, ONLY)


@pytest.mark.parametrize("shape", sorted(CASES))
def test_a_beta_the_call_does_not_use_is_reported(mini_linter: Linter, shape: str) -> None:
    path, text = text_of(shape)
    (found,) = findings(mini_linter, text, path)
    assert found.code == "BL404" and found.name == MCP and found.fix is None
    assert "none of which this call sends" in found.message
    assert text[found.start : found.end] == MCP
    assert not RULES["BL404"].fails and found.severity == "warning"


@pytest.mark.parametrize("shape", sorted(CASES))
def test_a_beta_the_call_uses_is_silent(mini_linter: Linter, shape: str) -> None:
    path, text = text_of(shape, USES[shape])
    assert findings(mini_linter, text, path) == []


@pytest.mark.parametrize("shape", sorted(CASES))
def test_what_could_use_it_unseen_keeps_it_silent(mini_linter: Linter, shape: str) -> None:
    path, text = text_of(shape, UNKNOWNS[shape])
    assert findings(mini_linter, text, path) == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # A beta with no tools or fields in the registry is never "unused".
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            '    betas=["files-api-2025-04-14"])\n',
        ),
        # The use one level down in the body: `container` with a value of unknown shape.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            '    container=CONTAINER, betas=["skills-2025-10-02"])\n',
        ),
        # Not a Messages request: another endpoint's body.
        ("agent.py", f'client.beta.agents.create(name="helper", betas=["{MCP}"])\n'),
        # A non-literal extra_body may carry mcp_servers.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    extra_body=EXTRA, betas=["{MCP}"])\n',
        ),
        # The tool of the beta's own kind.
        (
            "agent.ts",
            "client.beta.messages.create({ model: 'claude-sonnet-4-5', messages,\n"
            f"  tools: [{{ type: 'mcp_toolset', mcp_server_name: 'x' }}], betas: ['{MCP}'] }});\n",
        ),
    ],
)
def test_look_alikes_are_silent(mini_linter: Linter, path: str, text: str) -> None:
    assert findings(mini_linter, text, path) == []


def test_a_used_field_one_level_down(mini_linter: Linter) -> None:
    base = 'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
    used = base + '    container={"skills": [S]}, betas=["skills-2025-10-02"])\n'
    assert findings(mini_linter, used, "agent.py") == []
    other = base + '    container={"id": ID}, betas=["skills-2025-10-02"])\n'
    (found,) = findings(mini_linter, other, "agent.py")
    assert "the field container.skills" in found.message


def test_a_tool_version_mismatch_is_bl402s_not_also_unused(mini_linter: Linter) -> None:
    text = (
        'client.beta.messages.create(model="claude-opus-4-5", messages=msgs,\n'
        '    tools=[{"type": "computer_20251124", "name": "computer"}],\n'
        '    betas=["computer-use-2025-01-24"])\n'
    )
    assert findings(mini_linter, text, "agent.py") == []


# ------------------------------------------------------------------ off by default


def test_off_by_default_in_the_engine(mini_linter: Linter) -> None:
    path, text = text_of("python")
    assert [d.code for d in mini_linter.check(text, path)] == []
    assert not RULES["BL404"].default_enabled
    assert all(r.default_enabled for c, r in RULES.items() if c != "BL404")


CODES = ("BL203", "BL401", "BL403", "BL404")


@pytest.mark.parametrize(
    ("select", "extend", "ignore", "on"),
    [
        (None, (), (), False),  # the default selection leaves it off
        (("BL404",), (), (), True),
        (("BL4",), (), (), True),  # a prefix names it, as in ruff
        (("ALL",), (), (), True),  # an explicit ALL is every rule, as ruff's ALL
        (None, ("BL404",), (), True),
        (None, ("BL4",), (), True),
        (("BL2",), (), (), False),
        (("ALL",), (), ("BL404",), False),
        (None, ("BL404",), ("BL4",), True),  # the more specific selector wins
    ],
)
def test_selection_turns_it_on_only_when_named(
    tmp_path: Path,
    select: tuple[str, ...] | None,
    extend: tuple[str, ...],
    ignore: tuple[str, ...],
    on: bool,
) -> None:
    settings = Settings(root=tmp_path, select=select, extend_select=extend, ignore=ignore)
    selector = RuleSelector(settings, CODES, ["BL404"])
    assert selector.enabled("BL404", "x.py") is on
    # The other rules are selected exactly as before.
    before = RuleSelector(settings, CODES)
    assert selector.enabled_for("x.py") - {"BL404"} == before.enabled_for("x.py") - {"BL404"}


def test_cli_extend_select_reports_it_without_failing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    path, text = text_of("python")
    (tmp_path / path).write_text(text, encoding="utf-8")
    args = ["check", "--today", "2026-11-25", "--registry", str(MINI), "--output-format", "json"]
    assert main([*args, path]) == 0
    assert json.loads(capsys.readouterr().out)["diagnostics"] == []
    assert main([*args, "--extend-select", "BL404", path]) == 0  # informational: exit 0
    (found,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert found["code"] == "BL404"
