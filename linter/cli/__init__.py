"""The `betalint` command line: `main(argv) -> int`, with every command registered.

`main` loads on first use, with click; each command's module (which registers the command on
the click group it imports) loads when that command runs. The click-free paths
(`linter/fast.py`) import helpers from this package without paying for click.
"""

from __future__ import annotations

from typing import Any

__all__ = ["main"]


def __getattr__(name: str) -> Any:
    if name != "main":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # Each command's module loads when that command runs (`app._Cli.get_command`).
    from betalint.linter.cli.app import main

    return main
