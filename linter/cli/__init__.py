"""The `betalint` command line: `main(argv) -> int`, with every command registered."""

# Each command module registers itself on the click group it imports.
from betalint.linter.cli import (  # noqa: F401
    check,
    platforms,
    registry_cmd,
    report,
    server,
    sync,
    validate,
)
from betalint.linter.cli.app import main

__all__ = ["main"]
