"""linter/scan/languages.py: a path's or a fence's language, and where comments are."""

from __future__ import annotations

import pytest

from betalint.linter.scan.languages import (
    CODE_LANGS,
    HASH_COMMENT_LANGS,
    CommentIndex,
    Lang,
    fence_language,
    language_for_path,
)


@pytest.mark.parametrize(
    ("path", "lang"),
    (
        ("src/app.py", "python"),
        ("stubs/x.pyi", "python"),
        ("nb/Explore.ipynb", "notebook"),
        ("web/App.TSX", "js"),  # suffixes are case-insensitive
        ("C:\\work\\client.mjs", "js"),  # Windows separators
        ("cmd/main.go", "go"),
        ("Client.kt", "kotlin"),
        # The C family is read alike (C_FAMILY) but keeps its own names (issue 13).
        ("native/client.cpp", "cpp"),
        ("App.swift", "swift"),
        ("Client.cs", "csharp"),
        ("lib/client.rb", "ruby"),
        ("Gemfile", "ruby"),
        ("src/lib.rs", "rust"),
        ("scripts/smoke.sh", "shell"),
        (".bashrc", "shell"),
        ("requests.http", "http"),
        ("docs/guide.mdx", "markdown"),
        (".github/workflows/ci.yml", "yaml"),
        ("data/calls.jsonl", "json"),
        ("Pipfile", "toml"),
        (".env", "env"),
        (".env.production", "env"),
        ("deploy/prod.env", "env"),
        ("Dockerfile", "dockerfile"),
        ("Dockerfile.dev", "dockerfile"),
        ("build.containerfile", "dockerfile"),
        ("README", "generic"),
        (".gitignore", "generic"),  # a dot file, not a suffix
        ("notes.txt", "generic"),
    ),
)
def test_language_for_path(path: str, lang: Lang) -> None:
    assert language_for_path(path) == lang


@pytest.mark.parametrize(
    ("info", "lang"),
    (
        ("python", "python"),
        ('python title="client.py"', "python"),  # only the first word counts
        ("TypeScript", "js"),
        ("{.bash}", "shell"),  # pandoc attribute style
        ("console", "shell"),
        ("c#", "csharp"),
        ("dotenv", "env"),
        ("http", "http"),
        ("", "generic"),
        ("   ", "generic"),
        ("mermaid", "generic"),
    ),
)
def test_fence_language(info: str, lang: Lang) -> None:
    assert fence_language(info) == lang


def in_comment(text: str, needle: str, lang: Lang) -> bool:
    """Is the first `needle` of `text` inside a comment of `lang`?"""
    return CommentIndex(text, 0, len(text), lang).in_comment(text.index(needle))


@pytest.mark.parametrize(
    ("text", "needle", "lang", "expected"),
    (
        ('x = "a"  # NAME here\n', "NAME", "python", True),
        ('x = "# not a comment NAME"\n', "NAME", "python", False),  # '#' inside a string
        ("x = 1\n# NAME\n", "NAME", "python", True),
        ("# c\nNAME = 1\n", "NAME", "python", False),  # a comment ends with its line
        ("echo a#NAME\n", "NAME", "shell", False),  # '#' inside a shell word
        ("echo a #NAME\n", "NAME", "shell", True),
        ("#NAME\n", "NAME", "yaml", True),  # at the start of a line
        ("key: v # NAME\n", "NAME", "yaml", True),
        ('const u = "https://x/NAME";\n', "NAME", "js", False),  # '//' inside a string
        ("const u = 1; // NAME\n", "NAME", "js", True),
        ("const u = `//NAME`;\n", "NAME", "js", False),  # a template literal is a string
        ("/* a\n NAME\n*/ x()\n", "NAME", "go", True),  # block comments span lines
        ("/* a */ NAME()\n", "NAME", "java", False),
        ("/* never closed\nNAME\n", "NAME", "rust", True),  # runs to the end
        ("x\n=begin\nNAME\n=end\n", "NAME", "ruby", True),
        ("text <!-- NAME --> more\n", "NAME", "markdown", True),
        ("text NAME <!-- c -->\n", "NAME", "markdown", False),
        ("# NAME\n", "NAME", "http", True),
        ("X-Note: a # NAME\n", "NAME", "http", False),  # only a whole-line comment
        ("# NAME\n", "NAME", "generic", False),  # no comment syntax known
        ("# NAME\n", "NAME", "markdown", False),  # a heading, not a comment
    ),
)
def test_in_comment(text: str, needle: str, lang: Lang, expected: bool) -> None:
    assert in_comment(text, needle, lang) is expected


def test_a_region_starts_where_it_says() -> None:
    # A fenced block inside Markdown: the '#' before the region is not part of its lines.
    text = "# Title\n```python\nNAME = 1\n```\n"
    start = text.index("NAME")
    index = CommentIndex(text, start, text.index("```", start), "python")
    assert index.in_comment(start) is False


def test_hash_comment_languages_really_use_hash() -> None:
    for lang in HASH_COMMENT_LANGS:
        assert in_comment("# NAME\n", "NAME", lang), lang
    for lang in CODE_LANGS - HASH_COMMENT_LANGS:
        assert not in_comment("# NAME\n", "NAME", lang), lang
