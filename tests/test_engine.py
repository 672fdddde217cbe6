"""The engine: scanner candidates joined with verdicts into rule diagnostics."""

from __future__ import annotations

import datetime as dt

import pytest

import betalint
from betalint.linter.engine import ALL_CODES, Linter

TODAY = dt.date(2026, 11, 25)


def codes(text: str, path: str = "x.py") -> list[tuple[str, str]]:
    found = betalint.scan_text(text, path, today=TODAY)
    return [(d.code, d.name) for d in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    (
        ('betas=["files-api-2025-4-14"]', [("BL101", "files-api-2025-4-14")]),
        ('betas=["files-api-2025-02-30"]', [("BL102", "files-api-2025-02-30")]),
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
            'betas=["mcp-client-2025-11-20", "mcp-client-2026-09-15"]',
            [("BL302", "mcp-client-2026-09-15")],
        ),
    ),
)
def test_each_rule_fires(text: str, expected: list[tuple[str, str]]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    (
        'betas=["computer-use-2025-01-24"]',
        'model="claude-3-5-sonnet-20241022"',
        'model="gpt-4.1-nano-2025-04-14"',
        'headers={"anthropic-version": "2023-06-01"}',
        'tools=[{"type": "code_execution_20250522"}]',
        'body={"anthropic_version": "bedrock-2023-05-31"}',
        'betas=["claude-code-20250219"]',
    ),
)
def test_noops(text: str) -> None:
    assert codes(text) == []


def test_header_syntax_and_items_in_one_value() -> None:
    found = codes('h = {"anthropic-beta": "computer-use-2025-01-24;mcp-client-2025-11-20"}')
    assert ("BL103", "computer-use-2025-01-24;mcp-client-2025-11-20") in found


def test_weak_context_reports_lifecycle_but_not_unrelated_unknowns() -> None:
    assert codes('NAME = "mcp-client-2025-04-04"') == [("BL202", "mcp-client-2025-04-04")]
    assert codes('NAME = "my-beta-2025-01-01"') == []


def test_sdk_constant_is_judged_by_its_canonical_name() -> None:
    found = betalint.scan_text(
        "x := anthropic.AnthropicBetaMCPClient2025_04_04\n", "main.go", today=TODAY
    )
    assert [(d.code, d.name, d.canonical) for d in found] == [
        ("BL202", "AnthropicBetaMCPClient2025_04_04", "mcp-client-2025-04-04")
    ]
    assert "AnthropicBetaMCPClient2025_04_04 (mcp-client-2025-04-04)" in found[0].message


def test_positions_are_one_based_code_points() -> None:
    (d,) = betalint.scan_text('x = 1\nβ = ["files-api-2025-4-14"]\n', "x.py", today=TODAY)
    assert (d.line, d.column, d.end_line, d.end_column) == (2, 7, 2, 26)


def test_messages_carry_the_docs_link() -> None:
    (d,) = betalint.scan_text('betas=["prompt-caching-2024-07-31"]', "x.py", today=TODAY)
    assert d.docs_url and d.message.endswith(f"see {d.docs_url}")


def test_disabled_rules_are_not_reported() -> None:
    registry = betalint.load_registry()
    linter = Linter.create(registry, today=TODAY)
    assert linter.check('betas=["prompt-caching-2024-07-31"]', "x.py", ALL_CODES - {"BL203"}) == []


class TestPlatforms:
    def ctx(self, *platforms: str) -> Linter:
        return Linter.create(betalint.load_registry(), today=TODAY, platforms=platforms)

    def test_configured_platform_reports_unsupported_names(self) -> None:
        found = self.ctx("bedrock").check('betas=["files-api-2025-04-14"]', "x.py")
        assert "BL206" in [d.code for d in found]

    def test_no_platform_no_bl206(self) -> None:
        found = self.ctx().check('betas=["files-api-2025-04-14"]', "x.py")
        assert "BL206" not in [d.code for d in found]

    def test_a_pinned_client_checks_its_platform_and_says_so(self) -> None:
        text = (
            "from anthropic import AnthropicVertex\n"
            "client = AnthropicVertex(region='us-east5', project_id='p')\n"
            'client.beta.messages.create(betas=["advanced-tool-use-2025-11-20"])\n'
        )
        (d,) = [d for d in self.ctx().check(text, "x.py") if d.code == "BL206"]
        assert "tool-search-tool-2025-10-19" in d.message
        assert "pins" in d.message
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
    text: str, path: str, expected: list[tuple[str, str]]
) -> None:
    found = betalint.scan_text(text, path, today=TODAY)
    assert [(d.code, d.context) for d in found] == expected


def test_a_malformed_fix_that_lands_on_a_stale_name_is_unsafe_and_names_the_chain_end() -> None:
    found = betalint.scan_text('betas=["structured-outputs-2025-9-17"]', "x.py", today=TODAY)
    (d,) = found
    assert d.code == "BL101" and d.fix is not None
    assert d.fix.applicability == "unsafe"
    assert d.fix.replacement == "structured-outputs-2025-09-17"
    assert "retired → structured-outputs-2025-11-13" in d.fix.message
    (ok,) = betalint.scan_text('betas=["computer-use-2025-1-24"]', "x.py", today=TODAY)
    assert ok.fix is not None and ok.fix.applicability == "safe"
