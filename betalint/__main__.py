"""`python -m betalint` and the `betalint` console script."""

from __future__ import annotations

import contextlib
import signal
import sys
from types import FrameType


def _terminated(signum: int, _frame: FrameType | None) -> None:
    # Unwind like Ctrl-C (the writer removes its temporary file), exiting 128 + SIGTERM.
    raise SystemExit(128 + signum)


def run() -> None:
    # A CI runner cancels a job with SIGTERM; by default that kills Python without cleanup.
    with contextlib.suppress(ValueError, OSError, AttributeError):
        signal.signal(signal.SIGTERM, _terminated)
    # `validate NAME...` is answered without loading click (see linter/fast.py).
    from betalint.linter.fast import fast_main

    code = fast_main(sys.argv[1:])
    if code is None:
        from betalint.linter.cli import main

        code = main()
    raise SystemExit(code)


if __name__ == "__main__":
    run()
