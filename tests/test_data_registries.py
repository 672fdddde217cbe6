"""The shared test registries themselves: sound, and the mini one covers what it promises
(tests/data/registries/mini.toml's header), so a rule test cannot silently lose its case."""

from __future__ import annotations

from pathlib import Path

import pytest
from _registries import EXTRA, MINI, REGISTRIES, VALID

from betalint.registry import integrity
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.schema import STATUSES


@pytest.mark.parametrize(
    "path", (MINI, VALID, EXTRA, REGISTRIES / "lifecycle.toml"), ids=lambda p: p.name
)
def test_shared_registries_are_sound(path: Path) -> None:
    assert integrity.check(load_registry(base=path)) == []


def test_mini_covers_every_status_and_rule_shape(mini_registry: Registry) -> None:
    entries = mini_registry.entries
    assert {e.status for e in entries.values()} == set(STATUSES)
    assert entries["mcp-client-2025-04-04"].superseded_by == ("mcp-client-2025-11-20",)
    assert entries["token-efficient-tools-2025-02-19"].removal_date is not None
    assert entries["computer-use-2024-10-22"].superseded_by  # retired with a successor
    assert not entries["output-128k-2025-02-19"].superseded_by  # retired without one
    assert entries["claude-code-20250219"].pattern_exempt
    pair = entries["managed-agents-2026-04-01"].conflicts_with
    assert [c.name for c in pair] == ["agent-memory-2026-07-22"]
    tool_use = entries["advanced-tool-use-2025-11-20"].platforms
    assert tool_use["bedrock"].status == "mapped" and tool_use["x-gateway"].conflict
    assert entries["files-api-2025-04-14"].platforms["bedrock"].status == "unsupported"
    context = entries["context-1m-2025-08-07"]  # BL401: model-limited, and one model rejects it
    assert context.models and context.platforms["anthropic"].rejected_models


def test_cli_registry_check_accepts_mini(capsys: pytest.CaptureFixture[str]) -> None:
    from betalint.linter.cli import main

    assert main(["registry", "check", "--registry", str(MINI)]) == 0
    assert capsys.readouterr().out == f"17 names, 0 problems ({MINI})\n"
