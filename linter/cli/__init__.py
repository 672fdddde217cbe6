"""The `betalint` command line: `main(argv) -> int`, with every command registered."""

# Each command module registers itself on the click group it imports.
from betalint.linter.cli import check, platforms, registry_cmd, report, sync, validate  # noqa: F401
from betalint.linter.cli.app import main

__all__ = ["main"]
