"""`registry export`: every target at once, and LiteLLM's config shape checked three ways:
against a structure sample (tests/data/litellm, written for these tests), against the file
in the installed litellm wheel, and through LiteLLM's own loader and filter."""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from betalint.linter.cli import main
from betalint.registry.export import LITELLM_COLUMNS, export_all, export_litellm, targets
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.platforms import export_platform
from betalint.registry.request_filter import filter_header

SAMPLE = Path(__file__).parent / "data" / "litellm" / "anthropic_beta_headers_config.sample.json"
HEADER_ONLY = "_header_only"


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def exported(shipped: Registry) -> dict[str, Any]:
    return export_litellm(shipped)


def _shape(config: dict[str, Any]) -> dict[str, str]:
    """Top-level key → "text" or "column" (an object of name → str | None)."""
    shape = {}
    for key, value in config.items():
        if isinstance(value, str):
            shape[key] = "text"
        else:
            assert isinstance(value, dict)
            assert all(
                isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in value.items()
            )
            shape[key] = "column"
    return shape


def _without_header_only(shape: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in shape.items() if not k.endswith(HEADER_ONLY)}


def test_shape_matches_the_structure_sample(exported: dict[str, Any]) -> None:
    sample = json.loads(SAMPLE.read_text())
    assert _shape(exported) == _without_header_only(_shape(sample))


def test_every_value_is_the_name_a_mapping_or_null(
    exported: dict[str, Any], shipped: Registry
) -> None:
    for column, target in LITELLM_COLUMNS.items():
        data = export_platform(shipped, target)
        for name, sent in exported[column].items():
            if sent is None:
                assert name in data["deny"]
            elif sent != name:
                assert data["map"][name] == sent
            else:
                assert name in data["allow"]
        assert not set(data["unknown"]) & set(exported[column])  # omitted by default


def test_unknown_forward_lists_names_without_evidence(shipped: Registry) -> None:
    forward = export_litellm(shipped, unknown="forward")
    unknown = export_platform(shipped, "databricks")["unknown"]
    assert unknown and all(forward["databricks"][n] == n for n in unknown)


def test_export_all_has_every_target(shipped: Registry) -> None:
    data = export_all(shipped)
    assert list(data["platforms"]) == targets(shipped)
    assert {"anthropic", "bedrock:converse", "vertex:count_tokens"} <= set(data["platforms"])
    assert data["platforms"]["bedrock:mantle"] == export_platform(shipped, "bedrock:mantle")


def test_cli_formats(capsys: pytest.CaptureFixture[str], exported: dict[str, Any]) -> None:
    assert main(["registry", "export", "--format", "litellm"]) == 0
    assert json.loads(capsys.readouterr().out) == exported
    assert main(["registry", "export"]) == 0
    assert set(json.loads(capsys.readouterr().out)["platforms"]) >= set(LITELLM_COLUMNS.values())
    assert main(["registry", "export", "--format", "litellm", "--platform", "bedrock"]) == 2
    assert "drop --platform" in capsys.readouterr().err
    assert main(["registry", "export", "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "# Amazon Bedrock (the Converse API): registry" in out


# --- the real LiteLLM ---------------------------------------------------------------------


def _litellm_file() -> Path:
    spec = importlib.util.find_spec("litellm")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("litellm is not installed (pip install litellm to run these tests)")
    return Path(next(iter(spec.submodule_search_locations))) / "anthropic_beta_headers_config.json"


def test_shape_matches_the_file_in_litellms_wheel(exported: dict[str, Any]) -> None:
    real = json.loads(_litellm_file().read_text(encoding="utf-8"))
    assert _shape(exported) == _without_header_only(_shape(real))


@pytest.fixture(scope="module")
def manager() -> Iterator[Any]:
    _litellm_file()
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no network at import
    os.environ.setdefault("LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS", "True")
    from litellm import anthropic_beta_headers_manager as module

    saved = module._BETA_HEADERS_CONFIG
    yield module
    module._BETA_HEADERS_CONFIG = saved


def test_litellms_loader_accepts_the_export(manager: Any, exported: dict[str, Any]) -> None:
    assert manager.GetAnthropicBetaHeadersConfig.validate_beta_headers_config(exported)
    manager._BETA_HEADERS_CONFIG_ADAPTER.validate_python(exported)  # raises on a bad shape


def test_litellms_filter_agrees_with_filter_header(
    manager: Any, exported: dict[str, Any], shipped: Registry
) -> None:
    """LiteLLM, loaded with the export, forwards what betalint's own filter does: exactly,
    with `--unknown forward`; without the names that lack evidence, by default."""
    names = [*sorted(shipped.entries), "not-in-any-registry-2026-12-01"]
    forward = export_litellm(shipped, unknown="forward")
    for column, target in LITELLM_COLUMNS.items():
        ours = set(filter_header(",".join(names), platform=target, registry=shipped).names)
        manager._BETA_HEADERS_CONFIG = forward
        assert manager.filter_and_transform_beta_headers(list(names), column) == sorted(ours)
        manager._BETA_HEADERS_CONFIG = exported
        no_evidence = set(export_platform(shipped, target)["unknown"])
        theirs = manager.filter_and_transform_beta_headers(list(names), column)
        assert theirs == sorted(ours - no_evidence), column
