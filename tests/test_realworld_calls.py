"""The realworld corpus's call-level rows (tests/fixtures/realworld/calls.toml), scored by
scripts/call_accuracy.py: no wrong model, tools as written, every betas list with a row."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "realworld"


def _call_accuracy() -> ModuleType:
    path = ROOT / "scripts" / "call_accuracy.py"
    spec = importlib.util.spec_from_file_location("call_accuracy", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["call_accuracy"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_no_wrong_model_and_every_list_has_its_row() -> None:
    report = _call_accuracy().measure(FIXTURES)
    assert report.problems == []
    tallies = report.by_language.values()
    assert sum(t.wrong_models for t in tallies) == 0
    # Each language of the call rules resolves at least one literal model.
    for language in ("python", "java", "kotlin", "csharp", "ruby", "go", "markdown", "notebook"):
        assert report.by_language[language].models_found >= 1, language


def test_every_row_names_a_fixture() -> None:
    rows = tomllib.loads((FIXTURES / "calls.toml").read_text(encoding="utf-8"))
    for rel in rows:
        assert (FIXTURES / rel).is_file(), rel


def test_a_wrong_model_is_reported(tmp_path: Path) -> None:
    fixture = tmp_path / "python" / "one.py"
    fixture.parent.mkdir()
    fixture.write_text('f(model="claude-haiku-4-5", betas=["files-api-2025-04-14"])\n')
    (tmp_path / "expected.toml").write_text('["python/one.py"]\nlanguage = "python"\n')
    (tmp_path / "calls.toml").write_text('["python/one.py"]\ncalls = [[1, "", []]]\n')
    report = _call_accuracy().measure(tmp_path)
    assert report.problems == ["python/one.py:1: wrong model claude-haiku-4-5, expected none"]
