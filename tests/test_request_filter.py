"""registry.request_filter: filter_betas / filter_header, the unknown= policy, model causes."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import betalint
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.request_filter import (
    Dropped,
    UnknownBetaError,
    UnknownPolicy,
    filter_betas,
    filter_header,
)

TYPO = "interleaved-thinkng-2025-05-14"


@lru_cache(maxsize=1)
def shipped() -> Registry:
    return load_registry()


def test_a_list_maps_drops_dedupes_and_keeps_order() -> None:
    result = filter_betas(
        [
            "files-api-2025-04-14",
            "advanced-tool-use-2025-11-20",
            "files-api-2025-04-14",
            "interleaved-thinking-2025-05-14",
            TYPO,
        ],
        platform="vertex",
        registry=shipped(),
    )
    assert result.names == ("tool-search-tool-2025-10-19", "interleaved-thinking-2025-05-14")
    assert result.header == "tool-search-tool-2025-10-19,interleaved-thinking-2025-05-14"
    assert result.mapped == (("advanced-tool-use-2025-11-20", "tool-search-tool-2025-10-19"),)
    assert [(d.name, d.cause) for d in result.dropped] == [
        ("files-api-2025-04-14", "platform"),
        ("files-api-2025-04-14", "platform"),
        (TYPO, "unknown"),
    ]


def test_a_header_value_and_comma_joined_items_are_split() -> None:
    value = "files-api-2025-04-14, interleaved-thinking-2025-05-14"
    as_list = filter_betas([value], platform="foundry", registry=shipped())
    as_str = filter_betas(value, platform="foundry", registry=shipped())
    assert as_list == as_str == filter_header(value, platform="foundry", registry=shipped())
    assert as_str.names == ("files-api-2025-04-14", "interleaved-thinking-2025-05-14")


def test_unknown_names_are_dropped_by_default_with_a_suggestion() -> None:
    result = filter_betas([TYPO], platform="anthropic", registry=shipped())
    assert result.header == ""
    (dropped,) = result.dropped
    assert dropped.cause == "unknown" and dropped.model is None
    assert "did you mean interleaved-thinking-2025-05-14?" in dropped.reason


def test_keep_forwards_unknown_names() -> None:
    result = filter_betas(
        [TYPO, "made-up-2026-01-01"], platform="bedrock", unknown="keep", registry=shipped()
    )
    assert result.names == (TYPO, "made-up-2026-01-01")
    assert len(result.notes) == 2


def test_raise_names_every_unknown_and_is_a_value_error() -> None:
    with pytest.raises(UnknownBetaError) as raised:
        filter_betas(
            [TYPO, "files-api-2025-04-14", "Files-API-2025-04-14"],
            platform="bedrock",
            unknown="raise",
            registry=shipped(),
        )
    error = raised.value
    assert error.names == (TYPO, "Files-API-2025-04-14")
    assert error.platform == "bedrock"
    assert isinstance(error, ValueError) and isinstance(error, betalint.BetalintError)
    assert "\n" not in str(error)


def test_raise_is_silent_when_everything_is_known() -> None:
    result = filter_betas(
        ["files-api-2025-04-14"], platform="bedrock", unknown="raise", registry=shipped()
    )
    assert result.names == () and result.dropped[0].cause == "platform"


def test_model_causes_name_the_model() -> None:
    model = "us.anthropic.claude-opus-4-7-v1:0"
    result = filter_betas(
        ["effort-2025-11-24", "advanced-tool-use-2025-11-20"],
        platform="bedrock",
        model=model,
        registry=shipped(),
    )
    assert result.names == ()
    assert [(d.name, d.cause, d.model) for d in result.dropped] == [
        ("effort-2025-11-24", "model", model),
        ("advanced-tool-use-2025-11-20", "model", model),  # mapped to a name rejected there
    ]
    assert "tool-search-tool-2025-10-19" in result.dropped[1].reason


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown= takes one of drop, keep, raise, not 'yes'"):
        filter_betas([], platform="bedrock", unknown="yes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="betas must be strings, got NoneType"):
        filter_betas(["files-api-2025-04-14", None], platform="bedrock")  # type: ignore[list-item]
    with pytest.raises(betalint.BetalintError, match="unknown platform"):
        filter_betas([], platform="azure-openai")


def test_facade_exports() -> None:
    assert betalint.filter_betas is filter_betas
    assert betalint.filter_header is filter_header
    assert betalint.Dropped is Dropped and betalint.UnknownBetaError is UnknownBetaError
    result = betalint.filter_betas(["files-api-2025-04-14"], platform="bedrock")
    assert isinstance(result, betalint.FilterResult) and str(result) == ""


names = st.one_of(
    st.sampled_from(sorted(shipped().entries)),
    st.sampled_from([TYPO, "made-up-2025-01-01", "Files-API-2025-04-14", "x"]),
)
TARGETS = (
    "anthropic",
    "bedrock",
    "bedrock:converse",
    "vertex",
    "vertex:count_tokens",
    "foundry",
    "databricks",
)
MODELS = (None, "claude-sonnet-4-5", "us.anthropic.claude-opus-4-7-v1:0", "claude-haiku-4-5")


@settings(max_examples=60, deadline=None)
@given(
    st.lists(names, max_size=8),
    st.sampled_from(TARGETS),
    st.sampled_from(MODELS),
    st.sampled_from(("drop", "keep")),
)
def test_every_name_is_sent_or_dropped_once(
    betas: list[str], target: str, model: str | None, unknown: UnknownPolicy
) -> None:
    result = filter_betas(betas, platform=target, model=model, unknown=unknown, registry=shipped())
    # each sent name stands for one input item, and every other item was dropped with a reason
    assert len(result.names) + len(result.dropped) == len(betas)
    assert all(d.reason and d.name in betas for d in result.dropped)
    assert (
        filter_header(
            ",".join(betas), platform=target, model=model, unknown=unknown, registry=shipped()
        )
        == result
    )
    if unknown == "drop":
        assert all(shipped().get(name) is not None for name in result.names)
