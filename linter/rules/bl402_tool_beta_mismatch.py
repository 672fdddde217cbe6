"""BL402 tool-beta-mismatch: the call's tool version is not the one its beta enables.

Only for tool `type` literals of the same call or object as the betas (`linter.scan.calls`),
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
tool version can behave differently, and the model must support it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.fix.spelling import spell_like
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.calls import call_literals
from betalint.linter.scan.scanner import Candidate
from betalint.registry.model import Registry
from betalint.registry.validator import Verdict

# A tool's family is its type without the `_YYYYMMDD` version: `computer_20251124` → computer.
_VERSION = re.compile(r"_\d{8}$")


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
    families = {_VERSION.sub("", t) for t in entry.tools}
    used = {t for _, _, t in call.tools if _VERSION.sub("", t) in families}
    if len(used) != 1 or used & set(entry.tools):
        return  # no tool of this family, several versions, or the beta's own version
    (tool,) = used
    enablers = _enablers(tool, registry)
    sent = {m.canonical or m.written for m in group}
    if sent & set(enablers):
        return  # the list also sends the tool's own beta: BL302 speaks of the pair
    message = f"{name} is the beta of {', '.join(entry.tools)}, but this call's tool is {tool}"
    fix = None
    if len(enablers) == 1:
        spelled, certain = spell_like(c.written, name, enablers[0])
        message += f"; {tool} takes {enablers[0]}"
        edit = Edit(c.start, c.end, spelled)
        fix = Fix("unsafe" if certain else "display", (edit,), enablers[0], f"write {spelled}")
    yield file.at(RULE, c, message, name, fix, entry.docs_url)


def _enablers(tool: str, registry: Registry) -> list[str]:
    """The betas whose entries list `tool` among the types they enable."""
    return sorted(n for n, e in registry.entries.items() if tool in e.tools)


RULE = Rule.documented(
    __doc__, "BL402", "tool-beta-mismatch", "error", "unsafe", "candidate", check
)
