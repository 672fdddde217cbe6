"""The realworld corpus scored by scripts/accuracy.py: strong-context recall, look-alikes and
call-level findings (BL401-BL404).

The expectations (tests/fixtures/realworld/expected.toml) are written by hand beside the
fixtures; a fixture nobody lists would go unmeasured, so every fixture must be listed.
"""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "realworld"


def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "scripts" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["accuracy"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_strong_recall_and_no_finding_on_a_lookalike() -> None:
    report = _accuracy().measure(FIXTURES)
    strong = report.by_context["strong"]
    assert strong.expected >= 40
    assert strong.recall >= 0.97, report.misses
    assert report.lookalike_findings == []
    assert report.false_positives == []


def test_call_level_findings_are_exactly_the_listed_ones() -> None:
    report = _accuracy().measure(FIXTURES)
    assert report.calls.expected >= 8
    assert report.call_misses == [] and report.call_false_positives == []


def test_every_listed_fixture_exists() -> None:
    listed = tomllib.loads((FIXTURES / "expected.toml").read_text(encoding="utf-8"))
    for rel in listed:
        assert (FIXTURES / rel).is_file(), rel
