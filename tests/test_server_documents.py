"""The server's document model: LSP positions (UTF-8/16/32) and incremental changes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.server.documents import Document, line_starts

# Line breaks of every kind, ASCII, a BMP non-ASCII letter and an astral emoji.
ALPHABET = st.sampled_from(["a", "b", " ", "\n", "\r", "\r\n", "é", "😀", "\u2028", "\f"])
TEXTS = st.lists(ALPHABET, max_size=40).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-32"])


def reference_lines(text: str) -> list[str]:
    """LSP lines, by the spec's definition: only \\n, \\r\\n and \\r end a line."""
    out, current, i = [], "", 0
    while i < len(text):
        if text.startswith("\r\n", i):
            out.append(current)
            current, i = "", i + 2
            continue
        if text[i] in "\r\n":
            out.append(current)
            current = ""
        else:
            current += text[i]
        i += 1
    return [*out, current]


def units(chunk: str, encoding: str) -> int:
    codec = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}[encoding]
    width = {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
    return len(chunk.encode(codec)) // width


@pytest.mark.parametrize(
    ("text", "starts"),
    [("", [0]), ("a\nb", [0, 2]), ("a\r\nb\rc\n", [0, 3, 5, 7]), ("a\u2028b\fc", [0])],
)
def test_line_starts_follow_lsp_line_breaks(text: str, starts: list[int]) -> None:
    assert line_starts(text) == starts


def test_positions_count_utf16_code_units() -> None:
    doc = Document("file:///x", "😀 é x\n")
    offset = doc.text.index("x")
    assert doc.position(offset, "utf-16") == (0, 5)  # the emoji is two UTF-16 units
    assert doc.position(offset, "utf-8") == (0, 8)
    assert doc.position(offset, "utf-32") == (0, 4)
    assert doc.offset(0, 5, "utf-16") == offset


@given(TEXTS, ENCODINGS)
def test_position_matches_the_spec_definition(text: str, encoding: str) -> None:
    doc = Document("file:///x", text)
    lines = reference_lines(text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between \r and \n is no LSP position
        line, character = doc.position(offset, encoding)  # type: ignore[arg-type]
        before = text[:offset]
        assert line == len(reference_lines(before)) - 1
        assert character == units(reference_lines(before)[-1], encoding)
        assert line < len(lines)


@given(TEXTS, ENCODINGS)
def test_offset_inverts_position(text: str, encoding: str) -> None:
    doc = Document("file:///x", text)
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\r\n":
            continue  # between \r and \n is no LSP position
        assert doc.offset(*doc.position(offset, encoding), encoding) == offset  # type: ignore[arg-type]


@given(TEXTS, st.data(), TEXTS)
def test_incremental_change_equals_splicing(text: str, data: st.DataObject, insert: str) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    if text[a - 1 : a + 1] == "\r\n" or text[b - 1 : b + 1] == "\r\n":
        return  # not an LSP position
    doc = Document("file:///x", text)
    start, end = doc.position(a), doc.position(b)
    doc.apply(insert, start, end)
    assert doc.text == text[:a] + insert + text[b:]
    assert doc.position(len(doc.text)) == Document("file:///y", doc.text).position(len(doc.text))


def test_positions_past_the_end_are_clamped() -> None:
    doc = Document("file:///x", "ab\ncd")
    assert doc.offset(0, 99) == 2
    assert doc.offset(7, 0) == 5
    doc.apply("X", (9, 0), (9, 0))
    assert doc.text == "ab\ncdX"


def test_whole_document_change() -> None:
    doc = Document("file:///x", "old\n")
    doc.apply("new\ntext")
    assert doc.text == "new\ntext" and doc.position(5) == (1, 1)
