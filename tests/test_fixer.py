"""linter/fixer.py: rounds, overlap, verification, parse guards."""

from __future__ import annotations

import ast
import json
import tomllib
from dataclasses import replace

import pytest
from _fix_support import check, fix, source

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.files.reader import Source
from betalint.linter.fix.fixer import applies, apply_edits, fix_source

IT = "interleaved-thinking-2025-05-14"
C = "context-management-2025-06-27"


def test_apply_edits_any_order_and_refuses_overlap() -> None:
    assert apply_edits("abcdef", [Edit(4, 5, "E"), Edit(0, 1, "A")]) == "AbcdEf"
    assert apply_edits("abc", [Edit(1, 1, "+")]) == "a+bc"
    with pytest.raises(ValueError, match="overlapping"):
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")])


@pytest.mark.parametrize(
    ("applicability", "unsafe", "expected"),
    (
        ("safe", False, True),
        ("unsafe", False, False),
        ("unsafe", True, True),
        ("display", True, False),
    ),
)
def test_applies(applicability: str, unsafe: bool, expected: bool) -> None:
    fix_ = Fix(applicability, (Edit(0, 1, "x"),), None, "m")  # type: ignore[arg-type]
    assert applies(fix_, unsafe=unsafe) is expected
    assert applies(None, unsafe=unsafe) is False


def test_safe_only_without_unsafe_flag() -> None:
    text = f'c(betas=["mcp-client-2025-04-04", "{IT}", "{IT}"])\n'
    safe = fix("a.py", text)
    assert safe.fixed.text == 'c(betas=["mcp-client-2025-04-04", "' + IT + '"])\n'
    assert [d.code for d in safe.applied] == ["BL301"]
    assert [d.code for d in safe.remaining] == ["BL202"]
    both = fix("a.py", text, unsafe=True)
    assert both.fixed.text == f'c(betas=["mcp-client-2025-11-20", "{IT}"])\n'
    assert both.remaining == []


def test_triplicate_needs_two_rounds_and_never_empties_a_list() -> None:
    result = fix("a.py", f'c(betas=["{IT}", "{IT}", "{IT}"])\n')
    assert result.fixed.text == f'c(betas=["{IT}"])\n'
    assert len(result.applied) == 2
    ga = fix("a.py", 'c(betas=["files-api-2025-04-14", "pdfs-2024-09-25"])\n', unsafe=True)
    # Both are GA; one goes, the last stays (an empty list is a person's decision).
    assert ga.fixed.text == 'c(betas=["pdfs-2024-09-25"])\n'
    assert [d.code for d in ga.remaining] == ["BL203"]
    assert ga.remaining[0].fix is not None and ga.remaining[0].fix.applicability == "display"


def test_header_syntax_then_items_in_later_rounds() -> None:
    result = fix("a.py", 'h = {"anthropic-beta": "fils-api-2025-04-14;; ' + C + '"}\n')
    assert result.fixed.text == 'h = {"anthropic-beta": "files-api-2025-04-14, ' + C + '"}\n'
    assert result.rounds == 2


def test_nothing_to_fix_returns_the_same_source() -> None:
    result = fix("a.py", f'c(betas=["{IT}"])\n')
    assert not result.changed and result.fixed.data == result.source.data
    assert result.rounds == 0


def _poisoned(bad_content: str, code: str = "BL201") -> tuple[Source, list[Diagnostic]]:
    """A source whose one finding carries a fix that does not do what it says."""
    src = source("a.py", 'c(betas=["fils-api-2025-04-14"])\n')
    [d] = check(src)
    assert d.code == code and d.fix is not None
    edit = d.fix.edits[0]
    bad = replace(d, fix=replace(d.fix, edits=(replace(edit, content=bad_content),)))
    return src, [bad]


def test_a_fix_that_leaves_its_finding_is_dropped_and_reported() -> None:
    src, diags = _poisoned("fils-api-2025-04-14")  # "fixes" it to itself
    result = fix_source(src, check, diagnostics=diags)
    assert not result.changed
    assert [d.reason for d in result.dropped] == ["BL201 is still reported after the fix"]


def test_a_fix_that_breaks_python_is_dropped() -> None:
    src, diags = _poisoned('files-api-2025-04-14"')
    result = fix_source(src, check, diagnostics=diags)
    assert not result.changed
    assert result.dropped[0].reason == "the result would no longer parse as Python"


def test_a_fix_that_creates_a_malformed_name_is_dropped() -> None:
    src, diags = _poisoned("Files-API-2025-04-14")
    result = fix_source(src, check, diagnostics=diags)
    assert not result.changed
    assert "new BL101" in result.dropped[0].reason


def test_a_bad_fix_does_not_stop_the_good_ones() -> None:
    text = f'c(betas=["fils-api-2025-04-14", "{IT}", "{IT}"])\n'
    src = source("a.py", text)
    diags = check(src)
    poisoned = []
    for d in diags:
        if d.code == "BL201" and d.fix is not None:
            edit = replace(d.fix.edits[0], content="fils-api-2025-04-14")
            d = replace(d, fix=replace(d.fix, edits=(edit,)))
        poisoned.append(d)
    result = fix_source(src, check, diagnostics=poisoned, max_rounds=1)
    assert result.fixed.text == f'c(betas=["fils-api-2025-04-14", "{IT}"])\n'
    assert [d.diagnostic.code for d in result.dropped] == ["BL201"]
    # The next round re-checks the text and gets the real fix for the typo.
    again = fix_source(src, check, diagnostics=poisoned)
    assert again.fixed.text == f'c(betas=["files-api-2025-04-14", "{IT}"])\n'


def test_rounds_are_bounded() -> None:
    result = fix("a.py", f'c(betas=["{IT}", "{IT}", "{IT}", "{IT}"])\n', max_rounds=1)
    assert result.rounds == 1
    # One round: the 2nd and 4th go (their edits do not touch); the 3rd touches the 2nd's.
    assert result.fixed.text == f'c(betas=["{IT}", "{IT}"])\n'
    assert len(result.applied) == 2


def test_encoding_that_cannot_hold_the_fix_is_dropped() -> None:
    data = 'c(betas=["fils-api-2025-04-14"])  # caf\xe9\n'.encode("latin-1")
    from betalint.linter.files.reader import decode_bytes

    src = decode_bytes(data, "a.py")
    assert isinstance(src, Source) and src.encoding == "latin-1"
    [d] = check(src)
    assert d.fix is not None
    bad = replace(
        d,
        fix=replace(d.fix, edits=(replace(d.fix.edits[0], content="files-api-2025-04-14\u2603"),)),
    )
    result = fix_source(src, check, diagnostics=[bad])
    assert "cannot hold" in result.dropped[0].reason
    good = fix_source(src, check)
    assert good.fixed.data == data.replace(b"fils", b"files")


@pytest.mark.parametrize(
    ("path", "text", "parse"),
    (
        ("a.py", f'c(betas=["fils-api-2025-04-14", "{IT}", "{IT}"])\n', ast.parse),
        ("a.json", f'{{"betas": ["computer-use-2025-1-24", "{IT}", "{IT}"]}}\n', json.loads),
        ("a.toml", f'betas = ["fils-api-2025-04-14", "{IT}", "{IT}"]\n', tomllib.loads),
    ),
)
def test_fixed_files_still_parse(path: str, text: str, parse: object) -> None:
    result = fix(path, text)
    assert result.changed
    parse(result.fixed.text)  # type: ignore[operator]
    fixed = "computer-use-2025-01-24" if path == "a.json" else "files-api-2025-04-14"
    assert fixed in result.fixed.text and result.fixed.text.count(IT) == 1
