"""linter/scan/helpers.py: helper definitions with a betas parameter, and their call sites.

The fast path (a literal `beta`/`Beta` test before any parameter is split, and a definition
regex `re` can skip ahead on) must give exactly what the plain algorithm gives; the plain
algorithm is kept here, as it stood before the shortcut, to compare against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan import helpers
from betalint.linter.scan.helpers import helper_arguments

# The definition pattern before the shortcut (look-behind first, tried at every position).
_PLAIN_DEF = re.compile(
    r"(?<![A-Za-z0-9_])(?:def|function|func|fn|fun)[ \t]+(?:\([^()\n]{0,80}\)[ \t]*)?"
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)"
    r"[ \t]*(?:<[^<>()\n]{0,80}>)?\((?P<params>[^()]{0,600})\)",
    re.ASCII,
)


def plain_helper_arguments(text: str, start: int, end: int) -> Iterator[int]:
    """helper_arguments without shortcuts: every definition's parameters are split."""
    if "(" not in text[start:end]:
        return
    found_helpers: dict[str, int] = {}
    for found in _PLAIN_DEF.finditer(text, start, end):
        index = helpers._beta_position(found.group("params"))
        if index is not None:
            found_helpers.setdefault(found.group("name"), index)
    for name, index in found_helpers.items():
        call = re.compile(rf"(?<![A-Za-z0-9_]){re.escape(name)}[ \t]*\(", re.ASCII)
        for n, match in enumerate(call.finditer(text, start, end)):
            if n >= helpers._MAX_CALLS:
                break
            if helpers._DEF_KEYWORD.search(text, max(start, match.start() - 120), match.start()):
                continue
            limit = min(end, match.end() + helpers._MAX_ARGS_SPAN)
            commas = [match.end() - 1, *helpers._top_level_commas(text, match.end(), limit)]
            if index < len(commas):
                yield commas[index] + 1


FRAGMENTS = [
    "def ",
    "function ",
    "func ",
    "fn ",
    "fun ",
    "undef ",
    "_def ",
    "xfn ",
    "func (c *Client) ",
    "send",
    "Send",
    "post",
    "<T>",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "model",
    "betas",
    "self, ",
    "this, ",
    "*betas",
    "beta_headers",
    "betaHeaders",
    "anthropic_beta",
    "anthropicBeta",
    "extra_betas",
    "myBetas",
    "beta",
    "Beta",
    "betamax",
    ": list[str]",
    " []string",
    '"a"',
    "'b'",
    "`c`",
    '"(,)"',
    "\\",
    "\n",
    " ",
    '["files-api-2025-04-14"]',
    "%w[x y]",
    "listOf(",
    "x",
]
PARAM_FRAGMENTS = FRAGMENTS[FRAGMENTS.index(", ") : FRAGMENTS.index('"a"')]
ARG_FRAGMENTS = FRAGMENTS[FRAGMENTS.index('"a"') :]


NAMES = st.sampled_from(["send", "Send", "post", "fn", "def_x", "_call"])
KEYWORDS = st.sampled_from(["def ", "function ", "func ", "fn ", "fun ", "undef ", "xfn "])
PARAMS = st.lists(st.sampled_from(PARAM_FRAGMENTS), max_size=5).map(", ".join)
ARGS = st.lists(st.sampled_from(ARG_FRAGMENTS), max_size=5).map(", ".join)
# A definition (keyword, optional receiver, name, parameters) or a call of a name.
DEFINITION = st.tuples(KEYWORDS, st.sampled_from(["", "(c *C) "]), NAMES, PARAMS).map(
    lambda t: f"{t[0]}{t[1]}{t[2]}({t[3]})"
)
CALL = st.tuples(NAMES, st.sampled_from(["", " ", "\t"]), ARGS).map(
    lambda t: f"{t[0]}{t[1]}({t[2]})"
)
CHUNKS = st.one_of(st.sampled_from(FRAGMENTS), DEFINITION, CALL)


@given(
    st.lists(CHUNKS, max_size=40),
    st.integers(min_value=0, max_value=40),
    st.integers(min_value=0, max_value=40),
)
def test_fast_path_finds_what_the_plain_algorithm_finds(
    parts: list[str], cut_start: int, cut_end: int
) -> None:
    text = "".join(parts)
    start = min(cut_start, len(text))
    end = max(start, len(text) - cut_end)
    assert list(helper_arguments(text, start, end)) == list(
        plain_helper_arguments(text, start, end)
    )


@given(st.text(alphabet="defunctiosabBeht_ ,()[]*\n\"'", max_size=200))
def test_fast_path_on_arbitrary_text(text: str) -> None:
    assert list(helper_arguments(text, 0, len(text))) == list(
        plain_helper_arguments(text, 0, len(text))
    )


def test_finds_the_betas_argument_of_a_visible_helper() -> None:
    text = 'def send(model, betas):\n    pass\n\nsend("m", ["files-api-2025-04-14"])\n'
    (pos,) = helper_arguments(text, 0, len(text))
    assert text[pos:].startswith(' ["files-api-2025-04-14"]')


def test_a_helper_without_a_betas_parameter_gives_nothing() -> None:
    text = 'def send(model, tools):\n    pass\n\nsend("m", ["files-api-2025-04-14"])\n'
    assert list(helper_arguments(text, 0, len(text))) == []


def test_a_receiver_is_not_counted() -> None:
    text = 'func (c *Client) Send(ctx, betas []string) {}\nc.Send(ctx, []string{"x"})\n'
    (pos,) = helper_arguments(text, 0, len(text))
    assert text[pos:].startswith(' []string{"x"}')
