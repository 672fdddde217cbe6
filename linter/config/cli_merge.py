"""`merge_cli`: CLI flags layered over a config's settings, as `keys.KEYS` says (a flag
replaces the config's value or adds to it)."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from betalint.linter.config.keys import KEYS, ConfigKey
from betalint.linter.config.loader import parse_size
from betalint.linter.config.settings import Settings
from betalint.linter.dates import today_flag
from betalint.registry.errors import BetalintError


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


def merge_cli(settings: Settings, *, cwd: Path | None = None, **flags: Any) -> Settings:
    """Layer CLI values (keyword per key: `select=[...]`, `today="2026-11-25"`; None means
    "flag not given") over file settings. CLI patterns are relative to `cwd` and are rebased
    onto the config root; string dates and sizes are validated here."""
    unknown = set(flags) - {k.attr for k in KEYS}
    if unknown:
        raise TypeError(f"merge_cli: no config key for {sorted(unknown)}")
    here = os.path.abspath(cwd if cwd is not None else os.getcwd())
    root = str(settings.root)
    changes: dict[str, Any] = {}
    origins = list(settings.origins)
    for key in KEYS:
        given = flags.get(key.attr)
        if given is None:
            continue
        value, found = _cli_value(key, given, here, root)
        if key.merge == "extend":
            value = getattr(settings, key.attr) + value
        else:  # a replaced value's old origins no longer explain anything
            origins = [o for o in origins if o[0] != key.attr]
        changes[key.attr] = value
        origins += [(key.attr, code, key.flag or f"--{key.name}") for code in found]
    return replace(settings, origins=tuple(origins), **changes)


def _cli_value(key: ConfigKey, given: Any, here: str, root: str) -> tuple[Any, list[str]]:
    """(value as Settings holds it, rule codes it names) for one CLI value."""
    if key.kind == "codes":
        return tuple(given), list(given)
    if key.kind == "patterns":
        return tuple(_rebase(p, here, root) for p in given), []
    if key.kind == "per-file-ignores":
        table = tuple((_rebase(g, here, root), tuple(c)) for g, c in given)
        return table, [c for _, codes in table for c in codes]
    if key.kind == "paths":
        return tuple(Path(os.path.join(here, p)) for p in given), []
    if key.kind == "strings":
        return tuple(given), []
    if key.kind == "date":
        return (given if isinstance(given, date) else today_flag(str(given))), []
    if key.kind == "size":
        return _size_flag(given), []
    return given, []


def _size_flag(value: int | str) -> int:
    if isinstance(value, str):
        try:
            value = parse_size(value)
        except ValueError:
            raise BetalintError(
                f'--max-file-size {value!r} is not a size; use bytes or e.g. "10MB" (0 = no limit)'
            ) from None
    if value < 0:
        raise BetalintError("--max-file-size must be 0 (no limit) or more")
    return value
