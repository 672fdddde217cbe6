"""Read a file's bytes and decode them losslessly, or say why it was skipped.

Every outcome is a value, never an exception: `Source` (text to scan), `Skipped` (binary, too
large, undecodable; quiet or with a one-line notice) or `PathError` (the file could not be
read; the CLI prints it and exits 2 at the end). Decoding never translates newlines, and
`encode_text(source, source.text) == source.data` always holds, so a fixer that splices text
re-creates every byte it did not edit (BOM, CRLF, invalid bytes).
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "BINARY_SNIFF",
    "PathError",
    "Skipped",
    "Source",
    "decode_bytes",
    "encode_text",
    "read_source",
]

BINARY_SNIFF: Final = 8192  # bytes inspected for NULs, as git does

_UTF8_BOM = codecs.BOM_UTF8
# Formats that can start without a NUL in their first bytes (compressed, images, executables).
_MAGIC: Final = (
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"%PDF-",
    b"PK\x03\x04",  # zip, jar, wheel, docx, xlsx
    b"\x1f\x8b",  # gzip
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"BZh91AY&SY",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",  # Java class, Mach-O fat
    b"\xcf\xfa\xed\xfe",  # Mach-O 64
    b"\xce\xfa\xed\xfe",
    b"MZ\x90\x00",  # PE
    b"wOFF",
    b"wOF2",
    b"\x00asm",
    b"SQLite format 3\x00",
    b"\xff\xfe\x00\x00",  # UTF-32 LE BOM: treated as binary, as typos does
    b"\x00\x00\xfe\xff",  # UTF-32 BE BOM
)


@dataclass(frozen=True, slots=True)
class Source:
    """A decoded file. `text` excludes the BOM; `bom + text.encode(encoding) == data`."""

    path: str
    data: bytes
    text: str
    encoding: str  # a Python codec name: utf-8, utf-16-le, utf-16-be, latin-1
    bom: bytes = b""
    notice: str | None = None  # one line for the user (e.g. decoded as latin-1), or None


SkipReason = Literal["binary", "too-large", "undecodable", "no-match"]


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file deliberately not scanned. `notice` is None when skipping is unremarkable."""

    path: str
    reason: SkipReason
    notice: str | None = None


@dataclass(frozen=True, slots=True)
class PathError:
    """A path that could not be read; `message` is `PATH: reason` (printed after `error: `)."""

    path: str
    message: str


def _strerror(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _human(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    value = float(n)
    for unit in ("KiB", "MiB", "GiB"):
        value /= 1024
        if value < 1024 or unit == "GiB":
            break
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def read_source(
    path: str,
    *,
    max_size: int = 20 * 1024 * 1024,
    prefilter: Callable[[bytes], bool] | None = None,
) -> Source | Skipped | PathError:
    """Read and decode `path`. `max_size` 0 means no limit.

    The file is stat'ed before it is opened, so a FIFO or device is never opened (opening a
    FIFO with no writer blocks forever; opening some devices has side effects). It is then
    opened non-blocking in case it was swapped for a FIFO in between.
    """
    try:
        st = os.stat(path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and os.path.islink(path):
            return PathError(path, f"{path}: broken symbolic link")
        return PathError(path, f"{path}: {_strerror(exc)}")
    if not stat.S_ISREG(st.st_mode):
        return PathError(path, f"{path}: is {_kind(st.st_mode)}, not a regular file; skipped")
    if max_size and st.st_size > max_size:
        return _too_large(path, st.st_size, max_size)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            # Read one byte past the limit: the file may have grown since stat. Never ask for
            # the limit itself: read(n) allocates n bytes up front (20 MiB for every file).
            data = _read_fd(fd, min(max_size, st.st_size) + 1 if max_size else None, st.st_size)
            if data is not None and max_size and st.st_size < len(data) <= max_size:
                more = _read_fd(fd, max_size + 1 - len(data), 0)  # it grew: on to the limit
                data += more or b""
        finally:
            os.close(fd)
    except OSError as exc:
        return PathError(path, f"{path}: {_strerror(exc)}")
    if data is None:  # non-blocking read on something that is not a file after all
        return PathError(path, f"{path}: not a regular file; skipped")
    if max_size and len(data) > max_size:
        return _too_large(path, len(data), max_size)
    if prefilter is not None and not _maybe_utf16(data) and not prefilter(data):
        # Most files hold nothing beta-like: skip them before paying for decoding.
        return Skipped(path, "no-match")
    return decode_bytes(data, path)


def _read_fd(fd: int, limit: int | None, size: int) -> bytes | None:
    """Up to `limit` bytes (None: all) from `fd`, as `open(fd, "rb").read(limit)` gives them
    (None when a non-blocking read finds nothing), without building a file object per file:
    that costs more than the read for the small files most of a tree is."""
    chunks: list[bytes] = []
    total = 0
    while limit is None or total < limit:
        want = limit - total if limit is not None else max(size + 1 - total, 1 << 16)
        try:
            chunk = os.read(fd, want)
        except BlockingIOError:  # swapped for a FIFO with no writer since the stat
            return b"".join(chunks) if chunks else None
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _maybe_utf16(data: bytes) -> bool:
    """UTF-16 text defeats a byte prefilter (every other byte is NUL): never prefilter it."""
    return data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) or b"\x00" in data


def _too_large(path: str, size: int, limit: int) -> Skipped:
    return Skipped(
        path,
        "too-large",
        f"{path}: skipped: {_human(size)} is larger than the {_human(limit)} limit; "
        "raise it with --max-file-size (or `max-file-size` in config, 0 = no limit)",
    )


def _looks_like_utf16(sample: bytes) -> str | None:
    """Guess UTF-16 without a BOM from where NULs sit: mostly-ASCII text encoded as UTF-16LE
    has a NUL at nearly every odd offset and (almost) none at even ones; BE is the mirror."""
    n = len(sample) // 2
    if n < 2:
        return None
    even = sample[0 : 2 * n : 2].count(0)
    odd = sample[1 : 2 * n : 2].count(0)
    if odd >= 0.6 * n and even <= 0.02 * n:
        return "utf-16-le"
    if even >= 0.6 * n and odd <= 0.02 * n:
        return "utf-16-be"
    return None


def _is_texty(text: str) -> bool:
    """No control characters other than whitespace (guards the UTF-16 guess)."""
    return not any(ord(c) < 32 and c not in "\t\n\r\f\v" for c in text)


def decode_bytes(data: bytes, path: str = "-") -> Source | Skipped:
    """Decode a file's bytes (also stdin's): UTF-8 with or without BOM, UTF-16 with a BOM or
    guessed from NUL positions, and anything else losslessly as latin-1 with a notice.

    Binary data (a NUL in the first 8 KiB that is not UTF-16, or a known magic number) is
    Skipped without a notice.
    """
    if not data:
        return Source(path, data, "", "utf-8")
    if data.startswith(_MAGIC):
        return Skipped(path, "binary")
    if data.startswith(_UTF8_BOM):
        return _decode_utf8(path, data, _UTF8_BOM)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text = data[2:].decode(encoding)
        except UnicodeDecodeError as exc:
            return Skipped(
                path,
                "undecodable",
                f"{path}: has a UTF-16 byte-order mark but is not valid UTF-16 "
                f"({exc.reason} at offset {exc.start + 2}); skipped",
            )
        return Source(path, data, text, encoding, data[:2])
    sample = data[:BINARY_SNIFF]
    if 0 in sample:
        encoding_guess = _looks_like_utf16(sample)
        if encoding_guess is not None and len(data) % 2 == 0:
            try:
                text = data.decode(encoding_guess)
            except UnicodeDecodeError:
                return Skipped(path, "binary")
            if _is_texty(text[: BINARY_SNIFF // 2]):
                name = encoding_guess.upper()
                return Source(
                    path,
                    data,
                    text,
                    encoding_guess,
                    notice=f"{path}: no byte-order mark; decoded as {name} "
                    "(guessed from NUL bytes)",
                )
        return Skipped(path, "binary")
    return _decode_utf8(path, data, b"")


def _decode_utf8(path: str, data: bytes, bom: bytes) -> Source:
    body = data[len(bom) :] if bom else data
    try:
        return Source(path, data, body.decode("utf-8"), "utf-8", bom)
    except UnicodeDecodeError as exc:
        offset = exc.start + len(bom)
        return Source(
            path,
            data,
            body.decode("latin-1"),
            "latin-1",
            bom,
            notice=f"{path}: not valid UTF-8 (byte 0x{data[offset]:02X} at offset {offset}); "
            "decoded as latin-1",
        )


def encode_text(source: Source, new_text: str) -> bytes:
    """Encode edited text the way `source` was stored: same BOM, same encoding.

    Raises UnicodeEncodeError only if `new_text` adds characters the file's encoding cannot
    hold (e.g. non-latin-1 text in a file decoded as latin-1); beta names are ASCII.
    """
    if new_text is source.text:
        return source.data
    return source.bom + new_text.encode(source.encoding)
