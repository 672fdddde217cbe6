"""BL403 field-without-beta: the call sends a body field or tool type that needs a beta, and
none of the betas that enable it.

Only for calls whose betas lists and `anthropic-beta` headers are all literal (a list built
from a variable may hold the beta), and fields and tool types written at the call's own level
(`linter.scan.call_fields`); the registry says which betas gate which fields (`fields`) and
tool types (`tools`). A field or tool whose beta is GA needs none; one whose betas are all
retired is left to BL205.

## What it does
Reports a request body field (`mcp_servers`, `context_management`, `container.skills`) or a
tool type (`mcp_toolset`) of a Python or Ruby call, a TS/JS or Go request object, a JSON
body (Bedrock's `anthropic_beta` list too), a curl command's `-d` body or an `.http`
request, when the call's own betas list or header sends none of the betas whose registry
entries list that field or tool.

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

## Fix safety
Unsafe insertion of the enabling beta at the end of the call's betas list or header, only
when exactly one current (neither superseded nor retired) beta enables the field or tool:
the beta may change how the request behaves, and the model must support it. Otherwise the
fix is shown and never applied; so is it when the call sends an older beta superseded by
the enabling one (the upgrade is BL202's fix, not a second name beside the old one).
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.rules.call_view import CallView, call_view, names_gated
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.call_check import CallProblem
from betalint.registry.validator import Verdict

_KINDS = ("field-without-beta", "tool-without-beta")


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    if not names_gated(file):
        return
    view = call_view(file, c)
    if view is None or not view.first(c):
        return  # a per-call finding: once, from the call's first name
    for problem in view.problems:
        if problem.kind not in _KINDS or problem.subject is None:
            continue
        span = _span(view, problem)
        if span is None:
            continue
        entry = file.linter.registry.get(problem.suggested or "")
        yield file.diagnostic(
            RULE,
            *span,
            problem.message,
            problem.subject,
            problem.suggested,
            c.context,
            _fix(file, view, problem),
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


RULE = Rule.documented(
    __doc__, "BL403", "field-without-beta", "error", "unsafe", "candidate", check
)
