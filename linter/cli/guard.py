"""How a command's run ends, without click: errors as one line, exit codes, closed pipes.

`app.main` (click's command line) and the click-free `check FILE...` path both run their
command through `guarded`, so an error, Ctrl-C or a closed pipe ends either the same way.
Exit codes (contract, as ruff): 0 nothing found, 1 findings remain, 2 usage, config,
registry or I/O error, 130 interrupted. `--verbose` adds the traceback of an error.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from betalint.linter.echo import echo
from betalint.linter.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK
from betalint.registry.errors import BetalintError


def guarded(body: Callable[[], int], *, verbose: bool) -> int:
    """`body()`'s exit code, stdout flushed; never raises (SystemExit passes through)."""
    try:
        result = body()
    except KeyboardInterrupt:
        return interrupted()
    except BrokenPipeError:
        # The reader went away (`betalint check . | head -1`): stop quietly, as ruff does.
        silence_stdout()
        return EXIT_OK
    except BetalintError as exc:
        _traceback(verbose)
        echo(inert(f"betalint: error: {exc}"), err=True)
        return exc.exit_code
    except Exception as exc:  # a bug: still one line, the traceback on request
        _traceback(verbose)
        echo(
            f"betalint: internal error: {type(exc).__name__}: {exc} "
            "(rerun with --verbose and report it)",
            err=True,
        )
        return EXIT_ERROR
    return flushed(result)


def inert(line: str) -> str:
    """The line with control characters escaped: a path in a message cannot split it or
    reach the terminal (imported here, not at start-up)."""
    from betalint.linter.report.escape import printable

    return printable(line)


def interrupted() -> int:
    # On a terminal the ^C echo has no newline: end that line first.
    newline = "\n" if sys.stderr.isatty() else ""
    with contextlib.suppress(OSError, ValueError):  # stderr gone too: the exit code says it
        echo(f"{newline}betalint: interrupted", err=True)
    return EXIT_INTERRUPTED


def flushed(code: int) -> int:
    """Flush stdout now, so a closed pipe is noticed here and not at interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except (OSError, ValueError):  # a closed or odd stdout: nothing left to say there
        pass
    return code


def _traceback(verbose: bool) -> None:
    if verbose:
        import traceback

        traceback.print_exc()


def silence_stdout() -> None:
    """After a closed pipe (`betalint … | head -1`), stop Python's exit-time flush error."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (captured in tests)
        pass
