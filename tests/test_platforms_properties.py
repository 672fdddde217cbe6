"""Properties of filter_header over the shipped registry: clean, idempotent, never inventive."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.rules.bl206_unsupported_on_platform import findings as platform_findings
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.platforms import platform_verdict
from betalint.registry.request_filter import UnknownPolicy, filter_header

TARGETS = (
    "anthropic",
    "bedrock",
    "bedrock:invoke",
    "bedrock:converse",
    "bedrock:mantle",
    "vertex",
    "vertex:count_tokens",
    "foundry",
    "databricks",
    "x-custom",
)
POLICIES: tuple[UnknownPolicy, ...] = ("drop", "keep")
MODELS = (
    None,
    "claude-sonnet-4-5",
    "claude-opus-4-7",
    "us.anthropic.claude-opus-4-5-v1:0",
    "claude-haiku-4-5@20251001",
    "claude-fable-5",
)


@lru_cache(maxsize=1)
def registry() -> Registry:
    return load_registry()


names = st.one_of(
    st.sampled_from(sorted(registry().entries)),
    st.sampled_from(["made-up-2025-01-01", "Files-API-2025-04-14", "x"]),
)
headers = st.lists(names, max_size=8).flatmap(
    lambda items: st.sampled_from([",", ", ", " ,"]).map(lambda sep: sep.join(items))
)


@settings(max_examples=60, deadline=None)
@given(headers, st.sampled_from(TARGETS), st.sampled_from(MODELS))
def test_output_is_clean_for_its_platform(value: str, target: str, model: str | None) -> None:
    reg = registry()
    result = filter_header(value, platform=target, model=model, registry=reg)
    for name in result.names:
        assert platform_findings(name, [target], reg, pinned=None) == []
        assert platform_verdict(name, target, reg, model=model).forward == name


@settings(max_examples=60, deadline=None)
@given(headers, st.sampled_from(TARGETS), st.sampled_from(MODELS), st.sampled_from(POLICIES))
def test_idempotent(value: str, target: str, model: str | None, unknown: UnknownPolicy) -> None:
    reg = registry()
    once = filter_header(value, platform=target, model=model, registry=reg, unknown=unknown)
    twice = filter_header(once.header, platform=target, model=model, registry=reg, unknown=unknown)
    assert twice.header == once.header
    assert not twice.changed


@settings(max_examples=60, deadline=None)
@given(headers, st.sampled_from(TARGETS), st.sampled_from(MODELS))
def test_never_invents_and_keeps_order(value: str, target: str, model: str | None) -> None:
    reg = registry()
    items = [i.strip() for i in value.split(",") if i.strip()]
    result = filter_header(value, platform=target, model=model, registry=reg)
    mapping = dict(result.mapped)
    for written, sent in result.mapped:
        entry = reg.get(written)
        assert entry is not None
        assert sent == entry.platforms[target.partition(":")[0]].name
    sources = [mapping.get(i, i) for i in items]
    assert set(result.names) <= set(sources)
    assert len(set(result.names)) == len(result.names)
    positions = [sources.index(n) for n in result.names]
    assert positions == sorted(positions)
    # every input item is accounted for: kept (perhaps mapped) or dropped with a reason
    kept = set(result.names)
    for item in items:
        assert mapping.get(item, item) in kept or any(d.name == item for d in result.dropped)
