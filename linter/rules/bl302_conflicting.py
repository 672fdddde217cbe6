"""BL302 conflicting: two versions of one feature, or two betas the registry says conflict,
sent together.

## What it does
Reports two dated versions of one feature in one header or list, and pairs the registry
marks as conflicting (with the endpoint scope where the conflict is scoped).

## Why is this bad?
The API picks one version or answers 400; either way the code does not say what it means.

## Example
    betas=["mcp-client-2025-04-04", "mcp-client-2025-11-20"]

## Fix safety
No fix: which one is meant needs a person.
"""

from __future__ import annotations

from collections.abc import Iterator

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.rules.rule import Rule
from betalint.linter.scan.scanner import Candidate
from betalint.registry.grammar import feature_of, parse
from betalint.registry.model import Registry


def check(file: FileCheck, group: list[Candidate]) -> Iterator[Diagnostic]:
    earlier: dict[str, str] = {}  # feature → the first name of it in this list
    registry = file.linter.registry
    for c in group:
        name = c.canonical or c.written
        message = _message(name, earlier, registry)
        if message:
            yield file.at(RULE, c, message, name if name in registry else None)
        try:
            earlier.setdefault(feature_of(str(parse(name))), name)
        except ValueError:
            earlier.setdefault(feature_of(name), name)


def _message(name: str, earlier: dict[str, str], registry: Registry) -> str | None:
    feature = feature_of(name)
    other = earlier.get(feature)
    if other is not None and other != name:
        return f"{name} and {other} are two versions of {feature} in one list; keep one"
    entry = registry.get(name)
    for conflict in entry.conflicts_with if entry else ():
        if conflict.name in earlier.values():
            scope = f" on {conflict.scope}" if conflict.scope else ""
            return f"{name} conflicts with {conflict.name}{scope}: {conflict.reason}"
    return None


RULE = Rule.documented(__doc__, "BL302", "conflicting", "error", "never", "group", check)
