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
    "C_FAMILY",
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
    "kotlin",
    "csharp",
    "c",
    "cpp",
    "objc",
    "swift",
    "php",
    "dart",
    "elixir",
    "lua",
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

# The C family: `//` and `/* */` comments, double-quoted literals. Each keeps its own name
# (so accuracy is reported per language) and is read the same way.
C_FAMILY: frozenset[Lang] = frozenset(
    {"java", "kotlin", "csharp", "c", "cpp", "objc", "swift", "php", "dart"}
)
# Languages whose values after `key =` / `key:` are program expressions (strings inside).
_SCRIPT_LANGS: frozenset[Lang] = frozenset(
    {"python", "notebook", "js", "go", "rust", "ruby", "json", "toml", "elixir", "lua"}
)
CODE_LANGS: frozenset[Lang] = _SCRIPT_LANGS | C_FAMILY
# Languages whose line comments start with '#' (used inside expressions too).
HASH_COMMENT_LANGS: frozenset[Lang] = frozenset(
    {"python", "notebook", "ruby", "shell", "yaml", "toml", "env", "dockerfile", "http", "elixir"}
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
    "kt": "kotlin",
    "kts": "kotlin",
    "scala": "java",
    "groovy": "java",
    "gradle": "java",
    "cs": "csharp",
    "csx": "csharp",
    "c": "c",
    "h": "c",
    "cc": "cpp",
    "cpp": "cpp",
    "cxx": "cpp",
    "c++": "cpp",
    "hh": "cpp",
    "hpp": "cpp",
    "hxx": "cpp",
    "m": "objc",
    "mm": "objc",
    "swift": "swift",
    "php": "php",
    "dart": "dart",
    "ex": "elixir",
    "exs": "elixir",
    "lua": "lua",
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
    "kotlin": "kotlin",
    "kt": "kotlin",
    "csharp": "csharp",
    "cs": "csharp",
    "c#": "csharp",
    "c": "c",
    "cpp": "cpp",
    "c++": "cpp",
    "objc": "objc",
    "objective-c": "objc",
    "swift": "swift",
    "php": "php",
    "dart": "dart",
    "elixir": "elixir",
    "ex": "elixir",
    "exs": "elixir",
    "lua": "lua",
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


# Comment detection is line-local, so it costs O(line) per weak hit, never a lexing pass over
# the file: a line comment starts at a marker outside quotes earlier on the hit's line; block
# comments are found once per region by a literal-first regex. (A '#' inside a multi-line
# string reads as a comment: the label is informational, the candidate is the same.)
_Q = r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
# A line up to a `#` outside quotes (Python, TOML, Ruby): matches "x = 1  #"; not 's = "a#b" '.
_HASH_LINE = re.compile(rf"(?:[^\"'#\n]|{_Q})*#", re.ASCII)
# As _HASH_LINE, but the `#` must start the line or follow a blank (shell, YAML): matches
# "echo a #" or "#"; not "echo a#b" (`#` inside a word).
_HASH_WS_LINE = re.compile(
    rf"(?:[^\"'\s#]|(?<=\S)#|[ \t]|{_Q})*(?:(?<=[ \t])|(?<![^\n]))#", re.ASCII
)
# A line up to a `//` outside strings and template literals: matches "f(x) //"; not
# 's = "a//b" ' or "u = `//` ".
_SLASH_LINE = re.compile(rf"(?:[^\"'`/\n]|/(?![/*])|{_Q}|`(?:[^`\\\n]|\\.)*`)*//", re.ASCII)
# A line up to a Lua `--` outside quotes: matches "x = 1 --"; not "x = a - b" or 's = "--"'.
_DASH_LINE = re.compile(rf"(?:[^\"'\-\n]|-(?!-)|{_Q})*--", re.ASCII)
# A comment line of an .http file: matches "  #" or "//" at its start; not "GET /x #".
_HTTP_LINE = re.compile(r"[ \t]*(?:#|//)", re.ASCII)
# A `/* */` block comment, or an unclosed one to the end: matches "/* b */" in "a /* b */ c" and
# "/* b"; not "a / b".
_C_BLOCK = re.compile(r"/\*[\s\S]*?(?:\*/|\Z)", re.ASCII)
# An HTML comment, or an unclosed one to the end: matches "<!-- b -->" or "<!-- b"; not "<! b".
_HTML_BLOCK = re.compile(r"<!--[\s\S]*?(?:-->|\Z)", re.ASCII)
# A Ruby `=begin` ... `=end` block, each marker at a line start, or an unclosed one to the end;
# not "x =begin" (mid-line).
_RUBY_BLOCK = re.compile(r"\n=begin\b[\s\S]*?(?:\n=end\b|\Z)", re.ASCII)

_LINE_STYLES: dict[Lang, re.Pattern[str]] = {
    "python": _HASH_LINE,
    "notebook": _HASH_LINE,
    "toml": _HASH_LINE,
    "ruby": _HASH_LINE,
    "elixir": _HASH_LINE,
    "lua": _DASH_LINE,
    "shell": _HASH_WS_LINE,
    "env": _HASH_WS_LINE,
    "dockerfile": _HASH_WS_LINE,
    "yaml": _HASH_WS_LINE,
    "js": _SLASH_LINE,
    "go": _SLASH_LINE,
    **dict.fromkeys(C_FAMILY, _SLASH_LINE),
    "rust": _SLASH_LINE,
    "json": _SLASH_LINE,
    "http": _HTTP_LINE,
}
_BLOCK_STYLES: dict[Lang, re.Pattern[str]] = {
    "js": _C_BLOCK,
    "go": _C_BLOCK,
    **dict.fromkeys(C_FAMILY, _C_BLOCK),
    "rust": _C_BLOCK,
    "json": _C_BLOCK,
    "ruby": _RUBY_BLOCK,
    "markdown": _HTML_BLOCK,
}
_MAX_LINE_PREFIX = 4000  # minified code: look back this far on a line, not to its start


class CommentIndex:
    """Answers "is this offset inside a comment?" for one region of one language."""

    __slots__ = ("_block_ends", "_block_starts", "_end", "_lang", "_start", "_text")

    def __init__(self, text: str, start: int, end: int, lang: Lang) -> None:
        self._text = text
        self._start = start
        self._end = end
        self._lang = lang
        self._block_starts: list[int] | None = None
        self._block_ends: list[int] = []

    def _in_block(self, offset: int) -> bool:
        starts = self._block_starts
        if starts is None:
            starts = self._block_starts = []
            pattern = _BLOCK_STYLES.get(self._lang)
            if pattern is not None:
                for match in pattern.finditer(self._text, self._start, self._end):
                    starts.append(match.start())
                    self._block_ends.append(match.end())
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < self._block_ends[i]

    def in_comment(self, offset: int) -> bool:
        """True when `offset` falls inside a comment of the region's language."""
        line = _LINE_STYLES.get(self._lang)
        if line is not None:
            text = self._text
            # Look for the line start only as far back as is read: on a minified line of
            # megabytes an unbounded rfind per candidate made the scan quadratic.
            floor = max(self._start, offset - _MAX_LINE_PREFIX)
            line_start = max(floor, text.rfind("\n", floor, offset) + 1)
            if line.match(text, line_start, offset):
                return True
        return self._lang in _BLOCK_STYLES and self._in_block(offset)
