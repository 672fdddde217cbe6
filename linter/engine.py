"""One text in, its diagnostics out: scan, run each enabled rule, apply suppressions.

Every entry point (the library's `scan_text`, `betalint check`, pre-commit, the language
server) goes through `Linter.check`, so the same text and selection give the same findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from betalint.linter.diagnostic import Diagnostic
from betalint.linter.rules import RULES, Rule
from betalint.linter.rules.file_check import FileCheck
from betalint.linter.scan.gated_needles import gated_keys, gated_needles
from betalint.linter.scan.scanner import ScanResult, scan_text
from betalint.linter.scan.vocabulary import Vocabulary
from betalint.registry.model import Registry
from betalint.registry.validator import Verdict, classify

ALL_CODES: frozenset[str] = frozenset(RULES)
# What runs when no selection is given: every rule but those off by default (BL404).
DEFAULT_CODES: frozenset[str] = frozenset(c for c, r in RULES.items() if r.default_enabled)


@dataclass
class Linter:
    """What every file of one run with the same settings shares: the registry, today, the
    target platforms, the scanner's vocabulary and a memo of verdicts (a tree repeats the
    same few names many times). It lives as long as the run, or the editor session, does."""

    registry: Registry
    today: dt.date
    platforms: tuple[str, ...] = ()  # targets for BL206 (config `platforms`, `--platform`)
    vocab: Vocabulary = field(init=False)
    _verdicts: dict[str, Verdict] = field(default_factory=dict, init=False, repr=False)
    _gated: tuple[frozenset[str], tuple[str, ...]] | None = field(
        default=None, init=False, repr=False
    )

    def __post_init__(self) -> None:
        self.vocab = Vocabulary.from_names(self.registry.entries)

    @classmethod
    def create(
        cls,
        registry: Registry | None = None,
        *,
        today: dt.date | None = None,
        platforms: tuple[str, ...] = (),
    ) -> Linter:
        if registry is None:
            from betalint.registry.loader import load_registry

            registry = load_registry()
        return cls(registry, today or dt.date.today(), platforms)

    def verdict(self, name: str) -> Verdict:
        found = self._verdicts.get(name)
        if found is None:
            found = self._verdicts[name] = classify(name, today=self.today, registry=self.registry)
        return found

    def gated(self) -> tuple[frozenset[str], tuple[str, ...]]:
        """The registry's gated-key needles and top-level keys (BL403), derived once per run
        rather than once per file: every file without a name still asks for them."""
        if self._gated is None:
            self._gated = (gated_needles(self.registry), gated_keys(self.registry))
        return self._gated

    def check(
        self, text: str, path: str, enabled: frozenset[str] = DEFAULT_CODES
    ) -> list[Diagnostic]:
        """Every diagnostic for one decoded text: the enabled rules, suppressions applied
        (`# betalint: ignore[...]`), and unused suppressions reported (BL901, if enabled)."""
        result = scan_text(text, path, self.vocab)
        file = FileCheck(text, path, self, result.candidates)
        found: list[Diagnostic] = []
        rules = [RULES[code] for code in sorted(enabled) if code in RULES]
        # A file-scope rule may find something in a text without a single name (BL403).
        if result.candidates or result.syntax_issues or any(r.scope == "file" for r in rules):
            found = sorted(_findings(file, result, rules), key=lambda d: (d.start, d.code))
        return _suppressed(file, found, enabled)


def _findings(file: FileCheck, result: ScanResult, rules: Iterable[Rule]) -> Iterator[Diagnostic]:
    """The dispatch loop: each rule sees every unit of its scope."""
    by_scope: dict[str, list[Rule]] = {}
    for rule in rules:
        by_scope.setdefault(rule.scope, []).append(rule)
    for issue in result.syntax_issues:
        for rule in by_scope.get("syntax", ()):
            yield from rule.check(file, issue)
    candidate_rules = by_scope.get("candidate", ())
    for candidate in result.candidates:
        verdict = file.verdict(candidate.canonical or candidate.written)
        for rule in candidate_rules:
            yield from rule.check(file, candidate, verdict)
    for group in file.groups().values():
        if len(group) > 1:
            for rule in by_scope.get("group", ()):
                yield from rule.check(file, group)
    for rule in by_scope.get("file", ()):
        yield from rule.check(file)


def _suppressed(
    file: FileCheck, found: list[Diagnostic], enabled: frozenset[str]
) -> list[Diagnostic]:
    """Drop suppressed findings; then the suppressions-scope rules (BL901) report."""
    if "betalint:" not in file.text:
        return found
    # Deferred (its patterns and classes cost ~1 ms): most files hold no suppression.
    from betalint.linter.suppressions import parse_suppressions

    suppressions = parse_suppressions(file.text)
    if not suppressions:
        return found
    kept = [d for d in found if not suppressions.is_suppressed(d.line, d.code)]
    for code in sorted(enabled):
        rule = RULES.get(code)
        if rule is not None and rule.scope == "suppressions":
            kept.extend(rule.check(file, suppressions))
    return kept
