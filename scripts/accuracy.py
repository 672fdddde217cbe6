"""Recall and precision of the scanner on the realworld corpus, per language and per context.

    python scripts/accuracy.py [FIXTURES_DIR]

Reads `expected.toml` beside the fixtures (tests/fixtures/realworld/ by default): for each
fixture, the beta names it holds in strong and weak contexts, line by line, and the lines
that hold only look-alikes (model ids, tool types, version dates, header names). A name
counts as found when the scanner reports a candidate on its line that is that name (or an
SDK constant standing for it). A false positive is a strong candidate nobody expected, or
any finding on a line without an expected name. Call-level findings (BL401-BL404, every one
of them on, BL404 too) are scored against each fixture's `call` list of (line, code): one
not listed is a false positive, one listed and not reported a miss. Exit 1 when
strong-context recall is below 0.97, a look-alike line has a finding, or a call-level
finding is missed or unexpected, so CI can hold the line.
"""

from __future__ import annotations

import datetime as dt
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from betalint.linter.engine import ALL_CODES, Linter  # noqa: E402
from betalint.linter.scan.scanner import scan_text  # noqa: E402

DEFAULT_DIR = ROOT / "tests" / "fixtures" / "realworld"
TODAY = dt.date(2026, 11, 25)
MIN_STRONG_RECALL = 0.97
CALL_CODES = frozenset({"BL401", "BL402", "BL403", "BL404"})  # scored against `call`

Occurrence = tuple[int, str]  # (line, name)


@dataclass
class Tally:
    """Counts for one language or one context."""

    expected: int = 0
    found: int = 0
    false_positives: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        reported = self.found + self.false_positives
        return self.found / reported if reported else 1.0


@dataclass
class Report:
    """Tallies per language and per context, and every miss and false positive by name."""

    by_language: dict[str, Tally] = field(default_factory=dict)
    by_context: dict[str, Tally] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    lookalike_findings: list[str] = field(default_factory=list)
    calls: Tally = field(default_factory=Tally)
    call_misses: list[str] = field(default_factory=list)
    call_false_positives: list[str] = field(default_factory=list)

    def ok(self) -> bool:
        strong = self.by_context.get("strong", Tally())
        return (
            strong.recall >= MIN_STRONG_RECALL
            and not self.lookalike_findings
            and not self.call_misses
            and not self.call_false_positives
        )


def _occurrences(rows: list[list[object]]) -> Counter[Occurrence]:
    return Counter((int(str(line)), str(name)) for line, name in rows)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _measure_one(path: Path, spec: dict[str, object], ctx: Linter, report: Report) -> None:
    text = path.read_text(encoding="utf-8")
    rel = path.relative_to(path.parents[1]).as_posix()
    expected = {
        "strong": _occurrences(spec.get("strong", [])),  # type: ignore[arg-type]
        "weak": _occurrences(spec.get("weak", [])),  # type: ignore[arg-type]
    }
    found: dict[str, Counter[Occurrence]] = {"strong": Counter(), "weak": Counter()}
    for cand in scan_text(text, str(path), ctx.vocab).candidates:
        found["strong" if cand.strong else "weak"][
            (_line(text, cand.start), cand.canonical or cand.written)
        ] += 1
    language = str(spec["language"])
    lang_tally = report.by_language.setdefault(language, Tally())
    for context in ("strong", "weak"):
        tally = report.by_context.setdefault(context, Tally())
        hits = expected[context] & found[context]
        missed = expected[context] - found[context]
        extra = found[context] - expected[context] if context == "strong" else Counter()
        for t in (tally, lang_tally):
            t.expected += sum(expected[context].values())
            t.found += sum(hits.values())
            t.false_positives += sum(extra.values())
        report.misses += [f"{rel}:{line}: {name} ({context})" for line, name in missed]
        report.false_positives += [f"{rel}:{line}: {name} (strong)" for line, name in extra]
    named_lines = {line for occ in expected.values() for line, _ in occ}
    lookalikes = set(spec.get("lookalike", []))  # type: ignore[call-overload]
    calls = _occurrences(spec.get("call", []))  # type: ignore[arg-type]
    reported: Counter[Occurrence] = Counter()
    for d in ctx.check(text, str(path), ALL_CODES):
        if d.code in CALL_CODES:
            reported[(d.line, d.code)] += 1
        elif d.line in lookalikes:
            report.lookalike_findings.append(f"{rel}:{d.line}: {d.code} {d.name}")
        elif d.line not in named_lines:
            report.false_positives.append(f"{rel}:{d.line}: {d.code} {d.name} (finding)")
            lang_tally.false_positives += 1
    report.calls.expected += sum(calls.values())
    report.calls.found += sum((calls & reported).values())
    report.calls.false_positives += sum((reported - calls).values())
    report.call_misses += [f"{rel}:{line}: {code}" for line, code in calls - reported]
    report.call_false_positives += [f"{rel}:{line}: {code}" for line, code in reported - calls]


def measure(fixtures: Path = DEFAULT_DIR) -> Report:
    """Score the scanner on every fixture listed in `fixtures/expected.toml`."""
    specs = tomllib.loads((fixtures / "expected.toml").read_text(encoding="utf-8"))
    ctx = Linter.create(today=TODAY)
    report = Report()
    for rel, spec in sorted(specs.items()):
        _measure_one(fixtures / rel, spec, ctx, report)
    return report


def _table(title: str, tallies: dict[str, Tally]) -> list[str]:
    lines = [f"{title:<12} {'expected':>8} {'found':>6} {'FP':>4} {'recall':>7} {'precision':>9}"]
    for key, t in sorted(tallies.items()):
        lines.append(
            f"{key:<12} {t.expected:>8} {t.found:>6} {t.false_positives:>4}"
            f" {t.recall:>7.3f} {t.precision:>9.3f}"
        )
    return lines


def main(argv: list[str]) -> int:
    fixtures = Path(argv[0]) if argv else DEFAULT_DIR
    report = measure(fixtures)
    out = [*_table("language", report.by_language), "", *_table("context", report.by_context)]
    out += ["", *_table("call level", {"BL401-BL404": report.calls})]
    for title, items in (
        ("missed", report.misses),
        ("false positives", report.false_positives),
        ("findings on look-alike lines", report.lookalike_findings),
        ("call-level findings missed", report.call_misses),
        ("call-level findings nobody expected", report.call_false_positives),
    ):
        if items:
            out += ["", f"{title}:", *(f"  {item}" for item in items)]
    print("\n".join(out))
    return 0 if report.ok() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
