"""BL401 beta-model-mismatch: the beta is rejected on, or does nothing for, the model of the
call that sends it.

Only when the model is one string literal (or an official SDK's model constant) of the same
call or object as the betas list or header (`linter.scan.calls`); a model in a variable,
another call or a nested object is never guessed. Severity: error when sources report a 400
for that model, warning when the beta has no effect there.

## What it does
Reports a beta whose registry entry says it is rejected on, or has no effect on, the literal
model of the same call (a Python or Ruby call, a TS/JS object or `create(body, options)`, a
Go struct literal, a Java/Kotlin builder chain, a C# object initializer, PHP named arguments,
a JSON body, a curl command's `-d` body, an `.http` request, a YAML model-settings item; in
notebook cells and Markdown fences too). The platform is the one the file pins
through its client or the model id's own form (Bedrock, Vertex AI), else each configured
target, else the Claude API; the model lists are dated, as in `betalint validate --model`.

## Why is this bad?
A beta the model rejects fails the whole request with a 400 (`context-1m-2025-08-07` on
Opus 4.7); one it ignores does nothing while the code reads as if the feature were on
(`computer-use-2025-01-24` on Opus 4.7, which takes `computer-use-2025-11-24`).

## Example
    client.beta.messages.create(
        model="claude-opus-4-7",
        betas=["context-1m-2025-08-07"],  # 400 on claude-opus-4-7
    )

## Fix safety
Unsafe removal of the beta from its list (the right change may instead be another model);
shown but never applied when it is the only name in its list.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from betalint.linter.diagnostic import Diagnostic, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.calls import call_literals
from betalint.linter.scan.scanner import Candidate
from betalint.registry.call_check import MODEL_CHECKED, model_problem
from betalint.registry.validator import Verdict

# The verdict kinds `model_problem` speaks of: the others are settled here without reading
# the call.
_CHECKED = MODEL_CHECKED


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    name = c.canonical or c.written
    registry = file.linter.registry
    if c.group is None or verdict.kind not in _CHECKED or name not in registry:
        return
    # SDK constants in a list are sent too, and a model may be a constant (`CLAUDE_…`, `Claude…`).
    if c.context not in ("header-value", "betas-list", "sdk-constant"):
        return
    if not any(word in file.text for word in ("claude", "CLAUDE", "Claude")):
        return
    group = file.groups()[c.group]
    call = call_literals(file.text, file.path, group[0].start, group[-1].end)
    if call is None or call.model is None:
        return
    linter = file.linter
    found = model_problem(
        name, call.model, registry, file.pinned_platform(), linter.platforms, linter.today
    )
    if found is None:
        return
    edit = file.removal(c)
    fix = (
        Fix("unsafe", (edit,), None, f"remove {c.written}")
        if edit is not None
        else Fix("display", (), None, f"remove {c.written} or change the model by hand")
    )
    entry = registry.get(name)
    message = f"{found.message} (the model of this call)"
    diagnostic = file.at(RULE, c, message, name, fix, entry.docs_url if entry else None)
    yield diagnostic if found.kind == "model-rejected" else replace(diagnostic, severity="warning")


RULE = Rule.documented(
    __doc__, "BL401", "beta-model-mismatch", "error", "unsafe", "candidate", check
)
