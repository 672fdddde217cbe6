"""The shipped registry, pre-validated into `registry/betas.json` when the package is built.

A start-up must not import pydantic (~100 ms) nor read a cache from a shared place. So the
shipped `betas.toml` is validated once into strict, data-only JSON that ships inside the
package (as trusted as the package's code) and is decoded by `registry.codec`, each entry
on first use (decoding all ~100 costs ~4 ms; checking one file needs a few).
`source_digest` records which `betas.toml` it was made from: the loader validates
`betas.toml` itself when the two differ (an edited checkout), and `tests/test_prebuilt.py`
fails until `python scripts/gen_shipped_registry.py` regenerates it.
"""

from __future__ import annotations

import json
import os
from typing import Any, NamedTuple

from betalint.registry import codec
from betalint.registry.digest import source_digest
from betalint.registry.schema import RegistryFile

# A string, not a Path: pathlib costs ~3 ms to import and `validate` needs none of it.
PATH = os.path.join(os.path.dirname(__file__), "betas.json")
_FORMAT = 1


__all__ = ["PATH", "Prebuilt", "load", "render", "source_digest"]


class Prebuilt(NamedTuple):
    registry: RegistryFile
    integrity_problems: int


def render(parsed: RegistryFile, source: bytes, problems: int) -> str:
    """The JSON text: the validated file, its source's digest and its integrity problem count
    (the loader skips the integrity check only when there are none)."""
    document: dict[str, Any] = {
        "format": _FORMAT,
        "generated_by": "scripts/gen_shipped_registry.py from betas.toml; do not edit",
        "source_digest": source_digest(source),
        "integrity_problems": problems,
        "registry": codec.encode(parsed),
    }
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def load(source: bytes) -> Prebuilt | None:
    """The pre-built registry if it exists and was made from exactly `source`, else None."""
    try:
        with open(PATH, "rb") as file:
            document = json.loads(file.read())
    except (OSError, ValueError):  # not generated (a bare checkout): validate betas.toml
        return None
    if (
        not isinstance(document, dict)
        or document.get("format") != _FORMAT
        or document.get("source_digest") != source_digest(source)
        or type(document.get("integrity_problems")) is not int
    ):
        return None
    try:
        # Entries decode on first use (package data, as trusted as the code): one file's
        # check reads a few of them (tests/test_prebuilt.py decodes them all).
        registry = codec.decode_lazily(RegistryFile, document["registry"], "betas")
    except (codec.CodecError, KeyError, TypeError):  # TypeError: a schema type codec lacks
        return None
    return Prebuilt(registry, document["integrity_problems"])
