"""The call around a betas list as BL403/BL404 see it: its literals (`scan.calls`), its
fields, tools and betas lists (`scan.call_fields`), and `registry.call_check`'s decisions,
computed once per call of a file (every name of the call asks for the same view)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from betalint.linter.rules.file_check import FileCheck
from betalint.linter.scan.call_fields import CallShape, call_shape
from betalint.linter.scan.calls import CallLiterals, call_literals
from betalint.linter.scan.scanner import Candidate
from betalint.registry.call_check import CallFacts, CallProblem, check_call

_CONTEXTS = ("header-value", "betas-list", "sdk-constant")

# Betas sent by the client for every request, beside each call's own: a client's default
# headers (`default_headers=`, `defaultHeaders:`) or a Go header option. Matches
# `default_headers={"anthropic-beta"`, `defaultHeaders: {`, `option.WithHeader("anthropic-beta"`;
# not `extra_headers=` (the call's own) or `headers: {` of a fetch call.
_CLIENT_BETAS = re.compile(
    r"""default_?headers["']?\s*[:=]|WithHeader(?:Add)?\(\s*["']anthropic-beta""", re.I
)


@dataclass(frozen=True, slots=True)
class CallView:
    """One call: its span and literals, its shape, the names of its own betas lists and
    headers (`members`, in file order) and the problems `check_call` finds in it."""

    call: CallLiterals
    shape: CallShape
    members: tuple[Candidate, ...]
    facts: CallFacts
    problems: tuple[CallProblem, ...]

    def first(self, c: Candidate) -> bool:
        """`c` is the call's first name: per-call findings are reported once, from it."""
        return bool(self.members) and self.members[0] is c


def lists_betas(file: FileCheck) -> bool:
    """Whether a betas list or header of the file holds a name (a call can be read from it);
    most files' names are in prose, comments or other strings."""
    return any(c.group is not None and c.context in _CONTEXTS for c in file.candidates)


def names_gated(file: FileCheck) -> bool:
    """Whether the text holds the key of a field, or a tool type, that a beta gates (`mcp_servers`,
    Go's `MCPServers` too): without one, BL403 has nothing to find and no call is read."""
    if file.names_gated is None:
        lowered = file.text.lower()
        file.names_gated = any(n in lowered for n in file.linter.gated()[0])
    return file.names_gated


def call_view(file: FileCheck, c: Candidate) -> CallView | None:
    """The view of the call whose betas list or header holds `c`; None when `c` is in no
    call betalint can read, or not in the call's own betas (a nested request's)."""
    if c.group is None or c.context not in _CONTEXTS:
        return None
    if c.group not in file.calls:  # every name of a list shares its call: read it once
        file.calls[c.group] = _call_of(file, c.group)
    view = file.calls[c.group]
    return view if view is not None and any(m is c for m in view.members) else None


def _call_of(file: FileCheck, group_id: int) -> CallView | None:
    group = file.groups()[group_id]
    call = call_literals(file.text, file.path, group[0].start, group[-1].end)
    if call is None:
        return None
    for view in file.calls.values():  # a betas list and a header of one call share it
        if view is not None and (view.call.start, view.call.end) == (call.start, call.end):
            return view
    return _view(file, call)


def _view(file: FileCheck, call: CallLiterals) -> CallView | None:
    shape = call_shape(file.text, file.path, call)
    items = shape.beta_items or ()
    members = tuple(
        m
        for m in file.candidates
        if m.context in _CONTEXTS and any(s <= m.start and m.end <= e for s, e, _ in items)
    )
    if not members:
        return None
    # Complete: every item of every betas list and header holds a name the scan read (an
    # item from a variable, or a string the scanner did not take for a name, does not).
    complete = (
        shape.beta_items is not None
        and all(any(s <= m.start and m.end <= e for m in members) for s, e, _ in items)
        and not client_sends_betas(file)  # the client may send the missing one
    )
    # The registry's `fields` and `tools` are those of a Messages request (`messages` is its
    # one required key in every SDK): another endpoint's body (agents, files) is not read.
    messages = shape.fields is not None and "messages" in shape.fields
    facts = CallFacts(
        call.model,
        tuple(m.canonical or m.written for m in members),
        shape.tools if messages else None,
        shape.fields if messages else None,
        tools_seen=tuple(t for _, _, t in shape.tools_seen) if messages else (),
        betas_complete=complete,
    )
    return CallView(call, shape, members, facts, _problems(file, facts))


def unsent_view(file: FileCheck, call: CallLiterals, shape: CallShape) -> CallView:
    """The view of a Messages call that sends no beta at all (`scan.messages_calls`): its
    betas are complete and empty, unless the client's default headers may send some."""
    facts = CallFacts(
        call.model,
        (),
        shape.tools,
        shape.fields,
        tools_seen=tuple(t for _, _, t in shape.tools_seen),
        betas_complete=not client_sends_betas(file),
    )
    return CallView(call, shape, (), facts, _problems(file, facts))


def client_sends_betas(file: FileCheck) -> bool:
    """The file sets client default headers (or a Go header option) that may send betas."""
    return _CLIENT_BETAS.search(file.text) is not None


def _problems(file: FileCheck, facts: CallFacts) -> tuple[CallProblem, ...]:
    linter = file.linter
    problems = check_call(
        facts,
        linter.registry,
        platform=file.pinned_platform(),
        targets=linter.platforms,
        today=linter.today,
    )
    return tuple(problems)
