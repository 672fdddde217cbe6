"""registry.platforms: platform verdicts, model effects, filter_header, BL206, export."""

from __future__ import annotations

import datetime as dt

import pytest

import betalint
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.platforms import (
    PlatformError,
    Target,
    export_platform,
    normalize_model,
    parse_target,
    platform_verdict,
)
from betalint.registry.request_filter import filter_header
from betalint.registry.validator import classify

TODAY = dt.date(2026, 11, 25)

# A Claude Code-style header: names Claude Code sends per the research (platforms.md), plus
# mcp-servers-2025-12-04, which leaked onto Messages traffic through gateways.
CLAUDE_CODE = (
    "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14,"
    "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,context-1m-2025-08-07,"
    "advanced-tool-use-2025-11-20,effort-2025-11-24,prompt-caching-scope-2026-01-05,"
    "redact-thinking-2026-02-12,adaptive-thinking-2026-01-28,per-turn-control-2026-07-01,"
    "dangerous-tool-use-2026-09-03,mcp-servers-2025-12-04"
)


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


# --- the shipped data, per platform (each row is what the sources decide) -------------------


@pytest.mark.parametrize(
    ("name", "platform", "status", "platform_name"),
    (
        # files API: official docs list it as not offered on Bedrock and Google Cloud
        ("files-api-2025-04-14", "anthropic", "supported", None),
        ("files-api-2025-04-14", "bedrock", "unsupported", None),
        ("files-api-2025-04-14", "vertex", "unsupported", None),
        ("files-api-2025-04-14", "foundry", "supported", None),
        ("files-api-2025-04-14", "databricks", "unsupported", None),
        # tool search goes by another name on Bedrock and Vertex AI, not on Foundry
        ("advanced-tool-use-2025-11-20", "bedrock", "mapped", "tool-search-tool-2025-10-19"),
        ("advanced-tool-use-2025-11-20", "vertex", "mapped", "tool-search-tool-2025-10-19"),
        ("advanced-tool-use-2025-11-20", "foundry", "supported", None),
        # fallback credit: AWS names its own value
        ("fallback-credit-2026-06-01", "bedrock", "mapped", "fallback-credit-2026-06-09"),
        ("fallback-credit-2026-06-01", "vertex", "supported", None),
        # endpoint split: tool search on Bedrock is InvokeModel only
        ("tool-search-tool-2025-10-19", "bedrock", "supported", None),
        ("tool-search-tool-2025-10-19", "bedrock:converse", "unsupported", None),
        ("interleaved-thinking-2025-05-14", "bedrock", "supported", None),
        ("mcp-client-2025-11-20", "bedrock", "unsupported", None),
        ("mcp-client-2025-11-20", "foundry", "supported", None),
        ("oauth-2025-04-20", "bedrock", "unsupported", None),
        ("oauth-2025-04-20", "vertex", "supported", None),
        # no evidence at all stays unknown
        ("fallback-credit-2026-07-01", "bedrock", "unknown", None),
        ("code-execution-2025-08-26", "vertex", "unknown", None),
        ("adaptive-thinking-2026-01-28", "vertex", "unknown", None),
    ),
)
def test_shipped_platform_status(
    shipped: Registry, name: str, platform: str, status: str, platform_name: str | None
) -> None:
    found = platform_verdict(name, platform, shipped)
    assert (found.status, found.platform_name) == (status, platform_name)


@pytest.mark.parametrize(
    ("platform", "expected", "mapped"),
    (
        (
            "anthropic",
            "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,"
            "context-1m-2025-08-07,advanced-tool-use-2025-11-20,effort-2025-11-24,"
            "prompt-caching-scope-2026-01-05,redact-thinking-2026-02-12,"
            "adaptive-thinking-2026-01-28,per-turn-control-2026-07-01,dangerous-tool-use-2026-09-03,"
            "mcp-servers-2025-12-04",  # unknown on the Claude API since 2026.12.04: kept
            (),
        ),
        (
            "bedrock",
            "claude-code-20250219,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,"
            "context-1m-2025-08-07,tool-search-tool-2025-10-19,effort-2025-11-24,"
            "dangerous-tool-use-2026-09-03",
            (("advanced-tool-use-2025-11-20", "tool-search-tool-2025-10-19"),),
        ),
        (
            "bedrock:converse",
            "claude-code-20250219,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,"
            "context-1m-2025-08-07,effort-2025-11-24",
            (),
        ),
        (
            "vertex",
            "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,"
            "context-1m-2025-08-07,tool-search-tool-2025-10-19,effort-2025-11-24,"
            "prompt-caching-scope-2026-01-05,redact-thinking-2026-02-12,"
            "adaptive-thinking-2026-01-28,per-turn-control-2026-07-01,dangerous-tool-use-2026-09-03",
            (("advanced-tool-use-2025-11-20", "tool-search-tool-2025-10-19"),),
        ),
        (
            "foundry",
            "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,"
            "context-1m-2025-08-07,advanced-tool-use-2025-11-20,effort-2025-11-24,"
            "prompt-caching-scope-2026-01-05,redact-thinking-2026-02-12,"
            "adaptive-thinking-2026-01-28,per-turn-control-2026-07-01,dangerous-tool-use-2026-09-03",
            (),
        ),
        (
            "databricks",
            "claude-code-20250219,interleaved-thinking-2025-05-14,"
            "fine-grained-tool-streaming-2025-05-14,context-management-2025-06-27,"
            "context-1m-2025-08-07,effort-2025-11-24,redact-thinking-2026-02-12,"
            "adaptive-thinking-2026-01-28,dangerous-tool-use-2026-09-03",
            (),
        ),
    ),
)
def test_claude_code_header_per_platform(
    shipped: Registry, platform: str, expected: str, mapped: tuple[tuple[str, str], ...]
) -> None:
    result = filter_header(CLAUDE_CODE, platform=platform, registry=shipped)
    assert result.header == expected
    assert result.mapped == mapped
    inputs = CLAUDE_CODE.split(",")
    kept_inputs = {a for a, _ in mapped} | set(result.names)
    assert {d.name for d in result.dropped} == set(inputs) - kept_inputs
    assert all(d.reason for d in result.dropped)


def test_bedrock_drops_say_why(shipped: Registry) -> None:
    result = filter_header(
        "oauth-2025-04-20, files-api-2025-04-14", platform="bedrock", registry=shipped
    )
    assert result.header == "" and result.names == ()
    reasons = {d.name: d.reason for d in result.dropped}
    assert (
        "unsupported on Amazon Bedrock (official-doc, 2026-08-22)"
        in reasons["files-api-2025-04-14"]
    )
    assert "low confidence" in reasons["oauth-2025-04-20"]


def test_conflicts_are_stated_not_hidden(shipped: Registry) -> None:
    found = platform_verdict("advanced-tool-use-2025-11-20", "vertex", shipped)
    assert found.conflict and "issue-report 2026-07-22 says supported" in found.conflict
    assert "sources disagree" in found.message


def test_low_confidence_when_only_gateways_speak(shipped: Registry) -> None:
    found = platform_verdict("prompt-caching-scope-2026-01-05", "bedrock", shipped)
    assert found.confidence == "low" and found.evidence == "gateway-config"


# --- models ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "expected"),
    (
        ("claude-sonnet-4-5", "claude-sonnet-4-5"),
        ("claude-sonnet-4-5-20250929", "claude-sonnet-4-5"),
        ("claude-sonnet-4-5@20250929", "claude-sonnet-4-5"),
        ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"),
        ("anthropic.claude-opus-4-7-v1", "claude-opus-4-7"),
        # Bedrock's global and GovCloud inference profiles carry longer region prefixes.
        ("global.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5"),
        ("us-gov.anthropic.claude-3-7-sonnet-20250219-v1:0", "claude-3-7-sonnet"),
        ("claude-sonnet-4.5", "claude-sonnet-4-5"),
        ("claude-opus-4-0", "claude-opus-4"),
        ("claude-opus-4-1-20250805", "claude-opus-4-1"),
        ("Claude-Opus-4-6", "claude-opus-4-6"),
    ),
)
def test_normalize_model(model: str, expected: str) -> None:
    assert normalize_model(model) == expected


def test_no_effect_on_model(shipped: Registry) -> None:
    verdict = classify(
        "context-1m-2025-08-07",
        today=TODAY,
        registry=shipped,
        platform="bedrock",
        model="claude-sonnet-4-5",
    )
    assert verdict.platform is not None
    assert verdict.platform.model_effect == "no-effect"
    assert "no effect on claude-sonnet-4-5" in (verdict.platform.model_message or "")
    assert not verdict.ok


def test_model_alone_means_the_claude_api(shipped: Registry) -> None:
    verdict = classify(
        "context-1m-2025-08-07", today=TODAY, registry=shipped, model="claude-sonnet-4-20250514"
    )
    assert verdict.platform is not None and verdict.platform.target == Target("anthropic")
    assert verdict.platform.model_effect == "no-effect"


def test_lifecycle_models_limit_effect(shipped: Registry) -> None:
    found = platform_verdict(
        "token-efficient-tools-2025-02-19", "anthropic", shipped, model="claude-opus-4-6"
    )
    assert found.model_effect == "no-effect" and "works only on claude-3-7-sonnet" in (
        found.model_message or ""
    )


def test_rejected_model_is_dropped(shipped: Registry) -> None:
    result = filter_header(
        "tool-search-tool-2025-10-19",
        platform="bedrock",
        model="us.anthropic.claude-opus-4-7-v1:0",
        registry=shipped,
    )
    assert result.names == ()
    assert "400" in result.dropped[0].reason
    kept = filter_header(
        "tool-search-tool-2025-10-19", platform="bedrock", model="claude-opus-4-5", registry=shipped
    )
    assert kept.names == ("tool-search-tool-2025-10-19",)


def test_no_effect_names_are_dropped_naming_the_model(shipped: Registry) -> None:
    result = filter_header(
        "context-1m-2025-08-07", platform="vertex", model="claude-sonnet-4-5", registry=shipped
    )
    assert result.names == ()
    (dropped,) = result.dropped
    assert dropped.cause == "model" and dropped.model == "claude-sonnet-4-5"
    assert "no effect on claude-sonnet-4-5" in dropped.reason


def test_classify_without_platform_is_unchanged(shipped: Registry) -> None:
    plain = classify("files-api-2025-04-14", today=TODAY, registry=shipped)
    assert plain.platform is None
    on = classify("files-api-2025-04-14", today=TODAY, registry=shipped, platform="bedrock")
    assert on.kind == plain.kind and on.message == plain.message


def test_classify_valid_name_unsupported_on_platform_is_not_ok(shipped: Registry) -> None:
    verdict = classify("mcp-client-2025-11-20", today=TODAY, registry=shipped, platform="vertex")
    assert verdict.kind == "valid" and not verdict.ok
    assert classify("mcp-client-2025-11-20", today=TODAY, registry=shipped, platform="foundry").ok


# --- targets ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "target"),
    (
        ("bedrock", Target("bedrock")),
        ("Bedrock", Target("bedrock")),
        ("bedrock:converse", Target("bedrock", "converse")),
        ("bedrock_converse", Target("bedrock", "converse")),
        ("vertex_ai", Target("vertex")),
        ("google:count_tokens", Target("vertex", "count_tokens")),
        ("azure_ai", Target("foundry")),
        ("x-my-gateway", Target("x-my-gateway")),
    ),
)
def test_parse_target(spec: str, target: Target) -> None:
    assert parse_target(spec) == target


@pytest.mark.parametrize("spec", ("mars", "bedrock:stream", "foundry:invoke", ""))
def test_parse_target_rejects(spec: str) -> None:
    with pytest.raises(PlatformError):
        parse_target(spec)


# --- BL206 findings -----------------------------------------------------------------------


# --- export -------------------------------------------------------------------------------


def test_export_partitions_every_name(shipped: Registry) -> None:
    data = export_platform(shipped, "bedrock")
    groups = [set(data["allow"]), set(data["map"]), set(data["deny"]), set(data["unknown"])]
    assert sum(len(g) for g in groups) == len(shipped)
    assert set().union(*groups) == set(shipped.entries)
    assert data["map"]["advanced-tool-use-2025-11-20"] == "tool-search-tool-2025-10-19"
    assert "files-api-2025-04-14" in data["deny"]
    assert data["precedence"][0] == "official-doc"
    converse = export_platform(shipped, "bedrock:converse")
    assert "tool-search-tool-2025-10-19" in converse["deny"]
    assert "advanced-tool-use-2025-11-20" in converse["deny"]  # maps to a name Converse lacks


# --- the facade ---------------------------------------------------------------------------


def test_facade_exports_filter_header() -> None:
    result = betalint.filter_header("files-api-2025-04-14,files-api-2025-04-14", platform="foundry")
    assert isinstance(result, betalint.FilterResult)
    assert str(result) == "files-api-2025-04-14"
    assert result.dropped[0].reason == "duplicate of files-api-2025-04-14"


# --- the mini registry (tests/data/registries/mini.toml): verdicts are read, not recomputed ----

TOOL_USE, TOOL_SEARCH = "advanced-tool-use-2025-11-20", "tool-search-tool-2025-10-19"


def test_mapping_endpoint_and_custom_platform(mini_registry: Registry) -> None:
    def names(value: str, platform: str) -> tuple[str, ...]:
        return filter_header(value, platform=platform, registry=mini_registry).names

    assert names(TOOL_USE, "bedrock") == (TOOL_SEARCH,)
    assert names(TOOL_USE, "bedrock:converse") == ()
    found = platform_verdict(TOOL_USE, "x-gateway", mini_registry)
    assert found.status == "unsupported" and "sources disagree: issue-report" in found.message
    assert names(f"{TOOL_USE},{TOOL_SEARCH}", "bedrock") == (TOOL_SEARCH,)


def test_unknown_names_follow_the_policy(mini_registry: Registry) -> None:
    value = f"zeta-2026-01-01, {TOOL_USE}"
    dropped = filter_header(value, platform="bedrock", registry=mini_registry)
    assert dropped.names == (TOOL_SEARCH,)
    assert [(d.name, d.cause) for d in dropped.dropped] == [("zeta-2026-01-01", "unknown")]
    kept = filter_header(value, platform="bedrock", registry=mini_registry, unknown="keep")
    assert kept.names == ("zeta-2026-01-01", TOOL_SEARCH)
