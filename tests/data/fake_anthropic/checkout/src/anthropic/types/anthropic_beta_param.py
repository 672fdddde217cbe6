# ruff: noqa: UP035  (the SDK's own style, kept as the SDK writes it)
from __future__ import annotations

from typing_extensions import Literal, TypeAlias

__all__ = ["AnthropicBetaParam"]

_DeprecatedBetas: TypeAlias = Literal["old-batches-2024-09-24"]

AnthropicBetaParam: TypeAlias = (
    Literal[
        "alpha-tool-2025-01-01",
        "zeta-memory-2026-02-02",
    ]
    | _DeprecatedBetas
    | str
)
"""Beta names you can send in the `anthropic-beta` header.

Deprecated: `alpha-tool-2025-01-01` is generally available; the header is no longer needed.

See the beta headers page for `zeta-memory-2026-02-02`.
"""
