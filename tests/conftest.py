"""Shared test setup: keep the registry cache out of the user's home; hypothesis
profiles (`dev` by default, `HYPOTHESIS_PROFILE=fuzz` for the long fuzzing run in CI); the
small test registry (`mini_registry`, `mini_linter`) that rule and engine tests run on."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from _registries import MINI, TODAY
from hypothesis import HealthCheck, settings

from betalint.linter.engine import Linter
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry

# Tests with their own @settings(max_examples=...) keep it; the rest (the fuzz tests) follow
# the profile: hypothesis' default 100 examples locally, 10,000 with HYPOTHESIS_PROFILE=fuzz.
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session", autouse=True)
def _registry_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point BETALINT_CACHE_DIR at a fresh temp dir for the whole session.

    Set in os.environ (not monkeypatch, which is function-scoped) so subprocesses inherit it.
    """
    old = os.environ.get("BETALINT_CACHE_DIR")
    os.environ["BETALINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("betalint-cache"))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("BETALINT_CACHE_DIR", None)
        else:
            os.environ["BETALINT_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def mini_registry() -> Registry:
    """tests/data/registries/mini.toml: one entry per status and rule shape, independent of
    the shipped betas.toml (a data edit never breaks a code test)."""
    return load_registry(base=MINI)


@pytest.fixture(scope="session")
def mini_linter(mini_registry: Registry) -> Linter:
    """The engine on the mini registry, with no target platforms and today fixed."""
    return Linter.create(mini_registry, today=TODAY)
