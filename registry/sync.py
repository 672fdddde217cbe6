"""Compare the registry with the `AnthropicBetaParam` literal of an anthropic SDK.

The SDK is read as source with `ast` (and `tokenize` for comments), never imported: importing
it costs over a second and runs its code. Where the SDK is:

- the installed `anthropic`, found with `importlib.util.find_spec` (which locates a top-level
  package without importing it);
- or a path: the package directory, a site-packages directory, a virtualenv, a source
  checkout (`src/anthropic/...`), or the literal's file itself.

Deprecation markers the parser understands (anthropic 2.14.0 uses none of them: SDK 2.9.0
moved its deprecated values to the end of the literal without any marker in the source, so
position alone says nothing the parser can trust):

- a comment containing "deprecated" on an element's line marks that element;
- a comment-only line containing "deprecated" marks the elements below it, up to the next
  comment-only line or the end of the `Literal[...]`;
- a `Literal` group reached through an alias whose name contains "deprecated";
- a paragraph of the alias' docstring that says "deprecated" marks the names it mentions.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import tokenize
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from betalint.registry.errors import BetalintError
from betalint.registry.model import Registry

ALIAS = "AnthropicBetaParam"
# Where the literal has lived, relative to the package directory; every one found is read.
LITERAL_FILES = ("types/anthropic_beta_param.py", "types/beta/anthropic_beta_param.py")
_DEPRECATED = re.compile(r"\bdeprecated\b", re.IGNORECASE)


class SdkNotFound(BetalintError):
    """No anthropic SDK (or no literal in it) where we looked."""


@dataclass(frozen=True)
class SdkLiteral:
    """The names of the SDK's literal, in source order, and those it marks deprecated."""

    package: Path
    version: str | None
    files: tuple[Path, ...]
    names: tuple[str, ...]
    deprecated: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SyncReport:
    """How the registry differs from one SDK literal."""

    sdk: SdkLiteral
    missing: tuple[str, ...]  # in the literal, not in the registry: the registry lags
    deprecated: tuple[str, ...]  # the SDK marks them deprecated
    dropped: tuple[str, ...]  # registry says in_sdk_literal = true, the literal lacks them
    unflagged: tuple[str, ...]  # in the literal, registry says in_sdk_literal = false
    registry_statuses: dict[str, str] = field(default_factory=dict)

    @property
    def lags(self) -> bool:
        """True when the SDK lists names the registry does not know."""
        return bool(self.missing)


def find_sdk(path: str | Path | None = None) -> Path:
    """The `anthropic` package directory: the installed one, or the one at or under `path`."""
    if path is None:
        try:
            spec = importlib.util.find_spec("anthropic")
        except (ImportError, ValueError):
            spec = None
        locations = list(spec.submodule_search_locations or []) if spec else []
        if not locations and spec is not None and spec.origin:
            locations = [str(Path(spec.origin).parent)]
        if not locations:
            raise SdkNotFound(
                "no anthropic package is installed here; give its path: "
                "--from-sdk PATH (package dir, site-packages, venv or SDK checkout)"
            )
        return Path(locations[0])
    root = Path(path)
    if not root.exists():
        raise SdkNotFound(f"{root}: no such file or directory")
    if root.is_file():
        return root
    for candidate in _package_candidates(root):
        if any((candidate / rel).is_file() for rel in LITERAL_FILES):
            return candidate
    raise SdkNotFound(
        f"{root}: no anthropic package with an {ALIAS} literal found "
        "(looked for anthropic/types/anthropic_beta_param.py at the path, in anthropic/, "
        "src/anthropic/ and lib/python*/site-packages/anthropic/)"
    )


def _package_candidates(root: Path) -> Iterator[Path]:
    yield root
    yield root / "anthropic"
    yield root / "src" / "anthropic"
    yield from sorted(root.glob("lib/python*/site-packages/anthropic"))
    yield from sorted(root.glob("Lib/site-packages/anthropic"))  # a Windows venv


def read_sdk(path: str | Path | None = None) -> SdkLiteral:
    """Find the SDK (see `find_sdk`) and parse its literal."""
    where = find_sdk(path)
    if where.is_file():
        files = [where]
        package = where.parent.parent if where.parent.name == "types" else where.parent
    else:
        package = where
        files = [where / rel for rel in LITERAL_FILES if (where / rel).is_file()]
        if not files:
            raise SdkNotFound(f"{where}: no {ALIAS} literal in {' or '.join(LITERAL_FILES)}")
    names: dict[str, None] = {}
    deprecated: set[str] = set()
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SdkNotFound(f"{file}: cannot read: {exc}") from None
        found, marked = parse_literal(text, str(file))
        names.update(dict.fromkeys(found))
        deprecated |= marked
    return SdkLiteral(
        package=package,
        version=sdk_version(package),
        files=tuple(files),
        names=tuple(names),
        deprecated=frozenset(deprecated),
    )


def parse_literal(source: str, filename: str = "<sdk>") -> tuple[tuple[str, ...], frozenset[str]]:
    """The string members of the module's `AnthropicBetaParam` alias, in source order, and
    the ones marked deprecated. Accepts `Literal[...]`, `Union[str, Literal[...]]`,
    `str | Literal[...]`, several `Literal` groups, and groups behind module-level aliases."""
    try:
        tree = ast.parse(source, filename)
    except SyntaxError as exc:
        raise SdkNotFound(f"{filename}: cannot parse: {exc.msg} (line {exc.lineno})") from None
    aliases, docstrings = _module_aliases(tree.body)
    if ALIAS not in aliases:
        raise SdkNotFound(f"{filename}: no `{ALIAS} = ...` assignment")
    groups: list[tuple[bool, int, list[ast.Constant]]] = []
    _collect(aliases[ALIAS], aliases, groups, by_alias=False, seen={ALIAS})
    if not groups:
        raise SdkNotFound(f"{filename}: {ALIAS} has no Literal[...] of strings")
    names, deprecated = _members(groups, _comments(source), aliases[ALIAS].lineno - 1)
    for paragraph in re.split(r"\n\s*\n", docstrings.get(ALIAS, "")):
        if _DEPRECATED.search(paragraph):
            deprecated |= {n for n in names if _mentions(paragraph, n)}
    return names, frozenset(deprecated)


def _module_aliases(body: list[ast.stmt]) -> tuple[dict[str, ast.expr], dict[str, str]]:
    """Module-level `NAME = ...` assignments, and the docstring right below each."""
    aliases: dict[str, ast.expr] = {}
    docstrings: dict[str, str] = {}
    for i, stmt in enumerate(body):
        target, value = _assignment(stmt)
        if target is None or value is None:
            continue
        aliases[target] = value
        after = body[i + 1] if i + 1 < len(body) else None
        if (
            isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            docstrings[target] = after.value.value
    return aliases, docstrings


def _members(
    groups: list[tuple[bool, int, list[ast.Constant]]],
    comments: dict[int, tuple[bool, str]],
    previous_line: int,
) -> tuple[tuple[str, ...], set[str]]:
    """Names in order, and those a group, a section comment or an inline comment marks
    deprecated. Comment-only lines between two members (or above a group) open a section."""
    names: dict[str, None] = {}
    deprecated: set[str] = set()
    for group_deprecated, start, members in groups:
        section = False
        if start <= previous_line:  # a group defined above the alias that names it
            previous_line = start - 1
        for member in members:
            name = member.value
            if not isinstance(name, str):
                continue
            between = [
                comments[line][1]
                for line in range(previous_line + 1, member.lineno)
                if line in comments and not comments[line][0]
            ]
            if between:
                section = any(_DEPRECATED.search(text) for text in between)
            own = comments.get(member.lineno)
            inline = own is not None and own[0] and bool(_DEPRECATED.search(own[1]))
            names[name] = None
            if group_deprecated or section or inline:
                deprecated.add(name)
            previous_line = member.end_lineno or member.lineno
    return tuple(names), deprecated


def _mentions(text: str, name: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) is not None


def _assignment(stmt: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name):
        return stmt.target.id, stmt.value
    if (
        isinstance(stmt, ast.Assign)
        and len(stmt.targets) == 1
        and isinstance(stmt.targets[0], ast.Name)
    ):
        return stmt.targets[0].id, stmt.value
    return None, None


def _collect(
    node: ast.expr,
    aliases: dict[str, ast.expr],
    groups: list[tuple[bool, int, list[ast.Constant]]],
    *,
    by_alias: bool,
    seen: set[str],
) -> None:
    """Append every `Literal[...]` group under `node` (following module-level aliases)."""
    if isinstance(node, ast.Subscript):
        head = node.value
        head_name = head.id if isinstance(head, ast.Name) else getattr(head, "attr", None)
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if head_name == "Literal":
            strings = [e for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            groups.append((by_alias, node.lineno, strings))
            return
        for item in items:  # Union[...], Optional[...], Annotated[...]
            _collect(item, aliases, groups, by_alias=by_alias, seen=seen)
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        _collect(node.left, aliases, groups, by_alias=by_alias, seen=seen)
        _collect(node.right, aliases, groups, by_alias=by_alias, seen=seen)
    elif isinstance(node, ast.Name) and node.id in aliases and node.id not in seen:
        marked = by_alias or "deprecated" in node.id.lower()
        _collect(aliases[node.id], aliases, groups, by_alias=marked, seen=seen | {node.id})


def _comments(source: str) -> dict[int, tuple[bool, str]]:
    """line → (shares the line with code, comment text)."""
    found: dict[int, tuple[bool, str]] = {}
    code_lines: set[int] = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type == tokenize.COMMENT:
                found[tok.start[0]] = (False, tok.string)
            elif tok.type not in (
                tokenize.NL,
                tokenize.NEWLINE,
                tokenize.INDENT,
                tokenize.DEDENT,
                tokenize.ENDMARKER,
            ):
                code_lines.update(range(tok.start[0], tok.end[0] + 1))
    except (tokenize.TokenError, SyntaxError):  # ast parsed it; comments are a bonus
        return {}
    return {n: (n in code_lines, text) for n, (_, text) in found.items()}


def sdk_version(package: Path) -> str | None:
    """`__version__` from anthropic/_version.py, read with ast."""
    try:
        return version_in_source((package / "_version.py").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def version_in_source(source: str) -> str | None:
    """The string assigned to `__version__` in a module's source, or None."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for stmt in tree.body:
        target, value = _assignment(stmt)
        if (
            target == "__version__"
            and isinstance(value, ast.Constant)
            and isinstance(value.value, str)
        ):
            return value.value
    return None


def compare(sdk: SdkLiteral, registry: Registry) -> SyncReport:
    """What the registry lacks, what the SDK deprecates, and where `in_sdk_literal` is stale."""
    listed = set(sdk.names)
    missing = tuple(n for n in sdk.names if n not in registry)
    dropped = tuple(
        sorted(n for n, e in registry.entries.items() if e.in_sdk_literal and n not in listed)
    )
    unflagged = tuple(
        n for n in sdk.names if (e := registry.get(n)) is not None and not e.in_sdk_literal
    )
    deprecated = tuple(n for n in sdk.names if n in sdk.deprecated)
    statuses: dict[str, str] = {
        n: e.status for n in sdk.names if (e := registry.get(n)) is not None
    }
    return SyncReport(sdk, missing, deprecated, dropped, unflagged, statuses)
