"""Adopt betalint on a large repository: record today's findings, fail only on new ones.

A finding's key is (path, code, name, context), never its line, so edits that move code keep
it matched (the objection to line-keyed baselines in ruff#1149). Reformatting the line
keeps it matched too, which a key with the line's text would not. Several identical findings
in one file are counted: the baseline stores how many, and only that many match.
Paths are stored relative to the baseline file's directory, so a run from another directory
still matches.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from betalint.linter.diagnostic import Diagnostic
from betalint.registry.errors import BetalintError

BASELINE_VERSION = 1
Key = tuple[str, str, str, str]


@dataclass(frozen=True, slots=True)
class Entry:
    """One recorded kind of finding and how many of it the baseline accepts."""

    path: str
    code: str
    name: str
    context: str
    count: int

    @property
    def key(self) -> Key:
        return (self.path, self.code, self.name, self.context)


def fingerprint(path: str, code: str, name: str, context: str) -> str:
    """A stable hash of a finding's identity: no line numbers, no columns."""
    data = "\0".join((path.replace(os.sep, "/"), code, name, context))
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def occurrence_fingerprints(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """One fingerprint per diagnostic, unique within the run: identical keys get an ordinal
    (in file order) so CI dashboards keep them apart (GitLab drops duplicate fingerprints)."""
    seen: Counter[Key] = Counter()
    out = []
    for d in diagnostics:
        key = (d.path, d.code, d.name, d.context)
        base = fingerprint(*key)
        out.append(base if seen[key] == 0 else f"{base}:{seen[key]}")
        seen[key] += 1
    return out


class Baseline:
    """Recorded findings; `filter` splits a run's diagnostics into new and known ones."""

    def __init__(self, entries: Iterable[Entry], root: Path, source: str = "<baseline>") -> None:
        self.root = root
        self.source = source
        self._left: Counter[Key] = Counter()
        for e in entries:  # a hand-merged file may repeat a key: the counts add up
            self._left[e.key] += e.count
        self.entries = [Entry(*k, count=n) for k, n in sorted(self._left.items())]

    def _key(self, d: Diagnostic) -> Key:
        return (_relative(d.path, self.root), d.code, d.name, d.context)

    def filter(
        self, diagnostics: Iterable[Diagnostic]
    ) -> tuple[list[Diagnostic], list[Diagnostic]]:
        """(new, matched). Calls accumulate, so a streaming caller may filter file by file."""
        new: list[Diagnostic] = []
        matched: list[Diagnostic] = []
        for d in diagnostics:
            key = self._key(d)
            if self._left[key] > 0:
                self._left[key] -= 1
                matched.append(d)
            else:
                new.append(d)
        return new, matched

    def unmatched(self, scanned: Iterable[str] | None = None) -> list[Entry]:
        """Entries (with the count still unmatched) that the filtered runs no longer produce:
        fixed findings whose entries can be dropped. With `scanned` (the paths this run
        read), only entries of those files: pre-commit passes a few files, not the tree."""
        only = None if scanned is None else {_relative(p, self.root) for p in scanned}
        return [
            Entry(*key, count=left)
            for key, left in sorted(self._left.items())
            if left > 0 and (only is None or key[0] in only)
        ]


def _relative(path: str, root: Path) -> str:
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), root)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def write_baseline(path: str | os.PathLike[str], diagnostics: Sequence[Diagnostic]) -> int:
    """Write every diagnostic into a baseline file at `path`; return the entry count."""
    target = Path(path)
    root = target.resolve().parent
    counts: Counter[Key] = Counter(
        (_relative(d.path, root), d.code, d.name, d.context) for d in diagnostics
    )
    entries = [
        {
            "path": k[0],
            "code": k[1],
            "name": k[2],
            "context": k[3],
            "count": n,
            "fingerprint": fingerprint(*k),
        }
        for k, n in sorted(counts.items())
    ]
    data = {"version": BASELINE_VERSION, "tool": "betalint", "entries": entries}
    try:
        target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BetalintError(f"{target}: cannot write the baseline: {exc.strerror}") from None
    return len(entries)


def load_baseline(path: str | os.PathLike[str]) -> Baseline:
    """Read a baseline file; any problem is a BetalintError naming the file."""
    source = Path(path)
    try:
        raw = source.read_text(encoding="utf-8")
    except OSError as exc:
        raise BetalintError(f"{source}: cannot read the baseline: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise BetalintError(f"{source}: the baseline is not UTF-8 text") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BetalintError(
            f"{source}:{exc.lineno}: the baseline is not valid JSON: {exc.msg}; "
            "delete it and record a new one"
        ) from None
    return Baseline(_entries(data, source), source.resolve().parent, str(source))


def _entries(data: object, source: Path) -> list[Entry]:
    def bad(why: str) -> BetalintError:
        return BetalintError(f"{source}: not a betalint baseline: {why}")

    if not isinstance(data, dict):
        raise bad("expected a JSON object")
    if data.get("version") != BASELINE_VERSION:
        raise bad(f"unsupported version {data.get('version')!r} (expected {BASELINE_VERSION})")
    items = data.get("entries")
    if not isinstance(items, list):
        raise bad("`entries` must be a list")
    entries = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise bad(f"entry {i} is not an object")
        path, code, name, context = (item.get(k) for k in ("path", "code", "name", "context"))
        count = item.get("count", 1)
        if not (
            isinstance(path, str)
            and isinstance(code, str)
            and isinstance(name, str)
            and isinstance(context, str)
        ):
            raise bad(f"entry {i} needs string `path`, `code`, `name` and `context`")
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise bad(f"entry {i}: `count` must be a positive integer")
        entries.append(Entry(path, code, name, context, count))
    return entries
