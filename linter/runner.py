"""One `betalint check` run: discover, read, scan, judge, suppress; files stream through.

Only what a report needs is kept: the diagnostics, and the texts of files whose diagnostics
carry fixes (for edit positions). Everything else is dropped once a file is done.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from betalint.linter.config import RuleSelector, Settings
from betalint.linter.diagnostic import Diagnostic, Edit, Fix, LineIndex
from betalint.linter.prefilter import might_contain_beta
from betalint.linter.reader import PathError, Skipped, Source, decode_bytes, read_source
from betalint.linter.rules import RULES
from betalint.linter.suppressions import parse_suppressions
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry

if TYPE_CHECKING:  # the engine (scanner, validator) loads once a file passes the prefilter
    from betalint.linter.engine import CheckContext
    from betalint.registry.sdk_layer import SdkLayer


@dataclass(frozen=True)
class RunOptions:
    """What the CLI decided for this run, beyond per-directory settings."""

    registry_path: str | None = None
    today: dt.date | None = None
    platforms: tuple[str, ...] = ()  # `--platform`, overriding config `platforms`
    sdk_layer: SdkLayer | None = None  # the installed SDKs, for configs with `sdk-layer` on


@dataclass
class FileOutcome:
    """One file's result: its diagnostics, and the decoded source when fixes may need it."""

    path: str
    diagnostics: list[Diagnostic]
    source: Source | None = None
    notice: str | None = None  # the reader's one line (e.g. decoded as latin-1), or None


@dataclass
class Contexts:
    """CheckContexts and rule selectors shared by every file with the same settings."""

    options: RunOptions
    _registries: dict[tuple[tuple[Path, ...], bool], Registry] = field(default_factory=dict)
    _contexts: dict[
        tuple[tuple[Path, ...], dt.date | None, tuple[str, ...], bool], CheckContext
    ] = field(default_factory=dict)
    _selectors: dict[Settings, RuleSelector] = field(default_factory=dict)

    def registry(self, extra: tuple[Path, ...] = (), sdk: bool = False) -> Registry:
        found = self._registries.get((extra, sdk))
        if found is None:
            live = self.options.sdk_layer if sdk else None
            found = load_registry(extra, base=self.options.registry_path, live=live)
            self._registries[(extra, sdk)] = found
        return found

    def context(self, settings: Settings) -> CheckContext:
        today = self.options.today or settings.today
        platforms = self.options.platforms or settings.platforms
        key = (settings.extra_registries, today, platforms, settings.sdk_layer)
        found = self._contexts.get(key)
        if found is None:
            registry = self.registry(settings.extra_registries, settings.sdk_layer)
            from betalint.linter.engine import CheckContext

            found = self._contexts[key] = CheckContext.create(
                registry, today=today, platforms=platforms
            )
        return found

    def selector(self, settings: Settings) -> RuleSelector:
        found = self._selectors.get(settings)
        if found is None:
            found = self._selectors[settings] = RuleSelector(settings, RULES)
        return found


def check_path(
    path: str, settings: Settings, contexts: Contexts
) -> FileOutcome | Skipped | PathError:
    """Read one file and check it."""
    source = read_source(path, max_size=settings.max_file_size, prefilter=_worth_decoding)
    if not isinstance(source, Source):
        return source
    return check_source(source, settings, contexts)


def check_stdin(
    data: bytes, path: str, settings: Settings, contexts: Contexts
) -> FileOutcome | Skipped:
    """Check bytes read from stdin as if they were the file `path`."""
    if b"\x00" not in data and not _worth_decoding(data):
        return FileOutcome(path, [])
    source = decode_bytes(data, path)
    if not isinstance(source, Source):
        return source
    return check_source(source, settings, contexts)


def _worth_decoding(data: bytes) -> bool:
    """Could this file yield a finding? A beta-like byte pattern, or a suppression (BL901)."""
    return might_contain_beta(data) or b"betalint:" in data


def check_source(source: Source, settings: Settings, contexts: Contexts) -> FileOutcome:
    """Diagnostics for one decoded file, with selection and suppressions applied."""
    ctx = contexts.context(settings)
    enabled = contexts.selector(settings).enabled_for(source.path)
    from betalint.linter.engine import check_text

    found = [d for d in check_text(source.text, source.path, ctx) if d.code in enabled]
    found = _suppress(source, found, enabled)
    keep = source if any(d.fix is not None for d in found) else None
    return FileOutcome(source.path, found, keep, source.notice)


def _suppress(source: Source, found: list[Diagnostic], enabled: frozenset[str]) -> list[Diagnostic]:
    """Drop suppressed findings; report unused suppressions (BL901)."""
    if "betalint:" not in source.text:
        return found
    suppressions = parse_suppressions(source.text)
    if not suppressions:
        return found
    kept = [d for d in found if not suppressions.is_suppressed(d.line, d.code)]
    if "BL901" not in enabled:
        return kept
    index = LineIndex(source.text)
    for unused in suppressions.unused():
        what = f"[{','.join(unused.codes)}]" if unused.codes else ""
        directive = source.text[unused.start : unused.end]
        end_line, end_column = index.position(unused.end)
        fix = Fix(
            "safe",
            (Edit(unused.fix_start, unused.fix_end, unused.replacement),),
            None,
            "remove the unused suppression",
        )
        kept.append(
            Diagnostic(
                source.path,
                "BL901",
                unused.start,
                unused.end,
                unused.line,
                unused.column,
                end_line,
                end_column,
                f"unused suppression {what or directive!r}: it matched no finding; remove it",
                directive,
                None,
                "comment",
                fix,
            )
        )
    return kept
