"""registry/validator.py (and suggest.py): the verdict table against the SHIPPED registry.

`today` is fixed so the table does not rot as lifecycles move on; the `today` semantics
themselves are tested on a small registry in tests/data/registries/lifecycle.toml.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.registry.loader import load_registry
from betalint.registry.model import Registry
from betalint.registry.suggest import within_one_edit
from betalint.registry.validator import classify, effective_status, latest_successor

TODAY = dt.date(2026, 11, 25)
DATA = Path(__file__).parent / "data" / "registries"


@pytest.fixture(scope="module")
def shipped() -> Registry:
    return load_registry()


@pytest.fixture(scope="module")
def lifecycle() -> Registry:
    return load_registry(base=DATA / "lifecycle.toml")


# (name, kind, replacement, certain)
TABLE: tuple[tuple[str, str, str | None, bool], ...] = (
    # valid
    ("computer-use-2025-01-24", "valid", None, False),
    ("claude-code-20250219", "valid", None, False),  # pattern-exempt: never "fixed"
    ("interleaved-thinking-2025-05-14", "valid", None, False),
    ("mcp-client-2025-11-20", "valid", None, False),
    ("context-management-2025-06-27", "valid", None, False),
    # malformed, with the corrected name when it is a registry name
    ("files-api-2025-4-14", "malformed", "files-api-2025-04-14", True),
    ("files-api-20250414", "malformed", "files-api-2025-04-14", True),
    ("files_api_2025_04_14", "malformed", "files-api-2025-04-14", True),
    ("Files-API-2025-04-14", "malformed", "files-api-2025-04-14", True),
    (" computer-use-2025-01-24 ", "malformed", "computer-use-2025-01-24", True),
    ("files--api-2025-04-14", "malformed", "files-api-2025-04-14", True),
    ("-files-api-2025-04-14", "malformed", "files-api-2025-04-14", True),
    ("files-api-2025-04-14-", "malformed", "files-api-2025-04-14", True),
    ("computer-use-2025-1-24", "malformed", "computer-use-2025-01-24", True),
    ("files-api-2025-02-30", "malformed", None, False),
    ("files-api", "malformed", None, False),
    ("files-api-", "malformed", None, False),
    ("files-api-2025-4-15", "malformed", "files-api-2025-04-15", False),  # well formed, unknown
    ("", "malformed", None, False),
    # unknown, with a did-you-mean that is certain only when there is one candidate
    ("prompt-cacheing-2024-07-31", "unknown", "prompt-caching-2024-07-31", True),
    ("computr-use-2025-01-24", "unknown", "computer-use-2025-01-24", True),
    ("computer-use-2025-01-25", "unknown", "computer-use-2025-01-24", True),
    ("mcp-client-2025-11-21", "unknown", "mcp-client-2025-11-20", True),
    ("server-side-fallback-2026-06-03", "unknown", None, False),  # three candidates
    ("claude-code-2025-02-19", "unknown", None, False),
    ("foo-bar-2025-01-01", "unknown", None, False),
    # superseded (deprecated with a successor and no removal date reads as superseded)
    ("mcp-client-2025-04-04", "superseded", "mcp-client-2025-11-20", False),
    ("code-execution-2025-05-22", "superseded", "code-execution-2025-08-25", False),
    ("fallback-credit-2026-06-01", "superseded", "fallback-credit-2026-07-01", False),
    ("mcp-tunnels-2026-05-19", "superseded", "mcp-tunnels-2026-06-22", False),
    # the chain is followed to its end: 03-24 → 08-18 → 09-04
    ("user-profiles-2026-03-24", "superseded", "user-profiles-2026-09-04", False),
    # ga: the header is no longer needed, nothing to write instead
    ("prompt-caching-2024-07-31", "ga", None, False),
    ("files-api-2025-04-14", "ga", None, False),
    ("tools-2024-04-04", "ga", None, False),
    ("context-1m-2025-08-07", "ga", None, False),
    # deprecated
    ("token-efficient-tools-2025-02-19", "deprecated", None, False),
    # retired, with the successor when there is one
    ("computer-use-2024-10-22", "retired", "computer-use-2025-01-24", False),
    ("output-128k-2025-02-19", "retired", None, False),
    ("interleaved-thinking-2025-04-14", "retired", "interleaved-thinking-2025-05-14", False),
    ("prompt-tools-2025-04-02", "retired", None, False),
)


@pytest.mark.parametrize(("name", "kind", "replacement", "certain"), TABLE)
def test_verdict_table(
    shipped: Registry, name: str, kind: str, replacement: str | None, certain: bool
) -> None:
    v = classify(name, today=TODAY, registry=shipped)
    assert (v.name, v.kind, v.replacement, v.certain) == (name, kind, replacement, certain)
    assert v.ok == (kind == "valid")
    assert v.message and "\n" not in v.message


def test_table_covers_every_kind() -> None:
    assert {kind for _, kind, _, _ in TABLE} == {
        "valid",
        "malformed",
        "unknown",
        "superseded",
        "ga",
        "deprecated",
        "retired",
    }
    assert len(TABLE) >= 30


def test_malformed_message_and_problem(shipped: Registry) -> None:
    v = classify("files-api-2025-4-14", today=TODAY, registry=shipped)
    assert v.problem == "date-digits"
    assert "month and day take two digits" in v.message
    assert "write files-api-2025-04-14" in v.message
    assert v.canonical == "files-api-2025-04-14"
    assert v.docs_url == shipped.entries["files-api-2025-04-14"].docs_url


def test_invalid_date(shipped: Registry) -> None:
    v = classify("files-api-2025-02-30", today=TODAY, registry=shipped)
    assert (v.kind, v.problem, v.replacement) == ("malformed", "invalid-date", None)
    assert "not a calendar date" in v.message


def test_malformed_correction_that_is_not_a_registry_name(shipped: Registry) -> None:
    v = classify("files-api-2025-4-15", today=TODAY, registry=shipped)
    assert "not a known beta name either" in v.message
    assert v.canonical is None


def test_unknown_did_you_mean(shipped: Registry) -> None:
    v = classify("prompt-cacheing-2024-07-31", today=TODAY, registry=shipped)
    assert "did you mean prompt-caching-2024-07-31" in v.message
    assert v.suggestions == ("prompt-caching-2024-07-31",)
    # the suggestion is itself GA: the message says so
    assert "no longer needed" in v.message


def test_unknown_several_candidates(shipped: Registry) -> None:
    v = classify("server-side-fallback-2026-06-03", today=TODAY, registry=shipped)
    assert v.suggestions == (
        "server-side-fallback-2026-06-01",
        "server-side-fallback-2026-06-02",
        "server-side-fallback-2026-06-09",
    )
    assert " or " in v.message


def test_superseded_names_the_successor(shipped: Registry) -> None:
    v = classify("mcp-client-2025-04-04", today=TODAY, registry=shipped)
    assert "mcp-client-2025-11-20" in v.message
    assert v.canonical == "mcp-client-2025-04-04"


def test_ga_says_no_longer_needed(shipped: Registry) -> None:
    v = classify("prompt-caching-2024-07-31", today=TODAY, registry=shipped)
    assert "no longer needed" in v.message
    assert "2024-12-17" in v.message  # since when
    assert v.docs_url is not None and v.docs_url.startswith("https://")


def test_retired_without_successor_says_remove(shipped: Registry) -> None:
    v = classify("output-128k-2025-02-19", today=TODAY, registry=shipped)
    assert "remove it" in v.message


def test_low_confidence_is_said(shipped: Registry) -> None:
    low = classify("claude-code-20250219", today=TODAY, registry=shipped)
    high = classify("computer-use-2025-01-24", today=TODAY, registry=shipped)
    assert "low confidence" in low.message
    assert "low confidence" not in high.message


def test_the_default_registry_is_the_shipped_one(shipped: Registry) -> None:
    for name in ("computer-use-2025-01-24", "mcp-client-2025-04-04", "output-128k-2025-02-19"):
        assert classify(name, today=TODAY) == classify(name, today=TODAY, registry=shipped)


def test_the_default_today_is_the_real_today(lifecycle: Registry) -> None:
    # sunset-2025-01-01 stops working on 2026-06-01 (ON): without `today` the verdict is the
    # one for date.today(), whichever side of that date the clock is on.
    today = dt.date.today()
    default = classify("sunset-2025-01-01", registry=lifecycle)
    assert default == classify("sunset-2025-01-01", today=today, registry=lifecycle)
    assert default.kind == ("retired" if today >= ON else "deprecated")


# `today` semantics on tests/data/registries/lifecycle.toml (dates around 2026-06-01).
BEFORE, ON = dt.date(2026, 5, 31), dt.date(2026, 6, 1)


@pytest.mark.parametrize(
    ("name", "before", "on"),
    (
        ("future-ga-2025-01-01", "valid", "ga"),
        ("sunset-2025-01-01", "deprecated", "retired"),
        ("future-retired-2025-01-01", "deprecated", "retired"),
        ("old-2025-01-01", "valid", "superseded"),
        ("moved-2025-01-01", "superseded", "superseded"),
    ),
)
def test_today(lifecycle: Registry, name: str, before: str, on: str) -> None:
    assert classify(name, today=BEFORE, registry=lifecycle).kind == before
    assert classify(name, today=ON, registry=lifecycle).kind == on
    assert classify(name, today=ON + dt.timedelta(days=400), registry=lifecycle).kind == on


def test_deprecated_message_gives_the_removal_date(lifecycle: Registry) -> None:
    v = classify("sunset-2025-01-01", today=BEFORE, registry=lifecycle)
    assert "stops working on 2026-06-01" in v.message


def test_future_retirement_reads_as_a_removal_date(lifecycle: Registry) -> None:
    v = classify("future-retired-2025-01-01", today=BEFORE, registry=lifecycle)
    assert "stops working on 2026-06-01" in v.message


def test_superseded_replacement_follows_status(lifecycle: Registry) -> None:
    assert classify("old-2025-01-01", today=ON, registry=lifecycle).replacement == "old-2025-09-09"
    assert classify("moved-2025-01-01", today=ON, registry=lifecycle).replacement == (
        "moved-2025-02-02"
    )


def test_effective_status(lifecycle: Registry) -> None:
    sunset = lifecycle.entries["sunset-2025-01-01"]
    assert effective_status(sunset, dt.date(2026, 1, 14)) == "active"  # before status_date
    assert effective_status(sunset, dt.date(2026, 1, 15)) == "deprecated"
    assert effective_status(sunset, ON) == "retired"


def test_latest_successor(lifecycle: Registry, shipped: Registry) -> None:
    assert latest_successor("old-2025-01-01", lifecycle) == "old-2025-09-09"
    assert latest_successor("old-2025-09-09", lifecycle) is None
    assert latest_successor("not-there-2025-01-01", lifecycle) is None
    assert latest_successor("user-profiles-2026-03-24", shipped) == "user-profiles-2026-09-04"


# suggest.within_one_edit (shared with the scanner) against a reference: optimal string
# alignment distance at most one.


def _osa(a: str, b: str) -> int:
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    (
        ("caching", "cacheing", True),
        ("caching", "cachng", True),
        ("caching", "cacjing", True),
        ("caching", "cachign", True),
        ("caching", "caching", True),  # distance 0 is within one edit
        ("caching", "cahcign", False),
        ("ab", "ba", True),
        ("", "a", True),
        ("", "ab", False),
    ),
)
def test_within_one_edit_table(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected


@given(st.text("abc-", max_size=6), st.text("abc-", max_size=6))
def test_within_one_edit_is_osa_distance_at_most_one(a: str, b: str) -> None:
    assert within_one_edit(a, b) == (_osa(a, b) <= 1)


_NEAR = ["computer-use", "files-api", "-", "_", " ", "A", "2025-01-24", "20250124", "-4-", "x"]


@settings(max_examples=150)
@given(st.one_of(st.text(max_size=40), st.lists(st.sampled_from(_NEAR), max_size=6).map("".join)))
def test_classify_never_raises(shipped: Registry, text: str) -> None:
    v = classify(text, today=TODAY, registry=shipped)
    assert v.kind in {"valid", "malformed", "unknown", "superseded", "ga", "deprecated", "retired"}
    assert v.message and "\n" not in v.message.replace(repr(text), "")
    if v.certain:
        assert v.replacement in shipped
