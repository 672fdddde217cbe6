"""What the scanner reports on one long line of repeated keys (the inputs that were quadratic).

Speed is measured in benchmarks/; these tests pin the output: each key's value stops at the
next key on its line, so every repetition is read once and reported on its own.
"""

from __future__ import annotations

from betalint.linter.scan.scanner import scan_text
from betalint.linter.scan.vocabulary import Vocabulary
from betalint.linter.suppressions import parse_suppressions

VOCAB = Vocabulary.from_names(["files-api-2025-04-14", "pdfs-2024-09-25"])
N = 60


def written(text: str, path: str) -> list[tuple[str, str, int | None]]:
    return [(c.written, c.context, c.group) for c in scan_text(text, path, VOCAB).candidates]


def test_repeated_header_keys_without_values() -> None:
    assert written("anthropic-beta:" * N, "a.txt") == []


def test_repeated_header_keys_each_value_once() -> None:
    found = scan_text("anthropic-beta: pdfs-2024-09-25 " * N, "a.txt", VOCAB).candidates
    assert [c.written for c in found] == ["pdfs-2024-09-25"] * N
    assert len({c.group for c in found}) == N  # one header each: no duplicates across keys


def test_value_cut_at_the_next_key_ends_open() -> None:
    # Prose naming two headers on one line: the comma before the second is no empty item.
    result = scan_text(
        "anthropic-beta: files-api-2025-04-14, anthropic-beta: pdfs-2024-09-25", "a.txt", VOCAB
    )
    assert [c.written for c in result.candidates] == ["files-api-2025-04-14", "pdfs-2024-09-25"]
    assert result.syntax_issues == ()


def test_repeated_yaml_header_keys() -> None:
    found = written("anthropic-beta: pdfs-2024-09-25 " * N, "a.yaml")
    assert [w for w, _, _ in found] == ["pdfs-2024-09-25"] * N


def test_repeated_env_keys() -> None:
    assert written("ANTHROPIC_BETA=" * N, ".env") == []
    found = written("ANTHROPIC_BETA=pdfs-2024-09-25 " * N, ".env")
    assert [w for w, _, _ in found] == ["pdfs-2024-09-25"] * N


def test_unclosed_block_comments_in_betas_lists() -> None:
    assert written(";betas=[/*x" * N, "a.js") == []
    found = written(';betas=["pdfs-2024-09-25"]' * N, "a.js")
    assert [(w, ctx) for w, ctx, _ in found] == [("pdfs-2024-09-25", "betas-list")] * N


def test_betas_key_in_a_comment_of_a_multiline_list_bounds_nothing() -> None:
    text = 'betas=[\n    "files-api-2025-04-14",  # older betas: none\n    "pdfs-2024-09-25",\n]\n'
    found = written(text, "a.py")
    assert [w for w, _, _ in found] == ["files-api-2025-04-14", "pdfs-2024-09-25"]
    assert found[0][2] == found[1][2]  # one list


def test_many_fence_markers_on_one_line() -> None:
    text = "x ``` " * N + "\n\n```python\nbetas=['pdfs-2024-09-25']\n```\n" + "~~~ x " * N
    assert written(text, "a.md") == [("pdfs-2024-09-25", "betas-list", 0)]


def test_repeated_directives_on_one_line() -> None:
    text = "# betalint: ignore " * N + "\nx = 1\n" + "/* betalint: ignore[BL2] " * N
    directives = parse_suppressions(text).directives
    assert len(directives) == 2 * N
    assert {d.line for d in directives} == {1, 3}
    first, second = directives[0], directives[1]
    assert (first.column, second.column) == (3, 22)
    assert first.own_line and not second.own_line
    assert all(d.codes == ("BL2",) for d in directives[N:])
