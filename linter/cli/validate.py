"""`betalint validate NAME...`: one verdict per name."""

from __future__ import annotations

import json
from typing import Any

import click

from betalint.linter.cli import complete
from betalint.linter.cli.app import (
    age_notice_option,
    cli,
    format_option,
    load,
    parse_today,
    registry_option,
    today_option,
)
from betalint.linter.exit_codes import EXIT_FINDINGS, EXIT_OK


@cli.command()
@click.argument("names", nargs=-1, required=True)
@today_option
@registry_option
@format_option
@click.option(
    "--platform",
    metavar="PLATFORM",
    shell_complete=complete.platforms,
    help="Also check PLATFORM (anthropic, bedrock, vertex, foundry, databricks, "
    "claude-platform-aws, google-cloud-anthropic; optionally :endpoint).",
)
@click.option("--model", metavar="MODEL", help="Also check that each beta has an effect on MODEL.")
@age_notice_option
def validate(
    names: tuple[str, ...],
    today: str | None,
    registry_path: str | None,
    fmt: str,
    platform: str | None = None,
    model: str | None = None,
    no_registry_age_notice: bool = False,
) -> int:
    """Say whether each NAME (or each name of a header value "a, b") is a valid beta name."""
    from betalint.linter.cli.platforms import platform_json, platform_lines
    from betalint.linter.verdict_text import verdict_lines
    from betalint.registry.header import names_in
    from betalint.registry.validator import classify

    registry = load(registry_path, sdk=True)
    day = parse_today(today)
    if not no_registry_age_notice and registry_path is None:  # only the shipped one ages
        _age_notice(registry, day)
    items = names_in(names) or list(names)
    verdicts = [
        classify(n, today=day, registry=registry, platform=platform, model=model) for n in items
    ]
    if fmt == "json":
        click.echo(json.dumps([_verdict_json(v) | platform_json(v) for v in verdicts], indent=2))
    else:
        for line in verdict_lines(verdicts):
            click.echo(line)
        for line in platform_lines(verdicts, platform, model):
            click.echo(line)
    return EXIT_OK if all(v.ok for v in verdicts) else EXIT_FINDINGS


def _age_notice(registry: Any, day: Any) -> None:
    from betalint.linter.registry_age import DEFAULT_REGISTRY_AGE_NOTICE, age_notice

    notice = age_notice(registry, day, DEFAULT_REGISTRY_AGE_NOTICE)
    if notice:
        click.echo(f"betalint: note: {notice}", err=True)


# The fields of a verdict in `validate --format json` (a contract: README, JSON output).
_VERDICT_FIELDS = (
    "name",
    "kind",
    "ok",
    "message",
    "replacement",
    "certain",
    "canonical",
    "problem",
)


def _verdict_json(v: Any) -> dict[str, Any]:
    data = {field: getattr(v, field) for field in _VERDICT_FIELDS}
    return data | {"suggestions": list(v.suggestions), "docs_url": v.docs_url}
