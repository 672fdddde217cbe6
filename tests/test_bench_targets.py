"""benchmarks/targets.py judges issue 19's goals from the JSON its two benchmarks write."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _targets() -> ModuleType:
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("bench_targets", BENCH / "targets.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tree(wall_vs_rg: float, speedup: float, rss1: float, rss4: float) -> dict[str, object]:
    summary = {"betalint -j1": {"rss_mb": rss1}, "betalint -j2": {"rss_mb": rss1}}
    summary4 = {"betalint -j1": {"rss_mb": rss4}, "betalint -j2": {"rss_mb": rss1}}
    return {
        "targets": {
            "corpus scale 1": {"summary": summary, "ratios": {}, "same_output": {}},
            "corpus scale 4": {
                "summary": summary4,
                "ratios": {"wall_vs_rg": wall_vs_rg, "speedup_1_to_2": speedup},
                "same_output": {"json": True, "text": False},
            },
        }
    }


def test_tree_targets_are_judged_each_way() -> None:
    targets = _targets()
    goals = {"scan_vs_rg": 2.5, "speedup_1_to_2": 1.6, "rss_growth_pct": 10.0}
    lines = targets.tree_lines(_tree(3.0, 1.7, 30.0, 34.0), goals)
    verdicts = {label: met for label, _, _, met in lines}
    assert verdicts["tree scan -j2 / ripgrep, wall, scale 4"] is False
    assert verdicts["speed-up 1 -> 2 jobs, scale 4"] is True
    assert verdicts["betalint -j1 peak RSS growth % scale 1 -> 4"] is False  # +13.3%
    assert verdicts["betalint -j2 peak RSS growth % scale 1 -> 4"] is True
    assert not any(met for label, _, _, met in lines if "same report" in label)


def test_startup_targets_use_the_reports_own_goals() -> None:
    targets = _targets()
    report = {
        "goals": {"betalint validate": 0.4, "betalint check": 0.5},
        "ratios": {"betalint validate": 0.25, "betalint check": 0.51},
    }
    assert [met for *_, met in targets.startup_lines(report)] == [True, False]
