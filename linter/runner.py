"""One `betalint check` run: discover, read, scan, judge, suppress; files stream through.

Only what a report needs is kept: the diagnostics, and the texts of files whose diagnostics
carry fixes (for edit positions). Everything else is dropped once a file is done.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from betalint.linter.config import RuleSelector, Settings
from betalint.linter.diagnostic import Diagnostic
from betalint.linter.files.reader import PathError, Skipped, Source, decode_bytes, read_source
from betalint.linter.scan.gated_needles import gated_needles, might_send_gated
from betalint.linter.scan.prefilter import might_matter
from betalint.registry.loader import load_registry
from betalint.registry.model import Registry

if TYPE_CHECKING:  # the engine (scanner, rules) loads once a file passes the prefilter
    from betalint.linter.engine import Linter
    from betalint.registry.sdk_layer import LiteralFile, SdkLayer

# The SDK literal files one directory sees (None: the SDK layer is off there).
SdkFiles = tuple["LiteralFile", ...] | None


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
class Linters:
    """One run's registries, `Linter`s and rule selectors, shared by every file with the
    same settings (built once, on first use, and dropped with the run)."""

    options: RunOptions
    _registries: dict[tuple[tuple[Path, ...], SdkFiles], Registry] = field(default_factory=dict)
    _linters: dict[tuple[tuple[Path, ...], dt.date | None, tuple[str, ...], SdkFiles], Linter] = (
        field(default_factory=dict)
    )
    _selectors: dict[Settings, RuleSelector] = field(default_factory=dict)
    _needles: dict[tuple[Path, ...], frozenset[bytes]] = field(default_factory=dict)
    # The last file's directory as written, its settings and its linter: a tree's files
    # come directory by directory, so most files skip the path and SDK lookups.
    _last: tuple[str, Settings | None, Linter | None] = ("", None, None)

    def registry(self, extra: tuple[Path, ...] = (), sdks: SdkFiles = None) -> Registry:
        found = self._registries.get((extra, sdks))
        if found is None:
            layer = self.options.sdk_layer
            live = layer.view(sdks) if layer is not None and sdks is not None else None
            found = load_registry(extra, base=self.options.registry_path, live=live)
            self._registries[(extra, sdks)] = found
        return found

    def linter(self, settings: Settings, directory: str | None = None) -> Linter:
        """The linter for files in `directory` under `settings` (the SDKs it sees count)."""
        today = self.options.today or settings.today
        platforms = self.options.platforms or settings.platforms
        layer = self.options.sdk_layer
        sdks = layer.files(directory) if layer is not None and settings.sdk_layer else None
        key = (settings.extra_registries, today, platforms, sdks)
        found = self._linters.get(key)
        if found is None:
            registry = self.registry(settings.extra_registries, sdks)
            # Deferred: a tree whose files all fail the byte prefilter never loads the engine.
            from betalint.linter.engine import Linter

            found = self._linters[key] = Linter.create(registry, today=today, platforms=platforms)
        return found

    def worth_decoding(self, settings: Settings) -> Callable[[bytes], bool]:
        """The byte prefilter for files under `settings`: a beta-like pattern or a suppression,
        or (issue 16, BL403) a gated key of a call that may send no beta at all."""

        def worth(data: bytes) -> bool:
            return _worth_decoding(data) or might_send_gated(data, self._gated(settings))

        return worth

    def _gated(self, settings: Settings) -> frozenset[bytes]:
        extra = settings.extra_registries
        found = self._needles.get(extra)
        if found is None:
            needles = gated_needles(self.registry(extra))
            found = self._needles[extra] = frozenset(n.encode() for n in needles)
        return found

    def for_file(self, settings: Settings, path: str) -> Linter:
        """`linter(settings, the directory of path)`, remembered for the next file."""
        parent, name = os.path.split(path)
        last_parent, last_settings, found = self._last
        if found is not None and parent == last_parent and settings is last_settings:
            return found
        found = self.linter(settings, os.path.dirname(os.path.abspath(path)))
        if name not in ("", ".", ".."):  # else `parent` need not name the directory
            self._last = (parent, settings, found)
        return found

    def selector(self, settings: Settings) -> RuleSelector:
        found = self._selectors.get(settings)
        if found is None:
            from betalint.linter.rules import RULES

            off = [code for code, rule in RULES.items() if not rule.default_enabled]
            found = self._selectors[settings] = RuleSelector(settings, RULES, off)
        return found


def check_path(
    path: str, settings: Settings, linters: Linters
) -> FileOutcome | Skipped | PathError:
    """Read one file and check it."""
    worth = linters.worth_decoding(settings)
    source = read_source(path, max_size=settings.max_file_size, prefilter=worth)
    if not isinstance(source, Source):
        return source
    return check_source(source, settings, linters)


def check_stdin(
    data: bytes, path: str, settings: Settings, linters: Linters
) -> FileOutcome | Skipped:
    """Check bytes read from stdin as if they were the file `path`."""
    if b"\x00" not in data and not linters.worth_decoding(settings)(data):
        return FileOutcome(path, [])
    source = decode_bytes(data, path)
    if not isinstance(source, Source):
        return source
    return check_source(source, settings, linters)


def _worth_decoding(data: bytes) -> bool:
    """Could this file yield a finding? A beta-like byte pattern, or a suppression (BL901)."""
    return might_matter(data)


def check_source(source: Source, settings: Settings, linters: Linters) -> FileOutcome:
    """Diagnostics for one decoded file, with selection and suppressions applied."""
    enabled = linters.selector(settings).enabled_for(source.path)
    found = linters.for_file(settings, source.path).check(source.text, source.path, enabled)
    keep = source if any(d.fix is not None for d in found) else None
    return FileOutcome(source.path, found, keep, source.notice)
