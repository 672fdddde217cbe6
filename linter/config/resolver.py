"""Settings per directory for one run (or one editor session): the closest config walking
up, each config file loaded once. The cache belongs to the resolver, so a new resolver (a
new run, or a language server after a config edit) sees the files as they are now."""

from __future__ import annotations

import os
from pathlib import Path

from betalint.linter.config.loader import config_in, load_settings
from betalint.linter.config.settings import Settings


class ConfigResolver:
    def __init__(self) -> None:
        self._by_dir: dict[str, Settings] = {}
        self._by_file: dict[str, Settings] = {}
        self._defaults: Settings | None = None

    def settings_for(self, directory: Path | str) -> Settings:
        """Settings for files in `directory`; directories without any config above share the
        defaults rooted at the cwd."""
        walked: list[str] = []
        d = os.path.abspath(directory)
        result: Settings | None = None
        while True:
            result = self._by_dir.get(d)
            if result is not None:
                break
            walked.append(d)
            found = config_in(d)
            if found is not None:
                result = self._load(found)
                break
            parent = os.path.dirname(d)
            if parent == d:
                break
            d = parent
        if result is None:
            if self._defaults is None:
                self._defaults = load_settings(None)
            result = self._defaults
        for w in walked:
            self._by_dir[w] = result
        return result

    def _load(self, path: Path) -> Settings:
        key = str(path)
        found = self._by_file.get(key)
        if found is None:
            found = self._by_file[key] = load_settings(path)
        return found
