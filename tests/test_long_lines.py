"""On a minified line of megabytes, the per-candidate look-ups (is this offset in a comment,
is this list item alone on its line) read back a bounded distance, not to the line's start;
what they answer is unchanged. Checked with a `str` that records how far each `rfind` reads."""

from __future__ import annotations

import pytest

from betalint.linter.fix.edits import removal
from betalint.linter.scan.languages import _MAX_LINE_PREFIX, CommentIndex


class Recording(str):
    """A text that records the length of each `rfind` range it is asked."""

    __slots__ = ("widths",)
    widths: list[int]

    def rfind(self, sub: str, start: int | None = None, end: int | None = None, /) -> int:  # type: ignore[override]
        lo = 0 if start is None else start
        hi = len(self) if end is None else end
        self.widths.append(hi - lo)
        return str.rfind(self, sub, lo, hi)


def recording(text: str) -> Recording:
    out = Recording(text)
    out.widths = []
    return out


@pytest.mark.parametrize(("tail", "inside"), [("x = 1  # 'a'", True), ("x = '# a'", False)])
def test_comment_lookup_reads_a_bounded_prefix(tail: str, inside: bool) -> None:
    text = recording("y = 2; " * 100_000 + tail)
    offset = len(text) - 2
    assert CommentIndex(text, 0, len(text), "python").in_comment(offset) is inside
    assert max(text.widths) <= _MAX_LINE_PREFIX


def test_an_item_on_a_long_line_is_removed_with_its_comma_reading_a_bounded_prefix() -> None:
    line = '{"x": 1}, ' * 50_000 + '{"betas": ["a", "b"]}'
    text = recording(line)
    a = line.rindex('"a"')
    b = line.rindex('"b"')
    edit = removal(text, a, a + 3, siblings=[(b, b + 3)])
    assert edit is not None and line[: edit.start] + line[edit.end :] == line.replace('"a", ', "")
    assert max(text.widths) <= 4096


@pytest.mark.parametrize("indent", [4, 300])
def test_an_item_alone_on_its_line_still_goes_whole(indent: int) -> None:
    pad = " " * indent
    text = f"betas = [\n{pad}'a',\n{pad}'b',\n]\n"
    a = text.index("'a'")
    b = text.index("'b'")
    edit = removal(text, a, a + 3, siblings=[(b, b + 3)])
    assert edit is not None
    assert text[: edit.start] + text[edit.end :] == f"betas = [\n{pad}'b',\n]\n"
