from __future__ import annotations

import codecs
import errno
import os
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from betalint.linter.files import reader
from betalint.linter.files.reader import (
    PathError,
    Skipped,
    Source,
    decode_bytes,
    encode_text,
    read_source,
)

TEXT = "betas = ['files-api-2025-04-14']  # é ✓\r\nline2\nline3\r"


@pytest.mark.parametrize(
    ("data", "encoding", "bom", "text", "notice"),
    [
        (b"", "utf-8", b"", "", None),
        (TEXT.encode(), "utf-8", b"", TEXT, None),
        (codecs.BOM_UTF8 + TEXT.encode(), "utf-8", codecs.BOM_UTF8, TEXT, None),
        (codecs.BOM_UTF8, "utf-8", codecs.BOM_UTF8, "", None),
        (
            codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
            "utf-16-le",
            codecs.BOM_UTF16_LE,
            TEXT,
            None,
        ),
        (
            codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
            "utf-16-be",
            codecs.BOM_UTF16_BE,
            TEXT,
            None,
        ),
        (
            TEXT.encode("utf-16-le"),
            "utf-16-le",
            b"",
            TEXT,
            "f: no byte-order mark; decoded as UTF-16-LE (guessed from NUL bytes)",
        ),
        (
            TEXT.encode("utf-16-be"),
            "utf-16-be",
            b"",
            TEXT,
            "f: no byte-order mark; decoded as UTF-16-BE (guessed from NUL bytes)",
        ),
        (
            b"abc\xff def",
            "latin-1",
            b"",
            "abc\xff def",
            "f: not valid UTF-8 (byte 0xFF at offset 3); decoded as latin-1",
        ),
        (
            codecs.BOM_UTF8 + b"x\xc3(",
            "latin-1",
            codecs.BOM_UTF8,
            "x\xc3(",
            "f: not valid UTF-8 (byte 0xC3 at offset 4); decoded as latin-1",
        ),
        (
            b"caf\xe9 files-api-2025-04-14",
            "latin-1",
            b"",
            "caf\xe9 files-api-2025-04-14",
            "f: not valid UTF-8 (byte 0xE9 at offset 3); decoded as latin-1",
        ),
    ],
)
def test_decode(data: bytes, encoding: str, bom: bytes, text: str, notice: str | None) -> None:
    src = decode_bytes(data, "f")
    assert isinstance(src, Source)
    assert (src.encoding, src.bom, src.text, src.notice) == (encoding, bom, text, notice)
    assert encode_text(src, src.text) == data
    assert encode_text(src, str(src.text)) == data  # not just the identity shortcut


@pytest.mark.parametrize(
    "data",
    [
        b"\x00",
        b"text\x00more text",  # a NUL in the first 8 KiB means binary, as git decides
        b"\x89PNG\r\n\x1a\n" + b"x" * 20,
        b"\x1f\x8b\x08rest",
        b"PK\x03\x04files-api-2025-04-14",
        b"\x7fELF\x02\x01\x01",
        bytes(range(256)) * 4,
        b"\xff\xfe\x00\x00a\x00\x00\x00",  # UTF-32: binary, as typos treats it
        os.urandom(64) + b"\x00" + os.urandom(64),
    ],
)
def test_binary_is_skipped_quietly(data: bytes) -> None:
    assert decode_bytes(data, "f") == Skipped("f", "binary", None)


def test_nul_after_sniff_window_is_text() -> None:
    data = b"a" * reader.BINARY_SNIFF + b"\x00files-api-2025-04-14"
    src = decode_bytes(data, "f")
    assert isinstance(src, Source)
    assert src.text.endswith("\x00files-api-2025-04-14")
    assert encode_text(src, src.text) == data


def test_utf16_bom_invalid_is_a_notice() -> None:
    out = decode_bytes(codecs.BOM_UTF16_LE + b"a\x00b", "f")
    assert isinstance(out, Skipped)
    assert out.reason == "undecodable"
    assert out.notice is not None and "not valid UTF-16" in out.notice


def test_utf16_guess_rejects_control_chars() -> None:
    # Alternating NULs that decode to control characters are binary, not UTF-16 text.
    assert decode_bytes(b"\x01\x00\x02\x00\x03\x00\x04\x00" * 10, "f") == Skipped("f", "binary")


def test_line_endings_preserved_exactly() -> None:
    data = b"a\r\nb\nc\rd\r\n\r\n"
    src = decode_bytes(data, "f")
    assert isinstance(src, Source)
    assert src.text == "a\r\nb\nc\rd\r\n\r\n"
    edited = src.text.replace("b", "files-api-2025-04-14")
    assert encode_text(src, edited) == b"a\r\nfiles-api-2025-04-14\nc\rd\r\n\r\n"


def test_fixer_edit_keeps_bom_and_utf16() -> None:
    data = codecs.BOM_UTF16_LE + "x = 'files-api-2025-4-14'\r\n".encode("utf-16-le")
    src = decode_bytes(data, "f")
    assert isinstance(src, Source)
    new = encode_text(src, src.text.replace("2025-4-14", "2025-04-14"))
    assert new == codecs.BOM_UTF16_LE + "x = 'files-api-2025-04-14'\r\n".encode("utf-16-le")


def test_latin1_fallback_edit_keeps_other_bytes() -> None:
    data = b"\xe9\xff files-api-2025-4-14 \xc3"
    src = decode_bytes(data, "f")
    assert isinstance(src, Source)
    out = encode_text(src, src.text.replace("2025-4-14", "2025-04-14"))
    assert out == b"\xe9\xff files-api-2025-04-14 \xc3"


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=600))
def test_round_trip_arbitrary_bytes(data: bytes) -> None:
    out = decode_bytes(data, "f")
    if isinstance(out, Source):
        assert encode_text(out, str(out.text)) == data
        assert out.notice is None or "\n" not in out.notice


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_round_trip_real_text(text: str, codec: str) -> None:
    data = text.encode(codec, "surrogatepass")
    out = decode_bytes(data, "f")
    if isinstance(out, Source):
        assert encode_text(out, str(out.text)) == data


# --------------------------------------------------------------------------- files


def test_read_regular_file(tmp_path: Path) -> None:
    p = tmp_path / "a.py"
    p.write_bytes(TEXT.encode())
    src = read_source(str(p))
    assert isinstance(src, Source)
    assert src.text == TEXT and src.path == str(p)


def test_read_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty"
    p.touch()
    assert read_source(str(p)) == Source(str(p), b"", "", "utf-8")


def test_missing_file(tmp_path: Path) -> None:
    p = str(tmp_path / "gone.py")
    assert read_source(p) == PathError(p, f"{p}: No such file or directory")


def test_dangling_symlink(tmp_path: Path) -> None:
    link = tmp_path / "link.py"
    link.symlink_to(tmp_path / "nowhere.py")
    assert read_source(str(link)) == PathError(str(link), f"{link}: broken symbolic link")


def test_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    start = time.monotonic()
    out = read_source(str(fifo))  # opening a FIFO with no writer would block forever
    assert time.monotonic() - start < 2
    assert out == PathError(str(fifo), f"{fifo}: is a FIFO, not a regular file; skipped")


def test_device(tmp_path: Path) -> None:
    out = read_source("/dev/null")
    assert out == PathError("/dev/null", "/dev/null: is a device, not a regular file; skipped")


def test_directory(tmp_path: Path) -> None:
    out = read_source(str(tmp_path))
    assert isinstance(out, PathError) and "is a directory" in out.message


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # CI runs as root, and root reads 0o000 files, so the denial is simulated at os.open.
    p = tmp_path / "secret.py"
    p.write_text("x")

    def deny(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(reader.os, "open", deny)
    assert read_source(str(p)) == PathError(str(p), f"{p}: Permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read mode-0 files")
def test_permission_denied_real(tmp_path: Path) -> None:
    p = tmp_path / "secret.py"
    p.write_text("x")
    p.chmod(0)
    try:
        assert read_source(str(p)) == PathError(str(p), f"{p}: Permission denied")
    finally:
        p.chmod(0o644)


def test_deleted_between_listing_and_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    p = tmp_path / "racy.py"
    p.write_text("x")
    real_open = os.open

    def vanish(path: str, *args: int) -> int:
        os.unlink(path)
        return real_open(path, *args)

    monkeypatch.setattr(reader.os, "open", vanish)
    assert read_source(str(p)) == PathError(str(p), f"{p}: No such file or directory")


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [
        (2048, 1024, "2 KiB is larger than the 1 KiB limit"),
        (1536, 1000, "1.5 KiB is larger than the 1000 B limit"),
    ],
)
def test_too_large(tmp_path: Path, size: int, limit: int, expected: str) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * size)
    out = read_source(str(p), max_size=limit)
    assert isinstance(out, Skipped) and out.reason == "too-large"
    assert out.notice is not None
    assert expected in out.notice and "--max-file-size" in out.notice


def test_limit_zero_means_unlimited(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"a" * 5000)
    out = read_source(str(p), max_size=0)
    assert isinstance(out, Source) and len(out.text) == 5000


def test_exactly_at_limit_is_read(tmp_path: Path) -> None:
    p = tmp_path / "edge.txt"
    p.write_bytes(b"a" * 1024)
    assert isinstance(read_source(str(p), max_size=1024), Source)


def test_ten_megabyte_single_line_is_fast(tmp_path: Path) -> None:
    p = tmp_path / "min.js"
    data = (b"x=" + b"files-api-2025-04-14," * 500_000)[: 10 * 1024 * 1024]
    p.write_bytes(data)
    start = time.perf_counter()
    out = read_source(str(p))
    elapsed = time.perf_counter() - start
    assert isinstance(out, Source) and out.data == data
    assert elapsed < 0.5


def test_ten_megabyte_invalid_utf8_is_fast() -> None:
    data = b"\xff" + b"a" * (10 * 1024 * 1024)
    start = time.perf_counter()
    out = decode_bytes(data, "f")
    assert isinstance(out, Source) and out.encoding == "latin-1"
    assert time.perf_counter() - start < 0.5
