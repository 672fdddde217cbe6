"""Shared by the fixer tests: a small stable registry and one-call check/fix helpers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from betalint.linter.config import Settings
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.files.reader import Source, decode_bytes
from betalint.linter.fix.fixer import FixResult, apply_edits, fix_source
from betalint.linter.runner import Linters, RunOptions, check_source

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
REGISTRY = FIXTURES / "betas-fix.toml"
TODAY = "2026-11-25"
_CONTEXTS = Linters(RunOptions(registry_path=str(REGISTRY), today=dt.date.fromisoformat(TODAY)))
SETTINGS = Settings(root=Path("."))


def source(path: str, text: str, encoding: str = "utf-8") -> Source:
    decoded = decode_bytes(text.encode(encoding), path)
    assert isinstance(decoded, Source)
    return decoded


def check(src: Source) -> list[Diagnostic]:
    """Diagnostics for one source, as `betalint check` finds them (suppressions included)."""
    return check_source(src, SETTINGS, _CONTEXTS).diagnostics


def fix(path: str, text: str, *, unsafe: bool = False, max_rounds: int = 10) -> FixResult:
    return fix_source(source(path, text), check, unsafe=unsafe, max_rounds=max_rounds)


def fixed_by(path: str, text: str, code: str, name: str) -> str | None:
    """The text after applying only the fix of the finding `code` on `name` (None: no edits)."""
    for d in check(source(path, text)):
        if d.code == code and (d.name == name or d.canonical == name):
            if d.fix is None or not d.fix.edits:
                return None
            return apply_edits(text, d.fix.edits)
    raise AssertionError(f"no {code} on {name} in {text!r}")


def applicability(path: str, text: str, code: str, name: str) -> str | None:
    for d in check(source(path, text)):
        if d.code == code and (d.name == name or d.canonical == name):
            return d.fix.applicability if d.fix else None
    raise AssertionError(f"no {code} on {name} in {text!r}")
