"""The shared test registries under tests/data/registries/ and the fixed `today` the rule
tests use (see mini.toml's header for what each entry is for)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

REGISTRIES = Path(__file__).parent / "data" / "registries"
MINI = REGISTRIES / "mini.toml"  # one entry per status and rule shape
VALID = REGISTRIES / "valid.toml"  # a small sound registry for the CLI's --registry
EXTRA = REGISTRIES / "extra.toml"  # a private layer: private-2025-05-05
TODAY = dt.date(2026, 11, 25)
