"""Fail on an import circle or a backward import among betalint's modules (CI runs this).

The flow runs one way: the facade (`betalint/*.py`) → `linter/` → `registry/`. `registry`
imports nothing from `linter` or the facade; `linter` nothing from the facade. Every import
counts, including those inside functions (a deferred import is still a dependency), except
those under `if TYPE_CHECKING:`.

    python scripts/check_imports.py        # exit 0, or 1 with one line per problem
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"facade": 0, "linter": 1, "registry": 2}  # a module may import only its layer or higher


def module_files() -> dict[str, Path]:
    """Module name → file, for the facade and the two source trees."""
    found: dict[str, Path] = {}
    for path in sorted((ROOT / "betalint").glob("*.py")):
        found[_name("betalint", path.relative_to(ROOT / "betalint"))] = path
    for tree in ("registry", "linter"):
        for path in sorted((ROOT / tree).rglob("*.py")):
            found[_name(f"betalint.{tree}", path.relative_to(ROOT / tree))] = path
    return found


def _name(prefix: str, relative: Path) -> str:
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([prefix, *parts])


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ("linter", "registry") else "facade"


def imports(path: Path, module: str, known: set[str]) -> Iterator[str]:
    """The betalint modules `path` imports (outside TYPE_CHECKING blocks)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(n) for n in ast.walk(tree) if _is_type_checking(n) for n in ast.walk(n)}
    is_package = path.name == "__init__.py"
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield from _resolve(alias.name, known)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, module, is_package)
            for alias in node.names:
                yield from _resolve(f"{base}.{alias.name}", known) or _resolve(base, known)


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _resolve(name: str, known: set[str]) -> list[str]:
    """The longest known module that `name` names (a module, or a name inside one)."""
    while name:
        if name in known:
            return [name]
        name = name.rpartition(".")[0]
    return []


def problems() -> list[str]:
    files = module_files()
    known = set(files)
    graph: dict[str, set[str]] = {}
    found: list[str] = []
    for module, path in files.items():
        targets = {t for t in imports(path, module, known) if t != module}
        for target in sorted(targets):  # `from betalint import x` in linter/ counts too
            if LAYERS[layer(target)] < LAYERS[layer(module)]:
                found.append(f"backward import: {module} imports {target}")
        # A package's own __init__ is not a dependency of its submodules' flow.
        graph[module] = {t for t in targets if not module.startswith(t + ".")}
    found += [f"import circle: {' -> '.join(c)}" for c in cycles(graph)]
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One representative circle per strongly connected component (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    result: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        result.append([*sorted(component), sorted(component)[0]])
                continue
            if child not in graph:
                continue
            if child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph[child]))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return result


def main() -> int:
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
