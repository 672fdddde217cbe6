"""The one-line notice that the shipped registry is old against `--today` (config
`registry-age-notice`; not for a registry given with `--registry`, which its owner keeps).

A registry is cut at one date; long after it, betas released since are only "newer"
(BL207) and lifecycle changes since are missing, which a user cannot see from the findings.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # an annotation only: `linter/quick_verdicts.py` needs no model
    from betalint.registry.model import Registry

# `registry-age-notice`: say so once when the registry is older than this many days (0: never).
# Defined here, beside the notice, so `validate` needs no config to know it.
DEFAULT_REGISTRY_AGE_NOTICE = 90


def age_notice(registry: Registry, today: dt.date | None, max_days: int) -> str | None:
    """The notice when `registry` is more than `max_days` old on `today` (None: not, or off)."""
    day = today or dt.date.today()
    age = (day - registry.date).days
    if max_days <= 0 or age <= max_days:
        return None
    return (
        f"the registry ({registry.version}, {registry.date}) is {age} days old on {day}: betas "
        "released since are only reported as newer (BL207); upgrade betalint "
        "(off: --no-registry-age-notice or registry-age-notice = 0)"
    )
