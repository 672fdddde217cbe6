"""registry.request_body and request_check on a caller's hostile containers: a list subclass
that fails to iterate, `str` subclasses whose hash, equality or formatting raise. The body
is read as far as it can be; nothing raises into the request."""

from __future__ import annotations

from typing import NoReturn

import pytest

from betalint.registry.request_body import read_body
from betalint.registry.request_check import check_request


class FailingList(list[object]):
    def __iter__(self) -> NoReturn:
        raise RuntimeError("iteration refused")


class Unhashable(str):
    __slots__ = ()

    def __hash__(self) -> NoReturn:
        raise RuntimeError("hash refused")

    def __eq__(self, other: object) -> NoReturn:
        raise RuntimeError("eq refused")


class Unprintable(str):
    __slots__ = ()

    def __str__(self) -> NoReturn:
        raise RuntimeError("str refused")

    def __format__(self, spec: str) -> NoReturn:
        raise RuntimeError("format refused")


def test_a_list_that_fails_to_iterate_is_unknown() -> None:
    facts = read_body(
        {"tools": FailingList([{"type": "bash_20250124"}]), "anthropic_beta": FailingList()}
    )
    assert facts.tools is None and facts.tools_seen == ()
    assert facts.betas == () and not facts.betas_complete


@pytest.mark.parametrize("kind", [Unhashable, Unprintable])
def test_string_subclasses_read_as_plain_strings(kind: type[str]) -> None:
    key = kind if kind is Unprintable else str  # an unhashable key cannot be in a dict at all
    body = {
        key("model"): kind("claude-opus-4-7"),
        "tools": [{"type": kind("computer_20251124")}],
        key("container"): {key("skills"): []},
        "anthropic_beta": [kind("context-1m-2025-08-07")],
    }
    facts = read_body(body)
    assert facts.model == "claude-opus-4-7" and type(facts.model) is str
    assert facts.tools == ("computer_20251124",)
    assert facts.fields == ("model", "tools", "container", "container.skills", "anthropic_beta")
    assert facts.betas == ("context-1m-2025-08-07",)


@pytest.mark.parametrize("kind", [Unhashable, Unprintable])
def test_check_request_judges_string_subclasses_as_their_text(kind: type[str]) -> None:
    body = {"model": kind("claude-opus-4-7"), "tools": [{"type": kind("computer_20251124")}]}
    problems = check_request(body, [kind("computer-use-2025-01-24")], platform="anthropic")
    plain = check_request(
        {"model": "claude-opus-4-7", "tools": [{"type": "computer_20251124"}]},
        ["computer-use-2025-01-24"],
        platform="anthropic",
    )
    assert problems == plain and any(p.kind == "tool-version-mismatch" for p in problems)
