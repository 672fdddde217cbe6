"""The scanner's speed shortcuts give exactly what the plain passes give (hypothesis).

Each shortcut skips work it can prove would find nothing; these tests run both ways on
arbitrary text with planted keys and names, and compare.
"""

from __future__ import annotations

from unittest import mock

import test_scanner_properties as properties
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


# Keys in every ASCII case the scanner reads them in, beside the scanner properties' pieces.
CASED_KEYS = [
    "Anthropic-BETA: ",
    '"ANTHROPIC-beta": "',
    "ANTHROPIC_BETA=",
    "anthropic_Beta=",
    "bEtAs=[",
    "Betas: ",
    "BETAS = [",
    ".addBeta(",
    "AnthropicBeta.FILES_API_2025_04_14",
    "AnthropicBetaFilesAPI2025_04_14",
    "List<AnthropicBeta> { ",
    "def send(model, betas):\n",
    "send(m, [",
    "```python\n",
    "```\n",
    "b",
    "eta",
]
planted_text = st.lists(
    st.one_of(
        st.sampled_from(properties.FRAGMENTS),
        st.sampled_from(CASED_KEYS),
        st.text(max_size=3),
    ),
    max_size=30,
).map("".join)


@given(planted_text, st.sampled_from(properties.PATHS))
def test_skipping_key_passes_without_beta_changes_nothing(text: str, path: str) -> None:
    fast = scanner.scan_text(text, path, properties.VOCAB)
    with mock.patch.object(scanner, "_may_hold_keys", lambda text, start, end: True):
        slow = scanner.scan_text(text, path, properties.VOCAB)
    assert fast == slow


def test_may_hold_keys_across_chunks() -> None:
    text = "x" * (scanner._CHUNK - 2) + "BeTa" + "y" * 10
    assert scanner._may_hold_keys(text, 0, len(text))
    assert not scanner._may_hold_keys(text, 0, scanner._CHUNK)  # the key ends past `end`
    assert not scanner._may_hold_keys("bet a files-api-2025-04-14", 0, 26)
