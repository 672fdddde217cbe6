"""BL401 beta-model-mismatch: the beta is rejected on, or does nothing for, the model of the
call that sends it.

Only when the model is one string literal of the same call or object as the betas list or
header (`linter.scan.calls`); a model in a variable, another call or a nested object is never
guessed. Severity: error when sources report a 400 for that model, warning when the beta has
no effect there.

## What it does
Reports a beta whose registry entry says it is rejected on, or has no effect on, the literal
model of the same call (a Python call, a TS/JS object, a JSON body, a curl command's `-d`
body, an `.http` request, a YAML model-settings item). The platform is the one the file pins
through its client or the model id's own form (Bedrock, Vertex AI), else each configured
target, else the Claude API; the model lists are dated, as in `betalint validate --model`.

## Why is this bad?
A beta the model rejects fails the whole request with a 400 (`context-1m-2025-08-07` on
Opus 4.7); one it ignores does nothing while the code reads as if the feature were on
(`context-1m-2025-08-07` on a Haiku model).

## Example
    client.beta.messages.create(
        model="claude-haiku-4-5",
        betas=["context-1m-2025-08-07"],  # no effect on claude-haiku-4-5
    )

## Fix safety
Unsafe removal of the beta from its list (the right change may instead be another model);
shown but never applied when it is the only name in its list.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from betalint.linter.diagnostic import Diagnostic, Fix
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.calls import call_literals
from betalint.linter.scan.scanner import Candidate
from betalint.registry.platforms import PlatformVerdict, model_in, parse_target, platform_verdict
from betalint.registry.schema import BetaEntry, span_of
from betalint.registry.validator import Verdict

# Names other rules already settle: retired (BL205), unknown/malformed (BL1xx/BL201). A GA
# name is reported only when the model rejects it: BL203 already says it does nothing.
_CHECKED = frozenset({"valid", "superseded", "deprecated", "ga"})


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
    found = _mismatch(file, name, call.model)
    if found is None or (verdict.kind == "ga" and found.model_effect != "rejected"):
        return
    edit = file.removal(c)
    fix = (
        Fix("unsafe", (edit,), None, f"remove {c.written}")
        if edit is not None
        else Fix("display", (), None, f"remove {c.written} or change the model by hand")
    )
    entry = registry.get(name)
    ended = _ended(name, entry, call.model, file.linter.today) if entry else None
    message = f"{ended or found.model_message} (the model of this call)"
    diagnostic = file.at(RULE, c, message, name, fix, entry.docs_url if entry else None)
    yield (
        diagnostic if found.model_effect == "rejected" else replace(diagnostic, severity="warning")
    )


def _mismatch(file: FileCheck, name: str, model: str) -> PlatformVerdict | None:
    """The first target on which `model` rejects `name` or ignores it; None when none does.
    "Undocumented" (sources name other models only) is not enough evidence to report."""
    pinned = file.pinned_platform() or _platform_of(model)
    targets = [pinned] if pinned else list(file.linter.platforms) or ["anthropic"]
    registry = file.linter.registry
    today = file.linter.today
    for spec in targets:
        found = platform_verdict(name, parse_target(spec), registry, model=model, today=today)
        if found.model_effect in ("rejected", "no-effect"):
            return found
    return None


# A model id written in a platform's own form says where the call goes:
# Bedrock `us.anthropic.claude-sonnet-4-5-20250929-v1:0`, `anthropic.claude-…`; Vertex AI
# `claude-sonnet-4-5@20250929`. Not `claude-sonnet-4-5-20250929` (the Claude API's form).
_BEDROCK_MODEL = re.compile(r"^(?:[a-z]{2,4}\.)?anthropic\.|-v\d+(?::\d+)?$")


def _platform_of(model: str) -> str | None:
    if _BEDROCK_MODEL.search(model):
        return "bedrock"
    return "vertex" if "@" in model else None


def _ended(name: str, entry: BetaEntry, model: str, today: dt.date) -> str | None:
    """Why support for `model` ended, when the entry's dated list says it did (a retired
    model reads better as that than as "works only on" the others)."""
    for span in map(span_of, entry.models):
        if span.until is not None and span.until <= today and model_in(model, [span.id]):
            why = f" ({span.note})" if span.note else ""
            return f"{name} no longer works on {model}: support ended {span.until}{why}"
    return None


RULE = Rule.documented(
    __doc__, "BL401", "beta-model-mismatch", "error", "unsafe", "candidate", check
)
