"""BL206's check: which targets reject a name, and the replacement every target agrees on
(on the mini registry: advanced-tool-use is mapped on bedrock and vertex, files-api is
unsupported on both, tool-search-tool is supported on both)."""

from __future__ import annotations

from betalint.linter.rules.bl206_unsupported_on_platform import findings as platform_findings
from betalint.registry.model import Registry


def test_findings_offer_the_platform_name_only_when_every_target_agrees(
    mini_registry: Registry,
) -> None:
    name = "advanced-tool-use-2025-11-20"
    ((message, fix),) = platform_findings(name, ["vertex"], mini_registry, pinned=None)
    assert fix == "tool-search-tool-2025-10-19" and "Google Vertex AI" in message
    both = platform_findings(name, ["bedrock", "vertex"], mini_registry, pinned=None)
    assert [fix for _, fix in both] == ["tool-search-tool-2025-10-19"] * 2
    mixed = platform_findings(name, ["anthropic", "bedrock"], mini_registry, pinned=None)
    assert len(mixed) == 1 and mixed[0][1] is None


def test_findings_use_the_pinned_platform(mini_registry: Registry) -> None:
    found = platform_findings(
        "files-api-2025-04-14", ["anthropic"], mini_registry, pinned="bedrock"
    )
    assert len(found) == 1
    assert "this file pins Amazon Bedrock" in found[0][0] and found[0][1] is None
    # The pin replaces the configured targets: foundry has no claim, so nothing is said.
    assert (
        platform_findings("files-api-2025-04-14", ["bedrock"], mini_registry, pinned="foundry")
        == []
    )


def test_findings_ignore_unknown_names_and_supported_ones(mini_registry: Registry) -> None:
    assert platform_findings("nope-2025-01-01", ["bedrock"], mini_registry, pinned=None) == []
    supported = "tool-search-tool-2025-10-19"
    assert platform_findings(supported, ["bedrock", "vertex"], mini_registry, pinned=None) == []


def test_a_stated_conflict_between_sources_is_repeated(mini_registry: Registry) -> None:
    ((message, fix),) = platform_findings(
        "advanced-tool-use-2025-11-20", ["x-gateway"], mini_registry, pinned=None
    )
    assert "sources disagree: issue-report 2026-03-01 says supported" in message
    assert fix is None
