"""A data-only file cache in the user's cache directory that refuses anything it did not make.

Only extra registries (and a `--registry` base) are cached here; the shipped registry never
is (see `registry.prebuilt`). What is read from this directory is treated as untrusted:

- the directory and each file must be owned by the current user and not writable by group
  or others, and the directory must not be a symbolic link, else the cache is ignored
  (another user's cache could lie; a planted link could aim writes and pruning elsewhere);
- files are opened with O_NOFOLLOW | O_NONBLOCK and must be regular files (a symlink or a
  FIFO planted at the cache path is skipped, never followed and never blocks);
- content is JSON, decoded strictly by `registry.codec`: nothing in it can run;
- temp files are created with `mkstemp` (O_EXCL, fresh random name) and renamed into place,
  so a link planted at a temp name clobbers nothing; stale temp files are pruned.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from pathlib import Path

_MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than any registry is not ours
_KEEP = 16  # cache files kept; older ones are pruned when a new one is written
_TMP_PREFIX = ".tmp-"
_STALE_TMP_SECONDS = 3600  # a temp file this old belongs to a run that died
_OURS = ("registry-", "assembled-", "sdk-")  # names betalint writes (pruning touches nothing else)
# Files earlier versions left behind: pickles (never read again) and `KEY.<pid>.tmp`.
_LEGACY_SUFFIXES = (".pickle", ".tmp")


def cache_dir() -> Path | None:
    """`$BETALINT_CACHE_DIR/betalint`, else `$XDG_CACHE_HOME/betalint`, else `~/.cache/betalint`;
    None when `BETALINT_NO_CACHE` is set."""
    if os.environ.get("BETALINT_NO_CACHE"):
        return None
    root = os.environ.get("BETALINT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    return Path(root) / "betalint" if root else Path.home() / ".cache" / "betalint"


def _trusted(st: os.stat_result) -> bool:
    """Ours and writable by nobody else: only then can nobody else have planted its content."""
    return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _trusted_dir(directory: Path) -> bool:
    """A real directory (lstat: a planted link could aim the writes and the pruning at any
    directory of the user's), ours and private."""
    try:
        st = directory.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _trusted(st)


def read(name: str) -> object | None:
    """The JSON value cached under `name`, or None (missing, foreign, special, corrupt)."""
    directory = cache_dir()
    if directory is None or not _trusted_dir(directory):
        return None
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC
    try:
        fd = os.open(directory / name, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or not _trusted(st) or st.st_size > _MAX_BYTES:
            return None
        with os.fdopen(os.dup(fd), "rb") as f:
            data = f.read(_MAX_BYTES + 1)
        value: object = json.loads(data)
        return value
    except (OSError, ValueError):  # includes UnicodeDecodeError and JSONDecodeError
        return None
    finally:
        os.close(fd)


def write(name: str, value: object) -> None:
    """Store `value` (JSON-ready) under `name`; any failure only costs speed next time."""
    directory = cache_dir()
    if directory is None:
        return
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return
    if not _trusted_dir(directory):
        return
    import tempfile  # deferred (~3 ms): a run that only reads never pays for it

    try:
        fd, tmp = tempfile.mkstemp(prefix=_TMP_PREFIX, dir=directory)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(value, f, separators=(",", ":"))
        os.replace(tmp, directory / name)  # rename replaces a planted link, never follows it
    except (OSError, TypeError, ValueError):
        Path(tmp).unlink(missing_ok=True)
        return
    prune(directory)


def prune(directory: Path) -> None:
    """Keep the newest `_KEEP` cache files; remove dead temp files and legacy leftovers."""
    now = time.time()
    entries: list[tuple[float, Path]] = []
    try:
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        path = directory / name
        try:
            st = path.lstat()  # lstat: a planted link is judged (and removed) as a link
        except OSError:
            continue
        if name.startswith(_TMP_PREFIX):
            if now - st.st_mtime > _STALE_TMP_SECONDS:
                _remove(path)
        elif not name.startswith(_OURS):
            continue
        elif name.endswith(_LEGACY_SUFFIXES):
            _remove(path)
        elif name.endswith(".json"):
            entries.append((st.st_mtime, path))
    for _, path in sorted(entries)[:-_KEEP]:
        _remove(path)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()  # unlink removes a symlink itself, never its target
