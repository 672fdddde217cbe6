"""linter/scan/call_fields.py: a call's own body fields, tool types and betas lists.

Each positive beside its look-alike negative: a field one level down only under a literal
object, a field of a nested call, `**kwargs` and spreads, a non-literal `extra_body`, betas
from a variable.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan.call_fields import CallShape, call_fields, call_shape
from betalint.linter.scan.calls import call_literals

BETA = "mcp-client-2025-11-20"


def shape(text: str, path: str, needle: str = BETA) -> CallShape | None:
    start = text.index(needle)
    call = call_literals(text, path, start, start + len(needle))
    return call_shape(text, path, call) if call else None


def fields(text: str, path: str) -> frozenset[str] | None:
    found = shape(text, path)
    return found.fields if found else None


PY = (
    "client.beta.messages.create(\n    model='claude-sonnet-4-5',\n    messages=msgs,\n{body}"
    '    betas=["BETA"],\n)\n'
).replace("BETA", BETA)
TS = (
    "await client.beta.messages.create({\n  model: 'claude-sonnet-4-5',\n  messages,\n{body}"
    "  betas: ['BETA'],\n});\n"
).replace("BETA", BETA)
GO = (
    "client.Beta.Messages.New(ctx, anthropic.BetaMessageNewParams{\n"
    "\tModel: anthropic.ModelClaudeSonnet4_5,\n\tMessages: msgs,\n{body}"
    '\tBetas: []anthropic.AnthropicBeta{"BETA"},\n})\n'
).replace("BETA", BETA)
JSON = ('{"model": "claude-sonnet-4-5", "messages": [], {body} "betas": ["BETA"]}\n').replace(
    "BETA", BETA
)


def fill(template: str, body: str) -> str:
    return template.replace("{body}", body)


@pytest.mark.parametrize(
    ("template", "path", "body", "expected"),
    [
        # Python keyword arguments; one level down under a literal dict.
        (PY, "a.py", "    mcp_servers=[SERVER],\n", {"mcp_servers"}),
        (PY, "a.py", "    container={'skills': [SKILL]},\n", {"container", "container.skills"}),
        # A dict from a variable: the key is there, its keys are not known.
        (PY, "a.py", "    container=CONTAINER,\n", {"container"}),
        # The same key in a nested call is that call's, not this one's.
        (PY, "a.py", "    metadata=build(mcp_servers=[SERVER]),\n", {"metadata"}),
        # Literal extra_body: its keys are body fields.
        (
            PY,
            "a.py",
            "    extra_body={'context_management': {'edits': []}},\n",
            {
                "context_management",
                "context_management.edits",
            },
        ),
        # A keyword's `==` is no key; a lambda's colon is no key either.
        (PY, "a.py", "    stream=a == b,\n    key=lambda x: x,\n", {"stream", "key"}),
        # TS/JS object keys, quoted or not, and shorthand keys.
        (TS, "a.ts", "  mcp_servers: [server],\n", {"mcp_servers"}),
        (
            TS,
            "a.ts",
            "  'context_management': { edits: [] },\n",
            {
                "context_management",
                "context_management.edits",
            },
        ),
        (TS, "a.ts", "  container,\n", {"container"}),
        # Go fields in the API's snake_case.
        (GO, "a.go", "\tMCPServers: servers,\n", {"mcp_servers"}),
        (
            GO,
            "a.go",
            "\tContextManagement: anthropic.BetaContextManagementConfigParam{Edits: e},\n",
            {
                "context_management",
                "context_management.edits",
            },
        ),
        # JSON bodies.
        (JSON, "r.json", '"mcp_servers": [],', {"mcp_servers"}),
        (JSON, "r.json", '"container": {"skills": []},', {"container", "container.skills"}),
    ],
)
def test_fields(template: str, path: str, body: str, expected: set[str]) -> None:
    base = {"model", "messages", "betas"}
    assert fields(fill(template, body), path) == frozenset(base | expected)


@pytest.mark.parametrize(
    ("template", "path", "body"),
    [
        (PY, "a.py", "    **params,\n"),
        (PY, "a.py", "    extra_body=EXTRA,\n"),
        (TS, "a.ts", "  ...base,\n"),
        (TS, "a.ts", "  [key]: value,\n"),
    ],
)
def test_what_could_add_fields_unseen_makes_them_unknown(
    template: str, path: str, body: str
) -> None:
    found = shape(fill(template, body), path)
    assert found is not None and found.fields is None and found.tools is None


def test_ruby_keyword_arguments_and_hashes() -> None:
    text = (
        'client.beta.messages.create(model: "claude-sonnet-4-5", messages: msgs,\n'
        '  container: {skills: [s]}, tools: [{"type" => "mcp_toolset"}, {name: "f"}],\n'
        f'  betas: ["{BETA}"])\n'
    )
    found = shape(text, "a.rb")
    assert found is not None and found.tools == ("mcp_toolset",)
    assert found.fields == {"model", "messages", "container", "container.skills", "tools", "betas"}
    # A symbol with a rocket is not read: the hash's keys are unknown.
    rocket = text.replace("{skills: [s]}", "{:skills => [s]}")
    found = shape(rocket, "a.rb")
    assert found is not None and found.fields is not None
    assert "container" in found.fields and "container.skills" not in found.fields
    spread = text.replace("messages: msgs,", "messages: msgs, **opts,")
    assert fields(spread, "a.rb") is None


def test_a_python_dict_with_a_variable_key_is_unknown() -> None:
    text = f'params = {{"model": "claude-sonnet-4-5", KEY: 1, "betas": ["{BETA}"]}}\n'
    assert fields(text, "a.py") is None
    text = f'params = {{"model": "claude-sonnet-4-5", "mcp_servers": [], "betas": ["{BETA}"]}}\n'
    assert fields(text, "a.py") == {"model", "mcp_servers", "betas"}


def test_a_ts_options_argument_is_not_the_body() -> None:
    # The call is the SDK's (body, options): the fields are the body's, the betas the
    # options' headers (linter/scan/calls.py reads `create(body, { headers })` as one call).
    text = (
        "await client.messages.create({ model: 'claude-sonnet-4-5', messages },"
        f" {{ headers: {{ 'anthropic-beta': '{BETA}' }} }});\n"
    )
    found = shape(text, "a.ts")
    assert found is not None and found.fields == {"model", "messages"}
    assert found.beta_items is not None and len(found.beta_items) == 1


def test_curl_and_http_bodies() -> None:
    curl = (
        "curl https://api.anthropic.com/v1/messages \\\n"
        f'  -H "anthropic-beta: {BETA}" \\\n'
        """  -d '{"model": "claude-sonnet-4-5", "mcp_servers": [{"type": "url"}]}'\n"""
    )
    found = shape(curl, "run.sh")
    assert found is not None and found.fields == {"model", "mcp_servers"}
    (item,) = found.beta_items or ()
    assert curl[item[0] : item[1]] == BETA and item[2]
    http = (
        "POST https://api.anthropic.com/v1/messages\n"
        f"anthropic-beta: {BETA}\n\n"
        '{"model": "claude-sonnet-4-5", "context_management": {"edits": []}}\n'
    )
    assert fields(http, "r.http") == {"model", "context_management", "context_management.edits"}
    templated = http.replace(f"{BETA}\n", f"{BETA},{{{{extra}}}}\n")
    found = shape(templated, "r.http")
    assert found is not None and found.beta_items is None


@pytest.mark.parametrize(
    ("text", "path", "tools"),
    [
        (
            fill(PY, "    tools=[{'type': 'mcp_toolset'}, {'name': 'f'}],\n"),
            "a.py",
            ("mcp_toolset",),
        ),
        (
            fill(PY, "    tools=[dict(type='web_search_20250305')],\n"),
            "a.py",
            ("web_search_20250305",),
        ),
        (fill(PY, ""), "a.py", ()),
        (fill(PY, "    tools=TOOLS,\n"), "a.py", None),
        (fill(PY, "    tools=[*BASE, {'type': 'mcp_toolset'}],\n"), "a.py", None),
        (fill(PY, "    tools=[{'type': kind}],\n"), "a.py", None),
        (
            fill(TS, "  tools: [{ type: 'mcp_toolset', mcp_server_name: 'x' }],\n"),
            "a.ts",
            ("mcp_toolset",),
        ),
        (fill(TS, "  tools: [search, { type: 'mcp_toolset' }],\n"), "a.ts", None),
        # Go names a tool by its Go type, never by a string: unknown.
        (fill(GO, "\tTools: []anthropic.BetaToolUnionParam{{OfTool: &t}},\n"), "a.go", None),
    ],
)
def test_tools(text: str, path: str, tools: tuple[str, ...] | None) -> None:
    found = shape(text, path)
    assert found is not None and found.tools == tools


def test_tools_seen_even_when_the_list_is_not_complete() -> None:
    found = shape(fill(TS, "  tools: [search, { type: 'mcp_toolset' }],\n"), "a.ts")
    assert found is not None and [t for _, _, t in found.tools_seen] == ["mcp_toolset"]


@pytest.mark.parametrize(
    ("text", "path", "items"),
    [
        (fill(PY, ""), "a.py", 1),
        (
            fill(PY, "    extra_headers={'anthropic-beta': 'files-api-2025-04-14'},\n"),
            "a.py",
            2,
        ),
        (fill(PY, "    extra_headers=HEADERS,\n"), "a.py", None),
        (fill(PY.replace(f'["{BETA}"]', f'[*BASE, "{BETA}"]'), ""), "a.py", None),
        (fill(PY.replace(f'["{BETA}"]', f'BASE + ["{BETA}"]'), ""), "a.py", None),
        (
            fill(
                GO.replace(f'"{BETA}"', f'"{BETA}", anthropic.AnthropicBetaFilesAPI2025_04_14'), ""
            ),
            "a.go",
            2,
        ),
    ],
)
def test_beta_items(text: str, path: str, items: int | None) -> None:
    found = shape(text, path)
    assert found is not None
    assert (None if found.beta_items is None else len(found.beta_items)) == items


def test_yaml_settings_are_not_read_yet() -> None:
    text = (
        "- name: claude-sonnet-4-5\n  extra_params:\n    extra_headers:\n"
        f"      anthropic-beta: {BETA}\n"
    )
    found = shape(text, "models.yml")
    assert found is None or found.fields is None


def test_deep_nesting_is_bounded() -> None:
    text = f"create(model='claude-sonnet-4-5', x={'[' * 200}{']' * 200}, betas=['{BETA}'])\n"
    assert fields(text, "a.py") == {"model", "x", "betas"}


_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?")
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
        ":",
        "**",
        "...",
        '"',
        "'",
        "#",
        "//",
        "\n",
        " ",
        "model",
        "mcp_servers",
        "extra_body",
        "betas",
        f'"{BETA}"',
        "dict",
        "&T",
        "[]T",
    ]
)


_NOISE = st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map("".join)
# A call around the betas list, noise anywhere: (opener, betas item, closer) per language.
_SHAPES = {
    "a.py": ("create(", f'betas=["{BETA}"]', ")"),
    "a.ts": ("create({", f"betas: ['{BETA}']", "})"),
    "a.go": ("New(ctx, P{", f'Betas: []B{{"{BETA}"}}', "})"),
    "r.json": ("{", f'"betas": ["{BETA}"]', "}"),
    "a.rb": ("create(", f'betas: ["{BETA}"]', ")"),
}


@given(
    path=st.sampled_from(sorted(_SHAPES)),
    noise=st.tuples(_NOISE, _NOISE, _NOISE, _NOISE),
)
def test_the_extractor_never_raises_and_names_only_identifiers(
    path: str, noise: tuple[str, str, str, str]
) -> None:
    opener, betas, closer = _SHAPES[path]
    a, b, c, d = noise
    text = f"{a}{opener}{b},{betas},{c}{closer}{d}"
    for m in re.finditer(re.escape(BETA), text):
        call = call_literals(text, path, m.start(), m.end())
        if call is None:
            continue
        found = call_fields(text, path, call)
        assert found is None or all(_PATH.fullmatch(f) for f in found)
        for s, e, _ in call_shape(text, path, call).beta_items or ():
            assert call.start <= s <= e <= call.end


def test_the_property_reaches_calls() -> None:
    # The property above is not vacuous: without noise each shape is a call with fields.
    for path, (opener, betas, closer) in _SHAPES.items():
        text = f"{opener}{betas}{closer}"
        start = text.index(BETA)
        call = call_literals(text, path, start, start + len(BETA))
        assert call is not None and call_fields(text, path, call) == {"betas"}, path


def test_a_bedrock_body_lists_its_betas_under_anthropic_beta() -> None:
    text = (
        'body = json.dumps({"anthropic_version": "bedrock-2023-05-31", "messages": msgs,\n'
        f'    "mcp_servers": [], "anthropic_beta": ["{BETA}"]}})\n'
    )
    found = shape(text, "a.py")
    assert found is not None and found.fields is not None and "mcp_servers" in found.fields
    (item,) = found.beta_items or ()
    assert text[item[0] : item[1]] == f'"{BETA}"'


@given(body=_NOISE.map(lambda t: t.replace("'", "")), http=st.booleans())
def test_request_bodies_never_raise(body: str, http: bool) -> None:
    if http:
        path = "r.http"
        text = f"POST https://api.anthropic.com/v1/messages\nanthropic-beta: {BETA}\n\n{{{body}}}\n"
    else:
        path = "run.sh"
        text = (
            "curl https://api.anthropic.com/v1/messages \\\n"
            f'  -H "anthropic-beta: {BETA}" \\\n'
            f"  -d '{{{body}}}'\n"
        )
    start = text.index(BETA)
    call = call_literals(text, path, start, start + len(BETA))
    if call is not None:
        found = call_shape(text, path, call)
        assert found.fields is None or all(_PATH.fullmatch(f) for f in found.fields)


def test_a_python_set_is_no_object_with_keys() -> None:
    text = f"create(model='claude-sonnet-4-5', container={{SKILLS}}, betas=['{BETA}'])\n"
    assert fields(text, "a.py") == {"model", "container", "betas"}  # no `container.SKILLS`
