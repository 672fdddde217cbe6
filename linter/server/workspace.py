"""What the server knows about the workspace: its roots, the editor's settings, and the
config and registries each file is checked with.

Nothing here trusts a cache across an edit: the config a file uses is looked up by
re-stat'ing every config candidate from the file's directory up to `/` on every check
(a few dozen `stat` calls), so a `.betalint.toml` created, edited or deleted between two
keystrokes is seen on the next one, with or without the client's file watching. Extra
registries are re-stat'ed the same way, and the date rolls over at midnight.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from betalint.linter import config as config_mod
from betalint.linter.config import Settings
from betalint.linter.runner import Linters, RunOptions
from betalint.registry.errors import BetalintError

__all__ = ["UserOptions", "WorkspaceState", "parse_options", "path_for_uri", "uri_for_path"]

# Files the editor shows without a name on disk still get a language from their languageId.
_LANGUAGE_SUFFIX = {
    "python": ".py",
    "javascript": ".js",
    "javascriptreact": ".jsx",
    "typescript": ".ts",
    "typescriptreact": ".tsx",
    "go": ".go",
    "java": ".java",
    "kotlin": ".kt",
    "csharp": ".cs",
    "c": ".c",
    "cpp": ".cpp",
    "swift": ".swift",
    "ruby": ".rb",
    "rust": ".rs",
    "shellscript": ".sh",
    "markdown": ".md",
    "yaml": ".yaml",
    "json": ".json",
    "jsonc": ".jsonc",
    "toml": ".toml",
    "dotenv": ".env",
    "http": ".http",
    "dockerfile": ".dockerfile",
    "jupyter": ".ipynb",
}

Fingerprint = tuple[tuple[str, int, int], ...]
_MAX_SETTINGS = 256


def path_for_uri(uri: str, language_id: str = "", root: Path | None = None) -> str:
    """The file path the engine sees for a document: its own for `file:` URIs, else a
    name under the workspace root with a suffix from the languageId."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return os.path.normpath(url2pathname(unquote(parsed.path)))
    name = unquote(parsed.path).replace("\\", "/").rsplit("/", 1)[-1] or "untitled"
    if "." not in name.lstrip("."):
        name += _LANGUAGE_SUFFIX.get(language_id, "")
    return os.path.join(str(root or Path.cwd()), name)


def uri_for_path(path: str) -> str:
    """A `file:` URI for an absolute path (what editors send)."""
    return Path(path).resolve().as_uri()


@dataclass(frozen=True)
class UserOptions:
    """The editor's `betalint` settings: they override the config file, as CLI flags do."""

    platforms: tuple[str, ...] = ()
    today: dt.date | None = None
    extra_registries: tuple[str, ...] = ()


def _str_list(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def parse_options(raw: object) -> tuple[UserOptions, list[str]]:
    """Options from a settings object (`{"platforms": [...], "today": "...",
    "extraRegistries": [...]}`); bad values are dropped with one line each."""
    if raw is None:
        return UserOptions(), []
    if not isinstance(raw, Mapping):
        return UserOptions(), [f"betalint settings must be an object, not {type(raw).__name__}"]
    problems: list[str] = []
    values: dict[str, Any] = {}
    platforms = _str_list(raw.get("platforms", []))
    if platforms is None:
        problems.append("betalint.platforms must be a list of platform names")
    else:
        values["platforms"] = _valid_platforms(platforms, problems)
    today = raw.get("today")
    if isinstance(today, str) and today.strip():
        try:
            values["today"] = dt.date.fromisoformat(today.strip())
        except ValueError:
            problems.append(f"betalint.today {today!r} is not a date; write YYYY-MM-DD")
    elif today not in (None, ""):
        problems.append("betalint.today must be a YYYY-MM-DD string")
    extra = _str_list(_first(raw, "extraRegistries", "extra-registries", "extra_registries"))
    if extra is None:
        problems.append("betalint.extraRegistries must be a list of paths")
    else:
        values["extra_registries"] = extra
    return UserOptions(**values), problems


def _first(raw: Mapping[str, Any], *keys: str) -> object:
    for key in keys:
        if key in raw:
            return raw[key]
    return []


def _valid_platforms(names: tuple[str, ...], problems: list[str]) -> tuple[str, ...]:
    from betalint.registry.platforms import parse_target

    kept = []
    for name in names:
        try:
            parse_target(name)
        except BetalintError as exc:
            problems.append(f"betalint.platforms: {exc}")
        else:
            kept.append(name)
    return tuple(kept)


def config_fingerprint(directory: str) -> Fingerprint:
    """(path, mtime, size) of every config candidate from `directory` up to the root."""
    found = []
    d = directory
    while True:
        for name in config_mod.CONFIG_NAMES:
            candidate = os.path.join(d, name)
            try:
                st = os.stat(candidate)
            except OSError:
                continue
            found.append((candidate, st.st_mtime_ns, st.st_size))
        parent = os.path.dirname(d)
        if parent == d:
            return tuple(found)
        d = parent


def _files_fingerprint(paths: tuple[Path, ...]) -> Fingerprint:
    out = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            out.append((str(path), -1, -1))
        else:
            out.append((str(path), st.st_mtime_ns, st.st_size))
    return tuple(out)


@dataclass
class WorkspaceState:
    """Roots, editor options and the per-config settings of one server session."""

    roots: list[Path] = field(default_factory=list)
    options: UserOptions = field(default_factory=UserOptions)
    _settings: dict[tuple[Fingerprint, str], Settings] = field(default_factory=dict, repr=False)
    _linters: Linters | None = field(default=None, repr=False)
    _day: dt.date | None = field(default=None, repr=False)
    _registry_stamps: dict[tuple[Path, ...], Fingerprint] = field(default_factory=dict, repr=False)

    def set_options(self, options: UserOptions) -> None:
        """New editor settings: every cached settings object and registry goes."""
        self.options = options
        self.forget()

    def forget(self) -> None:
        """Drop every cache (a watched config or registry file changed)."""
        self._settings.clear()
        self._linters = None
        self._registry_stamps.clear()

    def root_for(self, path: str) -> Path:
        """The workspace folder holding `path` (the deepest one), else the first, else cwd."""
        absolute = os.path.abspath(path)
        holding = [r for r in self.roots if absolute.startswith(str(r).rstrip(os.sep) + os.sep)]
        if holding:
            return max(holding, key=lambda r: len(str(r)))
        return self.roots[0] if self.roots else Path.cwd()

    def settings_for(self, path: str) -> Settings:
        """The settings `betalint check` would use for `path` (config walk-up from its
        directory), with the editor's options layered on as CLI flags are."""
        directory = os.path.dirname(os.path.abspath(path))
        root = self.root_for(path)
        key = (config_fingerprint(directory), str(root))
        found = self._settings.get(key)
        if found is None:
            config = config_mod.find_config(Path(directory))
            base = config_mod.load_settings(config) if config else Settings(root=root)
            extra = [Path(p) for p in self.options.extra_registries] or None
            found = config_mod.merge_cli(base, extra_registries=extra, cwd=root)
            if len(self._settings) > _MAX_SETTINGS:  # each config edit adds a key
                self._settings.clear()
            self._settings[key] = found
        return found

    def linters_for(self, settings: Settings) -> Linters:
        """Registries and linters, rebuilt when a registry file or the date changes."""
        today = dt.date.today()
        stamp = _files_fingerprint(settings.extra_registries)
        seen = self._registry_stamps.get(settings.extra_registries)
        if self._linters is None or self._day != today or (seen is not None and seen != stamp):
            options = RunOptions(today=self.options.today, platforms=self.options.platforms)
            self._linters = Linters(options)
            self._day = today
            self._registry_stamps.clear()
        self._registry_stamps[settings.extra_registries] = stamp
        return self._linters
