"""What leaves a client or gateway: the anthropic-beta names a platform accepts.

`filter_header` maps names the platform knows under another name, drops what it rejects
(also on the request's model), removes duplicates and keeps order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from betalint.registry.header import split_header
from betalint.registry.platforms import parse_target, platform_verdict

if TYPE_CHECKING:
    from betalint.registry.model import Registry


@dataclass(frozen=True, slots=True)
class Dropped:
    """One header item `filter_header` did not forward, and why."""

    name: str
    reason: str


@dataclass(frozen=True, slots=True)
class FilterResult:
    """The header to forward to a platform and what changed on the way.

    `header` is the value to send (`""`: send no anthropic-beta at all); `names` the same
    as a list (Bedrock InvokeModel takes them in the body field `anthropic_beta`);
    `mapped` pairs (written, sent); `notes` caveats on names that were kept.
    """

    header: str
    names: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()
    mapped: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.dropped or self.mapped)

    def __str__(self) -> str:
        return self.header


def filter_header(
    value: str,
    *,
    platform: str,
    model: str | None = None,
    registry: Registry | None = None,
    keep_unknown: bool = True,
) -> FilterResult:
    """The anthropic-beta value to forward to `platform` (optionally for `model`).

    Names the platform takes under another name are mapped; unsupported ones (and ones the
    platform rejected on `model`) are dropped; duplicates are removed; order is kept. Names
    the registry knows nothing about for this platform are kept unless `keep_unknown=False`.
    Output names are always input names or the registry's mapping of one.
    """
    if registry is None:
        from betalint.registry.loader import load_registry

        registry = load_registry()
    target = parse_target(platform)
    kept: list[str] = []
    dropped: list[Dropped] = []
    mapped: list[tuple[str, str]] = []
    notes: list[str] = []
    for item in split_header(value):
        verdict = platform_verdict(item, target, registry, model=model)
        sent = verdict.forward
        if sent is None or (verdict.status == "unknown" and not keep_unknown):
            dropped.append(Dropped(item, verdict.note))
            continue
        if sent != item:
            onward = platform_verdict(sent, target, registry, model=model)
            if onward.forward != sent:
                dropped.append(Dropped(item, f"{verdict.message}, but {onward.note}"))
                continue
        if sent in kept:
            dropped.append(Dropped(item, f"duplicate of {sent}"))
            continue
        if sent != item:
            mapped.append((item, sent))
        if verdict.model_message:
            notes.append(f"{item}: {verdict.model_message}")
        kept.append(sent)
    return FilterResult(",".join(kept), tuple(kept), tuple(dropped), tuple(mapped), tuple(notes))
