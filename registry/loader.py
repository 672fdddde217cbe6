"""Load `betas.toml` (and layered extra registries) into a `Registry`.

pydantic validates each file once; the validated result is cached by content hash so that a
start-up of `betalint` unpickles instead of importing pydantic (which alone costs ~100 ms).
The assembled, integrity-checked registry is cached too, keyed by the layers' stat (as
Python keys .pyc files), so a warm start reads one pickle and imports nothing else.
Every error is one line naming the file, the entry and the field.
"""

from __future__ import annotations

import os
import pickle
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from betalint.registry import integrity
from betalint.registry.errors import BetalintError
from betalint.registry.model import Registry, RegistryLayer
from betalint.registry.schema import RegistryFile

# Bump when the schema dataclasses change shape, so old pickles are never read.
_CACHE_REVISION = "3"


_T = TypeVar("_T")


class LiveLayer(Protocol):
    """A layer computed at load time (the installed SDKs, `registry.sdk_layer`), never cached."""

    def apply(self, registry: Registry) -> Registry: ...


class RegistryError(BetalintError):
    """A registry file cannot be read, parsed or trusted."""


def shipped_registry_path() -> Path:
    """The `betas.toml` inside the installed package."""
    beside = Path(__file__).with_name("betas.toml")
    if beside.is_file():  # the usual case; importlib.resources costs ~10 ms to import
        return beside
    from importlib import resources

    return Path(str(resources.files("betalint.registry").joinpath("betas.toml")))


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
    paths = [Path(base) if base is not None else shipped_registry_path()]
    paths += [Path(p) for p in extra]
    assembled = _assembled_cache_file(paths, check)
    registry = _read_cache(assembled, Registry)
    if registry is None:
        registry = _assemble(paths, check)
        _write_cache(assembled, registry)
    return registry if live is None else live.apply(registry)


def _assemble(paths: list[Path], check: bool) -> Registry:
    """Merge the layers and run the integrity check (a cache miss)."""
    files = [(str(p), load_file(p)) for p in paths]
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
    registry = Registry(
        entries=entries,
        layers=tuple(RegistryLayer(p, d.registry_version, d.registry_date) for p, d in files),
        platform_precedence=files[0][1].platform_precedence,
        evidence_age=files[0][1].evidence_age,
    )
    problems = integrity.check(registry) if check else []
    if problems:
        first = problems[0]
        more = (
            f" (and {len(problems) - 1} more; run `betalint registry check`)"
            if len(problems) > 1
            else ""
        )
        raise RegistryError(f"{owner.get(first.name, paths[0])}: {first}{more}")
    return registry


def load_file(path: Path) -> RegistryFile:
    """Read, parse and validate one registry file (through the cache when possible)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RegistryError(f"{path}: registry file not found") from None
    except OSError as exc:
        raise RegistryError(f"{path}: cannot read registry: {exc.strerror or exc}") from None
    cache = _cache_file(data)
    cached = _read_cache(cache, RegistryFile)
    if cached is not None:
        return cached
    parsed = _validate(path, _parse_toml(path, data))
    _write_cache(cache, parsed)
    return parsed


def _parse_toml(path: Path, data: bytes) -> dict[str, Any]:
    import tomllib  # deferred: only a cache miss pays for it

    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise RegistryError(f"{path}: registry is not UTF-8 (byte {exc.start})") from None
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"{path}: invalid TOML: {exc}") from None


def _validate(path: Path, raw: dict[str, Any]) -> RegistryFile:
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


def _cache_dir() -> Path | None:
    if os.environ.get("BETALINT_NO_CACHE"):
        return None
    root = os.environ.get("BETALINT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(root) / "betalint" if root else Path.home() / ".cache" / "betalint"


def _code_stamp() -> str:
    """Identifies the code that shapes cached objects: an edit to it invalidates the cache."""
    parts = [_CACHE_REVISION]
    for module in ("schema.py", "model.py", "integrity.py"):
        try:
            st = Path(__file__).with_name(module).stat()
            parts.append(f"{st.st_mtime_ns}:{st.st_size}")
        except OSError:
            parts.append("?")
    return ":".join(parts)


def _cache_file(data: bytes) -> Path | None:
    """One validated registry file, keyed by its content."""
    directory = _cache_dir()
    if directory is None:
        return None
    import hashlib  # deferred: a warm start never needs it

    key = hashlib.sha256(f"{_code_stamp()}:".encode() + data).hexdigest()[:32]
    return directory / f"registry-{key}.pickle"


def _assembled_cache_file(paths: list[Path], check: bool) -> Path | None:
    """The merged, checked registry of these layers, keyed by their path, size and mtime."""
    directory = _cache_dir()
    if directory is None:
        return None
    parts = [_code_stamp(), str(check)]
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            return None  # load_file reports the missing file
        parts.append(f"{os.path.abspath(path)}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}")
    key = zlib.crc32("\n".join(parts).encode()) ^ (len(parts) << 32)
    return directory / f"assembled-{key:x}.pickle"


def _read_cache(cache: Path | None, kind: type[_T]) -> _T | None:
    if cache is None:
        return None
    try:
        with cache.open("rb") as f:
            # The cache is our own file in the user's cache dir, keyed by what it was built from.
            value = pickle.load(f)
    except Exception:  # a missing, stale or corrupt cache is simply rebuilt
        return None
    return value if isinstance(value, kind) else None


_KEEP = 16  # cache files kept per kind; older ones are pruned when a new one is written


def _write_cache(cache: Path | None, value: object) -> None:
    if cache is None:
        return
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, cache)
        _prune(cache)
    except OSError:  # a read-only home only costs speed
        pass


def _prune(cache: Path) -> None:
    kind = cache.name.split("-", 1)[0]
    old = sorted(cache.parent.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for path in old[:-_KEEP]:
        path.unlink(missing_ok=True)
