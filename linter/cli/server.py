"""`betalint server`: the language server (the `server` extra); pygls loads only here."""

from __future__ import annotations

from betalint.linter.cli.app import cli


@cli.command()
def server() -> int:
    """Run the language server over stdio (needs `pip install 'betalint[server]'`)."""
    from betalint.linter.server import serve  # pygls loads here, never at CLI start-up

    return serve()
