"""Settings: find and load config files (`loader`), one table of keys (`keys`), CLI flags
layered on top (`cli_merge`), per-directory resolution owned by a run (`resolver`), and
which rules apply to which file (`selection`). Kept free of pydantic and of eager imports:
this runs on every invocation."""

from betalint.linter.config.cli_merge import merge_cli
from betalint.linter.config.keys import CONFIG_KEYS, KEYS, ConfigKey
from betalint.linter.config.loader import find_config, load_settings, parse_size
from betalint.linter.config.resolver import ConfigResolver
from betalint.linter.config.selection import RuleSelector
from betalint.linter.config.settings import (
    CONFIG_NAMES,
    DEFAULT_EXCLUDES,
    DEFAULT_MAX_FILE_SIZE,
    DEFAULT_REGISTRY_AGE_NOTICE,
    Settings,
)

__all__ = [
    "CONFIG_KEYS",
    "CONFIG_NAMES",
    "DEFAULT_EXCLUDES",
    "DEFAULT_MAX_FILE_SIZE",
    "DEFAULT_REGISTRY_AGE_NOTICE",
    "KEYS",
    "ConfigKey",
    "ConfigResolver",
    "RuleSelector",
    "Settings",
    "find_config",
    "load_settings",
    "merge_cli",
    "parse_size",
]
