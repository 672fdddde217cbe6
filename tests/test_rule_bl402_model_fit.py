"""BL402's fix writes the tool version's beta only when the call's model takes it: on a model
that ignores that beta the fix would trade BL402 for BL401 (and a second --fix round would then
remove the computer beta altogether), so it is shown, never applied. Shipped registry: the
computer_20251124 beta works on Opus 4.5 and later, not on Sonnet 4.5."""

from __future__ import annotations

import datetime as dt

import pytest

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.engine import Linter
from betalint.linter.fix.fixer import apply_edits

OLD, NEW = "computer-use-2025-01-24", "computer-use-2025-11-24"
CALL = (
    'client.beta.messages.create(\n    model="{model}",\n'
    '    tools=[{{"type": "computer_20251124", "name": "computer"}}],\n'
    '    betas=["{beta}", "interleaved-thinking-2025-05-14"],\n)\n'
)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter.create(today=dt.date(2026, 12, 1))


def _bl402(linter: Linter, text: str) -> Diagnostic:
    (found,) = [d for d in linter.check(text, "agent.py", frozenset({"BL402"}))]
    return found


def test_the_matching_beta_is_written_when_the_model_takes_it(linter: Linter) -> None:
    text = CALL.format(model="claude-opus-4-5", beta=OLD)
    found = _bl402(linter, text)
    assert found.fix is not None and found.fix.applicability == "unsafe"
    fixed = apply_edits(text, found.fix.edits)
    assert fixed == CALL.format(model="claude-opus-4-5", beta=NEW)
    assert not linter.check(fixed, "agent.py", frozenset({"BL401", "BL402"}))


def test_no_edit_when_the_model_ignores_the_matching_beta(linter: Linter) -> None:
    text = CALL.format(model="claude-sonnet-4-5", beta=OLD)
    assert linter.check(
        CALL.format(model="claude-sonnet-4-5", beta=NEW), "agent.py", frozenset({"BL401"})
    )
    found = _bl402(linter, text)
    assert found.fix is not None and found.fix.applicability == "display"
    assert found.fix.edits == ()
