"""The shipped betas.toml: sound as a whole, and a few facts that must not drift."""

from __future__ import annotations

import tomllib

import pytest

from betalint.registry import integrity
from betalint.registry.grammar import BetaNameError, parse
from betalint.registry.loader import load_registry, shipped_registry_path
from betalint.registry.model import Registry
from betalint.registry.schema import STATUSES


@pytest.fixture(scope="module")
def reg() -> Registry:
    return load_registry()


def test_integrity_check_is_empty(reg: Registry) -> None:
    assert integrity.check(reg) == []


def test_size(reg: Registry) -> None:
    assert len(reg) >= 94


def test_every_entry_has_sources(reg: Registry) -> None:
    def sourced(sources: tuple[str, ...]) -> bool:
        return bool(sources) and all(s.strip() for s in sources)

    assert [n for n, e in reg.entries.items() if not sourced(e.sources)] == []


def test_every_successor_exists_and_is_later(reg: Registry) -> None:
    for name, entry in reg.entries.items():
        for successor in entry.superseded_by:
            assert successor in reg, (name, successor)
            try:
                assert parse(successor).date > parse(name).date, (name, successor)
            except BetaNameError:
                assert reg.entries[name].pattern_exempt or reg.entries[successor].pattern_exempt


def test_every_name_parses_or_is_exempt(reg: Registry) -> None:
    for name, entry in reg.entries.items():
        try:
            parse(name)
        except BetaNameError:
            assert entry.pattern_exempt, name
        else:
            assert entry.pattern_exempt is None, name


def test_every_status_occurs(reg: Registry) -> None:
    assert {e.status for e in reg.entries.values()} == set(STATUSES)


def test_header_and_version(reg: Registry) -> None:
    raw = tomllib.loads(shipped_registry_path().read_text(encoding="utf-8"))
    assert raw["schema_version"] == 1
    assert reg.version == raw["registry_version"]
    assert reg.date == raw["registry_date"]
    # CalVer of the data (DESIGN §4), matching its date
    assert tuple(int(part) for part in reg.version.split(".")) == (
        reg.date.year,
        reg.date.month,
        reg.date.day,
    )


def test_claude_code_is_pattern_exempt(reg: Registry) -> None:
    entry = reg.entries["claude-code-20250219"]
    assert entry.pattern_exempt
    with pytest.raises(BetaNameError):
        parse("claude-code-20250219")


def test_agent_memory_conflict_is_scoped_on_both_entries(reg: Registry) -> None:
    memory = reg.entries["agent-memory-2026-07-22"]
    agents = reg.entries["managed-agents-2026-04-01"]
    (a,) = [c for c in memory.conflicts_with if c.name == "managed-agents-2026-04-01"]
    (b,) = [c for c in agents.conflicts_with if c.name == "agent-memory-2026-07-22"]
    assert a.scope == b.scope == "/v1/memory_stores"
    assert a.reason and b.reason


@pytest.mark.parametrize(
    ("name", "status"),
    (
        ("computer-use-2025-01-24", "active"),
        ("prompt-caching-2024-07-31", "ga"),
        ("files-api-2025-04-14", "ga"),
        ("mcp-client-2025-04-04", "deprecated"),
        ("computer-use-2024-10-22", "retired"),
        ("code-execution-2025-05-22", "superseded"),
    ),
)
def test_known_statuses(reg: Registry, name: str, status: str) -> None:
    assert reg.entries[name].status == status


def test_mcp_client_successor(reg: Registry) -> None:
    assert reg.entries["mcp-client-2025-04-04"].superseded_by == ("mcp-client-2025-11-20",)


def test_features_index(reg: Registry) -> None:
    assert "computer-use" in reg.features()
    assert reg.versions_of("computer-use") == (
        "computer-use-2024-10-22",
        "computer-use-2025-01-24",
        "computer-use-2025-11-24",
    )
    assert reg.versions_of("claude-code") == ("claude-code-20250219",)


def test_tool_types_and_their_betas(reg: Registry) -> None:
    """BL402's data: every `tools` item is a tool type (dated, or `mcp_toolset`, which the
    tool reference says is versioned by its header), each dated version is enabled by one
    beta only (BL402's fix names that beta), and an entry listing tools cites a tool source."""
    import re

    owners: dict[str, list[str]] = {}
    for name, entry in reg.entries.items():
        for tool in entry.tools:
            assert re.fullmatch(r"[a-z][a-z0-9_]*_\d{8}|mcp_toolset", tool), (name, tool)
            owners.setdefault(tool, []).append(name)
        if entry.tools:
            assert any("tool" in s for s in entry.sources), name
    shared = {t: sorted(n) for t, n in owners.items() if len(n) != 1}
    assert shared == {"mcp_toolset": ["mcp-client-2025-11-20", "mcp-client-2026-09-15"]}
    assert owners["computer_20251124"] == ["computer-use-2025-11-24"]
    assert owners["computer_20250124"] == ["computer-use-2025-01-24"]
    assert owners["bash_20241022"] == ["computer-use-2024-10-22"]
    assert owners["advisor_20260301"] == ["advisor-tool-2026-03-01"]


def test_tools_that_need_no_header_are_not_listed(reg: Registry) -> None:
    """The tool reference gives these beta header 'None' (GA tools): no entry may claim
    them, or the gated-tool check would report calls that are fine."""
    listed = {t for e in reg.entries.values() for t in e.tools}
    ga_tools = {
        "bash_20250124",
        "text_editor_20250124",
        "text_editor_20250728",
        "code_execution_20250522",
        "code_execution_20250825",
        "web_fetch_20250910",
        "web_search_20250305",
        "memory_20250818",
        "tool_search_tool_regex_20251119",
        "computer_toolset_20260801",
    }
    assert listed.isdisjoint(ga_tools)


def test_gated_fields(reg: Registry) -> None:
    """Request fields and the betas that gate them; a GA beta gates nothing."""
    gates: dict[str, set[str]] = {}
    for name, entry in reg.entries.items():
        for path in entry.fields:
            gates.setdefault(path, set()).add(name)
        if entry.status == "ga":
            assert not entry.fields and not entry.tools, name
    assert gates["mcp_servers"] == {
        "mcp-client-2025-04-04",
        "mcp-client-2025-11-20",
        "mcp-client-2026-09-15",
    }
    assert gates["context_management"] == {"context-management-2025-06-27", "compact-2026-01-12"}
    assert gates["fallbacks"] == {
        "server-side-fallback-2026-06-01",
        "server-side-fallback-2026-07-01",
    }
    # GA since (skills 2026-08-19, cache diagnostics 2026-09-23, effort/format 2026-01/02).
    for ga_path in ("container.skills", "diagnostics", "output_config", "output_config.effort"):
        assert ga_path not in gates


def test_each_tool_and_field_is_explained_in_its_notes(reg: Registry) -> None:
    """Every `tools` / `fields` item is named in its entry's notes, which say what decided it."""
    for name, entry in reg.entries.items():
        for item in (*entry.tools, *entry.fields):
            assert item in entry.notes, (name, item)
