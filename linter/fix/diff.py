"""`--diff`: a unified diff of one fixed file that `patch -p0` applies byte for byte.

Lines split at `\\n` only (as patch does), so CRLF endings and stray `\\r` stay inside the
lines; a last line without a newline gets patch's `\\ No newline at end of file` marker; a
UTF-8 byte-order mark is part of the first line. The diff is bytes in the file's own
encoding (UTF-8 or latin-1); a UTF-16 file's diff is shown in UTF-8 (readable, but patch
cannot apply it to the UTF-16 bytes).
"""

from __future__ import annotations

import difflib

from betalint.linter.files.reader import Source

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"


def _lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]


def unified_diff(source: Source, fixed_text: str, *, context: int = 3) -> bytes:
    """The diff from `source` to `fixed_text`, labelled with the path as given."""
    bom = "\ufeff" if source.bom and source.encoding == "utf-8" else ""
    before = _lines(bom + source.text)
    after = _lines(bom + fixed_text)
    out: list[str] = []
    for line in difflib.unified_diff(
        before, after, fromfile=source.path, tofile=source.path, n=context
    ):
        out.append(line)
        if line[:1] in " -+" and not line.endswith("\n"):
            out.append("\n" + _NO_NEWLINE)
    encoding = source.encoding if source.encoding in ("utf-8", "latin-1") else "utf-8"
    return "".join(out).encode(encoding, errors="surrogateescape")
