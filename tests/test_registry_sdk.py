"""Which betas a pinned anthropic SDK knows: first_seen_sdk compared as PEP 440 versions.

The logic runs on the mini registry (exact answers); the shipped registry gets relations
only, so adding or editing a betas.toml entry never breaks this file.
"""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest
from _registries import MINI
from packaging.version import InvalidVersion, Version

import betalint
from betalint.linter.cli import main
from betalint.registry import integrity
from betalint.registry.model import Registry
from betalint.registry.sync import read_sdk


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return betalint.load_registry()


@pytest.mark.parametrize(
    ("version", "known"),
    (
        ("0.35.0", ()),
        ("0.36.0", ("prompt-caching-2024-07-31",)),
        ("0.37.0", ("computer-use-2024-10-22", "prompt-caching-2024-07-31")),
        ("0.37.1", ("computer-use-2024-10-22", "prompt-caching-2024-07-31")),
        (
            "0.47.0",
            (
                "computer-use-2024-10-22",
                "computer-use-2025-01-24",
                "output-128k-2025-02-19",
                "prompt-caching-2024-07-31",
                "token-efficient-tools-2025-02-19",
            ),
        ),
    ),
)
def test_names_known_to_early_releases(
    mini_registry: Registry, version: str, known: tuple[str, ...]
) -> None:
    assert mini_registry.known_to_sdk(version) == known


def test_versions_compare_as_versions_not_strings(mini_registry: Registry) -> None:
    # "0.100.0" < "0.99.0" as strings; managed-agents first appears in 0.100.0.
    assert "managed-agents-2026-04-01" not in mini_registry.known_to_sdk("0.99.0")
    assert "managed-agents-2026-04-01" in mini_registry.known_to_sdk("0.100.0")


def test_names_outside_the_literal_are_never_known(mini_registry: Registry) -> None:
    known = mini_registry.known_to_sdk("99.0")
    assert "claude-code-20250219" not in known  # in_sdk_literal = false, no first_seen_sdk
    assert set(known) == {n for n, e in mini_registry.entries.items() if e.first_seen_sdk}


def test_invalid_version(mini_registry: Registry) -> None:
    with pytest.raises(InvalidVersion):
        mini_registry.known_to_sdk("latest")


def test_integrity_rejects_a_non_version(mini_registry: Registry) -> None:
    entry = mini_registry.entries["files-api-2025-04-14"]
    broken = dict(mini_registry.entries)
    broken["files-api-2025-04-14"] = dataclasses.replace(entry, first_seen_sdk="v-next")
    problems = integrity.check(Registry(broken, mini_registry.layers))
    assert [(p.name, p.field) for p in problems] == [("files-api-2025-04-14", "first_seen_sdk")]


def test_cli_list_by_sdk(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["registry", "list", "--registry", str(MINI), "--sdk", "0.37.0"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names == ["computer-use-2024-10-22", "prompt-caching-2024-07-31"]
    assert main(["registry", "list", "--sdk", "soon"]) == 2
    assert "not a version" in capsys.readouterr().err


# ------------------------------------------------------------------ the shipped data


def test_shipped_literal_names_have_a_first_release(shipped: Registry) -> None:
    for name, entry in shipped.entries.items():
        if entry.in_sdk_literal:
            assert entry.first_seen_sdk is not None, name
            Version(entry.first_seen_sdk)  # a PEP 440 version


def test_shipped_known_names_grow_with_the_release(shipped: Registry) -> None:
    releases = sorted(
        {e.first_seen_sdk for e in shipped.entries.values() if e.first_seen_sdk}, key=Version
    )
    previous: set[str] = set()
    for release in releases:
        known = set(shipped.known_to_sdk(release))
        assert previous < known, release  # each first release adds at least its own names
        previous = known
    assert previous == {n for n, e in shipped.entries.items() if e.first_seen_sdk}


def test_installed_sdk_names_the_registry_has_are_known_to_it(shipped: Registry) -> None:
    """Every name of the installed anthropic literal that the registry lists is known to that
    release (a newer SDK may add names the registry lacks yet: test_sync reports those)."""
    if importlib.util.find_spec("anthropic") is None:
        pytest.skip("anthropic is not installed (it is a dev dependency)")
    sdk = read_sdk()
    assert sdk.version is not None
    known = set(shipped.known_to_sdk(sdk.version))
    listed = [name for name in sdk.names if name in shipped]
    assert listed and set(listed) <= known


def test_shipped_cli_list_by_sdk_matches_the_registry(
    shipped: Registry, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["registry", "list", "--sdk", "0.38.0"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names == sorted(shipped.known_to_sdk("0.38.0"))
