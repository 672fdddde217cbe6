"""`betalint server`: a language server over stdio (the optional `server` extra).

Importing this package is free: pygls and lsprotocol load only when `serve` runs, so the
CLI's start-up never pays for them and works without the extra installed.
"""

from __future__ import annotations

import importlib.util

from betalint.registry.errors import BetalintError

__all__ = ["serve"]

_NEEDS = ("pygls", "lsprotocol")


def serve() -> int:
    """Run the server until the client says `exit`; returns the exit code."""
    missing = [name for name in _NEEDS if importlib.util.find_spec(name) is None]
    if missing:
        raise BetalintError(
            f"`betalint server` needs {' and '.join(missing)}: "
            "install the extra with `pip install 'betalint[server]'`"
        )
    from betalint.linter.server.app import serve as run

    return run()
