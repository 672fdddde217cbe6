"""What an installed SDK's literal file lists, remembered across runs (`registry.cache`).

Reading the `anthropic` literal costs ~3 ms a run (`ast`, `tokenize` for its comments), more
than the verdict itself; the file changes only when the SDK is reinstalled. So its parse,
(version, names), is cached as JSON keyed by the literal's path and stat, the stat of the
file its version comes from, and the stat of the code that parses it: any reinstall, edit
or parser change is a miss. The whole key is stored and compared (the file name is only its
CRC-32: no hashlib, whose OpenSSL costs ~2 ms to load).

The cache is not trusted (SECURITY.md): a value is used only if it is exactly the shape this
module writes (a list of strings, a string or null version) and names the same key, so
nothing read can run code; the layer adds only well-formed names the registry lacks, as
low-confidence, so a planted value can never change what the registry says about its own.
"""

from __future__ import annotations

import os
from pathlib import Path

# Bump when the cached value changes meaning.
_REVISION = "1"
_PARSERS = ("sdk_layer.py", "sync.py", "sdk_cache.py")  # the code that shapes the value


def key(literal: Path, version_file: Path | None) -> str | None:
    """The cache key of one literal file as it is now; None when it cannot be stat'ed."""
    parts = [_REVISION, str(literal)]
    here = Path(__file__).parent
    for path in (literal, version_file, *(here / p for p in _PARSERS)):
        if path is None:
            parts.append("-")
            continue
        try:
            st = os.stat(path)
        except OSError:
            if path == literal:
                return None
            parts.append("?")
            continue
        parts.append(f"{st.st_mtime_ns}:{st.st_size}:{st.st_ino}:{st.st_dev}")
    return "\0".join(parts)


def read(cache_key: str) -> tuple[str | None, tuple[str, ...]] | None:
    """The cached (version, names) under `cache_key`, or None (missing or not ours)."""
    from betalint.registry import cache

    value = cache.read(_name(cache_key))
    if not isinstance(value, dict) or set(value) != {"key", "version", "names"}:
        return None
    version, names = value["version"], value["names"]
    if value["key"] != cache_key or not (version is None or type(version) is str):
        return None
    if type(names) is not list or not all(type(n) is str for n in names):
        return None
    return version, tuple(names)


def write(cache_key: str, version: str | None, names: tuple[str, ...]) -> None:
    """Remember one parse (any failure only costs the parse next time)."""
    from betalint.registry import cache

    cache.write(_name(cache_key), {"key": cache_key, "version": version, "names": list(names)})


def _name(cache_key: str) -> str:
    import zlib

    return f"sdk-{zlib.crc32(cache_key.encode('utf-8', 'surrogateescape')):08x}.json"
