"""Load `betas.toml` (and layered extra registries) into a `Registry`.

The shipped registry comes pre-validated from a generated module (`registry.prebuilt`), so a
start-up imports neither pydantic (~100 ms) nor anything from a cache. Extra registries are
validated by pydantic once and cached as strict, data-only JSON keyed by a hash of their
content (`registry.cache`, which refuses files it did not make). Nothing read from the cache
can run code, and the shipped entries never come from it.
Every error is one line naming the file, the entry and the field.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from betalint.registry.errors import BetalintError
from betalint.registry.model import Registry, RegistryLayer
from betalint.registry.schema import RegistryFile

if TYPE_CHECKING:  # pathlib costs ~3 ms to import: `validate` and `check` never need it
    from pathlib import Path

# Bump when the cached JSON changes meaning, so old cache files are never read.
_CACHE_REVISION = "3"


class LiveLayer(Protocol):
    """A layer computed at load time (the installed SDKs, `registry.sdk_layer`), never cached."""

    def apply(self, registry: Registry) -> Registry: ...


class RegistryError(BetalintError):
    """A registry file cannot be read, parsed or trusted."""


def shipped_registry_path() -> Path:
    """The `betas.toml` inside the installed package."""
    from pathlib import Path

    return Path(_shipped_file())


def _shipped_file() -> str:
    """`shipped_registry_path()` as a string, without importing pathlib."""
    beside = _beside("betas.toml")
    if os.path.isfile(beside):  # the usual case; importlib.resources costs ~10 ms to import
        return beside
    from importlib import resources

    return str(resources.files("betalint.registry").joinpath("betas.toml"))


def _beside(name: str) -> str:
    """The file `name` in this package's directory."""
    return os.path.join(os.path.dirname(__file__), name)


@cache
def shipped_registry() -> Registry:
    """The shipped registry alone, loaded once per process: it is read-only data."""
    return load_registry()


def load_registry(
    extra: Iterable[str | os.PathLike[str]] = (),
    *,
    base: str | os.PathLike[str] | None = None,
    check: bool = True,
    live: LiveLayer | None = None,
) -> Registry:
    """Load the shipped registry (or `base` instead of it) with `extra` layers on top, and
    `live` (names read from the environment, only ever added) on top of those.

    A name defined by two layers with different content is a clash and raises
    `RegistryError`; so does any failure of the integrity check, unless `check` is False
    (for `betalint registry check`, which lists every problem instead of the first).
    """
    if base is None:
        shipped, clean = _load_shipped()
        files = [(_shipped_file(), shipped)]
    else:
        files, clean = [(str(base), load_file(base))], False
    files += [(str(p), load_file(p)) for p in extra]
    # A clean pre-built shipped registry was checked when it was built; layers change that.
    registry = _assemble(files, check and not (clean and len(files) == 1))
    return registry if live is None else live.apply(registry)


def _assemble(files: list[tuple[str, RegistryFile]], check: bool) -> Registry:
    """Merge the layers and run the integrity check."""
    if len(files) == 1:  # nothing to merge: keep the file's mapping (lazily decoded, shipped)
        return _registry(files, files[0][1].betas, {}, check)
    entries: dict[str, Any] = {}
    owner: dict[str, str] = {}
    for path, data in files:
        for name, entry in data.betas.items():
            if name in entries and entries[name] != entry:
                raise RegistryError(
                    f"{path}: [betas.{name!r}] is also defined in {owner[name]} with other "
                    "content; remove one of them or make them identical"
                )
            entries.setdefault(name, entry)
            owner.setdefault(name, path)
    return _registry(files, entries, owner, check)


def _registry(
    files: list[tuple[str, RegistryFile]],
    entries: Mapping[str, Any],
    owner: dict[str, str],
    check: bool,
) -> Registry:
    registry = Registry(
        entries=entries,
        layers=tuple(RegistryLayer(p, d.registry_version, d.registry_date) for p, d in files),
        platform_precedence=files[0][1].platform_precedence,
        evidence_age=files[0][1].evidence_age,
    )
    problems = []
    if check:  # deferred import: the clean pre-built shipped registry alone skips the check
        from betalint.registry import integrity

        problems = integrity.check(registry)
    if problems:
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more; run `betalint registry check`)"
            if len(problems) > 1
            else ""
        )
        raise RegistryError(f"{owner.get(first.name, files[0][0])}: {first}{more}")
    return registry


def load_file(path: str | os.PathLike[str]) -> RegistryFile:
    """Read, parse and validate one registry file (pre-built or cached when possible)."""
    from pathlib import Path

    path = Path(path)
    data = _read(path)
    prebuilt = _prebuilt(data)
    if prebuilt is not None:
        return prebuilt[0]
    key = _cache_key(data)
    cached = _read_cache(key)
    if cached is not None:
        return cached
    parsed = _validate(path, _parse_toml(path, data))
    _write_cache(key, parsed)
    return parsed


@cache
def _load_shipped() -> tuple[RegistryFile, bool]:
    """The shipped registry and whether it is pre-built with no integrity problem, read once
    per process: it is package data, and `check` asks for it once bare (to fail before any
    file is read) and once per SDK view (reading and parsing `betas.json` costs ~2 ms, and
    its entries, decoded on first use, are then decoded once)."""
    path = _shipped_file()
    data = _read(path)
    prebuilt = _prebuilt(data)
    if prebuilt is not None:
        return prebuilt
    return _validate(path, _parse_toml(path, data)), False


def _read(path: str | Path) -> bytes:
    try:
        with open(path, "rb") as file:
            return file.read()
    except FileNotFoundError:
        raise RegistryError(f"{path}: registry file not found") from None
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read registry: {exc.strerror or exc}") from None


def _prebuilt(data: bytes) -> tuple[RegistryFile, bool] | None:
    """The pre-built registry (and whether it is integrity-clean) if it was made from exactly
    these bytes; None for any other file or an edited `betas.toml`."""
    from betalint.registry import prebuilt

    found = prebuilt.load(data)
    return None if found is None else (found.registry, found.integrity_problems == 0)


def _parse_toml(path: str | Path, data: bytes) -> dict[str, Any]:
    import tomllib  # deferred: only a cache miss pays for it

    from betalint.registry.toml_depth import TooDeep, loads_bounded

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{path}: registry is not UTF-8 (byte {exc.start})") from None
    try:
        return loads_bounded(text)
    except TooDeep as exc:
        raise RegistryError(f"{path}: invalid TOML: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: invalid TOML: {exc}") from None


def _validate(path: str | Path, raw: dict[str, Any]) -> RegistryFile:
    import pydantic  # deferred: only a cache miss pays for it

    try:
        return pydantic.TypeAdapter(RegistryFile).validate_python(raw)
    except pydantic.ValidationError as exc:
        err = exc.errors()[0]
        more = f" (and {exc.error_count() - 1} more errors)" if exc.error_count() > 1 else ""
        raise RegistryError(f"{path}: {_where(err['loc'])}: {err['msg']}{more}") from None


def _where(loc: tuple[int | str, ...]) -> str:
    """`('betas', 'files-api-2025-04-14', 'status')` → `[betas."files-api-2025-04-14"] status`."""
    if len(loc) >= 2 and loc[0] == "betas":
        field = ".".join(str(part) for part in loc[2:]) or "(the entry)"
        return f'[betas."{loc[1]}"] {field}'
    return ".".join(str(part) for part in loc) or "(top level)"


# The cache of extra registries: strict JSON keyed by a hash of the file's bytes and of the
# code that shapes the data. Reading it never runs code; a file that fails to decode is a miss.


def _code_stamp() -> str:
    """Identifies the code that shapes cached data: an edit to it invalidates the cache."""
    parts = [_CACHE_REVISION]
    for module in ("schema.py", "codec.py"):
        try:
            st = os.stat(_beside(module))
            parts.append(f"{st.st_mtime_ns}:{st.st_size}")
        except OSError:
            parts.append("?")
    return ":".join(parts)


def _cache_key(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(f"{_code_stamp()}:".encode() + data).hexdigest()


def _read_cache(key: str) -> RegistryFile | None:
    from betalint.registry import cache, codec

    value = cache.read(f"registry-{key[:32]}.json")
    if not isinstance(value, dict) or value.get("key") != key:
        return None
    try:
        return codec.decode(RegistryFile, value.get("registry"))
    except (codec.CodecError, TypeError):  # TypeError: a schema type codec lacks
        return None


def _write_cache(key: str, parsed: RegistryFile) -> None:
    from betalint.registry import cache, codec

    cache.write(f"registry-{key[:32]}.json", {"key": key, "registry": codec.encode(parsed)})
