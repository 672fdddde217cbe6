"""Regenerate registry/betas.json (the pre-validated shipped registry) and
linter/verdicts.json (`validate`'s table of shipped names, linter/quick_verdicts.py) from
betas.toml.

    python scripts/gen_shipped_registry.py [--check]

With --check, exit 1 (and write nothing) when either file is missing or out of date.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from betalint.linter import quick_verdicts
from betalint.registry import integrity, loader, prebuilt
from betalint.registry.model import Registry, RegistryLayer


def expected() -> dict[Path, str]:
    """Each file's text for the current betas.toml, validated by pydantic (no pre-built path)."""
    path = loader.shipped_registry_path()
    data = path.read_bytes()
    parsed = loader._validate(path, loader._parse_toml(path, data))
    layer = RegistryLayer(str(path), parsed.registry_version, parsed.registry_date)
    registry = Registry(
        entries=parsed.betas, layers=(layer,), platform_precedence=parsed.platform_precedence
    )
    return {
        Path(prebuilt.PATH): prebuilt.render(parsed, data, len(integrity.check(registry))),
        Path(quick_verdicts.PATH): quick_verdicts.render(registry, data),
    }


def main(argv: list[str]) -> int:
    stale = 0
    for target, text in expected().items():
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current == text:
            continue
        if "--check" in argv:
            print(f"{target} is out of date: run {__file__}", file=sys.stderr)
            stale = 1
            continue
        tmp = target.with_suffix(f".{os.getpid()}.new")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
        print(f"wrote {target}")
    return stale


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
