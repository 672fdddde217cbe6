"""Write a fixed file without ever leaving it half-written, and only if nobody changed it.

The new bytes go to a temporary file in the same directory (same filesystem, so the final
`os.replace` is atomic), which gets the original's owner, extended attributes (ACLs included)
and mode bits (see `linter.metadata`); then the original is replaced. A file whose metadata
cannot all be kept, or that has other hard links, is left alone with a message. A symbolic
link is followed when its target lies inside the checked tree (`root`): the target is
rewritten and the link stays a link; a link to outside it is not written through. Just
before replacing, the file on disk is hashed again; if it no longer
holds the bytes that were checked, it is left alone and reported. Whatever happens between
creating the temporary file and replacing (an error, Ctrl-C), the temporary file is removed
and the original is untouched.

Every outcome is a value: `None` when written, else a one-line message (`PATH: reason`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile

from betalint.linter.fix.metadata import copy_metadata, refusal

__all__ = ["TEMP_SUFFIX", "write_fixed"]

TEMP_SUFFIX = ".betalint-tmp"


def _digest(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def _current_digest(path: str) -> bytes | None:
    try:
        with open(path, "rb") as f:
            return _digest(f.read())
    except OSError:
        return None


def write_fixed(path: str, original: bytes, new: bytes, *, root: str | None = None) -> str | None:
    """Replace the file at `path` (which held `original` when read) with `new`.

    Returns None on success, or a one-line error: the file is read-only, changed on disk
    since it was read, has hard links, is a link out of `root`, keeps metadata that cannot
    be copied, or could not be written. The original is then unchanged.
    """
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except OSError as exc:
        return f"{path}: cannot fix: {exc.strerror or exc}"
    refused = refusal(path, target, st, root)
    if refused is not None:
        return f"{path}: {refused}"
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        target, os.W_OK
    ):
        # os.replace would happily swap a read-only file (only the directory's mode counts),
        # and root ignores modes altogether; the file's own write bits decide here.
        return f"{path}: cannot fix: the file is read-only"
    if _current_digest(target) != _digest(original):
        return f"{path}: not fixed: the file changed on disk while betalint was checking it"
    directory, name = os.path.split(target)
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory or ".")
    except OSError as exc:
        return f"{path}: cannot fix: cannot create a temporary file: {exc.strerror or exc}"
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(new)
            f.flush()
            os.fsync(f.fileno())
        lost = copy_metadata(target, st, temp)
        if lost is not None:
            os.unlink(temp)
            return f"{path}: not fixed: {lost}; fix it by hand"
        if _current_digest(target) != _digest(original):
            os.unlink(temp)
            return f"{path}: not fixed: the file changed on disk while betalint was checking it"
        os.replace(temp, target)
    except BaseException as exc:  # Ctrl-C included: never leave the temporary file behind
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            return f"{path}: cannot fix: {exc.strerror or exc}"
        raise
    return None
