"""linter/scan/notebook.py: a notebook's code and markdown cells, decoded, with raw offsets."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from betalint.linter.scan.notebook import notebook_cells


def notebook(cells: list[dict[str, Any]], language: str = "python") -> str:
    """A notebook as Jupyter writes it (nbformat 4, one-space indent, sorted keys, UTF-8)."""
    doc = {
        "cells": cells,
        "metadata": {"language_info": {"name": language}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False)


def code(*lines: str, outputs: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": 1,
        "metadata": {},
        "outputs": outputs or [],
        "source": list(lines),
    }


def markdown(*lines: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": list(lines)}


def test_code_and_markdown_cells_in_order() -> None:
    text = notebook(
        [
            markdown("# Files API\n", "Upload first."),
            code("import anthropic\n", 'betas = ["files-api-2025-04-14"]'),
        ]
    )
    cells = list(notebook_cells(text))
    assert [(c.lang, c.text) for c in cells] == [
        ("markdown", "# Files API\nUpload first."),
        ("python", 'import anthropic\nbetas = ["files-api-2025-04-14"]'),
    ]


def test_outputs_are_never_read() -> None:
    stream = {"name": "stdout", "output_type": "stream", "text": ["mcp-client-2025-04-04\n"]}
    text = notebook([code("print(1)", outputs=[stream])])
    assert [c.text for c in notebook_cells(text)] == ["print(1)"]


def test_the_kernel_language_names_the_code_cells() -> None:
    text = notebook([code("const betas = ['x'];")], language="javascript")
    assert [c.lang for c in notebook_cells(text)] == ["js"]
    unknown = notebook([code("x")], language="wolfram")
    assert [c.lang for c in notebook_cells(unknown)] == ["python"]


def test_raw_cells_are_generic_and_empty_cells_are_skipped() -> None:
    raw = {"cell_type": "raw", "metadata": {}, "source": ["raw text"]}
    text = notebook([raw, code()])
    assert [(c.lang, c.text) for c in notebook_cells(text)] == [("generic", "raw text")]


def test_a_source_written_as_one_string() -> None:
    text = notebook([{"cell_type": "code", "metadata": {}, "outputs": [], "source": "x = 1"}])
    assert [c.text for c in notebook_cells(text)] == ["x = 1"]


def test_escapes_decode_and_map_back_to_their_raw_span() -> None:
    source = 'h = {"anthropic-beta": "mcp-client-2025-04-04"}\tβ'
    text = notebook([code(source)])
    (cell,) = notebook_cells(text)
    assert cell.text == source
    name = "mcp-client-2025-04-04"
    start = cell.text.index(name)
    raw_start, raw_end = cell.raw_span(start, start + len(name))
    assert text[raw_start:raw_end] == name
    quote = cell.text.index('"')
    assert text[slice(*cell.raw_span(quote, quote + 1))] == '\\"'  # one char, two raw
    tab = cell.text.index("\t")
    assert text[slice(*cell.raw_span(tab, tab + 1))] == "\\t"


def test_unicode_escapes_as_json_dumps_writes_them() -> None:
    text = json.dumps({"cells": [code("β = 1")]}, ensure_ascii=True)
    (cell,) = notebook_cells(text)
    assert cell.text == "β = 1"
    assert text[slice(*cell.raw_span(0, 1))] == "\\u03b2"


def test_an_escaped_surrogate_pair_is_one_character() -> None:
    text = json.dumps({"cells": [code("x = '😀'")]}, ensure_ascii=True)
    (cell,) = notebook_cells(text)
    assert cell.text == "x = '😀'"


def test_an_empty_span_maps_to_a_point() -> None:
    (cell,) = notebook_cells(notebook([code("ab")]))
    start, end = cell.raw_span(1, 1)
    assert start == end == cell.raw_starts[1]
    assert cell.raw_span(2, 2) == (cell.raw_ends[-1], cell.raw_ends[-1])  # past the end


_SOURCE = st.lists(st.text(max_size=12), max_size=4)


@given(_SOURCE, _SOURCE)
def test_every_cell_decodes_to_its_source(first: list[str], second: list[str]) -> None:
    text = notebook([code(*first), markdown(*second)])
    expected = [("python", "".join(first)), ("markdown", "".join(second))]
    assert [(c.lang, c.text) for c in notebook_cells(text)] == [e for e in expected if e[1]]
