"""registry.export_calls: the `calls` part of the JSON export, and a gateway that reads only it.

`gateway_missing` below is what a gateway in another language would write from the exported
JSON alone (no betalint code): the reference steps of docs/recipes/call_checks.md, run as
written. The tests check that it finds exactly what `check_request` finds, on bodies that
use each exported field and tool with and without each beta.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from _registries import MINI, REGISTRIES, TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.cli import main
from betalint.registry.export import export_all
from betalint.registry.export_calls import export_calls
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.request_check import check_request

MISSING = ("field-without-beta", "tool-without-beta")
RECIPE = Path(__file__).resolve().parent.parent / "docs" / "recipes" / "call_checks.md"


@lru_cache(maxsize=2)
def registry(name: str) -> Registry:
    return load_registry(base=REGISTRIES / name)


def exported(name: str) -> dict[str, Any]:
    # Through JSON text, as a gateway receives it.
    data: dict[str, Any] = json.loads(json.dumps(export_calls(registry(name), today=TODAY)))
    return data


def recipe() -> Any:
    """The `lacking` function of docs/recipes/call_checks.md, run as written."""
    text = RECIPE.read_text(encoding="utf-8")
    found = re.search(r"<!-- recipe: call-checks -->\n```python\n(.*?)```", text, re.DOTALL)
    assert found is not None
    namespace: dict[str, Any] = {"__name__": "call_checks"}
    exec(compile(found.group(1), str(RECIPE), "exec"), namespace)
    return namespace["lacking"]


def gateway_missing(calls: dict[str, Any], body: object, betas: list[str]) -> set[str]:
    """A gateway's own check from the export alone: the recipe's reference steps."""
    return set(recipe()(calls, body, betas))


def betalint_missing(reg: Registry, body: object, betas: list[str]) -> set[str]:
    problems = check_request(body, betas, platform="anthropic", registry=reg, today=TODAY)
    return {p.subject for p in problems if p.kind in MISSING and p.subject is not None}


def uses(subject: str, tool: bool) -> dict[str, Any]:
    base: dict[str, Any] = {"model": "claude-sonnet-4-5", "max_tokens": 16, "messages": []}
    if tool:
        return {**base, "tools": [{"type": subject, "name": "t"}]}
    top, _, sub = subject.partition(".")
    return {**base, top: {sub: []} if sub else []}


@pytest.mark.parametrize("name", ["request.toml", "mini.toml"])
def test_a_gateway_reading_only_the_export_finds_what_check_request_finds(name: str) -> None:
    reg, calls = registry(name), exported(name)
    cases = [(s, False) for s in calls["fields"]] + [(s, True) for s in calls["tools"]]
    assert cases  # the test registries gate fields and tools
    every_beta = sorted(calls["enables"])
    for subject, tool in cases:
        body = uses(subject, tool)
        for betas in [[], *([b] for b in every_beta)]:
            assert gateway_missing(calls, body, betas) == betalint_missing(reg, body, betas), (
                subject,
                betas,
            )


def test_what_the_export_says_for_the_request_registry() -> None:
    calls = exported("request.toml")
    assert calls["as_of"] == TODAY.isoformat()
    assert calls["fields"]["mcp_servers"] == {
        "betas": ["mcp-client-2025-04-04", "mcp-client-2025-11-20"],
        "suggested": "mcp-client-2025-11-20",  # the current one, not the superseded one
        "options": ["mcp-client-2025-11-20"],
    }
    assert calls["tools"]["computer_20251124"]["betas"] == ["computer-use-2025-11-24"]
    assert calls["enables"]["mcp-client-2025-11-20"] == {
        "tools": ["mcp_toolset"],
        "fields": ["mcp_servers"],
    }
    assert "interleaved-thinking-2025-05-14" not in calls["enables"]  # enables nothing listed


def test_a_tool_whose_only_beta_is_retired_needs_none() -> None:
    calls = exported("mini.toml")  # computer-use-2024-10-22 is retired there
    assert "computer_20241022" not in calls["tools"]
    assert calls["enables"]["computer-use-2024-10-22"]["tools"] == ["computer_20241022"]


def test_the_all_targets_export_carries_calls(capsys: pytest.CaptureFixture[str]) -> None:
    assert "calls" in export_all(registry("request.toml"))
    assert main(["registry", "export", "--registry", str(MINI)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["calls"]) == {"as_of", "fields", "tools", "enables"}
    assert "mcp_servers" in data["calls"]["fields"]


@pytest.mark.parametrize(
    "body",
    [
        "not an object",
        {"mcp_servers": [], "tools": [3]},
        {"mcp_servers": [], "anthropic_beta": [None]},
        {"mcp_servers": [], "tools": [{"name": "custom"}], "anthropic_beta": "x"},
        {"mcp_servers": [], "anthropic_beta": ["mcp-client-2025-11-20"]},
        {"container": {"skills": []}, "tools": [{"type": "computer_20250124"}]},
    ],
)
def test_the_recipe_and_check_request_agree_on_odd_bodies(body: object) -> None:
    reg, calls = registry("request.toml"), exported("request.toml")
    assert gateway_missing(calls, body, []) == betalint_missing(reg, body, [])


# Bodies built from what the request registry gates, with odd items mixed in.
_PATHS = st.sampled_from(["mcp_servers", "context_management", "container", "metadata"])
_TOOL = st.sampled_from(["computer_20250124", "computer_20251124", "mcp_toolset", "custom"])
_ITEM = st.builds(lambda t: {"type": t, "name": "t"}, _TOOL) | st.just({"name": "c"}) | st.just(3)
_VALUE = st.just([]) | st.just({"skills": []}) | st.just({"edits": []}) | st.just("id")
_NAMES = st.sampled_from(
    [
        "mcp-client-2025-04-04",
        "mcp-client-2025-11-20",
        "computer-use-2025-01-24",
        "computer-use-2025-11-24",
        "skills-2025-10-02",
        "context-management-2025-06-27",
        "interleaved-thinking-2025-05-14",
    ]
)
BODIES = st.builds(
    lambda fields, tools, listed: {
        "model": "claude-sonnet-4-5",
        **fields,
        **({"tools": tools} if tools is not None else {}),
        **({"anthropic_beta": listed} if listed is not None else {}),
    },
    st.dictionaries(_PATHS, _VALUE, max_size=4),
    st.none() | st.lists(_ITEM, max_size=3),
    st.none() | st.lists(_NAMES | st.just(7), max_size=2),
)


@settings(max_examples=60, deadline=None)
@given(BODIES, st.lists(_NAMES, max_size=3))
def test_the_recipe_and_check_request_agree_on_any_such_body(
    body: dict[str, Any], betas: list[str]
) -> None:
    reg, calls = registry("request.toml"), exported("request.toml")
    assert gateway_missing(calls, body, betas) == betalint_missing(reg, body, betas)
