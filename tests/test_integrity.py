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
