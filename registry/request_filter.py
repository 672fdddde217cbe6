"""At request time: the betas to send to one platform (and model), and what was dropped, why.

`filter_betas` (a list, before a call) and `filter_header` (a header value, in a gateway) share
one decision per name, read from `platforms.platform_verdict`: mapped names become the
platform's own name, names the platform or the request's model rejects or ignores are
dropped, duplicates go, order stays. Names the registry does not know follow the `unknown`
policy: "drop" (the default: a platform rejects a name it does not know), "keep" or "raise".
Output names are always input names or the registry's mapping of one. Dated model support
is read as of `today` (default: the real today), so a model's removal applies on its date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Required, TypedDict, Unpack, cast, get_args

from betalint.registry.errors import BetalintError
from betalint.registry.header import names_in, split_header
from betalint.registry.platforms import PlatformVerdict, Target, parse_target, platform_verdict

if TYPE_CHECKING:
    from betalint.registry.model import Registry

UnknownPolicy = Literal["drop", "keep", "raise"]
Cause = Literal["platform", "model", "unknown", "duplicate"]

_POLICIES: tuple[str, ...] = get_args(UnknownPolicy)


@dataclass(frozen=True, slots=True)
class Dropped:
    """One name that was not forwarded, and why.

    `cause` says which rule dropped it; `model` is the request's model when the model was
    the reason (the platform rejects or ignores the name on that model).
    """

    name: str
    reason: str
    cause: Cause = "platform"
    model: str | None = None


@dataclass(frozen=True, slots=True)
class FilterResult:
    """The betas to forward to a platform and what changed on the way.

    `header` is the value to send (`""`: send no anthropic-beta at all); `names` the same
    as a tuple (Bedrock InvokeModel takes them in the body field `anthropic_beta`);
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


class UnknownBetaError(BetalintError, ValueError):
    """`unknown="raise"` met names the registry does not know; `.names` lists them all."""

    def __init__(self, names: tuple[str, ...], platform: str, reasons: tuple[str, ...]) -> None:
        self.names = names
        self.platform = platform
        super().__init__(f"anthropic-beta names unknown for {platform}: " + "; ".join(reasons))


def filter_betas(
    betas: str | Iterable[str],
    *,
    platform: str,
    model: str | None = None,
    unknown: UnknownPolicy = "drop",
    registry: Registry | None = None,
    today: dt.date | None = None,
) -> FilterResult:
    """The betas to send to `platform` (e.g. "bedrock", "vertex:count_tokens") for `model`.

    `betas` is a list of names (items may hold comma-joined values) or one header value.
    Raises `UnknownBetaError` for unknown names under `unknown="raise"`, `PlatformError` for
    a platform betalint does not know, ValueError for another policy.
    """
    check_policy(unknown)
    items = split_header(betas) if isinstance(betas, str) else names_in(_strings(betas))
    if registry is None:
        from betalint.registry.loader import shipped_registry

        registry = shipped_registry()
    day = today or dt.date.today()
    return _Filter(parse_target(platform), model, unknown, registry, day).run(items)


class FilterOptions(TypedDict, total=False):
    """`filter_betas`'s keyword options, shared by `filter_header`."""

    platform: Required[str]
    model: str | None
    unknown: UnknownPolicy
    registry: Registry | None
    today: dt.date | None


def filter_header(value: str, **options: Unpack[FilterOptions]) -> FilterResult:
    """The anthropic-beta value to forward to `platform`: `filter_betas` on one header value."""
    return filter_betas(split_header(value), **options)


def check_policy(unknown: str) -> UnknownPolicy:
    """`unknown` as a policy; ValueError (at set-up, not per request) for anything else."""
    if unknown in _POLICIES:
        return cast(UnknownPolicy, unknown)
    raise ValueError(f"unknown= takes one of {', '.join(_POLICIES)}, not {unknown!r}")


def _strings(betas: Iterable[str]) -> list[str]:
    items = list(betas)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"betas must be strings, got {type(item).__name__}: {item!r}")
    return items


@dataclass
class _Filter:
    """One filtering run: the target, the policy and what has been decided so far."""

    target: Target
    model: str | None
    unknown: UnknownPolicy
    registry: Registry
    today: dt.date

    def run(self, items: list[str]) -> FilterResult:
        kept: list[str] = []
        dropped: list[Dropped] = []
        mapped: list[tuple[str, str]] = []
        notes: list[str] = []
        unknown: list[Dropped] = []
        for item in items:
            verdict = self._verdict(item)
            if not verdict.known and self.unknown != "keep":
                (unknown if self.unknown == "raise" else dropped).append(self._unknown(item))
                continue
            sent = self._decide(verdict)
            if isinstance(sent, Dropped):
                dropped.append(sent)
            elif sent in kept:
                dropped.append(Dropped(item, f"duplicate of {sent}", "duplicate"))
            else:
                kept.append(sent)
                if sent != item:
                    mapped.append((item, sent))
                if verdict.model_message or verdict.status == "unknown":
                    notes.append(f"{item}: {verdict.note}")
        if unknown:
            reasons = tuple(d.reason for d in unknown)
            raise UnknownBetaError(tuple(d.name for d in unknown), str(self.target), reasons)
        return FilterResult(
            ",".join(kept), tuple(kept), tuple(dropped), tuple(mapped), tuple(notes)
        )

    def _decide(self, verdict: PlatformVerdict) -> str | Dropped:
        """The name to send for one verdict, or why it is dropped."""
        refused = self._refusal(verdict)
        if refused is not None:
            return refused
        if verdict.forward == verdict.name:
            return verdict.name
        sent = verdict.forward
        assert sent is not None  # a None forward is a refusal
        onward = self._verdict(sent)
        again = self._refusal(onward)
        if again is not None:
            why = f"{verdict.message}, but {again.reason}"
            return Dropped(verdict.name, why, again.cause, again.model)
        if onward.forward != sent:  # mapped to a name this target takes under yet another
            return Dropped(verdict.name, f"{verdict.message}, but {sent} is not taken as is")
        return sent

    def _verdict(self, name: str) -> PlatformVerdict:
        return platform_verdict(
            name, self.target, self.registry, model=self.model, today=self.today
        )

    def _refusal(self, verdict: PlatformVerdict) -> Dropped | None:
        """Why the target refuses the name: the platform, or the model rejects or ignores it."""
        if verdict.model_effect in ("rejected", "no-effect"):
            return Dropped(verdict.name, verdict.note, "model", self.model)
        if verdict.forward is None:
            return Dropped(verdict.name, verdict.note, "platform")
        return None

    def _unknown(self, item: str) -> Dropped:
        from betalint.registry.validator import classify

        found = classify(item, today=self.today, registry=self.registry).message
        return Dropped(item, f"{found} (registry {self.registry.version})", "unknown")
