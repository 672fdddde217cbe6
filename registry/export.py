"""Exports for gateways: every platform at once, and LiteLLM's own config shape.

LiteLLM reads `anthropic_beta_headers_config.json`: a `description` string and one object
per provider (`anthropic`, `azure_ai`, `bedrock`, `bedrock_converse`, `bedrock_mantle`,
`vertex_ai`, `databricks`), each `beta name → name to send | null` (null: drop it). When a
provider filters, a name missing from its object is dropped too. A deployment points
`LITELLM_ANTHROPIC_BETA_HEADERS_URL` at the file, or replaces the bundled one.

Both exports are built from `platforms.export_platform`, the single place that turns the
registry's verdicts into allow / map / deny / unknown.
"""

from __future__ import annotations

from typing import Any, Literal

from betalint.registry.export_calls import export_calls
from betalint.registry.model import Registry
from betalint.registry.platforms import CUSTOM_PLATFORM, PLATFORMS, export_platform

# LiteLLM provider column → betalint target. `bedrock` is InvokeModel (its main endpoint),
# `bedrock_mantle` the bedrock-mantle Messages API, `azure_ai` Microsoft Foundry.
LITELLM_COLUMNS: dict[str, str] = {
    "anthropic": "anthropic",
    "azure_ai": "foundry",
    "bedrock": "bedrock",
    "bedrock_converse": "bedrock:converse",
    "bedrock_mantle": "bedrock:mantle",
    "vertex_ai": "vertex",
    "databricks": "databricks",
}

Unknown = Literal["omit", "forward"]


def targets(registry: Registry) -> list[str]:
    """Every target betalint knows: each platform, each of its endpoints, and the custom
    `x-` platforms the registry's layers use."""
    found: list[str] = []
    for key, info in PLATFORMS.items():
        found.append(key)
        found += [f"{key}:{endpoint}" for endpoint in info.endpoints]
    custom = {p for e in registry.entries.values() for p in e.platforms if p not in PLATFORMS}
    found += sorted(p for p in custom if CUSTOM_PLATFORM.fullmatch(p))
    return found


def export_all(registry: Registry) -> dict[str, Any]:
    """`registry export --format json` without `--platform`: every target in one document,
    and the call-level data (`calls`: which betas a body field or tool needs)."""
    return {
        "version": 1,
        "registry": {"version": registry.version, "date": registry.date.isoformat()},
        "precedence": list(registry.platform_precedence),
        "platforms": {target: export_platform(registry, target) for target in targets(registry)},
        "calls": export_calls(registry),
    }


def litellm_column(registry: Registry, target: str, unknown: Unknown = "omit") -> dict[str, Any]:
    """One LiteLLM provider object: allowed names to themselves, mapped names to the
    platform's name, denied names to null; names without evidence left out (`omit`, so
    LiteLLM's filter drops them) or passed as they are (`forward`)."""
    data = export_platform(registry, target)
    column: dict[str, str | None] = {name: name for name in data["allow"]}
    column.update(data["map"])
    column.update(dict.fromkeys(data["deny"]))
    if unknown == "forward":
        column.update({name: name for name in data["unknown"]})
    return dict(sorted(column.items()))


def export_litellm(registry: Registry, *, unknown: Unknown = "omit") -> dict[str, Any]:
    """`registry export --format litellm`: a drop-in `anthropic_beta_headers_config.json`."""
    pairs = ", ".join(f"{column}={target}" for column, target in LITELLM_COLUMNS.items())
    left = "forwarded as sent" if unknown == "forward" else "left out (LiteLLM drops them)"
    description = (
        f"Mapping of Anthropic beta headers for each provider, exported by betalint from "
        f"registry {registry.version} ({registry.date}). Keys are input header names, values "
        "are provider-specific header names (or null if unsupported). Only headers present in "
        f"mapping keys with non-null values can be forwarded. Names the registry has no "
        f"evidence for on a provider are {left}. Columns are betalint targets: {pairs}. "
        "No <provider>_header_only column: the registry does not record header-vs-body "
        "placement, so every listed name is allowed in both."
    )
    config: dict[str, Any] = {"description": description}
    for column, target in LITELLM_COLUMNS.items():
        config[column] = litellm_column(registry, target, unknown)
    return config
