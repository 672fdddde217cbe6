"""BL403 field-without-beta: the call sends a body field or tool type that needs a beta, and
none of the betas that enable it.

Only for calls whose betas lists and `anthropic-beta` headers are all literal (a list built
from a variable may hold the beta), and fields and tool types written at the call's own level
(`linter.scan.call_fields`); the registry says which betas gate which fields (`fields`) and
tool types (`tools`). A field or tool whose beta is GA needs none; one whose betas are all
retired is left to BL205.

Two ways to a call: from a beta name the scanner found in its betas list or header, and
(file scope, since no name is there to start from) from a gated key of a Messages call that
sends no beta at all (`linter.scan.messages_calls`): `messages` and `model` keys, a Messages
callee or endpoint, no betas, headers, `**kwargs` or spread, and no client default headers
in the file.

## What it does
Reports a request body field (`mcp_servers`, `context_management`, `container.skills`) or a
tool type (`mcp_toolset`) of a Python or Ruby call, a TS/JS or Go request object, a JSON
body (Bedrock's `anthropic_beta` list too), a curl command's `-d` body or an `.http`
request, when the call's own betas list or header sends none of the betas whose registry
entries list that field or tool; and the same field or tool in a Messages call that sends
no beta at all (`client.messages.create(..., mcp_servers=[...])`, a curl command to
`/v1/messages` without an `anthropic-beta` header).

## Why is this bad?
The API accepts such a field only with its beta: without it the whole request fails with a
400 ("Extra inputs are not permitted", or an unknown tool type), often only once the code
path runs in production.

## Example
    client.beta.messages.create(
        model="claude-sonnet-4-5",
        mcp_servers=[{"type": "url", "url": MCP_URL, "name": "docs"}],
        betas=["interleaved-thinking-2025-05-14"],  # → add mcp-client-2025-11-20
    )
    client.messages.create(
        model="claude-sonnet-4-5",
        messages=msgs,
        context_management={"edits": [...]},  # no beta at all → send context-management-…
    )

## Fix safety
Unsafe insertion of the enabling beta at the end of the call's betas list or header, only
when exactly one current (neither superseded nor retired) beta enables the field or tool:
the beta may change how the request behaves, and the model must support it. Otherwise the
fix is shown and never applied; so is it when the call sends an older beta superseded by
the enabling one (the upgrade is BL202's fix, not a second name beside the old one). On a
call that sends no beta, the same unsafe fix adds a `betas` argument after the last one,
only on Python and TS/JS `client.beta.messages` calls (the non-beta namespace takes no
`betas`); elsewhere it is shown only (a Go `Betas` field, a curl `-H`).
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.betas_insertion import betas_insertion
from betalint.linter.rules.call_view import (
    CallView,
    call_view,
    gated_keys,
    names_gated,
    unsent_view,
)
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.call_fields_builders import beta_insertion
from betalint.linter.scan.languages import language_for_path
from betalint.linter.scan.messages_calls import unsent_calls
from betalint.registry.call_check import CallProblem

_KINDS = ("field-without-beta", "tool-without-beta")


def check(file: FileCheck) -> Iterator[Diagnostic]:
    """Calls found from their betas (one finding per call, from its first name), then the
    Messages calls that send no beta at all, found from their gated keys."""
    if not names_gated(file):
        return
    for c in file.candidates:
        view = call_view(file, c)
        if view is not None and view.first(c):
            yield from _report(file, view, c.context)
    for call, shape in unsent_calls(file.text, file.path, sorted(gated_keys(file))):
        yield from _report(file, unsent_view(file, call, shape), "call")


def _report(file: FileCheck, view: CallView, context: str) -> Iterator[Diagnostic]:
    for problem in view.problems:
        if problem.kind not in _KINDS or problem.subject is None:
            continue
        span = _span(view, problem)
        if span is None:
            continue
        entry = file.linter.registry.get(problem.suggested or "")
        fix = _fix(file, view, problem) if view.members else _unsent_fix(file, view, problem)
        yield file.diagnostic(
            RULE,
            *span,
            problem.message,
            problem.subject,
            problem.suggested,
            context,
            fix,
            entry.docs_url if entry else None,
        )


def _span(view: CallView, problem: CallProblem) -> tuple[int, int] | None:
    """Where the field's key or the tool's type literal is written in the call."""
    if problem.kind == "field-without-beta":
        found = [(s, e) for s, e, path in view.shape.keys if path == problem.subject]
    else:
        found = [(s, e) for s, e, tool in view.shape.tools_seen if tool == problem.subject]
    return found[0] if found else None


def _fix(file: FileCheck, view: CallView, problem: CallProblem) -> Fix:
    beta = problem.suggested
    items = view.shape.beta_items or ()
    if problem.replaces is not None:
        target = beta or " or ".join(problem.options)
        return Fix("display", (), None, f"replace {problem.replaces} with {target}")
    if beta is None or not items:
        return Fix("display", (), None, f"add one of {', '.join(problem.options)} by hand")
    if language_for_path(file.path) in ("java", "kotlin"):  # a chain: one more `.addBeta("…")`
        found = beta_insertion(file.text, view.call, beta)
        if found is None:
            return Fix("display", (), None, f'add .addBeta("{beta}") by hand')
        return Fix("unsafe", (Edit(found[0], found[0], found[1]),), beta, f"add {beta}")
    start, end, header = items[-1]
    quote = file.text[start] if file.text[start] in "\"'" else None
    if header:
        value = file.text[start:end]
        sep = ", " if ", " in value else ","
        edit = Edit(end - 1 if quote else end, end - 1 if quote else end, f"{sep}{beta}")
    else:
        q = quote or '"'
        edit = Edit(end, end, f", {q}{beta}{q}")
    return Fix("unsafe", (edit,), beta, f"add {beta}")


# How each language sends a beta with the call, for the fix shown on a call that sends none.
_HOW = {
    "python": 'betas=["{beta}"] on client.beta.messages',
    "ruby": 'betas: ["{beta}"] on client.beta.messages',
    "js": "betas: ['{beta}'] on client.beta.messages",
    "go": 'Betas: []anthropic.AnthropicBeta{{"{beta}"}}',
    "shell": '-H "anthropic-beta: {beta}"',
    "http": "an anthropic-beta: {beta} header",
}


def _unsent_fix(file: FileCheck, view: CallView, problem: CallProblem) -> Fix:
    """An unsafe `betas` argument where the SDK surely takes one (`rules.betas_insertion`);
    else shown only: how to send the beta depends on the SDK and its version."""
    beta = problem.suggested
    if beta is None:
        return Fix("display", (), None, f"send one of {', '.join(problem.options)}")
    lang = language_for_path(file.path)
    edit = betas_insertion(file.text, lang, view.call, beta)
    if edit is not None:
        return Fix("unsafe", (edit,), beta, f"add {beta}")
    how = _HOW.get(lang, "the anthropic-beta header {beta}")
    return Fix(
        "display", (), None, f"send {problem.suggested}: {how.format(beta=problem.suggested)}"
    )


RULE = Rule.documented(__doc__, "BL403", "field-without-beta", "error", "unsafe", "file", check)
