"""What a rule is (ruff's model): identity, docs and its check, in one object.

A rule's `check` is called by the engine for every unit of its `scope`:
- `"candidate"`: each name the scanner found, with its verdict;
- `"syntax"`: each header-syntax issue the scanner found;
- `"group"`: each header value or list holding more than one name;
- `"suppressions"`: once per file, after suppressions were applied (BL901).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from betalint.linter.diagnostic import Diagnostic, Severity

FixKind = Literal["always", "sometimes", "unsafe", "never"]
Scope = Literal["candidate", "syntax", "group", "suppressions"]
DOCS_BASE = "https://github.com/betalint/betalint/blob/main/docs/rules.md"


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: code, kebab name, severity, docs, fix availability, and the check itself."""

    code: str
    name: str
    severity: Severity
    summary: str
    fix: FixKind
    what: str
    why: str
    example: str
    fix_safety: str
    scope: Scope
    check: Callable[..., Iterator[Diagnostic]]

    @property
    def url(self) -> str:
        return f"{DOCS_BASE}#{self.code.lower()}"
