"""registry/loader.py: broken registries give one clear line; layers; the JSON cache."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from betalint.registry import loader
from betalint.registry.errors import BetalintError
from betalint.registry.loader import RegistryError, load_file, load_registry, shipped_registry_path

DATA = Path(__file__).parent / "data" / "registries"

# (file, fragments the one-line message must hold besides the path)
BROKEN = (
    ("bad_toml.toml", ("invalid TOML", "line 4")),
    ("unknown_status.toml", ('[betas."alpha-2025-01-01"] status', "'active'")),
    ("unknown_key.toml", ('[betas."alpha-2025-01-01"] superseeded_by', "Unexpected")),
    ("missing_sources.toml", ('[betas."alpha-2025-01-01"] sources', "required")),
    ("empty_sources.toml", ('[betas."alpha-2025-01-01"] sources', "at least one")),
    (
        "dangling_superseded_by.toml",
        ('[betas."alpha-2025-01-01"] superseded_by', "'alpha-2025-02-02' is not in the registry"),
    ),
    ("cycle.toml", ('[betas."cyc-a-20250101"] superseded_by', "cycle", "and 1 more")),
    ("cycle_dated.toml", ("superseded_by", "is not dated later")),
    (
        "successor_earlier.toml",
        ('[betas."alpha-2025-06-01"] superseded_by', "'alpha-2025-01-01' is not dated later"),
    ),
    ("does_not_exist.toml", ("registry file not found",)),
)


@pytest.mark.parametrize(("name", "fragments"), BROKEN)
def test_broken_registry_is_one_clear_line(name: str, fragments: tuple[str, ...]) -> None:
    path = DATA / name
    with pytest.raises(RegistryError) as info:
        load_registry(base=path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message
    assert isinstance(info.value, BetalintError)
    assert info.value.exit_code == 2


@pytest.mark.parametrize("name", ["bad_toml.toml", "unknown_status.toml", "missing_sources.toml"])
def test_broken_file_fails_the_same_way_twice(name: str) -> None:
    """Errors are never cached: the second load says the same."""
    messages = set()
    for _ in range(2):
        with pytest.raises(RegistryError) as info:
            load_registry(base=DATA / name)
        messages.add(str(info.value))
    assert len(messages) == 1


def test_broken_extra_layer_is_named(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match=r"unknown_key\.toml: \[betas\."):
        load_registry([DATA / "unknown_key.toml"], base=DATA / "valid.toml")


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes((DATA / "valid.toml").read_bytes() + b"\n# caf\xe9\n")
    with pytest.raises(RegistryError, match=r"latin1\.toml: registry is not UTF-8"):
        load_registry(base=path)


def test_directory_is_not_a_registry(tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="cannot read registry"):
        load_registry(base=tmp_path)


def test_valid_registry_loads() -> None:
    reg = load_registry(base=DATA / "valid.toml")
    assert len(reg) == 6
    assert "alpha-2025-06-01" in reg
    assert reg.version == "test.1"
    assert reg.date == dt.date(2026, 1, 1)
    assert [layer.path for layer in reg.layers] == [str(DATA / "valid.toml")]
    assert reg.versions_of("alpha") == ("alpha-2025-01-01", "alpha-2025-06-01")


def test_layers_add_names_and_keep_the_base_version() -> None:
    reg = load_registry([DATA / "extra.toml"], base=DATA / "valid.toml")
    assert len(reg) == 7  # extra adds one name; its identical beta-ga entry is no clash
    assert "private-2025-05-05" in reg
    assert reg.version == "test.1"
    assert [(layer.path, layer.version) for layer in reg.layers] == [
        (str(DATA / "valid.toml"), "test.1"),
        (str(DATA / "extra.toml"), "extra.1"),
    ]


def test_extra_accepts_str_paths() -> None:
    reg = load_registry(extra=[str(DATA / "extra.toml")], base=str(DATA / "valid.toml"))
    assert "private-2025-05-05" in reg


def test_clash_between_layers_names_both_files_and_the_entry() -> None:
    with pytest.raises(RegistryError) as info:
        load_registry([DATA / "clash.toml"], base=DATA / "valid.toml")
    message = str(info.value)
    assert message.startswith(f"{DATA / 'clash.toml'}: ")
    assert "alpha-2025-06-01" in message
    assert str(DATA / "valid.toml") in message
    assert "\n" not in message


def test_extra_layer_on_the_shipped_registry() -> None:
    shipped = load_registry()
    reg = load_registry([DATA / "extra.toml"])
    assert len(reg) == len(shipped) + 2
    assert reg.version == shipped.version


def test_shipped_registry_path() -> None:
    path = shipped_registry_path()
    assert path.name == "betas.toml"
    assert path.is_file()


# The cache: keyed by content, never trusted when corrupt, off with BETALINT_NO_CACHE.


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BETALINT_NO_CACHE", raising=False)
    monkeypatch.setenv("BETALINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "betalint"


def _no_validation(path: Path, raw: object) -> object:
    raise AssertionError("validated although the cache should have answered")


def test_second_load_comes_from_the_cache(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "r.toml"
    shutil.copy(DATA / "valid.toml", path)
    first = load_file(path)
    assert len(list(cache_dir.glob("registry-*.json"))) == 1
    monkeypatch.setattr(loader, "_validate", _no_validation)
    assert load_file(path) == first


def test_cache_is_keyed_by_content(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    shutil.copy(DATA / "valid.toml", path)
    load_file(path)
    path.write_text(path.read_text().replace('notes = "Second alpha."', 'notes = "Changed."'))
    assert load_file(path).betas["alpha-2025-06-01"].notes == "Changed."
    assert len(list(cache_dir.glob("registry-*.json"))) == 2


def test_corrupt_cache_is_rebuilt(cache_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    shutil.copy(DATA / "valid.toml", path)
    good = load_file(path)
    (cached,) = cache_dir.glob("registry-*.json")
    cached.write_bytes(b"not json")
    assert load_file(path) == good
    assert cached.read_bytes() != b"not json"


def test_no_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BETALINT_NO_CACHE", "1")
    load_file(DATA / "valid.toml")
    assert not cache_dir.exists()


def test_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache dir should be")
    monkeypatch.delenv("BETALINT_NO_CACHE", raising=False)
    monkeypatch.setenv("BETALINT_CACHE_DIR", str(blocker))
    assert len(load_registry(base=DATA / "valid.toml")) == 6


def test_check_false_leaves_integrity_to_the_caller() -> None:
    from betalint.registry import integrity

    reg = load_registry(base=DATA / "cycle.toml", check=False)
    assert [(p.name, p.field) for p in integrity.check(reg)] == [
        ("cyc-a-20250101", "superseded_by"),
        ("cyc-b-20250202", "superseded_by"),
    ]
    # schema errors and clashes are still errors: there is no registry to check
    with pytest.raises(RegistryError):
        load_registry(base=DATA / "unknown_status.toml", check=False)
    with pytest.raises(RegistryError):
        load_registry([DATA / "clash.toml"], base=DATA / "valid.toml", check=False)
