"""`echo`: click.echo's behaviour for text, without importing click (about 15 ms at start-up).

`betalint check` (and its fixer) print through this on both paths (click's command line and the
click-free `check FILE...` of `linter/cli/check_fast.py`), so the two write the same bytes.
What it keeps of click.echo: a newline unless `nl=False`; ANSI styles stripped unless
`color=True` or (`color=None`) the stream is a terminal; a stream whose encoding is ASCII
(a misconfigured locale) written as UTF-8 with replacement characters; a flush after every
message, so a closed pipe is noticed at once.
"""

from __future__ import annotations

import codecs
import sys
from typing import TextIO


def echo(text: str, *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Write `text` (and a newline) to stdout, or stderr with `err`, and flush."""
    stream: TextIO | None = sys.stderr if err else sys.stdout
    if stream is None:  # pythonw, or a closed descriptor at start-up: nowhere to write
        return
    out = f"{text}\n" if nl else text
    if out and _strip(stream, color):
        out = strip_ansi(out)
    if out:
        _write(stream, out)
    stream.flush()


def strip_ansi(text: str) -> str:
    """`text` without ANSI escape sequences (click's pattern; compiled only when needed)."""
    if "\x1b" not in text:
        return text
    import re

    return re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", text)


def _strip(stream: TextIO, color: bool | None) -> bool:
    if color is not None:
        return not color
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or already closed
        return True


def _write(stream: TextIO, out: str) -> None:
    """Write as click does: an ASCII stream gets UTF-8 bytes (replacing what cannot be
    encoded) through its binary buffer; any other stream takes the text as it is."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None or not _ascii(getattr(stream, "encoding", None) or "ascii"):
        stream.write(out)
        return
    stream.flush()
    buffer.write(out.encode("utf-8", "replace"))


def _ascii(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False
