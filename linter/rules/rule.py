"""What a rule is (ruff's model): identity, docs and its check, in one object.

A rule's `check` is called by the engine for every unit of its `scope`:
- `"candidate"`: each name the scanner found, with its verdict;
- `"syntax"`: each header-syntax issue the scanner found;
- `"group"`: each header value or list holding more than one name;
- `"suppressions"`: once per file, after suppressions were applied (BL901).
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from betalint.linter.project import rule_url

if TYPE_CHECKING:
    from betalint.linter.diagnostic import Diagnostic, Severity

FixKind = Literal["always", "sometimes", "unsafe", "never"]
Scope = Literal["candidate", "syntax", "group", "suppressions"]


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
    fails: bool = True  # False: reported, but never makes `check` exit 1 (BL207)
    # The text around the finding is broken (grammar, header syntax): a fix must never
    # create one (the fixer checks).
    breaks_text: bool = False
    # The finding covers a whole header value: any fix inside it changes its name, so it
    # is identified across texts by code alone.
    whole_value: bool = False
    # How an editor draws it: struck through (a stale name) or faded (text that can go).
    editor_tag: Literal["deprecated", "unnecessary"] | None = None
    # False: off by default, like a rule outside ruff's default set; on only when a
    # `select` / `extend-select` selector (a code, a prefix or an explicit `ALL`) names it.
    default_enabled: bool = True

    @property
    def url(self) -> str:
        return rule_url(self.code)

    @classmethod
    def documented(
        cls,
        doc: str | None,
        code: str,
        name: str,
        severity: Severity,
        fix: FixKind,
        scope: Scope,
        check: Callable[..., Iterator[Diagnostic]],
        **traits: Any,
    ) -> Rule:
        """A rule whose docs are its module's docstring, as ruff keeps a rule's docs beside
        it: `CODE name: summary.`, then `## What it does`, `## Why is this bad?`,
        `## Example` (indented code) and `## Fix safety` sections."""
        head, sections = _sections(doc or "")
        prefix = f"{code} {name}: "
        if not head.startswith(prefix):
            raise ValueError(f"{code}: the docstring must start with {prefix!r}")
        missing = [t for t in _SECTIONS if t not in sections]
        if missing:
            raise ValueError(f"{code}: the docstring lacks {', '.join(missing)}")
        example = textwrap.dedent(sections["Example"]).strip("\n")
        return cls(
            code=code,
            name=name,
            severity=severity,
            summary=head[len(prefix) :].removesuffix("."),
            fix=fix,
            what=_paragraph(sections["What it does"]),
            why=_paragraph(sections["Why is this bad?"]),
            example=example,
            fix_safety=_paragraph(sections["Fix safety"]),
            scope=scope,
            check=check,
            **traits,
        )


_SECTIONS = ("What it does", "Why is this bad?", "Example", "Fix safety")


def _sections(doc: str) -> tuple[str, dict[str, str]]:
    """(first paragraph as one line, {section title: its raw text})."""
    head, _, rest = doc.strip().partition("\n\n")
    sections: dict[str, str] = {}
    for chunk in ("\n" + rest).split("\n## ")[1:]:
        title, _, body = chunk.partition("\n")
        sections[title.strip()] = body
    return _paragraph(head), sections


def _paragraph(text: str) -> str:
    return " ".join(text.split())
