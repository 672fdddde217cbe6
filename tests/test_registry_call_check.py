"""`registry.call_check.check_call` on the mini registry: each kind of problem beside the
look-alike that must stay silent (unknown facts, the enabling beta sent, a GA or retired
enabler)."""

from __future__ import annotations

import pytest
from _registries import TODAY

from betalint.registry.call_check import CallFacts, CallProblem, check_call, platform_of
from betalint.registry.model import Registry

CURRENT_MCP, OLD_MCP = "mcp-client-2025-11-20", "mcp-client-2025-04-04"


def problems(registry: Registry, facts: CallFacts) -> list[CallProblem]:
    return check_call(facts, registry, today=TODAY)


def kinds(found: list[CallProblem]) -> list[tuple[str, str | None, str | None]]:
    return [(p.kind, p.beta, p.subject) for p in found]


def test_model_rejected_and_no_effect(mini_registry: Registry) -> None:
    beta = ("context-1m-2025-08-07",)
    (rejected,) = problems(mini_registry, CallFacts("claude-opus-4-7", beta))
    assert (rejected.kind, rejected.severity) == ("model-rejected", "error")
    (ignored,) = problems(mini_registry, CallFacts("claude-haiku-4-5", beta))
    assert (ignored.kind, ignored.severity) == ("model-no-effect", "warning")
    assert problems(mini_registry, CallFacts("claude-sonnet-4-5", beta)) == []
    assert problems(mini_registry, CallFacts(None, beta)) == []


def test_ended_support_says_when(mini_registry: Registry) -> None:
    (found,) = problems(
        mini_registry, CallFacts("claude-3-7-sonnet-20250219", ("context-1m-2025-08-07",))
    )
    assert "support ended 2026-02-19 (model retired)" in found.message


def test_the_model_form_names_its_platform() -> None:
    assert platform_of("us.anthropic.claude-sonnet-4-5-20250929-v1:0") == "bedrock"
    assert platform_of("claude-sonnet-4-5@20250929") == "vertex"
    assert platform_of("claude-sonnet-4-5-20250929") is None


def test_tool_version_mismatch_suggests_the_one_beta(mini_registry: Registry) -> None:
    facts = CallFacts(None, ("computer-use-2025-01-24",), ("computer_20251124",), frozenset())
    (found,) = problems(mini_registry, facts)
    assert (found.kind, found.suggested) == ("tool-version-mismatch", "computer-use-2025-11-24")
    both = CallFacts(
        None, ("computer-use-2025-01-24", "computer-use-2025-11-24"), ("computer_20251124",)
    )
    assert problems(mini_registry, both) == []


@pytest.mark.parametrize(
    ("fields", "betas", "expected"),
    [
        ({"mcp_servers"}, (), [("field-without-beta", None, "mcp_servers")]),
        ({"mcp_servers"}, (OLD_MCP,), []),  # a superseded enabler still enables it
        ({"mcp_servers"}, (CURRENT_MCP,), []),
        ({"container.skills"}, (), [("field-without-beta", None, "container.skills")]),
        ({"container"}, (), []),  # the parent alone is not the gated path
        ({"skills"}, (), []),  # the same key at the wrong level
        (
            {"context_management", "model"},
            ("files-api-2025-04-14",),
            [("field-without-beta", None, "context_management")],
        ),
    ],
)
def test_gated_fields(
    mini_registry: Registry,
    fields: set[str],
    betas: tuple[str, ...],
    expected: list[tuple[str, str | None, str | None]],
) -> None:
    facts = CallFacts(None, betas, None, frozenset(fields))
    assert kinds([p for p in problems(mini_registry, facts) if p.kind != "beta-unused"]) == expected


def test_the_suggestion_is_the_one_current_enabler(mini_registry: Registry) -> None:
    (found,) = problems(mini_registry, CallFacts(None, (), None, frozenset({"mcp_servers"})))
    assert found.suggested == CURRENT_MCP  # not the superseded one
    assert f"accepted only with {CURRENT_MCP}" in found.message


def test_gated_tool_without_beta(mini_registry: Registry) -> None:
    facts = CallFacts(None, ("files-api-2025-04-14",), ("mcp_toolset",), frozenset({"tools"}))
    (found,) = problems(mini_registry, facts)
    assert (found.kind, found.subject, found.suggested) == (
        "tool-without-beta",
        "mcp_toolset",
        CURRENT_MCP,
    )
    # A tool whose only enabler is retired is BL205's business; another version of the
    # tool's beta is a version mismatch, not a missing beta.
    retired = CallFacts(None, (), ("computer_20241022",), frozenset({"tools"}))
    assert problems(mini_registry, retired) == []
    other = CallFacts(None, ("computer-use-2025-01-24",), ("computer_20251124",), frozenset())
    assert kinds(problems(mini_registry, other)) == [
        ("tool-version-mismatch", "computer-use-2025-01-24", "computer_20251124")
    ]


def test_incomplete_betas_say_nothing_of_missing_or_unused(mini_registry: Registry) -> None:
    facts = CallFacts(
        None, (CURRENT_MCP,), (), frozenset({"container.skills"}), betas_complete=False
    )
    assert problems(mini_registry, facts) == []


@pytest.mark.parametrize(
    ("tools", "fields", "unused"),
    [
        ((), frozenset({"model", "messages"}), True),
        (None, frozenset({"model"}), False),  # tools unknown
        ((), None, False),  # fields unknown
        (("mcp_toolset",), frozenset({"tools"}), False),
        ((), frozenset({"mcp_servers"}), False),
    ],
)
def test_beta_unused(
    mini_registry: Registry,
    tools: tuple[str, ...] | None,
    fields: frozenset[str] | None,
    unused: bool,
) -> None:
    found = problems(mini_registry, CallFacts(None, (CURRENT_MCP,), tools, fields))
    assert (kinds(found) == [("beta-unused", CURRENT_MCP, None)]) is unused
    assert all(p.severity == "info" for p in found if p.kind == "beta-unused")


def test_unused_counts_a_parent_of_unknown_shape_as_maybe_used(mini_registry: Registry) -> None:
    facts = CallFacts(None, ("skills-2025-10-02",), (), frozenset({"container"}))
    assert problems(mini_registry, facts) == []
    facts = CallFacts(None, ("skills-2025-10-02",), (), frozenset({"model"}))
    assert kinds(problems(mini_registry, facts)) == [("beta-unused", "skills-2025-10-02", None)]


def test_names_without_tools_or_fields_are_never_unused(mini_registry: Registry) -> None:
    facts = CallFacts(None, ("files-api-2025-04-14",), (), frozenset({"model"}))
    assert problems(mini_registry, facts) == []


@pytest.mark.parametrize(
    ("model", "platform", "targets", "unused"),
    [
        ("claude-sonnet-4-5", None, (), True),
        ("claude-sonnet-4-5", "anthropic", (), True),
        ("claude-sonnet-4-5", None, ("anthropic",), True),
        # Another platform may still need the beta for what the Claude API made GA.
        ("claude-sonnet-4-5", "bedrock", (), False),
        ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", None, (), False),
        ("claude-sonnet-4-5@20250929", None, (), False),
        (None, None, ("anthropic", "vertex"), False),
    ],
)
def test_unused_only_for_the_claude_api(
    mini_registry: Registry,
    model: str | None,
    platform: str | None,
    targets: tuple[str, ...],
    unused: bool,
) -> None:
    facts = CallFacts(model, (CURRENT_MCP,), (), frozenset({"model", "messages"}))
    found = check_call(facts, mini_registry, platform=platform, targets=targets, today=TODAY)
    assert any(p.kind == "beta-unused" for p in found) is unused
