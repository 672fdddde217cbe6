"""Which betas a pinned anthropic SDK knows: first_seen_sdk compared as PEP 440 versions."""

from __future__ import annotations

import dataclasses

import pytest
from packaging.version import InvalidVersion

import betalint
from betalint.linter.cli import main
from betalint.registry import integrity
from betalint.registry.model import Registry


@pytest.fixture(scope="module")
def registry() -> Registry:
    return betalint.load_registry()


@pytest.mark.parametrize(
    ("version", "count"),
    (("0.35.0", 0), ("0.36.0", 2), ("0.37.0", 3), ("0.38.0", 5), ("0.47.0", 8), ("0.52.0", 14)),
)
def test_names_known_to_early_releases(registry: Registry, version: str, count: int) -> None:
    assert len(registry.known_to_sdk(version)) == count


def test_versions_compare_as_versions_not_strings(registry: Registry) -> None:
    # "0.100.0" < "0.99.0" as strings; managed-agents first appears in 0.100.0.
    assert "managed-agents-2026-04-01" not in registry.known_to_sdk("0.99.0")
    assert "managed-agents-2026-04-01" in registry.known_to_sdk("0.100.0")


def test_names_outside_the_literal_are_never_known(registry: Registry) -> None:
    known = registry.known_to_sdk("99.0")
    assert "claude-code-20250219" not in known  # sent by Claude Code, never in the literal
    assert len(known) == sum(1 for e in registry.entries.values() if e.first_seen_sdk)


def test_invalid_version(registry: Registry) -> None:
    with pytest.raises(InvalidVersion):
        registry.known_to_sdk("latest")


def test_integrity_rejects_a_non_version(registry: Registry) -> None:
    entry = registry.entries["files-api-2025-04-14"]
    broken = dict(registry.entries)
    broken["files-api-2025-04-14"] = dataclasses.replace(entry, first_seen_sdk="v-next")
    problems = integrity.check(Registry(broken, registry.layers))
    assert [(p.name, p.field) for p in problems] == [("files-api-2025-04-14", "first_seen_sdk")]


def test_cli_list_by_sdk(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "list", "--sdk", "0.38.0"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names == [
        "computer-use-2024-10-22",
        "message-batches-2024-09-24",
        "pdfs-2024-09-25",
        "prompt-caching-2024-07-31",
        "token-counting-2024-11-01",
    ]
    assert main(["registry", "list", "--sdk", "soon"]) == 2
    assert "not a version" in capsys.readouterr().err
