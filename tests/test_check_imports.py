"""scripts/check_imports.py: it finds circles and backward imports (CI relies on it)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _script(root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_imports", ROOT / "scripts" / "check_imports.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_imports"] = module
    spec.loader.exec_module(module)
    module.ROOT = root
    return module


def _tree(tmp_path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for package in ("betalint", "registry", "linter"):
        (tmp_path / package).mkdir(exist_ok=True)
        (tmp_path / package / "__init__.py").touch()
    return tmp_path


def test_the_repository_is_clean() -> None:
    assert _script(ROOT).problems() == []


@pytest.mark.parametrize(
    ("files", "expected"),
    (
        (
            {"registry/a.py": "from betalint.linter import b\n", "linter/b.py": ""},
            "backward import: betalint.registry.a imports betalint.linter.b",
        ),
        (
            {"linter/a.py": "def f():\n    from betalint import __version__\n"},
            "backward import: betalint.linter.a imports betalint",
        ),
        (
            {
                "linter/a.py": "from betalint.linter.b import x\n",
                "linter/b.py": "def f():\n    from betalint.linter import a\n",
            },
            "import circle: betalint.linter.a -> betalint.linter.b -> betalint.linter.a",
        ),
    ),
)
def test_it_reports(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    assert expected in _script(_tree(tmp_path, files)).problems()


def test_type_checking_imports_do_not_count(tmp_path: Path) -> None:
    files = {
        "registry/a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from betalint.linter import b\n",
        "linter/b.py": "",
    }
    assert _script(_tree(tmp_path, files)).problems() == []
