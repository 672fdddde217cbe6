"""The shipped registry after the audit of 2026-12-04: each corrected entry gives its new
verdict on the right dates, no source cites an unofficial copy of proprietary code, and the
evidence-age check passes with every exception written down.
"""

from __future__ import annotations

import datetime as dt

import pytest

from betalint.registry import integrity
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.platforms import export_platform, platform_verdict
from betalint.registry.validator import classify

AUDIT_DAY = dt.date(2026, 12, 4)


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


def test_release_is_dated_the_audit_day(shipped: Registry) -> None:
    assert (shipped.version, shipped.date) == ("2026.12.04", AUDIT_DAY)


def test_shipped_registry_passes_the_evidence_age_check(shipped: Registry) -> None:
    assert shipped.evidence_age is not None and shipped.evidence_age.max_days == 90
    assert integrity.stale_evidence(shipped) == []
    assert all(e.reason.strip() for e in shipped.evidence_age.exceptions)


def test_without_its_exceptions_the_old_evidence_shows(shipped: Registry) -> None:
    """The check has teeth: the verdicts resting on the 2026-08-22 docs mirror are reported."""
    from dataclasses import replace

    bare = replace(shipped, evidence_age=replace(shipped.evidence_age, exceptions=()))
    stale = {p.name for p in integrity.stale_evidence(bare)}
    assert "interleaved-thinking-2025-05-14" in stale
    assert "mcp-client-2025-11-20" in stale  # bedrock/vertex: the 2026-08-22 connector page


def test_no_source_cites_an_unofficial_copy_of_proprietary_code(shipped: Registry) -> None:
    for name, entry in shipped.entries.items():
        cited = list(entry.sources)
        for support in entry.platforms.values():
            cited += [*support.sources, support.conflict or ""]
        assert [s for s in cited if integrity.denied_source(s)] == [], name


@pytest.mark.parametrize(
    "name",
    [
        "environments-2025-11-01",
        "ccr-triggers-2026-01-30",
        "cli-internal-2026-02-09",
        "summarize-connector-text-2026-03-13",
    ],
)
def test_names_known_only_from_leaked_code_are_unknown(shipped: Registry, name: str) -> None:
    assert name not in shipped
    assert classify(name, today=AUDIT_DAY, registry=shipped).kind == "unknown"


# --- the six corrected entries ---------------------------------------------------------------


def test_managed_agents_is_supported_on_bedrock(shipped: Registry) -> None:
    found = platform_verdict("managed-agents-2026-04-01", "bedrock", shipped)
    assert (found.status, found.evidence, found.confidence) == (
        "supported",
        "official-doc",
        "high",
    )
    assert found.conflict is not None and "2026-08-22" in found.conflict
    assert "managed-agents-2026-04-01" in export_platform(shipped, "bedrock")["allow"]


@pytest.mark.parametrize(
    ("platform", "status"),
    [
        ("foundry", "supported"),
        ("vertex", "supported"),
        ("google-cloud-anthropic", "supported"),
        ("claude-platform-aws", "unsupported"),
        ("bedrock", "unsupported"),
    ],
)
def test_fast_mode_platforms(shipped: Registry, platform: str, status: str) -> None:
    assert platform_verdict("fast-mode-2026-02-01", platform, shipped).status == status


@pytest.mark.parametrize(
    ("model", "today", "ok"),
    [
        ("claude-opus-4-8", "2026-11-29", True),
        ("claude-opus-4-8", "2026-11-30", False),  # fast mode removed on Opus 4.8 that day
        ("claude-opus-4-7", "2026-07-23", True),
        ("claude-opus-4-7", "2026-07-24", False),
        ("claude-opus-4-6", "2026-06-29", False),
        ("claude-opus-5", AUDIT_DAY.isoformat(), True),
        ("claude-fable-5-2", AUDIT_DAY.isoformat(), True),
    ],
)
def test_fast_mode_models_expire_on_their_dates(
    shipped: Registry, model: str, today: str, ok: bool
) -> None:
    day = dt.date.fromisoformat(today)
    assert classify("fast-mode-2026-02-01", today=day, registry=shipped, model=model).ok is ok


def test_fast_mode_on_vertex_names_fable_5_2(shipped: Registry) -> None:
    found = platform_verdict(
        "fast-mode-2026-02-01", "vertex", shipped, model="claude-opus-5", today=AUDIT_DAY
    )
    assert found.model_effect == "undocumented"


def test_structured_outputs_is_no_longer_denied_on_vertex(shipped: Registry) -> None:
    found = platform_verdict("structured-outputs-2025-11-13", "vertex", shipped)
    assert found.status == "supported"
    assert "structured-outputs-2025-11-13" not in export_platform(shipped, "vertex")["deny"]


def test_interleaved_thinking_has_no_effect_on_haiku_4_5(shipped: Registry) -> None:
    on_haiku = classify(
        "interleaved-thinking-2025-05-14",
        today=AUDIT_DAY,
        registry=shipped,
        model="claude-haiku-4-5",
    )
    assert not on_haiku.ok
    assert on_haiku.platform is not None and on_haiku.platform.model_effect == "no-effect"
    on_sonnet = classify(
        "interleaved-thinking-2025-05-14",
        today=AUDIT_DAY,
        registry=shipped,
        model="claude-sonnet-4-5",
    )
    assert on_sonnet.ok


@pytest.mark.parametrize(("today", "kind"), [("2026-09-03", "valid"), ("2026-09-04", "superseded")])
def test_user_profiles_08_18_is_superseded_like_its_sibling(
    shipped: Registry, today: str, kind: str
) -> None:
    verdict = classify(
        "user-profiles-2026-08-18", today=dt.date.fromisoformat(today), registry=shipped
    )
    assert verdict.kind == kind
    assert shipped.entries["user-profiles-2026-03-24"].status == "superseded"


def test_mcp_servers_is_unknown_on_the_claude_api(shipped: Registry) -> None:
    found = platform_verdict("mcp-servers-2025-12-04", "anthropic", shipped)
    assert (found.status, found.confidence) == ("unknown", "low")
    exported = export_platform(shipped, "anthropic")
    assert "mcp-servers-2025-12-04" in exported["unknown"]
    assert "mcp-servers-2025-12-04" not in exported["deny"]


# --- the weaker findings -----------------------------------------------------------------------


def test_token_efficient_tools_stays_deprecated_with_its_reason(shipped: Registry) -> None:
    entry = shipped.entries["token-efficient-tools-2025-02-19"]
    assert entry.status == "deprecated"
    assert "output-128k-2025-02-19" in entry.notes  # the comparison the audit raised


def test_cache_diagnosis_on_foundry_is_unknown(shipped: Registry) -> None:
    assert platform_verdict("cache-diagnosis-2026-04-07", "foundry", shipped).status == "unknown"


@pytest.mark.parametrize("platform", ["anthropic", "vertex", "foundry"])
def test_old_computer_tool_errors_on_fable_5_2_off_bedrock(
    shipped: Registry, platform: str
) -> None:
    found = platform_verdict(
        "computer-use-2025-11-24", platform, shipped, model="claude-fable-5-2", today=AUDIT_DAY
    )
    assert found.model_effect == "rejected"
    on_bedrock = platform_verdict(
        "computer-use-2025-11-24", "bedrock", shipped, model="claude-fable-5-2", today=AUDIT_DAY
    )
    assert on_bedrock.model_effect != "rejected"


def test_a_name_released_after_the_registry_is_newer(shipped: Registry) -> None:
    verdict = classify("new-feature-2026-12-10", today=dt.date(2026, 12, 20), registry=shipped)
    assert (verdict.kind, verdict.ok) == ("newer", True)
    assert "newer than this registry (2026-12-04)" in verdict.message


@pytest.mark.parametrize(
    ("platform", "last_day_with_effect"),
    [("anthropic", "2026-04-29"), ("vertex", "2026-03-30"), ("bedrock", "2026-04-24")],
)
def test_context_1m_stops_working_on_sonnet_4_5_by_date(
    shipped: Registry, platform: str, last_day_with_effect: str
) -> None:
    """The hand-made "no effect" rows became dated: each platform's own day."""
    last = dt.date.fromisoformat(last_day_with_effect)
    model = "claude-sonnet-4-5"
    name = "context-1m-2025-08-07"
    before = platform_verdict(name, platform, shipped, model=model, today=last)
    after = platform_verdict(name, platform, shipped, model=model, today=last + dt.timedelta(1))
    assert before.model_effect is None
    assert after.model_effect == "no-effect"


@pytest.mark.parametrize(
    ("platform", "status"),
    [
        ("claude-platform-aws", "supported"),
        ("google-cloud-anthropic", "supported"),
        ("vertex", "unsupported"),
        ("foundry", "unsupported"),
    ],
)
def test_managed_agents_on_the_platforms_its_page_lists(
    shipped: Registry, platform: str, status: str
) -> None:
    found = platform_verdict("managed-agents-2026-04-01", platform, shipped)
    assert (found.status, found.confidence) == (status, "high")


@pytest.mark.parametrize(
    ("name", "model", "last_day"),
    [
        ("computer-use-2025-01-24", "claude-3-7-sonnet-20250219", "2026-02-18"),
        ("max-tokens-3-5-sonnet-2024-07-15", "claude-3-5-sonnet-20240620", "2025-10-27"),
    ],
)
def test_a_retired_model_leaves_the_list_on_its_retirement_day(
    shipped: Registry, name: str, model: str, last_day: str
) -> None:
    last = dt.date.fromisoformat(last_day)
    before = platform_verdict(name, "anthropic", shipped, model=model, today=last)
    after = platform_verdict(name, "anthropic", shipped, model=model, today=last + dt.timedelta(1))
    assert before.model_effect is None
    assert after.model_effect == "no-effect"
