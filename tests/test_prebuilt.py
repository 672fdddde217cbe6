"""registry/betas.json: the shipped registry pre-validated, current, and loaded without pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from betalint.registry import codec, loader, prebuilt
from betalint.registry.schema import RegistryFile

ROOT = Path(__file__).parent.parent


def test_betas_json_is_current() -> None:
    # Fails after an edit of betas.toml until `python scripts/gen_shipped_registry.py` runs.
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_shipped_registry.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_prebuilt_equals_what_pydantic_validates() -> None:
    path = loader.shipped_registry_path()
    data = path.read_bytes()
    found = prebuilt.load(data)
    assert found is not None
    assert found.registry == loader._validate(path, loader._parse_toml(path, data))
    assert found.integrity_problems == 0


def test_start_up_imports_neither_pydantic_nor_tomllib() -> None:
    code = (
        "import sys; from betalint.api import validate; validate('files-api-2025-04-14'); "
        "print(sorted(m for m in ('pydantic', 'tomllib', 'pickle') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_edited_betas_toml_is_validated_not_taken_from_the_prebuilt(tmp_path: Path) -> None:
    source = loader.shipped_registry_path().read_text(encoding="utf-8")
    edited = tmp_path / "betas.toml"
    edited.write_text(source.replace('registry_version = "', 'registry_version = "9', 1))
    assert prebuilt.load(edited.read_bytes()) is None
    assert loader.load_file(edited).registry_version.startswith("9")


def test_decode_is_strict() -> None:
    good = codec.encode(loader.load_file(loader.shipped_registry_path()))
    name = next(iter(good["betas"]))
    for field, bad in (("status", "valid"), ("in_sdk_literal", 1), ("sources", "x"), ("x", 1)):
        forged = json.loads(json.dumps(good))
        forged["betas"][name][field] = bad
        with pytest.raises(codec.CodecError):
            codec.decode(RegistryFile, forged)
    assert codec.decode(RegistryFile, good) == loader.load_file(loader.shipped_registry_path())
