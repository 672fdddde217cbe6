"""The single decision point: what is a string, as an anthropic-beta name, today?"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from betalint.registry.grammar import BetaNameError, parse
from betalint.registry.model import Registry
from betalint.registry.schema import BetaEntry, Status
from betalint.registry.suggest import suggest

if TYPE_CHECKING:
    from betalint.registry.platforms import PlatformVerdict

Kind = Literal[
    "valid", "newer", "malformed", "unknown", "superseded", "ga", "deprecated", "retired"
]


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a name is, why, and what to write instead.

    `replacement` is the name to write (None: remove it, or nothing to offer);
    `certain` says the replacement is safe to apply without review; `platform` is set when
    classify was asked about a platform or model (registry.platforms). Kind "newer" is a
    well-formed name the registry lacks, dated after the registry and not after `today`: most
    likely a beta released since, so it is not an error (`ok`) and never gets a replacement.
    """

    name: str
    kind: Kind
    message: str
    replacement: str | None = None
    certain: bool = False
    docs_url: str | None = None
    problem: str | None = None
    suggestions: tuple[str, ...] = ()
    canonical: str | None = None
    platform: PlatformVerdict | None = None

    @property
    def ok(self) -> bool:
        return self.kind in ("valid", "newer") and (self.platform is None or self.platform.ok)


def classify(
    name: str,
    *,
    today: dt.date | None = None,
    registry: Registry | None = None,
    platform: str | None = None,
    model: str | None = None,
) -> Verdict:
    """Classify `name` against the registry as of `today` (default: the real today).

    With `platform` (e.g. "bedrock", "vertex:count_tokens") or `model`, `Verdict.platform`
    also says whether that platform takes the name (or its own name for the feature) and
    whether it has any effect on that model; `ok` is then False for either problem.
    """
    if registry is None:
        from betalint.registry.loader import shipped_registry

        registry = shipped_registry()
    today = today or dt.date.today()
    if platform is not None or model is not None:
        from betalint.registry.platforms import with_platform

        return with_platform(
            classify(name, today=today, registry=registry),
            registry,
            platform=platform,
            model=model,
            today=today,
        )
    entry = registry.get(name)
    if entry is not None:
        return _lifecycle(name, entry, registry, today)
    try:
        parsed = parse(name)
    except BetaNameError as exc:
        return _malformed(exc, registry, today)
    found = suggest(parsed, registry)
    if registry.date < parsed.date <= today:
        return _newer(name, found.names, registry)
    hint = f"; did you mean {_either(found.names)}?" if found.names else ""
    if found.certain:
        hint += _afterword(found.certain, registry, today)
    return Verdict(
        name,
        "unknown",
        f"{name} is not a known beta name{hint}",
        replacement=found.certain,
        certain=found.certain is not None,
        suggestions=found.names,
    )


def _newer(name: str, suggestions: tuple[str, ...], registry: Registry) -> Verdict:
    """A name the registry cannot know yet: a warning that says how to teach it, no fix."""
    typo = f"; if it is a typo, did you mean {_either(suggestions)}?" if suggestions else ""
    return Verdict(
        name,
        "newer",
        f"{name} is newer than this registry ({registry.date}): upgrade betalint or add it "
        f"to an extra registry{typo}",
        suggestions=suggestions,
    )


def effective_status(entry: BetaEntry, today: dt.date) -> Status:
    """The status in force on `today`: a status dated in the future has not begun yet."""
    if entry.status == "deprecated" and entry.removal_date and today >= entry.removal_date:
        return "retired"
    if entry.status_date and today < entry.status_date:
        return "deprecated" if entry.status == "retired" else "active"
    return entry.status


def latest_successor(name: str, registry: Registry) -> str | None:
    """Follow superseded_by to the end of the chain (first successor at each step)."""
    seen = {name}
    current = name
    while (entry := registry.get(current)) is not None and entry.superseded_by:
        nxt = entry.superseded_by[0]
        if nxt in seen:
            break
        seen.add(nxt)
        current = nxt
    return None if current == name else current


def _lifecycle(name: str, entry: BetaEntry, registry: Registry, today: dt.date) -> Verdict:
    status = effective_status(entry, today)
    successor = latest_successor(name, registry)
    since = f" since {entry.status_date}" if entry.status_date else ""
    docs = entry.docs_url

    caveat = " (low confidence: few or weak sources)" if entry.confidence == "low" else ""

    def verdict(kind: Kind, message: str, replacement: str | None = None) -> Verdict:
        return Verdict(name, kind, message + caveat, replacement, docs_url=docs, canonical=name)

    if status == "retired":
        instead = f"; use {successor} instead" if successor else "; remove it"
        return verdict(
            "retired", f"{name} is retired{since}: the API no longer honours it{instead}", successor
        )
    if status == "deprecated":
        removal = entry.removal_date or (entry.status_date if entry.status == "retired" else None)
        if removal or not successor:
            when = f" and stops working on {removal}" if removal else ""
            instead = f"; move to {successor}" if successor else "; plan to remove it"
            return verdict("deprecated", f"{name} is deprecated{when}{instead}", successor)
        note = _afterword(successor, registry, today)
        return verdict(
            "superseded", f"{name} is deprecated and superseded by {successor}{note}", successor
        )
    if status == "superseded" and successor:
        return verdict(
            "superseded",
            f"{name} is superseded by {successor}{_afterword(successor, registry, today)}",
            successor,
        )
    if status == "ga":
        return verdict(
            "ga", f"{name} is generally available{since}: the header is no longer needed; remove it"
        )
    return verdict("valid", f"{name} is an active beta")


def _malformed(exc: BetaNameError, registry: Registry, today: dt.date) -> Verdict:
    fixed = exc.corrected
    known = fixed is not None and fixed in registry
    if fixed is None:
        advice = ""
    elif known:
        advice = f"; write {fixed}{_afterword(fixed, registry, today)}"
    else:
        advice = f"; well formed it reads {fixed}, which is not a known beta name either"
    return Verdict(
        exc.text,
        "malformed",
        f"{exc.text!r} is malformed: {exc.reason}{advice}",
        replacement=fixed,
        certain=known,
        problem=exc.problem,
        docs_url=registry.get(fixed).docs_url if known and fixed else None,  # type: ignore[union-attr]
        canonical=fixed if known else None,
    )


def _afterword(name: str, registry: Registry, today: dt.date) -> str:
    """A short note when the name we point to is itself not a plain active beta."""
    entry = registry.get(name)
    if entry is None:
        return ""
    status = effective_status(entry, today)
    return {
        "ga": " (which is generally available: the header is no longer needed)",
        "retired": " (which is retired too)",
        "deprecated": " (which is deprecated)",
        "superseded": " (which is superseded too)",
    }.get(status, "")


def _either(names: tuple[str, ...]) -> str:
    shown = names[:3]
    return " or ".join(shown) + (" …" if len(names) > 3 else "")
