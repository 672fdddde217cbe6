"""`Settings`: what one config file (or the defaults) decides for the files under it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

# Re-exported: the default lives beside the notice (`validate` reads it without config).
from betalint.linter.registry_age import DEFAULT_REGISTRY_AGE_NOTICE as DEFAULT_REGISTRY_AGE_NOTICE

# ruff's default excludes (0.5+), plus __pycache__. `build` is deliberately absent: ruff dropped
# it (astral-sh/ruff#10093) because source trees often have a `build` package, and build
# outputs are normally gitignored anyway.
DEFAULT_EXCLUDES: tuple[str, ...] = (
    ".bzr",
    ".direnv",
    ".eggs",
    ".git",
    ".git-rewrite",
    ".hg",
    ".ipynb_checkpoints",
    ".mypy_cache",
    ".nox",
    ".pants.d",
    ".pyenv",
    ".pytest_cache",
    ".pytype",
    ".ruff_cache",
    ".svn",
    ".tox",
    ".venv",
    ".vscode",
    "__pycache__",
    "__pypackages__",
    "_build",
    "buck-out",
    "dist",
    "node_modules",
    "site-packages",
    "venv",
)

DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

# Precedence inside one directory (ruff's order: the dedicated file wins over pyproject.toml).
CONFIG_NAMES: tuple[str, ...] = (".betalint.toml", "betalint.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    """Resolved, immutable settings for the files under one config (or the defaults).

    Patterns (`exclude`, `extend-exclude`, `per-file-ignores` globs) are gitignore-style and
    relative to `root`: the directory of the config file, or the cwd when there is none.
    `max_file_size` 0 means no limit. `select=None` means every rule.
    """

    root: Path
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDES
    extend_exclude: tuple[str, ...] = ()
    extra_registries: tuple[Path, ...] = ()
    respect_gitignore: bool = True
    sdk_layer: bool = True  # names of the installed SDKs' literals count as known
    today: date | None = None
    required_version: str | None = None
    platforms: tuple[str, ...] = ()
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    registry_age_notice: int = DEFAULT_REGISTRY_AGE_NOTICE
    config_path: Path | None = None
    # Where each rule selector came from, for error messages: (field, code, "where").
    origins: tuple[tuple[str, str, str], ...] = field(default=(), repr=False, compare=False)

    @property
    def all_excludes(self) -> tuple[str, ...]:
        """`exclude` followed by `extend-exclude`."""
        return self.exclude + self.extend_exclude
