"""BL104: characters no beta name may hold, found in every language, named by code point.

Each row puts a name with a foreign character (a look-alike, an invisible, a dash, `/`) in
one language's strong or weak position; the look-alike negatives beside them hold the same
characters where no name is, and must stay silent.
"""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import betalint
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.scan.foreign import describe, fold, foreign_chars
from tests._fix_support import fix

TODAY = dt.date(2026, 11, 25)
NAME = "files-api-2025-04-14"


def bl104(text: str, path: str) -> list[Diagnostic]:
    return [d for d in betalint.scan_text(text, path, today=TODAY) if d.code == "BL104"]


# (path, text, code point named, column, fixed name or None)
POSITIVE: list[tuple[str, str, str, int, str | None]] = [
    ("a.py", 'betas=["files-\u0430pi-2025-04-14"]', "U+0430 CYRILLIC SMALL LETTER A", 15, NAME),
    ("a.ts", 'betas: ["files-api-2025-04-14\u200b"]', "U+200B ZERO WIDTH SPACE", 30, NAME),
    (
        "A.java",
        '.addBeta("files-api-2025-04-\uff11\uff14")',
        "U+FF11 FULLWIDTH DIGIT ONE",
        30,
        NAME,
    ),
    ("x.http", "anthropic-beta: files\u2013api-2025-04-14", "U+2013 EN DASH", 22, NAME),
    (".env", "ANTHROPIC_BETA=\u00adfiles-api-2025-04-14", "U+00AD SOFT HYPHEN", 16, NAME),
    ("a.yaml", "anthropic-beta: files-api-2025\u200d-04-14", "U+200D ZERO WIDTH JOINER", 31, NAME),
    (
        "a.sh",
        "curl -H 'anthropic-beta: files-api-2025-04-14\u202e'",
        "U+202E RIGHT-TO-LEFT",
        46,
        NAME,
    ),
    ("a.go", 'Betas: []string{"files-a\u0301pi-2025-04-14"}', "U+0301 COMBINING ACUTE", 25, NAME),
    ("a.rb", 'betas: ["files/api-2025-04-14"]', "U+002F SOLIDUS", 15, None),
    # A source escape is the character it writes; the fix removes the whole escape.
    ("a.py", 'betas=["files-api-2025-04-14\\u200b"]', "U+200B ZERO WIDTH SPACE", 29, NAME),
    (
        "a.json",
        '{"anthropic-beta": "files-api-2025-04-14\\u00a0"}',
        "U+00A0 NO-BREAK SPACE",
        41,
        NAME,
    ),
    # Weak positions: a constant string, and prose, holding a look-alike next to a known feature.
    ("a.py", 'BETA = "files-\u0430pi-2025-04-14"', "U+0430 CYRILLIC SMALL LETTER A", 15, NAME),
    (
        "a.md",
        "Send `fils-api-2025-04-14\u200b` in the header.",
        "U+200B ZERO WIDTH SPACE",
        26,
        NAME,
    ),
]


@pytest.mark.parametrize(("path", "text", "named", "column", "fixed"), POSITIVE)
def test_foreign_character_is_named(
    path: str, text: str, named: str, column: int, fixed: str | None
) -> None:
    (found,) = bl104(text, path)
    assert f"{named}" in found.message
    assert f"at column {column}" in found.message
    assert text[found.start : found.end] == found.name
    if fixed is None:
        assert found.fix is None
    else:
        assert found.fix is not None and found.fix.applicability == "safe"
        # `fils-…` (a typo) folds to itself; the typo is the next round's BL201.
        assert found.fix.replacement in (fixed, fixed.replace("files", "fils"))


# The same characters where no name is: prose in other languages, paths, placeholders,
# a hidden character beside a model id or a tool type.
NEGATIVE: list[tuple[str, str]] = [
    ("a.md", "Используйте files-api-2025-04-14 — это просто."),
    ("a.md", "See docs/files/api and the “files-api-2025-04-14” page \u2013 done."),
    ("a.py", 'url = "https://x.test/files/api-2025-04-14"'),
    ("a.py", 'model = "claude-3-5-sonnet-20241022\u200b"'),
    ("a.py", 'tools = [{"type": "web_search_20250305\u200b"}]'),
    ("x.http", "anthropic-beta: {{betas}}"),
    ("a.yaml", "anthropic-beta: 文件接口"),
    ("a.py", 'betas = ["αβγ", "中文"]'),
]


@pytest.mark.parametrize(("path", "text"), NEGATIVE)
def test_foreign_character_lookalike_is_silent(path: str, text: str) -> None:
    assert bl104(text, path) == []


def test_hidden_character_at_the_edge_is_removed_by_fix() -> None:
    text = 'betas=["fils-api-2025-04-14\u200b"]\n'
    result = fix("a.py", text)
    assert result.fixed.text == 'betas=["files-api-2025-04-14"]\n'


def test_every_character_is_listed() -> None:
    (found,) = bl104('betas=["f\u0456les-\u0430pi/2025-04-14"]', "a.py")
    assert "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I at column 10" in found.message
    assert "U+0430 CYRILLIC SMALL LETTER A at column 15" in found.message
    assert "U+002F SOLIDUS at column 18" in found.message
    assert found.fix is None  # '/' has no unambiguous stand-in


def test_fold_and_describe() -> None:
    assert fold("Files-\u0410PI", foreign_chars("Files-\u0410PI")) == "Files-API"
    assert fold("files-\u0410pi", foreign_chars("files-\u0410pi")) == "files-api"
    assert fold("files\u2014api", foreign_chars("files\u2014api")) == "files-api"
    assert fold("a\u4e2d", foreign_chars("a\u4e2d")) is None
    assert describe("\x07") == "U+0007 <control>"
    assert foreign_chars("files-api-2025-04-14") == []


# Strong positions in several languages; {n} is where the name goes.
STRONG = [
    ("a.py", 'client.beta.messages.create(betas=["{n}"])'),
    ("a.ts", 'await c.beta.messages.create({{ betas: ["{n}"] }})'),
    ("A.java", 'builder.addBeta("{n}");'),
    ("x.http", "anthropic-beta: {n}"),
    (".env", "ANTHROPIC_BETA={n}"),
    ("a.yaml", "headers:\n  anthropic-beta: {n}"),
    ("a.sh", "curl -H 'anthropic-beta: {n}' https://api.anthropic.com"),
]


def _insertable(char: str) -> bool:
    # Not ASCII (uppercase, '_', '.' are BL101 and quotes end the literal), not a surrogate.
    return not char.isascii() and unicodedata.category(char) != "Cs"


@settings(max_examples=300, deadline=None)
@given(
    char=st.characters(min_codepoint=0x80).filter(_insertable) | st.just("/"),
    where=st.integers(min_value=0, max_value=len(NAME)),
    form=st.sampled_from(STRONG),
)
def test_any_foreign_code_point_in_a_strong_position_is_named(
    char: str, where: int, form: tuple[str, str]
) -> None:
    path, template = form
    text = template.format(n=NAME[:where] + char + NAME[where:])
    found = bl104(text, path)
    assert len(found) == 1, (text, found)
    assert f"U+{ord(char):04X}" in found[0].message
    offset = text.index(char)
    assert found[0].start <= offset < found[0].end
    (foreign,) = foreign_chars(found[0].name)
    if foreign.stand_in == "":  # an invisible character: the fix gives back the name
        assert found[0].fix is not None
        (edit,) = found[0].fix.edits
        assert text[: edit.start] + edit.content + text[edit.end :] == template.format(n=NAME)
