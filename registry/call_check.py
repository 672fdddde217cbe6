"""Decisions about one request: its betas against its own model, tools and body fields.

Pure and file-agnostic: the linter (BL401-BL404) builds `CallFacts` from the literals of a
call in source, the request-time side from a request body at hand; both get the same
`CallProblem`s from `check_call`. Precision over recall: whatever is not known (a model in a
variable, a tools list built elsewhere, a body with `**kwargs`) is None, and the checks that
need it say nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from betalint.registry.platforms import PlatformVerdict, model_in, parse_target, platform_verdict
from betalint.registry.schema import span_of
from betalint.registry.validator import classify, effective_status

if TYPE_CHECKING:
    from betalint.registry.model import Registry
    from betalint.registry.schema import BetaEntry

__all__ = [
    "MODEL_CHECKED",
    "CallFacts",
    "CallProblem",
    "ProblemKind",
    "check_call",
    "enablers",
    "platform_of",
    "tool_family",
]

ProblemKind = Literal[
    "model-rejected",
    "model-no-effect",
    "tool-version-mismatch",
    "field-without-beta",
    "tool-without-beta",
    "beta-unused",
]


@dataclass(frozen=True, slots=True)
class CallFacts:
    """What one call (or request body) is known to send.

    `model`: the one literal model, else None. `betas`: the names sent (canonical spelling);
    `betas_complete` says they are all of them (a literal list or header, nothing added from
    a variable). `tools`: every tool `type` of the call, when the whole tools list is literal
    (() for no tools), else None. `tools_seen`: tool types written as literals even when the
    list is not complete (enough to see a version mismatch). `fields`: the body's field paths
    (`mcp_servers`, `container.skills`: one level down where the value is a literal object),
    else None.
    """

    model: str | None
    betas: tuple[str, ...]
    tools: tuple[str, ...] | None = None
    fields: frozenset[str] | None = None
    tools_seen: tuple[str, ...] = ()
    betas_complete: bool = True

    @property
    def seen(self) -> tuple[str, ...]:
        """Every literal tool type known, complete list or not, in order, once each."""
        return tuple(dict.fromkeys((*(self.tools or ()), *self.tools_seen)))


@dataclass(frozen=True, slots=True)
class CallProblem:
    """One thing wrong with a call. `beta` is the name concerned (None for a field or tool
    that lacks its beta); `subject` the model, tool type or field path; `suggested` the one
    beta to send instead or in addition, when exactly one fits; `options` the betas that
    would do for a missing one (the current ones, else every one that still gates it);
    `replaces` a sent beta superseded by one of them (upgrade it rather than add one)."""

    kind: ProblemKind
    beta: str | None
    subject: str | None
    message: str
    suggested: str | None = None
    options: tuple[str, ...] = ()
    replaces: str | None = None

    @property
    def severity(self) -> Literal["error", "warning", "info"]:
        if self.kind == "model-no-effect":
            return "warning"
        return "info" if self.kind == "beta-unused" else "error"


# Verdict kinds the model check speaks of; retired, unknown and malformed names are other
# rules' (and other filters') business. A GA name only when the model rejects it: that it
# does nothing anyway is already said elsewhere.
MODEL_CHECKED = frozenset({"valid", "superseded", "deprecated", "ga"})
# Statuses under which a beta still gates what it enables: a GA beta's tools and fields work
# without it, a retired one's are gone (BL205 speaks of the name).
_GATING = frozenset({"active", "deprecated", "superseded"})


def check_call(
    facts: CallFacts,
    registry: Registry,
    *,
    platform: str | None = None,
    targets: Sequence[str] = (),
    today: dt.date,
) -> list[CallProblem]:
    """Every problem of `facts`, betas in their order, then fields and tools lacking a beta,
    then unused betas. `platform` is where the call is known to go (a pinned client);
    without it the model id's own form decides, else each of `targets`, else the Claude API.
    """
    problems: list[CallProblem] = []
    betas = tuple(dict.fromkeys(facts.betas))
    for name in betas:
        if name not in registry:
            continue
        problem = model_problem(name, facts.model, registry, platform, targets, today)
        if problem is not None:
            problems.append(problem)
        problem = tool_version_problem(name, facts, registry)
        if problem is not None:
            problems.append(problem)
    if facts.betas_complete:
        problems.extend(_missing(facts, registry, today))
        mismatched = {p.beta for p in problems if p.kind == "tool-version-mismatch"}
        if _claude_api(facts.model, platform, targets):
            unused = _unused(facts, registry, today)
            problems.extend(p for p in unused if p.beta not in mismatched)
    return problems


def model_problem(
    name: str,
    model: str | None,
    registry: Registry,
    platform: str | None,
    targets: Sequence[str],
    today: dt.date,
) -> CallProblem | None:
    """`name` is rejected on, or does nothing for, `model` (by the registry's dated lists)."""
    if model is None:
        return None
    kind = classify(name, today=today, registry=registry).kind
    if kind not in MODEL_CHECKED:
        return None
    found = _mismatch(name, model, registry, platform, targets, today)
    if found is None or (kind == "ga" and found.model_effect != "rejected"):
        return None
    entry = registry.get(name)
    ended = _ended(name, entry, model, today) if entry else None
    effect: ProblemKind = (
        "model-rejected" if found.model_effect == "rejected" else "model-no-effect"
    )
    return CallProblem(effect, name, model, ended or found.model_message or found.message)


def _mismatch(
    name: str,
    model: str,
    registry: Registry,
    platform: str | None,
    targets: Sequence[str],
    today: dt.date,
) -> PlatformVerdict | None:
    """The first target on which `model` rejects `name` or ignores it; None when none does.
    "Undocumented" (sources name other models only) is not enough evidence to report."""
    pinned = platform or platform_of(model)
    for spec in [pinned] if pinned else list(targets) or ["anthropic"]:
        found = platform_verdict(name, parse_target(spec), registry, model=model, today=today)
        if found.model_effect in ("rejected", "no-effect"):
            return found
    return None


# A model id written in a platform's own form says where the call goes:
# Bedrock `us.anthropic.claude-sonnet-4-5-20250929-v1:0`, `anthropic.claude-…`; Vertex AI
# `claude-sonnet-4-5@20250929`. Not `claude-sonnet-4-5-20250929` (the Claude API's form).
_BEDROCK_MODEL = re.compile(r"^(?:[a-z]{2,4}\.)?anthropic\.|-v\d+(?::\d+)?$")


def platform_of(model: str) -> str | None:
    """The platform a model id's own form names (Bedrock, Vertex AI), else None."""
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


# A tool's family is its type without the `_YYYYMMDD` version: `computer_20251124` → computer;
# `mcp_toolset` (no version) is its own family.
_VERSION = re.compile(r"_\d{8}$")


def tool_family(tool: str) -> str:
    """`computer_20251124` → `computer`; an undated type is its own family."""
    return _VERSION.sub("", tool)


def enablers(registry: Registry, *, tool: str | None = None, field: str | None = None) -> list[str]:
    """The betas whose entries list `tool` among the types, or `field` among the body fields,
    they enable; sorted."""
    return sorted(
        n
        for n, e in registry.entries.items()
        if (tool is not None and tool in e.tools) or (field is not None and field in e.fields)
    )


def tool_version_problem(name: str, facts: CallFacts, registry: Registry) -> CallProblem | None:
    """`name` enables one version of a tool and the call's tool is another version of it."""
    entry = registry.get(name)
    if entry is None or not entry.tools:
        return None
    families = {tool_family(t) for t in entry.tools}
    used = {t for t in facts.seen if tool_family(t) in families}
    if len(used) != 1 or used & set(entry.tools):
        return None  # no tool of this family, several versions, or the beta's own version
    (tool,) = used
    found = enablers(registry, tool=tool)
    if set(facts.betas) & set(found):
        return None  # the call also sends the tool's own beta: BL302 speaks of the pair
    message = f"{name} is the beta of {', '.join(entry.tools)}, but this call's tool is {tool}"
    suggested = None
    if len(found) == 1:
        suggested = found[0]
        message += f"; {tool} takes {suggested}"
    return CallProblem("tool-version-mismatch", name, tool, message, suggested)


def _current(names: list[str], registry: Registry, today: dt.date) -> list[str]:
    """The names worth suggesting: neither superseded nor retired (nor GA) on `today`, the
    active ones where there are any (a deprecated beta only when nothing newer does)."""
    fresh = [
        n
        for n in names
        if not registry.entries[n].superseded_by
        and effective_status(registry.entries[n], today) in ("active", "deprecated")
    ]
    active = [n for n in fresh if effective_status(registry.entries[n], today) == "active"]
    return active or fresh


def _gated_by(
    registry: Registry, today: dt.date, *, tool: str | None = None, field: str | None = None
) -> list[str]:
    """The betas that still gate `tool` or `field` (empty: it needs none, or it is gone)."""
    found = enablers(registry, tool=tool, field=field)
    live = [n for n in found if effective_status(registry.entries[n], today) in _GATING]
    # One GA enabler means the feature is generally available: no beta needed any more.
    if any(effective_status(registry.entries[n], today) == "ga" for n in found):
        return []
    return live


def _missing(facts: CallFacts, registry: Registry, today: dt.date) -> list[CallProblem]:
    """Gated fields and tool types of the call with none of their betas in the call."""
    sent = set(facts.betas)
    sent_families = {
        tool_family(t) for n in sent if (e := registry.get(n)) is not None for t in e.tools
    }
    problems: list[CallProblem] = []
    for path in sorted(facts.fields or ()):
        gate = _gated_by(registry, today, field=path)
        if gate and not sent & set(gate):
            problems.append(
                _lacking("field-without-beta", "field", path, gate, facts, registry, today)
            )
    for tool in facts.seen:
        gate = _gated_by(registry, today, tool=tool)
        # Another version of the tool's beta is sent: a version mismatch (BL402), not this.
        if gate and not sent & set(gate) and tool_family(tool) not in sent_families:
            problems.append(
                _lacking("tool-without-beta", "tool type", tool, gate, facts, registry, today)
            )
    return problems


def _lacking(
    kind: ProblemKind,
    what: str,
    subject: str,
    gate: list[str],
    facts: CallFacts,
    registry: Registry,
    today: dt.date,
) -> CallProblem:
    current = _current(gate, registry, today)
    suggested = current[0] if len(current) == 1 else None
    options = tuple(current or gate)
    needs = " or ".join(options)
    message = f"the {what} {subject} is accepted only with {needs}, which this call does not send"
    # A sent beta whose successor is one of them: the upgrade (BL202's fix) is the change,
    # not a second name beside the old one.
    replaces = next((n for n in facts.betas if set(_successors(n, registry)) & set(options)), None)
    if replaces is not None:
        message += (
            f" ({replaces} is superseded by it)" if suggested else f" ({replaces} is superseded)"
        )
    return CallProblem(kind, None, subject, message, suggested, options, replaces)


def _successors(name: str, registry: Registry) -> list[str]:
    """Every name `name` is superseded by, following the chain (bounded by the registry)."""
    found: list[str] = []
    todo = [name]
    while todo and len(found) <= len(registry):
        entry = registry.get(todo.pop())
        for nxt in entry.superseded_by if entry else ():
            if nxt not in found and nxt != name:
                found.append(nxt)
                todo.append(nxt)
    return found


def _claude_api(model: str | None, platform: str | None, targets: Sequence[str]) -> bool:
    """The call goes to the Claude API only. Elsewhere a beta may still be needed for a tool
    the Claude API took out of beta (the memory tool under context-management-2025-06-27),
    so "unused" is said only where the registry's `tools` and `fields` are written for."""
    pinned = platform or (platform_of(model) if model else None)
    if pinned is not None:
        return parse_target(pinned).platform == "anthropic"
    return all(parse_target(t).platform == "anthropic" for t in targets)


def _unused(facts: CallFacts, registry: Registry, today: dt.date) -> list[CallProblem]:
    """Betas that enable only tools and fields, none of which the (fully known) call uses."""
    if facts.tools is None or facts.fields is None:
        return []
    tools = set(facts.tools)
    problems: list[CallProblem] = []
    for name in dict.fromkeys(facts.betas):
        entry = registry.get(name)
        if entry is None or not (entry.tools or entry.fields):
            continue
        if effective_status(entry, today) not in _GATING:
            continue  # GA and retired names have rules of their own (BL203, BL205)
        if tools & set(entry.tools) or any(_maybe_used(f, facts.fields) for f in entry.fields):
            continue
        several = len(entry.tools) + len(entry.fields) > 1
        tail = "none of which this call sends" if several else "which this call does not send"
        message = f"{name} is for {_uses(entry)}, {tail}"
        problems.append(CallProblem("beta-unused", name, None, message))
    return problems


def _uses(entry: BetaEntry) -> str:
    """`the tool type mcp_toolset and the field mcp_servers`."""
    parts = []
    for what, names in (("tool type", entry.tools), ("field", entry.fields)):
        if names:
            plural = "s" if len(names) > 1 else ""
            parts.append(f"the {what}{plural} {', '.join(names)}")
    return " and ".join(parts)


def _maybe_used(path: str, fields: frozenset[str]) -> bool:
    """`path` is in the call, or could be: `container.skills` when `container` is there with
    no key of it known (its value is not a literal object) counts as maybe."""
    parent, dot, _ = path.partition(".")
    if path in fields or not dot or parent not in fields:
        return path in fields
    return not any(f.startswith(parent + ".") for f in fields)
