"""`betalint registry sync --from-sdk [PATH]`: does the registry know every name the SDK lists?

Registered on the `registry` click group; linter/cli/__init__.py imports this module.
Exit 0 when the registry covers the SDK literal, 1 when it lags (names missing), 2 on errors.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from betalint.linter.cli.app import EXIT_FINDINGS, EXIT_OK, format_option, load, registry_option
from betalint.linter.cli.registry_cmd import registry
from betalint.registry.errors import BetalintError

if TYPE_CHECKING:  # the registry modules load only when the command runs
    from betalint.registry.model import Registry
    from betalint.registry.sync import SyncReport


@registry.command("sync")
@click.option(
    "--from-sdk",
    "from_sdk",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="[PATH]",
    help="Read AnthropicBetaParam from the installed anthropic package, or from PATH "
    "(package dir, site-packages, venv, SDK checkout or the literal's file).",
)
@registry_option
@format_option
def registry_sync(from_sdk: str | None, registry_path: str | None, fmt: str) -> int:
    """List SDK beta names the registry lacks, names the SDK marks deprecated, and registry
    entries whose `in_sdk_literal` no longer matches. The SDK is parsed, never imported."""
    from betalint.registry.sync import compare, read_sdk, report_json

    if from_sdk is None:
        raise BetalintError("say where to sync from: --from-sdk [PATH]")
    sdk = read_sdk(from_sdk or None)
    reg = load(registry_path)
    report = compare(sdk, reg)
    if fmt == "json":
        click.echo(json.dumps(report_json(report, reg), indent=2))
    else:
        _print_text(report, reg)
    return EXIT_FINDINGS if report.lags else EXIT_OK


def _print_text(report: SyncReport, reg: Registry) -> None:
    sdk = report.sdk
    version = f"anthropic {sdk.version}" if sdk.version else "anthropic (version unknown)"
    click.echo(f"{version}: {len(sdk.names)} names in {', '.join(map(str, sdk.files))}")
    click.echo(f"registry {reg.version}: {len(reg)} names")
    sections = (
        ("missing from the registry", report.missing),
        (
            "marked deprecated by the SDK",
            tuple(
                f"{n}  (registry: {report.registry_statuses.get(n, 'missing')})"
                for n in report.deprecated
            ),
        ),
        ("in_sdk_literal = true but no longer in the SDK literal", report.dropped),
        ("in the SDK literal but in_sdk_literal = false", report.unflagged),
    )
    for title, names in sections:
        if names:
            click.echo(f"{title} ({len(names)}):")
            for line in names:
                click.echo(f"  {line}")
    if report.lags:
        click.echo(f"the registry lags the SDK: add {len(report.missing)} names to betas.toml")
    else:
        click.echo("the registry knows every name in the SDK literal")
