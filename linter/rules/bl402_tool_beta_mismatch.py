"""BL402 tool-beta-mismatch: the call's tool version is not the one its beta enables.

Only for tool `type` literals (or the official SDKs' tool classes,
`BetaToolComputerUse20250124`) of the same call or object as the betas (`linter.scan.calls`),
and betas whose registry entry lists the tool types they enable (`tools`, from the tools'
docs).

## What it does
Reports a beta that enables one version of a tool (`computer-use-2025-01-24`:
`computer_20250124`) in a call whose tool literal is another version of that tool
(`computer_20251124`), unless another beta of the same list enables that version.

## Why is this bad?
A dated tool type works only with its own beta header: the request fails with a 400, or the
tool is not the version the code was written for.

## Example
    client.beta.messages.create(
        model="claude-opus-4-5",
        tools=[{"type": "computer_20251124", "name": "computer", ...}],
        betas=["computer-use-2025-01-24"],  # → computer-use-2025-11-24
    )

## Fix safety
Unsafe, and only when exactly one beta in the registry enables the call's tool version: a new
tool version can behave differently. Shown, never applied, when the call's literal model
rejects or ignores that beta (the tool version or the model is what must change).
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.fix.spelling import spell_like
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.calls import call_literals
from betalint.linter.scan.scanner import Candidate
from betalint.registry.call_check import CallFacts, model_problem, tool_version_problem
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    name = c.canonical or c.written
    registry = file.linter.registry
    entry = registry.get(name)
    if entry is None or not entry.tools or c.group is None:
        return
    if c.context not in ("header-value", "betas-list", "sdk-constant"):  # constants in lists too
        return
    group = file.groups()[c.group]
    call = call_literals(file.text, file.path, group[0].start, group[-1].end)
    if call is None:
        return
    sent = tuple(m.canonical or m.written for m in group)
    facts = CallFacts(call.model, sent, tools_seen=tuple(t for _, _, t in call.tools))
    found = tool_version_problem(name, facts, registry)
    if found is None:
        return
    fix = None
    if found.suggested is not None and _misfits(file, found.suggested, call.model):
        fix = Fix("display", (), None, "change the tool version or the model by hand")
    elif found.suggested is not None:
        spelled, certain = spell_like(c.written, name, found.suggested)
        edit = Edit(c.start, c.end, spelled)
        fix = Fix("unsafe" if certain else "display", (edit,), found.suggested, f"write {spelled}")
    yield file.at(RULE, c, found.message, name, fix, entry.docs_url)


def _misfits(file: FileCheck, beta: str, model: str | None) -> bool:
    """Whether the call's literal model rejects or ignores `beta`: writing it would trade
    this finding for a BL401 one (`computer-use-2025-11-24` on claude-sonnet-4-5, whose
    tool version is the older one), so the right change is the tool's version or the model."""
    linter = file.linter
    return (
        model_problem(
            beta, model, linter.registry, file.pinned_platform(), linter.platforms, linter.today
        )
        is not None
    )


RULE = Rule.documented(
    __doc__, "BL402", "tool-beta-mismatch", "error", "unsafe", "candidate", check
)
