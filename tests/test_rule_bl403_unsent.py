"""BL403 on Messages calls that send no beta at all (found from their gated keys, not from a
name), per language, each positive beside its look-alike negative (mini registry: both
mcp-client betas gate `mcp_servers`, the current one also `mcp_toolset`;
context-management-2025-06-27 gates `context_management`; skills-2025-10-02 `container.skills`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _registries import TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.cli import main
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.engine import Linter

MCP = "mcp-client-2025-11-20"
ONLY = frozenset({"BL403"})
SERVER = '{"type": "url", "url": "https://mcp.example.com/sse", "name": "docs"}'

# Each sends `mcp_servers` (or its Go/JSON spelling) and no beta in any form.
POSITIVES = {
    "python": (
        "agent.py",
        "import anthropic\n\nclient = anthropic.Anthropic()\n"
        "reply = client.messages.create(\n"
        '    model="claude-sonnet-4-5",\n    max_tokens=1024,\n'
        '    messages=[{"role": "user", "content": "hi"}],\n'
        f"    mcp_servers=[{SERVER}],\n)\n",
    ),
    "python-stream-variable-model": (
        "agent.py",
        "with client.beta.messages.stream(model=MODEL, max_tokens=512, messages=history,\n"
        f"        mcp_servers=[{SERVER}]) as stream:\n    pass\n",
    ),
    "typescript": (
        "agent.ts",
        "const reply = await client.beta.messages.create({\n"
        "  model: 'claude-sonnet-4-5',\n  max_tokens: 1024,\n  messages,\n"
        "  mcp_servers: [{ type: 'url', url: MCP_URL, name: 'docs' }],\n});\n",
    ),
    "javascript": (
        "agent.mjs",
        "const reply = await anthropic.messages.create({ model: 'claude-haiku-4-5',\n"
        "  max_tokens: 256, messages: [{ role: 'user', content: q }],\n"
        "  mcp_servers: servers });\n",
    ),
    "go": (
        "agent.go",
        "msg, err := client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel:      anthropic.ModelClaudeSonnet4_5,\n\tMaxTokens:  1024,\n"
        "\tMessages:   msgs,\n\tMCPServers: servers,\n})\n",
    ),
    "ruby": (
        "agent.rb",
        "reply = client.beta.messages.create(\n"
        '  model: "claude-sonnet-4-5",\n  max_tokens: 1024,\n  messages: msgs,\n'
        '  mcp_servers: [{type: "url", url: MCP_URL, name: "docs"}]\n)\n',
    ),
    "curl": (
        "ask.sh",
        "curl https://api.anthropic.com/v1/messages \\\n"
        '  -H "x-api-key: $ANTHROPIC_API_KEY" \\\n'
        '  -H "content-type: application/json" \\\n'
        "  -d '{\n"
        '    "model": "claude-sonnet-4-5",\n    "max_tokens": 1024,\n'
        '    "messages": [{"role": "user", "content": "hi"}],\n'
        f'    "mcp_servers": [{SERVER}]\n'
        "  }'\n",
    ),
    "http": (
        "ask.http",
        "### Ask with MCP\nPOST https://api.anthropic.com/v1/messages\n"
        "x-api-key: {{key}}\ncontent-type: application/json\n\n"
        '{"model": "claude-sonnet-4-5", "max_tokens": 1024, "messages": [],\n'
        f' "mcp_servers": [{SERVER}]}}\n',
    ),
}

LOOK_ALIKES = {
    # An MCP client's settings file: the same key, no Messages call.
    "mcp-settings": (
        "settings.json",
        '{"mcp_servers": {"docs": {"command": "npx", "args": ["docs-mcp"]}}}\n',
    ),
    # A saved request body: the headers it is sent with are not in the file.
    "json-body": (
        "request.json",
        '{"model": "claude-sonnet-4-5", "messages": [], "mcp_servers": []}\n',
    ),
    # Betas from a variable may hold the beta.
    "betas-variable": (
        "agent.py",
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s], betas=BETAS)\n",
    ),
    # **kwargs may bring betas or headers.
    "kwargs": (
        "agent.py",
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s], **options)\n",
    ),
    "js-spread": (
        "agent.ts",
        "client.beta.messages.create({ ...base, model: 'claude-sonnet-4-5', messages,\n"
        "  mcp_servers: [s] });\n",
    ),
    # Headers of the call, even without an anthropic-beta key in sight.
    "extra-headers": (
        "agent.py",
        'client.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        '    mcp_servers=[s], extra_headers={"x-trace": "1"})\n',
    ),
    # Request options after the body may carry the header.
    "js-options": (
        "agent.ts",
        "client.beta.messages.create({ model: 'claude-sonnet-4-5', messages,\n"
        "  mcp_servers: [s] }, requestOptions);\n",
    ),
    # The client sends betas by default for every call.
    "default-headers": (
        "agent.py",
        "client = anthropic.Anthropic(default_headers=DEFAULTS)\n"
        'client.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s])\n",
    ),
    "go-header-option": (
        "agent.go",
        'client := anthropic.NewClient(option.WithHeader("anthropic-beta", betas))\n'
        "msg, err := client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel: model,\n\tMessages: msgs,\n\tMCPServers: servers,\n})\n",
    ),
    # Go request options after the params may carry the header.
    "go-options": (
        "agent.go",
        "msg, err := client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel: model,\n\tMessages: msgs,\n\tMCPServers: servers,\n}, opts...)\n",
    ),
    # Another library's `context_management` / `mcp_servers` on a call that is not Messages.
    "openai": (
        "agent.py",
        'client.chat.completions.create(model="gpt-4o", messages=msgs,\n'
        "    context_management={'strategy': 'auto'})\n",
    ),
    "litellm": (
        "agent.py",
        'litellm.completion(model="anthropic/claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s])\n",
    ),
    "agents": (
        "agent.py",
        'client.beta.agents.create(name="helper", model="claude-sonnet-4-5", mcp_servers=[s])\n',
    ),
    # No `messages`: not a Messages request.
    "no-messages": (
        "agent.py",
        'client.messages.create(model="claude-sonnet-4-5", mcp_servers=[s])\n',
    ),
    # A params dict passed on: whatever sends it may add the beta.
    "params-dict": (
        "agent.py",
        'params = {"model": "claude-sonnet-4-5", "messages": msgs, "mcp_servers": [s]}\n',
    ),
    # The key one level down is not the body's own.
    "nested": (
        "agent.py",
        'client.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        '    metadata={"mcp_servers": []})\n',
    ),
    # Docs that mention the field.
    "docstring": (
        "agent.py",
        '"""Pass mcp_servers=[...] to client.messages.create(model=m, messages=ms)."""\n'
        'print("client.messages.create(model=m, messages=ms, mcp_servers=[s])")\n'
        "# client.messages.create(model=m, messages=ms, mcp_servers=[s])\n",
    ),
    "markdown": (
        "README.md",
        "```python\nclient.messages.create(model=m, messages=ms, mcp_servers=[s])\n```\n",
    ),
    # A batch endpoint is not /v1/messages.
    "curl-batches": (
        "ask.sh",
        "curl https://api.anthropic.com/v1/messages/batches \\\n"
        """  -d '{"model": "claude-sonnet-4-5", "messages": [], "mcp_servers": []}'\n""",
    ),
    # A curl header from a variable may be the beta.
    "curl-header-variable": (
        "ask.sh",
        'curl https://api.anthropic.com/v1/messages -H "$BETA_HEADER" \\\n'
        """  -d '{"model": "claude-sonnet-4-5", "messages": [], "mcp_servers": []}'\n""",
    ),
    # An ungated field.
    "ungated": (
        "agent.py",
        'client.messages.create(model="claude-sonnet-4-5", messages=msgs, metadata={})\n',
    ),
}


def findings(linter: Linter, text: str, path: str) -> list[Diagnostic]:
    return linter.check(text, path, ONLY)


@pytest.mark.parametrize("shape", sorted(POSITIVES))
def test_a_messages_call_with_a_gated_field_and_no_beta_is_reported(
    mini_linter: Linter, shape: str
) -> None:
    path, text = POSITIVES[shape]
    (found,) = findings(mini_linter, text, path)
    assert found.code == "BL403" and found.name == "mcp_servers"
    assert found.context == "call"
    written = text[found.start : found.end].strip('"').lower()
    assert written in ("mcp_servers", "mcpservers")
    assert MCP in found.message
    assert found.fix is not None


# Where a `betas` argument is added (a beta-namespace Python or TS/JS call with one current
# enabling beta); everywhere else the fix is shown only.
INSERTED = {"python-stream-variable-model", "typescript"}


@pytest.mark.parametrize("shape", sorted(POSITIVES))
def test_the_fix_adds_betas_only_on_the_beta_namespace(mini_linter: Linter, shape: str) -> None:
    path, text = POSITIVES[shape]
    (found,) = findings(mini_linter, text, path)
    assert found.fix is not None
    if shape not in INSERTED:
        assert found.fix.applicability == "display" and found.fix.edits == ()
        assert MCP in found.fix.message
        return
    assert found.fix.applicability == "unsafe"
    (edit,) = found.fix.edits
    fixed = text[: edit.start] + edit.content + text[edit.end :]
    assert findings(mini_linter, fixed, path) == []
    assert mini_linter.check(fixed, path, frozenset({"BL101", "BL102"})) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        (
            "client.beta.messages.create(model=M, messages=m, mcp_servers=[s])\n",
            f'client.beta.messages.create(model=M, messages=m, mcp_servers=[s], betas=["{MCP}"])\n',
        ),
        (
            "client.beta.messages.create(\n    model=M,\n    messages=m,\n"
            "    mcp_servers=[\n        s,\n    ],\n)\n",
            "client.beta.messages.create(\n    model=M,\n    messages=m,\n"
            f'    mcp_servers=[\n        s,\n    ],\n    betas=["{MCP}"],\n)\n',
        ),
        (
            "client.beta.messages.create(\n    model=M,\n    messages=m,\n    mcp_servers=[s]\n)\n",
            "client.beta.messages.create(\n    model=M,\n    messages=m,\n    mcp_servers=[s],\n"
            f'    betas=["{MCP}"]\n)\n',
        ),
    ],
)
def test_the_inserted_argument_follows_the_layout(
    mini_linter: Linter, text: str, fixed: str
) -> None:
    (found,) = findings(mini_linter, text, "agent.py")
    assert found.fix is not None
    (edit,) = found.fix.edits
    assert text[: edit.start] + edit.content + text[edit.end :] == fixed


def test_no_insertion_after_a_trailing_comment(mini_linter: Linter) -> None:
    text = (
        "client.beta.messages.create(\n    model=M,\n    messages=m,\n"
        "    mcp_servers=[s]  # the docs server\n)\n"
    )
    (found,) = findings(mini_linter, text, "agent.py")
    assert found.fix is not None and found.fix.applicability == "display"


@pytest.mark.parametrize("shape", sorted(LOOK_ALIKES))
def test_look_alikes_are_silent(mini_linter: Linter, shape: str) -> None:
    path, text = LOOK_ALIKES[shape]
    assert findings(mini_linter, text, path) == []


def test_one_finding_per_field_and_tool(mini_linter: Linter) -> None:
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        '    context_management={"edits": []},\n'
        f"    mcp_servers=[{SERVER}],\n"
        '    tools=[{"type": "mcp_toolset", "mcp_server_name": "docs"}],\n'
        '    container={"skills": [{"type": "anthropic", "skill_id": "pptx"}]})\n'
    )
    found = findings(mini_linter, text, "agent.py")
    assert [d.name for d in found] == [
        "context_management",
        "mcp_servers",
        "mcp_toolset",
        "container.skills",
    ]
    assert found[0].fix is not None and found[0].fix.message == "add context-management-2025-06-27"
    # The same call in the non-beta namespace takes no `betas`: the fix is shown.
    plain = text.replace("client.beta.messages", "client.messages")
    first = findings(mini_linter, plain, "agent.py")[0]
    assert first.fix is not None and first.fix.applicability == "display"
    assert first.fix.message == (
        'send context-management-2025-06-27: betas=["context-management-2025-06-27"]'
        " on client.beta.messages"
    )


def test_a_call_with_its_beta_and_one_without(mini_linter: Linter) -> None:
    """The call with betas is the name-found path's; the other, this one's: no double."""
    text = (
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        f'    mcp_servers=[s], betas=["{MCP}"])\n'
        'client.beta.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s])\n"
    )
    (found,) = findings(mini_linter, text, "agent.py")
    assert found.line == 4


def test_suppressed_like_any_finding(mini_linter: Linter) -> None:
    text = (
        'client.messages.create(model="claude-sonnet-4-5", messages=msgs,\n'
        "    mcp_servers=[s])  # betalint: ignore[BL403]\n"
    )
    assert findings(mini_linter, text, "agent.py") == []


def test_off_when_bl403_is_not_selected(mini_linter: Linter) -> None:
    path, text = POSITIVES["python"]
    assert mini_linter.check(text, path, frozenset({"BL401"})) == []


def test_the_cli_reads_a_file_without_any_beta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The byte prefilter lets a gated key of a Messages call through; other files still
    fail it."""
    path, text = POSITIVES["python"]
    (tmp_path / path).write_text(text)
    (tmp_path / "other.py").write_text("servers = load_mcp_servers()\n")
    code = main(["check", "--today", TODAY.isoformat(), "--select", "BL403", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1 and "agent.py:8:5: BL403" in out and "other.py" not in out


PLANTS = st.sampled_from(
    [
        "mcp_servers",
        "MCPServers",
        "mcp_servers=",
        '"mcp_servers":',
        "context_management: ",
        "tools=[{'type': 'mcp_toolset'",
        "messages=",
        "model=",
        "client.messages.create(",
        "({",
        "})",
        "**",
        "...",
        '"',
        "'",
        "\\\n",
        "curl ",
        "/v1/messages",
        "\n\n",
        "###",
    ]
)


@settings(max_examples=150, deadline=None)
@given(
    parts=st.lists(st.one_of(PLANTS, st.text(max_size=8)), max_size=30),
    suffix=st.sampled_from(["a.py", "a.ts", "a.go", "a.rb", "a.sh", "a.http", "a.json"]),
)
def test_never_raises_on_planted_keys(mini_linter: Linter, parts: list[str], suffix: str) -> None:
    text = "".join(parts)
    for d in findings(mini_linter, text, suffix):
        assert 0 <= d.start <= d.end <= len(text)


def test_a_gated_tool_type_alone_is_found_from_the_tools_key(mini_linter: Linter) -> None:
    text = (
        'client.messages.create(model="claude-sonnet-4-5", max_tokens=1024, messages=msgs,\n'
        '    tools=[{"type": "computer_20250124", "name": "computer",\n'
        '            "display_width_px": 1024, "display_height_px": 768}])\n'
    )
    (found,) = findings(mini_linter, text, "agent.py")
    assert found.name == "computer_20250124" and "computer-use-2025-01-24" in found.message
    assert text[found.start : found.end] == "computer_20250124"
    # An ungated (GA) tool type in the same place says nothing.
    assert findings(mini_linter, text.replace("computer_20250124", "bash_20250124"), "a.py") == []


def test_a_ruby_config_object_is_silent(mini_linter: Linter) -> None:
    text = 'agent = Agent::Config.new(model: "claude-sonnet-4-5", messages: [], mcp_servers: [])\n'
    assert findings(mini_linter, text, "agent.rb") == []
