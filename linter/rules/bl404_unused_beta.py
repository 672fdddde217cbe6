"""BL404 unused-beta: the call sends a beta for tools or fields it does not use.

Off by default (`select` or `extend-select` it: `--extend-select BL404`), and informational:
it never makes `check` exit 1. Only for betas whose registry entry lists the tool types or
body fields they enable (`tools`, `fields`), in calls whose tools list and body fields are
all literal (`linter.scan.call_fields`): a `**kwargs`, a spread, a tools list from a
variable or a non-literal `extra_body` could hold the use, and keeps it silent.

## What it does
Reports a beta whose entry says it enables only certain tools or fields (`mcp-client-…`:
`mcp_servers`, `mcp_toolset`) in a call that writes all its tools and fields as literals and
uses none of them.

## Why is this bad?
A beta sent for nothing is noise at best: it reads as if the feature were on, keeps a name
alive that may be retired later (and then fails the request), and can change behaviour the
code does not expect. Often it is left over from copied code or a removed feature.

## Example
    client.beta.messages.create(
        model="claude-sonnet-4-5",
        messages=[{"role": "user", "content": "Hi"}],
        betas=["mcp-client-2025-11-20"],  # no mcp_servers, no mcp_toolset tool
    )

## Fix safety
No fix: the beta may be wanted for a use betalint cannot see (a field added by a wrapper at
run time), so removing it is left to the author.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.rules.call_view import call_view
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.validator import Verdict


def check(file: FileCheck, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
    name = c.canonical or c.written
    entry = file.linter.registry.get(name)
    if entry is None or not (entry.tools or entry.fields):
        return
    view = call_view(file, c)
    if view is None:
        return
    first = next(m for m in view.members if (m.canonical or m.written) == name)
    if first is not c:
        return  # the same name twice is BL301's; say this once
    for problem in view.problems:
        if problem.kind == "beta-unused" and problem.beta == name:
            yield file.at(RULE, c, problem.message, name, None, entry.docs_url)


RULE = Rule.documented(
    __doc__,
    "BL404",
    "unused-beta",
    "warning",
    "never",
    "candidate",
    check,
    fails=False,
    default_enabled=False,
    editor_tag="unnecessary",
)
