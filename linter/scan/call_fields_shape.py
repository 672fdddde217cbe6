"""What `call_fields` reads of one call: its fields, tool types and betas lists."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["UNKNOWN", "CallShape"]


@dataclass(frozen=True, slots=True)
class CallShape:
    """What the call itself writes. `fields`: its body field paths, None when not all known.
    `tools`: every tool type of its literal tools list (() without one), None when the list
    is not all literal. `tools_seen`: the `type` literals of the list's literal items (with
    their spans), complete or not. `beta_items`: (start, end, is_header) of each item of its
    betas lists and each value of its `anthropic-beta` headers (quotes included where
    written), None when one of them is not literal. `keys`: where each field path's key is."""

    fields: frozenset[str] | None
    tools: tuple[str, ...] | None
    tools_seen: tuple[tuple[int, int, str], ...]
    beta_items: tuple[tuple[int, int, bool], ...] | None
    keys: tuple[tuple[int, int, str], ...] = ()  # (start, end, path) of each field's key


UNKNOWN = CallShape(None, None, (), None)
