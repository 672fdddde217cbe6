"""`betalint registry check|list|show`: the registry group and its inspection commands."""

from __future__ import annotations

import json
from typing import Any

import click

from betalint.linter.cli.app import cli, format_option, load, registry_option
from betalint.linter.exit_codes import EXIT_ERROR, EXIT_OK
from betalint.registry.errors import BetalintError


@cli.group()
def registry() -> None:
    """Inspect and check the registry of beta names."""


@registry.command("check")
@registry_option
@click.option("--extra", multiple=True, metavar="PATH", help="An extra registry layer.")
@click.option(
    "--max-evidence-age",
    type=click.IntRange(min=0),
    metavar="DAYS",
    help="Report platform verdicts whose deciding source is older than DAYS before the "
    "registry date (default: the registry's evidence_age.max_days; 0 = off).",
)
def registry_check(
    registry_path: str | None, extra: tuple[str, ...], max_evidence_age: int | None = None
) -> int:
    """Validate the registry: schema, successors, cycles, dates, sources, grammar, and the age
    of the evidence behind each platform verdict."""
    from betalint.registry import integrity
    from betalint.registry.loader import RegistryError, load_registry

    try:
        reg = load_registry(extra, base=registry_path, check=False)
    except RegistryError as exc:
        click.echo(f"betalint: error: {exc}", err=True)
        return EXIT_ERROR
    problems = integrity.check(reg) + integrity.stale_evidence(reg, max_evidence_age)
    for problem in problems:
        click.echo(str(problem))
    where = ", ".join(layer.path for layer in reg.layers)
    click.echo(f"{len(reg)} names, {len(problems)} problems ({where})")
    return EXIT_ERROR if problems else EXIT_OK


@registry.command("list")
@click.option(
    "--status",
    type=click.Choice(["active", "ga", "superseded", "deprecated", "retired"]),
    help="Only names with this status.",
)
@click.option(
    "--sdk",
    "sdk_version",
    metavar="VERSION",
    help="Only names the anthropic SDK release VERSION knows (its type literal lists them).",
)
@registry_option
@format_option
def registry_list(
    status: str | None, sdk_version: str | None, registry_path: str | None, fmt: str
) -> int:
    """List registry names with their status."""
    reg = load(registry_path)
    names = [n for n in sorted(reg.entries) if status is None or reg.entries[n].status == status]
    if sdk_version is not None:
        from packaging.version import InvalidVersion

        try:
            known = set(reg.known_to_sdk(sdk_version))
        except InvalidVersion:
            raise BetalintError(
                f"--sdk {sdk_version!r} is not a version; write e.g. 0.52.0"
            ) from None
        names = [n for n in names if n in known]
    if fmt == "json":
        click.echo(json.dumps([_entry_json(n, reg.entries[n]) for n in names], indent=2))
    else:
        for n in names:
            e = reg.entries[n]
            low = "  (low confidence)" if e.confidence == "low" else ""
            click.echo(f"{n:<50} {e.status}{low}")
    return EXIT_OK


@registry.command("show")
@click.argument("name")
@registry_option
@format_option
def registry_show(name: str, registry_path: str | None, fmt: str) -> int:
    """Show everything the registry records about NAME (or the installed SDK, for a name
    only its type literal lists)."""
    reg = load(registry_path, sdk=True)
    entry = reg.get(name)
    if entry is None:
        raise BetalintError(f"{name!r} is not in the registry; try `betalint validate {name}`")
    data = _entry_json(name, entry)
    if fmt == "json":
        click.echo(json.dumps(data, indent=2))
    else:
        for key, value in data.items():
            if value not in (None, [], {}, ""):
                click.echo(f"{key:<15} {_plain(value)}")
    return EXIT_OK


def _entry_json(name: str, entry: Any) -> dict[str, Any]:
    import dataclasses

    data: dict[str, Any] = {"name": name}
    data.update(dataclasses.asdict(entry))
    plain: dict[str, Any] = json.loads(json.dumps(data, default=str))  # dates → ISO strings
    return plain


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "\n                ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={_plain(v)}" for k, v in value.items() if v is not None)
    return str(value)
