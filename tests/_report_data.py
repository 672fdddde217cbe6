"""Hand-built diagnostics shared by the reporter tests (no scanner involved)."""

from __future__ import annotations

from betalint.linter.diagnostic import Diagnostic, Edit, Fix, LineIndex
from betalint.linter.report.meta import ReportMeta
from betalint.linter.rules import RULES

APP = "src/app.py"
APP_TEXT = (
    "import anthropic\n"
    "\n"
    'BETAS = ["mcp-client-2025-04-04", "files-api-2025-4-14",\n'
    '         "prompt-caching-2024-07-31"]\n'
)
GUIDE = "docs/guide.md"


def _diag(
    path: str,
    text: str,
    code: str,
    name: str,
    message: str,
    *,
    context: str = "betas-list",
    canonical: str | None = None,
    fix: Fix | None = None,
    docs_url: str | None = None,
    occurrence: int = 0,
) -> Diagnostic:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    end = start + len(name)
    index = LineIndex(text)
    (line, column), (end_line, end_column) = index.position(start), index.position(end)
    return Diagnostic(
        path,
        code,
        start,
        end,
        line,
        column,
        end_line,
        end_column,
        message,
        name,
        canonical,
        context,
        fix,
        docs_url,
        severity=RULES[code].severity,
        rule=RULES[code].name,
    )


def _replace(text: str, name: str, new: str, applicability: str) -> Fix:
    start = text.index(name)
    return Fix(
        applicability,  # type: ignore[arg-type]
        (Edit(start, start + len(name), new),),
        new,
        f"Replace with {new}",
    )


def _remove_last_item(text: str) -> Fix:
    # `, \n         "prompt-caching-2024-07-31"`: a removal that crosses a line break.
    start = text.index('",\n') + 1
    end = text.index("2024-07-31") + len("2024-07-31") + 1
    return Fix("unsafe", (Edit(start, end, ""),), None, "Remove prompt-caching-2024-07-31")


SUPERSEDED = _diag(
    APP,
    APP_TEXT,
    "BL202",
    "mcp-client-2025-04-04",
    "mcp-client-2025-04-04 is superseded by mcp-client-2025-11-20",
    fix=_replace(APP_TEXT, "mcp-client-2025-04-04", "mcp-client-2025-11-20", "unsafe"),
    docs_url="https://docs.anthropic.com/mcp",
)
MALFORMED = _diag(
    APP,
    APP_TEXT,
    "BL101",
    "files-api-2025-4-14",
    "files-api-2025-4-14: month and day take two digits",
    canonical="files-api-2025-04-14",
    fix=_replace(APP_TEXT, "files-api-2025-4-14", "files-api-2025-04-14", "safe"),
)
GA = _diag(
    APP,
    APP_TEXT,
    "BL203",
    "prompt-caching-2024-07-31",
    "prompt-caching-2024-07-31 is generally available; the header is not needed",
    fix=_remove_last_item(APP_TEXT),
)
GUIDE_TEXT = "# Guide\n\nSend `anthropic-beta: token-efficient-tools-2025-02-19`.\n"
DEPRECATED = _diag(
    GUIDE,
    GUIDE_TEXT,
    "BL204",
    "token-efficient-tools-2025-02-19",
    "token-efficient-tools-2025-02-19 is deprecated",
    context="markdown",
)

ALL = [SUPERSEDED, MALFORMED, GA, DEPRECATED]
TEXTS = {APP: APP_TEXT}


def meta(**kw: object) -> ReportMeta:
    """Fixed metadata so snapshots do not change with the package version."""
    from betalint.linter.rules import RULES

    base: dict[str, object] = {
        "tool_version": "0.1.0",
        "registry_version": "2026.11.24",
        "registry_date": "2026-11-24",
        "rules": tuple(sorted(RULES.values(), key=lambda r: r.code)),
        "files_scanned": 3,
        "texts": TEXTS,
    }
    base.update(kw)
    return ReportMeta(**base)  # type: ignore[arg-type]


def bare(
    path: str,
    code: str = "BL204",
    message: str = "m",
    *,
    name: str = "n",
    start: int = 0,
    end: int = 1,
    line: int = 1,
    column: int = 1,
) -> Diagnostic:
    """A finding on one line, for tests of paths, escaping and positions."""
    from betalint.linter.rules import RULES

    return Diagnostic(
        path, code, start, end, line, column, line, column + end - start, message, name,
        None, "string", severity=RULES[code].severity, rule=RULES[code].name,
    )  # fmt: skip
