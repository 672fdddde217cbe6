"""What every reporter needs besides the diagnostics: tool, registry, rules, run counts, texts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from betalint.linter.diagnostic import Diagnostic, Edit, Fix, LineIndex
from betalint.linter.project import PROJECT_URL
from betalint.linter.report.paths import posix_path, relative_path

if TYPE_CHECKING:
    from betalint.linter.rules import Rule
    from betalint.registry.model import Registry


Position = tuple[int, int]

__all__ = ["Position", "ReportMeta", "applicable_counts", "edit_positions", "posix_path", "url_of"]


@dataclass(frozen=True, slots=True)
class ReportMeta:
    """One run's metadata. `texts` maps a path to its decoded text; the CLI keeps only the
    texts of files whose diagnostics carry fixes, which is all reporters need them for."""

    tool_version: str
    registry_version: str | None = None
    registry_date: str | None = None
    rules: tuple[Rule, ...] = ()
    files_scanned: int = 0
    fixed: int = 0
    unsafe_fixes: bool = False
    texts: Mapping[str, str] = field(default_factory=dict)
    # Edit offsets already turned into positions while each file was open: what the CLI
    # keeps instead of texts, so memory stays flat however many files have fixes.
    positions: Mapping[str, Mapping[int, Position]] = field(default_factory=dict)
    errors: int = 0  # paths that could not be read or written (reported on stderr)
    # Machine formats write paths relative to this directory (None: as given); see paths.py.
    root: str | None = None
    # Every file read, findings or not (only when a format lists clean files: JUnit).
    checked: tuple[str, ...] = ()
    # Offset → 1-based column in UTF-8 bytes, per path (reviewdog counts bytes, not code
    # points); filled by the CLI only when rdjson is asked for.
    byte_columns: Mapping[str, Mapping[int, int]] = field(default_factory=dict)
    tool_name: str = "betalint"
    information_uri: str = PROJECT_URL
    _indexes: dict[str, LineIndex] = field(default_factory=dict, compare=False, repr=False)
    _shown: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def create(
        cls,
        registry: Registry | None = None,
        *,
        files_scanned: int = 0,
        fixed: int = 0,
        unsafe_fixes: bool = False,
        texts: Mapping[str, str] | None = None,
        rules: Sequence[Rule] | None = None,
        positions: Mapping[str, Mapping[int, Position]] | None = None,
        errors: int = 0,
        root: str | None = None,
        checked: Sequence[str] = (),
        byte_columns: Mapping[str, Mapping[int, int]] | None = None,
    ) -> ReportMeta:
        """Metadata for this installed betalint, the given registry and every known rule."""
        from betalint.linter.rules import RULES
        from betalint.linter.version import __version__

        return cls(
            tool_version=__version__,
            registry_version=registry.version if registry is not None else None,
            registry_date=registry.date.isoformat() if registry is not None else None,
            rules=tuple(sorted(RULES.values(), key=lambda r: r.code) if rules is None else rules),
            files_scanned=files_scanned,
            fixed=fixed,
            unsafe_fixes=unsafe_fixes,
            texts=texts or {},
            positions=positions or {},
            errors=errors,
            root=root,
            checked=tuple(checked),
            byte_columns=byte_columns or {},
        )

    def path(self, path: str) -> str:
        """`path` as machine formats write it: relative to `root`, `/`-separated."""
        shown = self._shown.get(path)
        if shown is None:  # once per file, however many findings it has
            shown = self._shown[path] = relative_path(path, self.root)
        return shown

    def rule_index(self) -> dict[str, int]:
        """Code → position in `rules` (SARIF's ruleIndex)."""
        return {r.code: i for i, r in enumerate(self.rules)}

    def applies(self, fix: Fix | None) -> bool:
        """Whether `--fix` (with this run's `--unsafe-fixes`) would apply `fix`."""
        if fix is None:
            return False
        return fix.applicability == "safe" or (self.unsafe_fixes and fix.applicability == "unsafe")

    def edit_span(self, diag: Diagnostic, edit: Edit) -> tuple[Position, Position] | None:
        """1-based (line, column) of an edit's start and end, or None when unknown.

        Exact from the file's text when the caller kept it; otherwise derived from the
        diagnostic when the edit lies inside its one-line span (no newline can hide there).
        """
        known = self.positions.get(diag.path)
        if known is not None and edit.start in known and edit.end in known:
            return known[edit.start], known[edit.end]
        text = self.texts.get(diag.path)
        if text is not None:
            index = self._indexes.get(diag.path)
            if index is None:
                index = self._indexes[diag.path] = LineIndex(text)
            return index.position(edit.start), index.position(edit.end)
        if diag.line == diag.end_line and diag.start <= edit.start <= edit.end <= diag.end:
            return (
                (diag.line, diag.column + edit.start - diag.start),
                (diag.line, diag.column + edit.end - diag.start),
            )
        return None


def edit_positions(text: str, diagnostics: Sequence[Diagnostic]) -> dict[int, Position]:
    """Every fix edit's start and end offset in `text`, as 1-based (line, column)."""
    offsets = {
        offset
        for d in diagnostics
        if d.fix is not None
        for edit in d.fix.edits
        for offset in (edit.start, edit.end)
    }
    if not offsets:
        return {}
    index = LineIndex(text)
    return {offset: index.position(offset) for offset in offsets}


def applicable_counts(diagnostics: Sequence[Diagnostic], meta: ReportMeta) -> tuple[int, int]:
    """(fixable with `--fix` as this run is configured, more fixable with `--unsafe-fixes`)."""
    fixable = sum(1 for d in diagnostics if meta.applies(d.fix))
    hidden = 0
    if not meta.unsafe_fixes:
        hidden = sum(
            1 for d in diagnostics if d.fix is not None and d.fix.applicability == "unsafe"
        )
    return fixable, hidden


def url_of(d: Diagnostic) -> str:
    """The diagnostic's docs link: its own (the registry entry's) or its rule's page."""
    if d.docs_url:
        return d.docs_url
    from betalint.linter.rules import RULES

    return RULES[d.code].url
