"""Helpers for the tests of linter/scan/calls.py: the call around a needle in a text."""

from __future__ import annotations

from betalint.linter.scan.calls import CallLiterals, call_literals


def literals(text: str, path: str, needle: str) -> CallLiterals | None:
    """The call around the first `needle` in `text`."""
    start = text.index(needle)
    return call_literals(text, path, start, start + len(needle))


def model_of(text: str, path: str, needle: str) -> str | None:
    """That call's model, None without a call or a model."""
    found = literals(text, path, needle)
    return found.model if found else None
