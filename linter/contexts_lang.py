"""Languages for the scanner: which one a path or a Markdown fence is, and where its comments are.

Only what the scanner needs: a language picks how values after a key are read (code
expressions, YAML scalars, shell words, HTTP header lines) and how comments look, so a
weak hit can be labelled `comment` or `string`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

__all__ = [
    "CODE_LANGS",
    "HASH_COMMENT_LANGS",
    "CommentIndex",
    "Lang",
    "fence_language",
    "language_for_path",
]

Lang = Literal[
    "python",
    "notebook",
    "js",
    "go",
    "java",
    "rust",
    "ruby",
    "shell",
    "http",
    "markdown",
    "yaml",
    "json",
    "toml",
    "env",
    "dockerfile",
    "generic",
]

# Languages whose values after `key =` / `key:` are program expressions (strings inside).
CODE_LANGS: frozenset[Lang] = frozenset(
    {"python", "notebook", "js", "go", "java", "rust", "ruby", "json", "toml"}
)
# Languages whose line comments start with '#' (used inside expressions too).
HASH_COMMENT_LANGS: frozenset[Lang] = frozenset(
    {"python", "notebook", "ruby", "shell", "yaml", "toml", "env", "dockerfile", "http"}
)

_SUFFIXES: dict[str, Lang] = {
    "py": "python",
    "pyi": "python",
    "pyw": "python",
    "ipynb": "notebook",
    "ts": "js",
    "tsx": "js",
    "mts": "js",
    "cts": "js",
    "js": "js",
    "jsx": "js",
    "mjs": "js",
    "cjs": "js",
    "go": "go",
    "java": "java",
    "kt": "java",
    "kts": "java",
    "scala": "java",
    "groovy": "java",
    "gradle": "java",
    "cs": "java",
    "rb": "ruby",
    "rake": "ruby",
    "gemspec": "ruby",
    "rs": "rust",
    "sh": "shell",
    "bash": "shell",
    "zsh": "shell",
    "fish": "shell",
    "ksh": "shell",
    "curl": "shell",
    "curlrc": "shell",
    "envrc": "shell",
    "http": "http",
    "rest": "http",
    "md": "markdown",
    "mdx": "markdown",
    "markdown": "markdown",
    "yaml": "yaml",
    "yml": "yaml",
    "json": "json",
    "jsonc": "json",
    "json5": "json",
    "jsonl": "json",
    "ndjson": "json",
    "toml": "toml",
    "env": "env",
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
}

_NAMES: dict[str, Lang] = {
    ".curlrc": "shell",
    "_curlrc": "shell",
    ".envrc": "shell",
    ".bashrc": "shell",
    ".zshrc": "shell",
    ".profile": "shell",
    ".env": "env",
    "dockerfile": "dockerfile",
    "containerfile": "dockerfile",
    "gemfile": "ruby",
    "rakefile": "ruby",
    "brewfile": "ruby",
    "pipfile": "toml",
}


def language_for_path(path: str) -> Lang:
    """The language of a file, from its name and suffix; `generic` when unknown."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1].lower()
    if name in _NAMES:
        return _NAMES[name]
    if name.startswith(".env."):
        return "env"
    if name.startswith(("dockerfile.", "containerfile.")):
        return "dockerfile"
    if "." in name.lstrip("."):
        return _SUFFIXES.get(name.rsplit(".", 1)[1], "generic")
    return "generic"


_FENCE_LANGS: dict[str, Lang] = {
    "python": "python",
    "py": "python",
    "python3": "python",
    "ipython": "python",
    "pycon": "python",
    "ts": "js",
    "typescript": "js",
    "tsx": "js",
    "js": "js",
    "javascript": "js",
    "jsx": "js",
    "node": "js",
    "mjs": "js",
    "go": "go",
    "golang": "go",
    "java": "java",
    "kotlin": "java",
    "kt": "java",
    "csharp": "java",
    "cs": "java",
    "c#": "java",
    "ruby": "ruby",
    "rb": "ruby",
    "rust": "rust",
    "rs": "rust",
    "bash": "shell",
    "sh": "shell",
    "shell": "shell",
    "zsh": "shell",
    "fish": "shell",
    "console": "shell",
    "shell-session": "shell",
    "shellsession": "shell",
    "terminal": "shell",
    "curl": "shell",
    "powershell": "shell",
    "http": "http",
    "rest": "http",
    "md": "markdown",
    "markdown": "markdown",
    "mdx": "markdown",
    "yaml": "yaml",
    "yml": "yaml",
    "json": "json",
    "jsonc": "json",
    "json5": "json",
    "toml": "toml",
    "env": "env",
    "dotenv": "env",
    "dockerfile": "dockerfile",
    "docker": "dockerfile",
}


def fence_language(info: str) -> Lang:
    """The language of a Markdown fence from its info string (```python title="x"``` -> python)."""
    word = info.strip().split(None, 1)[0] if info.strip() else ""
    word = word.strip("{}.").lower()
    return _FENCE_LANGS.get(word, "generic")


# Each comment regex also matches strings, so a '#' or '//' inside a string is not a comment.
_STR = r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
_PY_STR = r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|' + _STR
_HASH = re.compile(rf"(?P<c>#[^\n]*)|(?:{_PY_STR})")
_RUBY = re.compile(rf"(?P<c>#[^\n]*|^=begin\b[\s\S]*?^=end\b)|(?:{_STR})", re.MULTILINE)
_SHELL = re.compile(rf"(?P<c>(?<![^\s;(|&])#[^\n]*)|(?:{_STR})")
_YAML = re.compile(rf"(?P<c>(?<![^\s])#[^\n]*)|(?:{_STR})")
_SLASH = re.compile(rf"(?P<c>//[^\n]*|/\*[\s\S]*?\*/)|(?:{_STR}|`(?:[^`\\]|\\.)*`)")
_HTTP = re.compile(r"(?P<c>^[ \t]*(?:#|//)[^\n]*)", re.MULTILINE)
_MARKDOWN = re.compile(r"(?P<c><!--[\s\S]*?-->)")

_COMMENTS: dict[Lang, re.Pattern[str] | None] = {
    "python": _HASH,
    "notebook": _HASH,
    "toml": _HASH,
    "ruby": _RUBY,
    "shell": _SHELL,
    "env": _SHELL,
    "dockerfile": _SHELL,
    "yaml": _YAML,
    "js": _SLASH,
    "go": _SLASH,
    "java": _SLASH,
    "rust": _SLASH,
    "json": _SLASH,
    "http": _HTTP,
    "markdown": _MARKDOWN,
    "generic": None,
}


class CommentIndex:
    """Answers "is this offset inside a comment?" for one region, built on first use.

    Only regions with a weak hit pay for the lexing pass.
    """

    __slots__ = ("_ends", "_lang", "_region_end", "_region_start", "_starts", "_text")

    def __init__(self, text: str, start: int, end: int, lang: Lang) -> None:
        self._text = text
        self._region_start = start
        self._region_end = end
        self._lang = lang
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _build(self) -> list[int]:
        starts: list[int] = []
        pattern = _COMMENTS.get(self._lang)
        if pattern is not None:
            for match in pattern.finditer(self._text, self._region_start, self._region_end):
                if match.group("c") is not None:
                    starts.append(match.start())
                    self._ends.append(match.end())
        self._starts = starts
        return starts

    def in_comment(self, offset: int) -> bool:
        """True when `offset` falls inside a comment of the region's language."""
        starts = self._starts if self._starts is not None else self._build()
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < self._ends[i]
