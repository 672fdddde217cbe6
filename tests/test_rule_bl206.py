"""BL206's check: which targets reject a name, and the replacement every target agrees on."""

from __future__ import annotations

import pytest

from betalint.linter.rules.bl206_unsupported_on_platform import findings as platform_findings
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


def test_findings_offer_the_platform_name_only_when_every_target_agrees(shipped: Registry) -> None:
    name = "advanced-tool-use-2025-11-20"
    ((message, fix),) = platform_findings(name, ["vertex"], shipped, pinned=None)
    assert fix == "tool-search-tool-2025-10-19" and "Google Vertex AI" in message
    both = platform_findings(name, ["bedrock", "vertex"], shipped, pinned=None)
    assert [fix for _, fix in both] == ["tool-search-tool-2025-10-19"] * 2
    mixed = platform_findings(name, ["anthropic", "bedrock"], shipped, pinned=None)
    assert len(mixed) == 1 and mixed[0][1] is None


def test_findings_use_the_pinned_platform(shipped: Registry) -> None:
    found = platform_findings("files-api-2025-04-14", ["anthropic"], shipped, pinned="bedrock")
    assert len(found) == 1
    assert "this file pins Amazon Bedrock" in found[0][0] and found[0][1] is None
    assert platform_findings("files-api-2025-04-14", ["bedrock"], shipped, pinned="foundry") == []


def test_findings_ignore_unknown_names_and_supported_ones(shipped: Registry) -> None:
    assert platform_findings("nope-2025-01-01", ["bedrock"], shipped, pinned=None) == []
    assert (
        platform_findings(
            "context-management-2025-06-27", ["bedrock", "vertex"], shipped, pinned=None
        )
        == []
    )
