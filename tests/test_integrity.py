"""registry/integrity.py: each rule of DESIGN §4 on small in-memory registries."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from betalint.registry import integrity
from betalint.registry.model import Registry, RegistryLayer
from betalint.registry.schema import BetaEntry, Conflict, PlatformSupport

LAYER = RegistryLayer("test.toml", "test.1", dt.date(2026, 1, 1))


def entry(**changes: Any) -> BetaEntry:
    base = BetaEntry(
        status="active", confidence="high", in_sdk_literal=False, sources=("test",), notes="x"
    )
    return dataclasses.replace(base, **changes)


def exempt_superseded(successor: str) -> BetaEntry:
    return entry(status="superseded", pattern_exempt="t", superseded_by=(successor,))


def registry(**entries: BetaEntry) -> Registry:
    return Registry(entries={k.replace("_", "-"): v for k, v in entries.items()}, layers=(LAYER,))


def problems(reg: Registry) -> list[tuple[str, str]]:
    return [(p.name, p.field) for p in integrity.check(reg)]


def test_sound_registry_has_no_problems() -> None:
    reg = Registry(
        entries={
            "a-2025-01-01": entry(status="superseded", superseded_by=("a-2025-02-02",)),
            "a-2025-02-02": entry(conflicts_with=(Conflict("b-2025-01-01", "r", "/v1/x"),)),
            "b-2025-01-01": entry(conflicts_with=(Conflict("a-2025-02-02", "r", "/v1/x"),)),
            "c-20250101": entry(pattern_exempt="real"),
            "d-2025-01-01": entry(status="deprecated", removal_date=dt.date(2026, 1, 1)),
            "e-2025-01-01": entry(docs_url="https://example.com"),
        },
        layers=(LAYER,),
    )
    assert integrity.check(reg) == []


# (entries, expected (name, field) problems)
CASES: tuple[tuple[dict[str, BetaEntry], list[tuple[str, str]]], ...] = (
    ({"a-2025-01-01": entry(sources=())}, [("a-2025-01-01", "sources")]),
    ({"a-2025-01-01": entry(sources=("ok", "  "))}, [("a-2025-01-01", "sources")]),
    ({"a-2025-01-01": entry(status="superseded")}, [("a-2025-01-01", "superseded_by")]),
    (
        {"a-2025-01-01": entry(removal_date=dt.date(2026, 1, 1))},
        [("a-2025-01-01", "removal_date")],
    ),
    ({"a-2025-01-01": entry(docs_url="http://example.com")}, [("a-2025-01-01", "docs_url")]),
    (
        {"a-2025-01-01": entry(status="superseded", superseded_by=("a-2026-01-01",))},
        [("a-2025-01-01", "superseded_by")],
    ),
    (
        {
            "a-2025-06-01": entry(status="superseded", superseded_by=("a-2025-01-01",)),
            "a-2025-01-01": entry(),
        },
        [("a-2025-06-01", "superseded_by")],
    ),
    (  # same date is not later either
        {
            "a-2025-06-01": entry(status="superseded", superseded_by=("b-2025-06-01",)),
            "b-2025-06-01": entry(),
        },
        [("a-2025-06-01", "superseded_by")],
    ),
    (
        {"a-2025-01-01": entry(conflicts_with=(Conflict("b-2025-01-01", "r"),))},
        [("a-2025-01-01", "conflicts_with")],
    ),
    (  # a conflict must be listed on both entries
        {
            "a-2025-01-01": entry(conflicts_with=(Conflict("b-2025-01-01", "r"),)),
            "b-2025-01-01": entry(),
        },
        [("a-2025-01-01", "conflicts_with")],
    ),
    ({"A-2025-01-01": entry()}, [("A-2025-01-01", "name")]),
    ({"a-20250101": entry()}, [("a-20250101", "name")]),
    ({"a-2025-01-01": entry(pattern_exempt="not needed")}, [("a-2025-01-01", "pattern_exempt")]),
    (
        {"a-2025-01-01": entry(platforms={"bedrock": PlatformSupport("unsupported")})},
        [("a-2025-01-01", "platforms.bedrock.sources")],
    ),
    (  # a cycle between exempt names: only the cycle can say what is wrong
        {
            "a-20250101": exempt_superseded("b-20250101"),
            "b-20250101": exempt_superseded("a-20250101"),
        },
        [("a-20250101", "superseded_by"), ("b-20250101", "superseded_by")],
    ),
    (  # a self-loop
        {"a-20250101": exempt_superseded("a-20250101")},
        [("a-20250101", "superseded_by")],
    ),
)


@pytest.mark.parametrize(("entries", "expected"), CASES)
def test_problem(entries: dict[str, BetaEntry], expected: list[tuple[str, str]]) -> None:
    assert problems(Registry(entries=entries, layers=(LAYER,))) == expected


def test_cycle_reports_only_names_on_the_cycle() -> None:
    reg = Registry(
        entries={
            "x-20250101": exempt_superseded("y-20250101"),
            "y-20250101": exempt_superseded("z-20250101"),
            "z-20250101": exempt_superseded("y-20250101"),
        },
        layers=(LAYER,),
    )
    found = integrity.check(reg)
    assert [(p.name, p.message) for p in found] == [
        ("y-20250101", "the successor chain is a cycle"),
        ("z-20250101", "the successor chain is a cycle"),
    ]


def test_dated_cycle_is_caught_by_the_date_rule() -> None:
    reg = Registry(
        entries={
            "a-2025-01-01": entry(status="superseded", superseded_by=("a-2025-02-02",)),
            "a-2025-02-02": entry(status="superseded", superseded_by=("a-2025-01-01",)),
        },
        layers=(LAYER,),
    )
    assert ("a-2025-02-02", "superseded_by") in problems(reg)


def test_problem_prints_as_one_line_naming_entry_and_field() -> None:
    (problem,) = integrity.check(
        Registry(entries={"a-2025-01-01": entry(sources=())}, layers=(LAYER,))
    )
    assert str(problem) == (
        '[betas."a-2025-01-01"] sources: every entry needs at least one non-empty source'
    )


def test_problems_come_in_name_order() -> None:
    reg = registry(c_2025_01_01=entry(sources=()), a_2025_01_01=entry(sources=()))
    assert [p.name for p in integrity.check(reg)] == ["a-2025-01-01", "c-2025-01-01"]


# `tools` and `fields`: the tool types a beta enables and the request fields it gates.
GOOD_TOOLS = ("computer_20251124", "tool_search_tool_bm25_20251119", "mcp_toolset", "bash_20241022")
BAD_TOOLS = (
    "Computer_20251124",  # capitals
    "computer-20251124",  # a hyphen
    "bash__20250124",  # an empty word
    "computer_2025112",  # seven digits
    "computer_20251324",  # month 13
    "computer_20250230",  # 30 February
    "_computer",
    "computer_",
    "",
)
GOOD_FIELDS = ("mcp_servers", "context_management", "container.skills", "output_config.task_budget")
BAD_FIELDS = ("Thread", "container.", ".skills", "tools[0].type", "context-management", "a..b", "")


def test_well_formed_tools_and_fields_pass() -> None:
    reg = registry(a_2025_01_01=entry(tools=GOOD_TOOLS, fields=GOOD_FIELDS))
    assert integrity.check(reg) == []


@pytest.mark.parametrize("tool", BAD_TOOLS)
def test_malformed_tool_type_is_one_problem(tool: str) -> None:
    (problem,) = integrity.check(registry(a_2025_01_01=entry(tools=(tool,))))
    assert (problem.name, problem.field) == ("a-2025-01-01", "tools")
    assert repr(tool) in problem.message


def test_tool_type_messages_say_what_is_wrong() -> None:
    shape, date = integrity.check(
        registry(a_2025_01_01=entry(tools=("bash-20250124", "computer_20251324")))
    )
    assert "is not a tool type" in shape.message and "_YYYYMMDD" in shape.message
    assert shape.message.startswith("'bash-20250124'")
    assert date.message == "'computer_20251324': 20251324 is not a real date"


@pytest.mark.parametrize("path", BAD_FIELDS)
def test_malformed_field_path_is_one_problem(path: str) -> None:
    (problem,) = integrity.check(registry(a_2025_01_01=entry(fields=(path,))))
    assert (problem.name, problem.field) == ("a-2025-01-01", "fields")
    assert f"{path!r} is not a request field path" in problem.message


def test_tool_or_field_listed_twice() -> None:
    reg = registry(a_2025_01_01=entry(tools=("mcp_toolset",) * 2, fields=("thread", "thread")))
    assert [(p.field, p.message) for p in integrity.check(reg)] == [
        ("tools", "mcp_toolset is listed twice"),
        ("fields", "thread is listed twice"),
    ]


def test_a_ga_beta_gates_nothing() -> None:
    reg = registry(a_2025_01_01=entry(status="ga", tools=("web_fetch_20250910",)))
    assert problems(reg) == [("a-2025-01-01", "tools")]
    reg = registry(a_2025_01_01=entry(status="ga", fields=("diagnostics",)))
    (problem,) = integrity.check(reg)
    assert problem.field == "fields" and problem.message.startswith("a GA beta gates nothing")


@pytest.mark.parametrize("status", ["active", "deprecated", "superseded", "retired"])
def test_other_statuses_may_gate(status: str) -> None:
    extra: dict[str, Any] = {"superseded_by": ("a-2026-01-01",)} if status == "superseded" else {}
    reg = registry(
        a_2025_01_01=entry(status=status, tools=("computer_20241022",), fields=("x",), **extra),
        a_2026_01_01=entry(),
    )
    assert problems(reg) == []
