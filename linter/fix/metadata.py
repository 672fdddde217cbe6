"""What `--fix` must keep of a file it replaces, and when it must not replace it at all.

The fixed text goes to a new file that replaces the old one, so everything attached to the old
inode is copied first: owner and group (before the mode: chown clears setuid and setgid),
extended attributes (`user.*`, POSIX ACLs, which Linux stores as `system.posix_acl_*`), then
the mode bits. When one of them cannot be copied, the file is left alone with a message.
A file with several hard links is never replaced (the other names would keep the old text),
and a symbolic link whose target lies outside the checked tree is not written through.
"""

from __future__ import annotations

import errno
import os
import stat

__all__ = ["copy_metadata", "refusal"]

# listxattr on a filesystem without extended attributes: nothing to copy.
_NO_XATTRS = {errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENODATA}


def refusal(path: str, target: str, st: os.stat_result, root: str | None) -> str | None:
    """Why `path` (resolving to `target`) must not be replaced, or None when it may be."""
    if st.st_nlink > 1 and stat.S_ISREG(st.st_mode):
        return (
            f"not fixed: the file has {st.st_nlink} hard links, and replacing it would leave "
            "the other names with the old text; fix it by hand"
        )
    if root is not None and target != os.path.abspath(path) and not _inside(target, root):
        return (
            f"not fixed: it is a symbolic link to {target}, outside the checked tree; "
            "betalint does not write through such links (fix the target itself)"
        )
    return None


def _inside(target: str, root: str) -> bool:
    real_root = os.path.realpath(root)
    return os.path.commonpath([target, real_root]) == real_root


def copy_metadata(source: str, st: os.stat_result, dest: str) -> str | None:
    """Give `dest` the owner, extended attributes and mode of `source` (whose stat is `st`).

    Returns None when all of it was copied, else why not (the caller then keeps the original).
    """
    if (st.st_uid, st.st_gid) != _owner(dest):
        try:
            os.chown(dest, st.st_uid, st.st_gid)
        except OSError as exc:
            return f"cannot keep its owner {st.st_uid}:{st.st_gid} ({exc.strerror or exc})"
    problem = _copy_xattrs(source, dest)
    if problem is not None:
        return problem
    os.chmod(dest, stat.S_IMODE(st.st_mode))  # last: chown and ACLs may clear or change bits
    return None


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


def _copy_xattrs(source: str, dest: str) -> str | None:
    if not hasattr(os, "listxattr"):  # not Linux: nothing this module knows how to copy
        return None
    try:
        names = os.listxattr(source)
    except OSError as exc:
        if exc.errno in _NO_XATTRS:
            return None
        return f"cannot read its extended attributes ({exc.strerror or exc})"
    for name in names:
        try:
            value = os.getxattr(source, name)
            if _current(dest, name) != value:  # e.g. security.selinux: the new file has it
                os.setxattr(dest, name, value)
        except OSError as exc:
            return f"cannot keep its extended attribute {name} ({exc.strerror or exc})"
    return None


def _current(path: str, name: str) -> bytes | None:
    try:
        return os.getxattr(path, name)
    except OSError:
        return None
