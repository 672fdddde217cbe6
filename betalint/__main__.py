"""`python -m betalint` and the `betalint` console script."""

from __future__ import annotations

import contextlib
import signal
from types import FrameType

from betalint.linter.cli import main


def _terminated(signum: int, _frame: FrameType | None) -> None:
    # Unwind like Ctrl-C (the writer removes its temporary file), exiting 128 + SIGTERM.
    raise SystemExit(128 + signum)


def run() -> None:
    # A CI runner cancels a job with SIGTERM; by default that kills Python without cleanup.
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGTERM, _terminated)
    raise SystemExit(main())


if __name__ == "__main__":
    run()
