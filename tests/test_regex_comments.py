"""Every module-level regex in linter/, registry/ and scripts/ has a comment right above it.

The comment says what the pattern is for, with an example it matches and one it must not
(issue 12): a regex without one costs the next reader a session in a Python shell.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKED_DIRS = ("linter", "registry", "scripts")


def _compiles_regex(value: ast.expr) -> bool:
    """Does the assigned value call `re.compile` anywhere (a tuple or dict of patterns too)?"""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
        for node in ast.walk(value)
    )


def uncommented_regexes(source: str) -> list[int]:
    """Line numbers of module-level regex assignments whose previous line is no comment."""
    lines = source.splitlines()
    found = []
    for node in ast.parse(source).body:
        if not isinstance(node, ast.Assign | ast.AnnAssign) or node.value is None:
            continue
        if not _compiles_regex(node.value):
            continue
        previous = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
        if not previous.startswith("#"):
            found.append(node.lineno)
    return found


def _python_files() -> list[Path]:
    return sorted(p for d in CHECKED_DIRS for p in (ROOT / d).rglob("*.py"))


def test_the_checked_directories_hold_regexes() -> None:
    # Guards the test below against passing vacuously (a moved directory, a wrong root).
    assert len(_python_files()) > 50
    assert any("re.compile(" in p.read_text(encoding="utf-8") for p in _python_files())


@pytest.mark.parametrize("path", _python_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_module_level_regex_has_a_comment(path: Path) -> None:
    missing = uncommented_regexes(path.read_text(encoding="utf-8"))
    where = ", ".join(f"{path.relative_to(ROOT)}:{n}" for n in missing)
    assert not missing, f"add a comment (purpose, a match, a non-match) above {where}"


def test_the_check_finds_an_uncommented_regex() -> None:
    source = (
        "import re\n"
        "# Digits: matches '12'; not 'a'.\n"
        "_DIGITS = re.compile(r'[0-9]+')\n"
        "_WORD = re.compile(r'[a-z]+')\n"
        "_PAIR: tuple[re.Pattern[str], ...] = (re.compile('a'), re.compile('b'))\n"
        "_TABLE = {'x': re.compile('x')}\n"
        "_PLAIN = r'[a-z]+'  # a pattern string, compiled elsewhere\n"
        "def f() -> None:\n"
        "    local = re.compile('x')\n"
    )
    assert uncommented_regexes(source) == [4, 5, 6]


def test_a_comment_two_lines_up_does_not_count() -> None:
    source = "import re\n# Digits.\n\n_DIGITS = re.compile(r'[0-9]+')\n"
    assert uncommented_regexes(source) == [4]
