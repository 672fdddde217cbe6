"""Shared test setup: keep the registry's pickle cache out of the user's home."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest


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
