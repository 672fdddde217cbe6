"""Write docs/rules.md, README's rules table and docs/configuration.md from their tables.

`--check`: exit 1 when either is stale. The rule docs live beside each rule in
linter/rules/; this script is the only writer of their Markdown forms.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from pathlib import Path

from betalint.linter.config.keys import docs_table
from betalint.linter.rules.docs import rules_markdown, rules_table

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "rules.md"
README = ROOT / "README.md"
CONFIG = ROOT / "docs" / "configuration.md"
# The generated rules table between its markers (groups keep them): matches from
# "<!-- rules-table:start -->" and a line break to "<!-- rules-table:end -->"; not a start
# marker alone.
_TABLE = re.compile(r"(<!-- rules-table:start -->\n).*?(<!-- rules-table:end -->)", re.S)


def expected() -> dict[Path, str]:
    """Each generated file's wanted content."""
    readme = README.read_text(encoding="utf-8")
    table = rules_table().rstrip("\n") + "\n"
    config = (
        "# Configuration keys\n\n"
        "Generated from `linter/config/keys.py` by `python scripts/gen_rules_doc.py`; the same\n"
        "table drives the loader, the CLI merge and the unknown-key error.\n\n" + docs_table()
    )
    return {
        TARGET: rules_markdown(),
        CONFIG: config,
        README: _TABLE.sub(lambda m: m[1] + table + m[2], readme),
    }


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    stale = []
    for path, text in expected().items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current == text:
            continue
        stale.append(path)
        if "--check" not in args:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale and "--check" in args:
        names = ", ".join(str(p) for p in stale)
        print(f"stale: {names}; run python scripts/gen_rules_doc.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
