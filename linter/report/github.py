"""GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.escape import printable
from betalint.linter.report.meta import ReportMeta

_RANK = {"error": 0, "warning": 1}


def escape_data(text: str) -> str:
    """Escape a command's message (the part after `::`) as the runner's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as data, plus `:` and `,` which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """Errors first: GitHub shows only the first 10 annotations of each type per step."""
    ordered = sorted(diagnostics, key=lambda d: _RANK[d.severity])  # stable: keeps file order
    lines = [annotation(d, meta) for d in ordered]
    return "".join(line + "\n" for line in lines)


def annotation(d: Diagnostic, meta: ReportMeta) -> str:
    """`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CODE::message`.

    `file` is the path the runner matches against the checkout, so it is kept exact (the
    runner unescapes it); the message is also shown in the log, so its controls are escaped.
    """
    props = {
        "file": meta.path(d.path),
        "line": str(d.line),
        "col": str(d.column),
        "endLine": str(d.end_line),
        "endColumn": str(d.end_column),
        "title": f"{d.code} ({d.rule})",
    }
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{d.severity} {joined}::{_message(f'{d.code} {d.message}')}"


def _message(text: str) -> str:
    """A message: line breaks as the runner's `%0A` (a multi-line annotation), every other
    control as a visible escape (the log would render ESC sequences)."""
    return escape_data("\n".join(printable(part) for part in text.split("\n")))


def notice(level: str, text: str) -> str:
    """A stderr notice as a workflow command, escaped as annotations are (`level` is
    `error`, `warning` or `notice`): the runner shows it, and no name in it can start a
    command of its own."""
    return f"::{level} title=betalint::{escape_data(printable(text))}"
