"""Refresh the per-rule snapshots: tests/rules/snapshots/<CODE>.expected.json.

Run from anywhere with the project's Python (`python scripts/update_snapshots.py`); it runs
the engine on each tests/rules/snapshots/<CODE>.<ext> input (mini registry, fixed today) and
rewrites the expected files that changed. Review `git diff tests/rules/snapshots` after it.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The snapshot helpers live with the tests (they share tests/_registries.py).
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "rules")]

from _snapshots import SNAPSHOTS, update  # noqa: E402  (after the path set-up above)


def main() -> int:
    written = update()
    for path in written:
        print(f"updated {path.relative_to(ROOT)}")
    print(f"{len(written)} snapshot(s) updated in {SNAPSHOTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
