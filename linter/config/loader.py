"""Find and load config files: the closest one walking up from a directory, as ruff does.

In each directory `.betalint.toml`, then `betalint.toml` (top-level keys), then
`pyproject.toml` if it has a `[tool.betalint]` table. Settings are not merged across files.
Every key is read as `keys.KEYS` says; every error names the file and, where found, the line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar

from betalint.linter.config.keys import BY_NAME, CONFIG_KEYS
from betalint.linter.config.settings import CONFIG_NAMES, Settings
from betalint.linter.dates import parse_day
from betalint.registry.errors import BetalintError

Read = tuple[Any, list[tuple[str, str]]]


def _has_tool_table(path: Path) -> bool:
    """True if `path` (a pyproject.toml) has a `[tool.betalint]` table.

    A pyproject.toml that does not mention betalint is never parsed, so a broken one that is
    not ours cannot fail the run.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return False
    if b"betalint" not in data:
        return False
    doc = _parse_toml(path, data)
    tool = doc.get("tool")
    return isinstance(tool, dict) and "betalint" in tool


def config_in(directory: str) -> Path | None:
    for name in CONFIG_NAMES:
        candidate = os.path.join(directory, name)
        if not os.path.isfile(candidate):
            continue
        if name != "pyproject.toml" or _has_tool_table(Path(candidate)):
            return Path(candidate)
    return None


def find_config(start: Path) -> Path | None:
    """The first config file found in `start` (a directory, or a file's directory) or above."""
    directory = os.path.abspath(start)
    if not os.path.isdir(directory):
        directory = os.path.dirname(directory)
    while True:
        found = config_in(directory)
        if found is not None:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


# A size with an optional 1024-based unit (fullmatch): matches "10MB", "512k", "1.5 GiB" or "4096";
# not "10 TB" or "MB".
_SIZE_RE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?\s*", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """Parse `"10MB"`, `"512k"`, `"1.5 GiB"`, `"4096"` to bytes (units are powers of 1024, as
    git's). Raises ValueError on anything else."""
    m = _SIZE_RE.fullmatch(value)
    if m is None:
        raise ValueError(f"not a size: {value!r}")
    return int(float(m.group(1)) * _SIZE_UNITS[m.group(2).lower()])


def _parse_toml(path: Path, data: bytes) -> dict[str, Any]:
    # Deferred (~2 ms): most runs find no config file and never parse TOML.
    import tomllib

    from betalint.registry.toml_depth import TooDeep, loads_bounded

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BetalintError(
            f"{path}: not valid UTF-8 (byte offset {exc.start}); TOML files must be UTF-8"
        ) from None
    try:
        return loads_bounded(text)
    except TooDeep as exc:
        raise BetalintError(f"{path}: invalid TOML: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        # tomllib's message ends "(at line L, column C)" or "(at end of document)".
        msg = str(exc)
        m = re.search(r"\s*\(at line (\d+), column (\d+)\)$", msg)
        if m is not None:
            loc = f"{path}:{m.group(1)}:{m.group(2)}"
        else:
            m = re.search(r"\s*\(at end of document\)$", msg)
            last = text.rsplit("\n", 1)[-1]
            loc = f"{path}:{text.count(chr(10)) + 1}:{len(last) + 1}"
        reason = msg[: m.start()] if m else msg
        raise BetalintError(f"{loc}: invalid TOML: {reason}; fix the syntax") from None


def _key_line(text: str, key: str, table: str | None) -> int | None:
    """Best-effort 1-based line of `key = ...` (after the `[table` header, if any)."""
    lines = text.splitlines()
    start = 0
    if table is not None:
        header = re.compile(r"\s*\[\s*" + re.escape(table).replace(r"\.", r"\s*\.\s*"))
        for i, line in enumerate(lines):
            if header.match(line):
                start = i
                break
    pat = re.compile(r"\s*[\"']?" + re.escape(key) + r"[\"']?\s*[=.]")
    for i in range(start, len(lines)):
        if pat.match(lines[i]):
            return i + 1
    return None


class _Loader:
    """Validates one config table; every error names the file (and line when found)."""

    def __init__(self, path: Path, text: str, table: str | None) -> None:
        self.path = path
        self.text = text
        self.table = table
        self.root = path.parent

    def where(self, key: str) -> str:
        line = _key_line(self.text, key, self.table)
        return f"{self.path}:{line}" if line else str(self.path)

    def fail(self, key: str, what: str) -> BetalintError:
        return BetalintError(f"{self.where(key)}: {what}")

    def type_error(self, key: str, expected: str, value: object) -> BetalintError:
        return self.fail(
            key, f"`{_shown(key)}` must be {expected}, got {_type_name(value)} {value!r}"
        )

    def str_list(self, key: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.type_error(key, "a list of strings", value)
        return tuple(value)

    def load(self, table: Mapping[str, Any]) -> Settings:
        kw: dict[str, Any] = {}
        origins: list[tuple[str, str, str]] = []
        for key, value in table.items():
            spec = BY_NAME.get(key)
            if spec is None:
                raise self.unknown(key)
            parsed, found = self.readers[spec.kind](self, key, value)
            kw[spec.attr] = parsed
            origins += [(spec.attr, code, where) for code, where in found]
        return Settings(root=self.root, config_path=self.path, origins=tuple(origins), **kw)

    def unknown(self, key: str) -> BetalintError:
        hint = _did_you_mean(key, CONFIG_KEYS)
        where = f"[{self.table}]" if self.table else "the top level"
        return self.fail(
            key,
            f"unknown key `{_shown(key)}` in {where}{hint}; valid keys: {', '.join(CONFIG_KEYS)}",
        )

    # Each reader: (key, TOML value) -> (parsed value, [(rule code, where)] for error origins).

    def codes(self, key: str, value: object) -> Read:
        codes = self.str_list(key, value)
        return codes, [(c, f"`{key}` in {self.where(key)}") for c in codes]

    def strings(self, key: str, value: object) -> Read:
        return self.str_list(key, value), []

    def per_file_ignores(self, key: str, value: object) -> Read:
        if not isinstance(value, dict):
            raise self.type_error(key, "a table of glob = [codes]", value)
        table: list[tuple[str, tuple[str, ...]]] = []
        origins: list[tuple[str, str]] = []
        for glob, codes in value.items():
            if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                raise self.fail(
                    key,
                    f"`per-file-ignores` entry {glob!r} must be a list of rule codes, "
                    f"got {_type_name(codes)} {codes!r}",
                )
            table.append((glob, tuple(codes)))
            origins += [(c, f"`per-file-ignores` in {self.where(key)}") for c in codes]
        return tuple(table), origins

    def paths(self, key: str, value: object) -> Read:
        paths = []
        for entry in self.str_list(key, value):
            resolved = (self.root / os.path.expanduser(entry)).resolve()
            if not resolved.is_file():
                raise self.fail(
                    key,
                    f"`{key}` entry {entry!r} not found "
                    f"(resolved to {resolved}); paths are relative to the config file",
                )
            paths.append(resolved)
        return tuple(paths), []

    def boolean(self, key: str, value: object) -> Read:
        if not isinstance(value, bool):
            raise self.type_error(key, "true or false", value)
        return value, []

    def version(self, key: str, value: object) -> Read:
        if not isinstance(value, str):
            raise self.type_error(key, 'a version specifier string like ">=0.1"', value)
        check_required_version(value, self.where(key))
        return value, []

    def date(self, key: str, value: object) -> Read:
        if isinstance(value, datetime):
            raise self.type_error(key, "a date (YYYY-MM-DD), not a date-time", value)
        if isinstance(value, date):
            return value, []
        return self.parsed(key, value, parse_day, "a date YYYY-MM-DD")

    def size(self, key: str, value: object) -> Read:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value, []
        expected = 'a size in bytes (0 = no limit) or a string like "10MB"'
        return self.parsed(key, value, parse_size, expected)

    def parsed(self, key: str, value: object, parse: Callable[[str], Any], expected: str) -> Read:
        """A string value through `parse`; anything else, or a ValueError, is a type error."""
        if isinstance(value, str):
            try:
                return parse(value), []
            except ValueError:
                pass
        raise self.type_error(key, expected, value)

    def days(self, key: str, value: object) -> Read:
        if value is False:
            return 0, []
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value, []
        raise self.type_error(key, "a number of days (0 or false: off)", value)

    readers: ClassVar[dict[str, Callable[[_Loader, str, object], Read]]] = {
        "codes": codes,
        "strings": strings,
        "patterns": strings,
        "per-file-ignores": per_file_ignores,
        "paths": paths,
        "bool": boolean,
        "date": date,
        "version": version,
        "size": size,
        "days": days,
    }


def _type_name(value: object) -> str:
    names = {
        bool: "boolean",
        int: "integer",
        float: "float",
        str: "string",
        list: "array",
        dict: "table",
    }
    return names.get(type(value), type(value).__name__)


def _shown(key: str) -> str:
    """A key as written, escaped if it holds a newline or other control (messages are one line)."""
    return key if key.isprintable() else repr(key)[1:-1]


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    import difflib

    close = difflib.get_close_matches(word.replace("_", "-"), list(choices), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _installed_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("betalint")
    except PackageNotFoundError:  # running from a source tree without an install
        from betalint.linter.version import __version__

        return str(__version__)


def check_required_version(spec: str, where: str, installed: str | None = None) -> None:
    """Fail fast when the installed betalint does not satisfy `required-version`."""
    from packaging.specifiers import InvalidSpecifier, SpecifierSet
    from packaging.version import InvalidVersion, Version

    text = spec.strip()
    try:
        Version(text)  # a bare version means exactly that version, as ruff does
        text = f"=={text}"
    except InvalidVersion:
        pass
    try:
        specifier = SpecifierSet(text)
    except InvalidSpecifier:
        raise BetalintError(
            f'{where}: `required-version` {spec!r} is not a version specifier (e.g. ">=0.1")'
        ) from None
    have = installed if installed is not None else _installed_version()
    if not specifier.contains(have, prereleases=True):
        raise BetalintError(
            f"{where}: this project requires betalint {spec} but {have} is installed; "
            "upgrade betalint (pip install -U betalint)"
        )


def load_settings(path: Path | None) -> Settings:
    """Load and validate a config file; `None` gives the defaults rooted at the cwd."""
    if path is None:
        return Settings(root=Path.cwd())
    path = Path(os.path.abspath(path))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BetalintError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    doc = _parse_toml(path, data)
    text = data.decode("utf-8")
    if path.name == "pyproject.toml":
        tool = doc.get("tool", {})
        table = tool.get("betalint", {}) if isinstance(tool, dict) else {}
        if not isinstance(table, dict):
            raise BetalintError(f"{path}: `tool.betalint` must be a table")
        return _Loader(path, text, "tool.betalint").load(table)
    return _Loader(path, text, None).load(doc)
