"""`registry diff OLD NEW`: what changed between two registry files, field by field.

The files are read as TOML and compared as data, not through the current schema: a release
made under an older (or newer) schema still compares with this one, and a half-edited file
can be compared before it validates. Each entry is flattened to dotted fields
(`platforms.bedrock.status`), so a change anywhere shows as one line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from betalint.registry.errors import BetalintError


class RegistryDiffError(BetalintError):
    """A file `registry diff` cannot read as a registry."""


@dataclass(frozen=True)
class Change:
    """One field of one entry (or of the file, with `name` "") that differs."""

    name: str
    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RegistryDiff:
    old: Path
    new: Path
    old_version: str
    new_version: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[Change, ...]

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def diff_files(old: Path, new: Path) -> RegistryDiff:
    """Read both files and compare them."""
    return diff_data(old, read_registry_toml(old), new, read_registry_toml(new))


def read_registry_toml(path: Path) -> dict[str, Any]:
    """The TOML document of a registry file: a table with a `betas` table of tables."""
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryDiffError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise RegistryDiffError(f"{path}: not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise RegistryDiffError(f"{path}: invalid TOML: {exc}") from None
    betas = data.get("betas")
    if not isinstance(betas, dict) or not all(isinstance(e, dict) for e in betas.values()):
        raise RegistryDiffError(f'{path}: no [betas."NAME"] tables; not a registry file')
    return data


def diff_data(
    old_path: Path, old: dict[str, Any], new_path: Path, new: dict[str, Any]
) -> RegistryDiff:
    top_old = {k: v for k, v in old.items() if k != "betas"}
    top_new = {k: v for k, v in new.items() if k != "betas"}
    changed = _changes("", flatten(top_old), flatten(top_new))
    old_betas, new_betas = old["betas"], new["betas"]
    for name in sorted(old_betas.keys() & new_betas.keys()):
        changed += _changes(name, flatten(old_betas[name]), flatten(new_betas[name]))
    return RegistryDiff(
        old_path,
        new_path,
        str(old.get("registry_version", "?")),
        str(new.get("registry_version", "?")),
        tuple(sorted(new_betas.keys() - old_betas.keys())),
        tuple(sorted(old_betas.keys() - new_betas.keys())),
        tuple(changed),
    )


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Tables become dotted keys; arrays, dates and scalars are leaves."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): _leaf(value)}


def _leaf(value: Any) -> Any:
    if isinstance(value, list):
        return [_leaf(v) for v in value]
    if isinstance(value, dict):
        return {k: _leaf(v) for k, v in flatten(value).items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _changes(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    empty: tuple[Any, ...] = (None, [], {}, "")
    out = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key), new.get(key)
        if before != after and not (before in empty and after in empty):
            out.append(Change(name, key, before, after))
    return out


def diff_lines(d: RegistryDiff) -> list[str]:
    """A unified-diff-like summary: `+` added names, `-` removed, `~` changed fields."""
    lines = [f"--- {d.old} ({d.old_version})", f"+++ {d.new} ({d.new_version})"]
    lines += [f"+ {name}" for name in d.added]
    lines += [f"- {name}" for name in d.removed]
    for c in d.changed:
        where = f"{c.name}: {c.field}" if c.name else c.field
        lines.append(f"~ {where}: {_shown(c.old)} -> {_shown(c.new)}")
    names = len({c.name for c in d.changed if c.name})
    lines.append(
        f"{len(d.added)} added, {len(d.removed)} removed, {len(d.changed)} fields changed "
        f"in {names} names"
    )
    return lines


def _shown(value: Any) -> str:
    if value is None:
        return "(none)"
    text = str(value) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def diff_json(d: RegistryDiff) -> dict[str, Any]:
    return {
        "old": {"path": str(d.old), "version": d.old_version},
        "new": {"path": str(d.new), "version": d.new_version},
        "added": list(d.added),
        "removed": list(d.removed),
        "changed": [
            {"name": c.name, "field": c.field, "old": c.old, "new": c.new} for c in d.changed
        ],
    }
