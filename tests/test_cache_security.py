"""The registry cache cannot run code or lie (issue 17, Why 1-2): each attack reproduced.

The tests run as root in CI, so "another user" is made with os.chown; they skip otherwise.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from betalint.registry import cache, codec, loader
from betalint.registry.loader import RegistryError, load_file, load_registry

DATA = Path(__file__).parent / "data" / "registries"
OTHER_UID = 54321
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="chown to another uid needs root")


class _Payload:
    """Unpickling this runs `touch MARKER`: what a planted cache did before."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("BETALINT_NO_CACHE", raising=False)
    monkeypatch.setenv("BETALINT_CACHE_DIR", str(tmp_path / "cache"))
    directory = tmp_path / "cache" / "betalint"
    directory.mkdir(parents=True, mode=0o700)
    return directory


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    path = tmp_path / "extra.toml"
    shutil.copy(DATA / "valid.toml", path)
    return path


def _cache_name(path: Path) -> str:
    return f"registry-{loader._cache_key(path.read_bytes())[:32]}.json"


def _forge(cache_dir: Path, path: Path, notes: str) -> Path:
    """A well-formed cache entry for `path` with the right key but content that lies."""
    key = loader._cache_key(path.read_bytes())
    real = loader._validate(path, loader._parse_toml(path, path.read_bytes()))
    data = codec.encode(real)
    for entry in data["betas"].values():
        entry["notes"] = notes
    target = cache_dir / _cache_name(path)
    target.write_text(json.dumps({"key": key, "registry": data}))
    return target


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "betalint", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_planted_pickle_payload_does_not_run(cache_dir: Path, extra: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    # every name the old pickle cache read, plus the names the JSON cache reads now
    for name in ("registry-0.pickle", "assembled-0.pickle", _cache_name(extra)):
        (cache_dir / name).write_bytes(payload)
    for key in range(64):
        (cache_dir / f"assembled-{key:x}.pickle").write_bytes(payload)
    assert _run("--version").returncode == 0
    assert _run("validate", "computer-use-2025-01-24").returncode == 0
    assert len(load_registry([extra])) > 0
    assert not marker.exists()
    assert not list(cache_dir.glob("*.pickle"))  # legacy pickles are pruned, never read


@as_root
def test_cache_dir_of_another_user_is_refused(cache_dir: Path, extra: Path) -> None:
    _forge(cache_dir, extra, "forged")
    os.chown(cache_dir, OTHER_UID, OTHER_UID)
    cache_dir.chmod(0o777)
    assert {e.notes for e in load_file(extra).betas.values()} != {"forged"}
    assert not list(cache_dir.glob(".tmp-*"))  # and nothing is written into it


@as_root
def test_cache_file_of_another_user_is_refused(cache_dir: Path, extra: Path) -> None:
    os.chown(_forge(cache_dir, extra, "forged"), OTHER_UID, OTHER_UID)
    assert {e.notes for e in load_file(extra).betas.values()} != {"forged"}


def test_cache_writable_by_others_is_refused(cache_dir: Path, extra: Path) -> None:
    _forge(cache_dir, extra, "forged").chmod(0o666)
    assert {e.notes for e in load_file(extra).betas.values()} != {"forged"}
    _forge(cache_dir, extra, "forged").chmod(0o600)
    cache_dir.chmod(0o770)
    assert {e.notes for e in load_file(extra).betas.values()} != {"forged"}


def test_forged_cache_cannot_make_a_retired_name_valid(cache_dir: Path, tmp_path: Path) -> None:
    retired = "computer-use-2024-10-22"
    # the shipped registry never comes from the cache: plant a forged copy under every name
    shipped = loader.shipped_registry_path()
    forged = codec.encode(load_file(shipped))
    forged["betas"][retired]["status"] = "active"
    forged["betas"][retired]["status_date"] = None
    forged["betas"][retired]["removal_date"] = None
    document = json.dumps({"key": loader._cache_key(shipped.read_bytes()), "registry": forged})
    (cache_dir / _cache_name(shipped)).write_text(document)
    done = _run("validate", retired)
    assert done.returncode != 0
    assert "retired" in done.stdout
    # an extra layer (here: a forged cached one) that redefines the name is a clash, not "valid"
    layer = tmp_path / "layer.toml"
    layer.write_text(
        'schema_version = 1\nregistry_version = "1"\nregistry_date = 2026-01-01\n'
        f'[betas."{retired}"]\nstatus = "active"\nconfidence = "high"\n'
        'in_sdk_literal = false\nsources = ["x"]\nnotes = "forged"\n'
    )
    with pytest.raises(RegistryError, match="also defined"):
        load_registry([layer])


def test_symlink_at_temp_or_cache_name_clobbers_nothing(cache_dir: Path, extra: Path) -> None:
    victim = cache_dir.parent / "victim.txt"
    victim.write_text("precious")
    stem = _cache_name(extra).removesuffix(".json")
    for name in (f"{stem}.{os.getpid()}.tmp", f"{stem}.json.{os.getpid()}.tmp", _cache_name(extra)):
        (cache_dir / name).symlink_to(victim)
    load_file(extra)
    assert victim.read_text() == "precious"
    cached = cache_dir / _cache_name(extra)
    assert not cached.is_symlink()  # the link at the cache name was replaced, not followed
    assert json.loads(cached.read_text())["key"] == loader._cache_key(extra.read_bytes())


def test_fifo_at_the_cache_path_does_not_hang(cache_dir: Path, extra: Path) -> None:
    os.mkfifo(cache_dir / _cache_name(extra))
    code = (
        "from pathlib import Path; from betalint.registry.loader import load_file; "
        f"print(len(load_file(Path({str(extra)!r})).betas))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30, check=True
    )
    assert int(done.stdout) == len(load_file(extra).betas)


def test_stale_temp_files_are_pruned(cache_dir: Path, extra: Path) -> None:
    stale, fresh = cache_dir / ".tmp-dead", cache_dir / ".tmp-alive"
    legacy = cache_dir / "registry-abc.1234.tmp"
    for path in (stale, fresh, legacy):
        path.write_text("partial")
    hours_ago = time.time() - 7200
    os.utime(stale, (hours_ago, hours_ago))
    load_file(extra)  # a cache miss: writes, then prunes
    assert not stale.exists()
    assert not legacy.exists()
    assert fresh.exists()  # may belong to a run in progress


def test_failed_write_leaves_no_temp_file(
    cache_dir: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    assert len(load_file(extra).betas) > 0
    assert list(cache_dir.iterdir()) == []


def test_cache_dir_is_created_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BETALINT_NO_CACHE", raising=False)
    monkeypatch.setenv("BETALINT_CACHE_DIR", str(tmp_path / "fresh"))
    cache.write("x.json", {"a": 1})
    directory = tmp_path / "fresh" / "betalint"
    assert directory.stat().st_mode & 0o777 == 0o700
    assert cache.read("x.json") == {"a": 1}


def test_a_linked_cache_dir_is_neither_written_nor_pruned(
    tmp_path: Path, extra: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    victim = tmp_path / "victim"
    victim.mkdir(mode=0o700)
    keep = [victim / "registry-mine.json", victim / "notes.tmp", victim / "data.json"]
    for path in keep:
        path.write_text("precious")
    root = tmp_path / "shared"
    root.mkdir()
    (root / "betalint").symlink_to(victim)
    monkeypatch.setenv("BETALINT_CACHE_DIR", str(root))
    monkeypatch.delenv("BETALINT_NO_CACHE", raising=False)
    load_file(extra)
    assert sorted(victim.iterdir()) == sorted(keep)


def test_pruning_touches_only_betalint_files(cache_dir: Path, extra: Path) -> None:
    other = [cache_dir / "someone-else.json", cache_dir / "x.pickle", cache_dir / "y.tmp"]
    for path in other:
        path.write_text("not ours")
    load_file(extra)
    assert all(path.exists() for path in other)
