"""linter/scan/calls.py reads a Markdown file's fences, or a notebook's cells, once per
document, not once per betas list (n lists in n fences cost n^2 before)."""

from __future__ import annotations

import json

import pytest

import betalint.linter.scan.calls as calls_mod
from betalint.linter.scan.calls import call_literals

BETA = "context-1m-2025-08-07"
CALL = f"client.beta.messages.create(model='claude-opus-4-{{n}}', betas=['{BETA}'])\n"


def _spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], text.find(BETA)
    while pos != -1:
        spans.append((pos, pos + len(BETA)))
        pos = text.find(BETA, pos + 1)
    return spans


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    seen: list[int] = []
    real = getattr(calls_mod, name)

    def counted(*args: object) -> object:
        seen.append(1)
        return real(*args)

    monkeypatch.setattr(calls_mod, name, counted)
    calls_mod._regions.cache_clear()
    calls_mod._cells.cache_clear()
    return seen


def test_markdown_fences_are_found_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting(monkeypatch, "markdown_regions")
    text = "".join(f"Step {n}\n\n```python\n{CALL.format(n=n)}```\n\n" for n in range(30))
    models = [call_literals(text, "README.md", *span) for span in _spans(text)]
    assert [m.model if m else None for m in models] == [f"claude-opus-4-{n}" for n in range(30)]
    assert len(seen) == 1


def test_notebook_cells_are_decoded_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting(monkeypatch, "notebook_cells")
    cells = [
        {"cell_type": "code", "metadata": {}, "outputs": [], "source": [CALL.format(n=n)]}
        for n in range(30)
    ]
    text = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    models = [call_literals(text, "a.ipynb", *span) for span in _spans(text)]
    assert [m.model if m else None for m in models] == [f"claude-opus-4-{n}" for n in range(30)]
    assert len(seen) == 1


def test_prose_between_fences_has_no_call() -> None:
    text = f"{CALL.format(n=7)}\n```python\n{CALL.format(n=1)}```\n"
    first, second = _spans(text)
    assert call_literals(text, "README.md", *first) is None
    found = call_literals(text, "README.md", *second)
    assert found is not None and found.model == "claude-opus-4-1"


def test_each_group_s_call_is_read_once_for_all_its_names(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from betalint.linter.engine import Linter

    seen = _counting(monkeypatch, "_in_language")  # a text of its own: no earlier answer
    names = ", ".join(
        f'"{n}"' for n in (BETA, "interleaved-thinking-2025-05-14", "computer-use-2025-01-24")
    )
    text = f'once.beta.messages.create(model="claude-opus-4-7", betas=[{names}])\n'
    linter = Linter.create(today=dt.date(2026, 12, 1))
    found = linter.check(text, "agent.py", frozenset({"BL401", "BL402"}))
    assert {d.name for d in found} >= {BETA, "interleaved-thinking-2025-05-14"}
    assert len(seen) == 1
