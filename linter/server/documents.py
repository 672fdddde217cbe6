"""An open document as the server holds it: text, version, and LSP positions.

LSP positions are (line, character) where lines end at `\\n`, `\\r\\n` or a lone `\\r` (LSP
3.17 §"Text Documents") and characters count code units of the negotiated encoding (UTF-16
unless the client offered another). The engine works in code-point offsets, so this module
converts both ways. It is free of pygls: plain ints in, plain ints out.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Literal

Encoding = Literal["utf-8", "utf-16", "utf-32"]

_BREAK = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each LSP line starts (line 0 at offset 0)."""
    if "\r" not in text:  # the common case: find() is several times faster than a regex
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return starts
    return [0, *(m.end() for m in _BREAK.finditer(text))]


def _units(chunk: str, encoding: Encoding) -> int:
    """Code units of `chunk` in `encoding`."""
    if encoding == "utf-32" or chunk.isascii():
        return len(chunk)
    if encoding == "utf-16":
        return len(chunk) + sum(1 for c in chunk if ord(c) > 0xFFFF)
    return len(chunk.encode("utf-8", "surrogatepass"))


def _points(line: str, units: int, encoding: Encoding) -> int:
    """Code points of `line` that `units` code units cover (clamped to the line)."""
    if encoding == "utf-32" or line.isascii():
        return min(units, len(line))
    count = 0
    for i, char in enumerate(line):
        if count >= units:
            return i
        count += _units(char, encoding)
    return len(line)


@dataclass
class Document:
    """One open text document. `text` is what the editor holds, byte for byte as decoded."""

    uri: str
    text: str
    version: int | None = None
    language_id: str = ""
    _starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._starts = line_starts(self.text)

    def _line_text(self, line: int) -> str:
        """Line `line` without its line break."""
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def offset(self, line: int, character: int, encoding: Encoding = "utf-16") -> int:
        """The code-point offset of an LSP position; past-the-end positions are clamped."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        return self._starts[line] + _points(self._line_text(line), character, encoding)

    def position(self, offset: int, encoding: Encoding = "utf-16") -> tuple[int, int]:
        """The LSP (line, character) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return line, _units(self.text[start:offset], encoding)

    def apply(
        self,
        text: str,
        start: tuple[int, int] | None = None,
        end: tuple[int, int] | None = None,
        encoding: Encoding = "utf-16",
    ) -> None:
        """Apply one content change: the whole text, or `text` over the range start-end."""
        if start is None or end is None:
            self.text = text
        else:
            a = self.offset(*start, encoding)
            b = max(a, self.offset(*end, encoding))
            self.text = self.text[:a] + text + self.text[b:]
        self._starts = line_starts(self.text)

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of line `line`'s first character and of its line break (or the end)."""
        line = max(0, min(line, len(self._starts) - 1))
        start = self._starts[line]
        return start, start + len(self._line_text(line))
