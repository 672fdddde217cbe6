"""The rule table: every code, its name, severity, fix applicability and docs.

Each family module registers its rules with `rule(...)`; importing this package imports all
of them, so `RULES` is complete. The docs text lives beside each rule (ruff's model):
`betalint explain CODE` and the README table are generated from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from betalint.linter.diagnostic import Severity
from betalint.linter.project import rule_url

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

    @property
    def url(self) -> str:
        return rule_url(self.code)


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
) -> Rule:
    """Register one rule in `RULES` and return it."""
    if code in RULES:
        raise ValueError(f"rule {code} registered twice")
    RULES[code] = Rule(code, name, severity, summary, fix, what, why, example, fix_safety)
    return RULES[code]


from betalint.linter.rules import header, lifecycle, names, platform, suppression  # noqa: E402, F401
