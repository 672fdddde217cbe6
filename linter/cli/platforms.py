"""Platform parts of the CLI: `registry export --platform P` and `validate --platform/--model`
lines. Importing this module registers `export` on the `registry` group."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from betalint.linter.cli.app import load, registry_option
from betalint.linter.cli.registry_cmd import registry
from betalint.linter.exit_codes import EXIT_OK
from betalint.registry.errors import BetalintError

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
    metavar="PLATFORM",
    help="One target: anthropic, bedrock, vertex, foundry, databricks, claude-platform-aws, "
    "google-cloud-anthropic (optionally :endpoint, e.g. bedrock:converse). Without it: every "
    "target.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text", "litellm"]),
    default="json",
    show_default=True,
    help="json, text, or litellm: LiteLLM's anthropic_beta_headers_config.json for every "
    "LiteLLM provider.",
)
@click.option(
    "--unknown",
    type=click.Choice(["omit", "forward"]),
    default="omit",
    show_default=True,
    help="litellm: leave out names without evidence for a provider (LiteLLM drops them), or "
    "list them as forwarded.",
)
@registry_option
def registry_export(platform: str | None, fmt: str, unknown: str, registry_path: str | None) -> int:
    """Print the allow-list and name mapping a gateway can load: one PLATFORM, every target
    at once, or LiteLLM's own config shape."""
    from betalint.registry.export import export_all, export_litellm, targets
    from betalint.registry.platforms import export_platform

    reg = load(registry_path)
    if fmt == "litellm":
        if platform is not None:
            raise BetalintError("--format litellm exports every provider; drop --platform")
        click.echo(
            json.dumps(
                export_litellm(reg, unknown="forward" if unknown == "forward" else "omit"), indent=2
            )
        )
        return EXIT_OK
    if fmt == "json":
        data = export_platform(reg, platform) if platform else export_all(reg)
        click.echo(json.dumps(data, indent=2))
        return EXIT_OK
    for target in [platform] if platform else targets(reg):
        _print_text(export_platform(reg, target))
    return EXIT_OK


def _print_text(data: dict[str, Any]) -> None:
    click.echo(f"# {data['display_name']}: registry {data['registry']['version']}")
    for name in data["allow"]:
        click.echo(f"allow    {name}")
    for name, other in data["map"].items():
        click.echo(f"map      {name} -> {other}")
    for name, reason in data["deny"].items():
        click.echo(f"deny     {name}: {reason}")
    for name in data["unknown"]:
        click.echo(f"unknown  {name}")
