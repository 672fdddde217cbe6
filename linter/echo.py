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
from typing import BinaryIO, TextIO


def echo(text: str, *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Write `text` (and a newline) to stdout, or stderr with `err`, and flush."""
    stream: TextIO | None = sys.stderr if err else sys.stdout
    if stream is None:  # pythonw, or a closed descriptor at start-up: nowhere to write
        return
    out = f"{text}\n" if nl else text
    buffer = _utf8_buffer(stream)
    # click asks the stream it writes to whether it is a terminal: for an ASCII stream, the
    # UTF-8 wrapper it puts over the buffer, which answers as the buffer does.
    if out and _strip(stream if buffer is None else buffer, color):
        out = strip_ansi(out)
    if out and buffer is not None:
        stream.flush()
        buffer.write(out.encode("utf-8", "replace"))
    elif out:
        stream.write(out)
    stream.flush()


def strip_ansi(text: str) -> str:
    """`text` without ANSI escape sequences (click's pattern; compiled only when needed)."""
    if "\x1b" not in text:
        return text
    import re

    return re.sub(r"\033\[[0-?]*[ -/]*[@-~]", "", text)


def _strip(stream: TextIO | BinaryIO, color: bool | None) -> bool:
    if color is not None:
        return not color
    try:
        return not stream.isatty()
    except (AttributeError, ValueError):  # no isatty, or already closed
        return True


def _utf8_buffer(stream: TextIO) -> BinaryIO | None:
    """The binary buffer to write UTF-8 to, as click does, when the stream's encoding is
    ASCII (a misconfigured locale); None when the text stream takes the text as it is."""
    buffer: BinaryIO | None = getattr(stream, "buffer", None)
    if buffer is None or not _ascii(getattr(stream, "encoding", None) or "ascii"):
        return None
    return buffer


def _ascii(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False
