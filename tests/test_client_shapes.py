"""Client shapes of every language with a public Anthropic client, each positive beside the
look-alike that must stay silent (issue 13): C# enums and collections, PHP, Elixir, Swift,
ObjC, Kotlin, Dart, Lua, C++, other header names, prose precision, positional helpers.

Rows give the candidates the scanner must report: (name or constant's canonical, context).
"""

from __future__ import annotations

import datetime as dt

import pytest

import betalint
from betalint.linter.scan.languages import language_for_path
from betalint.linter.scan.scanner import scan_text
from betalint.linter.scan.vocabulary import Vocabulary

VOCAB = Vocabulary.from_names(
    [
        "files-api-2025-04-14",
        "pdfs-2024-09-25",
        "prompt-caching-2024-07-31",
        "code-execution-2025-05-22",
        "code-execution-2025-08-25",
        "mcp-client-2025-04-04",
        "computer-use-2024-10-22",
    ]
)
TODAY = dt.date(2026, 11, 25)

Found = list[tuple[str, str]]


def found(text: str, path: str) -> Found:
    return [(c.canonical or c.written, c.context) for c in scan_text(text, path, VOCAB).candidates]


F, P = "files-api-2025-04-14", "pdfs-2024-09-25"

# (id, path, positive text, expected, look-alike text)
SHAPES: list[tuple[str, str, str, Found, str]] = [
    (
        "csharp-official-enum-collection",
        "a.cs",
        "Betas = [AnthropicBeta.FilesApi2025_04_14, AnthropicBeta.Pdfs2024_09_25],",
        [(F, "sdk-constant"), (P, "sdk-constant")],
        "Model = Messages::Model.ClaudeSonnet4_5,",
    ),
    (
        "csharp-generated-compact-enum",
        "a.cs",
        "var b = new List<AnthropicBetaEnum> { AnthropicBetaEnum.CodeExecution20250522 };",
        [("code-execution-2025-05-22", "sdk-constant")],
        "var t = BetaCodeExecutionTool20250522.Type;",
    ),
    (
        "csharp-enum-member-attribute",
        "a.cs",
        '[EnumMember(Value = "files-api-2025-04-14")]\nFilesApi20250414,',
        [(F, "string")],
        '[EnumMember(Value = "file_citation")]\nFileCitation,',
    ),
    (
        "csharp-default-request-headers",
        "a.cs",
        'http.DefaultRequestHeaders.Add("anthropic-beta", "files-api-2025-04-14,pdfs-2024-09-25");',
        [(F, "header-value"), (P, "header-value")],
        'http.DefaultRequestHeaders.Add("anthropic-version", "2023-06-01");',
    ),
    (
        "php-array-arrow",
        "a.php",
        "$h = ['anthropic-beta' => 'pdfs-2024-09-25'];",
        [(P, "header-value")],
        "$h = ['anthropic-version' => '2023-06-01'];",
    ),
    (
        "php-with-header",
        "a.php",
        "$r = $r->withHeader('anthropic-beta', 'pdfs-2024-09-25');",
        [(P, "header-value")],
        "$r = $r->withHeader('content-type', 'application/json');",
    ),
    (
        "php-named-betas-argument",
        "a.php",
        "create(betas: [AnthropicBeta::FILES_API_2025_04_14, 'pdfs-2024-09-25']);",
        [(F, "sdk-constant"), (P, "betas-list")],
        "create(model: 'claude-3-7-sonnet-20250219');",
    ),
    (
        "elixir-header-tuple",
        "a.ex",
        'Req.post!(url, headers: [{"anthropic-beta", "pdfs-2024-09-25"}])',
        [(P, "header-value")],
        'Req.post!(url, headers: [{"anthropic-version", "2023-06-01"}])',
    ),
    (
        "elixir-header-map",
        "a.ex",
        'headers = %{"anthropic-beta" => "pdfs-2024-09-25"}',
        [(P, "header-value")],
        'headers = %{"accept" => "text/event-stream"}',
    ),
    (
        "elixir-beta-headers-attribute",
        "a.ex",
        '@beta_headers ["pdfs-2024-09-25"]',
        [(P, "betas-list")],
        '@models ["claude-opus-4-1-20250805"]',
    ),
    (
        "swift-set-value-for-header-field",
        "a.swift",
        'request.setValue("pdfs-2024-09-25", forHTTPHeaderField: "anthropic-beta")',
        [(P, "header-value")],
        'request.setValue("2023-06-01", forHTTPHeaderField: "anthropic-version")',
    ),
    (
        "objc-set-value-for-header-field",
        "a.m",
        '[r setValue:@"pdfs-2024-09-25" forHTTPHeaderField:@"anthropic-beta"];',
        [(P, "header-value")],
        '[r setValue:@"2023-06-01" forHTTPHeaderField:@"anthropic-version"];',
    ),
    (
        "kotlin-map-of-to",
        "a.kt",
        'val h = mapOf("anthropic-beta" to "pdfs-2024-09-25")',
        [(P, "header-value")],
        'val h = mapOf("anthropic-version" to "2023-06-01")',
    ),
    (
        "dart-map",
        "a.dart",
        "headers: {'anthropic-beta': 'pdfs-2024-09-25'},",
        [(P, "header-value")],
        "headers: {'anthropic-version': '2023-06-01'},",
    ),
    (
        "lua-table",
        "a.lua",
        'local h = { ["anthropic-beta"] = "pdfs-2024-09-25" }',
        [(P, "header-value")],
        'local h = { ["anthropic-version"] = "2023-06-01" }',
    ),
    (
        "cpp-initialiser-pair",
        "a.cpp",
        'return {{"anthropic-beta", "pdfs-2024-09-25"}};',
        [(P, "header-value")],
        'return {{"anthropic-version", "2023-06-01"}};',
    ),
    (
        "rust-known-enum",
        "a.rs",
        "AnthropicBeta::Known(AnthropicBetaKnown::FilesApi20250414)",
        [(F, "sdk-constant")],
        "AnthropicBeta::Other(value)",
    ),
    (
        "openrouter-x-anthropic-beta",
        "a.ts",
        'defaultHeaders: { "x-anthropic-beta": "pdfs-2024-09-25" }',
        [(P, "header-value")],
        'defaultHeaders: { "HTTP-Referer": "https://example.test" }',
    ),
    (
        "gateway-prefixed-header",
        "a.ts",
        'const h = { "X-Portkey-Anthropic-Beta": "pdfs-2024-09-25" };',
        [(P, "header-value")],
        'const h = { "x-portkey-provider": "anthropic" };',
    ),
    (
        "header-colon-prefixed-key",
        "a.yaml",
        "set:\n  header:Anthropic-Beta: pdfs-2024-09-25",
        [(P, "header-value")],
        'set:\n  header:anthropic-version: "2023-06-01"',
    ),
    (
        "header-keys-case-insensitive",
        "a.py",
        'H = {"ANTHROPIC-BETA": "pdfs-2024-09-25"}',
        [(P, "header-value")],
        'H = {"ANTHROPIC-VERSION": "2023-06-01"}',
    ),
    (
        "bedrock-body-field",
        "a.json",
        '{"anthropic_beta": ["pdfs-2024-09-25"], "anthropic_version": "bedrock-2023-05-31"}',
        [(P, "betas-list")],
        '{"anthropic_version": "bedrock-2023-05-31"}',
    ),
    (
        "positional-helper-list",
        "a.py",
        'def ask(prompt, betas):\n    pass\n\nask("hi", ["pdfs-2024-09-25"])\n',
        [(P, "betas-list")],
        'def ask(prompt, tools):\n    pass\n\nask("hi", ["web_search_20250305"])\n',
    ),
    (
        "go-method-helper-list",
        "a.go",
        "func (c *Client) Send(ctx context.Context, betas []string) error { return nil }\n"
        'func run() { c.Send(ctx, []string{"pdfs-2024-09-25"}) }\n',
        [(P, "betas-list")],
        "func (c *Client) Send(ctx context.Context, tools []string) error { return nil }\n"
        'func run() { c.Send(ctx, []string{"web_search_20250305"}) }\n',
    ),
    (
        "elixir-beta-option",
        "a.ex",
        'client = Anthropix.init(beta: ["pdfs-2024-09-25"])',
        [(P, "betas-list")],
        "opt = Adam.new(lr: 0.001, beta: 0.9)",
    ),
    (
        "prose-code-span-ends-at-backtick",
        "a.md",
        "Send `anthropic-beta: pdfs-2024-09-25` with it, or, not, words.\nMore, prose.",
        [(P, "header-value")],
        "Send `anthropic-version: 2023-06-01` with it, or, not, words.\nMore, prose.",
    ),
    (
        "prose-betas-list-in-code-span",
        "a.md",
        'Pass `betas=["pdfs-2024-09-25"]` then, later, words, here',
        [(P, "betas-list")],
        "Pass the betas: files, pdfs and, also, others",
    ),
    (
        "header-name-as-value",
        "a.go",
        'h := map[string]string{"Anthropic-Beta": "pdfs-2024-09-25"}',
        [(P, "header-value")],
        'casing := map[string]string{"Anthropic-Beta": "anthropic-beta"}',
    ),
]


@pytest.mark.parametrize(
    ("path", "text", "expected", "lookalike"),
    [row[1:] for row in SHAPES],
    ids=[row[0] for row in SHAPES],
)
def test_shape_positive_and_lookalike(
    path: str, text: str, expected: Found, lookalike: str
) -> None:
    assert found(text, path) == expected
    assert found(lookalike, path) == []


def test_typed_collection_is_one_list() -> None:
    # `new List<AnthropicBeta> { … }` builds one list: a repeat in it is a duplicate.
    text = "var b = new List<AnthropicBeta>\n{\n    AnthropicBeta.Pdfs2024_09_25,\n"
    text += "    AnthropicBeta.Pdfs2024_09_25,\n};\n"
    codes = [d.code for d in betalint.scan_text(text, "a.cs", today=TODAY)]
    assert codes.count("BL301") == 1
    # A return value typed by the enum is no list: two returns are no duplicate.
    other = "AnthropicBeta A() { return AnthropicBeta.Pdfs2024_09_25; }\n" * 2
    assert "BL301" not in [d.code for d in betalint.scan_text(other, "a.cs", today=TODAY)]


def test_converter_switch_arm_reports_the_string_once() -> None:
    # An SDK's converter maps each constant to its string: one candidate, the string.
    text = (
        '"pdfs-2024-09-25" => AnthropicBeta.Pdfs2024_09_25,\n'
        'AnthropicBeta.Pdfs2024_09_25 =>\n    "pdfs-2024-09-25",\n'
    )
    assert found(text, "a.cs") == [(P, "string"), (P, "string")]


def test_markdown_table_rows_are_separate_groups() -> None:
    text = (
        "| SDK | Call |\n|---|---|\n"
        '| Python | `betas=["pdfs-2024-09-25"]` |\n'
        '| TypeScript | `betas: ["pdfs-2024-09-25"]` |\n'
    )
    codes = [d.code for d in betalint.scan_text(text, "a.md", today=TODAY)]
    assert "BL301" not in codes and codes.count("BL203") == 2


def test_json_list_in_prose_under_another_key_is_no_betas_list() -> None:
    text = 'Enable the betas: `"allowed_tools": ["web_search_20250305", "web_search_20250305"]`'
    assert betalint.scan_text(text, "a.md", today=TODAY) == []


def test_loose_tool_version_in_a_changelog_gets_no_grammar_finding() -> None:
    text = "- Support the code-execution-20250825 tool.\n- Add `code-execution-20250825`.\n"
    assert betalint.scan_text(text, "CHANGELOG.md", today=TODAY) == []
    # The same spelling in a strong position is a grammar finding.
    strong = betalint.scan_text('betas=["code-execution-20250825"]', "a.py", today=TODAY)
    assert [d.code for d in strong] == ["BL101"]


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("a.c", "c"),
        ("a.h", "c"),
        ("a.cpp", "cpp"),
        ("a.cs", "csharp"),
        ("a.swift", "swift"),
        ("a.m", "objc"),
        ("a.kt", "kotlin"),
        ("a.java", "java"),
        ("a.php", "php"),
        ("a.ex", "elixir"),
        ("a.dart", "dart"),
        ("a.lua", "lua"),
    ],
)
def test_languages_have_their_own_names(path: str, lang: str) -> None:
    assert language_for_path(path) == lang
