"""Apply fixes to one file's text: non-overlapping edits, re-check, repeat to a fixed point.

Each round applies every selected fix whose edits do not touch another's, then re-checks the
result. A round is kept only when every fix in it re-checks clean: its finding is gone, no
new malformed name or header-syntax finding appears where it edited, and a file that parsed
before (Python, JSON, notebooks, TOML) still parses. A fix that fails is dropped with its
reason and never written; the others go on. Rounds are bounded, so a chain of fixes
(superseded → successor → its successor) converges or stops.

Nothing here touches the disk: `linter.writer` writes, `linter.diff` shows.
"""

from __future__ import annotations

import json
import tomllib
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from betalint.linter.diagnostic import Diagnostic, Edit, Fix
from betalint.linter.files.reader import Source, encode_text
from betalint.linter.fix.spans import SpanIndex, Taken
from betalint.linter.rules import RULES

__all__ = ["MAX_ROUNDS", "DroppedFix", "FixResult", "applies", "apply_edits", "fix_source"]

MAX_ROUNDS = 10
Check = Callable[[Source], list[Diagnostic]]
# Codes that mean "the text around here is broken": a fix must never create one.
_BREAKAGE = frozenset(code for code, rule in RULES.items() if rule.breaks_text)
_WHOLE_VALUE = frozenset(code for code, rule in RULES.items() if rule.whole_value)


@dataclass(frozen=True, slots=True)
class DroppedFix:
    """A fix that was not applied, and why (one line for the user)."""

    diagnostic: Diagnostic
    reason: str


@dataclass(frozen=True, slots=True)
class FixResult:
    """One file after fixing. `remaining` are the diagnostics of the fixed text."""

    source: Source  # as read
    fixed: Source  # the fixed text and its bytes (the same object when nothing changed)
    applied: tuple[Diagnostic, ...]
    dropped: tuple[DroppedFix, ...]
    remaining: list[Diagnostic]
    rounds: int
    # Set when the file was too big for the syntax guard: the fixes went in without it.
    unguarded: str | None = None

    @property
    def changed(self) -> bool:
        return self.fixed.data != self.source.data


def applies(fix: Fix | None, *, unsafe: bool) -> bool:
    """Whether `--fix` (with or without `--unsafe-fixes`) applies `fix`."""
    if fix is None or not fix.edits:
        return False
    return fix.applicability == "safe" or (unsafe and fix.applicability == "unsafe")


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """`text` with non-overlapping edits applied (any order given)."""
    parts: list[str] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at offset {edit.start}")
        parts.append(text[pos : edit.start])
        parts.append(edit.content)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_source(
    source: Source,
    check: Check,
    *,
    unsafe: bool = False,
    diagnostics: Sequence[Diagnostic] | None = None,
    max_rounds: int = MAX_ROUNDS,
) -> FixResult:
    """Fix `source` as far as its fixes go; `check` re-checks a text (as `check_source` does).

    `diagnostics` are the source's own findings when the caller already has them.
    """
    found_parser = _parser_for(source.path)
    unguarded = _too_big_to_parse(found_parser, source.data)
    parser = None if unguarded else found_parser
    guard = parser is not None and _parses(parser, source.text)
    current = source
    found = list(diagnostics) if diagnostics is not None else check(source)
    applied: list[Diagnostic] = []
    dropped: list[DroppedFix] = []
    rejected: set[tuple[str, str, tuple[str, ...]]] = set()
    rounds = 0
    while rounds < max_rounds:
        chosen = _select(
            [d for d in found if applies(d.fix, unsafe=unsafe) and _key(d) not in rejected]
        )
        if not chosen:
            break
        rounds += 1
        attempt = _attempt(current, found, chosen, check, parser if guard else None)
        if isinstance(attempt, str):
            good, bad = _split(current, found, chosen, check, parser if guard else None)
            for d, reason in bad:
                rejected.add(_key(d))
                dropped.append(DroppedFix(d, reason))
            if not good:
                continue
            attempt = _attempt(current, found, good, check, parser if guard else None)
            if isinstance(attempt, str):  # fine in parts, not together: one per round
                good = good[:1]
                attempt = _attempt(current, found, good, check, parser if guard else None)
                assert not isinstance(attempt, str)
            chosen = good
        current, found = attempt
        applied.extend(chosen)
    return FixResult(source, current, tuple(applied), tuple(dropped), found, rounds, unguarded)


def _split(
    source: Source,
    before: list[Diagnostic],
    chosen: list[Diagnostic],
    check: Check,
    parser: str | None,
) -> tuple[list[Diagnostic], list[tuple[Diagnostic, str]]]:
    """Which of `chosen` (which failed together) re-check clean, by halving: with b bad
    fixes among k that costs O(b log k) re-checks, where trying each alone costs k."""
    if len(chosen) == 1:
        attempt = _attempt(source, before, chosen, check, parser)
        return ([], [(chosen[0], attempt)]) if isinstance(attempt, str) else (chosen, [])
    good: list[Diagnostic] = []
    bad: list[tuple[Diagnostic, str]] = []
    mid = len(chosen) // 2
    for half in (chosen[:mid], chosen[mid:]):
        if len(half) > 1 and not isinstance(_attempt(source, before, half, check, parser), str):
            good += half
            continue
        half_good, half_bad = _split(source, before, half, check, parser)
        good += half_good
        bad += half_bad
    return good, bad


def _key(d: Diagnostic) -> tuple[str, str, tuple[str, ...]]:
    edits = d.fix.edits if d.fix else ()
    return d.code, d.name, tuple(e.content for e in edits)


def _select(candidates: list[Diagnostic]) -> list[Diagnostic]:
    """Fixes whose edits neither overlap nor touch; earlier (then safer) fixes first.

    A fix whose edits equal a chosen one's (two findings, one remedy) rides along.
    """
    rank = {"safe": 0, "unsafe": 1, "display": 2}
    ordered = sorted(
        candidates,
        key=lambda d: (min(e.start for e in _edits(d)), rank[_fix(d).applicability], d.code),
    )
    chosen: list[Diagnostic] = []
    taken = Taken()
    seen: set[tuple[Edit, ...]] = set()
    for d in ordered:
        edits = _edits(d)
        if edits in seen:
            chosen.append(d)
            continue
        if any(taken.touches(e.start, e.end) for e in edits):
            continue
        chosen.append(d)
        seen.add(edits)
        for e in edits:
            taken.add(e.start, e.end)
    return chosen


def _fix(d: Diagnostic) -> Fix:
    assert d.fix is not None
    return d.fix


def _edits(d: Diagnostic) -> tuple[Edit, ...]:
    return tuple(sorted(set(_fix(d).edits), key=lambda e: (e.start, e.end)))


Attempt = tuple[Source, list[Diagnostic]] | str
Span = tuple[int, int]


def _attempt(
    source: Source,
    before: list[Diagnostic],
    chosen: list[Diagnostic],
    check: Check,
    parser: str | None,
) -> Attempt:
    """Apply `chosen` together and re-check; the new source and findings, or why not."""
    edits = sorted({e for d in chosen for e in _edits(d)}, key=lambda e: (e.start, e.end))
    text = apply_edits(source.text, edits)
    try:
        data = encode_text(source, text)
    except UnicodeEncodeError:
        return f"the file's encoding ({source.encoding}) cannot hold the new text"
    if parser is not None and not _parses(parser, text):
        return f"the result would no longer parse as {parser}"
    fixed = replace(source, text=text, data=data)
    after = check(fixed)
    regions = _new_regions(chosen, edits)
    index = SpanIndex([(start, end, d) for d, (start, end) in regions.items() if start < end])
    for a in after:
        for d in index.meeting(a.start, a.end, touching=False):
            if a.code == d.code and (a.name == d.name or d.code in _WHOLE_VALUE):
                return f"{d.code} is still reported after the fix"
    new = Counter(_breakage(a) for a in after if a.code in _BREAKAGE) - Counter(
        _breakage(b) for b in before if b.code in _BREAKAGE
    )
    everywhere = SpanIndex([(start, end, d) for d, (start, end) in regions.items()])
    for a in after:
        if _breakage(a) not in new:
            continue
        for d in everywhere.meeting(a.start, a.end, touching=True):
            start, end = regions[d]
            inside_rewrite = d.code in _WHOLE_VALUE and start <= a.start and a.end <= end
            if not inside_rewrite:
                return f"the fix would create a new {a.code} finding ({a.name})"
    return fixed, after


def _breakage(d: Diagnostic) -> tuple[str, str]:
    """What identifies a breakage finding across texts; a whole-value finding's name is the
    header value, which any fix inside it changes, so only its code counts."""
    return (d.code, "" if d.code in _WHOLE_VALUE else d.name)


def _new_regions(chosen: list[Diagnostic], all_edits: list[Edit]) -> dict[Diagnostic, Span]:
    """Where each fix's edits land in the new text: from its first edit to its last's end.

    One pass over the (sorted, non-overlapping) edits gives every edit's new offset.
    """
    new_start: dict[Edit, int] = {}
    shift = 0
    for e in all_edits:
        new_start[e] = e.start + shift
        shift += len(e.content) - (e.end - e.start)
    regions: dict[Diagnostic, Span] = {}
    for d in chosen:
        own = _edits(d)
        first, last = own[0], own[-1]
        regions[d] = (new_start[first], new_start[last] + len(last.content))
    return regions


# The syntax guard parses the whole file after every round, and CPython's parser needs some
# 100-400 bytes of memory per byte of dense source: above these sizes the guard is skipped
# (and the user told so), so a 20 MB file costs no gigabytes. JSON parses in C at ~10x.
GUARD_MAX_BYTES = {"Python": 512 * 1024, "JSON": 8 * 1024 * 1024, "TOML": 1024 * 1024}

_PARSERS = {
    ".py": "Python",
    ".pyi": "Python",
    ".json": "JSON",
    ".ipynb": "JSON",
    ".toml": "TOML",
}


def _parser_for(path: str) -> str | None:
    dot = path.rfind(".")
    return _PARSERS.get(path[dot:].lower()) if dot > path.rfind("/") else None


def _too_big_to_parse(parser: str | None, data: bytes) -> str | None:
    """Why the syntax guard is skipped for this file (None: it runs, or there is none)."""
    if parser is None or len(data) <= GUARD_MAX_BYTES[parser]:
        return None
    limit = GUARD_MAX_BYTES[parser] // 1024
    return f"larger than {limit} KiB: fixed without checking that it still parses as {parser}"


def _parses(parser: str, text: str) -> bool:
    try:
        if parser == "Python":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # invalid escapes etc. are not our business
                # Byte-compiling builds no Python AST objects: a third less memory than
                # ast.parse and four times faster; it is as strict on the text before and after.
                compile(text, "<betalint --fix>", "exec", dont_inherit=True)
        elif parser == "JSON":
            json.loads(text)
        else:
            tomllib.loads(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True
