"""registry.integrity over platform tables: sourced claims, known keys, sound mappings."""

from __future__ import annotations

from pathlib import Path

import pytest

from betalint.registry import integrity
from betalint.registry.loader import RegistryError, load_registry

HEAD = """\
schema_version = 1
registry_version = "t"
registry_date = 2026-11-25
platform_precedence = ["official-doc", "gateway-config"]

[betas."alpha-2026-01-01"]
status = "active"
confidence = "high"
in_sdk_literal = false
sources = ["s"]
notes = "n"

[betas."beta-2026-02-02"]
status = "active"
confidence = "high"
in_sdk_literal = false
sources = ["s"]
notes = "n"

[betas."beta-2026-02-02".platforms.bedrock]
status = "supported"
sources = ["s"]

"""


def load(tmp_path: Path, table: str) -> list[integrity.Problem]:
    path = tmp_path / "r.toml"
    path.write_text(HEAD + table, encoding="utf-8")
    try:
        registry = load_registry(base=path)
    except RegistryError as exc:
        return [integrity.Problem("?", "?", str(exc))]
    return integrity.check(registry)


def test_shipped_registry_is_sound() -> None:
    registry = load_registry()
    assert integrity.check(registry) == []
    claims = [s for e in registry.entries.values() for s in e.platforms.values()]
    assert len(claims) > 300 and all(c.sources for c in claims)


def test_sound_table(tmp_path: Path) -> None:
    table = """\
[betas."alpha-2026-01-01".platforms.bedrock]
status = "mapped"
name = "beta-2026-02-02"
evidence = "official-doc"
as_of = 2026-01-01
endpoints = { converse = "unsupported" }
models = ["claude-opus-4-5"]
sources = ["s"]

[betas."alpha-2026-01-01".platforms.x-gateway]
status = "unknown"
sources = ["s"]
"""
    assert load(tmp_path, table) == []


@pytest.mark.parametrize(
    ("table", "message"),
    (
        ('status = "supported"\n', "every platform claim needs a source"),
        ('status = "unknown"\nsources = [" "]\n', "every platform claim needs a source"),
        ('status = "mapped"\nname = "nope-2026-01-01"\nsources = ["s"]\n', "not in the registry"),
        ('status = "mapped"\nsources = ["s"]\n', "'mapped' and name go together"),
        ('status = "supported"\nname = "beta-2026-02-02"\nsources = ["s"]\n', "go together"),
        ('status = "mapped"\nname = "alpha-2026-01-01"\nsources = ["s"]\n', "to itself"),
        (
            'status = "supported"\nendpoints = { stream = "unsupported" }\nsources = ["s"]\n',
            "no endpoint 'stream'",
        ),
        (
            'status = "supported"\nevidence = "sdk-code"\nsources = ["s"]\n',
            "not in platform_precedence",
        ),
        ('status = "supported"\nas_of = 2027-01-01\nsources = ["s"]\n', "later than"),
        (
            'status = "supported"\nmodels = ["Claude 4.5 and newer"]\nsources = ["s"]\n',
            "is not a model id",
        ),
    ),
)
def test_problems(tmp_path: Path, table: str, message: str) -> None:
    problems = load(tmp_path, '[betas."alpha-2026-01-01".platforms.bedrock]\n' + table)
    assert any(message in str(p) for p in problems), problems


def test_unknown_platform_key(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        '[betas."alpha-2026-01-01".platforms.azure]\nstatus = "supported"\nsources = ["s"]\n',
    )
    assert any("unknown platform" in str(p) for p in problems)


def test_mapping_to_a_name_the_platform_rejects(tmp_path: Path) -> None:
    text = (
        HEAD.replace(
            '[betas."beta-2026-02-02".platforms.bedrock]\nstatus = "supported"',
            '[betas."beta-2026-02-02".platforms.bedrock]\nstatus = "unsupported"',
        )
        + '[betas."alpha-2026-01-01".platforms.bedrock]\nstatus = "mapped"\n'
        'name = "beta-2026-02-02"\nsources = ["s"]\n'
    )
    path = tmp_path / "r.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError, match="is itself unsupported on bedrock"):
        load_registry(base=path)


def test_schema_rejects_unknown_platform_fields(tmp_path: Path) -> None:
    problems = load(
        tmp_path,
        '[betas."alpha-2026-01-01".platforms.bedrock]\n'
        'status = "supported"\nsources = ["s"]\nsupport = "yes"\n',
    )
    assert any("support" in str(p) for p in problems)
