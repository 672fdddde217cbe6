"""`validate`'s text for verdicts: shared by the click command, the click-free path and the
table of shipped names it is answered from (`linter/quick_verdicts.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from betalint.registry.validator import Verdict


def verdict_lines(verdicts: Sequence[Verdict]) -> list[str]:
    """`validate`'s text: one line per verdict, and where to read more when it fails."""
    lines = []
    for v in verdicts:
        docs = f"\n    docs: {v.docs_url}" if v.docs_url and not v.ok else ""
        lines.append(f"{v.kind:<10} {v.message}{docs}")
    return lines
