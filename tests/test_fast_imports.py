"""What `validate NAME` of a shipped name imports: start-up cost is its whole budget.

Run with `python -S` and the source tree on PYTHONPATH, so that neither site nor an
editable install's finder (which imports pathlib itself) muddies sys.modules.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import betalint

ROOT = Path(betalint.__file__).resolve().parent.parent

# Modules the verdict of a shipped name does not need (each costs 0.5 to 10 ms to import).
SKIPPED = ("pathlib", "importlib", "click", "pydantic", "tomllib", "betalint.linter.config")


def _modules_after_validate(name: str) -> tuple[str, list[str]]:
    code = (
        "import sys; from betalint.__main__ import run\n"
        f"sys.argv = ['betalint', 'validate', {name!r}]\n"
        "try:\n    run()\nexcept SystemExit as e:\n    code = e.code\n"
        f"print(code, [m for m in {SKIPPED!r} if m in sys.modules], file=sys.stderr)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), BETALINT_NO_SDK_LAYER="1")
    done = subprocess.run(
        [sys.executable, "-S", "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    verdict, imported = done.stderr.splitlines()[-1].split(" ", 1)
    return verdict, ast.literal_eval(imported)


def test_validate_of_a_shipped_name_imports_none_of_the_costly_modules() -> None:
    assert _modules_after_validate("computer-use-2025-01-24") == ("0", [])


def test_a_superseded_name_is_answered_on_the_same_light_path() -> None:
    assert _modules_after_validate("computer-use-2024-10-22") == ("1", [])
