"""Table tests for registry/grammar.py: DESIGN §3's verdict table and its neighbours."""

from __future__ import annotations

import datetime as dt

import pytest

from betalint.registry.grammar import BetaName, BetaNameError, is_well_formed, parse

VALID = (
    ("files-api-2025-04-14", "files-api", dt.date(2025, 4, 14)),
    ("output-128k-2025-02-19", "output-128k", dt.date(2025, 2, 19)),
    ("context-1m-2025-08-07", "context-1m", dt.date(2025, 8, 7)),
    ("a-2025-04-14", "a", dt.date(2025, 4, 14)),
    ("leap-2024-02-29", "leap", dt.date(2024, 2, 29)),
    ("x1-2-3-2025-12-31", "x1-2-3", dt.date(2025, 12, 31)),
    # The date is the last ten characters; an earlier date-like segment belongs to the feature.
    ("a-2024-01-01-2025-01-01", "a-2024-01-01", dt.date(2025, 1, 1)),
)


@pytest.mark.parametrize(("s", "feature", "date"), VALID)
def test_parse_valid(s: str, feature: str, date: dt.date) -> None:
    name = parse(s)
    assert name == BetaName(feature, date)
    assert str(name) == s
    assert is_well_formed(s)


# (input, problems, corrected)
MALFORMED: tuple[tuple[str, tuple[str, ...], str | None], ...] = (
    # DESIGN §3 table
    ("files-api-2025-4-14", ("date-digits",), "files-api-2025-04-14"),
    ("files-api-20250414", ("date-format",), "files-api-2025-04-14"),
    ("files-api-2025-04-14=true", ("value-suffix",), "files-api-2025-04-14"),
    ("files-api-2025-4-14=1", ("value-suffix", "date-digits"), "files-api-2025-04-14"),
    ("files_api_2025_04_14", ("separator",), "files-api-2025-04-14"),
    ("Files-API-2025-04-14", ("case",), "files-api-2025-04-14"),
    (" files-api-2025-04-14 ", ("whitespace",), "files-api-2025-04-14"),
    ("files-api-2025-02-30", ("invalid-date",), None),
    ("files-api", ("missing-date",), None),
    ("files-api-", ("missing-date",), None),
    ("files--api-2025-04-14", ("empty-segment",), "files-api-2025-04-14"),
    ("-files-2025-04-14", ("empty-segment",), "files-2025-04-14"),
    # neighbours
    ("files-api-2025-04-4", ("date-digits",), "files-api-2025-04-04"),
    ("files-api-2025-4-4", ("date-digits",), "files-api-2025-04-04"),
    ("files-api-2025-04-14-", ("empty-segment",), "files-api-2025-04-14"),
    ("files-api-2025-04-14--", ("empty-segment",), "files-api-2025-04-14"),
    ("files-api--2025-04-14", ("empty-segment",), "files-api-2025-04-14"),
    ("files-api-2025-04-14\n", ("whitespace",), "files-api-2025-04-14"),
    ("files.api-2025-04-14", ("separator",), "files-api-2025-04-14"),
    ("FILES_API_20250414", ("case", "separator", "date-format"), "files-api-2025-04-14"),
    ("files-API-2025-4-14 ", ("whitespace", "case", "date-digits"), "files-api-2025-04-14"),
    ("files-api-20250414-", ("empty-segment", "date-format"), "files-api-2025-04-14"),
    ("files-api-2025-13-01", ("invalid-date",), None),
    ("files-api-2023-02-29", ("invalid-date",), None),
    ("files-api-0000-01-01", ("invalid-date",), None),
    ("files-api-2025-4-31", ("date-digits", "invalid-date"), None),
    ("files-api-20250231", ("date-format", "invalid-date"), None),
    ("", ("empty",), None),
    ("   ", ("empty",), None),
    ("1a-2025-04-14", ("bad-character",), None),
    ("2025-04-14", ("bad-character",), None),
    ("fileś-api-2025-04-14", ("foreign-character",), None),
    ("files/\u0430pi-2025-04-14", ("foreign-character", "bad-character"), None),
    # Digits of other scripts are not digits of a name (int() would accept them).
    ("files-api-\u0662\u0660\u0662\u0665-04-14", ("foreign-character",), None),
    # Foreign characters with one ASCII reading: invisible ones go, compatibility forms and
    # dashes fold; a Cyrillic look-alike (above) has no correction here (BL104 has the table).
    ("files-api-2025-04-14\u200b", ("foreign-character",), "files-api-2025-04-14"),
    ("\ufb01les-api-2025\u201304\u201314", ("foreign-character",), "files-api-2025-04-14"),
    ("files-api-\uff12\uff10\uff12\uff15-04-14", ("foreign-character",), "files-api-2025-04-14"),
    ("files-2025-04-14x", ("missing-date",), None),
    ("claude-code-20250219", ("date-format",), "claude-code-2025-02-19"),
)


@pytest.mark.parametrize(("s", "problems", "corrected"), MALFORMED)
def test_parse_malformed(s: str, problems: tuple[str, ...], corrected: str | None) -> None:
    with pytest.raises(BetaNameError) as info:
        parse(s)
    err = info.value
    assert err.problems == problems
    assert err.problem == problems[0]
    assert err.corrected == corrected
    assert err.text == s
    assert not is_well_formed(s)
    if corrected is not None:
        assert str(parse(corrected)) == corrected


def test_foreign_character_is_named() -> None:
    # The reader cannot see a zero-width space or tell a Cyrillic a: the reason names both.
    with pytest.raises(BetaNameError) as info:
        parse("files-\u0430pi-2025-04-14\u200b")
    assert info.value.reason.startswith(
        "it holds U+0430 CYRILLIC SMALL LETTER A, U+200B ZERO WIDTH SPACE;"
    )


@pytest.mark.parametrize(
    ("s", "words"),
    (
        ("files-api-2025-4-14", "month and day take two digits"),
        ("files-api-20250414", "YYYY-MM-DD"),
        ("files-api-2025-02-30", "not a calendar date"),
        ("files-api", "lacks its -YYYY-MM-DD date"),
        ("Files-api-2025-04-14", "lowercase"),
        ("files--api-2025-04-14", "empty parts"),
    ),
)
def test_reason_in_words(s: str, words: str) -> None:
    with pytest.raises(BetaNameError) as info:
        parse(s)
    assert words in info.value.reason
    # str(err) names the input and says why, on one line
    assert repr(s) in str(info.value)
    assert words in str(info.value)
    assert "\n" not in str(info.value)


def test_several_problems_are_all_in_the_reason() -> None:
    with pytest.raises(BetaNameError) as info:
        parse("FILES_API_20250414")
    assert info.value.reason == (
        "a name is lowercase; parts are separated by '-', not '_' or '.'; "
        "the date must be YYYY-MM-DD"
    )


def test_beta_name_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="not a calendar date"):
        parse("x-2025-02-30")
