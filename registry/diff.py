"""`registry diff OLD NEW`: what changed between two registry files, field by field.

Both files are validated by the schema (not integrity-checked: a half-edited file can still
be compared). Each entry is flattened to dotted fields (`platforms.bedrock.status`), so a
change anywhere, including fields a later schema adds, shows as one line.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from betalint.registry.loader import load_file
from betalint.registry.schema import RegistryFile


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
    """Load both files and compare them."""
    return diff_registries(old, load_file(old), new, load_file(new))


def diff_registries(
    old_path: Path, old: RegistryFile, new_path: Path, new: RegistryFile
) -> RegistryDiff:
    changed = _changes("", _top(old), _top(new))
    for name in sorted(old.betas.keys() & new.betas.keys()):
        changed += _changes(name, flatten(old.betas[name]), flatten(new.betas[name]))
    return RegistryDiff(
        old_path,
        new_path,
        old.registry_version,
        new.registry_version,
        tuple(sorted(new.betas.keys() - old.betas.keys())),
        tuple(sorted(old.betas.keys() - new.betas.keys())),
        tuple(changed),
    )


def _top(data: RegistryFile) -> dict[str, Any]:
    top = flatten(data)
    return {k: v for k, v in top.items() if not k.startswith("betas.")}


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Dataclasses and dicts become dotted keys; lists, dates and scalars are leaves."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out.update(flatten(item, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): _leaf(value)}


def _leaf(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_leaf(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
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
