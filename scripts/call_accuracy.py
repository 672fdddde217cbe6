"""How often the call around a betas list is told right on the realworld corpus.

    python scripts/call_accuracy.py [FIXTURES_DIR]

Reads `calls.toml` beside the fixtures (tests/fixtures/realworld/ by default): for each
betas list or header value (by the line of its first name), the call that should be
resolved (its model, "" for none, and its tool types) or `false` for no call. Prints per
language: lists, calls resolved, models expected and found, wrong models (a model where
the row says another or none: the rules would judge a beta against a model the call does
not send), and tool mismatches. Exit 1 on a wrong model, a tool mismatch, or a list with no
row, so CI can hold the line.
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from betalint.linter.engine import Linter  # noqa: E402
from betalint.linter.scan.calls import call_literals  # noqa: E402
from betalint.linter.scan.scanner import scan_text  # noqa: E402

DEFAULT_DIR = ROOT / "tests" / "fixtures" / "realworld"
TODAY = dt.date(2026, 11, 25)


@dataclass
class Tally:
    """Counts for one language."""

    lists: int = 0
    resolved: int = 0
    models_expected: int = 0
    models_found: int = 0
    wrong_models: int = 0

    @property
    def model_recall(self) -> float:
        return self.models_found / self.models_expected if self.models_expected else 1.0


@dataclass
class Report:
    """Tallies per language and every problem, as `path:line: what`."""

    by_language: dict[str, Tally] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _measure_one(
    path: Path, rel: str, rows: list[list[object]], language: str, ctx: Linter, report: Report
) -> None:
    text = path.read_text(encoding="utf-8")
    expected = {int(row[0]): row[1:] for row in rows}  # type: ignore[call-overload]
    tally = report.by_language.setdefault(language, Tally())
    groups: dict[int, list[tuple[int, int]]] = {}
    for c in scan_text(text, rel, ctx.vocab).candidates:
        if c.group is not None:
            groups.setdefault(c.group, []).append((c.start, c.end))
    seen: set[int] = set()
    for spans in groups.values():
        line = _line(text, spans[0][0])
        if line in seen:
            continue  # two lists on one line: the first row speaks for the line
        seen.add(line)
        tally.lists += 1
        found = call_literals(text, rel, spans[0][0], spans[-1][1])
        row = expected.get(line)
        if row is None:
            report.problems.append(f"{rel}:{line}: a betas list with no row in calls.toml")
            continue
        if found is not None:
            tally.resolved += 1
        if row[0] is False:
            if found is not None and found.model is not None:
                report.problems.append(f"{rel}:{line}: wrong model {found.model} (no call)")
                tally.wrong_models += 1
            continue
        model, tools = str(row[0]), list(row[1]) if len(row) > 1 else []  # type: ignore[arg-type]
        got = found.model if found is not None else None
        tally.models_expected += bool(model)
        if got is not None and got != model:
            tally.wrong_models += 1
            report.problems.append(f"{rel}:{line}: wrong model {got}, expected {model or 'none'}")
        elif got is not None:
            tally.models_found += 1
        got_tools = [t for _, _, t in found.tools] if found is not None else []
        if got_tools != tools:
            report.problems.append(f"{rel}:{line}: tools {got_tools}, expected {tools}")


def measure(fixtures: Path = DEFAULT_DIR) -> Report:
    """Score call resolution on every fixture listed in `fixtures/calls.toml`."""
    specs = tomllib.loads((fixtures / "calls.toml").read_text(encoding="utf-8"))
    languages = tomllib.loads((fixtures / "expected.toml").read_text(encoding="utf-8"))
    ctx = Linter.create(today=TODAY)
    report = Report()
    for rel, spec in specs.items():
        language = str(languages.get(rel, {}).get("language", rel.split("/", 1)[0]))
        _measure_one(fixtures / rel, rel, spec["calls"], language, ctx, report)
    return report


def main(argv: list[str]) -> int:
    report = measure(Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR)
    print(f"{'language':<12} {'lists':>5} {'calls':>5} {'models':>6} {'found':>5} {'wrong':>5}")
    for name, t in sorted(report.by_language.items()):
        print(
            f"{name:<12} {t.lists:>5} {t.resolved:>5} {t.models_expected:>6}"
            f" {t.models_found:>5} {t.wrong_models:>5}"
        )
    for problem in report.problems:
        print(problem)
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
