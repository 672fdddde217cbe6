"""linter/globs.py: gitignore patterns matched without backtracking (issue 17, Why 8), with
git's semantics, checked against pathspec (which implements git's rules) as the oracle."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pathspec import GitIgnoreSpec

from betalint.linter.files.globs import GitPattern, parse_line

CATASTROPHIC = "*a*a*a*a*a*a*a*a*a*a*b"


def _pattern(line: str) -> GitPattern:
    pat = parse_line(line)
    assert pat is not None
    return pat


def test_the_catastrophic_glob_answers_right() -> None:
    pat = _pattern(CATASTROPHIC)
    assert not pat.matches("a" * 50, is_dir=False)
    assert not pat.matches("a" * 9 + "b", is_dir=False)  # one `a` short
    assert pat.matches("a" * 10 + "b", is_dir=False)
    assert pat.matches("a" * 50 + "b", is_dir=False)
    assert pat.matches("x/" + "xa" * 10 + "b", is_dir=False)  # unanchored: any depth
    assert not pat.matches("a" * 50 + "b/c", is_dir=False)  # `*` never crosses `/`


def test_catastrophic_glob_in_gitignore_and_exclude(tmp_path: Path) -> None:
    name = "a" * 50
    (tmp_path / ".git").mkdir()
    (tmp_path / ".gitignore").write_text(CATASTROPHIC + "\n")
    config = f'[tool.betalint]\nextend-exclude = ["{CATASTROPHIC}"]\n'
    (tmp_path / "pyproject.toml").write_text(config)
    (tmp_path / f"{name}.py").write_text('B = ["fils-api-2025-04-14"]\n')
    (tmp_path / f"{name}b").mkdir()
    (tmp_path / f"{name}b" / "a.py").write_text('B = ["fils-api-2025-04-14"]\n')
    done = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert f"{name}.py:1:" in done.stdout  # not excluded: it does not end in b
    assert f"{name}b/" not in done.stdout  # excluded


@pytest.mark.parametrize(
    ("line", "path", "is_dir", "expected"),
    (
        ("build/", "build", True, True),
        ("build/", "build", False, False),  # directories only
        ("/top", "top", False, True),
        ("/top", "x/top", False, False),  # anchored
        ("doc/*.md", "doc/a.md", False, True),
        ("doc/*.md", "x/doc/a.md", False, False),  # a middle slash anchors
        ("**/logs", "a/b/logs", True, True),
        ("a/**/b", "a/b", False, True),
        ("a/**/b", "a/x/y/b", False, True),
        ("a/**", "a", True, False),  # everything inside, not the directory itself
        ("a/**", "a/x/y", False, True),
        ("a**b", "axxb", False, True),  # other `**` are `*`
        ("[!a]b", "cb", False, True),
        ("[!a]b", "ab", False, False),
        ("a[!a]a", "a/a", False, False),  # a class never matches `/` (git's wildmatch)
        ("[a-c]", "b", False, True),
        ("\\*", "*", False, True),
        ("\\*", "x", False, False),
        ("[z-a]", "z", False, False),  # an invalid range matches nothing, never raises
        ("[unclosed", "[unclosed", False, True),
        ("trailing\\ ", "trailing ", False, True),
        ("trailing   ", "trailing", False, True),
    ),
)
def test_git_semantics(line: str, path: str, is_dir: bool, expected: bool) -> None:
    assert _pattern(line).matches(path, is_dir) is expected


def test_comments_blanks_and_negation() -> None:
    assert parse_line("# comment") is None
    assert parse_line("   ") is None
    assert _pattern("\\#file").matches("#file", is_dir=False)
    negated = _pattern("!keep.py")
    assert not negated.include and negated.matches("keep.py", is_dir=False)


# No `[!a]`: pathspec lets a negated class match `/`, which git's wildmatch never does
# (the parametrized cases above pin git's behaviour).
_glob = st.lists(
    st.sampled_from(["a", "b", "*", "?", "/", "**", "[ab]"]), min_size=1, max_size=7
).map("".join)
_path = st.lists(st.sampled_from(["a", "b", "ab", "ba", "aab"]), min_size=1, max_size=5).map(
    "/".join
)


@given(_glob, _path)
def test_agrees_with_pathspec(line: str, path: str) -> None:
    (oracle,) = GitIgnoreSpec.from_lines([line]).patterns or [None]
    ours = parse_line(line)
    if oracle is None or oracle.include is None:
        assert ours is None or not ours.matches_or_inside(path)
        return
    assert ours is not None
    # pathspec matches a path when it or a parent directory matches, as matches_or_inside
    assert ours.matches_or_inside(path) is bool(oracle.match_file(path)), (line, path)


@given(
    st.lists(st.sampled_from(["a", "b", "*", "?", "/", "**", "[ab]", "!", "\\"]), max_size=7).map(
        "".join
    ),
    st.lists(st.sampled_from(["a", "b", "ab", "ba", "", "aab"]), min_size=1, max_size=5).map(
        "/".join
    ),
    st.booleans(),
)
def test_shortcuts_agree_with_the_state_sets(line: str, path: str, is_dir: bool) -> None:
    """`matches` answers `*.log`-like and `**`-free lines without state sets: the same
    answer as stepping through every segment."""
    pat = parse_line(line)
    if pat is None:
        return
    slow = (is_dir or not pat.dir_only) and pat._matches_parts(path.split("/"))
    assert pat.matches(path, is_dir) is slow, (line, path, is_dir)


def test_shortcut_shapes() -> None:
    assert _pattern("*.log")._last_only is not None  # `**/*.log`: the name alone decides
    assert _pattern("a/b")._depth == 2 and _pattern("a/**")._depth == -1
    assert _pattern("*.log").matches("x/y/z.log", is_dir=False)
    assert not _pattern("a/b").matches("a/b/c", is_dir=False)
    assert _pattern("a/*").matches("a/b", is_dir=True)
