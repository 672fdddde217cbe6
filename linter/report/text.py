"""The default output: `path:line:col: CODE [*] message`, then a one-line summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.report.escape import printable
from betalint.linter.report.meta import ReportMeta, applicable_counts, posix_path


def _style(text: str, color: bool, **styles: object) -> str:
    if not color:
        return text
    import click  # only a coloured report pays for it (~15 ms at start-up)

    return click.style(text, **styles)  # type: ignore[arg-type]


def render(diagnostics: Sequence[Diagnostic], meta: ReportMeta, *, color: bool = False) -> str:
    """One line per finding (`[*]` marks one `--fix` would fix), then the summary. Paths
    are as given; controls in paths and messages are escaped, with or without colour."""
    lines = []
    for d in diagnostics:
        where = _style(f"{printable(posix_path(d.path))}:{d.line}:{d.column}:", color, bold=True)
        code_color = "red" if d.severity == "error" else "yellow"
        code = _style(d.code, color, fg=code_color, bold=True)
        mark = " " + _style("[*]", color, fg="cyan") if meta.applies(d.fix) else ""
        lines.append(f"{where} {code}{mark} {printable(d.message)}")
    lines.append(summary(diagnostics, meta))
    return "\n".join(lines) + "\n"


def _plural_error(n: int) -> str:
    return "error" if n == 1 else "errors"


def summary(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> str:
    """`Found N findings (M fixable with --fix; K more with --unsafe-fixes).` or
    `All checks passed!`; after `--fix`, how many were fixed and how many remain."""
    remaining = len(diagnostics)
    if remaining == 0 and meta.fixed == 0:
        if meta.errors:  # not "passed": some paths were never checked
            errors = f"{meta.errors} {_plural_error(meta.errors)}"
            return f"No findings in the files read; {errors} reported."
        return "All checks passed!"
    total = remaining + meta.fixed
    head = f"Found {total} {_plural(total)}"
    fixable, hidden = applicable_counts(diagnostics, meta)
    parts = []
    if meta.fixed:
        parts.append(f"{meta.fixed} fixed, {remaining} remaining")
    if fixable:
        parts.append(f"{fixable} fixable with --fix")
    if hidden:
        parts.append(f"{hidden} more with --unsafe-fixes")
    return f"{head} ({'; '.join(parts)})." if parts else f"{head}."


def _plural(n: int) -> str:
    return "finding" if n == 1 else "findings"


def render_statistics(
    diagnostics: Sequence[Diagnostic], meta: ReportMeta, *, color: bool = False
) -> str:
    """`--statistics`: a count per code, most frequent first, with the rule's name."""
    rows = statistics(diagnostics, meta)
    if not rows:
        return "All checks passed!\n"
    width = max(len(str(r["count"])) for r in rows)
    lines = []
    for r in rows:
        mark = "[*]" if r["fixable"] else "   "
        code = _style(str(r["code"]), color, bold=True)
        lines.append(f"{r['count']:>{width}}\t{code}\t{mark} {r['name']}")
    return "\n".join(lines) + "\n"


def statistics(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> list[dict[str, object]]:
    """Rows of (code, name, count, fixable) ordered by count then code."""
    counts = Counter(d.code for d in diagnostics)
    fixable = Counter(d.code for d in diagnostics if meta.applies(d.fix))
    names = {d.code: d.rule for d in diagnostics}
    ordered = sorted(counts, key=lambda c: (-counts[c], c))
    return [
        {"code": c, "name": names[c], "count": counts[c], "fixable": fixable[c]} for c in ordered
    ]
