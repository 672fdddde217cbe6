"""The words a file must hold for BL403 to find a call that sends no beta (issue 16).

A call that sends no beta has no name for the byte prefilter to see; what it must write is a
gated field's key (`mcp_servers`, Go's `MCPServers`; the leaf of a dotted path, `task_budget`)
or a gated tool type (`mcp_toolset`), and a `messages` key. Taken from the loaded registry,
so an extra layer's fields count too. The words of a Messages call are common enough that the
cheap test (`messages` in the bytes, case as written by every SDK) comes first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from betalint.registry.model import Registry

__all__ = ["gated_needles", "might_send_gated"]


def gated_needles(registry: Registry) -> frozenset[str]:
    """Lower-case words that name a gated field's key or a gated tool type."""
    needles: set[str] = set()
    for entry in registry.entries.values():
        needles.update(tool.lower() for tool in entry.tools)
        for path in entry.fields:
            key = path.rsplit(".", 1)[-1].lower()
            # `mcp_servers`, Go/Java `MCPServers`/`mcpServers`, a builder's `addMcpServer`.
            joined = key.replace("_", "")
            needles.update((key, joined, joined.removesuffix("s")))
    return frozenset(needles)


def might_send_gated(data: bytes, needles: frozenset[bytes]) -> bool:
    """Cheap byte test: False only when no Messages call of `data` can write a gated key."""
    if b"messages" not in data and b"Messages" not in data:
        return False
    folded = data.lower()
    return any(n in folded for n in needles)
