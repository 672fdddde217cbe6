"""The one exception type users see: a one-line message and exit code 2."""

from __future__ import annotations


class BetalintError(Exception):
    """A user-facing error (bad input, config, registry or I/O): printed as one line, exit 2.

    The message names the file (and line, where there is one), says what is wrong and what
    to do. Callers never print a traceback for it unless asked (`--verbose`).
    """

    exit_code = 2
