"""The scanner's speed shortcuts give exactly what the plain passes give (hypothesis).

Each shortcut skips work it can prove would find nothing; these tests run both ways on
arbitrary text with planted keys and names, and compare.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan import scanner

KEY_FRAGMENTS = [
    *scanner._KEY_WORDS,
    "anthropic_",
    "anthropic",
    "_headers",
    "Headers",
    "s",
    "S",
    "BETA",
    "Beta",
    "beta",
    "@",
    '"',
    "'",
    "`",
    "?",
    " ",
    "\t",
    "\n",
    "=",
    "==",
    "=>",
    ":",
    "::",
    ":=",
    "+=",
    "(",
    "[",
    "x",
    "_",
    "files-api-2025-04-14",
]
key_text = st.lists(st.sampled_from(KEY_FRAGMENTS), max_size=40).map("".join)


def plain_key_matches(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [
        match.span()
        for pattern in scanner._KEY_PATTERNS
        for match in pattern.finditer(text, start, end)
    ]


@given(key_text, st.integers(0, 30), st.integers(0, 30))
def test_key_matches_are_the_finditer_matches(text: str, cut_start: int, cut_end: int) -> None:
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    fast = [match.span() for match in scanner._key_matches(text, start, end)]
    assert fast == plain_key_matches(text, start, end)


def test_each_key_word_starts_its_pattern_and_holds_one_stem_once() -> None:
    assert len(scanner._KEY_WORDS) == len(scanner._KEY_PATTERNS)
    for word, pattern in zip(scanner._KEY_WORDS, scanner._KEY_PATTERNS, strict=True):
        assert pattern.match(word + "=") is not None or pattern.match(word + " [") is not None
        assert sum(word.count(stem) for stem in scanner._KEY_STEMS) == 1, word
