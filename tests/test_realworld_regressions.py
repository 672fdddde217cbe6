"""Shapes found by running `betalint check` on public projects that call the Anthropic API.

Each fixture under tests/fixtures/realworld/ is a minimal reproducer written for this repo (no
third-party code): it keeps only the shape that mattered in the project where it was seen.
`SHAPES` are shapes the scanner gets right (guards, exact (line, code) lists); `REGRESSIONS`
are false positives and false negatives that real projects showed and that have since been
fixed: each checks the one property that was wrong, so the bug cannot come back. A shape the
scanner still gets wrong goes in as `pytest.param(..., marks=pytest.mark.xfail(strict=True))`,
so the marker must go once it is fixed. These run on the shipped registry: they measure the
scanner on real names as the project's users send them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import betalint

FIXTURES = Path(__file__).parent / "fixtures" / "realworld"
TODAY = dt.date(2026, 11, 25)

LineCode = tuple[int, str]


def findings(relpath: str) -> list[LineCode]:
    """(line, code) of every diagnostic for one fixture, in report order."""
    path = FIXTURES / relpath
    text = path.read_text(encoding="utf-8")
    return sorted((d.line, d.code) for d in betalint.scan_text(text, str(path), today=TODAY))


# Exact (line, code) lists: anything else on any line (a model id, a tool type, a version
# string) is a false positive and fails the row.
SHAPES: list[tuple[str, list[LineCode]]] = [
    # Go SDK example: a deprecated constant in option.WithHeader; an active one in Betas.
    ("go/header_option_constant.go", [(10, "BL202")]),
    # Java SDK example: a string in putAdditionalHeader and a constant in addBeta.
    ("java/AdditionalHeaderLiteral.java", [(13, "BL202"), (14, "BL203")]),
    # Ruby SDK examples: hash-rocket extra_headers; %w[...] of schema keys and tool types are noops.
    ("ruby/extra_headers_hash_rocket.rb", [(11, "BL203"), (20, "BL205")]),
    # Bedrock wrapper: `anthropic_beta` body field; bedrock-2023-05-31 and model ids are noops.
    ("javascript/bedrock_body_field.js", [(7, "BL205")]),
    # AI SDK provider: betas.add(...) beside tool ids such as anthropic.code_execution_20250522.
    ("typescript/betas_set_tool_types.ts", [(7, "BL205"), (13, "BL202")]),
    # Gateway mapping file: names as keys and values; tool types as keys with null values.
    (
        "json/provider_beta_mapping.json",
        [(7, "BL204"), (7, "BL204"), (11, "BL203"), (11, "BL203")],
    ),
    # Rust const holding a joined header; claude-code-20250219 is an exempt name, not malformed.
    ("rust/comma_joined_const.rs", [(4, "BL203")]),
    # Java builder chain adding one name twice: the chain is one list, so BL301 (only).
    ("java/BuilderChainDuplicate.java", [(10, "BL301")]),
    # C# header call with the older name kept in a trailing comment (comments are scanned).
    ("csharp/HeaderWithTrailingComment.cs", [(8, "BL203"), (8, "BL203")]),
    # Call level (BL401/BL402): the zoom tool version with the older tool's beta, on a model
    # that beta does nothing for; the same beta with its own tool, or with tools and a model
    # from variables, is silent.
    ("python/computer_use_step.py", [(16, "BL401"), (16, "BL402")]),
    # curl with a multi-line JSON body: a model that answers 400 for the beta (BL401 beside
    # the GA notice); the next command's body is a file, so only BL203 there.
    ("shell/long_context_summary.sh", [(8, "BL203"), (8, "BL401"), (19, "BL203")]),
    # Call level (BL403): the MCP connector's field with only the thinking beta; with its
    # own beta and an mcp_toolset, or with **request that may bring the beta, silent.
    ("python/mcp_connector_agent.py", [(22, "BL403")]),
    # context_management without its beta (BL403); the summary call that keeps the beta with
    # no edits is BL404's, off by default, so not reported here.
    ("typescript/context_editing.ts", [(11, "BL403")]),
    # A curl smoke test moved to the mcp_toolset tool, the header left at the 2025-04-04 beta.
    ("shell/mcp_toolset_curl.sh", [(8, "BL202"), (15, "BL403")]),
    # Go params: MCPServers is the body's mcp_servers.
    ("go/mcp_servers_params.go", [(14, "BL403")]),
]


@pytest.mark.parametrize(("relpath", "expected"), SHAPES, ids=[row[0] for row in SHAPES])
def test_realworld_shape(relpath: str, expected: list[LineCode]) -> None:
    assert findings(relpath) == sorted(expected)


def _one_per_declaration(relpath: str) -> None:
    # A Go const line declares the identifier and its value together: one finding, not two.
    got = findings(relpath)
    assert got == [(7, "BL203"), (8, "BL205")]


def _no_empty_item_across_literals(relpath: str) -> None:
    # "…-31," followed by an adjacent literal continues the value; the comma ends no empty item.
    got = findings(relpath)
    assert got == [(8, "BL203")]


def _flag_suffix_is_malformed(relpath: str, lines: list[int]) -> None:
    # `name=true` in a header value is not a beta name; the API rejects the item as sent.
    got = findings(relpath)
    assert {line for line, _ in got} <= set(lines), got
    for line in lines:
        assert (line, "BL101") in got, (line, got)


REGRESSIONS = [
    pytest.param(
        lambda: _one_per_declaration("go/beta_constant_block.go"),
        # Fixed: the definition's string is the one candidate (it is what is sent).
        id="go-const-declaration-reported-twice",
    ),
    pytest.param(
        lambda: _no_empty_item_across_literals("c/continued_header_literal.c"),
        # Fixed: adjacent literals are one value; the comma at the edge separates them.
        id="c-adjacent-literals-empty-item",
    ),
    pytest.param(
        # Line 8 holds the header (line 7 is `anthropic-version: 2023-06-01`, which must stay
        # silent); the reproducer first said [7, 14], one line off.
        lambda: _flag_suffix_is_malformed("markdown/header_flag_suffix.md", [8, 14]),
        # Fixed: `name=flag` is one header item, reported whole as BL101.
        id="md-header-item-with-equals-true",
    ),
    pytest.param(
        lambda: _flag_suffix_is_malformed("python/header_flag_suffix.py", [7]),
        id="py-header-item-with-equals-one",
    ),
]


@pytest.mark.parametrize("check", REGRESSIONS)
def test_realworld_regression(check: Callable[[], None]) -> None:
    check()
