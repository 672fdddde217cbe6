"""`python -m betalint` and the `betalint` console script."""

from __future__ import annotations

from betalint.linter.cli import main


def run() -> None:
    raise SystemExit(main())


if __name__ == "__main__":
    run()
