"""Regenerate registry/betas.json (the pre-validated shipped registry) from betas.toml.

    python scripts/gen_shipped_registry.py [--check]

With --check, exit 1 (and write nothing) when the module is missing or out of date.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from betalint.registry import integrity, loader, prebuilt
from betalint.registry.model import Registry, RegistryLayer


def expected() -> str:
    """The module text for the current betas.toml, validated by pydantic (no pre-built path)."""
    path = loader.shipped_registry_path()
    data = path.read_bytes()
    parsed = loader._validate(path, loader._parse_toml(path, data))
    layer = RegistryLayer(str(path), parsed.registry_version, parsed.registry_date)
    registry = Registry(
        entries=parsed.betas, layers=(layer,), platform_precedence=parsed.platform_precedence
    )
    return prebuilt.render(parsed, data, len(integrity.check(registry)))


def main(argv: list[str]) -> int:
    text = expected()
    target = Path(prebuilt.PATH)
    current = target.read_text(encoding="utf-8") if target.exists() else ""
    if "--check" in argv:
        if current != text:
            print(f"{target} is out of date: run {__file__}", file=sys.stderr)
            return 1
        return 0
    if current != text:
        tmp = target.with_suffix(f".{os.getpid()}.new")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
