"""Find, load and validate betalint settings; resolve which rules apply to which file.

Config is the closest file walking up from a directory, as ruff does: in each directory
`.betalint.toml`, then `betalint.toml` (top-level keys), then `pyproject.toml` if it has a
`[tool.betalint]` table. Settings are not merged across files. CLI flags are layered on top
with `merge_cli`. Kept free of pydantic and of eager imports: this runs on every invocation.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from betalint.registry.errors import BetalintError

__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDES",
    "DEFAULT_MAX_FILE_SIZE",
    "RuleSelector",
    "Settings",
    "clear_cache",
    "find_config",
    "load_settings",
    "merge_cli",
    "parse_size",
    "settings_for",
]

# ruff's default excludes (0.5+), plus __pycache__. `build` is deliberately absent: ruff dropped
# it (astral-sh/ruff#10093) because source trees often have a `build` package, and build
# outputs are normally gitignored anyway.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

# Precedence inside one directory (ruff's order: the dedicated file wins over pyproject.toml).
CONFIG_NAMES: tuple[str, ...] = (".betalint.toml", "betalint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    """Resolved, immutable settings for the files under one config (or the defaults).

    Patterns (`exclude`, `extend-exclude`, `per-file-ignores` globs) are gitignore-style and
    relative to `root`: the directory of the config file, or the cwd when there is none.
    `max_file_size` 0 means no limit. `select=None` means every rule.
    """

    root: Path
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    extra_registries: tuple[Path, ...] = ()
    respect_gitignore: bool = True
    sdk_layer: bool = True  # names of the installed SDKs' literals count as known
    today: date | None = None
    required_version: str | None = None
    platforms: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    config_path: Path | None = None
    # Where each rule selector came from, for error messages: (field, code, "where").
    origins: tuple[tuple[str, str, str], ...] = field(default=(), repr=False, compare=False)

    @property
    def all_excludes(self) -> tuple[str, ...]:
        """`exclude` followed by `extend-exclude`."""
        return self.exclude + self.extend_exclude


# --------------------------------------------------------------------------- finding


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


def _config_in(directory: str) -> Path | None:
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
        found = _config_in(directory)
        if found is not None:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


# --------------------------------------------------------------------------- loading

# Every key a config table may hold (kebab-case, as ruff).
CONFIG_KEYS = (
    "select",
    "ignore",
    "extend-select",
    "per-file-ignores",
    "exclude",
    "extend-exclude",
    "extra-registries",
    "respect-gitignore",
    "today",
    "required-version",
    "platforms",
    "max-file-size",
    "sdk-layer",
)

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
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BetalintError(
            f"{path}: not valid UTF-8 (byte offset {exc.start}); TOML files must be UTF-8"
        ) from None
    try:
        return tomllib.loads(text)
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
            if key not in CONFIG_KEYS:
                hint = _did_you_mean(key, CONFIG_KEYS)
                where = f"[{self.table}]" if self.table else "the top level"
                raise self.fail(
                    key,
                    f"unknown key `{_shown(key)}` in {where}{hint}; "
                    f"valid keys: {', '.join(CONFIG_KEYS)}",
                )
            attr = key.replace("-", "_")
            if key in ("select", "ignore", "extend-select"):
                codes = self.str_list(key, value)
                kw[attr] = codes
                origins += [(attr, c, f"`{key}` in {self.where(key)}") for c in codes]
            elif key in ("exclude", "extend-exclude", "platforms"):
                kw[attr] = self.str_list(key, value)
            elif key == "per-file-ignores":
                if not isinstance(value, dict):
                    raise self.type_error(key, "a table of glob = [codes]", value)
                pfi = []
                for glob, codes in value.items():
                    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                        raise self.fail(
                            key,
                            f"`per-file-ignores` entry {glob!r} must be a list of rule codes, "
                            f"got {_type_name(codes)} {codes!r}",
                        )
                    pfi.append((glob, tuple(codes)))
                    origins += [
                        ("per_file_ignores", c, f"`per-file-ignores` in {self.where(key)}")
                        for c in codes
                    ]
                kw[attr] = tuple(pfi)
            elif key == "extra-registries":
                paths = []
                for entry in self.str_list(key, value):
                    resolved = (self.root / os.path.expanduser(entry)).resolve()
                    if not resolved.is_file():
                        raise self.fail(
                            key,
                            f"`extra-registries` entry {entry!r} not found "
                            f"(resolved to {resolved}); paths are relative to the config file",
                        )
                    paths.append(resolved)
                kw[attr] = tuple(paths)
            elif key in ("respect-gitignore", "sdk-layer"):
                if not isinstance(value, bool):
                    raise self.type_error(key, "true or false", value)
                kw[attr] = value
            elif key == "today":
                kw[attr] = self.date(key, value)
            elif key == "required-version":
                if not isinstance(value, str):
                    raise self.type_error(key, 'a version specifier string like ">=0.1"', value)
                _check_required_version(value, self.where(key))
                kw[attr] = value
            elif key == "max-file-size":
                kw[attr] = self.size(key, value)
        return Settings(root=self.root, config_path=self.path, origins=tuple(origins), **kw)

    def date(self, key: str, value: object) -> date:
        if isinstance(value, datetime):
            raise self.type_error(key, "a date (YYYY-MM-DD), not a date-time", value)
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return _parse_date(value)
            except ValueError:
                pass
        raise self.type_error(key, "a date YYYY-MM-DD", value)

    def size(self, key: str, value: object) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            return value
        if isinstance(value, str):
            try:
                return parse_size(value)
            except ValueError:
                pass
        raise self.type_error(key, 'a size in bytes (0 = no limit) or a string like "10MB"', value)


def _parse_date(value: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError(value)
    return date.fromisoformat(value)


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


def _check_required_version(spec: str, where: str, installed: str | None = None) -> None:
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


# --------------------------------------------------------------------------- caching

_by_dir: dict[str, Settings] = {}
_by_file: dict[str, Settings] = {}


def clear_cache() -> None:
    """Forget cached settings (tests; long-running processes after a config edit)."""
    _by_dir.clear()
    _by_file.clear()


def _load_cached(path: Path) -> Settings:
    key = str(path)
    cached = _by_file.get(key)
    if cached is None:
        cached = _by_file[key] = load_settings(path)
    return cached


def settings_for(directory: Path | str) -> Settings:
    """Settings for files in `directory`: the closest config walking up, cached per directory.

    Directories without any config above share the defaults rooted at the cwd.
    """
    start = os.path.abspath(directory)
    walked: list[str] = []
    d = start
    result: Settings | None = None
    while True:
        cached = _by_dir.get(d)
        if cached is not None:
            result = cached
            break
        walked.append(d)
        found = _config_in(d)
        if found is not None:
            result = _load_cached(found)
            break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    if result is None:
        result = _by_dir.get("") or _by_dir.setdefault("", load_settings(None))
    for w in walked:
        _by_dir[w] = result
    return result


# --------------------------------------------------------------------------- CLI layer


def _rebase(pattern: str, cwd: str, root: str) -> str:
    """Make a gitignore pattern written relative to `cwd` relative to `root` instead."""
    negate = pattern.startswith("!")
    body = pattern[1:] if negate else pattern
    core = body.rstrip("/")
    anchored = "/" in core and not body.startswith("**/")
    rel = os.path.relpath(cwd, root)
    if not anchored or rel == "." or rel.startswith(".."):
        return pattern
    body = "/" + rel.replace(os.sep, "/") + "/" + body.lstrip("/")
    return ("!" if negate else "") + body


def merge_cli(
    settings: Settings,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    extend_select: Sequence[str] | None = None,
    per_file_ignores: Sequence[tuple[str, Sequence[str]]] | None = None,
    exclude: Sequence[str] | None = None,
    extend_exclude: Sequence[str] | None = None,
    extra_registries: Sequence[Path] | None = None,
    respect_gitignore: bool | None = None,
    today: date | str | None = None,
    platforms: Sequence[str] | None = None,
    max_file_size: int | str | None = None,
    cwd: Path | None = None,
) -> Settings:
    """Layer CLI flags over file settings; `None` means "flag not given".

    `select`, `exclude`, `per_file_ignores`, `platforms`, `today`, `max_file_size` and
    `respect_gitignore` replace the config's value; `ignore`, `extend_select`,
    `extend_exclude` and `extra_registries` add to it. CLI patterns are relative to `cwd`
    and are rebased onto the config root. String dates/sizes are validated here.
    """
    changes: dict[str, Any] = {}
    origins = list(settings.origins)
    here = os.path.abspath(cwd if cwd is not None else os.getcwd())
    root = str(settings.root)

    def rebased(patterns: Sequence[str]) -> tuple[str, ...]:
        return tuple(_rebase(p, here, root) for p in patterns)

    if select is not None:
        changes["select"] = tuple(select)
        origins = [o for o in origins if o[0] != "select"]
        origins += [("select", c, "--select") for c in select]
    if ignore is not None:
        changes["ignore"] = settings.ignore + tuple(ignore)
        origins += [("ignore", c, "--ignore") for c in ignore]
    if extend_select is not None:
        changes["extend_select"] = settings.extend_select + tuple(extend_select)
        origins += [("extend_select", c, "--extend-select") for c in extend_select]
    if per_file_ignores is not None:
        changes["per_file_ignores"] = tuple(
            (_rebase(g, here, root), tuple(c)) for g, c in per_file_ignores
        )
        origins = [o for o in origins if o[0] != "per_file_ignores"]
        origins += [
            ("per_file_ignores", c, "--per-file-ignores") for _, cs in per_file_ignores for c in cs
        ]
    if exclude is not None:
        changes["exclude"] = rebased(exclude)
    if extend_exclude is not None:
        changes["extend_exclude"] = settings.extend_exclude + rebased(extend_exclude)
    if extra_registries is not None:
        changes["extra_registries"] = settings.extra_registries + tuple(
            Path(os.path.join(here, p)) for p in extra_registries
        )
    if respect_gitignore is not None:
        changes["respect_gitignore"] = respect_gitignore
    if today is not None:
        if isinstance(today, str):
            try:
                today = _parse_date(today)
            except ValueError:
                raise BetalintError(f"--today {today!r} is not a date; use YYYY-MM-DD") from None
        changes["today"] = today
    if platforms is not None:
        changes["platforms"] = tuple(platforms)
    if max_file_size is not None:
        if isinstance(max_file_size, str):
            try:
                max_file_size = parse_size(max_file_size)
            except ValueError:
                raise BetalintError(
                    f"--max-file-size {max_file_size!r} is not a size; "
                    'use bytes or e.g. "10MB" (0 = no limit)'
                ) from None
        if max_file_size < 0:
            raise BetalintError("--max-file-size must be 0 (no limit) or more")
        changes["max_file_size"] = max_file_size
    return replace(settings, origins=tuple(origins), **changes)


# --------------------------------------------------------------------------- rule selection


def _compile_glob(pattern: str) -> tuple[bool, re.Pattern[str]]:
    """(negated, regex) for a per-file-ignores glob; gitignore semantics via pathspec."""
    from pathspec import GitIgnoreSpec

    negated = pattern.startswith("!")
    body = pattern[1:] if negated else pattern
    pats = [p for p in GitIgnoreSpec.from_lines([body]).patterns if p.include is not None]
    regex = getattr(pats[0], "regex", None) if pats else None
    if not isinstance(regex, re.Pattern):
        return negated, re.compile(r"(?!)")
    # pathspec's regex matches descendants too ("dir" matches "dir/file"): what we want here.
    return negated, re.compile(regex.pattern)


class RuleSelector:
    """Which rule codes are enabled for which file, as ruff resolves select/ignore.

    Selectors are codes or prefixes (`BL202`, `BL2`, `BL`, `ALL`). When a code is matched by
    both a select and an ignore selector, the more specific (longer) one wins; on a tie,
    ignore wins. `per-file-ignores` then removes codes for files matching their glob.
    """

    def __init__(self, settings: Settings, all_codes: Iterable[str]) -> None:
        self.settings = settings
        self.all_codes = tuple(sorted(set(all_codes)))
        where = {(f, c): w for f, c, w in settings.origins}

        def check(field_name: str, flag: str, selectors: Iterable[str]) -> None:
            for sel in selectors:
                if sel == "ALL" or any(code.startswith(sel) for code in self.all_codes):
                    continue
                origin = where.get((field_name, sel), flag)
                raise BetalintError(f"unknown rule code {sel} in {origin} (see `betalint rules`)")

        selected = settings.select if settings.select is not None else ("ALL",)
        check("select", "--select", selected)
        check("extend_select", "--extend-select", settings.extend_select)
        check("ignore", "--ignore", settings.ignore)
        for _, codes in settings.per_file_ignores:
            check("per_file_ignores", "--per-file-ignores", codes)

        enabled = set()
        for code in self.all_codes:
            s = _specificity(code, (*selected, *settings.extend_select))
            i = _specificity(code, settings.ignore)
            if s is not None and (i is None or s > i):
                enabled.add(code)
        self.base: frozenset[str] = frozenset(enabled)
        self._pfi = [(*_compile_glob(glob), codes) for glob, codes in settings.per_file_ignores]
        self._root = str(settings.root)
        self._cache: dict[str, frozenset[str]] = {}

    def enabled_for(self, path: str) -> frozenset[str]:
        """All codes enabled for `path` (as given, or absolute)."""
        if not self._pfi:  # the common case: no per-file table to match, nothing to cache
            return self.base
        cached = self._cache.get(path)
        if cached is not None:
            return cached
        result = self.base
        if self._pfi:
            rel = os.path.relpath(os.path.abspath(path), self._root).replace(os.sep, "/")
            if rel.startswith("../"):  # outside the root: only name patterns can match
                rel = rel.rsplit("/", 1)[-1]
            off: list[str] = []
            for negated, regex, codes in self._pfi:
                if bool(regex.match(rel)) != negated:
                    off.extend(codes)
            if off:
                result = frozenset(c for c in self.base if _specificity(c, off) is None)
        self._cache[path] = result
        return result

    def enabled(self, code: str, path: str) -> bool:
        """Whether rule `code` applies to the file at `path`."""
        return code in self.enabled_for(path)


def _specificity(code: str, selectors: Iterable[str]) -> int | None:
    best: int | None = None
    for sel in selectors:
        n = -1 if sel == "ALL" else (len(sel) if code.startswith(sel) else None)
        if n is not None and (best is None or n > best):
            best = n
    return best
