"""The `betalint` command line: `main(argv) -> int`, with every command registered.

`main` loads on first use, with click and every command module (each registers itself on
the click group it imports): the click-free `validate` path (`linter/fast.py`) imports
helpers from this package without paying for click.
"""

from __future__ import annotations

from typing import Any

__all__ = ["main"]


def __getattr__(name: str) -> Any:
    if name != "main":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
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

    return main
