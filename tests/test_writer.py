"""linter/fix/writer.py: atomic replace, mode bits, symlinks, refusals, interruption."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from betalint.linter.fix import writer
from betalint.linter.fix.writer import TEMP_SUFFIX, write_fixed


def _temps(directory: Path) -> list[str]:
    return [p.name for p in directory.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_writes_new_bytes_and_keeps_mode(tmp_path: Path) -> None:
    f = tmp_path / "run.sh"
    f.write_bytes(b"old\r\n")
    f.chmod(0o751)
    assert write_fixed(str(f), b"old\r\n", b"new\r\n") is None
    assert f.read_bytes() == b"new\r\n"
    assert stat.S_IMODE(f.stat().st_mode) == 0o751
    assert _temps(tmp_path) == []


def test_symlink_target_is_written_and_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.py"
    real.write_bytes(b"a\n")
    link = tmp_path / "link.py"
    link.symlink_to("real.py")
    assert write_fixed(str(link), b"a\n", b"b\n") is None
    assert link.is_symlink() and os.readlink(link) == "real.py"
    assert real.read_bytes() == b"b\n"


def test_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    f = tmp_path / "a.py"
    f.write_bytes(b"someone else's edit\n")
    message = write_fixed(str(f), b"what betalint read\n", b"fixed\n")
    assert message == f"{f}: not fixed: the file changed on disk while betalint was checking it"
    assert f.read_bytes() == b"someone else's edit\n"


def test_change_between_temp_write_and_replace_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.py"
    f.write_bytes(b"read\n")
    real_chmod = os.chmod

    def chmod_then_edit(path: str, mode: int) -> None:  # an editor saves meanwhile
        real_chmod(path, mode)
        f.write_bytes(b"edited meanwhile\n")

    monkeypatch.setattr(writer.os, "chmod", chmod_then_edit)
    assert "changed on disk" in (write_fixed(str(f), b"read\n", b"fixed\n") or "")
    assert f.read_bytes() == b"edited meanwhile\n"
    assert _temps(tmp_path) == []


def test_read_only_file_is_refused(tmp_path: Path) -> None:
    f = tmp_path / "a.py"
    f.write_bytes(b"x\n")
    f.chmod(0o444)  # refused even for root, who could write it
    assert write_fixed(str(f), b"x\n", b"y\n") == f"{f}: cannot fix: the file is read-only"
    assert f.read_bytes() == b"x\n"


@pytest.mark.parametrize("signal", [KeyboardInterrupt, SystemExit])
def test_interrupt_between_temp_write_and_replace_leaves_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signal: type[BaseException]
) -> None:
    f = tmp_path / "a.py"
    f.write_bytes(b"original\n")
    seen: list[str] = []

    def killed(src: str, dst: str) -> None:
        seen.append(Path(src).read_bytes().decode())  # the temp file was fully written
        raise signal()

    monkeypatch.setattr(writer.os, "replace", killed)
    with pytest.raises(signal):
        write_fixed(str(f), b"original\n", b"fixed\n")
    assert seen == ["fixed\n"]
    assert f.read_bytes() == b"original\n"
    assert _temps(tmp_path) == []


def test_os_error_on_replace_is_a_message_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "a.py"
    f.write_bytes(b"original\n")

    def fails(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", fails)
    assert write_fixed(str(f), b"original\n", b"fixed\n") == (
        f"{f}: cannot fix: No space left on device"
    )
    assert f.read_bytes() == b"original\n" and _temps(tmp_path) == []


def test_missing_file_is_a_message(tmp_path: Path) -> None:
    gone = tmp_path / "gone.py"
    assert (write_fixed(str(gone), b"", b"x") or "").startswith(f"{gone}: cannot fix:")
