# ruff: noqa: UP007, UP035  (the SDK's own style, kept as the SDK writes it)
from __future__ import annotations

from typing import Union

from typing_extensions import Literal, TypeAlias

__all__ = ["AnthropicBetaParam"]

AnthropicBetaParam: TypeAlias = Union[
    str, Literal["eta-threads-2026-03-03", "zeta-memory-2026-02-02"]
]
