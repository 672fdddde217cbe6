"""linter/scan/markdown.py: a document split into prose and fenced code, by fence language."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan.markdown import markdown_regions


def regions(text: str) -> list[tuple[str, str]]:
    return [(text[a:b], lang) for a, b, lang in markdown_regions(text, 0, len(text))]


def test_a_fence_is_its_own_language_and_its_fence_lines_belong_to_neither() -> None:
    text = "# Calling the API\n\n```python\nclient = Anthropic()\n```\nThat is all.\n"
    assert regions(text) == [
        ("# Calling the API\n\n", "markdown"),
        ("client = Anthropic()\n", "python"),
        ("That is all.\n", "markdown"),
    ]


def test_tilde_fences_and_info_strings() -> None:
    text = 'Run:\n~~~bash title="smoke.sh"\ncurl -H x\n~~~\nDone.\n'
    assert regions(text) == [
        ("Run:\n", "markdown"),
        ("curl -H x\n", "shell"),
        ("Done.\n", "markdown"),
    ]


def test_a_fence_without_info_is_generic() -> None:
    assert regions("```\nplain\n```\n") == [("plain\n", "generic")]


def test_a_longer_fence_holds_shorter_ones() -> None:
    # CommonMark: a fence closes only on the same character, at least as long.
    text = "````md\n```python\ninner\n```\n````\nafter\n"
    assert regions(text) == [("```python\ninner\n```\n", "markdown"), ("after\n", "markdown")]


def test_the_other_fence_character_does_not_close() -> None:
    assert regions("```python\nx\n~~~\n```\n") == [("x\n~~~\n", "python")]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    assert regions("Intro\n```js\nnever closed\n") == [
        ("Intro\n", "markdown"),
        ("never closed\n", "js"),
    ]


def test_inline_triple_backticks_and_indented_code_are_prose() -> None:
    text = "```x``` is inline code\n    ```python\n    indented four\n    ```\n"
    assert [lang for _, lang in regions(text)] == ["markdown"] * len(regions(text))
    assert "".join(part for part, _ in regions(text)) == text


def test_a_sub_range_is_split_within_its_bounds() -> None:
    prefix = "ignored ```python\n"
    body = "Text\n```go\nx := 1\n```\n"
    text = prefix + body + "```python\ntrailing\n"
    found = list(markdown_regions(text, len(prefix), len(prefix) + len(body)))
    assert [(text[a:b], lang) for a, b, lang in found] == [
        ("Text\n", "markdown"),
        ("x := 1\n", "go"),
    ]


def test_empty_document() -> None:
    assert regions("") == []


_PARTS = st.sampled_from(["```", "~~~", "````", "python", "\n", " ", "text", "`", "   "])


@given(st.lists(_PARTS, max_size=20).map("".join))
def test_regions_are_ordered_disjoint_and_in_bounds(text: str) -> None:
    last = 0
    for start, end, _ in markdown_regions(text, 0, len(text)):
        assert last <= start <= end <= len(text)
        last = end
