"""linter/scan/prefilter.py: the byte test that rejects most files before decoding.

It may pass files that hold nothing (the scanner then finds nothing); it must never reject a
file the scanner would report on.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.engine import Linter
from betalint.linter.scan import prefilter
from betalint.linter.scan.prefilter import might_contain_beta, might_matter


@pytest.mark.parametrize(
    "data",
    (
        b'betas=["files-api-2025-04-14"]',
        b"x = 'mcp-client-2025-04-04'",  # a date tail anywhere
        b"AnthropicBetaMCPClient2025_04_04",  # `_20` of a constant's date
        b"AnthropicBeta.MCP_CLIENT_20250404",  # the constant prefix
        b"-H 'Anthropic-Beta: x'",  # the header key, any case
        b"ANTHROPIC_BETA=x",
        b"builder.addBeta(name)",
        b"BETAS = names",
    ),
)
def test_passes_anything_a_rule_could_report(data: bytes) -> None:
    assert might_contain_beta(data)


@pytest.mark.parametrize(
    "data",
    (
        b"",
        b"import os\nprint('hello')\n",
        b"version = 1.2.3\ndate = 2025/04/14\n",  # a date without a -20/_20 tail
        b"\x89PNG\r\n\x1a\n\x00\x00",
        b"beta = True\nalpha_release = 'x'\n",  # `beta`, not `betas`
    ),
)
def test_rejects_files_without_any_marker(data: bytes) -> None:
    assert not might_contain_beta(data)


_WORDS = st.sampled_from(
    [
        "betas",
        "=",
        "[",
        "]",
        '"',
        ",",
        " ",
        "\n",
        "files-api",
        "2025-4-14",
        "-2025-04-14",
        "anthropic-beta:",
        "x",
        "#",
        "computer_use",
        "AnthropicBetaFilesAPI",
    ]
)


@given(st.lists(_WORDS, max_size=12).map("".join))
def test_never_rejects_a_text_with_findings(mini_linter: Linter, text: str) -> None:
    if not might_contain_beta(text.encode()):
        assert mini_linter.check(text, "x.py") == []
        assert mini_linter.check(text, "x.yml") == []


def test_every_folded_marker_holds_beta() -> None:
    """The `beta` test that rules out all folded markers at once is sound."""
    assert all(b"beta" in marker for marker in prefilter._PREFILTER_FOLDED)


@given(
    st.lists(
        st.sampled_from([b"betalint:", b"BETALINT:", b"x", b"-2", b"0", b"_", b"beta", b"s"]),
        max_size=12,
    ).map(b"".join)
)
def test_might_matter_is_the_prefilter_or_a_suppression(data: bytes) -> None:
    assert might_matter(data) == (might_contain_beta(data) or b"betalint:" in data)
