"""The rule table: every code, its name, severity, fix applicability and docs.

Each family module registers its rules with `rule(...)`; importing this package imports all
of them, so `RULES` is complete. The docs text lives beside each rule (ruff's model):
`betalint explain CODE` and the README table are generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from betalint.linter.diagnostic import Severity

FixKind = Literal["always", "sometimes", "unsafe", "never"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation."""

    code: str
    name: str
    severity: Severity
    summary: str
    fix: FixKind
    what: str
    why: str
    example: str
    fix_safety: str
    fails: bool = True  # False: reported, but never makes `check` exit 1 (BL207)

    @property
    def url(self) -> str:
        return f"https://github.com/betalint/betalint/blob/main/docs/rules.md#{self.code.lower()}"


RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    severity: Severity,
    summary: str,
    *,
    fix: FixKind,
    what: str,
    why: str,
    example: str,
    fix_safety: str,
    fails: bool = True,
) -> Rule:
    """Register one rule in `RULES` and return it."""
    if code in RULES:
        raise ValueError(f"rule {code} registered twice")
    RULES[code] = Rule(code, name, severity, summary, fix, what, why, example, fix_safety, fails)
    return RULES[code]


from betalint.linter.rules import (  # noqa: E402, F401
    freshness,
    header,
    lifecycle,
    names,
    platform,
    suppression,
)
