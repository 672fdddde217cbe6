"""Join the scanner and the validator: one text in, its diagnostics out."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from betalint.linter.contexts_lang import language_for_path
from betalint.linter.contexts_notebook import Cell, notebook_cells
from betalint.linter.diagnostic import Applicability, Diagnostic, Edit, Fix, LineIndex
from betalint.linter.edits import item_span, removal
from betalint.linter.foreign import Foreign, describe, fold, foreign_chars
from betalint.linter.scanner import Candidate, ScanResult, scan_text
from betalint.linter.spelling import spell_like
from betalint.linter.vocabulary import Vocabulary
from betalint.registry.grammar import feature_of, parse
from betalint.registry.model import Registry
from betalint.registry.validator import Verdict, classify

Selector = Callable[[str, str], bool]
_NEXT_JSON_STRING = re.compile(r'",[ \t]*\r?\n[ \t]*"')

_KIND_CODE = {
    "unknown": "BL201",
    "superseded": "BL202",
    "ga": "BL203",
    "deprecated": "BL204",
    "retired": "BL205",
}


def _all_enabled(code: str, path: str) -> bool:
    return True


@dataclass
class CheckContext:
    """What every file of one run shares: registry, vocabulary, today, rule selection."""

    registry: Registry
    today: dt.date
    enabled: Selector = _all_enabled
    platforms: tuple[str, ...] = ()  # targets for BL206 (config `platforms`, `--platform`)
    vocab: Vocabulary = field(init=False)
    _verdicts: dict[str, Verdict] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.vocab = Vocabulary.from_names(self.registry.entries)

    @classmethod
    def create(
        cls,
        registry: Registry | None = None,
        *,
        today: dt.date | None = None,
        enabled: Selector = _all_enabled,
        platforms: tuple[str, ...] = (),
    ) -> CheckContext:
        if registry is None:
            from betalint.registry.loader import load_registry

            registry = load_registry()
        return cls(registry, today or dt.date.today(), enabled, platforms)

    def verdict(self, name: str) -> Verdict:
        """classify(), memoised: a tree repeats the same few names many times."""
        found = self._verdicts.get(name)
        if found is None:
            found = self._verdicts[name] = classify(name, today=self.today, registry=self.registry)
        return found


def check_text(text: str, path: str, ctx: CheckContext) -> list[Diagnostic]:
    """Every diagnostic for one decoded text (suppressions and selection applied)."""
    result = scan_text(text, path, ctx.vocab)
    if not result.candidates and not result.syntax_issues:
        return []
    found = list(_findings(text, path, result, ctx))
    return sorted(found, key=lambda d: (d.start, d.code))


def _findings(text: str, path: str, result: ScanResult, ctx: CheckContext) -> Iterator[Diagnostic]:
    index = LineIndex(text)
    builder = _Builder(text, path, index, ctx, result.candidates)
    # A file that constructs a Bedrock/Vertex/Foundry client is checked against that platform
    # even without configured targets: the pin is explicit evidence of where names go.
    builder.targets = _targets(text, path, ctx)
    for issue in result.syntax_issues:
        fix = Fix(
            "safe",
            (Edit(issue.start, issue.end, issue.replacement),),
            issue.replacement,
            "rewrite the header value",
        )
        yield from builder.make(
            "BL103",
            issue.start,
            issue.end,
            issue.message,
            text[issue.start : issue.end],
            None,
            "header-value",
            fix,
        )
    for candidate in result.candidates:
        yield from builder.candidate(candidate)
    yield from builder.groups(result.candidates)


def _targets(text: str, path: str, ctx: CheckContext) -> tuple[tuple[str, ...], str | None]:
    """The platforms this file's names must work on, and the one the file pins, if any."""
    if not ctx.enabled("BL206", path):
        return (), None
    from betalint.linter.platform_pin import pinned_platform

    pinned = pinned_platform(text, path)
    return (ctx.platforms, pinned) if (ctx.platforms or pinned) else ((), None)


@dataclass
class _Builder:
    text: str
    path: str
    index: LineIndex
    ctx: CheckContext
    candidates: tuple[Candidate, ...] = ()  # all of the scan: list removals need siblings
    _groups: dict[int, list[Candidate]] | None = field(default=None, repr=False)
    _cells: list[Cell] | None = field(default=None, repr=False)
    targets: tuple[tuple[str, ...], str | None] = ((), None)  # (platforms, pinned) for BL206

    def make(
        self,
        code: str,
        start: int,
        end: int,
        message: str,
        name: str,
        canonical: str | None,
        context: str,
        fix: Fix | None = None,
        docs_url: str | None = None,
    ) -> Iterator[Diagnostic]:
        if not self.ctx.enabled(code, self.path):
            return
        line, column = self.index.position(start)
        end_line, end_column = self.index.position(end)
        if docs_url:
            message = f"{message}; see {docs_url}"
        yield Diagnostic(
            self.path,
            code,
            start,
            end,
            line,
            column,
            end_line,
            end_column,
            message,
            name,
            canonical,
            context,
            fix,
            docs_url,
        )

    def candidate(self, c: Candidate) -> Iterator[Diagnostic]:
        found = foreign_chars(c.written) if c.canonical is None else []
        if found:
            yield from self._foreign(c, found)
            return
        name = c.canonical or c.written
        verdict = self.ctx.verdict(name)
        if verdict.canonical is not None and (self.targets[0] or self.targets[1]):
            yield from self._platform(c, verdict.canonical)
        if verdict.kind == "valid":
            return
        if verdict.kind == "malformed":
            # Grammar findings belong to strong contexts (DESIGN §6); a weak string gets one
            # only when the correction is certain, prose and comments (a CHANGELOG's loose
            # `code-execution-20250825`) never.
            weak_ok = verdict.certain and c.context == "string"
            if c.canonical is None and (c.strong or weak_ok):
                yield from self._malformed(c, verdict)
            return
        if verdict.kind == "unknown" and not c.strong and not verdict.suggestions:
            return
        code = _KIND_CODE[verdict.kind]
        message = verdict.message
        if c.canonical is not None:  # name the constant as written, then what it means
            message = message.replace(c.canonical, f"{c.written} ({c.canonical})", 1)
        yield from self.make(
            code,
            c.start,
            c.end,
            message,
            c.written,
            verdict.canonical,
            c.context,
            self._fix(code, c, verdict),
            verdict.docs_url,
        )

    def _foreign(self, c: Candidate, found: list[Foreign]) -> Iterator[Diagnostic]:
        """BL104: characters no name may hold, each named with its column; the ASCII fix
        when every one has an unambiguous stand-in (a look-alike, a dash, an invisible)."""
        where = ", ".join(
            f"{describe(f.char)} at column {self.index.position(c.start + f.offset)[1]}"
            for f in found
        )
        message = f"{c.written!r} holds {where}; a beta name holds only a-z, 0-9 and '-'"
        folded = fold(c.written, found)
        fix = None
        if folded is not None:
            message += f"; write {folded}"
            fix = Fix("safe", (Edit(c.start, c.end, folded),), folded, f"write {folded}")
        canonical = folded if folded in self.ctx.registry.entries else None
        yield from self.make("BL104", c.start, c.end, message, c.written, canonical, c.context, fix)

    def _platform(self, c: Candidate, name: str) -> Iterator[Diagnostic]:
        """BL206: a target platform rejects the name or takes another name for it."""
        from betalint.registry.platforms import platform_findings

        platforms, pinned = self.targets
        for message, mapped in platform_findings(name, platforms, self.ctx.registry, pinned=pinned):
            fix = None
            if mapped is not None and mapped != name:
                spelled, certain = spell_like(c.written, name, mapped)
                fix = Fix(
                    "unsafe" if certain else "display",
                    (Edit(c.start, c.end, spelled),),
                    mapped,
                    f"write {spelled}",
                )
            entry = self.ctx.registry.get(name)
            yield from self.make(
                "BL206",
                c.start,
                c.end,
                message,
                c.written,
                name,
                c.context,
                fix,
                entry.docs_url if entry else None,
            )

    def _malformed(self, c: Candidate, verdict: Verdict) -> Iterator[Diagnostic]:
        code = "BL102" if verdict.problem == "invalid-date" else "BL101"
        fix = None
        if verdict.replacement and verdict.certain and code == "BL101":
            fix = Fix(
                "safe",
                (Edit(c.start, c.end, verdict.replacement),),
                verdict.replacement,
                f"write {verdict.replacement}",
            )
        yield from self.make(
            code,
            c.start,
            c.end,
            verdict.message,
            c.written,
            verdict.canonical,
            c.context,
            fix,
            verdict.docs_url,
        )

    def _fix(self, code: str, c: Candidate, verdict: Verdict) -> Fix | None:
        name = c.canonical or c.written
        if code == "BL203":
            edit = self._removal(c)
            if edit is None:
                # Alone in its list, or not in a list at all: removing it is a person's edit.
                return Fix("display", (), None, f"remove {c.written} by hand")
            return Fix("unsafe", (edit,), None, f"remove {c.written}")
        if verdict.replacement is None or code == "BL204":
            return None
        spelled, certain = spell_like(c.written, name, verdict.replacement)
        safe = code == "BL201" and verdict.certain
        applicability: Applicability = "safe" if safe else "unsafe"
        if not certain or (not safe and c.context in ("comment", "markdown")):
            # A guessed spelling, or prose that may be about the old name: a person decides.
            applicability = "display"
        return Fix(
            applicability, (Edit(c.start, c.end, spelled),), verdict.replacement, f"write {spelled}"
        )

    def _removal(self, c: Candidate) -> Edit | None:
        """Remove `c` from its header or list; None when no sibling makes that sound."""
        if c.group is None or not c.strong:
            return None  # weak strings, comments and prose are not lists to edit
        if self._groups is None:
            self._groups = {}
            for m in self.candidates:
                if m.group is not None:
                    self._groups.setdefault(m.group, []).append(m)
        members = [m for m in self._groups.get(c.group, ()) if m is not c]
        if not members:
            return None
        if language_for_path(self.path) == "notebook" and self.text.lstrip().startswith("{"):
            return self._notebook_removal(c, members)
        siblings = [
            item_span(self.text, m.start, m.end, constant=m.context == "sdk-constant")
            for m in members
        ]
        constant = c.context == "sdk-constant"
        return removal(self.text, c.start, c.end, constant=constant, siblings=siblings)

    def _notebook_removal(self, c: Candidate, members: list[Candidate]) -> Edit | None:
        """Remove in the cell's decoded source, then map back: JSON escapes stay intact."""
        if self._cells is None:
            self._cells = list(notebook_cells(self.text))
        for cell in self._cells:
            span = _decoded(cell, c.start, c.end)
            if span is None:
                continue
            siblings = []
            for m in members:
                found = _decoded(cell, m.start, m.end)
                if found is not None:
                    constant = m.context == "sdk-constant"
                    siblings.append(item_span(cell.text, *found, constant=constant))
            edit = removal(
                cell.text, *span, constant=c.context == "sdk-constant", siblings=siblings
            )
            if edit is None:
                return None
            start, end = cell.raw_span(edit.start, edit.end)
            # The edit emptied a whole JSON string of the source array: drop the string too.
            joint = _NEXT_JSON_STRING.match(self.text, end)
            if start > 0 and self.text[start - 1] == '"' and joint:
                return Edit(start - 1, joint.end() - 1, "")
            return Edit(start, end, "")
        return None

    def groups(self, candidates: tuple[Candidate, ...]) -> Iterator[Diagnostic]:
        members: dict[int, list[Candidate]] = {}
        for c in candidates:
            if c.group is not None:
                members.setdefault(c.group, []).append(c)
        for group in members.values():
            if len(group) > 1:
                yield from self._duplicates(group)
                yield from self._conflicts(group)

    def _duplicates(self, group: list[Candidate]) -> Iterator[Diagnostic]:
        seen: set[str] = set()
        for c in group:
            name = c.canonical or c.written
            if name in seen:
                edit = self._removal(c)
                fix = (
                    Fix("safe", (edit,), None, "remove the duplicate")
                    if edit
                    else Fix("display", (), None, "remove the duplicate by hand")
                )
                yield from self.make(
                    "BL301",
                    c.start,
                    c.end,
                    f"{name} appears twice in one list; remove the duplicate",
                    c.written,
                    name if name in self.ctx.registry else None,
                    c.context,
                    fix,
                )
            seen.add(name)

    def _conflicts(self, group: list[Candidate]) -> Iterator[Diagnostic]:
        earlier: dict[str, str] = {}
        names = [c.canonical or c.written for c in group]
        for c, name in zip(group, names, strict=True):
            message = self._conflict_message(name, earlier)
            if message:
                yield from self.make(
                    "BL302",
                    c.start,
                    c.end,
                    message,
                    c.written,
                    name if name in self.ctx.registry else None,
                    c.context,
                )
            try:
                earlier.setdefault(feature_of(str(parse(name))), name)
            except ValueError:
                earlier.setdefault(feature_of(name), name)

    def _conflict_message(self, name: str, earlier: dict[str, str]) -> str | None:
        feature = feature_of(name)
        other = earlier.get(feature)
        if other is not None and other != name:
            return f"{name} and {other} are two versions of {feature} in one list; keep one"
        entry = self.ctx.registry.get(name)
        for conflict in entry.conflicts_with if entry else ():
            if conflict.name in earlier.values():
                scope = f" on {conflict.scope}" if conflict.scope else ""
                return f"{name} conflicts with {conflict.name}{scope}: {conflict.reason}"
        return None


def _decoded(cell: Cell, start: int, end: int) -> tuple[int, int] | None:
    """The decoded span of a raw notebook span, if it lies in this cell."""
    if not cell.raw_starts or not cell.raw_starts[0] <= start < cell.raw_ends[-1]:
        return None
    i = bisect_left(cell.raw_starts, start)
    j = bisect_left(cell.raw_ends, end)
    if i >= len(cell.raw_starts) or cell.raw_starts[i] != start:
        return None
    if j >= len(cell.raw_ends) or cell.raw_ends[j] != end:
        return None
    return i, j + 1
