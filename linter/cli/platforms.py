"""Platform parts of the CLI: `registry export --platform P` and `validate --platform/--model`
lines. Importing this module registers `export` on the `registry` group."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from betalint.linter.cli.app import EXIT_OK, load, registry_option
from betalint.linter.cli.registry_cmd import registry

if TYPE_CHECKING:  # the validator loads lazily: `betalint --version` must start fast
    from betalint.registry.validator import Verdict


def platform_lines(
    verdicts: Sequence[Verdict], platform: str | None, model: str | None
) -> list[str]:
    """One line per platform verdict and one per model caveat, in the order of `verdicts`.

    `verdicts` come from `classify(..., platform=platform, model=model)`; with neither
    option there is nothing to say.
    """
    if platform is None and model is None:
        return []
    lines: list[str] = []
    for verdict in verdicts:
        found = verdict.platform
        if found is None:
            continue
        if platform is not None:
            label = found.status if found.known else "unknown"
            lines.append(f"{label:<10} {found.message}")
        if found.model_effect and found.model_message:
            lines.append(f"{found.model_effect:<10} {found.model_message}")
    return lines


def platform_json(verdict: Verdict) -> dict[str, Any]:
    """The platform part of a verdict for `validate --format json` (empty without one)."""
    found = verdict.platform
    if found is None:
        return {}
    return {
        "platform": {
            "target": str(found.target),
            "status": found.status,
            "platform_name": found.platform_name,
            "forward": found.forward,
            "ok": found.ok,
            "message": found.message,
            "model": found.model,
            "model_effect": found.model_effect,
            "model_message": found.model_message,
            "conflict": found.conflict,
            "confidence": found.confidence,
            "evidence": found.evidence,
            "sources": list(found.sources),
        }
    }


@registry.command("export")
@click.option(
    "--platform",
    "platform",
    required=True,
    metavar="PLATFORM",
    help="anthropic, bedrock, vertex, foundry, databricks (optionally :endpoint, "
    "e.g. bedrock:converse).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="Output format.",
)
@registry_option
def registry_export(platform: str, fmt: str, registry_path: str | None) -> int:
    """Print the allow-list and name mapping a gateway can load for one PLATFORM."""
    from betalint.registry.platforms import export_platform

    data = export_platform(load(registry_path), platform)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
        return EXIT_OK
    click.echo(f"# {data['display_name']}: registry {data['registry']['version']}")
    for name in data["allow"]:
        click.echo(f"allow    {name}")
    for name, other in data["map"].items():
        click.echo(f"map      {name} -> {other}")
    for name, reason in data["deny"].items():
        click.echo(f"deny     {name}: {reason}")
    for name in data["unknown"]:
        click.echo(f"unknown  {name}")
    return EXIT_OK
