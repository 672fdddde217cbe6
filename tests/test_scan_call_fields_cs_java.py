"""call_fields on C# object initializers and Java/Kotlin builder chains (issue 16).

Each positive beside its look-alike negative: a key of a nested initializer or builder, a
`with` copy, a spread, a list from a variable, body properties from a map.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_scan_call_fields import BETA, fields, fill, shape

from betalint.linter.scan.call_fields import call_shape
from betalint.linter.scan.call_fields_builders import beta_insertion, field_name
from betalint.linter.scan.calls import call_literals

CS = (
    "var message = await client.Beta.Messages.Create(new MessageCreateParams\n{\n"
    "    Model = Model.ClaudeSonnet4_5,\n    MaxTokens = 1024,\n"
    '    Messages = [new() { Role = Role.User, Content = "Hello" }],\n{body}'
    '    Betas = ["BETA"],\n});\n'
).replace("BETA", BETA)
JAVA = (
    "MessageCreateParams params = MessageCreateParams.builder()\n"
    "    .model(Model.CLAUDE_SONNET_4_5)\n    .maxTokens(1024L)\n"
    '    .addUserMessage("Hello")\n{body}'
    '    .addBeta("BETA")\n    .build();\n'
).replace("BETA", BETA)


CS0 = CS.replace("{body}", "")
JAVA0 = JAVA.replace("{body}", "")


CS_BASE = {"model", "max_tokens", "messages", "betas"}
JAVA_BASE = {"model", "max_tokens", "messages"}  # the betas are no body field


@pytest.mark.parametrize(
    ("template", "path", "body", "expected"),
    [
        # C#: PascalCase properties in the API's snake_case.
        (CS, "a.cs", '    McpServers = [new() { Name = "docs", Url = url }],\n', {"mcp_servers"}),
        # A nested initializer's keys are its own, not the request's.
        (
            CS,
            "a.cs",
            "    Metadata = new() { McpServers = servers },\n",
            {"metadata", "metadata.mcp_servers"},
        ),
        (CS, "a.cs", "    Metadata = Meta.From(McpServers: servers),\n", {"metadata"}),
        # One level down under a literal initializer only.
        (
            CS,
            "a.cs",
            "    OutputConfig = new BetaOutputConfig() { TaskBudget = budget },\n",
            {"output_config", "output_config.task_budget"},
        ),
        (CS, "a.cs", "    OutputConfig = config,\n", {"output_config"}),
        # A constructor's arguments may set keys: the object is opaque.
        (
            CS,
            "a.cs",
            "    OutputConfig = new BetaOutputConfig(budget) { Effort = e },\n",
            {"output_config"},
        ),
        (
            CS,
            "a.cs",
            "    ContextManagement = new() { Edits = [new BetaClearToolUses20250919Edit()] },\n",
            {"context_management", "context_management.edits"},
        ),
        # Java/Kotlin: each link at the chain's own level is a field.
        (JAVA, "A.java", "    .mcpServers(listOf(server))\n", {"mcp_servers"}),
        (JAVA, "A.kt", "    .addMcpServer(server)\n", {"mcp_servers"}),
        (JAVA, "A.java", "    .contextManagement(config)\n", {"context_management"}),
        (JAVA, "A.java", "    .systemOfBetaTextBlockParams(blocks)\n", {"system"}),
        # A nested builder's links are the nested object's, not the request's.
        (
            JAVA,
            "A.java",
            "    .metadata(BetaMetadata.builder().mcpServers(servers).build())\n",
            {"metadata", "metadata.mcp_servers"},
        ),
        # One level down under a whole nested builder only.
        (
            JAVA,
            "A.java",
            "    .outputConfig(BetaOutputConfig.builder()\n        .taskBudget(budget).build())\n",
            {"output_config", "output_config.task_budget"},
        ),
        (JAVA, "A.java", "    .outputConfig(config)\n", {"output_config"}),
        (
            JAVA,
            "A.java",
            "    .outputConfig(base.toBuilder().taskBudget(budget).build())\n",
            {"output_config"},
        ),
        (
            JAVA,
            "A.java",
            "    .outputConfig(make(BetaOutputConfig.builder().taskBudget(b).build()))\n",
            {"output_config"},
        ),
        # A literal body property is a field; other header links are no fields.
        (
            JAVA,
            "A.java",
            '    .putAdditionalBodyProperty("mcp_servers", servers)\n',
            {"mcp_servers"},
        ),
        (JAVA, "A.java", '    .putAdditionalHeader("x-trace", id)\n', set()),
    ],
)
def test_fields(template: str, path: str, body: str, expected: set[str]) -> None:
    base = CS_BASE if template is CS else JAVA_BASE
    assert fields(fill(template, body), path) == frozenset(base | expected)


@pytest.mark.parametrize(
    ("template", "path", "body"),
    [
        (JAVA, "A.java", "    .additionalBodyProperties(extra)\n"),
        (JAVA, "A.java", "    .putAllAdditionalBodyProperties(extra)\n"),
        (JAVA, "A.java", "    .putAdditionalBodyProperty(key, value)\n"),
        # C#: an indexer entry (`[key] = value`) writes a computed key.
        (CS, "a.cs", "    [Key] = value,\n"),
    ],
)
def test_what_could_add_fields_unseen_makes_them_unknown(
    template: str, path: str, body: str
) -> None:
    found = shape(fill(template, body), path)
    assert found is not None and found.fields is None


@pytest.mark.parametrize(
    "copy", ["baseline with\n", "Build() with\n", "new MessageCreateParams(rawBody)\n"]
)
def test_a_csharp_with_copy_is_not_read(copy: str) -> None:
    # Nor a constructor's arguments (the SDK's raw body data): they may set any key.
    # The positive: the initializer after `new` is the call.
    call = call_literals(CS0, "a.cs", CS0.index(BETA), CS0.index(BETA) + len(BETA))
    assert call is not None and call.start == CS0.index("{\n    Model")
    found = shape(CS0.replace("new MessageCreateParams\n", copy), "a.cs")
    assert found is None or found.fields is None


@pytest.mark.parametrize(
    ("text", "path", "items"),
    [
        (fill(CS, ""), "a.cs", [f'"{BETA}"']),
        (
            CS0.replace('["', '["files-api-2025-04-14", "'),
            "a.cs",
            ['"files-api-2025-04-14"', f'"{BETA}"'],
        ),
        (CS0.replace('["', '[.. defaults, "'), "a.cs", None),
        (fill(JAVA, ""), "A.java", [f'"{BETA}"']),
        (
            fill(JAVA, "    .addBeta(AnthropicBeta.FILES_API_2025_04_14)\n"),
            "A.java",
            ["AnthropicBeta.FILES_API_2025_04_14", f'"{BETA}"'],
        ),
        (
            JAVA0.replace(
                f'.addBeta("{BETA}")', f'.betas(listOf("files-api-2025-04-14", "{BETA}"))'
            ),
            "A.kt",
            ['"files-api-2025-04-14"', f'"{BETA}"'],
        ),
        (JAVA0.replace(f'.addBeta("{BETA}")', f'.betas(base + "{BETA}")'), "A.kt", None),
        (fill(JAVA, "    .additionalHeaders(headers)\n"), "A.java", None),
        (
            JAVA0.replace(
                f'.addBeta("{BETA}")', f'.putAdditionalHeader("anthropic-beta", "{BETA}")'
            ),
            "A.java",
            [f'"{BETA}"'],
        ),
    ],
)
def test_beta_items(text: str, path: str, items: list[str] | None) -> None:
    found = shape(text, path)
    assert found is not None
    written = None if found.beta_items is None else [text[s:e] for s, e, _ in found.beta_items]
    assert written == items


def test_a_chain_that_is_no_messages_request_is_unknown() -> None:
    text = (
        'AgentCreateParams.builder().name("helper").mcpServers(servers)'
        f'.addBeta("{BETA}").build()\n'
    )
    found = shape(text, "A.java")
    assert found is None or found.fields is None


def test_tool_links_make_the_tool_list_unknown_but_keep_seen_classes() -> None:
    text = fill(JAVA, "    .addTool(BetaToolBash20250124.builder().build())\n")
    found = shape(text, "A.java")
    assert found is not None and found.tools is None
    assert [t for _, _, t in found.tools_seen] == ["bash_20250124"]
    assert shape(fill(JAVA, ""), "A.java") == shape(fill(JAVA, ""), "A.java")
    plain = shape(fill(JAVA, ""), "A.java")
    assert plain is not None and plain.tools == ()


def test_keys_point_at_the_link_name() -> None:
    text = fill(JAVA, "    .mcpServers(listOf(server))\n")
    found = shape(text, "A.java")
    assert found is not None
    (span,) = [(s, e) for s, e, p in found.keys if p == "mcp_servers"]
    assert text[span[0] : span[1]] == "mcpServers"


@pytest.mark.parametrize(
    ("link", "field"),
    [
        ("mcpServers", "mcp_servers"),
        ("addMcpServer", "mcp_servers"),
        ("addTools", "tools"),
        ("addStopSequence", "stop_sequences"),
        ("addUserMessageOfBetaContentBlockParams", "messages"),
        ("enabledThinking", "thinking"),
        ("topK", "top_k"),
        ("model", "model"),
        ("address", "address"),  # `add` without a capital after it is no adder
    ],
)
def test_field_name(link: str, field: str) -> None:
    assert field_name(link) == field


_PIECES = st.sampled_from(
    [
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        ",",
        "=",
        ".",
        "..",
        '"',
        "//",
        "\n",
        " ",
        "new",
        "with",
        "McpServers",
        ".mcpServers(",
        ".builder()",
        ".build()",
        "listOf(",
        f'"{BETA}"',
    ]
)
_NOISE = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=25).map("".join)


@given(noise=st.tuples(_NOISE, _NOISE), java=st.booleans())
def test_never_raises_and_spans_stay_in_the_call(noise: tuple[str, str], java: bool) -> None:
    a, b = noise
    template, path = (JAVA, "A.java") if java else (CS, "a.cs")
    text = a + fill(template, b)
    start = text.index(f'"{BETA}"') + 1
    call = call_literals(text, path, start, start + len(BETA))
    if call is None:
        return
    found = call_shape(text, path, call)
    for s, e, _ in found.beta_items or ():
        assert call.start <= s <= e <= call.end
    for s, e, _ in found.keys:
        assert call.start <= s <= e <= call.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            JAVA0,
            JAVA0.replace(
                f'.addBeta("{BETA}")', f'.addBeta("{BETA}")\n    .addBeta("files-api-2025-04-14")'
            ),
        ),
        (
            JAVA0.replace(f'.addBeta("{BETA}")', f'.betas(listOf("{BETA}"))'),
            JAVA0.replace(
                f'.addBeta("{BETA}")', f'.betas(listOf("{BETA}", "files-api-2025-04-14"))'
            ),
        ),
        (
            f'MessageCreateParams.builder().addUserMessage("hi").addBeta("{BETA}").build()',
            f'MessageCreateParams.builder().addUserMessage("hi").addBeta("{BETA}")'
            '.addBeta("files-api-2025-04-14").build()',
        ),
    ],
)
def test_beta_insertion_writes_a_link_or_an_item(text: str, expected: str) -> None:
    start = text.index(BETA)
    call = call_literals(text, "A.java", start, start + len(BETA))
    assert call is not None
    found = beta_insertion(text, call, "files-api-2025-04-14")
    assert found is not None
    at, content = found
    assert text[:at] + content + text[at:] == expected


def test_no_beta_insertion_without_a_betas_link() -> None:
    text = JAVA0.replace(f'.addBeta("{BETA}")', f'.putAdditionalHeader("anthropic-beta", "{BETA}")')
    start = text.index(BETA)
    call = call_literals(text, "A.java", start, start + len(BETA))
    assert call is not None and beta_insertion(text, call, "x") is None


def test_csharp_tool_classes_leave_the_tool_list_unknown() -> None:
    text = fill(CS, "    Tools = [new BetaToolComputerUse20251124 { DisplayWidthPx = 1280 }],\n")
    found = shape(text, "a.cs")
    assert found is not None and found.tools is None
    assert found.fields is not None and "tools" in found.fields
    plain = shape(CS0, "a.cs")
    assert plain is not None and plain.tools == ()
