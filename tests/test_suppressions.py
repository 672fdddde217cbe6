from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.suppressions import parse_suppressions


@pytest.mark.parametrize(
    "line",
    [
        "x = 'files-api-2025-04-14'  # betalint: ignore",
        "x = 'files-api-2025-04-14'  # noqa: E501 betalint: ignore[BL202]",
        "const x = 'files-api-2025-04-14'; // betalint: ignore[BL202,BL203]",
        'x := "files-api-2025-04-14" /* betalint: ignore[BL202] */',
        "SELECT 'files-api-2025-04-14' -- betalint:ignore[BL202]",
        "files-api-2025-04-14 <!-- betalint: ignore[ BL202 , BL203 ] -->",
        "key = files-api-2025-04-14 ; betalint: ignore",
        "\\beta{files-api-2025-04-14} % betalint: ignore[bl202]",
    ],
)
def test_same_line(line: str) -> None:
    sup = parse_suppressions("first\n" + line + "\nlast\n")
    assert sup.is_suppressed(2, "BL202")
    assert not sup.is_suppressed(1, "BL202")
    assert not sup.is_suppressed(3, "BL202")
    assert all("BL202" not in u.codes for u in sup.unused())
    assert all(u.codes == ("BL203",) for u in sup.unused())


@pytest.mark.parametrize(
    "text",
    [
        "x = 'betalint: ignore'\n",  # no comment opener before it: a string, not a directive
        '{"note": "betalint: ignore"}\n',
        "# betalint: ignored\n",
        "# betalint: ignore-next-line\n",
        "# betalint: ignore[BL2 02]\n",  # not a code list we understand
        "# betalint ignore\n",
        "# BETALINT: IGNORE\n",
    ],
)
def test_not_a_directive(text: str) -> None:
    sup = parse_suppressions(text + "y\n")
    assert not sup.is_suppressed(1, "BL202")
    assert not sup.is_suppressed(2, "BL202")
    assert not sup


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_own_line_covers_next_line(newline: str) -> None:
    text = newline.join(["a", "    # betalint: ignore[BL202]", "x = 'name'", "z", ""])
    sup = parse_suppressions(text)
    assert sup.is_suppressed(3, "BL202")
    assert not sup.is_suppressed(3, "BL203")
    assert not sup.is_suppressed(4, "BL202")
    assert sup.is_suppressed(2, "BL202")  # the comment line itself (it may name a beta)


def test_code_line_does_not_cover_next_line() -> None:
    sup = parse_suppressions("x = 1  # betalint: ignore\ny = 2\n")
    assert sup.is_suppressed(1, "BL101")
    assert not sup.is_suppressed(2, "BL101")


def test_prefix_codes() -> None:
    sup = parse_suppressions("x  # betalint: ignore[BL2]\n")
    assert sup.is_suppressed(1, "BL204")
    assert not sup.is_suppressed(1, "BL101")
    assert sup.unused() == []


def test_cheap_without_marker() -> None:
    text = "x = 1\n" * 2_000_000
    start = time.perf_counter()
    sup = parse_suppressions(text)
    assert time.perf_counter() - start < 0.05
    assert not sup.is_suppressed(5, "BL202")


def test_line_numbers_many_directives() -> None:
    lines = [f"v{i} = 1  # betalint: ignore" if i % 3 == 0 else f"v{i} = 1" for i in range(300)]
    sup = parse_suppressions("\r\n".join(lines))
    for i in range(300):
        assert sup.is_suppressed(i + 1, "BL202") == (i % 3 == 0)


def test_column_and_offsets() -> None:
    text = "abc\nx = 1  # betalint: ignore[BL202]\n"
    sup = parse_suppressions(text)
    [u] = sup.unused()
    assert (u.line, u.column) == (2, 10)
    assert text[u.start : u.end] == "betalint: ignore[BL202]"
    assert u.codes == ("BL202",)


def apply(text: str) -> str:
    sup = parse_suppressions(text)
    for u in reversed(sup.unused()):
        text = text[: u.fix_start] + u.replacement + text[u.fix_end :]
    return text


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # whole line goes when only the comment was on it
        ("a\n# betalint: ignore\nb\n", "a\nb\n"),
        ("a\r\n  // betalint: ignore[BL202]\r\nb\r\n", "a\r\nb\r\n"),
        ("a\n<!-- betalint: ignore -->\nb", "a\nb"),
        ("a\n# betalint: ignore", "a\n"),
        # whole comment goes when the directive was all of it
        ("x = 1  # betalint: ignore\n", "x = 1\n"),
        ("x = 1 /* betalint: ignore */ + 2\n", "x = 1 + 2\n"),
        ("/* betalint: ignore */ x = 1\n", "x = 1\n"),
        # only the directive goes when the comment says more
        ("x = 1  # noqa: E501 betalint: ignore\n", "x = 1  # noqa: E501\n"),
        ("x = 1  # betalint: ignore[BL202] old name\n", "x = 1  # old name\n"),
        ("x = 1  /* why betalint: ignore */\n", "x = 1  /* why */\n"),
        # partly used: the list is rewritten
    ],
)
def test_unused_fix(before: str, after: str) -> None:
    assert apply(before) == after


def test_partly_used_rewrites_codes() -> None:
    text = "x = 1  # betalint: ignore[BL202, BL203,BL204]\n"
    sup = parse_suppressions(text)
    assert sup.is_suppressed(1, "BL203")
    [u] = sup.unused()
    assert u.codes == ("BL202", "BL204")
    assert text[: u.fix_start] + u.replacement + text[u.fix_end :] == (
        "x = 1  # betalint: ignore[BL203]\n"
    )


def test_used_blanket_is_not_reported() -> None:
    sup = parse_suppressions("x  # betalint: ignore\n")
    assert sup.unused()[0].codes == ()
    sup.is_suppressed(1, "BL999")
    assert sup.unused() == []


def test_two_directives_one_line() -> None:
    sup = parse_suppressions("x  # betalint: ignore[BL202] betalint: ignore[BL203]\n")
    assert sup.is_suppressed(1, "BL203")
    assert [u.codes for u in sup.unused()] == [("BL202",)]


def test_empty_list_is_blanket() -> None:
    sup = parse_suppressions("x  # betalint: ignore[]\n")
    assert sup.is_suppressed(1, "BL101")


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("betalint: ignore[BL2,]#/*-<!>;% \r\n\tx")), max_size=200)
)
def test_never_raises_and_spans_are_sane(text: str) -> None:
    sup = parse_suppressions(text)
    for line in range(0, text.count("\n") + 3):
        sup.is_suppressed(line, "BL202")
    for u in sup.unused():
        assert 0 <= u.fix_start <= u.start < u.end <= len(text)
        assert u.fix_start <= u.fix_end <= len(text)
        assert (
            "betalint:" not in text[u.fix_start : u.fix_end].replace(text[u.start : u.end], "", 1)
            or u.replacement
        )


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_arbitrary_text(text: str) -> None:
    parse_suppressions(text).unused()
    parse_suppressions("# betalint: ignore" + text).unused()
