"""`--fix` keeps every bit of metadata, or refuses (issue 17, Why 6): setuid/setgid, owner,
user.* xattrs, POSIX ACLs, hard links, and symbolic links that lead out of the checked tree.

The tests run as root in CI (chown to another uid needs it); xattr and ACL tests skip when
the temporary filesystem has no support for them."""

from __future__ import annotations

import errno
import os
import stat
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from betalint.linter.fix import metadata
from betalint.linter.fix.writer import write_fixed

OLD, NEW = b'B = ["fils-api-2025-04-14"]\n', b'B = ["files-api-2025-04-14"]\n'
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="chown to another uid needs root")
ACL = "system.posix_acl_access"


def _file(tmp_path: Path, name: str = "a.py") -> Path:
    f = tmp_path / name
    f.write_bytes(OLD)
    return f


def _xattrs_or_skip(path: Path, name: str, value: bytes) -> None:
    try:
        os.setxattr(path, name, value)
    except OSError as exc:
        if exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM, errno.EINVAL):
            pytest.skip(f"{name} not supported on {path.parent}: {exc.strerror}")
        raise


def _acl(named_uid: int) -> bytes:
    """A POSIX ACL in Linux's xattr form: owner rw, user `named_uid` r, group r, mask r, other -."""
    entries = [(0x01, 6, 0xFFFFFFFF), (0x02, 4, named_uid), (0x04, 4, 0xFFFFFFFF)]
    entries += [(0x10, 4, 0xFFFFFFFF), (0x20, 0, 0xFFFFFFFF)]
    return struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *e) for e in entries)


@as_root
def test_setuid_setgid_and_owner_are_kept(tmp_path: Path) -> None:
    f = _file(tmp_path)
    os.chown(f, 54321, 54322)
    f.chmod(0o6755)
    assert write_fixed(str(f), OLD, NEW) is None
    st = f.stat()
    assert f.read_bytes() == NEW
    assert stat.S_IMODE(st.st_mode) == 0o6755
    assert (st.st_uid, st.st_gid) == (54321, 54322)


def test_user_xattrs_are_kept(tmp_path: Path) -> None:
    f = _file(tmp_path)
    _xattrs_or_skip(f, "user.origin", b"downloaded")
    os.setxattr(f, "user.empty", b"")
    assert write_fixed(str(f), OLD, NEW) is None
    assert f.read_bytes() == NEW
    assert os.getxattr(f, "user.origin") == b"downloaded"
    assert os.getxattr(f, "user.empty") == b""


def test_posix_acl_is_kept(tmp_path: Path) -> None:
    f = _file(tmp_path)
    f.chmod(0o640)
    _xattrs_or_skip(f, ACL, _acl(54321))
    before = os.getxattr(f, ACL)
    assert write_fixed(str(f), OLD, NEW) is None
    assert f.read_bytes() == NEW
    assert os.getxattr(f, ACL) == before
    assert stat.S_IMODE(f.stat().st_mode) == 0o640


def test_an_xattr_that_cannot_be_copied_leaves_the_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = _file(tmp_path)
    _xattrs_or_skip(f, "user.origin", b"downloaded")

    def refuse(path: object, name: str, value: bytes) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(metadata.os, "setxattr", refuse)
    message = write_fixed(str(f), OLD, NEW)
    assert message == (
        f"{f}: not fixed: cannot keep its extended attribute user.origin "
        "(Operation not permitted); fix it by hand"
    )
    assert f.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]  # no temp file left


def test_hard_linked_file_is_refused_and_both_names_agree(tmp_path: Path) -> None:
    f = _file(tmp_path)
    other = tmp_path / "other.py"
    os.link(f, other)
    message = write_fixed(str(f), OLD, NEW)
    assert message is not None and "2 hard links" in message and "\n" not in message
    assert f.read_bytes() == other.read_bytes() == OLD
    assert f.stat().st_ino == other.stat().st_ino


def test_symlink_out_of_the_checked_tree_is_not_written_through(tmp_path: Path) -> None:
    outside = _file(tmp_path, "outside.py")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "link.py").symlink_to(outside)
    message = write_fixed(str(tree / "link.py"), OLD, NEW, root=str(tree))
    assert message is not None and "outside the checked tree" in message
    assert outside.read_bytes() == OLD
    inside = _file(tree, "real.py")
    (tree / "alias.py").symlink_to("real.py")
    assert write_fixed(str(tree / "alias.py"), OLD, NEW, root=str(tree)) is None
    assert inside.read_bytes() == NEW and (tree / "alias.py").is_symlink()


def test_cli_reports_a_link_out_of_the_tree_in_one_line_with_exit_2(tmp_path: Path) -> None:
    outside = _file(tmp_path, "outside.py")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "pyproject.toml").write_text("[tool.betalint]\n")
    (tree / "link.py").symlink_to(outside)
    done = subprocess.run(
        [sys.executable, "-m", "betalint", "check", "--fix", "link.py"],
        cwd=tree,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if "outside the checked tree" in line]
    assert len(errors) == 1
    assert outside.read_bytes() == OLD
