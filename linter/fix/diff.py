"""`--diff`: a unified diff of one fixed file that `patch -p0` applies byte for byte.

Lines split at `\\n` only (as patch does), so CRLF endings and stray `\\r` stay inside the
lines; a last line without a newline gets patch's `\\ No newline at end of file` marker; a
UTF-8 byte-order mark is part of the first line. The diff is bytes in the file's own
encoding (UTF-8 or latin-1); a UTF-16 file's diff is shown in UTF-8 (readable, but patch
cannot apply it to the UTF-16 bytes).

Control characters never reach a terminal from a file name: the `---`/`+++` labels show them
as escapes (`\\n`, `\\x1b`). Inside the lines they are the file's own bytes, which patch
needs; on a terminal (`escape_controls`) they are shown as escapes too, a `\\r` that ends a
CRLF line excepted, so a carriage return or ESC in the file cannot hide or redraw a line.
"""

from __future__ import annotations

import difflib

from betalint.linter.files.reader import Source
from betalint.linter.report.escape import printable

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def _shown(line: str) -> str:
    """A diff line with its controls escaped: the marker and the line's own end stay."""
    body, end = (line[1:-1], "\n") if line.endswith("\n") else (line[1:], "")
    if body.endswith("\r"):  # CRLF: the \r belongs to the line ending
        body, end = body[:-1], "\r" + end
    return line[:1] + printable(body) + end


def unified_diff(
    source: Source, fixed_text: str, *, context: int = 3, escape_controls: bool = False
) -> bytes:
    """The diff from `source` to `fixed_text`, labelled with the path as given (escaped);
    `escape_controls` also escapes the lines' controls (for a terminal, not for patch)."""
    bom = "\ufeff" if source.bom and source.encoding == "utf-8" else ""
    before = _lines(bom + source.text)
    after = _lines(bom + fixed_text)
    out: list[str] = []
    label = printable(source.path)
    diff = difflib.unified_diff(before, after, fromfile=label, tofile=label, n=context)
    for number, line in enumerate(diff):
        if escape_controls and number >= 2 and line[:1] in " -+":  # 0, 1: the labels
            line = _shown(line)
        out.append(line)
        if line[:1] in " -+" and not line.endswith("\n"):
            out.append("\n" + _NO_NEWLINE)
    encoding = source.encoding if source.encoding in ("utf-8", "latin-1") else "utf-8"
    return "".join(out).encode(encoding, errors="surrogateescape")
