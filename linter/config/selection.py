"""`RuleSelector`: which rule codes apply to which file, as ruff resolves select/ignore and
per-file-ignores."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from betalint.linter.config.settings import Settings
from betalint.registry.errors import BetalintError

if TYPE_CHECKING:
    from betalint.linter.files.globs import GitPattern


def _compile_glob(pattern: str) -> GitPattern | None:
    """A per-file-ignores glob (gitignore semantics, `!` negates; see `linter.files.globs`)."""
    from betalint.linter.files.globs import parse_line

    return parse_line(pattern)


class RuleSelector:
    """Which rule codes are enabled for which file, as ruff resolves select/ignore.

    Selectors are codes or prefixes (`BL202`, `BL2`, `BL`, `ALL`). When a code is matched by
    both a select and an ignore selector, the more specific (longer) one wins; on a tie,
    ignore wins. `per-file-ignores` then removes codes for files matching their glob.

    Codes in `off_by_default` (BL404) are outside the default selection, as ruff's rules
    outside its default set: without `select` they are off, and any selector that names them
    turns them on, in `select` (`BL404`, `BL4`, or an explicit `ALL`, which in ruff means
    every stable rule) or in `extend-select`.
    """

    def __init__(
        self, settings: Settings, all_codes: Iterable[str], off_by_default: Iterable[str] = ()
    ) -> None:
        self.settings = settings
        self.all_codes = tuple(sorted(set(all_codes)))
        where = {(f, c): w for f, c, w in settings.origins}

        def check(field_name: str, flag: str, selectors: Iterable[str]) -> None:
            for sel in selectors:
                if sel == "ALL" or any(code.startswith(sel) for code in self.all_codes):
                    continue
                origin = where.get((field_name, sel), flag)
                raise BetalintError(f"unknown rule code {sel} in {origin} (see `betalint rules`)")

        selected = settings.select if settings.select is not None else ("ALL",)
        check("select", "--select", selected)
        check("extend_select", "--extend-select", settings.extend_select)
        check("ignore", "--ignore", settings.ignore)
        for _, codes in settings.per_file_ignores:
            check("per_file_ignores", "--per-file-ignores", codes)

        off = frozenset(off_by_default)
        implicit = settings.select is None  # the default ALL: not a choice that names them
        enabled = set()
        for code in self.all_codes:
            chosen = () if implicit and code in off else selected
            s = _specificity(code, (*chosen, *settings.extend_select))
            i = _specificity(code, settings.ignore)
            if s is not None and (i is None or s > i):
                enabled.add(code)
        self.base: frozenset[str] = frozenset(enabled)
        self._pfi = [
            (pat, codes)
            for glob, codes in settings.per_file_ignores
            if (pat := _compile_glob(glob)) is not None
        ]
        self._root = str(settings.root)
        self._cache: dict[str, frozenset[str]] = {}

    def enabled_for(self, path: str) -> frozenset[str]:
        """All codes enabled for `path` (as given, or absolute)."""
        if not self._pfi:  # the common case: no per-file table to match, nothing to cache
            return self.base
        cached = self._cache.get(path)
        if cached is not None:
            return cached
        result = self.base
        if self._pfi:
            rel = os.path.relpath(os.path.abspath(path), self._root).replace(os.sep, "/")
            if rel.startswith("../"):  # outside the root: only name patterns can match
                rel = rel.rsplit("/", 1)[-1]
            off: list[str] = []
            for pat, codes in self._pfi:
                if pat.matches_or_inside(rel) == pat.include:
                    off.extend(codes)
            if off:
                result = frozenset(c for c in self.base if _specificity(c, off) is None)
        self._cache[path] = result
        return result

    def enabled(self, code: str, path: str) -> bool:
        """Whether rule `code` applies to the file at `path`."""
        return code in self.enabled_for(path)


def _specificity(code: str, selectors: Iterable[str]) -> int | None:
    best: int | None = None
    for sel in selectors:
        n = -1 if sel == "ALL" else (len(sel) if code.startswith(sel) else None)
        if n is not None and (best is None or n > best):
            best = n
    return best
