"""registry.request_check: the call-level checks on a request body, as written and as it leaves.

On tests/data/registries/request.toml (its header says what each entry is for), with the
tests' fixed today.
"""

from __future__ import annotations

import pickle
import warnings
from functools import lru_cache
from typing import Any

import pytest
from _registries import REGISTRIES, TODAY
from hypothesis import given, settings
from hypothesis import strategies as st
from test_request_body import JSONISH

import betalint
from betalint.registry import integrity
from betalint.registry.call_check import CallProblem
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.request_check import (
    BetaCallError,
    BetaCallWarning,
    additions,
    call_facts,
    check_on_problem,
    check_request,
    react,
)

REQUEST = REGISTRIES / "request.toml"
MESSAGES = [{"role": "user", "content": "Hello"}]
MCP = [{"type": "url", "url": "https://mcp.example.com/sse", "name": "example"}]
COMPUTER = {"type": "computer_20251124", "name": "computer", "display_width_px": 1024}


@lru_cache(maxsize=1)
def registry() -> Registry:
    return load_registry(base=REQUEST)


def body(**fields: Any) -> dict[str, Any]:
    return {"model": "claude-sonnet-4-5", "max_tokens": 16, "messages": MESSAGES, **fields}


def check(request_body: object, betas: list[str], platform: str = "anthropic", **kw: Any) -> Any:
    return check_request(
        request_body, betas, platform=platform, registry=registry(), today=TODAY, **kw
    )


def kinds(problems: list[CallProblem]) -> list[tuple[str, str | None]]:
    return [(p.kind, p.subject) for p in problems]


def test_the_request_registry_is_sound() -> None:
    assert integrity.check(registry()) == []


def test_a_field_without_its_beta_and_its_look_alike_with_it() -> None:
    assert kinds(check(body(mcp_servers=MCP), [])) == [("field-without-beta", "mcp_servers")]
    assert check(body(mcp_servers=MCP), ["mcp-client-2025-11-20"]) == []
    (problem,) = check(body(container={"skills": []}), ["context-management-2025-06-27"])
    assert (problem.kind, problem.subject, problem.suggested) == (
        "field-without-beta",
        "container.skills",
        "skills-2025-10-02",
    )
    assert check(body(container="container_011"), []) == []  # an id: no skills in it


def test_a_tool_version_that_its_beta_does_not_match() -> None:
    (problem,) = check(body(tools=[COMPUTER]), ["computer-use-2025-01-24"])
    assert problem.kind == "tool-version-mismatch"
    assert (problem.beta, problem.subject) == ("computer-use-2025-01-24", "computer_20251124")
    assert problem.suggested == "computer-use-2025-11-24"
    assert check(body(tools=[COMPUTER]), ["computer-use-2025-11-24"]) == []


def test_a_tool_without_its_beta() -> None:
    toolset = {"type": "mcp_toolset", "mcp_server_name": "example"}
    problems = check(body(tools=[toolset], mcp_servers=MCP), [])
    assert kinds(problems) == [
        ("field-without-beta", "mcp_servers"),
        ("tool-without-beta", "mcp_toolset"),
    ]


def test_a_beta_the_model_rejects_is_reported_and_said_to_be_dropped() -> None:
    (problem,) = check(body(model="claude-haiku-4-5"), ["context-1m-2025-08-07"])
    assert problem.kind == "model-rejected" and problem.subject == "claude-haiku-4-5"
    assert problem.message.endswith("betalint's filter drops it")
    assert check(body(), ["context-1m-2025-08-07"]) == []  # the look-alike: another model


def test_the_model_argument_wins_over_the_body() -> None:
    """A gateway knows the deployment's model; the body may name a model group."""
    problems = check(body(model="my-group"), ["context-1m-2025-08-07"], model="claude-haiku-4-5")
    assert kinds(problems) == [("model-rejected", "claude-haiku-4-5")]


def test_a_gate_the_platform_refuses_is_missing_on_the_way_out_and_says_why() -> None:
    """Bedrock refuses the mcp-client beta: the filter drops it, so mcp_servers goes alone."""
    (problem,) = check(body(mcp_servers=MCP), ["mcp-client-2025-11-20"], platform="bedrock")
    assert (problem.kind, problem.subject) == ("field-without-beta", "mcp_servers")
    assert "mcp-client-2025-11-20 was dropped (" in problem.message
    assert check(body(mcp_servers=MCP), ["mcp-client-2025-11-20"], platform="anthropic") == []


def test_a_mapped_name_still_counts_as_the_beta_written() -> None:
    """On Bedrock advanced-tool-use leaves as tool-search-tool; nothing is missing for it."""
    assert check(body(), ["advanced-tool-use-2025-11-20"], platform="bedrock") == []


def test_a_kept_unknown_name_silences_the_missing_checks() -> None:
    newer = "mcp-client-2026-05-01"  # perhaps the beta that enables mcp_servers now
    assert check(body(mcp_servers=MCP), [newer], unknown="keep") == []
    assert check(body(mcp_servers=MCP), [newer], unknown="raise") == []
    dropped = check(body(mcp_servers=MCP), [newer])  # "drop": it does not leave
    assert kinds(dropped) == [("field-without-beta", "mcp_servers")]


def test_unreadable_body_betas_silence_the_missing_checks() -> None:
    assert check(body(mcp_servers=MCP, anthropic_beta=["x", 3]), []) == []


def test_body_betas_count_as_sent() -> None:
    assert check(body(mcp_servers=MCP, anthropic_beta=["mcp-client-2025-11-20"]), []) == []


@pytest.mark.parametrize("odd", [None, "text", [1, 2], {"tools": "x", "model": 3}, b"\x00"])
def test_an_odd_body_is_silent_not_an_error(odd: object) -> None:
    assert check(odd, ["computer-use-2025-01-24", "context-1m-2025-08-07"]) == []


def test_beta_unused_only_when_asked() -> None:
    assert check(body(), ["mcp-client-2025-11-20"]) == []
    (problem,) = check(body(), ["mcp-client-2025-11-20"], unused=True)
    assert (problem.kind, problem.beta, problem.severity) == (
        "beta-unused",
        "mcp-client-2025-11-20",
        "info",
    )
    assert check(body(mcp_servers=MCP), ["mcp-client-2025-11-20"], unused=True) == []


def test_call_facts_is_the_body_and_header_as_call_check_reads_them() -> None:
    facts = call_facts(body(tools=[COMPUTER]), ["a-2025-01-01,b-2025-02-02"], model="m")
    assert facts.model == "m" and facts.betas == ("a-2025-01-01", "b-2025-02-02")
    assert facts.tools == ("computer_20251124",)
    assert facts.fields is not None and "tools" in facts.fields


def test_an_unknown_platform_fails() -> None:
    with pytest.raises(betalint.BetalintError, match="unknown platform"):
        check(body(), [], platform="bedrok")


# --- react: what the caller chose ----------------------------------------------------------

ERROR = CallProblem("field-without-beta", None, "mcp_servers", "needs mcp-client")
WARNING = CallProblem("model-no-effect", "b-2025-01-01", "m", "does nothing on m")


def test_warn_warns_once_per_problem_with_the_problem_attached() -> None:
    with pytest.warns(BetaCallWarning) as caught:
        react([ERROR, WARNING], "warn")
    assert [w.message.problem for w in caught] == [ERROR, WARNING]  # type: ignore[union-attr]
    assert str(caught[0].message) == "betalint: needs mcp-client [field-without-beta]"


def test_raise_raises_for_errors_and_warns_for_the_rest() -> None:
    with pytest.raises(BetaCallError) as raised:
        react([WARNING, ERROR], "raise")
    assert raised.value.problems == (ERROR,)
    assert isinstance(raised.value, betalint.BetalintError)
    assert str(raised.value) == "request not sent: needs mcp-client"
    with pytest.warns(BetaCallWarning):
        react([WARNING], "raise")


def test_the_warning_and_the_error_survive_pickling() -> None:
    """Both cross process boundaries (a worker pool, a logging queue) with their problems."""
    warning = pickle.loads(pickle.dumps(BetaCallWarning(ERROR)))
    assert warning.problem == ERROR and str(warning) == str(BetaCallWarning(ERROR))
    error = pickle.loads(pickle.dumps(BetaCallError([ERROR, WARNING])))
    assert error.problems == (ERROR, WARNING) and str(error) == str(BetaCallError([ERROR, WARNING]))


def test_ignore_and_no_problems_do_nothing() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        react([ERROR], "ignore")
        react([], "raise")


def test_a_bad_reaction_fails_at_set_up() -> None:
    assert check_on_problem("raise") == "raise"
    with pytest.raises(ValueError, match="on_problem= takes one of warn, raise, ignore"):
        check_on_problem("drop")


# --- additions: the opt-in fix -------------------------------------------------------------


def test_additions_are_the_suggested_betas_the_platform_takes() -> None:
    problems = check(
        body(tools=[COMPUTER], mcp_servers=MCP, container={"skills": []}),
        ["computer-use-2025-01-24"],
    )
    added = additions(problems, platform="anthropic", model=None, registry=registry(), today=TODAY)
    assert added == {
        "computer-use-2025-11-24": "computer-use-2025-11-24",
        "skills-2025-10-02": "skills-2025-10-02",
        "mcp-client-2025-11-20": "mcp-client-2025-11-20",
    }


def test_no_addition_the_platform_would_refuse() -> None:
    problems = check(body(mcp_servers=MCP), [], platform="bedrock")
    assert kinds(problems) == [("field-without-beta", "mcp_servers")]
    assert additions(problems, platform="bedrock", model=None, registry=registry()) == {}


def test_no_addition_without_one_suggested_beta() -> None:
    rejected = check(body(model="claude-haiku-4-5"), ["context-1m-2025-08-07"])
    assert additions(rejected, platform="anthropic", model=None, registry=registry()) == {}


def test_a_mismatched_tool_whose_beta_is_dropped_is_reported_once() -> None:
    """claude-opus-4-7 rejects computer-use-2025-01-24 here: the filter drops it, and the
    tool leaves with no beta at all. The mismatch already says what to send."""
    problems = check(body(model="claude-opus-4-7", tools=[COMPUTER]), ["computer-use-2025-01-24"])
    assert kinds(problems) == [
        ("model-rejected", "claude-opus-4-7"),
        ("tool-version-mismatch", "computer_20251124"),
    ]
    alone = check(body(model="claude-opus-4-7", tools=[COMPUTER]), [])
    assert kinds(alone) == [("tool-without-beta", "computer_20251124")]


@settings(max_examples=80, deadline=None)
@given(
    JSONISH | st.dictionaries(st.sampled_from([*body(), "tools", "mcp_servers"]), JSONISH),
    st.lists(JSONISH | st.sampled_from(["mcp-client-2025-11-20", "computer-use-2025-01-24"])),
)
def test_any_body_and_header_values_give_problems_never_an_exception(
    request_body: object, headers: list[object]
) -> None:
    for platform in ("anthropic", "bedrock"):
        problems = check_request(
            request_body, headers, platform=platform, registry=registry(), today=TODAY
        )
        assert all(isinstance(p, CallProblem) and p.message for p in problems)


def test_no_addition_where_the_fix_is_upgrading_a_sent_beta() -> None:
    toolset = {"type": "mcp_toolset", "mcp_server_name": "example"}
    problems = check(body(tools=[toolset], mcp_servers=MCP), ["mcp-client-2025-04-04"])
    (problem,) = problems
    assert (problem.kind, problem.replaces) == ("tool-without-beta", "mcp-client-2025-04-04")
    assert additions(problems, platform="anthropic", model=None, registry=registry()) == {}
