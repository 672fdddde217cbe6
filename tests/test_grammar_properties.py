"""Hypothesis properties of the name grammar (DESIGN §3).

Well-formed names are generated from their parts and must parse and round-trip; each
malformation class is made from a well-formed name and must be rejected with its reason
and, where one exists, a correction that itself parses back to the original.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from betalint.registry.grammar import BetaName, BetaNameError, is_well_formed, parse

LOWER = "abcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"

first_segment = st.builds(
    lambda head, rest: head + rest,
    st.sampled_from(LOWER),
    st.text(LOWER + DIGITS, max_size=8),
)
segment = st.text(LOWER + DIGITS, min_size=1, max_size=8)
features = st.builds(
    lambda first, rest: "-".join([first, *rest]),
    first_segment,
    st.lists(segment, max_size=4),
)
# A feature whose own tail looks like a date would make "feature alone" not a missing date.
_DATE_LIKE_TAIL = re.compile(r"-(\d{4}-\d{1,2}-\d{1,2}|\d{8})$")
plain_features = features.filter(lambda f: not _DATE_LIKE_TAIL.search(f))
dates = st.dates()  # 0001-01-01 … 9999-12-31: always four year digits in isoformat


def _name(feature: str, date: dt.date) -> str:
    return f"{feature}-{date.isoformat()}"


def _rejected(text: str) -> BetaNameError:
    try:
        parse(text)
    except BetaNameError as exc:
        assert not is_well_formed(text)
        return exc
    raise AssertionError(f"{text!r} parsed")


@given(features, dates)
def test_well_formed_names_parse_and_round_trip(feature: str, date: dt.date) -> None:
    s = _name(feature, date)
    assert parse(s) == BetaName(feature, date)
    assert str(parse(s)) == s
    assert is_well_formed(s)


@given(features, dates, st.booleans(), st.booleans())
def test_one_digit_month_or_day(feature: str, date: dt.date, short_m: bool, short_d: bool) -> None:
    short_m = short_m and date.month < 10
    short_d = short_d and date.day < 10
    assume(short_m or short_d)
    month = str(date.month) if short_m else f"{date.month:02d}"
    day = str(date.day) if short_d else f"{date.day:02d}"
    err = _rejected(f"{feature}-{date.year:04d}-{month}-{day}")
    assert err.problems == ("date-digits",)
    assert err.corrected == _name(feature, date)
    assert parse(err.corrected) == BetaName(feature, date)


@given(features, dates)
def test_compact_date(feature: str, date: dt.date) -> None:
    err = _rejected(f"{feature}-{date.year:04d}{date.month:02d}{date.day:02d}")
    assert err.problems == ("date-format",)
    assert err.corrected == _name(feature, date)


@given(features, dates)
def test_underscores(feature: str, date: dt.date) -> None:
    err = _rejected(_name(feature, date).replace("-", "_"))
    assert err.problems == ("separator",)
    assert err.corrected == _name(feature, date)


@given(features, dates, st.data())
def test_uppercase(feature: str, date: dt.date, data: st.DataObject) -> None:
    s = _name(feature, date)
    letters = [i for i, c in enumerate(s) if c.isalpha()]  # the first segment has one at least
    upper = data.draw(st.sets(st.sampled_from(letters), min_size=1))
    err = _rejected("".join(c.upper() if i in upper else c for i, c in enumerate(s)))
    assert err.problems == ("case",)
    assert err.corrected == s


@given(features, dates, st.text(" \t\n\r", min_size=1, max_size=3), st.text(" \t\n", max_size=3))
def test_surrounding_spaces(feature: str, date: dt.date, before: str, after: str) -> None:
    s = _name(feature, date)
    for text in (before + s + after, after + s + before):
        err = _rejected(text)
        assert err.problems == ("whitespace",)
        assert err.corrected == s


@st.composite
def non_calendar_dates(draw: st.DrawFn) -> tuple[int, int, int]:
    year = draw(st.integers(1, 9999))
    kind = draw(st.sampled_from(["day-past-month-end", "month-13+", "zero"]))
    if kind == "day-past-month-end":
        month = draw(st.integers(1, 12))
        day = draw(st.integers(calendar.monthrange(year, month)[1] + 1, 99))
    elif kind == "month-13+":
        month, day = draw(st.integers(13, 99)), draw(st.integers(1, 28))
    else:
        month, day = draw(st.sampled_from([(0, 1), (1, 0), (0, 0)]))
    return year, month, day


@given(features, non_calendar_dates())
def test_non_calendar_date_has_no_correction(feature: str, ymd: tuple[int, int, int]) -> None:
    y, m, d = ymd
    err = _rejected(f"{feature}-{y:04d}-{m:02d}-{d:02d}")
    assert err.problems == ("invalid-date",)
    assert err.corrected is None


@given(plain_features, st.sampled_from(["", "-"]))
def test_missing_date(feature: str, dash: str) -> None:
    err = _rejected(feature + dash)
    assert err.problems == ("missing-date",)
    assert err.corrected is None


@given(features, dates, st.integers(1, 3))
def test_trailing_dash(feature: str, date: dt.date, n: int) -> None:
    s = _name(feature, date)
    err = _rejected(s + "-" * n)
    assert err.problems == ("empty-segment",)
    assert err.corrected == s


@given(features, dates, st.data())
def test_empty_segment(feature: str, date: dt.date, data: st.DataObject) -> None:
    s = _name(feature, date)
    dashes = [i for i, c in enumerate(s) if c == "-"]
    at = data.draw(st.sampled_from(dashes))
    err = _rejected(s[:at] + "--" + s[at + 1 :])
    assert err.problems == ("empty-segment",)
    assert err.corrected == s


@given(features, dates, st.integers(1, 3))
def test_leading_dash(feature: str, date: dt.date, n: int) -> None:
    s = _name(feature, date)
    err = _rejected("-" * n + s)
    assert err.problems == ("empty-segment",)
    assert err.corrected == s


def _check_any(text: str) -> None:
    """Any text either parses and round-trips or raises BetaNameError with a reason."""
    try:
        name = parse(text)
    except BetaNameError as err:
        assert err.problems  # always a reason
        assert len(set(err.problems)) == len(err.problems)
        assert err.reason
        assert not is_well_formed(text)
        if err.corrected is not None:
            assert err.corrected != text
            assert str(parse(err.corrected)) == err.corrected
    else:
        assert str(name) == text
        assert is_well_formed(text)


@settings(max_examples=300)
@given(st.text())
def test_arbitrary_text_raises_only_beta_name_error(text: str) -> None:
    _check_any(text)


# Near-names: a small alphabet of name parts hits the interesting paths far more often.
_PARTS = ["a", "z", "0", "9", "-", "_", ".", " ", "A", "2025", "-2025-04-14", "20250414", "-4-"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PARTS), max_size=10).map("".join))
def test_near_names_raise_only_beta_name_error(text: str) -> None:
    _check_any(text)
