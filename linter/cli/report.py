"""`betalint explain CODE` and `betalint rules`: the rule docs on the command line.

Registered on the shared click group; linter/cli/__init__.py imports this module.
"""

from __future__ import annotations

import json

import click

from betalint.linter.cli import complete
from betalint.linter.cli.app import cli, format_option
from betalint.linter.exit_codes import EXIT_OK


@cli.command("explain")
@click.argument("code", shell_complete=complete.rule_names)
def explain_command(code: str) -> int:
    """Print what a rule reports, why, and how it is fixed; CODE is BL202 or a rule name."""
    from betalint.linter.rules.docs import explain

    click.echo(explain(code), nl=False)
    return EXIT_OK


@cli.command("rules")
@format_option
def rules_command(fmt: str) -> int:
    """List every rule: code, name, severity, fix availability and summary."""
    from betalint.linter.rules.docs import rules_json

    rows = rules_json()
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return EXIT_OK
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        click.echo(
            f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['fix']:<9}  {r['summary']}"
        )
    return EXIT_OK
