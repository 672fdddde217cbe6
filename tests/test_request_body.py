"""registry.request_body: a Messages request body to what the call uses; odd input is unknown."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.registry.request_body import BodyFacts, read_body, request_betas

# A body as the anthropic SDK's middleware sees it for a beta Messages call (APIRequest.json).
SDK_BODY: dict[str, Any] = {
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "Hello"}],
    "model": "claude-sonnet-4-5",
    "container": {"skills": [{"type": "anthropic", "skill_id": "pptx", "version": "latest"}]},
    "context_management": {"edits": [{"type": "clear_tool_uses_20250919"}]},
    "mcp_servers": [{"type": "url", "url": "https://mcp.example.com/sse", "name": "example"}],
    "tools": [
        {"type": "computer_20251124", "name": "computer", "display_width_px": 1024},
        {"name": "get_weather", "input_schema": {"type": "object"}},
        {"type": "mcp_toolset", "mcp_server_name": "example"},
    ],
    "anthropic_beta": ["skills-2025-10-02"],
}


def test_an_sdk_body_reads_as_its_model_tools_fields_and_betas() -> None:
    facts = read_body(SDK_BODY)
    assert facts.model == "claude-sonnet-4-5"
    assert facts.tools == ("computer_20251124", "mcp_toolset")  # the custom tool has no type
    assert facts.tools_seen == facts.tools
    assert facts.fields == (
        "max_tokens",
        "messages",
        "model",
        "container",
        "container.skills",
        "context_management",
        "context_management.edits",
        "mcp_servers",
        "tools",
        "anthropic_beta",
    )
    assert facts.betas == ("skills-2025-10-02",) and facts.betas_complete


def test_no_tools_is_known_and_differs_from_unreadable_tools() -> None:
    assert read_body({"model": "m"}).tools == ()
    assert read_body({"model": "m", "tools": None}).tools == ()
    assert read_body({"model": "m", "tools": "computer_20251124"}).tools is None
    assert read_body({"model": "m", "tools": {"type": "computer_20251124"}}).tools is None


def test_an_odd_tool_makes_the_list_unknown_but_keeps_what_it_could_read() -> None:
    for odd in (3, "computer", None, {"type": 7}, ["x"]):
        facts = read_body({"tools": [{"type": "computer_20251124"}, odd]})
        assert facts.tools is None, odd
        assert facts.tools_seen == ("computer_20251124",), odd


@pytest.mark.parametrize("body", [None, "text", b"{}", 3, [SDK_BODY], ("model", "m")])
def test_a_body_that_is_not_an_object_tells_nothing(body: object) -> None:
    assert read_body(body) == BodyFacts(None, None, None, (), True, ())


def test_a_key_that_is_not_a_string_makes_the_fields_unknown() -> None:
    assert read_body({"model": "m", 1: "x"}).fields is None
    assert read_body({"model": "m", "container": {2: "x"}}).fields is None
    assert read_body({"model": 4}).model is None


def test_only_one_level_down_and_only_inside_objects() -> None:
    body = {"container": "container_011", "thinking": {"type": "enabled", "x": {"deep": 1}}}
    assert read_body(body).fields == ("container", "thinking", "thinking.type", "thinking.x")


def test_body_betas_a_list_a_header_string_and_odd_items() -> None:
    assert read_body({"anthropic_beta": ["a-2025-01-01", " b-2025-02-02 "]}).betas == (
        "a-2025-01-01",
        "b-2025-02-02",
    )
    assert read_body({"anthropic_beta": "a-2025-01-01,b-2025-02-02"}).betas == (
        "a-2025-01-01",
        "b-2025-02-02",
    )
    odd = read_body({"anthropic_beta": ["a-2025-01-01", 5]})
    assert odd.betas == ("a-2025-01-01",) and not odd.betas_complete
    assert not read_body({"anthropic_beta": {"a": 1}}).betas_complete
    assert read_body({}).betas_complete


def test_request_betas_joins_header_values_and_the_body_once_each() -> None:
    facts = read_body({"anthropic_beta": ["b-2025-02-02", "c-2025-03-03"]})
    headers: list[object] = ["a-2025-01-01, b-2025-02-02", None, 3, ""]
    assert request_betas(headers, facts) == ("a-2025-01-01", "b-2025-02-02", "c-2025-03-03")


class Broken(Mapping[str, object]):
    """A caller's Mapping whose every access fails."""

    def __getitem__(self, key: str) -> object:
        raise RuntimeError("no")

    def __iter__(self) -> Iterator[str]:
        raise RuntimeError("no")

    def __len__(self) -> int:
        return 1


def test_a_mapping_that_fails_reads_as_unknown() -> None:
    assert read_body(Broken()) == BodyFacts(None, (), None, (), True, ())
    facts = read_body({"model": "m", "container": Broken(), "tools": [Broken()]})
    assert facts.fields is None and facts.tools == () and facts.model == "m"


# JSON as Python holds it, plus what a caller may slip in (tuples, bytes, objects, int keys).
_LEAVES = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_ODD = st.binary(max_size=4) | st.builds(object) | st.sampled_from(["type", "tools", "model"])
_KEYS = st.sampled_from(["model", "tools", "type", "anthropic_beta", "container", "skills"])
JSONISH = st.recursive(
    _LEAVES | _ODD,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(_KEYS | st.text(max_size=4) | st.integers(), inner, max_size=5)
    ),
    max_leaves=25,
)


@given(JSONISH)
def test_any_json_like_value_reads_without_raising(body: object) -> None:
    facts = read_body(body)
    assert facts.model is None or isinstance(facts.model, str)
    if facts.tools is not None:
        assert facts.tools == facts.tools_seen
    assert all(isinstance(t, str) for t in facts.tools_seen)
    assert all(isinstance(b, str) and b and "," not in b for b in facts.betas)
    if isinstance(body, dict) and facts.fields is not None:
        assert set(body) <= set(facts.fields)  # every top-level key is a path
        assert all(f in body or any(f.startswith(f"{k}.") for k in body) for f in facts.fields)
    if not isinstance(body, dict):
        assert facts == BodyFacts(None, None, None, (), True, ())


@given(st.dictionaries(st.text(max_size=6), JSONISH, max_size=6), st.lists(JSONISH, max_size=3))
def test_any_body_with_any_header_values_reads(body: dict[str, Any], headers: list[Any]) -> None:
    facts = read_body(body)
    names = request_betas(headers, facts)
    assert len(names) == len(set(names))
    assert set(facts.betas) <= set(names)
