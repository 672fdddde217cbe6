"""BL403 field-without-beta per language, each positive beside its look-alike negative (on the
mini registry: both mcp-client betas gate `mcp_servers`, the current one also the tool type
`mcp_toolset`; skills-2025-10-02 gates `container.skills`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from _registries import MINI, TODAY

from betalint.linter.cli import main
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.engine import Linter
from betalint.registry.model import Registry

MCP, FILES = "mcp-client-2025-11-20", "files-api-2025-04-14"
ONLY = frozenset({"BL403"})

# {field} is the gated part of the body; {beta} the call's one beta.
CASES = {
    "python": (
        "agent.py",
        "client.beta.messages.create(\n"
        '    model="claude-sonnet-4-5",\n    max_tokens=1024,\n    messages=msgs,\n'
        '    {field}=[{{"type": "url", "url": URL, "name": "docs"}}],\n'
        '    betas=["{beta}"],\n)\n',
    ),
    "python-header": (
        "agent.py",
        "client.messages.create(\n"
        '    model="claude-sonnet-4-5",\n    max_tokens=1024,\n    messages=msgs,\n'
        '    extra_body={{"{field}": [{{"type": "url", "url": URL, "name": "docs"}}]}},\n'
        '    extra_headers={{"anthropic-beta": "{beta}"}},\n)\n',
    ),
    "typescript": (
        "agent.ts",
        "await client.beta.messages.create({{\n"
        "  model: 'claude-sonnet-4-5',\n  max_tokens: 1024,\n  messages,\n"
        "  {field}: [{{ type: 'url', url: URL, name: 'docs' }}],\n"
        "  betas: ['{beta}'],\n}});\n",
    ),
    "ruby": (
        "agent.rb",
        "client.beta.messages.create(\n"
        '  model: "claude-sonnet-4-5",\n  max_tokens: 1024,\n  messages: msgs,\n'
        '  {field}: [{{type: "url", url: URL, name: "docs"}}],\n'
        '  betas: ["{beta}"]\n)\n',
    ),
    "go": (
        "agent.go",
        "msg, err := client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{{\n"
        "\tModel:     anthropic.ModelClaudeSonnet4_5,\n\tMaxTokens: 1024,\n\tMessages:  msgs,\n"
        "\t{go_field}: servers,\n"
        '\tBetas:     []anthropic.AnthropicBeta{{"{beta}"}},\n}})\n',
    ),
    "json": (
        "request.json",
        '{{"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [],\n'
        ' "{field}": [{{"type": "url", "url": "https://mcp.example.com", "name": "docs"}}],\n'
        ' "betas": ["{beta}"]}}\n',
    ),
    "curl": (
        "ask.sh",
        "curl https://api.anthropic.com/v1/messages \\\n"
        '  -H "anthropic-beta: {beta}" \\\n'
        '  -d \'{{"model": "claude-sonnet-4-5", "messages": [],\n'
        '       "{field}": [{{"type": "url"}}]}}\'\n',
    ),
    "http": (
        "ask.http",
        "POST https://api.anthropic.com/v1/messages\nanthropic-beta: {beta}\n\n"
        '{{"model": "claude-sonnet-4-5", "messages": [], "{field}": [{{"type": "url"}}]}}\n',
    ),
}


def text_of(shape: str, beta: str, field: str = "mcp_servers") -> tuple[str, str]:
    path, template = CASES[shape]
    go_field = "MCPServers" if field == "mcp_servers" else "Metadata"
    return path, template.format(field=field, beta=beta, go_field=go_field)


def findings(linter: Linter, text: str, path: str) -> list[Diagnostic]:
    return linter.check(text, path, ONLY)


@pytest.mark.parametrize("shape", sorted(CASES))
def test_a_gated_field_without_its_beta_is_reported_and_fixed(
    mini_linter: Linter, shape: str
) -> None:
    path, text = text_of(shape, FILES)
    (found,) = findings(mini_linter, text, path)
    assert found.code == "BL403" and found.severity == "error"
    assert found.name == "mcp_servers" and f"accepted only with {MCP}" in found.message
    assert text[found.start : found.end].strip("\"'").lower().replace(
        "mcpservers", "mcp_servers"
    ) == ("mcp_servers")
    assert found.fix is not None and found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    fixed = text[: edit.start] + edit.content + text[edit.end :]
    assert MCP in fixed and FILES in fixed
    assert findings(mini_linter, fixed, path) == []


@pytest.mark.parametrize("shape", sorted(CASES))
def test_the_field_with_its_beta_is_silent(mini_linter: Linter, shape: str) -> None:
    path, text = text_of(shape, MCP)
    assert findings(mini_linter, text, path) == []
    # The superseded beta still enables the field: BL202 speaks of the name, not BL403.
    path, text = text_of(shape, "mcp-client-2025-04-04")
    assert findings(mini_linter, text, path) == []


@pytest.mark.parametrize("shape", sorted(CASES))
def test_an_ungated_field_is_silent(mini_linter: Linter, shape: str) -> None:
    path, text = text_of(shape, FILES, field="metadata")
    assert findings(mini_linter, text, path) == []


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # The field one level down, in another object: not the body's own field.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    metadata={{"mcp_servers": []}}, betas=["{FILES}"])\n',
        ),
        # The field in a nested call is that call's.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    metadata=meta(mcp_servers=[]), betas=["{FILES}"])\n',
        ),
        # `skills` is gated only inside `container`.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    skills=["pptx"], betas=["{FILES}"])\n',
        ),
        # **kwargs may bring the betas.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    mcp_servers=[s], betas=["{FILES}"], **opts)\n',
        ),
        # A betas list built from a variable may hold the beta.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    mcp_servers=[s], betas=BASE + ["{FILES}"])\n',
        ),
        (
            "agent.ts",
            "client.beta.messages.create({ model: 'claude-sonnet-4-5', messages,\n"
            f"  mcp_servers: [s], betas: [...BASE, '{FILES}'] }});\n",
        ),
        # Headers from a variable may hold it too.
        (
            "agent.py",
            'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
            f'    mcp_servers=[s], betas=["{FILES}"], extra_headers=HEADERS)\n',
        ),
        # A curl header value built from a shell variable.
        (
            "ask.sh",
            "curl https://api.anthropic.com/v1/messages \\\n"
            f'  -H "anthropic-beta: {FILES},$EXTRA_BETAS" \\\n'
            """  -d '{"model": "claude-sonnet-4-5", "messages": [], "mcp_servers": []}'\n""",
        ),
        # Not a Messages request (no `messages`): another endpoint's fields are not these.
        (
            "agent.py",
            f'client.beta.agents.create(name="helper", mcp_servers=[s], betas=["{FILES}"])\n',
        ),
        # YAML model settings: their request fields are not read (yet).
        (
            "models.yml",
            "- name: claude-sonnet-4-5\n  extra_params:\n    mcp_servers: []\n"
            f"    extra_headers:\n      anthropic-beta: {FILES}\n",
        ),
    ],
)
def test_look_alikes_are_silent(mini_linter: Linter, path: str, text: str) -> None:
    assert findings(mini_linter, text, path) == []


def test_a_field_one_level_down(mini_linter: Linter) -> None:
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        '    container={"skills": [{"type": "anthropic", "skill_id": "pptx"}]},\n'
        f'    betas=["{FILES}"])\n'
    )
    (found,) = findings(mini_linter, text, "agent.py")
    assert found.name == "container.skills" and text[found.start : found.end] == '"skills"'
    (edit,) = found.fix.edits if found.fix else ()
    assert edit.content == ', "skills-2025-10-02"'


def test_a_gated_tool_type_without_its_beta(mini_linter: Linter) -> None:
    text = (
        "await client.beta.messages.create({\n  model: 'claude-sonnet-4-5',\n  messages,\n"
        "  tools: [{ type: 'mcp_toolset', mcp_server_name: 'docs' }],\n"
        f"  betas: ['{FILES}'],\n}});\n"
    )
    (found,) = findings(mini_linter, text, "agent.ts")
    assert found.name == "mcp_toolset" and text[found.start : found.end] == "mcp_toolset"
    assert found.fix is not None and found.fix.replacement == MCP
    fixed = (
        text[: found.fix.edits[0].start]
        + found.fix.edits[0].content
        + text[found.fix.edits[0].end :]
    )
    assert f"betas: ['{FILES}', '{MCP}']" in fixed


def test_a_tool_of_another_version_of_a_sent_beta_is_bl402s(mini_linter: Linter) -> None:
    text = (
        'client.beta.messages.create(model="claude-opus-4-5", messages=msgs,\n'
        '    tools=[{"type": "computer_20251124", "name": "computer"}],\n'
        '    betas=["computer-use-2025-01-24"])\n'
    )
    assert findings(mini_linter, text, "agent.py") == []
    assert [d.code for d in mini_linter.check(text, "agent.py")] == ["BL402"]


def test_one_finding_per_call_however_many_names(mini_linter: Linter) -> None:
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        f'    mcp_servers=[s], betas=["{FILES}", "context-management-2025-06-27"])\n'
    )
    (found,) = findings(mini_linter, text, "agent.py")
    (edit,) = found.fix.edits if found.fix else ()
    assert edit.content == f', "{MCP}"'


@pytest.mark.parametrize(
    ("changes", "offered"),
    [
        # Two current betas gate the field: which one is meant is for the author.
        (
            {"context-management-2025-06-27": ("mcp_servers",)},
            f"context-management-2025-06-27, {MCP}",
        ),
        # Only a superseded beta gates it: never insert a superseded name.
        ({MCP: ()}, "mcp-client-2025-04-04"),
    ],
)
def test_no_single_current_enabler_is_display_only(
    mini_registry: Registry, changes: dict[str, tuple[str, ...]], offered: str
) -> None:
    entries = dict(mini_registry.entries)
    for name, gated in changes.items():
        entries[name] = replace(entries[name], fields=gated)
    linter = Linter.create(replace(mini_registry, entries=entries), today=TODAY)
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        f'    mcp_servers=[s], betas=["{FILES}"])\n'
    )
    (found,) = findings(linter, text, "agent.py")
    assert found.fix is not None and found.fix.applicability == "display"
    assert found.fix.edits == () and found.fix.message == f"add one of {offered} by hand"


def test_suppressed_on_the_field_line(mini_linter: Linter) -> None:
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s],  # betalint: ignore[BL403]\n"
        f'    betas=["{FILES}"])\n'
    )
    assert findings(mini_linter, text, "agent.py") == []


def test_an_older_sent_beta_is_upgraded_not_doubled(mini_linter: Linter) -> None:
    # mcp-client-2025-04-04 does not enable mcp_toolset; its successor does. BL202's fix
    # upgrades the name, so BL403 only shows the change rather than inserting a second name.
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        '    tools=[{"type": "mcp_toolset", "mcp_server_name": "docs"}],\n'
        '    betas=["mcp-client-2025-04-04"])\n'
    )
    (found,) = findings(mini_linter, text, "agent.py")
    assert (
        found.name == "mcp_toolset" and "mcp-client-2025-04-04 is superseded by it" in found.message
    )
    assert found.fix is not None and found.fix.applicability == "display"
    assert found.fix.message == f"replace mcp-client-2025-04-04 with {MCP}"
    assert sorted(d.code for d in mini_linter.check(text, "agent.py")) == ["BL202", "BL403"]


def test_check_fix_unsafe_fixes_inserts_the_beta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    path, text = text_of("typescript", FILES)
    (tmp_path / path).write_text(text, encoding="utf-8")
    args = ["check", "--today", "2026-11-25", "--registry", str(MINI), "--select", "BL403"]
    assert main([*args, "--fix", path]) == 1  # unsafe: not applied without --unsafe-fixes
    assert (tmp_path / path).read_text(encoding="utf-8") == text
    assert main([*args, "--fix", "--unsafe-fixes", path]) == 0
    assert f"betas: ['{FILES}', '{MCP}']" in (tmp_path / path).read_text(encoding="utf-8")
    capsys.readouterr()


@pytest.mark.parametrize(
    ("path", "client"),
    [
        (
            "agent.py",
            f'client = anthropic.Anthropic(default_headers={{"anthropic-beta": "{MCP}"}})\n',
        ),
        (
            "agent.ts",
            "const client = new Anthropic({\n"
            f"  defaultHeaders: {{ 'anthropic-beta': '{MCP}' }},\n}});\n",
        ),
        (
            "agent.go",
            f'client := anthropic.NewClient(option.WithHeader("anthropic-beta", "{MCP}"))\n',
        ),
    ],
)
def test_betas_the_client_sends_for_every_call_keep_it_silent(
    mini_linter: Linter, path: str, client: str
) -> None:
    shape = {"agent.py": "python", "agent.ts": "typescript", "agent.go": "go"}[path]
    _, text = text_of(shape, FILES)
    assert findings(mini_linter, text, path) != []
    assert findings(mini_linter, client + text, path) == []


def test_a_text_naming_no_gated_key_reads_no_call(mini_linter: Linter) -> None:
    from betalint.linter.rules.call_view import names_gated
    from betalint.linter.rules.file_check import FileCheck

    assert names_gated(FileCheck('create(betas=["x"], metadata={})', "a.py", mini_linter)) is False
    assert names_gated(FileCheck("MCPServers: servers", "a.go", mini_linter)) is True
    assert names_gated(FileCheck("tools=[{'type': 'mcp_toolset'}]", "a.py", mini_linter)) is True


def test_a_bedrock_invoke_body(mini_linter: Linter) -> None:
    text = (
        'body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "messages": msgs,\n'
        f'    "mcp_servers": [SERVER], "anthropic_beta": ["{FILES}"]}})\n'
    )
    (found,) = findings(mini_linter, text, "invoke.py")
    assert found.name == "mcp_servers" and found.fix is not None
    (edit,) = found.fix.edits
    assert edit.content == f', "{MCP}"'
