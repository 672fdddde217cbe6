"""Every rule, by code. A rule is one module here, `blNNN_kebab_name.py`, defining `RULE`
(code, name, severity, docs, fix availability and the check itself; see `rule.Rule`).

Adding a rule is adding its module: this package finds the modules by name, so no table
elsewhere needs an edit. `betalint explain CODE`, `betalint rules` and docs/rules.md are
generated from the same objects.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from betalint.linter.rules.rule import Rule


def _load() -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        if not module.startswith("bl"):
            continue
        rule = import_module(f"{__name__}.{module}").RULE
        if rule.code in found:
            raise ValueError(f"rule {rule.code} defined twice ({module})")
        if not module.startswith(rule.code.lower() + "_"):
            raise ValueError(f"{module}: its rule is {rule.code}; name the file after it")
        found[rule.code] = rule
    return found


RULES: dict[str, Rule] = _load()

__all__ = ["RULES", "Rule"]
