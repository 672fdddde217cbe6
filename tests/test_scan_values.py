"""linter/scan/values.py: the readers that turn the value after a strong key into spans.

Every reader returns offsets into the text; `spans()` turns them back into the text they
cover, so each case reads as "this value holds these names".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.scan.values import (
    CONSTANT,
    constant_span,
    header_items,
    list_items,
    read_expression,
    read_header_line,
    read_header_strings,
    read_shell_word,
    read_yaml_value,
)


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def spans(text: str, found: Iterable[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in found]


def pieces(text: str, found: Iterable[_Span]) -> list[str]:
    return [text[p.start : p.end] for p in found]


# ---------------------------------------------------------------- header values (BL103)


@pytest.mark.parametrize(
    ("value", "items", "message", "replacement"),
    (
        ("a-2025-01-01, b-2025-02-02", ["a-2025-01-01", "b-2025-02-02"], None, None),
        (
            "a-2025-01-01;b-2025-02-02",
            ["a-2025-01-01", "b-2025-02-02"],
            "header items are separated by ',' not ';'",
            "a-2025-01-01,b-2025-02-02",
        ),
        (
            "a-2025-01-01,,b-2025-02-02",
            ["a-2025-01-01", "b-2025-02-02"],
            "empty item in header value",
            "a-2025-01-01,b-2025-02-02",
        ),
        (
            "'a-2025-01-01', b-2025-02-02",
            ["a-2025-01-01", "b-2025-02-02"],
            "stray quotes inside header value",
            "a-2025-01-01, b-2025-02-02",
        ),
        ("a-2025-01-01,", ["a-2025-01-01"], "empty item in header value", "a-2025-01-01"),
        # A placeholder is never an item, and makes no syntax problem.
        ("a-2025-01-01, ${EXTRA_BETAS}", ["a-2025-01-01"], None, None),
        # `name=flag` is one item (reported whole as malformed), not a name and a flag.
        ("name=true, b-2025-01-01", ["name=true", "b-2025-01-01"], None, None),
    ),
)
def test_header_items(
    value: str, items: list[str], message: str | None, replacement: str | None
) -> None:
    found, issues = header_items(value, 0, len(value), check_syntax=True)
    assert pieces(value, found) == items
    if message is None:
        assert issues == []
    else:
        (issue,) = issues
        assert (issue.message, issue.replacement) == (message, replacement)
        assert (issue.start, issue.end) == (0, len(value))


def test_header_items_without_syntax_checks_report_nothing() -> None:
    value = "a-2025-01-01;;b-2025-02-02"
    found, issues = header_items(value, 0, len(value), check_syntax=False)
    assert pieces(value, found) == ["a-2025-01-01", "b-2025-02-02"] and issues == []


def test_a_trailing_comma_that_continues_into_the_next_literal_is_no_empty_item() -> None:
    value = "a-2025-01-01,"
    found, issues = header_items(value, 0, len(value), check_syntax=True, open_end=True)
    assert pieces(value, found) == ["a-2025-01-01"] and issues == []


def test_list_items_split_a_string_with_commas() -> None:
    text = '"a-2025-01-01,b-2025-02-02"'
    assert pieces(text, list_items(text, 1, len(text) - 1)) == ["a-2025-01-01", "b-2025-02-02"]


# ---------------------------------------------------------------- program expressions


@pytest.mark.parametrize(
    ("text", "strings", "constants", "loose", "joined"),
    (
        (
            '["a-2025-01-01", "b-2025-02-02"]\nnext = 1',
            ["a-2025-01-01", "b-2025-02-02"],
            [],
            False,
            set(),
        ),
        ('"a," "b"', ["a,", "b"], [], False, {1}),  # adjacent literals are one string
        ('"a" + "b"', ["a", "b"], [], False, {1}),
        ('f(x) if y else ["a"]', ["a"], [], True, set()),  # computed: not every string counts
        ("%w[a-2025-01-01 b-2025-02-02]", [], ["a-2025-01-01", "b-2025-02-02"], False, set()),
        (
            '[anthropic.AnthropicBetaMCPClient2025_04_04, "x"]',
            ["x"],
            ["AnthropicBetaMCPClient2025_04_04"],
            False,
            set(),
        ),
        ('["a"  # why\n, "b"]', ["a", "b"], [], False, set()),  # a comment inside brackets
        ('"a"\n  "b"', ["a"], [], False, set()),  # the newline ends it (no join_lines)
    ),
)
def test_read_expression(
    text: str, strings: list[str], constants: list[str], loose: bool, joined: set[int]
) -> None:
    found = read_expression(text, 0, len(text), hash_comments=True)
    assert found is not None
    assert spans(text, found.strings) == strings
    assert pieces(text, found.pieces) == constants
    assert all(p.constant for p in found.pieces if "AnthropicBeta" in text[p.start : p.end])
    assert (found.loose, set(found.joined)) == (loose, joined)


def test_read_expression_inside_a_call_runs_to_its_parenthesis() -> None:
    text = '"x", "y") + other("z")'
    found = read_expression(text, 0, len(text), hash_comments=False, inside_call=True)
    assert found is not None and spans(text, found.strings) == ["x", "y"]


def test_join_lines_continues_a_string_on_the_next_line() -> None:
    text = '"a,"\n"b"'
    found = read_expression(text, 0, len(text), hash_comments=True, join_lines=True)
    assert found is not None
    assert (spans(text, found.strings), set(found.joined)) == (["a,", "b"], {1})


def test_slash_comments_are_skipped_where_hash_is_an_operator() -> None:
    text = '["a", // old: "b"\n "c"]'
    found = read_expression(text, 0, len(text), hash_comments=False)
    assert found is not None and spans(text, found.strings) == ["a", "c"]


def test_an_expression_that_does_not_end_in_bounds_is_none() -> None:
    text = '["a", "b"'
    assert read_expression(text, 0, len(text), hash_comments=True) is None


# ---------------------------------------------------------------- YAML, shell, header lines


@pytest.mark.parametrize(
    ("text", "scalars"),
    (
        (" a-2025-01-01\nnext: 1", ["a-2025-01-01"]),
        (' "q-2025-01-01" # why\n', ["q-2025-01-01"]),
        (' [a, "b"]\n', ["a", "b"]),
        ('\n  - a\n  - "b"\nother: 1', ["a", "b"]),  # a block list ends at the dedent
        (" |\n  block\n", []),  # a block scalar is not a list of names
    ),
)
def test_read_yaml_value(text: str, scalars: list[str]) -> None:
    assert spans(text, read_yaml_value(text, 0, len(text), 0)) == scalars


@pytest.mark.parametrize(
    ("text", "word"),
    (('"a,b" rest', "a,b"), ("a,b rest", "a,b"), ("'x y' z", "x y"), ("", None), (" ", None)),
)
def test_read_shell_word(text: str, word: str | None) -> None:
    found = read_shell_word(text, 0, len(text))
    assert (text[found[0] : found[1]] if found else None) == word


@pytest.mark.parametrize(
    ("text", "quote", "word", "value"),
    (
        (" a, b  \nnext", None, False, "a, b"),  # to the end of the line, trimmed
        (" a,b c", None, True, "a,b"),  # an unquoted shell argument ends at whitespace
        (' a, b\\r\\n" rest', '"', False, "a, b"),  # inside a string: up to the \r escape
        ("   \n", None, False, None),
    ),
)
def test_read_header_line(text: str, quote: str | None, word: bool, value: str | None) -> None:
    found = read_header_line(text, 0, len(text), quote, word=word)
    assert (text[found[0] : found[1]] if found else None) == value


@pytest.mark.parametrize("text", ('a,"  "b"', 'a, " + "b" ;', 'a,"\n  "b"'))
def test_read_header_strings_follow_adjacent_and_joined_literals(text: str) -> None:
    assert spans(text, read_header_strings(text, 0, len(text), '"')) == ["a,", "b"]


# ---------------------------------------------------------------- SDK constants


@pytest.mark.parametrize(
    ("text", "identifier"),
    (
        ("x := anthropic.AnthropicBetaMCPClient2025_04_04", "AnthropicBetaMCPClient2025_04_04"),
        ("AnthropicBeta.FILES_API_2025_04_14)", "FILES_API_2025_04_14"),
        ("AnthropicBeta::Known.PDFS_2024_09_25", "PDFS_2024_09_25"),
        ("MyAnthropicBetaX2025_01_01", None),  # not the start of an identifier
        ("AnthropicBetaParam", None),  # no date: a type, not a constant
        ("AnthropicBetaFilesAPI2025_04_14x", None),
    ),
)
def test_constant(text: str, identifier: str | None) -> None:
    match = re.search(CONSTANT, text)
    assert (text[slice(*constant_span(match))] if match else None) == identifier


_ITEM = st.from_regex(r"[a-z]{1,6}-20[0-9]{2}-[01][0-9]-[0-3][0-9]", fullmatch=True)


@settings(max_examples=50)  # from_regex items are slow to draw; 50 cover the separators
@given(st.lists(_ITEM, min_size=1, max_size=5), st.sampled_from([",", ", ", " , "]))
def test_well_formed_header_values_split_into_their_items(items: list[str], sep: str) -> None:
    value = sep.join(items)
    found, issues = header_items(value, 0, len(value), check_syntax=True)
    assert pieces(value, found) == items and issues == []
