"""Control characters made visible, so that text from a file name or a file cannot split a
report line, fake a CI command or drive the terminal.

A file name may hold a newline (a line of its own: `::error file=fake.py::…`, which a CI
runner acts on), ESC (colours, `ESC[2J`, OSC title and hyperlink sequences) or a
right-to-left override that reorders what the reader sees. Each becomes its Python escape
(`\\n`, `\\x1b`, `\\u202e`); printable text, tabs included, is left alone.
"""

from __future__ import annotations

import re

# C0 controls but tab, DEL, C1 controls (0x9b is a one-byte CSI for some terminals), the
# line and paragraph separators, and the bidirectional embedding, override and isolate marks.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x08": "\\b", "\x00": "\\0"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    short = _SHORT.get(char)
    if short is not None:
        return short
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def printable(text: str) -> str:
    """`text` with every control character shown as an escape; one line, inert."""
    return _CONTROL.sub(_escape, text) if _CONTROL.search(text) else text


def has_control(text: str) -> bool:
    """Whether `printable` would change `text`."""
    return _CONTROL.search(text) is not None
