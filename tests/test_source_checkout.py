"""`python -m betalint` in the repository root imports the source tree's betalint/ from the
cwd; its subpackages registry/ and linter/ sit beside it there, not inside it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_source_tree_imports_its_subpackages_without_any_install(tmp_path: Path) -> None:
    # A bare copy of the layout, outside every site-packages (-S), found only through the cwd.
    for name in ("betalint", "registry", "linter"):
        (tmp_path / name).symlink_to(ROOT / name, target_is_directory=True)
    code = (
        "import betalint.registry.grammar as g, betalint.linter.diagnostic as d;"
        "print(g.__file__); print(d.__file__); print(g.parse('files-api-2025-04-14'))"
    )
    done = subprocess.run(
        [sys.executable, "-S", "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    grammar, diagnostic, parsed = done.stdout.splitlines()
    assert Path(grammar).parent.name == "registry"
    assert Path(diagnostic).parent.name == "linter"
    assert parsed == "files-api-2025-04-14"


def test_the_package_holds_only_its_own_modules() -> None:
    # No `__path__` extension: the checkout's tests/, scripts/ and benchmarks/ are not betalint.
    names = ["tests", "scripts", "benchmarks"]
    code = f"import importlib.util as u; print([u.find_spec('betalint.' + n) for n in {names!r}])"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[None, None, None]"


def test_symlinks_give_every_module_one_name() -> None:
    assert (ROOT / "betalint" / "registry").resolve() == ROOT / "registry"
    assert (ROOT / "betalint" / "linter").resolve() == ROOT / "linter"
