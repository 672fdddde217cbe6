"""The digest that ties a generated registry file to the `betas.toml` bytes it came from.

Its own module, importing only zlib, so that `registry.quick_verdicts` can check it without
the codec and the schema's dataclasses.
"""

from __future__ import annotations

import zlib


def source_digest(data: bytes) -> str:
    """It detects an edited checkout, not an attacker: both files sit in the package, and
    whoever can edit them can edit its code. So CRC-32 and the length (no hashlib: OpenSSL
    costs 2 ms)."""
    return f"crc32:{zlib.crc32(data):08x}:{len(data)}"
