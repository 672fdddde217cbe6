"""linter/scan/calls.py beyond Python/TS/Go/JSON: Java/Kotlin builder chains, C# object
initializers, Ruby hash arguments, Markdown fences and notebook cells.

Each positive beside its look-alike negative: a model in a nested builder, a variable model,
two builders on one line, a copied request (`toBuilder()`), a fence or cell boundary.
"""

from __future__ import annotations

import json

import _calls_support as support
import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan.calls import CallLiterals, call_literals
from betalint.linter.scan.sdk_names import TOOL_CLASS, model_for_constant

BETA = "interleaved-thinking-2025-05-14"


def literals(text: str, path: str, needle: str = BETA) -> CallLiterals | None:
    return support.literals(text, path, needle)


def model_of(text: str, path: str, needle: str = BETA) -> str | None:
    return support.model_of(text, path, needle)


def tools_of(text: str, path: str, needle: str = BETA) -> list[str]:
    found = literals(text, path, needle)
    return [tool for _, _, tool in found.tools] if found else []


# (path, text, model): each positive is followed by its look-alike negative (model None).
CASES = [
    # Java: the official SDK's builder chain, the model as an SDK constant.
    (
        "Main.java",
        "MessageCreateParams params = MessageCreateParams.builder()\n"
        "        .model(Model.CLAUDE_OPUS_4_7)\n"
        "        .maxTokens(1024L)\n"
        f'        .addBeta(AnthropicBeta.of("{BETA}"))\n'
        "        .build();\n",
        "claude-opus-4-7",
    ),
    # ... the same chain, its model from a variable.
    (
        "Main.java",
        "MessageCreateParams params = MessageCreateParams.builder()\n"
        f'        .model(modelName)\n        .addBeta("{BETA}")\n        .build();\n',
        None,
    ),
    # Java: a string model, betas as a list argument.
    (
        "Main.java",
        'var p = MessageCreateParams.builder().model("claude-haiku-4-5")'
        f'.betas(List.of(AnthropicBeta.of("{BETA}"))).build();',
        "claude-haiku-4-5",
    ),
    # ... two builders on one line: the other chain's model is not this call's.
    (
        "Main.java",
        'var a = CountTokensParams.builder().model("claude-haiku-4-5").build(); '
        f'var b = MessageCreateParams.builder().addBeta("{BETA}").build();',
        None,
    ),
    # ... a model inside a nested builder (another object's field).
    (
        "Main.java",
        "var p = MessageCreateParams.builder()\n"
        '    .fallback(Fallback.builder().model("claude-haiku-4-5").build())\n'
        f'    .addBeta("{BETA}")\n    .build();',
        None,
    ),
    # ... a copied request: `toBuilder()` keeps fields nobody can see here.
    (
        "Main.java",
        f'var p = base.toBuilder().model("claude-haiku-4-5").addBeta("{BETA}").build();',
        None,
    ),
    # ... two model links: which one wins is the SDK's business, not a guess.
    (
        "Main.java",
        'var p = Params.builder().model("claude-haiku-4-5").model("claude-opus-4-7")'
        f'.addBeta("{BETA}").build();',
        None,
    ),
    # ... the chain is broken by a statement: the betas are another builder's.
    (
        "Main.java",
        f'var b = Params.builder().model("claude-haiku-4-5");\nb.addBeta("{BETA}").build();',
        None,
    ),
    # ... a model constant the SDK does not name mechanically (claude-2.1): silent.
    (
        "Main.java",
        f'var p = Params.builder().model(Model.CLAUDE_2_1).addBeta("{BETA}").build();',
        None,
    ),
    # Java: the header as an additional header of the chain.
    (
        "Main.java",
        'var p = Params.builder().model("claude-opus-4-7")\n'
        f'    .putAdditionalHeader("anthropic-beta", "{BETA}")\n    .build();',
        "claude-opus-4-7",
    ),
    # ... a builder that is no request's parameters (the SDK's `Headers`).
    (
        "Main.kt",
        'val h = Headers.builder().put("model", "claude-opus-4-7")'
        f'.put("anthropic-beta", "{BETA}").build()',
        None,
    ),
    # ... a string holding `.model(` is not a link.
    (
        "Main.java",
        'var p = Params.builder().system("call .model(\\"claude-opus-4-7\\")")'
        f'.addBeta("{BETA}").build();',
        None,
    ),
    # Kotlin: the same SDK, no semicolons, `listOf`.
    (
        "Main.kt",
        "val params = MessageCreateParams.builder()\n"
        '    .model("claude-sonnet-4-5")\n'
        f'    .betas(listOf(AnthropicBeta.of("{BETA}")))\n'
        "    .build()\n",
        "claude-sonnet-4-5",
    ),
    # ... a statement on the next line is not a link of the chain.
    (
        "Main.kt",
        'val a = Params.builder().model("claude-sonnet-4-5").build()\n'
        f'val b = Params.builder()\n    .addBeta("{BETA}")\n    .build()\n',
        None,
    ),
    # C#: an object initializer with the SDK's model constant.
    (
        "Program.cs",
        "var message = await client.Beta.Messages.Create(new MessageCreateParams\n{\n"
        "    Model = Messages::Model.ClaudeOpus4_7,\n    MaxTokens = 1024,\n"
        f'    Betas = ["{BETA}"],\n}});',
        "claude-opus-4-7",
    ),
    # ... target-typed `new()` with a string model.
    (
        "Program.cs",
        f'await client.Beta.Messages.Create(new()\n{{\n    Model = "claude-haiku-4-5",\n'
        f'    Betas = ["{BETA}"],\n}});',
        "claude-haiku-4-5",
    ),
    # ... the model set from a variable.
    (
        "Program.cs",
        f"await client.Beta.Messages.Create(new()\n{{\n    Model = model,\n"
        f'    Betas = ["{BETA}"],\n}});',
        None,
    ),
    # ... a method body is a block, not an object: its local is not a field.
    (
        "Program.cs",
        'void Send()\n{\n    var Model = "claude-haiku-4-5";\n'
        f'    headers.Add("anthropic-beta", "{BETA}");\n}}',
        None,
    ),
    # Go: the SDK's model constant in a struct literal.
    (
        "main.go",
        "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel: anthropic.ModelClaudeOpus4_0,\n"
        f'\tBetas: []anthropic.AnthropicBeta{{"{BETA}"}},\n}})',
        "claude-opus-4-0",
    ),
    # ... anthropic-sdk-go before v1: every field wrapped in `anthropic.F(…)`.
    (
        "main.go",
        "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel: anthropic.F(anthropic.ModelClaudeSonnet4_0),\n"
        f'\tBetas: anthropic.F([]anthropic.AnthropicBeta{{"{BETA}"}}),\n}})',
        "claude-sonnet-4-0",
    ),
    # ... a model constant of another package's type is not the SDK's.
    (
        "main.go",
        "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        "\tModel: config.DefaultModel,\n"
        f'\tBetas: []anthropic.AnthropicBeta{{"{BETA}"}},\n}})',
        None,
    ),
    # Ruby: keyword hash arguments, as anthropic-sdk-ruby's examples write them.
    (
        "chat.rb",
        "message = anthropic.beta.messages.create(\n  max_tokens: 1024,\n"
        f'  model: "claude-haiku-4-5",\n  betas: ["{BETA}"]\n)',
        "claude-haiku-4-5",
    ),
    # ... hash rockets.
    (
        "chat.rb",
        f'client.post("/v1/messages", {{"model" => "claude-haiku-4-5", "betas" => ["{BETA}"]}})',
        "claude-haiku-4-5",
    ),
    # ... a symbol model, as anthropic-sdk-ruby's own tests write enums.
    (
        "chat.rb",
        f'client.beta.messages.create(model: :"claude-opus-4-7", betas: [:"{BETA}"])',
        "claude-opus-4-7",
    ),
    # ... a call without parentheses: no bracket to bound it, so no call.
    (
        "chat.rb",
        f'client.beta.messages.create model: "claude-haiku-4-5", betas: ["{BETA}"]',
        None,
    ),
    # ... the model from a constant or a method.
    (
        "chat.rb",
        f'client.beta.messages.create(model: MODEL, betas: ["{BETA}"])',
        None,
    ),
    # PHP 8 named arguments, as anthropic-sdk-php writes them.
    (
        "chat.php",
        "$message = $client->beta->messages->create(\n    model: Model::CLAUDE_OPUS_4_7,\n"
        f"    maxTokens: 1024,\n    betas: ['{BETA}'],\n);",
        "claude-opus-4-7",
    ),
    # ... a headers array is no call (PHP arrays are not read as objects).
    (
        "chat.php",
        f"$opts = ['model' => 'claude-opus-4-7', 'headers' => ['anthropic-beta' => '{BETA}']];",
        None,
    ),
    # TS: a spread after the model may replace it.
    (
        "agent.ts",
        f"await client.beta.messages.create({{ model: 'claude-opus-4-7', ...overrides, "
        f"betas: ['{BETA}'] }});",
        None,
    ),
    # ... a spread before the model is overridden by it.
    (
        "agent.ts",
        f"await client.beta.messages.create({{ ...defaults, model: 'claude-opus-4-7', "
        f"betas: ['{BETA}'] }});",
        "claude-opus-4-7",
    ),
    # Markdown: a python fence.
    (
        "README.md",
        "Use it like this:\n\n```python\nclient.beta.messages.create(\n"
        f'    model="claude-haiku-4-5",\n    betas=["{BETA}"],\n)\n```\n',
        "claude-haiku-4-5",
    ),
    # ... the model in the prose above the fence, the call cut by the fence.
    (
        "README.md",
        '```python\nclient.beta.messages.create(model="claude-haiku-4-5",\n```\n'
        f'```python\n    betas=["{BETA}"])\n```\n',
        None,
    ),
    # ... a fence without a language: no lexer to pick.
    (
        "README.md",
        f'```\nf(model="claude-haiku-4-5", betas=["{BETA}"])\n```\n',
        None,
    ),
    # ... prose is not a call.
    ("README.md", f'Call f(model="claude-haiku-4-5", betas=["{BETA}"]) to start.\n', None),
    # Markdown: a bash fence with curl.
    (
        "docs/guide.md",
        "```bash\ncurl https://api.anthropic.com/v1/messages \\\n"
        f'  -H "anthropic-beta: {BETA}" \\\n'
        '  -d \'{"model": "claude-opus-4-7", "max_tokens": 64}\'\n```\n',
        "claude-opus-4-7",
    ),
    # Markdown: a ts fence.
    (
        "README.md",
        "```ts\nawait client.beta.messages.create({\n  model: 'claude-opus-4-7',\n"
        f"  betas: ['{BETA}'],\n}});\n```\n",
        "claude-opus-4-7",
    ),
]


@pytest.mark.parametrize(("path", "text", "model"), CASES)
def test_the_call_model_per_language(path: str, text: str, model: str | None) -> None:
    assert model_of(text, path) == model


def test_each_language_has_a_positive_and_a_negative() -> None:
    seen: dict[str, set[bool]] = {}
    for path, _, model in CASES:
        seen.setdefault(path.rsplit(".", 1)[1], set()).add(model is not None)
    assert all(kinds == {True, False} for kinds in seen.values()), seen


@pytest.mark.parametrize(
    ("path", "text"),
    [
        # A header setter's own arguments are not the request.
        (
            "main.go",
            f'client.Messages.New(ctx, params, option.WithHeader("anthropic-beta", "{BETA}"))',
        ),
        (
            "a.py",
            'session.headers.update({"model": "claude-haiku-4-5"}) or '
            f'h.add("anthropic-beta", "{BETA}")',
        ),
        # A headers object handed to a helper: which request it joins is not in reach.
        (
            "a.ts",
            "return this._client.post('/v1/messages', { body, model: 'claude-haiku-4-5', "
            f"headers: buildHeaders([{{ 'anthropic-beta': ['{BETA}'].toString() }}]) }});",
        ),
        ("a.py", f'send(payload, {{"anthropic-beta": "{BETA}", "x-api-key": key}})'),
        # Positional arguments outside Python and Ruby are some helper's, not a request's.
        ("a.ts", f'const betas = new Set(["{BETA}", "files-api-2025-04-14"]);'),
    ],
)
def test_not_a_request(path: str, text: str) -> None:
    assert literals(text, path) is None


def test_default_headers_belong_to_their_constructor() -> None:
    # A client's default headers: the constructor names no model, nor does a later request's
    # count for them.
    client = (
        f'client = Anthropic(default_headers={{"anthropic-beta": "{BETA}"}})\n'
        'client.messages.create(model="claude-haiku-4-5", max_tokens=64)'
    )
    assert model_of(client, "a.py") is None
    ts_client = (
        f'const client = new Anthropic({{ defaultHeaders: {{ "anthropic-beta": "{BETA}" }} }});'
    )
    assert model_of(ts_client, "a.ts") is None
    # A LangChain model's: its own model is the model of every call it makes.
    chat = (
        'llm = ChatAnthropic(model="claude-haiku-4-5", '
        f'default_headers={{"anthropic-beta": "{BETA}"}})'
    )
    assert model_of(chat, "a.py") == "claude-haiku-4-5"
    chat_js = (
        'const model = new ChatAnthropic({ model: "claude-haiku-4-5", '
        f'clientOptions: {{ defaultHeaders: {{ "anthropic-beta": "{BETA}" }} }} }});'
    )
    assert model_of(chat_js, "a.ts") == "claude-haiku-4-5"


def test_a_request_with_its_own_extra_headers_is_still_one() -> None:
    text = (
        'client.messages.create(model="claude-haiku-4-5", '
        f'extra_headers={{"anthropic-beta": "{BETA}"}})'
    )
    assert model_of(text, "a.py") == "claude-haiku-4-5"
    # A betas list after a nested headers object is still the call's.
    text = (
        'client.beta.messages.create(model="claude-haiku-4-5", '
        "extra_headers={'anthropic-beta': 'files-api-2025-04-14'}, "
        f'betas=["{BETA}"])'
    )
    assert model_of(text, "a.py") == "claude-haiku-4-5"
    ts = (
        "await client.beta.messages.create({ model: 'claude-haiku-4-5', "
        f"headers: {{ 'anthropic-beta': 'x' }}, betas: ['{BETA}'] }});"
    )
    assert model_of(ts, "a.ts") == "claude-haiku-4-5"


def test_a_java_chain_spans_builder_to_build_and_reads_tool_classes() -> None:
    text = (
        "MessageCreateParams params = MessageCreateParams.builder()\n"
        "    .model(Model.CLAUDE_SONNET_4_5)\n"
        "    .addTool(BetaToolComputerUse20251124.builder().displayWidthPx(1024).build())\n"
        "    .addTool(BetaToolBash20250124.builder().build())\n"
        f'    .addBeta("{BETA}")\n'
        "    .build();\n"
        "var other = BetaToolTextEditor20250728.builder().build();\n"
    )
    found = literals(text, "Main.java")
    assert found is not None
    assert text[found.start : found.end].startswith("MessageCreateParams.builder()")
    assert text[found.start : found.end].endswith(".build()")
    assert [t for _, _, t in found.tools] == ["computer_20251124", "bash_20250124"]
    s, e = found.model_span or (0, 0)
    assert text[s:e] == "CLAUDE_SONNET_4_5"


def test_two_add_beta_links_of_one_chain_are_one_call() -> None:
    text = (
        'var p = Params.builder().model("claude-opus-4-7")\n'
        f'    .addBeta("{BETA}")\n    .addBeta("files-api-2025-04-14")\n    .build();'
    )
    start = text.index(BETA)
    end = text.index("files-api-2025-04-14") + len("files-api-2025-04-14")
    found = call_literals(text, "Main.java", start, end)
    assert found is not None and found.model == "claude-opus-4-7"


def test_csharp_and_go_tool_classes() -> None:
    cs = (
        "await client.Beta.Messages.Create(new MessageCreateParams\n{\n"
        '    Model = "claude-sonnet-4-5",\n'
        "    Tools = [new BetaToolComputerUse20250124 { DisplayWidthPx = 1024 }],\n"
        f'    Betas = ["{BETA}"],\n}});'
    )
    assert tools_of(cs, "Program.cs") == ["computer_20250124"]
    go = (
        "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
        '\tModel: "claude-sonnet-4-5",\n'
        "\tTools: []anthropic.BetaToolUnionParam{{OfBashTool20250124: "
        "&anthropic.BetaToolBash20250124Param{}}},\n"
        f'\tBetas: []string{{"{BETA}"}},\n}})'
    )
    assert tools_of(go, "main.go") == ["bash_20250124"]
    # A class name in a comment is no tool of the call.
    commented = cs.replace("Tools = [", "// Tools = [")
    assert tools_of(commented, "Program.cs") == []


def test_ruby_tool_types_in_hashes() -> None:
    text = (
        'client.beta.messages.create(\n  model: "claude-sonnet-4-5",\n'
        '  tools: [{type: "computer_20250124", name: "computer"}, {"type" => "bash_20250124"}],\n'
        f'  betas: ["{BETA}"]\n)\n'
        'later = {type: "text_editor_20250728"}\n'
    )
    assert tools_of(text, "agent.rb") == ["computer_20250124", "bash_20250124"]


def _notebook(*cells: tuple[str, str]) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": kind, "metadata": {}, "source": src.splitlines(keepends=True)}
                for kind, src in cells
            ],
            "metadata": {"language_info": {"name": "python"}},
            "nbformat": 4,
        },
        indent=1,
    )


def test_notebook_code_cell_and_spans_in_the_raw_json() -> None:
    text = _notebook(
        ("markdown", "# Computer use\n"),
        (
            "code",
            'response = client.beta.messages.create(\n    model="claude-sonnet-4-5",\n'
            '    tools=[{"type": "computer_20250124", "name": "computer"}],\n'
            f'    betas=["{BETA}"],\n)\n',
        ),
    )
    found = literals(text, "demo.ipynb")
    assert found is not None and found.model == "claude-sonnet-4-5"
    s, e = found.model_span or (0, 0)
    assert text[s:e] == "claude-sonnet-4-5"
    assert [text[s:e] for s, e, _ in found.tools] == ["computer_20250124"]


def test_a_notebook_call_never_crosses_cells() -> None:
    text = _notebook(
        ("code", 'kwargs = dict(\n    model="claude-sonnet-4-5",\n'),
        ("code", f'    betas=["{BETA}"],\n)\n'),
    )
    assert model_of(text, "demo.ipynb") is None
    # The model in the previous cell's variable is not this call's.
    text = _notebook(
        ("code", 'MODEL = "claude-sonnet-4-5"\n'),
        ("code", f'client.beta.messages.create(model=MODEL, betas=["{BETA}"])\n'),
    )
    assert model_of(text, "demo.ipynb") is None


def test_a_notebook_markdown_cell_reads_its_fences() -> None:
    text = _notebook(
        ("markdown", f'```python\nf(model="claude-haiku-4-5", betas=["{BETA}"])\n```\n'),
    )
    assert model_of(text, "demo.ipynb") == "claude-haiku-4-5"
    prose = _notebook(("markdown", f'Call f(model="claude-haiku-4-5", betas=["{BETA}"]).\n'))
    assert model_of(prose, "demo.ipynb") is None


_PIECES = [
    *"()[]{}\"'`#/*\\\n =:,.;ab-",
    "model",
    "Model = ",
    ".model(",
    "Model.CLAUDE_OPUS_4_7",
    "Model.ClaudeOpus4_7",
    '"claude-x"',
    "type: ",
    "BetaToolBash20250124",
    ".builder()",
    ".build()",
    "toBuilder()",
    "new ",
    "new() ",
    "curl ",
    "-d '",
    "###",
    "```python\n",
    "```bash\n",
    "```\n",
    " => ",
    BETA,
]
_PATHS = [
    "a.py",
    "a.ts",
    "a.json",
    "a.sh",
    "a.http",
    "a.go",
    "a.yml",
    "a.md",
    "A.java",
    "A.kt",
    "P.cs",
    "a.rb",
    "a.rs",
    "a.ipynb",
]


@given(
    st.lists(st.sampled_from(_PIECES), max_size=50).map("".join),
    st.sampled_from(_PATHS),
    st.data(),
)
def test_never_raises_and_its_span_holds_the_betas(
    text: str, path: str, data: st.DataObject
) -> None:
    if path.endswith(".ipynb"):
        cells = data.draw(st.lists(st.sampled_from(["code", "markdown"]), min_size=1, max_size=3))
        text = _notebook(*((kind, text) for kind in cells))
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=min(len(text), start + 40)))
    found = call_literals(text, path, start, end)
    if found is None:
        return
    assert 0 <= found.start <= start and end <= found.end <= len(text)
    if found.model_span is not None:
        s, e = found.model_span
        assert found.start <= s <= e <= found.end
        # The span holds the model as written: the literal, or the constant naming it.
        assert text[s:e] == found.model or model_for_constant(text[s:e]) == found.model
    for s, e, tool in found.tools:
        assert found.start <= s <= e <= found.end
        assert text[s:e] == tool or TOOL_CLASS.fullmatch(text, s, e) is not None
