"""Where a beta works: per-platform verdicts and model effects (gateways filter with
`registry.request_filter`).

The registry's `[betas."x".platforms.<platform>]` tables already hold a decided status per
platform (decided by `platform_precedence`, with disagreeing sources kept in `conflict`);
this module reads them. A platform target is `platform` or `platform:endpoint`
(`bedrock:converse`); names and endpoints the registry says nothing about stay "unknown".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from betalint.registry.errors import BetalintError
from betalint.registry.schema import Models, PlatformStatus, models_on

if TYPE_CHECKING:
    from betalint.registry.model import Registry
    from betalint.registry.schema import BetaEntry, PlatformSupport
    from betalint.registry.validator import Verdict

ModelEffect = Literal["rejected", "no-effect", "undocumented"]


@dataclass(frozen=True, slots=True)
class PlatformInfo:
    """A platform betalint knows: its display name, its endpoints (main one first) and their
    base URLs ("" for the platform's own).

    `runs` names a platform whose API this one serves unchanged (Anthropic operates both):
    where an entry has no table for this platform, that platform's verdict applies, at low
    confidence and saying so, rather than "unknown".
    """

    key: str
    display: str
    endpoints: tuple[str, ...] = ()
    urls: dict[str, str] = field(default_factory=dict)
    runs: str | None = None


PLATFORMS: dict[str, PlatformInfo] = {
    "anthropic": PlatformInfo(
        "anthropic", "the Claude API", urls={"": "https://api.anthropic.com"}
    ),
    "bedrock": PlatformInfo(
        "bedrock",
        "Amazon Bedrock",
        ("invoke", "converse", "mantle", "messages", "managed-agents"),
        urls={
            "invoke": "https://bedrock-runtime.{region}.amazonaws.com",
            "converse": "https://bedrock-runtime.{region}.amazonaws.com",
            "mantle": "https://bedrock-mantle.{region}.api.aws/anthropic",
            "messages": "https://bedrock-runtime.{region}.amazonaws.com/anthropic",
            "managed-agents": "https://bedrock.{region}.amazonaws.com/anthropic/v1",
        },
    ),
    "vertex": PlatformInfo("vertex", "Google Vertex AI", ("messages", "count_tokens")),
    "foundry": PlatformInfo("foundry", "Microsoft Foundry"),
    "databricks": PlatformInfo("databricks", "Databricks"),
    "claude-platform-aws": PlatformInfo(
        "claude-platform-aws",
        "Claude Platform on AWS",
        urls={"": "https://aws-external-anthropic.{region}.api.aws"},
        runs="anthropic",
    ),
    "google-cloud-anthropic": PlatformInfo(
        "google-cloud-anthropic",
        "Claude Models on Google Cloud (Anthropic managed)",
        runs="anthropic",
    ),
}

# Other spellings people (and gateways such as LiteLLM) use for the same targets.
ALIASES: dict[str, str] = {
    "claude": "anthropic",
    "claude-api": "anthropic",
    "first-party": "anthropic",
    "aws": "bedrock",
    "amazon-bedrock": "bedrock",
    "bedrock_converse": "bedrock:converse",
    "bedrock_mantle": "bedrock:mantle",
    "google": "vertex",
    "gcp": "vertex",
    "vertex-ai": "vertex",
    "vertex_ai": "vertex",
    "azure": "foundry",
    "azure_ai": "foundry",
    "microsoft-foundry": "foundry",
    "claude-platform-on-aws": "claude-platform-aws",
    "aws-external-anthropic": "claude-platform-aws",
    "anthropic-aws": "claude-platform-aws",
    "claude-models-on-google-cloud-anthropic-managed": "google-cloud-anthropic",
    "google-cloud-anthropic-managed": "google-cloud-anthropic",
    "claude-models-on-google-cloud-google-managed": "vertex",
    "google-cloud-google-managed": "vertex",
    "bedrock_messages": "bedrock:messages",
    "bedrock-managed-agents": "bedrock:managed-agents",
}

_ENDPOINT_DISPLAY = {
    "invoke": "InvokeModel",
    "converse": "the Converse API",
    "mantle": "bedrock-mantle Messages",
    "managed-agents": "Claude Managed Agents",
    "messages": "rawPredict",
    "bedrock:messages": "the Messages API on bedrock-runtime",
    "count_tokens": "count-tokens",
}


def endpoint_display(platform: str, endpoint: str) -> str:
    """How the platform's own documentation names one of its endpoints."""
    return _ENDPOINT_DISPLAY.get(f"{platform}:{endpoint}") or _ENDPOINT_DISPLAY.get(
        endpoint, endpoint
    )


# A custom platform of a private registry layer: "x-" and a kebab-case word.
CUSTOM_PLATFORM = re.compile(r"x-[a-z0-9]+(?:-[a-z0-9]+)*")


class PlatformError(BetalintError):
    """A platform target that betalint does not know."""


@dataclass(frozen=True, slots=True)
class Target:
    """A platform and, optionally, one of its endpoints."""

    platform: str
    endpoint: str | None = None

    @property
    def display(self) -> str:
        info = PLATFORMS.get(self.platform)
        name = info.display if info else self.platform
        if self.endpoint:
            return f"{name} ({endpoint_display(self.platform, self.endpoint)})"
        return name

    def __str__(self) -> str:
        return f"{self.platform}:{self.endpoint}" if self.endpoint else self.platform


def parse_target(spec: str) -> Target:
    """`"bedrock"`, `"bedrock:converse"` or `"vertex_ai"` → Target; PlatformError if unknown."""
    text = ALIASES.get(spec.strip().lower(), spec.strip().lower())
    platform, _, endpoint = text.partition(":")
    platform = ALIASES.get(platform, platform)
    if platform not in PLATFORMS and not CUSTOM_PLATFORM.fullmatch(platform):
        known = ", ".join(PLATFORMS)
        raise PlatformError(f"unknown platform {spec!r}; use one of {known} (or x-NAME)")
    info = PLATFORMS.get(platform)
    if endpoint and info is not None and endpoint not in info.endpoints:
        allowed = ", ".join(info.endpoints) or "none"
        raise PlatformError(f"{platform} has no endpoint {endpoint!r}; known endpoints: {allowed}")
    return Target(platform, endpoint or None)


# A platform's vendor prefix on a model id, with Bedrock's inference-profile region: matches
# "us.anthropic.", "us-gov.anthropic.", "global.anthropic." or "anthropic/"; not "claude-x".
_MODEL_PREFIX = re.compile(r"^(?:[a-z]{2,6}(?:-[a-z]{2,4})?\.)?(?:anthropic[./])")
# A platform's version suffix: matches "@20250929", "-v1:0", "-v2" or ":0" at the end; not
# "-20250929".
_MODEL_SUFFIX = re.compile(r"(?:@.*|-v\d+(?::\d+)?|:\d+)$")
# A model id's date or alias tail: matches "-20250929", "-latest" or "-default" at the end; not
# "-2025".
_MODEL_DATE = re.compile(r"-(?:\d{8}|latest|default)$")


# Pure str → str, called for every listed model of every name on each request-time check:
# bounded, so a gateway's stream of odd model ids cannot grow it.
@lru_cache(maxsize=4096)
def normalize_model(model: str) -> str:
    """A model id in the registry's family form: `us.anthropic.claude-sonnet-4-5-20250929-v1:0`,
    `claude-sonnet-4-5@20250929` and `claude-sonnet-4.5` all → `claude-sonnet-4-5`."""
    text = model.strip().lower()
    text = _MODEL_PREFIX.sub("", text)
    text = _MODEL_SUFFIX.sub("", text)
    text = _MODEL_DATE.sub("", text)
    text = re.sub(r"(?<=\d)\.(?=\d)", "-", text)
    return re.sub(r"^(claude-[a-z]+-\d+)-0$", r"\1", text)  # claude-opus-4-0 is claude-opus-4


def model_in(model: str, families: Iterable[str]) -> bool:
    """Whether `model` is one of `families` (each a family id or a dated id)."""
    wanted = normalize_model(model)
    return any(normalize_model(f) == wanted for f in families)


@dataclass(frozen=True, slots=True)
class PlatformVerdict:
    """What one platform (and model) does with one name, and why.

    `status` is the verdict for the target's endpoint; `platform_name` the platform's own
    name for the feature when `status` is "mapped"; `model_effect` is set when a model was
    given and the registry says it matters; `conflict` repeats what disagreeing sources say.
    """

    name: str
    target: Target
    status: PlatformStatus
    message: str
    platform_name: str | None = None
    model: str | None = None
    model_effect: ModelEffect | None = None
    model_message: str | None = None
    conflict: str | None = None
    confidence: str | None = None
    evidence: str | None = None
    sources: tuple[str, ...] = ()
    known: bool = True

    @property
    def forward(self) -> str | None:
        """The name to send to this platform instead of `name` (None: drop it)."""
        if self.status == "unsupported" or self.model_effect == "rejected":
            return None
        if self.status == "mapped":
            return self.platform_name
        return self.name

    @property
    def ok(self) -> bool:
        """Nothing to change: the name works (or nothing says otherwise) for this target."""
        return self.status in ("supported", "unknown") and self.model_effect not in (
            "rejected",
            "no-effect",
        )

    @property
    def note(self) -> str:
        """The platform message and, when there is one, the model message, as one line."""
        return f"{self.message}; {self.model_message}" if self.model_message else self.message


def platform_verdict(
    name: str,
    target: Target | str,
    registry: Registry,
    *,
    model: str | None = None,
    today: dt.date | None = None,
) -> PlatformVerdict:
    """Whether `target` accepts `name` (and what it does on `model` on `today`: dated model
    lists apply only between their dates; None = every listed model), from the registry alone.
    """
    if isinstance(target, str):
        target = parse_target(target)
    where = target.display
    entry = registry.get(name)
    if entry is None:
        return PlatformVerdict(
            name,
            target,
            "unknown",
            f"{name} is not in the registry; nothing is known about it on {where}",
            model=model,
            known=False,
        )
    support, runs = _support_for(entry, target.platform)
    if support is None:
        verdict = PlatformVerdict(
            name, target, "unknown", f"no source says whether {where} accepts {name}", model=model
        )
        return _with_model(verdict, entry, None, today)
    endpoint = None if runs else target.endpoint
    status = support.endpoints.get(endpoint or "", support.status)
    mapped = support.name if status == "mapped" else None
    message = _message(name, where, status, mapped, support, Target(target.platform, endpoint))
    confidence = support.confidence
    if runs:
        message += (
            f" (as on {PLATFORMS[runs].display}, whose API it runs: inferred, low confidence)"
        )
        confidence = "low"
    verdict = PlatformVerdict(
        name,
        target,
        status,
        message,
        mapped,
        model,
        conflict=support.conflict,
        confidence=confidence,
        evidence=support.evidence,
        sources=support.sources,
    )
    return _with_model(verdict, entry, support, today)


def _support_for(entry: BetaEntry, platform: str) -> tuple[PlatformSupport | None, str | None]:
    """The entry's table for `platform`, else that of the platform it runs (and its key)."""
    own = entry.platforms.get(platform)
    info = PLATFORMS.get(platform)
    if own is not None or info is None or info.runs is None:
        return own, None
    inherited = entry.platforms.get(info.runs)
    return inherited, info.runs if inherited is not None else None


def with_platform(
    verdict: Verdict,
    registry: Registry,
    *,
    platform: str | None,
    model: str | None,
    today: dt.date | None = None,
) -> Verdict:
    """`verdict` with its `platform` field set (the Claude API when only `model` is given)."""
    from dataclasses import replace

    name = verdict.canonical or verdict.name
    found = platform_verdict(name, platform or "anthropic", registry, model=model, today=today)
    return replace(verdict, platform=found)


def _message(
    name: str,
    where: str,
    status: PlatformStatus,
    mapped: str | None,
    support: PlatformSupport,
    target: Target,
) -> str:
    basis = _basis(support)
    if status == "unsupported":
        text = f"{name} is unsupported on {where}{basis}; do not send it there"
    elif status == "mapped":
        text = f"{where} does not take {name}; it takes {mapped} for this feature{basis}"
    elif status == "supported":
        text = f"{name} is supported on {where}{basis}"
    else:
        text = f"sources do not settle whether {where} accepts {name}{basis}"
    others = {e: s for e, s in support.endpoints.items() if e != target.endpoint}
    if others and target.endpoint is None:
        text += "; but " + ", ".join(
            f"{s} on {endpoint_display(target.platform, e)}" for e, s in sorted(others.items())
        )
    if support.conflict:
        dissent = support.conflict.split("; ")
        more = f" and {len(dissent) - 1} more" if len(dissent) > 1 else ""
        text += f"; sources disagree: {dissent[0]}{more}"
    return text


def _basis(support: PlatformSupport) -> str:
    parts = [p for p in (support.evidence, str(support.as_of) if support.as_of else None) if p]
    if support.confidence == "low":
        parts.append("low confidence")
    return f" ({', '.join(parts)})" if parts else ""


def _with_model(
    verdict: PlatformVerdict,
    entry: BetaEntry,
    support: PlatformSupport | None,
    today: dt.date | None,
) -> PlatformVerdict:
    model = verdict.model
    if model is None or verdict.status == "unsupported":
        return verdict
    where = verdict.target.display

    def on(models: Models) -> tuple[str, ...]:
        return models_on(models, today)

    effect: ModelEffect | None = None
    if support is not None and model_in(model, on(support.rejected_models)):
        effect = "rejected"
        text = f"sources report {where} answering 400 for {verdict.name} on {model}"
    elif support is not None and model_in(model, on(support.no_effect_models)):
        effect, text = "no-effect", f"no effect on {model}: {where} ignores {verdict.name} there"
    elif support is not None and support.models and not model_in(model, on(support.models)):
        effect = "undocumented"
        text = (
            f"no documented effect on {model}: sources name {verdict.name} on {where} "
            f"{_only('for', on(support.models))}"
        )
    elif entry.models and not model_in(model, on(entry.models)):
        effect = "no-effect"
        text = f"no effect on {model}: {verdict.name} works {_only('on', on(entry.models))}"
    else:
        return verdict
    from dataclasses import replace

    return replace(verdict, model_effect=effect, model_message=text)


def _only(word: str, models: tuple[str, ...]) -> str:
    """`only on a, b`, or that no model is left once every listed one has passed its `until`."""
    if models:
        return f"only {word} {', '.join(models)}"
    return f"{word} no model any more (support for each listed model has ended)"


def export_platform(
    registry: Registry, platform: str, *, today: dt.date | None = None
) -> dict[str, Any]:
    """An allow-list and mapping for one platform target, as plain JSON-ready data.

    `allow`: send as is; `map`: send the value instead of the key; `deny`: drop (with the
    reason); `unknown`: no evidence either way (a gateway decides); `models`: per-name model
    caveats; `conflicts`: where sources disagree.
    """
    target = parse_target(platform)
    day = today or dt.date.today()
    allow: list[str] = []
    mapping: dict[str, str] = {}
    deny: dict[str, str] = {}
    unknown: list[str] = []
    models: dict[str, dict[str, list[str]]] = {}
    conflicts: dict[str, str] = {}
    for name in sorted(registry.entries):
        verdict = platform_verdict(name, target, registry)
        sent = verdict.forward
        if sent is not None and sent != name:
            onward = platform_verdict(sent, target, registry)
            if onward.forward != sent:
                sent = None
        if verdict.status == "unknown":
            unknown.append(name)
        elif sent is None:
            deny[name] = verdict.message
        elif sent != name:
            mapping[name] = sent
        else:
            allow.append(name)
        support = registry.entries[name].platforms.get(target.platform)
        if support is not None:
            caveats = {
                "only": list(models_on(support.models, day)),
                "no_effect": list(models_on(support.no_effect_models, day)),
                "rejected": list(models_on(support.rejected_models, day)),
            }
            if any(caveats.values()):
                models[name] = {k: v for k, v in caveats.items() if v}
            if support.conflict:
                conflicts[name] = support.conflict
    return {
        "version": 1,
        "platform": target.platform,
        "endpoint": target.endpoint,
        "display_name": target.display,
        "registry": {"version": registry.version, "date": registry.date.isoformat()},
        "precedence": list(registry.platform_precedence),
        "allow": allow,
        "map": mapping,
        "deny": deny,
        "unknown": unknown,
        "models": models,
        "conflicts": conflicts,
    }
