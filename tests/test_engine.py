"""The engine: scanner candidates joined with verdicts into rule diagnostics, on the mini
registry (tests/data/registries/mini.toml) so a betas.toml edit cannot break these."""

from __future__ import annotations

import pytest
from _registries import TODAY

from betalint.linter.engine import ALL_CODES, Linter
from betalint.registry.model import Registry


def codes(linter: Linter, text: str, path: str = "x.py") -> list[tuple[str, str]]:
    return [(d.code, d.name) for d in linter.check(text, path)]


@pytest.mark.parametrize(
    ("text", "expected"),
    (
        ('betas=["files-api-2025-4-14"]', [("BL101", "files-api-2025-4-14")]),
        ('betas=["files-api-2025-02-30"]', [("BL102", "files-api-2025-02-30")]),
        ('h = {"anthropic-beta": "files-api-2025-04-14;"}', [("BL103", "files-api-2025-04-14;")]),
        ('betas=["prompt-cacheing-2024-07-31"]', [("BL201", "prompt-cacheing-2024-07-31")]),
        ('betas=["mcp-client-2025-04-04"]', [("BL202", "mcp-client-2025-04-04")]),
        ('betas=["prompt-caching-2024-07-31"]', [("BL203", "prompt-caching-2024-07-31")]),
        (
            'betas=["token-efficient-tools-2025-02-19"]',
            [("BL204", "token-efficient-tools-2025-02-19")],
        ),
        ('betas=["output-128k-2025-02-19"]', [("BL205", "output-128k-2025-02-19")]),
        (
            'betas=["computer-use-2025-01-24", "computer-use-2025-01-24"]',
            [("BL301", "computer-use-2025-01-24")],
        ),
        (
            'betas=["managed-agents-2026-04-01", "agent-memory-2026-07-22"]',
            [("BL302", "agent-memory-2026-07-22")],
        ),
        (
            'betas=["mcp-client-2025-11-20", "mcp-client-2026-09-15"]',
            [("BL201", "mcp-client-2026-09-15"), ("BL302", "mcp-client-2026-09-15")],
        ),
        (
            'betas=["files-api-2025-04-14"]  # betalint: ignore[BL202]\n',
            [("BL901", "betalint: ignore[BL202]")],
        ),
    ),
)
def test_each_rule_fires(mini_linter: Linter, text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(mini_linter, text) == expected


@pytest.mark.parametrize(
    "text",
    (
        'betas=["computer-use-2025-01-24"]',
        'model="claude-3-5-sonnet-20241022"',
        'model="gpt-4.1-nano-2025-04-14"',
        'headers={"anthropic-version": "2023-06-01"}',
        'tools=[{"type": "code_execution_20250522"}]',
        'body={"anthropic_version": "bedrock-2023-05-31"}',
        'betas=["claude-code-20250219"]',  # pattern-exempt: not malformed
        'betas=["mcp-client-2025-04-04"]  # betalint: ignore[BL202]\n',
    ),
)
def test_noops(mini_linter: Linter, text: str) -> None:
    assert codes(mini_linter, text) == []


def test_messages_name_the_successor_and_the_dates(mini_linter: Linter) -> None:
    (retired,) = mini_linter.check('betas=["computer-use-2024-10-22"]', "x.py")
    assert retired.message == (
        "computer-use-2024-10-22 is retired since 2025-06-01: the API no longer honours it; "
        "use computer-use-2025-01-24 instead"
    )
    assert retired.fix is not None and retired.fix.applicability == "unsafe"
    (deprecated,) = mini_linter.check('betas=["token-efficient-tools-2025-02-19"]', "x.py")
    assert "stops working on 2027-02-19" in deprecated.message and deprecated.fix is None


def test_header_syntax_and_items_in_one_value(mini_linter: Linter) -> None:
    found = codes(
        mini_linter, 'h = {"anthropic-beta": "computer-use-2025-01-24;mcp-client-2025-11-20"}'
    )
    assert found == [("BL103", "computer-use-2025-01-24;mcp-client-2025-11-20")]


def test_weak_context_reports_lifecycle_but_not_unrelated_unknowns(mini_linter: Linter) -> None:
    assert codes(mini_linter, 'NAME = "mcp-client-2025-04-04"') == [
        ("BL202", "mcp-client-2025-04-04")
    ]
    assert codes(mini_linter, 'NAME = "my-beta-2025-01-01"') == []


def test_sdk_constant_is_judged_by_its_canonical_name(mini_linter: Linter) -> None:
    found = mini_linter.check("x := anthropic.AnthropicBetaMCPClient2025_04_04\n", "main.go")
    assert [(d.code, d.name, d.canonical) for d in found] == [
        ("BL202", "AnthropicBetaMCPClient2025_04_04", "mcp-client-2025-04-04")
    ]
    assert "AnthropicBetaMCPClient2025_04_04 (mcp-client-2025-04-04)" in found[0].message
    fix = found[0].fix
    assert fix is not None and fix.edits[0].content == "AnthropicBetaMCPClient2025_11_20"


def test_positions_are_one_based_code_points(mini_linter: Linter) -> None:
    (d,) = mini_linter.check('x = 1\nβ = ["files-api-2025-4-14"]\n', "x.py")
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 7, 2, 26)


def test_messages_carry_the_docs_link(mini_linter: Linter) -> None:
    (d,) = mini_linter.check('betas=["prompt-caching-2024-07-31"]', "x.py")
    assert d.docs_url == "https://example.com/docs/prompt-caching"
    assert d.message.endswith(f"; see {d.docs_url}")


def test_disabled_rules_are_not_reported(mini_linter: Linter) -> None:
    text = 'betas=["prompt-caching-2024-07-31"]'
    assert mini_linter.check(text, "x.py", ALL_CODES - {"BL203"}) == []
    assert [d.code for d in mini_linter.check(text, "x.py", frozenset({"BL203"}))] == ["BL203"]


def test_findings_come_in_file_order(mini_linter: Linter) -> None:
    text = 'a = ["output-128k-2025-02-19"]\nb = ["mcp-client-2025-04-04", "files-api-2025-4-14"]\n'
    found = mini_linter.check(text, "x.py")
    assert [(d.line, d.code) for d in found] == [(1, "BL205"), (2, "BL202"), (2, "BL101")]


def test_verdicts_are_memoised_per_linter(mini_registry: Registry) -> None:
    linter = Linter.create(mini_registry, today=TODAY)
    first = linter.verdict("mcp-client-2025-04-04")
    assert linter.verdict("mcp-client-2025-04-04") is first
    assert first.kind == "superseded"


class TestPlatforms:
    def linter(self, registry: Registry, *platforms: str) -> Linter:
        return Linter.create(registry, today=TODAY, platforms=platforms)

    def test_configured_platform_reports_unsupported_names(self, mini_registry: Registry) -> None:
        found = self.linter(mini_registry, "bedrock").check(
            'betas=["files-api-2025-04-14"]', "x.py"
        )
        assert [d.code for d in found] == ["BL206"]
        assert found[0].message.startswith("files-api-2025-04-14 is unsupported on Amazon Bedrock")
        assert found[0].fix is None

    def test_no_platform_no_bl206(self, mini_linter: Linter) -> None:
        assert mini_linter.check('betas=["files-api-2025-04-14"]', "x.py") == []

    def test_a_mapped_name_gets_the_platforms_name(self, mini_registry: Registry) -> None:
        text = 'betas=["advanced-tool-use-2025-11-20"]'
        (d,) = self.linter(mini_registry, "vertex").check(text, "x.py")
        assert d.fix is not None and d.fix.replacement == "tool-search-tool-2025-10-19"
        (converse,) = self.linter(mini_registry, "bedrock:converse").check(text, "x.py")
        assert "unsupported on Amazon Bedrock (the Converse API)" in converse.message
        assert converse.fix is None

    def test_a_pinned_client_checks_its_platform_and_says_so(self, mini_linter: Linter) -> None:
        text = (
            "from anthropic import AnthropicVertex\n"
            "client = AnthropicVertex(region='us-east5', project_id='p')\n"
            'client.beta.messages.create(betas=["advanced-tool-use-2025-11-20"])\n'
        )
        (d,) = [d for d in mini_linter.check(text, "x.py") if d.code == "BL206"]
        assert "tool-search-tool-2025-10-19" in d.message
        assert "this file pins Google Vertex AI through its client" in d.message
        assert d.fix is not None and d.fix.replacement == "tool-search-tool-2025-10-19"


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    (
        # Prose quoting code (a docstring, a comment): a header key inside `...` is not a
        # header; a real name in it is still a weak token.
        ('"""Reads `"anthropic-beta": value`, `"ANTHROPIC_BETA" => v`."""', "doc.py", []),
        ('# `{"anthropic-beta": "mcp-client-2025-04-04"}`', "doc.py", [("BL202", "comment")]),
        # In JS and Go a backtick opens a string: the key is real code.
        (
            'const h = {`x`: 1, "anthropic-beta": "files-api-2025-4-14"}',
            "a.ts",
            [("BL101", "header-value")],
        ),
    ),
)
def test_header_keys_inside_code_spans_are_prose(
    mini_linter: Linter, text: str, path: str, expected: list[tuple[str, str]]
) -> None:
    assert [(d.code, d.context) for d in mini_linter.check(text, path)] == expected


def test_a_malformed_fix_that_lands_on_a_stale_name_is_unsafe_and_names_the_chain_end(
    mini_linter: Linter,
) -> None:
    (d,) = mini_linter.check('betas=["mcp-client-2025-4-04"]', "x.py")
    assert d.code == "BL101" and d.fix is not None
    assert d.fix.applicability == "unsafe"
    assert d.fix.replacement == "mcp-client-2025-04-04"
    assert "superseded → mcp-client-2025-11-20" in d.fix.message
    (ok,) = mini_linter.check('betas=["computer-use-2025-1-24"]', "x.py")
    assert ok.fix is not None and ok.fix.applicability == "safe"
