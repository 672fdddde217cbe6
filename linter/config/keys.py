"""The config keys, as one table: each key's TOML type, how a CLI flag layers over it, the
flag, and its documentation. The loader, `merge_cli`, the unknown-key error and
docs/configuration.md are all driven by `KEYS`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How a value is read: from TOML by `loader`, from the command line by `cli_merge`.
Kind = Literal[
    "codes",
    "strings",
    "patterns",
    "per-file-ignores",
    "paths",
    "bool",
    "date",
    "version",
    "size",
    "days",
]
# How a CLI value layers over the config's: replace it, add to it, or no CLI counterpart.
Merge = Literal["replace", "extend", "none"]


@dataclass(frozen=True, slots=True)
class ConfigKey:
    name: str  # kebab-case, as written in TOML (ruff's style)
    kind: Kind
    merge: Merge
    flag: str | None  # the `betalint check` flag that sets it, if any
    doc: str
    example: str

    @property
    def attr(self) -> str:
        """The `Settings` field and `merge_cli` keyword."""
        return self.name.replace("-", "_")


KEYS: tuple[ConfigKey, ...] = (
    ConfigKey(
        "select",
        "codes",
        "replace",
        "--select",
        "Rule codes or prefixes to enable; default every rule but those off by default "
        "(BL404), which any selector naming them (`BL404`, `BL4`, an explicit `ALL`) enables.",
        '["BL1", "BL205"]',
    ),
    ConfigKey(
        "ignore",
        "codes",
        "extend",
        "--ignore",
        "Rule codes or prefixes to disable (the more specific of select/ignore wins).",
        '["BL203"]',
    ),
    ConfigKey(
        "extend-select",
        "codes",
        "extend",
        "--extend-select",
        'Rule codes to enable on top of `select` (`["BL404"]` for a rule off by default).',
        '["BL206"]',
    ),
    ConfigKey(
        "per-file-ignores",
        "per-file-ignores",
        "replace",
        None,
        "Codes to disable for files matching a gitignore-style glob (relative to the config).",
        '{ "tests/**" = ["BL2"] }',
    ),
    ConfigKey(
        "exclude",
        "patterns",
        "replace",
        "--exclude",
        "Gitignore-style patterns never scanned; replaces the defaults (ruff's list).",
        '["vendor/"]',
    ),
    ConfigKey(
        "extend-exclude",
        "patterns",
        "extend",
        "--extend-exclude",
        "Patterns excluded on top of `exclude`.",
        '["docs/legacy/"]',
    ),
    ConfigKey(
        "extra-registries",
        "paths",
        "extend",
        None,
        "Registry files layered over the shipped one (private betas), relative to the config.",
        '["betas.private.toml"]',
    ),
    ConfigKey(
        "respect-gitignore",
        "bool",
        "replace",
        "--no-respect-gitignore",
        "Skip files that .gitignore, .git/info/exclude and the global excludes ignore.",
        "true",
    ),
    ConfigKey(
        "today",
        "date",
        "replace",
        "--today",
        "Judge lifecycles as of this day (reproducible CI runs); default the real today.",
        '"2026-11-25"',
    ),
    ConfigKey(
        "required-version",
        "version",
        "none",
        None,
        "Fail unless the running betalint satisfies this PEP 440 specifier.",
        '">=0.1"',
    ),
    ConfigKey(
        "platforms",
        "strings",
        "replace",
        "--platform",
        "Platforms every name must work on (BL206): anthropic, bedrock, vertex, foundry, ...",
        '["bedrock", "vertex"]',
    ),
    ConfigKey(
        "max-file-size",
        "size",
        "replace",
        "--max-file-size",
        'Skip larger files with a notice; bytes or a string like "10MB" (0 = no limit).',
        '"20MB"',
    ),
    ConfigKey(
        "registry-age-notice",
        "days",
        "replace",
        "--no-registry-age-notice",
        "Say once when the shipped registry is older than this many days against `today` "
        "(names released since are only BL207); 0 or false: never.",
        "90",
    ),
    ConfigKey(
        "sdk-layer",
        "bool",
        "none",
        None,
        "Names the installed SDKs' type literals list (anthropic, @anthropic-ai/sdk) count as "
        "known, low confidence; `BETALINT_NO_SDK_LAYER=1` turns it off for a run.",
        "false",
    ),
)

BY_NAME: dict[str, ConfigKey] = {k.name: k for k in KEYS}
CONFIG_KEYS: tuple[str, ...] = tuple(BY_NAME)


def docs_table() -> str:
    """The Markdown table of every key (docs/configuration.md)."""
    rows = ["| key | example | CLI flag | from the CLI | what |", "| --- | --- | --- | --- | --- |"]
    for k in KEYS:
        flag = f"`{k.flag}`" if k.flag else "—"
        merge = {"replace": "replaces", "extend": "adds to", "none": "—"}[k.merge]
        rows.append(f"| `{k.name}` | `{k.name} = {k.example}` | {flag} | {merge} | {k.doc} |")
    return "\n".join(rows) + "\n"
