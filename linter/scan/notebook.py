"""Jupyter notebooks: the code and markdown cells of the raw JSON, with offsets into it.

Cells are decoded from their JSON strings so the usual scanners run on real source text;
every decoded character remembers its span in the raw file, so findings point into the
notebook as it is on disk. Outputs (often megabytes of base64) are never looked at.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from betalint.linter.scan.languages import Lang

__all__ = ["Cell", "notebook_cells"]

_A = re.ASCII
_KEYS = re.compile(
    r'"cell_type"\s*:\s*"(?P<cell_type>[A-Za-z]+)"|(?P<source>"source"\s*:\s*)|(?P<outputs>"outputs"\s*:\s*\[)',
    _A,
)
# Strings in the unrolled form `"[^"\\]*(?:\\.[^"\\]*)*"`: `(?:[^"\\]|\\.)*` makes `re` keep
# state per character, 30 MB for one 300 KB base64 output.
_SKIP = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|(?P<open>\[)|(?P<close>\])', _A)
_JSON_STRING = re.compile(r'\s*"(?P<body>[^"\\]*(?:\\.[^"\\]*)*)"\s*,?', _A)
# A JSON string writes a character beyond U+FFFF as a surrogate pair of escapes: one unit.
_UNITS = re.compile(
    r"[^\\]+|\\u(?P<hi>[dD][89abAB][0-9a-fA-F]{2})\\u(?P<lo>[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|\\u(?P<hex>[0-9a-fA-F]{4})|\\(?P<esc>.)",
    _A | re.DOTALL,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", '"': '"', "\\": "\\"}
_LANGUAGE = re.compile(
    r'"language_info"\s*:\s*\{[^{}]*?"name"\s*:\s*"(?P<a>[^"]+)"|"language"\s*:\s*"(?P<b>[^"]+)"',
    _A,
)
_KERNEL_LANGS: dict[str, Lang] = {
    "python": "python",
    "python3": "python",
    "javascript": "js",
    "typescript": "js",
    "ruby": "ruby",
    "go": "go",
    "rust": "rust",
    "java": "java",
    "kotlin": "kotlin",
    "bash": "shell",
    "sh": "shell",
}


@dataclass(slots=True)
class Cell:
    """One cell's decoded source, and the raw span of each decoded character."""

    text: str
    lang: Lang
    # Machine-int arrays, not lists: a cell can hold megabytes (an image pasted into
    # markdown as base64), and a list costs ~36 bytes per character against 8 here.
    raw_starts: array[int]
    raw_ends: array[int]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a decoded [start, end) span to the raw notebook text."""
        if end <= start:
            raw = self.raw_starts[start] if start < len(self.raw_starts) else self.raw_ends[-1]
            return raw, raw
        return self.raw_starts[start], self.raw_ends[end - 1]


def _decode(raw: str, base: int, parts: list[str], starts: array[int], ends: array[int]) -> None:
    for unit in _UNITS.finditer(raw):
        s, e = base + unit.start(), base + unit.end()
        if unit.group("hi") is not None:
            high, low = int(unit.group("hi"), 16), int(unit.group("lo"), 16)
            parts.append(chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)))
            starts.append(s)
            ends.append(e)
        elif unit.group("hex") is not None:
            parts.append(chr(int(unit.group("hex"), 16)))
            starts.append(s)
            ends.append(e)
        elif unit.group("esc") is not None:
            parts.append(_ESCAPES.get(unit.group("esc"), unit.group("esc")))
            starts.append(s)
            ends.append(e)
        else:
            parts.append(unit.group())
            starts.extend(range(s, e))
            ends.extend(range(s + 1, e + 1))


def _skip_array(text: str, pos: int) -> int:
    """Offset just past the JSON array whose '[' ends just before `pos`."""
    depth = 1
    for match in _SKIP.finditer(text, pos):
        if match.group("open"):
            depth += 1
        elif match.group("close"):
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


def _cell_from_source(text: str, pos: int, lang: Lang) -> tuple[Cell | None, int]:
    parts: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    if text.startswith("[", pos):
        pos += 1
        while True:
            string = _JSON_STRING.match(text, pos)
            if string is None:
                break
            _decode(string.group("body"), string.start("body"), parts, starts, ends)
            pos = string.end()
    else:
        string = _JSON_STRING.match(text, pos)
        if string is None:
            return None, pos
        _decode(string.group("body"), string.start("body"), parts, starts, ends)
        pos = string.end()
    if not parts:
        return None, pos
    return Cell("".join(parts), lang, starts, ends), pos


def notebook_cells(text: str) -> Iterator[Cell]:
    """The code (in the kernel's language) and markdown cells of a notebook's raw JSON."""
    found = _LANGUAGE.search(text)
    kernel = (found.group("a") or found.group("b")).lower() if found else "python"
    code_lang: Lang = _KERNEL_LANGS.get(kernel, "python")
    cell_type = "code"
    pos = 0
    while True:
        match = _KEYS.search(text, pos)
        if match is None:
            return
        pos = match.end()
        if match.group("cell_type"):
            cell_type = match.group("cell_type")
        elif match.group("outputs"):
            pos = _skip_array(text, pos)
        else:
            lang: Lang = (
                "markdown"
                if cell_type == "markdown"
                else code_lang
                if cell_type == "code"
                else "generic"
            )
            cell, pos = _cell_from_source(text, pos, lang)
            if cell is not None:
                yield cell
