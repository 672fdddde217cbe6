"""Per-rule snapshots (tests/rules/README.md): each rule's input gives exactly its checked-in
output on the mini registry; every rule has one, so a new rule without a snapshot fails."""

from __future__ import annotations

import json

import pytest
from _snapshots import UPDATE_COMMAND, expected_path, inputs, linter, render

from betalint.linter.engine import Linter
from betalint.linter.rules import RULES


@pytest.fixture(scope="module")
def engine() -> Linter:
    return linter()


def test_every_rule_has_a_snapshot_and_every_snapshot_a_rule() -> None:
    found = inputs()
    missing = sorted(set(RULES) - set(found))
    assert not missing, f"write tests/rules/snapshots/<CODE>.<ext> for {missing}"
    assert sorted(set(found) - set(RULES)) == []


@pytest.mark.parametrize("code", sorted(RULES))
def test_snapshot(engine: Linter, code: str) -> None:
    path = inputs()[code]
    expected = expected_path(code)
    assert expected.exists(), f"{expected.name} is missing: run {UPDATE_COMMAND}"
    got = render(path, engine)
    assert got == expected.read_text(encoding="utf-8"), (
        f"{path.name}: the engine's output changed; if that is intended, run {UPDATE_COMMAND} "
        "and review the diff"
    )
    # The input exercises its own rule (the positive case), not only its neighbours'.
    assert code in {row["code"] for row in json.loads(got)}
