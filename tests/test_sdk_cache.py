"""registry/sdk_cache.py: an SDK literal's parse is remembered by stat, and the cache is
untrusted: a value of any other shape, or under another key, is never used."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from betalint.registry import sdk_cache, sdk_layer
from betalint.registry.sdk_layer import SdkLayer
from tests.test_sdk_layer import NEW, node_sdk, python_sdk


@pytest.fixture(autouse=True)
def _own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("BETALINT_CACHE_DIR", str(cache))
    monkeypatch.delenv("BETALINT_NO_CACHE", raising=False)
    monkeypatch.delenv("BETALINT_NO_SDK_LAYER", raising=False)
    return cache / "betalint"


def _names(project: Path) -> list[tuple[str | None, tuple[str, ...]]]:
    layer = SdkLayer((str(project),), installed=False)
    return [(sdk.version, sdk.names) for sdk in layer.sdks()]


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> object:
        raise AssertionError("parsed although the cache holds this literal")

    monkeypatch.setattr(sdk_layer, "_parse_now", refuse)


@pytest.mark.parametrize("make", [python_sdk, node_sdk])
def test_a_second_run_reads_the_cache_not_the_literal(
    make: object, tmp_path: Path, _own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    make(project, [NEW, "computer-use-2025-01-24"])  # type: ignore[operator]
    first = _names(project)
    assert first and NEW in first[0][1]
    assert [p.name for p in _own_cache.iterdir() if p.name.startswith("sdk-")]
    _no_parsing(monkeypatch)
    assert _names(project) == first


def test_a_reinstalled_sdk_is_parsed_again(tmp_path: Path) -> None:
    project = tmp_path / "project"
    literal = python_sdk(project, [NEW])
    assert _names(project) == [("9.9.0", (NEW,))]
    text = literal.read_text().replace(NEW, "other-thing-2026-12-03")
    literal.write_text(text)
    os.utime(literal, ns=(1, 1))  # a new mtime even on a coarse clock
    assert _names(project) == [("9.9.0", ("other-thing-2026-12-03",))]


def test_a_new_version_file_alone_is_a_miss(tmp_path: Path) -> None:
    project = tmp_path / "project"
    literal = python_sdk(project, [NEW])
    assert _names(project)[0][0] == "9.9.0"
    version = literal.parents[1] / "_version.py"
    version.write_text('__version__ = "10.0.0"\n')
    os.utime(version, ns=(2, 2))
    assert _names(project)[0][0] == "10.0.0"


@pytest.mark.parametrize(
    "forged",
    [
        {"version": "1", "names": "not-a-list"},
        {"version": 1, "names": []},
        {"version": "1", "names": [1, 2]},
        {"version": "1", "names": [], "extra": True},
        ["a", "list"],
    ],
)
def test_a_value_of_another_shape_is_a_miss(
    forged: object, tmp_path: Path, _own_cache: Path
) -> None:
    project = tmp_path / "project"
    literal = python_sdk(project, [NEW])
    _names(project)
    key = sdk_cache.key(literal, literal.parents[1] / "_version.py")
    assert key is not None
    cached = _own_cache / sdk_cache._name(key)
    value = dict(forged, key=key) if isinstance(forged, dict) else forged
    cached.write_text(json.dumps(value))
    assert sdk_cache.read(key) is None
    assert _names(project) == [("9.9.0", (NEW,))]  # parsed again from the literal


def test_a_value_under_another_key_is_a_miss(tmp_path: Path, _own_cache: Path) -> None:
    project = tmp_path / "project"
    literal = python_sdk(project, [NEW])
    _names(project)
    key = sdk_cache.key(literal, literal.parents[1] / "_version.py")
    assert key is not None
    cached = _own_cache / sdk_cache._name(key)
    cached.write_text(json.dumps({"key": key + "x", "version": "6.6.6", "names": ["planted"]}))
    assert sdk_cache.read(key) is None
    assert _names(project) == [("9.9.0", (NEW,))]


def test_a_literal_that_cannot_be_stat_ed_has_no_key(tmp_path: Path) -> None:
    assert sdk_cache.key(tmp_path / "missing.py", None) is None
